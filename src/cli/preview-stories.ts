/**
 * Several feeds read together for `preview`, grouped into stories by the same detector the bot runs
 * (src/stories), so the preview shows one entry per story as a chat would get one alert.
 */
import { canonicalLink } from "../feeds/identity.js";
import type { FeedItem } from "../feeds/parse/parse.js";
import { StoryDetector } from "../stories/detector.js";

/** One feed as read, named for the «также» line. */
export interface FeedRead {
  /** the feed's title, or its URL or path when it has none */
  source: string;
  /** what `source:` filters look at (host and title), when it differs from `source` */
  matchSource?: string;
  items: readonly FeedItem[];
}

/** An item with its feed and its story. */
export interface StoryItem extends FeedItem {
  source: string;
  matchSource?: string;
  /** number of the story's first item in reading order (1-based): equal for items of one story */
  story: number;
}

/** Reads the feeds' items in the order given, as the bot would see them polled one after another. */
export function groupFeedStories(feeds: readonly FeedRead[], now = Date.now()): StoryItem[] {
  const detector = new StoryDetector();
  const out: StoryItem[] = [];
  for (const feed of feeds) {
    for (const item of feed.items) {
      const id = out.length + 1;
      const { storyId } = detector.assign({
        id,
        title: item.title,
        summary: item.summary,
        linkKey: item.link ? canonicalLink(item.link) : null,
        seenAt: now,
      });
      out.push({ ...item, source: feed.source, matchSource: feed.matchSource, story: storyId });
    }
  }
  return out;
}

/** The sources of a story other than the one shown, in reading order: «также: ТАСС, РИА Новости». */
export function otherSources(items: readonly StoryItem[], story: number, shown: string): string[] {
  const others: string[] = [];
  for (const item of items) {
    if (item.story === story && item.source !== shown && !others.includes(item.source))
      others.push(item.source);
  }
  return others;
}
