import type { Logger } from "../log.js";
import { alertRecordRetries } from "../metrics.js";
import type { OutboxStore } from "../store/outbox.js";

interface Unrecorded {
  ids: number[];
  messageId: number;
  sentAt: number;
}

const QUICK_RETRIES_MS = [50, 250, 1_000];
const LATER_RETRY_MS = 5_000;

/**
 * Records what Telegram accepted. A failing database must not turn into a second send: the record is
 * retried at once with back-off, then kept in memory (its rows stay leased and are never claimed again
 * by this process) and retried until it succeeds.
 */
export class SentLedger {
  private readonly pending = new Map<number, Unrecorded>();
  private nextFlushAt = 0;

  constructor(
    private readonly outbox: Pick<OutboxStore, "markSent">,
    private readonly log: Logger,
    private readonly now: () => number,
  ) {}

  /** True while an alert was sent but not yet recorded: it must not be sent again. */
  holds(id: number): boolean {
    return this.pending.has(id);
  }

  /** How many sent messages still wait for their record. */
  get size(): number {
    return new Set(this.pending.values()).size;
  }

  /** Records a sent message; never throws (what could not be recorded is kept and retried). */
  async record(ids: number[], messageId: number): Promise<void> {
    const entry = { ids, messageId, sentAt: this.now() };
    for (const id of ids) this.pending.set(id, entry);
    for (const delay of [0, ...QUICK_RETRIES_MS]) {
      if (delay) await new Promise((r) => setTimeout(r, delay));
      if (await this.write(entry)) return;
    }
    this.nextFlushAt = this.now() + LATER_RETRY_MS;
    this.log.error(
      { alerts: ids, messageId },
      "Telegram accepted an alert but recording it failed; kept in memory, will not be resent",
    );
  }

  /** Retries the records still owed (called from the delivery loop); true when none is left. */
  async flush(force = false): Promise<boolean> {
    if (this.pending.size === 0) return true;
    if (!force && this.now() < this.nextFlushAt) return false;
    for (const entry of new Set(this.pending.values())) await this.write(entry);
    if (this.pending.size) this.nextFlushAt = this.now() + LATER_RETRY_MS;
    return this.pending.size === 0;
  }

  /** What is still unrecorded, for the shutdown log line. */
  unrecorded(): Array<{ ids: number[]; messageId: number }> {
    return [...new Set(this.pending.values())].map(({ ids, messageId }) => ({ ids, messageId }));
  }

  private async write(entry: Unrecorded): Promise<boolean> {
    try {
      await this.outbox.markSent(entry.ids, entry.messageId, entry.sentAt);
      for (const id of entry.ids) this.pending.delete(id);
      return true;
    } catch (err) {
      alertRecordRetries.inc();
      this.log.warn({ err, alerts: entry.ids }, "recording a sent alert failed; retrying");
      return false;
    }
  }
}
