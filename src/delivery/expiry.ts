/**
 * Giving up by age (ALERT_MAX_AGE): an alert Telegram could not take — an outage, 429s, a chat that
 * blocked the bot — stays pending until it is this old, then it is dropped with a log line and a metric.
 * Age, not attempts, so a long outage delays alerts and loses none younger than the limit.
 */
import type { Logger } from "../log.js";
import { alertsDropped } from "../metrics.js";
import { type DueAlert, EXPIRED } from "../store/outbox.js";
import type { Chat } from "../store/schema.js";
import type { Store } from "../store/store.js";

const SWEEP_EVERY_MS = 30_000;
/** The longest a chat's pace holds an alert: a daily digest (< 1 day) pushed past quiet hours (< 1 day). */
const PACE_HOLD_MAX_MS = 2 * 24 * 3_600_000;

/** The age rule, applied by a sweep over the queue and again to each turn's claimed alerts. */
export class AlertExpiry {
  #lastSweep = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly store: Store,
    private readonly log: Logger,
    private readonly maxAgeMs: number,
  ) {}

  /** Drops pending alerts past the limit, at most every 30 s unless `force`. */
  async sweep(now: number, force: boolean): Promise<void> {
    if (!force && now - this.#lastSweep < SWEEP_EVERY_MS) return;
    this.#lastSweep = now;
    // A digest or quiet hours may hold an alert up to two days; its age counts from then.
    const expired = await this.store.outbox.expire(
      now - this.maxAgeMs,
      now,
      now - this.maxAgeMs - PACE_HOLD_MAX_MS,
    );
    for (const [chatId, n] of expired) this.#dropped(chatId, n);
  }

  /**
   * Gives up on claimed alerts past the limit and returns the rest: a chat back after a block, or a long
   * outage, must not get what expired since the last sweep.
   */
  async withoutTooOld(
    chatId: number,
    claimed: DueAlert[],
    chat: Chat | undefined,
    now: number,
  ): Promise<DueAlert[]> {
    const paced = chat != null && (chat.digest != null || chat.quiet_from != null);
    const cutoff = now - this.maxAgeMs - (paced ? PACE_HOLD_MAX_MS : 0);
    const tooOld = claimed.filter((a) => a.createdAt < cutoff).map((a) => a.id);
    if (tooOld.length === 0) return claimed;
    await this.store.outbox.markFailed(tooOld, EXPIRED);
    this.#dropped(chatId, tooOld.length);
    return claimed.filter((a) => a.createdAt >= cutoff);
  }

  #dropped(chatId: number, n: number): void {
    alertsDropped.inc({ reason: "too-old" }, n);
    this.log.warn({ chatId, alerts: n }, "alerts dropped undelivered after ALERT_MAX_AGE");
  }
}
