import type { Transformer } from "grammy";

/**
 * The overall send budget. An interface so that several instances can later share one budget (in the
 * database or elsewhere); this process's own is LocalSendBudget.
 */
export interface SendBudget {
  /** Takes one send now if the budget allows (returns 0), else returns how many ms to wait before asking again. */
  take(now: number): number | Promise<number>;
  /** Holds every send until `until` (Telegram answered 429 for several chats at once). */
  pause(until: number): void | Promise<void>;
}

// Sends arrive at Telegram a little bunched (network jitter, a busy process at either end), so the window
// a budget counts in is a little longer than a second; each flood across chats lengthens it a step (up to a
// cap) and each quiet half-minute shortens it again: the rate settles just below where floods begin.
const MARGIN = { start: 1.025, step: 0.02, max: 1.15, quietMs: 30_000 };

/**
 * One process's budget: at most `rate` sends in any (slightly long) second, counted when each send is let
 * go (not when it was planned), and evenly spaced, so sends delayed by a busy event loop cannot bunch up.
 */
export class LocalSendBudget implements SendBudget {
  private readonly granted: Float64Array;
  private readonly secondMs: number;
  private readonly gapMs: number;
  private margin = MARGIN.start;
  private oldest = 0;
  /** When the next send is due on an even schedule (GCRA's theoretical arrival time). */
  private due = Number.NEGATIVE_INFINITY;
  private pausedUntil = 0;
  private calmSince = 0;

  constructor(rate: number) {
    const slots = Math.max(1, Math.min(1000, Math.ceil(rate)));
    this.granted = new Float64Array(slots).fill(Number.NEGATIVE_INFINITY);
    this.secondMs = (slots / rate) * 1000;
    // A send may go up to two gaps early, so timers firing late do not lower the rate.
    this.gapMs = 1000 / rate;
  }

  /** See SendBudget.take. */
  take(now: number): number {
    if (this.pausedUntil > now) return this.pausedUntil - now;
    if (this.margin > MARGIN.start && now - this.calmSince > MARGIN.quietMs) {
      this.margin = Math.max(MARGIN.start, this.margin - MARGIN.step / 2);
      this.calmSince = now;
    }
    const windowMs = Math.max(1, this.secondMs * this.margin);
    const freeAt = Math.max((this.granted[this.oldest] as number) + windowMs, this.due - 2 * this.gapMs);
    if (freeAt > now) return Math.max(1, Math.ceil(freeAt - now));
    this.due = Math.max(this.due, now) + this.gapMs;
    this.granted[this.oldest] = now;
    this.oldest = (this.oldest + 1) % this.granted.length;
    return 0;
  }

  /** See SendBudget.pause; also slows the budget a step, since the flood says it ran too close to the limit. */
  pause(until: number): void {
    if (until > this.pausedUntil) this.margin = Math.min(MARGIN.max, this.margin + MARGIN.step);
    this.pausedUntil = Math.max(this.pausedUntil, until);
    this.calmSince = until;
  }
}

/** A per-chat token bucket: `capacity` sends at once, refilled by one every `refillMs`. */
export interface ChatLimit {
  capacity: number;
  refillMs: number;
}

/** Telegram's per-chat pace: ~1/s in a private chat with short bursts; 20/min in groups and channels. */
export const PRIVATE_LIMIT: ChatLimit = { capacity: 3, refillMs: 1000 };
/** 3 at once + 16 refills a minute + 1 borrowed by a command reply = at most 20 in any minute. */
export const GROUP_LIMIT: ChatLimit = { capacity: 3, refillMs: 3750 };

/** How the scheduler paces; the defaults are Telegram's published limits. */
export interface SchedulerOptions {
  /** The overall budget (default: this process alone at 30/s). */
  budget?: SendBudget;
  /** Requests to Telegram in flight at once. */
  maxInFlight?: number;
  privateLimit?: ChatLimit;
  groupLimit?: ChatLimit;
  /** 429s from this many different chats within FLOOD_WINDOW_MS pause the whole bot. */
  floodChats?: number;
  now?: () => number;
}

/** How a transformer treats the calls it paces. */
export interface TransformerOptions {
  /**
   * Command replies: may go one message ahead of the chat's budget (a person is waiting), and one 429
   * with a short retry_after is retried. Alerts (false) never wait on a 429: the sender reschedules them.
   */
  interactive: boolean;
}

interface ChatState {
  tokens: number;
  updatedAt: number;
  heldUntil: number;
}

const FLOOD_WINDOW_MS = 1_000;
const REPLY_RETRY_MAX_S = 10;
// Calls that put something into a chat and count against Telegram's per-chat limits.
const CHAT_SENDS = /^(send(?!ChatAction)|copyMessages?$|forwardMessages?$|editMessage)/;

/**
 * The one scheduler for everything the bot sends (alerts and command replies): a grammY API transformer
 * that paces each call by the overall budget and its chat's limit, bounds how many are in flight, holds a
 * chat for Telegram's retry_after and pauses everything when several chats are flooded at once.
 */
export class SendScheduler {
  private readonly budget: SendBudget;
  private readonly maxInFlight: number;
  private readonly privateLimit: ChatLimit;
  private readonly groupLimit: ChatLimit;
  private readonly floodChats: number;
  private readonly now: () => number;
  private readonly chats = new Map<string, ChatState>();
  private readonly waiting: Array<() => void> = [];
  private inFlight = 0;
  private pausedUntil = 0;
  private floods: Array<{ chat: string; at: number; until: number }> = [];
  private lastPrune = 0;

  constructor(opts: SchedulerOptions = {}) {
    this.budget = opts.budget ?? new LocalSendBudget(30);
    this.maxInFlight = opts.maxInFlight ?? 16;
    this.privateLimit = opts.privateLimit ?? PRIVATE_LIMIT;
    this.groupLimit = opts.groupLimit ?? GROUP_LIMIT;
    this.floodChats = opts.floodChats ?? 2;
    this.now = opts.now ?? Date.now;
  }

  /** A transformer to install with `api.config.use(...)`. */
  transformer(opts: TransformerOptions): Transformer {
    return async (prev, method, payload, signal) => {
      const chat = chatKey(method, payload);
      if (chat === null) return prev(method, payload, signal);
      for (let attempt = 0; ; attempt++) {
        await this.acquire(chat, opts.interactive, signal as Abortable | undefined);
        let res: Awaited<ReturnType<typeof prev>>;
        try {
          // An abort stops the wait for a slot, never a send under way: its answer says whether it went.
          res = await prev(method, payload);
        } finally {
          this.releaseSlot();
        }
        if (res.ok || res.error_code !== 429) return res;
        const retryAfter = res.parameters?.retry_after ?? 5;
        this.flooded(chat, retryAfter);
        if (!opts.interactive || attempt > 0 || retryAfter > REPLY_RETRY_MAX_S) return res;
      }
    };
  }

  /** When a chat may next get a message (now or earlier: it may right away). */
  chatReadyAt(chatId: number | string): number {
    return this.readyFor(String(chatId), 1);
  }

  /** How many messages a chat can take right now without waiting (0 while it is held). */
  available(chatId: number | string): number {
    const now = this.now();
    const key = String(chatId);
    const state = this.state(key, now);
    if (state.heldUntil > now || this.pausedUntil > now) return 0;
    return Math.max(0, Math.floor(state.tokens));
  }

  /** Records a 429 for a chat: held for retry_after; several chats at once pause every send. */
  flooded(chat: number | string, retryAfterSeconds: number): void {
    const now = this.now();
    const key = String(chat);
    const until = now + retryAfterSeconds * 1000;
    const state = this.state(key, now);
    state.heldUntil = Math.max(state.heldUntil, until);
    this.floods = this.floods.filter((f) => f.at > now - FLOOD_WINDOW_MS && f.chat !== key);
    this.floods.push({ chat: key, at: now, until });
    if (this.floods.length >= this.floodChats) {
      const longest = Math.max(...this.floods.map((f) => f.until));
      this.pausedUntil = Math.max(this.pausedUntil, longest);
      void this.budget.pause(longest);
    }
  }

  /** True while every send is paused after a flood across chats. */
  isPaused(): boolean {
    return this.pausedUntil > this.now();
  }

  private async acquire(chat: string, interactive: boolean, signal?: Abortable): Promise<void> {
    const floor = interactive ? 0 : 1;
    for (;;) {
      const readyAt = this.readyFor(chat, floor);
      if (readyAt > this.now()) {
        await sleep(readyAt - this.now(), signal);
        continue;
      }
      if (this.inFlight >= this.maxInFlight) await new Promise<void>((r) => this.waiting.push(r));
      this.inFlight++;
      // Counted when let go, after every other wait, so a late timer cannot bunch sends beyond the rate.
      const wait = await this.budget.take(this.now());
      if (wait === 0 && this.readyFor(chat, floor) <= this.now()) {
        this.state(chat, this.now()).tokens -= 1;
        return;
      }
      this.releaseSlot();
      if (wait > 0) await sleep(wait, signal);
    }
  }

  /** When a chat can take a send, given how far below one token the caller may go. */
  private readyFor(chat: string, floor: number): number {
    const now = this.now();
    const state = this.state(chat, now);
    const tokenAt = state.tokens >= floor ? now : now + (floor - state.tokens) * this.limitOf(chat).refillMs;
    return Math.max(tokenAt, state.heldUntil, this.pausedUntil);
  }

  private releaseSlot(): void {
    this.inFlight--;
    this.waiting.shift()?.();
  }

  private limitOf(chat: string): ChatLimit {
    // Negative ids and @usernames are groups, supergroups and channels; positive ids are private chats.
    return chat.startsWith("-") || chat.startsWith("@") ? this.groupLimit : this.privateLimit;
  }

  private state(chat: string, now: number): ChatState {
    this.prune(now);
    const limit = this.limitOf(chat);
    let s = this.chats.get(chat);
    if (!s) {
      s = { tokens: limit.capacity, updatedAt: now, heldUntil: 0 };
      this.chats.set(chat, s);
    }
    s.tokens = Math.min(limit.capacity, s.tokens + (now - s.updatedAt) / limit.refillMs);
    s.updatedAt = now;
    return s;
  }

  /** Forgets chats back at full budget and not held, so the map holds only recently written chats. */
  private prune(now: number): void {
    if (now - this.lastPrune < 60_000) return;
    this.lastPrune = now;
    for (const [chat, s] of this.chats) {
      const limit = this.limitOf(chat);
      const full = s.tokens + (now - s.updatedAt) / limit.refillMs >= limit.capacity;
      if (full && s.heldUntil <= now) this.chats.delete(chat);
    }
  }
}

/** The chat a call writes to, or null for calls that do not (getUpdates, answerCallbackQuery…). */
function chatKey(method: string, payload: unknown): string | null {
  if (!CHAT_SENDS.test(method)) return null;
  const chat = (payload as { chat_id?: unknown } | undefined)?.chat_id;
  return typeof chat === "number" || typeof chat === "string" ? String(chat) : null;
}

/** The part of an AbortSignal a wait needs (grammY hands over a polyfilled one). */
type Abortable = Pick<AbortSignal, "aborted" | "addEventListener" | "removeEventListener">;

function sleep(ms: number, signal?: Abortable): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new Error("aborted while waiting to send"));
    const t = setTimeout(done, ms);
    function done() {
      signal?.removeEventListener("abort", abort);
      resolve();
    }
    function abort() {
      clearTimeout(t);
      reject(new Error("aborted while waiting to send"));
    }
    signal?.addEventListener("abort", abort, { once: true });
  });
}
