import type { Logger } from "../log.js";
import {
  loadMorphology,
  matchedSentence,
  morphologyError,
  parseQuery,
  type Query,
  SubscriptionIndex,
} from "../matching/index.js";
import { routingErrors } from "../metrics.js";
import type { NewAlert } from "../store/outbox.js";
import type { Feed, Item, Subscription } from "../store/schema.js";
import type { Store } from "../store/store.js";
import { groupBy } from "./group-by.js";

/**
 * The key that makes a story the same story for a chat, whichever feed carried it: the story src/stories
 * grouped the item into (one alert per story across sources); items stored before stories existed keep
 * their canonical link or feed key.
 */
export function storyKey(
  item: Pick<Item, "feed_id" | "key" | "link_key"> & { story_id?: number | null },
): string {
  if (item.story_id != null) return `s:${item.story_id}`;
  return item.link_key ? `l:${item.link_key}` : `f${item.feed_id}:${item.key}`;
}

/** What source: filters look in: the feed's host and title (alerts, the /subscribe preview and the CLI preview). */
export function feedSource(feed: Partial<Pick<Feed, "url" | "title">>): string {
  let host = "";
  try {
    host = feed.url ? new URL(feed.url).hostname : "";
  } catch {
    host = feed.url ?? "";
  }
  return `${host} ${feed.title ?? ""}`;
}

/**
 * Turns new items into queued alerts: matches each against every chat's queries through one
 * in-memory index, and writes one outbox row per (chat, story).
 */
export class AlertRouter {
  private readonly index = new SubscriptionIndex();
  private readonly chatOf = new Map<number, number>();
  /** The stored text each indexed subscription was built from, so a changed (widened) query is rebuilt. */
  private readonly queryOf = new Map<number, string>();

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
    for (const sub of await this.store.subscriptions.listAll()) this.apply(sub);
    this.log.info({ subscriptions: this.index.size }, "matching index built");
  }

  /** Starts matching a new subscription. */
  add(sub: Pick<Subscription, "id" | "chat_id"> & { query?: string }, query: Query): void {
    if (this.chatOf.has(sub.id)) this.index.remove(sub.id);
    this.index.add(sub.id, query);
    this.chatOf.set(sub.id, sub.chat_id);
    this.queryOf.set(sub.id, sub.query ?? "");
  }

  /** Stops matching a subscription. */
  remove(subId: number): void {
    this.index.remove(subId);
    this.chatOf.delete(subId);
    this.queryOf.delete(subId);
  }

  /** Makes the index agree with one stored subscription, e.g. one another instance added or moved. */
  apply(sub: Pick<Subscription, "id" | "chat_id" | "query"> & { muted?: number }): void {
    if (sub.muted) {
      if (this.chatOf.has(sub.id)) this.remove(sub.id);
      return;
    }
    if (this.queryOf.get(sub.id) === sub.query) {
      // Same query: only its chat can have changed (a group became a supergroup).
      this.chatOf.set(sub.id, sub.chat_id);
      return;
    }
    try {
      this.add(sub, parseQuery(sub.query));
    } catch (err) {
      this.log.warn(
        { subscription: sub.id, query: sub.query, err },
        "stored query no longer parses; skipped",
      );
    }
  }

  /** Makes the index agree with every stored subscription; returns how many were added or removed. */
  resync(subs: readonly Pick<Subscription, "id" | "chat_id" | "query">[]): number {
    const stored = new Set(subs.map((s) => s.id));
    let changed = 0;
    for (const id of [...this.chatOf.keys()]) {
      if (!stored.has(id)) {
        this.remove(id);
        changed++;
      }
    }
    for (const sub of subs) {
      if (!this.chatOf.has(sub.id)) changed++;
      this.apply(sub);
    }
    return changed;
  }

  /**
   * Follows a chat whose id Telegram changed, after the store moved it: re-points the subscriptions the
   * store kept and drops those it deleted (the group's duplicates of queries the new chat already had),
   * so the index matches the store. Never throws: a failure is logged and leaves the index as it was.
   */
  async moveChat(from: number, to: number): Promise<void> {
    try {
      const kept = new Set((await this.store.subscriptions.listForChat(to)).map((s) => s.id));
      for (const [sub, chat] of this.chatOf) {
        if (chat !== from) continue;
        if (kept.has(sub)) this.chatOf.set(sub, to);
        else this.remove(sub);
      }
    } catch (err) {
      this.log.error({ err, from, to }, "could not follow a migrated chat in the matching index");
    }
  }

  /**
   * Matches a feed's new items (title, summary and stored full text; the feed's host and title for
   * source: filters) and queues their alerts; returns how many alerts were queued.
   */
  async route(
    feed: Pick<Feed, "id" | "shared"> & Partial<Pick<Feed, "url" | "title">>,
    items: readonly Item[],
  ): Promise<number> {
    if (items.length === 0) return 0;
    const audience = feed.shared ? null : new Set(await this.store.feeds.chatsOf(feed.id));
    const source = feedSource(feed);
    const hits: Array<{ item: Item; terms: Map<number, string[]>; subs: Map<number, number[]> }> = [];
    for (const item of items) {
      const terms = new Map<number, string[]>();
      const subs = new Map<number, number[]>();
      const input = { title: item.title, summary: item.summary, body: item.body, source };
      const found = this.index.matches(input);
      for (let i = 0; i < found.count; i++) {
        const id = found.ids[i] as number;
        const chatId = this.chatOf.get(id);
        if (chatId === undefined || (audience && !audience.has(chatId))) continue;
        const list = terms.get(chatId) ?? [];
        for (const t of found.matched(i)) if (!list.includes(t)) list.push(t);
        terms.set(chatId, list);
        subs.set(chatId, [...(subs.get(chatId) ?? []), id]);
      }
      if (terms.size > 0) hits.push({ item, terms, subs });
    }
    // Only the chats that matched are looked up, not every chat the bot serves.
    const candidates = new Set(hits.flatMap((h) => [...h.terms.keys()]));
    const receiving = new Set(await this.store.chats.filterReceiving([...candidates]));
    const alerts: NewAlert[] = [];
    for (const { item, terms, subs } of hits) {
      // Chats matched by the same terms quote the same sentence: found once per item and terms.
      const snippets = new Map<string, string | null>();
      for (const [chatId, matched] of terms) {
        if (!receiving.has(chatId)) continue;
        const key = matched.join("\n");
        if (!snippets.has(key)) snippets.set(key, matchedSentence(item, matched));
        alerts.push({
          chatId,
          itemId: item.id,
          storyKey: storyKey(item),
          matched,
          snippet: snippets.get(key),
          subscriptionIds: subs.get(chatId) ?? [],
        });
      }
    }
    const queued = alerts.length ? await this.store.outbox.enqueue(alerts) : 0;
    await this.store.items.markRouted(items.map((i) => i.id));
    return queued;
  }

  /**
   * Routes up to `limit` items left unmatched (by a crash, or by a routing error such as a database
   * blip) and returns how many alerts that queued. A feed whose items fail again is logged, counted
   * and left for the next sweep; the poller sweeps every cycle.
   */
  async sweep(limit: number): Promise<number> {
    let queued = 0;
    const items = await this.store.items.listUnrouted(limit);
    for (const [feedId, list] of groupBy(items, (i) => i.feed_id)) {
      try {
        const feed = await this.store.feeds.get(feedId);
        if (feed) queued += await this.route(feed, list);
        else await this.store.items.markRouted(list.map((i) => i.id));
      } catch (err) {
        routingErrors.inc();
        this.log.error(
          { err, feedId, items: list.length },
          "routing stored items failed; retried next cycle",
        );
      }
    }
    return queued;
  }
}
