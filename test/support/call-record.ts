import type { AnsweredSend, SentMessage } from "./bot-api-types.js";

/** What the bot asked of the fake and how it was answered: the record tests assert on. */
export class CallRecord {
  /** Successful sendMessage/editMessageText/answerCallbackQuery calls, in order (raw text as sent). */
  readonly sent: SentMessage[] = [];
  /** Every request received (including failed ones), in order. */
  readonly calls: Array<{ method: string; payload: Record<string, unknown> }> = [];
  /** Every answered call that writes to a chat (sendMessage, editMessageText, sendDocument), in order. */
  readonly answered: AnsweredSend[] = [];
  private readonly sentWaiters = new Set<(m: SentMessage) => void>();

  /** Records a handled message and hands it to waiters, so `waitForSent` resolves without polling. */
  record(m: SentMessage): void {
    this.sent.push(m);
    for (const w of [...this.sentWaiters]) w(m);
  }

  /** How many sends were answered 429 because a limit was hit (failNext ones not counted). */
  get floods(): number {
    return this.answered.filter((a) => a.byLimit).length;
  }

  /** Resolves with the first recorded message matching `predicate` (already recorded ones count). */
  waitForSent(predicate: (m: SentMessage) => boolean, timeoutMs: number): Promise<SentMessage> {
    const found = this.sent.find(predicate);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const waiter = (m: SentMessage) => {
        if (!predicate(m)) return;
        cleanup();
        resolve(m);
      };
      const timer = setTimeout(() => {
        cleanup();
        const seen = this.sent
          .map((m) => `${m.method}(${m.chat_id}): ${JSON.stringify(m.text)}`)
          .join("\n  ");
        reject(new Error(`waitForSent: no match within ${timeoutMs} ms; recorded:\n  ${seen || "(none)"}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.sentWaiters.delete(waiter);
      };
      this.sentWaiters.add(waiter);
    });
  }
}
