import type { Logger } from "../log.js";
import {
  loadMorphology,
  morphologyError,
  parseQuery,
  type Query,
  SubscriptionIndex,
} from "../matching/index.js";
import type { NewAlert } from "../store/outbox.js";
import type { Feed, Item, Subscription } from "../store/schema.js";
import type { Store } from "../store/store.js";
import { groupBy } from "./group-by.js";

/** The key that makes a story the same story for a chat, whichever feed carried it. */
export function storyKey(item: Pick<Item, "feed_id" | "key" | "link_key">): string {
  return item.link_key ? `l:${item.link_key}` : `f${item.feed_id}:${item.key}`;
}

/**
 * Turns new items into queued alerts: matches each against every chat's queries through one
 * in-memory index, and writes one outbox row per (chat, story).
 */
export class AlertRouter {
  private readonly index = new SubscriptionIndex();
  private readonly chatOf = new Map<number, number>();

  constructor(
    private readonly store: Store,
    private readonly log: Logger,
  ) {}

  /** Builds the index from every stored subscription (loading the morphology dictionary first). */
  async load(): Promise<void> {
    loadMorphology();
    const dictionaryError = morphologyError();
    if (dictionaryError)
      this.log.error({ err: dictionaryError }, "morphology dictionary failed to load; using ending rules");
    for (const sub of await this.store.subscriptions.listAll()) {
      try {
        this.add(sub, parseQuery(sub.query));
      } catch (err) {
        this.log.warn(
          { subscription: sub.id, query: sub.query, err },
          "stored query no longer parses; skipped",
        );
      }
    }
    this.log.info({ subscriptions: this.index.size }, "matching index built");
  }

  /** Starts matching a new subscription. */
  add(sub: Pick<Subscription, "id" | "chat_id">, query: Query): void {
    this.index.add(sub.id, query);
    this.chatOf.set(sub.id, sub.chat_id);
  }

  /** Stops matching a subscription. */
  remove(subId: number): void {
    this.index.remove(subId);
    this.chatOf.delete(subId);
  }

  /** Re-points every subscription of a chat after Telegram changed its id. */
  moveChat(from: number, to: number): void {
    for (const [sub, chat] of this.chatOf) if (chat === from) this.chatOf.set(sub, to);
  }

  /** Matches a feed's new items and queues their alerts; returns how many alerts were queued. */
  async route(feed: Pick<Feed, "id" | "shared">, items: readonly Item[]): Promise<number> {
    if (items.length === 0) return 0;
    const audience = feed.shared ? null : new Set(await this.store.feeds.chatsOf(feed.id));
    const hits: Array<{ item: Item; terms: Map<number, string[]>; subs: Map<number, number[]> }> = [];
    for (const item of items) {
      const terms = new Map<number, string[]>();
      const subs = new Map<number, number[]>();
      for (const hit of this.index.match({ title: item.title, summary: item.summary })) {
        const chatId = this.chatOf.get(hit.id);
        if (chatId === undefined || (audience && !audience.has(chatId))) continue;
        const list = terms.get(chatId) ?? [];
        for (const t of hit.matched) if (!list.includes(t)) list.push(t);
        terms.set(chatId, list);
        subs.set(chatId, [...(subs.get(chatId) ?? []), hit.id]);
      }
      if (terms.size > 0) hits.push({ item, terms, subs });
    }
    // Only the chats that matched are looked up, not every chat the bot serves.
    const candidates = new Set(hits.flatMap((h) => [...h.terms.keys()]));
    const receiving = new Set(await this.store.chats.filterReceiving([...candidates]));
    const alerts: NewAlert[] = [];
    for (const { item, terms, subs } of hits) {
      for (const [chatId, matched] of terms) {
        const subscriptionIds = subs.get(chatId) ?? [];
        if (receiving.has(chatId))
          alerts.push({ chatId, itemId: item.id, storyKey: storyKey(item), matched, subscriptionIds });
      }
    }
    const queued = alerts.length ? await this.store.outbox.enqueue(alerts) : 0;
    await this.store.items.markRouted(items.map((i) => i.id));
    return queued;
  }

  /** Routes items a crash left unmatched; returns how many alerts that queued. */
  async recover(): Promise<number> {
    let queued = 0;
    for (;;) {
      const items = await this.store.items.listUnrouted(500);
      if (items.length === 0) return queued;
      const byFeed = groupBy(items, (i) => i.feed_id);
      for (const [feedId, list] of byFeed) {
        const feed = await this.store.feeds.get(feedId);
        if (feed) queued += await this.route(feed, list);
        else await this.store.items.markRouted(list.map((i) => i.id));
      }
    }
  }
}
