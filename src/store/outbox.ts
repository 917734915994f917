import { type Kysely, sql } from "kysely";
import { chunks } from "./chunks.js";
import type { DialectName } from "./db.js";
import type { Database } from "./schema.js";

/** An alert owed to a chat. */
export interface NewAlert {
  chatId: number;
  itemId: number;
  storyKey: string;
  matched: string[];
  /** the sentence where the match is, when not in the headline */
  snippet?: string | null;
  /** The chat's subscriptions that matched (for a «mute this query» button under the alert). */
  subscriptionIds?: number[];
}

/** A due alert with what is needed to render it. */
export interface DueAlert {
  id: number;
  chatId: number;
  attempts: number;
  matched: string[];
  subscriptionIds: number[];
  title: string;
  link: string | null;
  summary: string;
  publishedAt: number;
  createdAt: number;
  /** When it became due (its place in the round robin). */
  dueAt: number;
  feedTitle: string | null;
  feedUrl: string;
  /** the sentence where the match is, when not in the headline (bold marks: matching/snippet.ts) */
  snippet?: string | null;
}

/** Why a batch of claimed alerts goes back to pending, and when it is due again. */
export interface Release {
  nextAttemptAt: number;
  error?: string;
  /** Counts towards the attempts (a 429 does not: Telegram asked us to wait, nothing failed). */
  countAttempt?: boolean;
}

/** Why an alert was given up by age (ALERT_MAX_AGE), as recorded in `last_error`. */
export const EXPIRED = "expired: not delivered within ALERT_MAX_AGE";

/** Alerts waiting to be sent and the record of those sent: the "never twice, never lost" ledger. */
export class OutboxStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: DialectName = "sqlite",
  ) {}

  /** Queues alerts; one already queued or sent for the same chat and story is ignored. Returns how many were new. */
  async enqueue(alerts: readonly NewAlert[], now = Date.now()): Promise<number> {
    let added = 0;
    for (const part of chunks(alerts, 100)) {
      const rows = await this.db
        .insertInto("outbox")
        .values(
          part.map((a) => ({
            chat_id: a.chatId,
            item_id: a.itemId,
            story_key: a.storyKey,
            matched: JSON.stringify(a.matched),
            snippet: a.snippet ?? null,
            subscription_ids: JSON.stringify(a.subscriptionIds ?? []),
            status: "pending" as const,
            attempts: 0,
            next_attempt_at: now,
            created_at: now,
          })),
        )
        .onConflict((oc) => oc.columns(["chat_id", "story_key"]).doNothing())
        .returning("id")
        .execute();
      added += rows.length;
    }
    return added;
  }

  /** The base of every "what may be sent now" query: pending, due, not leased, chat receiving. */
  private dueRows(now: number) {
    return this.db
      .selectFrom("outbox")
      .innerJoin("chats", "chats.id", "outbox.chat_id")
      .where("outbox.status", "=", "pending")
      .where("outbox.next_attempt_at", "<=", now)
      .where((eb) => eb.or([eb("outbox.claimed_until", "is", null), eb("outbox.claimed_until", "<", now)]))
      .where("chats.active", "=", 1)
      .where("chats.paused", "=", 0);
  }

  /**
   * Chats with alerts due now, the longest-waiting first: one turn each is a round robin. On equal
   * waits groups (negative ids) go first, since their stricter per-chat limit makes them finish last.
   */
  async dueChats(now: number, limit: number, exclude: readonly number[] = []): Promise<number[]> {
    let q = this.dueRows(now)
      // Waiting since the oldest alert was queued, not since it became due again: a chat handed back by its
      // own pace (a group's 20 a minute) or a 429 keeps its place in line instead of going to the back.
      .select((eb) => ["outbox.chat_id", eb.fn.min("outbox.created_at").as("since")])
      .groupBy("outbox.chat_id")
      .orderBy("since")
      .orderBy("outbox.chat_id")
      .limit(limit);
    if (exclude.length) q = q.where("outbox.chat_id", "not in", [...exclude]);
    return (await q.execute()).map((r) => r.chat_id);
  }

  /**
   * Leases up to `limit` of a chat's due alerts (oldest first) until `leaseUntil`, so no other sender
   * (in this process or another) takes them meanwhile; PostgreSQL skips rows another claim holds.
   */
  async claim(chatId: number, now: number, leaseUntil: number, limit: number): Promise<DueAlert[]> {
    // One statement, so the pick and the lease are atomic (SQLite) and skip rows another claim holds (PostgreSQL).
    const rows = await this.db
      .updateTable("outbox")
      .set({ claimed_until: leaseUntil })
      .where("id", "in", (eb) => {
        const pick = eb
          .selectFrom("outbox")
          .select("id")
          .where("chat_id", "=", chatId)
          .where("status", "=", "pending")
          .where("next_attempt_at", "<=", now)
          .where((w) => w.or([w("claimed_until", "is", null), w("claimed_until", "<", now)]))
          .orderBy("id")
          .limit(limit);
        return this.dialect === "postgres" ? pick.forUpdate().skipLocked() : pick;
      })
      .returning("id")
      .execute();
    return rows.length ? this.load(rows.map((r) => r.id)) : [];
  }

  /** Pending alerts whose time has come, oldest first, for chats that still receive alerts (not leased ones). */
  async due(now: number, limit: number): Promise<DueAlert[]> {
    const rows = await this.dueRows(now).select("outbox.id").orderBy("outbox.id").limit(limit).execute();
    return this.load(rows.map((r) => r.id));
  }

  private async load(ids: readonly number[]): Promise<DueAlert[]> {
    const out: DueAlert[] = [];
    for (const part of chunks(ids, 500)) {
      const rows = await this.db
        .selectFrom("outbox")
        .innerJoin("items", "items.id", "outbox.item_id")
        .innerJoin("feeds", "feeds.id", "items.feed_id")
        .select([
          "outbox.id",
          "outbox.chat_id",
          "outbox.attempts",
          "outbox.matched",
          "outbox.subscription_ids",
          "outbox.snippet",
          "outbox.created_at",
          "outbox.next_attempt_at",
          "items.title",
          "items.link",
          "items.summary",
          "items.published_at",
          "feeds.title as feed_title",
          "feeds.url as feed_url",
        ])
        .where("outbox.id", "in", [...part])
        .orderBy("outbox.id")
        .execute();
      for (const r of rows)
        out.push({
          id: r.id,
          chatId: r.chat_id,
          attempts: r.attempts,
          matched: JSON.parse(r.matched) as string[],
          subscriptionIds: JSON.parse(r.subscription_ids) as number[],
          snippet: r.snippet,
          title: r.title,
          link: r.link,
          summary: r.summary,
          publishedAt: r.published_at,
          createdAt: r.created_at,
          dueAt: r.next_attempt_at,
          feedTitle: r.feed_title,
          feedUrl: r.feed_url,
        });
    }
    return out;
  }

  /** Records that Telegram accepted the alerts. */
  async markSent(ids: readonly number[], messageId: number, now = Date.now()): Promise<void> {
    if (ids.length === 0) return;
    await this.db
      .updateTable("outbox")
      .set({ status: "sent", sent_at: now, message_id: messageId, last_error: null, claimed_until: null })
      .where("id", "in", [...ids])
      .execute();
  }

  /** Hands claimed alerts back: pending again from `nextAttemptAt`. */
  async release(ids: readonly number[], r: Release): Promise<void> {
    if (ids.length === 0) return;
    await this.db
      .updateTable("outbox")
      .set((eb) => ({
        claimed_until: null,
        next_attempt_at: r.nextAttemptAt,
        ...(r.countAttempt ? { attempts: eb("attempts", "+", 1) } : {}),
        ...(r.error !== undefined ? { last_error: r.error } : {}),
      }))
      .where("id", "in", [...ids])
      .where("status", "=", "pending")
      .execute();
  }

  /**
   * Ends every lease: called when this process becomes the only sender (start-up, leader takeover), so
   * the rows a dead sender had leased go out now instead of when their lease would have run out.
   */
  async releaseAllLeases(): Promise<number> {
    const r = await this.db
      .updateTable("outbox")
      .set({ claimed_until: null })
      .where("status", "=", "pending")
      .where("claimed_until", "is not", null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  }

  /** Makes a chat's unleased pending alerts wait until `until` (the chat's limit or a flood wait). */
  async postpone(chatId: number, until: number): Promise<void> {
    await this.db
      .updateTable("outbox")
      .set({ next_attempt_at: until })
      .where("chat_id", "=", chatId)
      .where("status", "=", "pending")
      .where("next_attempt_at", "<", until)
      .where("claimed_until", "is", null)
      .execute();
  }

  /** The earliest moment a pending alert becomes due, or null when none is pending. */
  async nextDue(): Promise<number | null> {
    const r = await this.db
      .selectFrom("outbox")
      .select((eb) => eb.fn.min("next_attempt_at").as("at"))
      .where("status", "=", "pending")
      .executeTakeFirst();
    return r?.at == null ? null : Number(r.at);
  }

  /** Schedules another try after a passing failure. */
  markRetry(ids: readonly number[], error: string, nextAttemptAt: number): Promise<void> {
    return this.release(ids, { nextAttemptAt, error, countAttempt: true });
  }

  /** Gives up on alerts that can never be sent (kept, with the reason, for the record). */
  async markFailed(ids: readonly number[], error: string): Promise<void> {
    if (ids.length === 0) return;
    await this.db
      .updateTable("outbox")
      .set((eb) => ({
        status: "failed",
        attempts: eb("attempts", "+", 1),
        last_error: error,
        claimed_until: null,
      }))
      .where("id", "in", [...ids])
      .execute();
  }

  /**
   * Gives up on pending alerts queued before `cutoff` (`pacedCutoff` for chats that hold alerts by
   * quiet hours or a digest) that nobody holds (Telegram could not take them in time); returns how
   * many per chat, for the log and the metric.
   */
  async expire(cutoff: number, now: number, pacedCutoff = cutoff): Promise<Map<number, number>> {
    // Chats with quiet hours or a digest hold alerts on purpose, so theirs are given longer (`pacedCutoff`).
    const paced = this.db
      .selectFrom("chats")
      .select("id")
      .where((eb) => eb.or([eb("digest", "is not", null), eb("quiet_from", "is not", null)]));
    const rows = await this.db
      .updateTable("outbox")
      .set({ status: "failed", last_error: EXPIRED })
      .where("status", "=", "pending")
      .where("created_at", "<", cutoff)
      .where((eb) =>
        eb.or([eb("chat_id", "not in", paced), eb("created_at", "<", Math.min(cutoff, pacedCutoff))]),
      )
      .where((eb) => eb.or([eb("claimed_until", "is", null), eb("claimed_until", "<", now)]))
      .returning("chat_id")
      .execute();
    const byChat = new Map<number, number>();
    for (const r of rows) byChat.set(r.chat_id, (byChat.get(r.chat_id) ?? 0) + 1);
    return byChat;
  }

  /** Drops what is pending for a chat, e.g. when it paused (a chat that blocked the bot keeps its queue). */
  async dropPending(chatId: number, reason: string): Promise<number> {
    const r = await this.db
      .updateTable("outbox")
      .set({ status: "failed", last_error: reason, claimed_until: null })
      .where("chat_id", "=", chatId)
      .where("status", "=", "pending")
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  }

  /**
   * How many alerts wait to be sent, to one chat or to all: counted on the pending-only index, so the
   * cost follows the queue, not the 90 days of delivered alerts kept beside it.
   */
  async pending(chatId?: number): Promise<number> {
    const r = await this.db
      .selectFrom("outbox")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      // A literal, not a parameter: only then can either planner prove the partial index applies.
      .where("status", "=", sql.lit("pending"))
      .$if(chatId !== undefined, (q) => q.where("chat_id", "=", chatId ?? 0))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  /** How many alerts there are by status (a full count over the retained ledger: for tests and tools). */
  async counts(): Promise<{ pending: number; sent: number; failed: number }> {
    const rows = await this.db
      .selectFrom("outbox")
      .select((eb) => ["status", eb.fn.countAll<number>().as("n")])
      .groupBy("status")
      .execute();
    const by = Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
    return { pending: by.pending ?? 0, sent: by.sent ?? 0, failed: by.failed ?? 0 };
  }
}
