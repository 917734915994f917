import type { Kysely } from "kysely";
import { chunks } from "./chunks.js";
import type { Database, Item, NewItem } from "./schema.js";

/** An item as the poller hands it over, before it has an id. */
export type IncomingItem = Omit<NewItem, "id" | "feed_id" | "fetched_at" | "routed"> & {
  /** True for an item that is history, not news: stored so it is known, never alerted. */
  old?: boolean;
};

/** Stories seen in feeds: the memory that makes "new" mean new. */
export class ItemStore {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Stores the items a feed has not shown before and returns them with ids, in the order given.
   * An item is old when its key or its canonical link was seen in the same feed.
   */
  async insertNew(
    feedId: number,
    items: readonly IncomingItem[],
    opts: { now?: number; routed?: boolean } = {},
  ): Promise<Item[]> {
    const now = opts.now ?? Date.now();
    if (items.length === 0) return [];
    return this.db.transaction().execute(async (tx) => {
      const seenKeys = new Set<string>();
      const seenLinks = new Set<string>();
      for (const part of chunks(items.map((i) => i.key))) {
        const rows = await tx
          .selectFrom("items")
          .select("key")
          .where("feed_id", "=", feedId)
          .where("key", "in", part)
          .execute();
        for (const r of rows) seenKeys.add(r.key);
      }
      const links = items.map((i) => i.link_key).filter((l): l is string => !!l);
      for (const part of chunks(links)) {
        const rows = await tx
          .selectFrom("items")
          .select("link_key")
          .where("feed_id", "=", feedId)
          .where("link_key", "in", part)
          .execute();
        for (const r of rows) if (r.link_key) seenLinks.add(r.link_key);
      }
      const fresh: NewItem[] = [];
      for (const item of items) {
        if (seenKeys.has(item.key) || (item.link_key && seenLinks.has(item.link_key))) continue;
        seenKeys.add(item.key);
        if (item.link_key) seenLinks.add(item.link_key);
        const { old, ...row } = item;
        const routed = opts.routed || old ? 1 : 0;
        // An item stored as routed is never matched, so its full text is not kept.
        fresh.push({
          ...row,
          body: routed ? null : (row.body ?? null),
          feed_id: feedId,
          fetched_at: now,
          routed,
        });
      }
      const inserted: Item[] = [];
      for (const part of chunks(fresh, 50)) {
        const rows = await tx
          .insertInto("items")
          .values(part)
          .onConflict((oc) => oc.columns(["feed_id", "key"]).doNothing())
          .returningAll()
          .execute();
        inserted.push(...rows);
      }
      return inserted;
    });
  }

  /**
   * Forgets items fetched and published before a moment, with their delivery records. Safe because
   * an item that reappears after that is older than the poller's news window and is not alerted.
   */
  async prune(before: number): Promise<number> {
    const r = await this.db
      .deleteFrom("items")
      .where("fetched_at", "<", before)
      .where("published_at", "<", before)
      .executeTakeFirst();
    return Number(r.numDeletedRows);
  }

  /** Marks items as matched and their alerts queued; their full text is no longer needed. */
  async markRouted(ids: readonly number[]): Promise<void> {
    for (const part of chunks(ids)) {
      await this.db.updateTable("items").set({ routed: 1, body: null }).where("id", "in", part).execute();
    }
  }

  /** Items stored but never matched (a crash came between the two), oldest first. */
  listUnrouted(limit: number): Promise<Item[]> {
    return this.db
      .selectFrom("items")
      .selectAll()
      .where("routed", "=", 0)
      .orderBy("id")
      .limit(limit)
      .execute();
  }

  /** The newest items a chat can see (shared feeds and its own) fetched since a moment, newest first. */
  listRecentForChat(
    chatId: number,
    since: number,
    limit: number,
  ): Promise<Array<Item & { feed_title: string | null }>> {
    return this.db
      .selectFrom("items")
      .innerJoin("feeds", "feeds.id", "items.feed_id")
      .selectAll("items")
      .select("feeds.title as feed_title")
      .where("items.fetched_at", ">=", since)
      .where((eb) =>
        eb.or([
          eb("feeds.shared", "=", 1),
          eb.exists(
            eb
              .selectFrom("chat_feeds")
              .select("chat_feeds.chat_id")
              .whereRef("chat_feeds.feed_id", "=", "items.feed_id")
              .where("chat_feeds.chat_id", "=", chatId),
          ),
        ]),
      )
      .orderBy("items.published_at", "desc")
      .limit(limit)
      .execute();
  }
}
