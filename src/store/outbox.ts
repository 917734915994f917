import { type Kysely, sql } from "kysely";
import { chunks } from "./chunks.js";
import type { Database } from "./schema.js";

/** An alert owed to a chat. */
export interface NewAlert {
  chatId: number;
  itemId: number;
  storyKey: string;
  matched: string[];
  /** the sentence where the match is, when not in the headline */
  snippet?: string | null;
}

/** A due alert with what is needed to render it. */
export interface DueAlert {
  id: number;
  chatId: number;
  attempts: number;
  matched: string[];
  title: string;
  link: string | null;
  summary: string;
  publishedAt: number;
  feedTitle: string | null;
  feedUrl: string;
  /** the sentence where the match is, when not in the headline (bold marks: matching/snippet.ts) */
  snippet?: string | null;
}

/** Alerts waiting to be sent and the record of those sent: the "never twice, never lost" ledger. */
export class OutboxStore {
  constructor(private readonly db: Kysely<Database>) {}

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

  /** Pending alerts whose time has come, oldest first, for chats that still receive alerts. */
  async due(now: number, limit: number): Promise<DueAlert[]> {
    const rows = await this.db
      .selectFrom("outbox")
      .innerJoin("items", "items.id", "outbox.item_id")
      .innerJoin("feeds", "feeds.id", "items.feed_id")
      .innerJoin("chats", "chats.id", "outbox.chat_id")
      .select([
        "outbox.id",
        "outbox.chat_id",
        "outbox.attempts",
        "outbox.matched",
        "outbox.snippet",
        "items.title",
        "items.link",
        "items.summary",
        "items.published_at",
        "feeds.title as feed_title",
        "feeds.url as feed_url",
      ])
      .where("outbox.status", "=", "pending")
      .where("outbox.next_attempt_at", "<=", now)
      .where("chats.active", "=", 1)
      .where("chats.paused", "=", 0)
      .orderBy("outbox.id")
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      id: r.id,
      chatId: r.chat_id,
      attempts: r.attempts,
      matched: JSON.parse(r.matched) as string[],
      title: r.title,
      link: r.link,
      summary: r.summary,
      publishedAt: r.published_at,
      feedTitle: r.feed_title,
      feedUrl: r.feed_url,
      snippet: r.snippet,
    }));
  }

  /** Records that Telegram accepted the alerts. */
  async markSent(ids: readonly number[], messageId: number, now = Date.now()): Promise<void> {
    if (ids.length === 0) return;
    await this.db
      .updateTable("outbox")
      .set({ status: "sent", sent_at: now, message_id: messageId, last_error: null })
      .where("id", "in", [...ids])
      .execute();
  }

  /** Schedules another try after a passing failure. */
  async markRetry(ids: readonly number[], error: string, nextAttemptAt: number): Promise<void> {
    if (ids.length === 0) return;
    await this.db
      .updateTable("outbox")
      .set((eb) => ({ attempts: eb("attempts", "+", 1), last_error: error, next_attempt_at: nextAttemptAt }))
      .where("id", "in", [...ids])
      .execute();
  }

  /** Gives up on alerts that can never be sent (kept, with the reason, for the record). */
  async markFailed(ids: readonly number[], error: string): Promise<void> {
    if (ids.length === 0) return;
    await this.db
      .updateTable("outbox")
      .set((eb) => ({ status: "failed", attempts: eb("attempts", "+", 1), last_error: error }))
      .where("id", "in", [...ids])
      .execute();
  }

  /** Drops what is pending for a chat, e.g. when it paused or the bot was removed from it. */
  async dropPending(chatId: number, reason: string): Promise<number> {
    const r = await this.db
      .updateTable("outbox")
      .set({ status: "failed", last_error: reason })
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
