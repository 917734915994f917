/** Telegram's documented pace: about 30 messages a second overall, one a second per chat, 20 a minute per group. */
export interface LimiterOptions {
  perSecond?: number;
  privateGapMs?: number;
  groupGapMs?: number;
}

/**
 * Decides when the next message may go out, overall and per chat, so alerts stay within Telegram's
 * limits instead of running into 429s. Purely arithmetic on a clock; the caller does the waiting.
 */
export class SendLimiter {
  private readonly globalGapMs: number;
  private readonly privateGapMs: number;
  private readonly groupGapMs: number;
  private nextGlobal = 0;
  private readonly nextByChat = new Map<number, number>();

  constructor(opts: LimiterOptions = {}) {
    this.globalGapMs = 1000 / (opts.perSecond ?? 25);
    this.privateGapMs = opts.privateGapMs ?? 1000;
    this.groupGapMs = opts.groupGapMs ?? 3000;
  }

  /** When this chat may next be written to (0 if now). */
  chatReadyAt(chatId: number): number {
    return this.nextByChat.get(chatId) ?? 0;
  }

  /** Reserves a slot for one message to a chat; returns the moment it may be sent. */
  reserve(chatId: number, now: number): number {
    const at = Math.max(now, this.nextGlobal, this.chatReadyAt(chatId));
    this.nextGlobal = at + this.globalGapMs;
    // Negative ids are groups, supergroups and channels, which Telegram paces more strictly.
    this.nextByChat.set(chatId, at + (chatId < 0 ? this.groupGapMs : this.privateGapMs));
    return at;
  }

  /** Holds a chat back after Telegram asked to wait (429 retry_after). */
  backOff(chatId: number, untilMs: number): void {
    this.nextByChat.set(chatId, Math.max(this.chatReadyAt(chatId), untilMs));
  }

  /** Forgets chats whose pause has long passed, so the map does not grow without bound. */
  prune(now: number): void {
    for (const [chat, at] of this.nextByChat) if (at < now - 60_000) this.nextByChat.delete(chat);
  }
}
