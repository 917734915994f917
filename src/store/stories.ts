import type { Kysely } from "kysely";
import { chunks } from "./chunks.js";
import type { Database } from "./schema.js";

/** An item as the story window needs it. */
export interface WindowItem {
  id: number;
  title: string;
  summary: string;
  link_key: string | null;
  fetched_at: number;
  /** null for an item stored before stories existed: it is its own story */
  story_id: number | null;
  /** 0 until matched */
  routed: number;
}

/** One source of a story: the feed that carried it and its item there. */
export interface StorySource {
  item_id: number;
  feed_id: number;
  feed_title: string | null;
  feed_url: string;
  link: string | null;
  fetched_at: number;
}

/** Which items report one story: the grouping src/stories decides, kept across restarts. */
export class StoryStore {
  constructor(private readonly db: Kysely<Database>) {}

  /** Items first seen since a moment, oldest first: the window the detector rebuilds at start. */
  listWindow(since: number): Promise<WindowItem[]> {
    return this.db
      .selectFrom("items")
      .select(["id", "title", "summary", "link_key", "fetched_at", "story_id", "routed"])
      .where("fetched_at", ">=", since)
      .orderBy("fetched_at")
      .orderBy("id")
      .execute();
  }

  /** The story of the earliest stored item with each canonical link, whenever it was seen. */
  async storiesOfLinks(linkKeys: readonly string[]): Promise<Map<string, number>> {
    const found = new Map<string, number>();
    for (const part of chunks([...new Set(linkKeys)])) {
      const rows = await this.db
        .selectFrom("items")
        .select((eb) => ["link_key", eb.fn.min(eb.fn.coalesce("story_id", "id")).as("story")])
        .where("link_key", "in", part)
        .groupBy("link_key")
        .execute();
      for (const r of rows) if (r.link_key) found.set(r.link_key, Number(r.story));
    }
    return found;
  }

  /** Records the story of each item. */
  async setStories(assignments: ReadonlyArray<{ itemId: number; storyId: number }>): Promise<void> {
    const byStory = new Map<number, number[]>();
    for (const a of assignments) byStory.set(a.storyId, [...(byStory.get(a.storyId) ?? []), a.itemId]);
    for (const [storyId, ids] of byStory) {
      for (const part of chunks(ids)) {
        await this.db.updateTable("items").set({ story_id: storyId }).where("id", "in", part).execute();
      }
    }
  }

  /** Items a crash left between storing and story grouping (not yet routed), oldest first. */
  listUngrouped(limit: number): Promise<WindowItem[]> {
    return this.db
      .selectFrom("items")
      .select(["id", "title", "summary", "link_key", "fetched_at", "story_id", "routed"])
      .where("routed", "=", 0)
      .where("story_id", "is", null)
      .orderBy("id")
      .limit(limit)
      .execute();
  }

  /** Every feed that carried a story, in the order the bot saw them: for «также: ТАСС, РИА Новости». */
  sourcesOf(storyId: number): Promise<StorySource[]> {
    return this.db
      .selectFrom("items")
      .innerJoin("feeds", "feeds.id", "items.feed_id")
      .select([
        "items.id as item_id",
        "items.feed_id",
        "feeds.title as feed_title",
        "feeds.url as feed_url",
        "items.link",
        "items.fetched_at",
      ])
      .where((eb) => eb.or([eb("items.story_id", "=", storyId), eb("items.id", "=", storyId)]))
      .orderBy("items.fetched_at")
      .orderBy("items.id")
      .execute();
  }
}
