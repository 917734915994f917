import { type Api, GrammyError } from "grammy";
import type { Logger } from "../log.js";
import { alertMessages } from "../metrics.js";
import type { Store } from "../store/store.js";
import { packMessages } from "./format.js";
import { groupBy } from "./group-by.js";
import { SendLimiter } from "./limiter.js";

/** How the sender behaves; the defaults suit production. */
export interface SenderOptions {
  timeZone: string;
  log: Logger;
  limiter?: SendLimiter;
  /** How long the loop sleeps when nothing is due (a kick wakes it sooner). */
  idleMs?: number;
  /** Passing failures are retried this many times before an alert is given up. */
  maxAttempts?: number;
  /** The clock that decides what is due; tests move it instead of waiting. */
  now?: () => number;
  /** Told when Telegram moved a group to a new (supergroup) id, so in-memory state can follow. */
  onChatMigrated?: (from: number, to: number) => void;
}

/** What to do with alerts after Telegram refused them. */
type Verdict =
  | { kind: "retry"; afterMs: number }
  | { kind: "gone" }
  | { kind: "migrated"; to: number }
  | { kind: "fail" };

/** Classifies a failed sendMessage by what Telegram (or the network) said. */
export function classifySendError(err: unknown, attempts: number): Verdict {
  const backoff = Math.min(600_000, 5_000 * 2 ** attempts);
  if (err instanceof GrammyError) {
    if (err.error_code === 429) return { kind: "retry", afterMs: (err.parameters.retry_after ?? 5) * 1000 };
    if (err.parameters.migrate_to_chat_id) return { kind: "migrated", to: err.parameters.migrate_to_chat_id };
    if (err.error_code === 403) return { kind: "gone" };
    if (err.error_code === 400 && /chat not found|chat_write_forbidden|have no rights/i.test(err.description))
      return { kind: "gone" };
    if (err.error_code >= 500) return { kind: "retry", afterMs: backoff };
    return { kind: "fail" };
  }
  // Network trouble (HttpError) and anything unexpected: try again later.
  return { kind: "retry", afterMs: backoff };
}

/**
 * Sends queued alerts within Telegram's limits and records each outcome, so an alert is marked sent
 * only after Telegram accepted it: a crash mid-send means a retry, never a loss.
 */
export class AlertSender {
  private readonly limiter: SendLimiter;
  private readonly idleMs: number;
  private readonly maxAttempts: number;
  private readonly now: () => number;
  private running = false;
  private stopRequested = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;

  constructor(
    private readonly api: Api,
    private readonly store: Store,
    private readonly opts: SenderOptions,
  ) {
    this.limiter = opts.limiter ?? new SendLimiter();
    this.idleMs = opts.idleMs ?? 2_000;
    this.maxAttempts = opts.maxAttempts ?? 8;
    this.now = opts.now ?? Date.now;
  }

  /** Starts the background loop. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Wakes the loop now, e.g. right after a poll queued alerts. */
  kick(): void {
    this.wake?.();
  }

  /** Stops after the message in flight (if any) is recorded. */
  async stop(): Promise<void> {
    this.running = false;
    this.stopRequested = true;
    this.kick();
    await this.loop;
  }

  private async run(): Promise<void> {
    while (this.running) {
      let waitMs = this.idleMs;
      try {
        const r = await this.runOnce();
        if (r.sent > 0) waitMs = 0;
        else if (r.nextReadyAt !== null)
          waitMs = Math.max(0, Math.min(this.idleMs, r.nextReadyAt - this.now()));
      } catch (err) {
        this.opts.log.error({ err }, "delivery round failed");
      }
      if (this.running && waitMs > 0) await this.sleep(waitMs);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(done, ms);
      function done() {
        clearTimeout(t);
        resolve();
      }
      this.wake = done;
    });
  }

  /**
   * One round: at most one message per chat whose turn has come, so a flooded chat cannot starve
   * the others. Returns how many messages went out and when a held-back chat will be ready.
   */
  async runOnce(): Promise<{ sent: number; nextReadyAt: number | null }> {
    const now = this.now();
    this.limiter.prune(now);
    const due = await this.store.outbox.due(now, 500);
    const byChat = groupBy(due, (a) => a.chatId);
    let sent = 0;
    let nextReadyAt: number | null = null;
    for (const [chatId, alerts] of byChat) {
      if (this.stopRequested) break;
      const readyAt = this.limiter.chatReadyAt(chatId);
      if (readyAt > this.now() + 50) {
        nextReadyAt = nextReadyAt === null ? readyAt : Math.min(nextReadyAt, readyAt);
        continue;
      }
      const [message] = packMessages(alerts, this.opts.timeZone);
      if (!message) continue;
      const at = this.limiter.reserve(chatId, this.now());
      if (at > this.now()) await new Promise((r) => setTimeout(r, at - this.now()));
      const attempts = Math.max(...alerts.filter((a) => message.ids.includes(a.id)).map((a) => a.attempts));
      if (await this.send(chatId, message, attempts)) sent++;
    }
    return { sent, nextReadyAt };
  }

  private async send(
    chatId: number,
    message: { ids: number[]; html: string },
    attempts: number,
  ): Promise<boolean> {
    try {
      const m = await this.api.sendMessage(chatId, message.html, {
        parse_mode: "HTML",
        link_preview_options: { is_disabled: message.ids.length > 1 },
      });
      await this.store.outbox.markSent(message.ids, m.message_id, this.now());
      alertMessages.inc({ outcome: "sent" });
      return true;
    } catch (err) {
      await this.handleFailure(chatId, message.ids, attempts, err);
      return false;
    }
  }

  private async handleFailure(chatId: number, ids: number[], attempts: number, err: unknown): Promise<void> {
    const verdict = classifySendError(err, attempts);
    const reason = err instanceof Error ? err.message : String(err);
    const log = this.opts.log.child({ chatId, alerts: ids.length });
    alertMessages.inc({
      outcome: verdict.kind === "retry" && attempts + 1 >= this.maxAttempts ? "failed" : verdict.kind,
    });
    switch (verdict.kind) {
      case "retry":
        if (attempts + 1 >= this.maxAttempts) {
          log.error({ reason }, "giving up on alerts after repeated failures");
          await this.store.outbox.markFailed(ids, reason);
        } else {
          log.warn({ reason, retryInMs: verdict.afterMs }, "alert send failed, will retry");
          this.limiter.backOff(chatId, this.now() + verdict.afterMs);
          await this.store.outbox.markRetry(ids, reason, this.now() + verdict.afterMs);
        }
        return;
      case "migrated":
        log.info({ to: verdict.to }, "group became a supergroup; moving its settings");
        await this.store.chats.migrateId(chatId, verdict.to);
        this.opts.onChatMigrated?.(chatId, verdict.to);
        return;
      case "gone":
        log.info({ reason }, "chat no longer reachable; alerts stopped for it");
        await this.store.chats.setActive(chatId, false);
        await this.store.outbox.dropPending(chatId, reason);
        return;
      case "fail":
        log.error({ reason }, "Telegram refused an alert");
        await this.store.outbox.markFailed(ids, reason);
        return;
    }
  }
}
