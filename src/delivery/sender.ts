import type { Api } from "grammy";
import type { InlineKeyboardMarkup } from "grammy/types";
import type { Logger } from "../log.js";
import { alertMessages, observeAlertDelivered } from "../metrics.js";
import type { DueAlert } from "../store/outbox.js";
import type { Store } from "../store/store.js";
import { AlertExpiry } from "./expiry.js";
import { planTurn, type TopicMessage } from "./layout.js";
import { SendScheduler } from "./scheduler.js";
import { SentLedger } from "./sent-ledger.js";
import { classifySendError } from "./verdict.js";

/** How the sender behaves; the defaults suit production. */
export interface SenderOptions {
  timeZone: string;
  log: Logger;
  /** The scheduler the `api` passed in is paced by; the sender asks it which chats are ready. */
  scheduler?: SendScheduler;
  /** Chats served at once (each turn sends that chat's messages in order). */
  concurrency?: number;
  /** An alert Telegram could not take is dropped once this old (ALERT_MAX_AGE). */
  maxAgeMs?: number;
  /** More than this many stories due for one chat are sent as a compact list. */
  backlogCap?: number;
  /** How long the loop sleeps when nothing is due (a kick wakes it sooner). */
  idleMs?: number;
  /** The clock that decides what is due; tests move it instead of waiting. */
  now?: () => number;
  /** Told when Telegram moved a group to a new (supergroup) id, so in-memory state can follow. */
  onChatMigrated?: (from: number, to: number) => void;
  /** The buttons under an alert message caught by these subscriptions (the bot's; injected to keep layers apart). */
  keyboardFor?: (
    chatId: number,
    subscriptionIds: readonly number[],
  ) => Promise<InlineKeyboardMarkup | undefined>;
}

/** How long a turn owns the rows it claimed: beyond any send's timeout (grammY: 60 s). */
const LEASE_MS = 5 * 60_000;
/** Rows one turn claims at most; a bigger backlog is worked through turn by turn. */
const CLAIM_LIMIT = 200;

/**
 * Sends queued alerts: one turn per chat with due alerts, the longest-waiting chat first, several chats
 * at once. A turn leases all of the chat's due alerts, packs them into as few messages as fit, sends as
 * many as the chat may take now and hands the rest back for its next turn. Nothing in here waits on
 * behalf of one chat: a flooded or failing chat's alerts are rescheduled and the others go on.
 */
export class AlertSender {
  private readonly scheduler: SendScheduler;
  private readonly concurrency: number;
  private readonly expiry: AlertExpiry;
  private readonly backlogCap: number;
  private readonly idleMs: number;
  private readonly now: () => number;
  private readonly ledger: SentLedger;
  private running = false;
  private stopRequested = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  /** Aborted on stop: sends still waiting for a slot give up (their alerts stay pending). */
  private stopping = new AbortController();

  constructor(
    private readonly api: Api,
    private readonly store: Store,
    private readonly opts: SenderOptions,
  ) {
    this.scheduler = opts.scheduler ?? new SendScheduler();
    this.concurrency = opts.concurrency ?? 8;
    this.expiry = new AlertExpiry(store, opts.log, opts.maxAgeMs ?? 24 * 3_600_000);
    this.backlogCap = opts.backlogCap ?? 50;
    this.idleMs = opts.idleMs ?? 2_000;
    this.now = opts.now ?? Date.now;
    this.ledger = new SentLedger(store.outbox, opts.log, this.now);
  }

  /** Starts the background loop. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.stopRequested = false;
    this.stopping = new AbortController();
    this.loop = this.run();
  }

  /** Wakes the loop now, e.g. right after a poll queued alerts. */
  kick(): void {
    this.wake?.();
  }

  /** Stops after the turns in flight are recorded; says which sent alerts could not be recorded. */
  async stop(): Promise<void> {
    this.running = false;
    this.stopRequested = true;
    this.stopping.abort();
    this.kick();
    await this.loop;
    if (!(await this.ledger.flush(true)))
      this.opts.log.error(
        { unrecorded: this.ledger.unrecorded() },
        "stopping with sent alerts the database did not record; they may be sent again after restart",
      );
  }

  /** One pass over every chat due now (tests and shutdown use it); returns messages sent and the next due time. */
  async runOnce(): Promise<{ sent: number; nextReadyAt: number | null }> {
    await this.housekeeping(true);
    const chats = await this.store.outbox.dueChats(this.now(), 100_000);
    let sent = 0;
    const workers = Array.from({ length: this.concurrency }, async () => {
      for (let chat = chats.shift(); chat !== undefined; chat = chats.shift()) {
        const n = await this.turn(chat);
        sent += n;
      }
    });
    await Promise.all(workers);
    return { sent, nextReadyAt: await this.store.outbox.nextDue() };
  }

  private async run(): Promise<void> {
    const inFlight = new Map<number, Promise<void>>();
    let queue: number[] = [];
    while (this.running) {
      try {
        await this.housekeeping(false);
        if (queue.length < this.concurrency) {
          const busy = [...inFlight.keys(), ...queue];
          queue = queue.concat(await this.store.outbox.dueChats(this.now(), this.concurrency * 4, busy));
        }
      } catch (err) {
        this.opts.log.error({ err }, "delivery round failed");
      }
      while (inFlight.size < this.concurrency && queue.length > 0 && !this.scheduler.isPaused()) {
        const chat = queue.shift() as number;
        const done = this.turn(chat).then(
          () => void inFlight.delete(chat),
          (err) => {
            inFlight.delete(chat);
            this.opts.log.error({ err, chatId: chat }, "delivery turn failed");
          },
        );
        inFlight.set(chat, done);
      }
      if (!this.running) break;
      const woken = new Promise<void>((resolve) => {
        // While paused, look again soon: the pause is short and the queue is waiting.
        const t = setTimeout(done, this.scheduler.isPaused() ? 50 : this.idleMs);
        function done() {
          clearTimeout(t);
          resolve();
        }
        this.wake = done;
      });
      await Promise.race([woken, ...inFlight.values()]);
    }
    await Promise.allSettled(inFlight.values());
  }

  /** Drops alerts past ALERT_MAX_AGE and retries records the database refused earlier. */
  private async housekeeping(force: boolean): Promise<void> {
    await this.ledger.flush();
    await this.expiry.sweep(this.now(), force);
  }

  /** One chat's turn; returns how many messages went out. */
  private async turn(chatId: number): Promise<number> {
    const now = this.now();
    // During a pause across chats nobody is sent to; each chat keeps its place for when it ends.
    if (this.scheduler.isPaused()) return 0;
    const readyAt = this.scheduler.chatReadyAt(chatId);
    if (readyAt > now) {
      await this.store.outbox.postpone(chatId, readyAt);
      return 0;
    }
    const leased = (await this.store.outbox.claim(chatId, now, now + LEASE_MS, CLAIM_LIMIT)).filter(
      (a) => !this.ledger.holds(a.id),
    );
    if (leased.length === 0) return 0;
    const subIds = [...new Set(leased.flatMap((a) => a.subscriptionIds))];
    const [chat, threads, queryOf] = await Promise.all([
      this.store.chats.get(chatId),
      this.store.subscriptions.threads(subIds),
      leased.length > 1 ? this.queriesOf(chatId) : undefined,
    ]);
    const claimed = await this.expiry.withoutTooOld(chatId, leased, chat, now);
    const plan = planTurn(claimed, chat, {
      defaultZone: this.opts.timeZone,
      now,
      backlogCap: this.backlogCap,
      threads,
      queryOf,
    });
    // Held by quiet hours or a digest: not an attempt, just not yet; due again when the hold ends.
    for (const [until, ids] of plan.held) await this.store.outbox.release(ids, { nextAttemptAt: until });
    const messages = plan.messages;
    const allowance = Math.max(1, this.scheduler.available(chatId));
    let sent = 0;
    for (const [i, message] of messages.entries()) {
      const rest = messages.slice(i + 1).flatMap((m) => m.ids);
      if (i >= allowance || this.stopRequested) {
        await this.store.outbox.release([...message.ids, ...rest], {
          nextAttemptAt: this.scheduler.chatReadyAt(chatId),
        });
        break;
      }
      if (!(await this.send(chatId, message, claimed, rest))) break;
      sent++;
    }
    if (leased.length === CLAIM_LIMIT)
      await this.store.outbox.postpone(chatId, this.scheduler.chatReadyAt(chatId));
    return sent;
  }

  private async queriesOf(chatId: number): Promise<(id: number) => string | undefined> {
    const subs = await this.store.subscriptions.listForChat(chatId);
    const byId = new Map(subs.map((s) => [s.id, s.query]));
    return (id) => byId.get(id);
  }

  /** Sends one message; true when Telegram took it (recorded, or kept for recording). */
  private async send(
    chatId: number,
    message: TopicMessage,
    claimed: readonly DueAlert[],
    rest: number[],
  ): Promise<boolean> {
    let messageId: number;
    try {
      const m = await this.api.sendMessage(
        chatId,
        message.html,
        {
          parse_mode: "HTML",
          link_preview_options: { is_disabled: !message.preview },
          ...(message.threadId === undefined ? {} : { message_thread_id: message.threadId }),
          ...(await this.keyboard(chatId, message.subscriptionIds)),
        },
        this.stopping.signal as Parameters<Api["sendMessage"]>[3],
      );
      messageId = m.message_id;
    } catch (err) {
      const attempts = Math.max(...claimed.filter((a) => message.ids.includes(a.id)).map((a) => a.attempts));
      const dueAt = Math.min(...claimed.map((a) => a.dueAt));
      await this.failed(chatId, message.ids, rest, { attempts, dueAt }, err);
      return false;
    }
    alertMessages.inc({ outcome: "sent" });
    const sentAt = this.now();
    for (const a of claimed) if (message.ids.includes(a.id)) observeAlertDelivered(a.publishedAt, sentAt);
    await this.ledger.record(message.ids, messageId);
    return true;
  }

  /** The message's buttons; an alert goes out without them rather than not at all when they cannot be built. */
  private async keyboard(
    chatId: number,
    subscriptionIds: readonly number[],
  ): Promise<{ reply_markup?: InlineKeyboardMarkup }> {
    if (!this.opts.keyboardFor || subscriptionIds.length === 0) return {};
    try {
      const markup = await this.opts.keyboardFor(chatId, subscriptionIds);
      return markup ? { reply_markup: markup } : {};
    } catch (err) {
      this.opts.log.warn({ err, chatId }, "alert buttons could not be built; sending without them");
      return {};
    }
  }

  private async failed(
    chatId: number,
    ids: number[],
    rest: number[],
    { attempts, dueAt }: { attempts: number; dueAt: number },
    err: unknown,
  ) {
    const verdict = classifySendError(err, attempts);
    const reason = err instanceof Error ? err.message : String(err);
    const log = this.opts.log.child({ chatId, alerts: ids.length + rest.length });
    const outbox = this.store.outbox;
    const now = this.now();
    alertMessages.inc({ outcome: verdict.kind });
    switch (verdict.kind) {
      case "flood":
        // Not an attempt: Telegram asked us to wait; the scheduler already holds the chat. A flood across
        // chats (a pause) is nobody's turn: the alerts keep their place in the round robin.
        log.info({ retryAfterMs: verdict.retryAfterMs }, "chat flood-limited; alerts rescheduled");
        await outbox.release([...ids, ...rest], {
          nextAttemptAt: this.scheduler.isPaused() ? dueAt : now + verdict.retryAfterMs,
          error: reason,
        });
        return;
      case "retry":
        log.warn({ reason, retryInMs: verdict.afterMs }, "alert send failed, will retry");
        await outbox.release(ids, {
          nextAttemptAt: now + verdict.afterMs,
          error: reason,
          countAttempt: true,
        });
        await outbox.release(rest, { nextAttemptAt: now + verdict.afterMs });
        return;
      case "migrated":
        log.info({ to: verdict.to }, "group became a supergroup; moving its settings");
        await outbox.release([...ids, ...rest], { nextAttemptAt: now });
        await this.store.chats.migrateId(chatId, verdict.to);
        this.opts.onChatMigrated?.(chatId, verdict.to);
        return;
      case "unauthorized":
        // Nothing this chat did: the token was refused (the app logs it once and stops). The alerts stay
        // queued as they were, no attempt counted, for a restart with a valid token.
        log.debug({ reason }, "Bot API refused the token; alerts kept");
        await outbox.release([...ids, ...rest], { nextAttemptAt: dueAt, error: reason });
        return;
      case "gone":
        // Blocked, removed, or stripped of the right to write: the queue is kept (not an attempt: nothing
        // is wrong with the alerts). An inactive chat gets no turns, and my_chat_member bringing the bot
        // back makes it active, so they go out then; what passes ALERT_MAX_AGE meanwhile is dropped.
        log.info({ reason }, "chat no longer reachable; alerts kept until the bot is back in it");
        await this.store.chats.setActive(chatId, false);
        await outbox.release([...ids, ...rest], { nextAttemptAt: now, error: reason });
        return;
      case "fail":
        log.error({ reason }, "Telegram refused an alert");
        await outbox.markFailed(ids, reason);
        await outbox.release(rest, { nextAttemptAt: now });
        return;
    }
  }
}
