import type { FakeApiError, FakeLimits } from "./bot-api-types.js";

/** What kind of outage the fake simulates: "5xx" answers 502, "network" drops the connection. */
export type Outage = "5xx" | "network";

/**
 * Everything that makes the fake answer worse than a healthy Bot API: forced errors, refused chats, a
 * revoked token, latency, outages and Telegram's flood limits. Kept apart from the methods' logic so a
 * test's injected trouble is decided in one place, before any method runs.
 */
export class FakeFaults {
  /** The token was revoked (see `revoke`): every call is answered 401. */
  revoked = false;
  /** Delay before answering every call but getUpdates, like a distant Bot API. */
  latencyMs: number;
  /** Flood limits enforced on sends (null: none). */
  limits: FakeLimits | null;
  /** The outage under way, if any. */
  outage: Outage | null = null;
  private readonly failures = new Map<string, FakeApiError[]>();
  private readonly refusals = new Map<number, FakeApiError>();
  private readonly recentAll: number[] = [];
  private readonly recentByGroup = new Map<number, number[]>();

  /** Starts with the latency and limits `BotApiServer.start` was given. */
  constructor(latencyMs: number, limits: FakeLimits | null) {
    this.latencyMs = latencyMs;
    this.limits = limits;
  }

  /** Makes the next `times` calls of `method` fail with `error` (HTTP status = error_code). */
  failNext(method: string, error: FakeApiError, times: number): void {
    const list = this.failures.get(method.toLowerCase()) ?? [];
    for (let n = 0; n < times; n++) list.push(error);
    this.failures.set(method.toLowerCase(), list);
  }

  /** Refuses every write to one chat with `error` until called again with null. */
  refuseChat(chatId: number, error: FakeApiError | null): void {
    if (error) this.refusals.set(chatId, error);
    else this.refusals.delete(chatId);
  }

  /**
   * The error to answer a call with instead of handling it: a forced one (`failNext`, used up once taken)
   * comes before a refused chat's, since a test forcing one error means exactly that call.
   */
  takeFailure(lowerMethod: string, writes: boolean, chatId: number): FakeApiError | undefined {
    return this.failures.get(lowerMethod)?.shift() ?? (writes ? this.refusals.get(chatId) : undefined);
  }

  /** Seconds to wait when a send now would break a limit (0: within limits); counts the send otherwise. */
  overLimit(chatId: number): number {
    if (!this.limits) return 0;
    const now = Date.now();
    const window = (list: number[], ms: number) => {
      while (list.length && (list[0] as number) <= now - ms) list.shift();
      return list;
    };
    const all = window(this.recentAll, 1000);
    if (all.length >= this.limits.perSecond)
      return Math.max(1, Math.ceil(((all[0] as number) + 1000 - now) / 1000));
    const group = chatId < 0 ? window(this.recentByGroup.get(chatId) ?? [], 60_000) : null;
    if (group && group.length >= this.limits.perGroupPerMinute)
      return Math.max(1, Math.ceil(((group[0] as number) + 60_000 - now) / 1000));
    all.push(now);
    if (group) {
      group.push(now);
      this.recentByGroup.set(chatId, group);
    }
    return 0;
  }
}
