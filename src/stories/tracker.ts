/**
 * The stories stage of the pipeline (feeds → stories → matching → delivery): gives every new item the id
 * of its story before it is matched, persists it, and rebuilds the detector's window at start.
 */
import type { Logger } from "../log.js";
import type { Store } from "../store/store.js";
import type { WindowItem } from "../store/stories.js";
import { STORY_WINDOW_MS, StoryDetector } from "./detector.js";

function input(item: Omit<WindowItem, "routed">) {
  return {
    id: item.id,
    title: item.title,
    summary: item.summary,
    linkKey: item.link_key,
    seenAt: item.fetched_at,
  };
}

/** Groups new items into stories across all feeds (one alert per story) and keeps the grouping. */
export class StoryTracker {
  private readonly detector = new StoryDetector();

  constructor(
    private readonly store: Store,
    private readonly log: Logger,
  ) {}

  /** Rebuilds the window from the items of the last 36 hours, with the stories already recorded. */
  async load(now = Date.now()): Promise<void> {
    const items = await this.store.stories.listWindow(now - STORY_WINDOW_MS);
    for (const item of items) {
      // Items a crash left ungrouped are grouped by recover(), in order, like new ones.
      if (item.story_id === null && item.routed === 0) continue;
      this.detector.restore(input(item), item.story_id ?? item.id);
    }
    this.log.info({ items: this.detector.size }, "story window rebuilt");
  }

  /** Decides and records the story of newly stored items; returns them with `story_id` set, in order. */
  async assign<T extends Omit<WindowItem, "routed">>(items: readonly T[]): Promise<T[]> {
    if (items.length === 0) return [];
    // A link seen beyond the window (or by a feed polled by another path) is still the same story.
    const unknown = items.filter((i) => i.link_key && this.detector.storyOfLink(i.link_key) === null);
    const stored = unknown.length
      ? await this.store.stories.storiesOfLinks(unknown.map((i) => i.link_key as string))
      : new Map<string, number>();
    const out: T[] = [];
    for (const item of items) {
      const known = item.link_key ? stored.get(item.link_key) : undefined;
      let storyId: number;
      if (known !== undefined && known !== item.id) {
        this.detector.restore(input(item), known);
        storyId = known;
      } else {
        const decision = this.detector.assign(input(item));
        storyId = decision.storyId;
        if (decision.sameAs !== null)
          this.log.debug(
            { item: item.id, sameAs: decision.sameAs, by: decision.by, score: decision.score },
            "item joins a story",
          );
      }
      out.push({ ...item, story_id: storyId });
    }
    await this.store.stories.setStories(out.map((i) => ({ itemId: i.id, storyId: i.story_id as number })));
    return out;
  }

  /** Groups the items a crash left between storing and grouping, so they are routed by story. */
  async recover(): Promise<number> {
    let grouped = 0;
    for (;;) {
      const items = await this.store.stories.listUngrouped(500);
      if (items.length === 0) return grouped;
      grouped += (await this.assign(items)).length;
    }
  }
}
