import type { Kysely } from "kysely";
import { chunks } from "./chunks.js";
import type { Database, Item, NewItem } from "./schema.js";

/** An item as the poller hands it over, before it has an id. */
export type IncomingItem = Omit<NewItem, "id" | "feed_id" | "fetched_at" | "routed" | "last_seen_at"> & {
  /** True for an item that is history, not news: stored so it is known, never alerted. */
  old?: boolean;
};

/**
 * How stale an item's last-seen time may get before a poll that sees it again records so: one write per
 * item a day at most, and the margin by which a feed's latest document is told apart from older items.
 */
export const SEEN_REFRESH_MS = 24 * 60 * 60_000;

/** What a prune did: items deleted, batches run and the longest batch (the longest the store held the loop). */
export interface PruneReport {
  items: number;
  batches: number;
  longestBatchMs: number;
}

type PruneCursor = { seen: number; id: number };
type DueForPrune = { cursor: PruneCursor; ids: number[] };

/** Most outbox rows one prune statement deletes: about 20 ms of SQLite work. */
const OUTBOX_ROWS_PER_BATCH = 1_000;

/** Stories seen in feeds: the memory that makes "new" mean new. */
export class ItemStore {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Stores the items a feed has not shown before and returns them with ids, in the order given.
   * An item is old when its key or its canonical link was seen in the same feed; old items the feed
   * still carries are recorded as seen now (at most once a day each), which keeps them from being pruned.
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
      const stale = new Set<number>();
      const links = items.map((i) => i.link_key).filter((l): l is string => !!l);
      const lookups = [["key", items.map((i) => i.key)] as const, ["link_key", links] as const];
      for (const [column, values] of lookups) {
        for (const part of chunks(values)) {
          const rows = await tx
            .selectFrom("items")
            .select(["id", "key", "link_key", "last_seen_at"])
            .where("feed_id", "=", feedId)
            .where(column, "in", part)
            .execute();
          for (const r of rows) {
            seenKeys.add(r.key);
            if (r.link_key) seenLinks.add(r.link_key);
            if (r.last_seen_at < now - SEEN_REFRESH_MS) stale.add(r.id);
          }
        }
      }
      for (const part of chunks([...stale])) {
        await tx.updateTable("items").set({ last_seen_at: now }).where("id", "in", part).execute();
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
          last_seen_at: now,
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
   * Forgets items published and last carried by their feed before a moment, with their delivery
   * records, except those of each feed's latest document (a feed answering 304 for months still
   * carries them). Safe because an item that reappears after that is older than the poller's news
   * window. Runs in bounded batches, yielding to the event loop between them, so the bot keeps
   * answering while a large backlog is pruned.
   */
  async prune(before: number, opts: { batchSize?: number } = {}): Promise<PruneReport> {
    const batchSize = opts.batchSize ?? 500;
    const report: PruneReport = { items: 0, batches: 0, longestBatchMs: 0 };
    const step = async <T>(work: () => Promise<T>): Promise<T> => {
      const started = performance.now();
      const result = await work();
      report.batches++;
      report.longestBatchMs = Math.max(report.longestBatchMs, performance.now() - started);
      await new Promise((resolve) => setImmediate(resolve));
      return result;
    };
    let cursor: PruneCursor | null = null;
    for (;;) {
      const after: PruneCursor | null = cursor;
      const found: DueForPrune | undefined = await step(() => this.dueForPrune(before, after, batchSize));
      if (!found) return report;
      cursor = found.cursor;
      if (found.ids.length === 0) continue;
      // One story can be alerted to thousands of chats: its outbox rows go first, a bounded number at a time.
      while ((await step(() => this.deleteAlertsOf(found.ids))) === OUTBOX_ROWS_PER_BATCH) {}
      await step(() => this.db.deleteFrom("items").where("id", "in", found.ids).execute());
      report.items += found.ids.length;
    }
  }

  /** The next `size` candidates after the cursor, and which of them are due; undefined when none are left. */
  private async dueForPrune(
    before: number,
    after: PruneCursor | null,
    size: number,
  ): Promise<DueForPrune | undefined> {
    // Keyset paging over (last_seen_at, id): kept rows are stepped over once, not rescanned every batch.
    const rows = await this.db
      .selectFrom("items")
      .select(["id", "feed_id", "published_at", "last_seen_at"])
      .where("last_seen_at", "<", before)
      .$if(after !== null, (q) =>
        q.where((eb) =>
          eb(eb.refTuple("last_seen_at", "id"), ">", eb.tuple(after?.seen ?? 0, after?.id ?? 0)),
        ),
      )
      .orderBy("last_seen_at")
      .orderBy("id")
      .limit(size)
      .execute();
    const last = rows.at(-1);
    if (!last) return undefined;
    const latest = await this.latestSeen([...new Set(rows.map((r) => r.feed_id))]);
    const ids = rows
      .filter(
        (r) => r.published_at < before && r.last_seen_at < (latest.get(r.feed_id) ?? 0) - SEEN_REFRESH_MS,
      )
      .map((r) => r.id);
    return { cursor: { seen: last.last_seen_at, id: last.id }, ids };
  }

  /** Deletes up to OUTBOX_ROWS_PER_BATCH delivery records of the items; returns how many went. */
  private async deleteAlertsOf(itemIds: number[]): Promise<number> {
    const r = await this.db
      .deleteFrom("outbox")
      .where("id", "in", (eb) =>
        eb.selectFrom("outbox").select("id").where("item_id", "in", itemIds).limit(OUTBOX_ROWS_PER_BATCH),
      )
      .executeTakeFirst();
    return Number(r.numDeletedRows);
  }

  /** When each of the feeds last delivered a document with items in it (its newest last_seen_at). */
  private async latestSeen(feedIds: number[]): Promise<Map<number, number>> {
    const latest = new Map<number, number>();
    for (const part of chunks(feedIds)) {
      const rows = await this.db
        .selectFrom("items")
        .select((eb) => ["feed_id", eb.fn.max("last_seen_at").as("seen")])
        .where("feed_id", "in", part)
        .groupBy("feed_id")
        .execute();
      for (const r of rows) latest.set(r.feed_id, Number(r.seen));
    }
    return latest;
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
  ): Promise<Array<Item & { feed_title: string | null; feed_url: string }>> {
    return this.db
      .selectFrom("items")
      .innerJoin("feeds", "feeds.id", "items.feed_id")
      .selectAll("items")
      .select(["feeds.title as feed_title", "feeds.url as feed_url"])
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
