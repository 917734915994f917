import type { ExpressionBuilder, Kysely } from "kysely";
import type { Database, Feed } from "./schema.js";

/** What one successful fetch tells the store about a feed. */
export interface FeedSuccess {
  etag: string | null;
  lastModified: string | null;
  title: string | null;
  nextCheckAt: number;
  newItems: number;
}

/** What makes a feed's next poll a first poll: its backlog recorded, not alerted; fetched in full, now. */
const FIRST_POLL = { initialized: 0, etag: null, last_modified: null, next_check_at: 0 } as const;

/** The chats that added a feed themselves (in a query over `feeds`). */
function audienceOf(eb: ExpressionBuilder<Database, "feeds">) {
  return eb
    .selectFrom("chat_feeds")
    .select("chat_feeds.chat_id")
    .whereRef("chat_feeds.feed_id", "=", "feeds.id");
}

/** Feeds, their validators, schedule and health. */
export class FeedStore {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Makes the operator's FEEDS the shared set: adds new ones, demotes the ones no longer listed. A listed
   * feed nobody read before (so it was not polled) starts over with a first poll, like a new one.
   */
  async syncShared(urls: readonly string[], now = Date.now()): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      for (const url of urls) {
        const revived = await tx
          .updateTable("feeds")
          .set({ shared: 1, ...FIRST_POLL })
          .where("url", "=", url)
          .where("shared", "=", 0)
          .where((eb) => eb.not(eb.exists(audienceOf(eb))))
          .executeTakeFirst();
        if (Number(revived.numUpdatedRows) > 0) continue;
        await tx
          .insertInto("feeds")
          .values({ url, shared: 1, created_at: now, next_check_at: 0 })
          .onConflict((oc) => oc.column("url").doUpdateSet({ shared: 1 }))
          .execute();
      }
      let demote = tx.updateTable("feeds").set({ shared: 0 }).where("shared", "=", 1);
      if (urls.length > 0) demote = demote.where("url", "not in", [...urls]);
      await demote.execute();
    });
  }

  /** Feeds whose next check is due and that someone still reads. */
  listDue(now = Date.now()): Promise<Feed[]> {
    return this.db
      .selectFrom("feeds")
      .selectAll()
      .where("next_check_at", "<=", now)
      .where((eb) => eb.or([eb("shared", "=", 1), eb.exists(audienceOf(eb))]))
      .orderBy("next_check_at")
      .execute();
  }

  /** One feed by id. */
  get(id: number): Promise<Feed | undefined> {
    return this.db.selectFrom("feeds").selectAll().where("id", "=", id).executeTakeFirst();
  }

  /** The shared feeds and the chat's own, shared first. */
  listForChat(chatId: number): Promise<Array<Feed & { own: number }>> {
    return this.db
      .selectFrom("feeds")
      .leftJoin("chat_feeds", (j) =>
        j.onRef("chat_feeds.feed_id", "=", "feeds.id").on("chat_feeds.chat_id", "=", chatId),
      )
      .selectAll("feeds")
      .select((eb) => eb.case().when("chat_feeds.chat_id", "is not", null).then(1).else(0).end().as("own"))
      .where((eb) => eb.or([eb("feeds.shared", "=", 1), eb("chat_feeds.chat_id", "is not", null)]))
      .orderBy("feeds.shared", "desc")
      .orderBy("feeds.id")
      .execute();
  }

  /** Chats that added this feed themselves (shared feeds reach everyone regardless). */
  async chatsOf(feedId: number): Promise<number[]> {
    const rows = await this.db
      .selectFrom("chat_feeds")
      .select("chat_id")
      .where("feed_id", "=", feedId)
      .execute();
    return rows.map((r) => r.chat_id);
  }

  /**
   * Adds a feed to a chat's own list; `created` is false when the chat already had it. A known feed
   * nobody read any more (so it was not polled) starts over with a first poll: what it published
   * meanwhile is its backlog, not news.
   */
  async addForChat(chatId: number, url: string, title: string | null, now = Date.now()) {
    return this.db.transaction().execute(async (tx) => {
      await tx
        .insertInto("feeds")
        .values({ url, title, shared: 0, created_at: now, next_check_at: 0 })
        .onConflict((oc) => oc.column("url").doNothing())
        .execute();
      await tx
        .updateTable("feeds")
        .set(FIRST_POLL)
        .where("url", "=", url)
        .where("shared", "=", 0)
        .where((eb) => eb.not(eb.exists(audienceOf(eb))))
        .execute();
      const feed = await tx.selectFrom("feeds").selectAll().where("url", "=", url).executeTakeFirstOrThrow();
      const link = await tx
        .insertInto("chat_feeds")
        .values({ chat_id: chatId, feed_id: feed.id, created_at: now })
        .onConflict((oc) => oc.columns(["chat_id", "feed_id"]).doNothing())
        .returning("feed_id")
        .executeTakeFirst();
      return { feed, created: link !== undefined };
    });
  }

  /** Removes a feed from a chat's own list; true when it was there. */
  async removeForChat(chatId: number, feedId: number): Promise<boolean> {
    const r = await this.db
      .deleteFrom("chat_feeds")
      .where("chat_id", "=", chatId)
      .where("feed_id", "=", feedId)
      .executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  /** How many feeds a chat added itself. */
  async countForChat(chatId: number): Promise<number> {
    const r = await this.db
      .selectFrom("chat_feeds")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("chat_id", "=", chatId)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  /** Records a fetch that worked (200 or 304) and schedules the next one. */
  async recordSuccess(id: number, s: FeedSuccess, now = Date.now()): Promise<void> {
    await this.db
      .updateTable("feeds")
      .set((eb) => ({
        etag: s.etag,
        last_modified: s.lastModified,
        title: s.title === null ? eb.ref("title") : s.title,
        initialized: 1,
        next_check_at: s.nextCheckAt,
        last_polled_at: now,
        last_success_at: now,
        consecutive_failures: 0,
        items_seen: eb("items_seen", "+", s.newItems),
      }))
      .where("id", "=", id)
      .execute();
  }

  /** Follows a permanent redirect; false (nothing changed) when another feed already has that URL. */
  async moveTo(id: number, url: string): Promise<boolean> {
    const taken = await this.db.selectFrom("feeds").select("id").where("url", "=", url).executeTakeFirst();
    if (taken) return false;
    await this.db.updateTable("feeds").set({ url }).where("id", "=", id).execute();
    return true;
  }

  /** Records a failed fetch; returns how many failures in a row the feed now has. */
  async recordFailure(id: number, error: string, nextCheckAt: number, now = Date.now()): Promise<number> {
    const r = await this.db
      .updateTable("feeds")
      .set((eb) => ({
        last_error: error,
        last_error_at: now,
        last_polled_at: now,
        next_check_at: nextCheckAt,
        consecutive_failures: eb("consecutive_failures", "+", 1),
      }))
      .where("id", "=", id)
      .returning("consecutive_failures")
      .executeTakeFirst();
    return r?.consecutive_failures ?? 0;
  }
}
