import { setMaxListeners } from "node:events";
import cron, { type ScheduledTask } from "node-cron";
import type { Logger } from "../log.js";
import { feedFetches, itemsStored, pollCycleSeconds, routingErrors } from "../metrics.js";
import type { Feed, Item } from "../store/schema.js";
import type { Store } from "../store/store.js";
import { encodeProblem, FeedError } from "./errors.js";
import { linkKey } from "./identity.js";
import { loadFeed } from "./load.js";
import type { FeedItem } from "./parse/parse.js";
import { hostOf, runLimited } from "./pool.js";
import { nextCheckAfterFailure, nextCheckAfterSuccess } from "./schedule.js";

/**
 * Called with the items a poll found new, after they are stored and before they count as routed;
 * may resolve to how many alerts they matched (a number), for the cycle's log line.
 */
export type NewItemsHandler = (feed: Feed, items: Item[]) => Promise<unknown>;

/** How the poller behaves. */
export interface PollerOptions {
  cron: string;
  log: Logger;
  onNewItems: NewItemsHandler;
  /** Whether chat-added feeds may point at private addresses (operator FEEDS always may). */
  allowPrivateUrls: boolean;
  timeoutMs?: number;
  concurrency?: number;
  perHost?: number;
  /** Runs once a cycle has finished, e.g. to wake delivery. */
  afterCycle?: () => void;
  /**
   * Runs at the start of every cycle to hand on items stored earlier but never routed (a crash or a
   * routing error); it should be bounded and deal with its own errors.
   */
  sweepUnrouted?: () => Promise<unknown>;
}

const DAY_MS = 24 * 60 * 60_000;
/** A story first seen this long after it was published is history, not news: stored, never alerted. */
export const NEWS_WINDOW_MS = 7 * DAY_MS;

/** Turns a parsed item into the row the store keeps. */
export function toStoredItem(item: FeedItem, fetchedAt: number) {
  const published = item.published?.getTime();
  const known = published !== undefined && Number.isFinite(published);
  return {
    key: item.key,
    link_key: item.link ? linkKey(item.link) : null,
    title: item.title,
    link: item.link,
    summary: item.summary,
    body: item.body || null,
    // A missing or absurd date (far future) would misorder alerts; the fetch time is the honest fallback.
    published_at: known && published <= fetchedAt + DAY_MS ? published : fetchedAt,
    old: known && published < fetchedAt - NEWS_WINDOW_MS,
  };
}

/**
 * Polls every due feed on each cron tick, concurrently within limits, and hands new items on.
 * A feed's first successful poll only records its backlog.
 */
export class Poller {
  private task: ScheduledTask | null = null;
  private cycle: Promise<void> | null = null;
  private stopping = false;
  /** Aborts fetches in flight at shutdown: a feed is simply fetched again at the next start. */
  private readonly abort = new AbortController();
  private readonly inFlight = new Set<number>();
  /** What the running cycle did so far, for its one log line. */
  private tally = { newItems: 0, matches: 0, errors: 0 };

  constructor(
    private readonly store: Store,
    private readonly opts: PollerOptions,
  ) {
    // Every fetch in flight listens on the one shutdown signal; dozens at once are expected.
    setMaxListeners(0, this.abort.signal);
  }

  /** Starts ticking; the first cycle runs immediately. */
  start(): void {
    this.task = cron.schedule(this.opts.cron, () => this.pollOnce(), { noOverlap: true, name: "poll" });
    void this.pollOnce();
  }

  /** Stops ticking and waits for the running cycle to finish (fetches are bounded by their timeout). */
  async stop(): Promise<void> {
    this.stopping = true;
    this.abort.abort();
    await this.task?.stop();
    await this.cycle;
  }

  /** Runs one poll cycle over all due feeds; overlapping calls share the running cycle; never rejects. */
  pollOnce(): Promise<void> {
    if (this.stopping) return Promise.resolve();
    if (!this.cycle) {
      // A cycle that fails (the store unreachable) is logged here, for the first one as for cron's.
      this.cycle = this.runCycle()
        .catch((err: unknown) => this.opts.log.error({ err }, "poll cycle failed"))
        .finally(() => {
          this.cycle = null;
          this.opts.afterCycle?.();
        });
    }
    return this.cycle;
  }

  private async runCycle(): Promise<void> {
    // The feeds are polled even when the sweep fails (the store may be back by then).
    await this.opts
      .sweepUnrouted?.()
      .catch((err) => this.opts.log.error({ err }, "sweeping unrouted items failed"));
    const due = await this.store.feeds.listDue(Date.now());
    const started = Date.now();
    this.tally = { newItems: 0, matches: 0, errors: 0 };
    const timer = pollCycleSeconds.startTimer();
    await runLimited(
      due,
      (f) => hostOf(f.url),
      (f) => this.pollFeed(f),
      this.opts.concurrency ?? 32,
      this.opts.perHost ?? 2,
    );
    timer();
    this.opts.log.info({ feeds: due.length, ...this.tally, ms: Date.now() - started }, "poll cycle done");
  }

  /** Fetches one feed and records the outcome; never throws. */
  async pollFeed(feed: Feed): Promise<void> {
    if (this.stopping || this.inFlight.has(feed.id)) return;
    this.inFlight.add(feed.id);
    const log = this.opts.log.child({ feed: feed.url });
    try {
      const result = await loadFeed(feed.url, {
        etag: feed.etag,
        lastModified: feed.last_modified,
        timeoutMs: this.opts.timeoutMs ?? 20_000,
        allowPrivate: feed.shared === 1 || this.opts.allowPrivateUrls,
        signal: this.abort.signal,
      });
      const now = Date.now();
      const { outcome } = result;
      feedFetches.inc({ outcome: outcome.kind });
      if (
        outcome.kind === "ok" &&
        outcome.movedPermanentlyTo &&
        (await this.store.feeds.moveTo(feed.id, outcome.movedPermanentlyTo))
      ) {
        log.info({ to: outcome.movedPermanentlyTo }, "feed moved permanently; URL updated");
      }
      let fresh: Item[] = [];
      if (result.feed) {
        const rows = result.feed.items.map((i) => toStoredItem(i, now));
        // The backlog of a feed's first poll is recorded as already routed: it is history, not news.
        fresh = await this.store.items.insertNew(feed.id, rows, { now, routed: feed.initialized === 0 });
      }
      await this.store.feeds.recordSuccess(feed.id, {
        etag: outcome.kind === "ok" ? outcome.etag : feed.etag,
        lastModified: outcome.kind === "ok" ? outcome.lastModified : feed.last_modified,
        title: result.feed?.title ?? null,
        nextCheckAt: nextCheckAfterSuccess(now, outcome.maxAgeSeconds),
        newItems: fresh.length,
      });
      if (feed.initialized === 0) {
        log.info({ backlog: fresh.length }, "first poll: backlog recorded, not alerted");
      } else {
        const news = fresh.filter((i) => i.routed === 0);
        itemsStored.inc({ kind: "news" }, news.length);
        itemsStored.inc({ kind: "history" }, fresh.length - news.length);
        log.debug({ items: fresh.length, news: news.length }, "new items");
        this.tally.newItems += news.length;
        if (news.length > 0) this.tally.matches += await this.handOn(feed, news, log);
      }
    } catch (err) {
      // A fetch cut short by shutdown says nothing about the feed's health.
      if (!this.stopping) await this.recordFailure(feed, err, log);
    } finally {
      this.inFlight.delete(feed.id);
    }
  }

  /**
   * Hands stored items on to routing; returns how many alerts that queued. Its failure is ours, not the feed's: the feed's health is left
   * alone, and the items, stored but unrouted, are picked up by the next cycle's sweep.
   */
  private async handOn(feed: Feed, items: Item[], log: Logger): Promise<number> {
    try {
      const matched = await this.opts.onNewItems(feed, items);
      return typeof matched === "number" ? matched : 0;
    } catch (err) {
      routingErrors.inc();
      log.error({ err, items: items.length }, "routing new items failed; retried next cycle");
      return 0;
    }
  }

  private async recordFailure(feed: Feed, err: unknown, log: Logger): Promise<void> {
    const message =
      err instanceof FeedError ? err.message : encodeProblem("internal", { error: String(err) });
    const retryAfter = err instanceof FeedError ? (err.retryAfterSeconds ?? null) : null;
    feedFetches.inc({ outcome: err instanceof FeedError ? err.kind : "internal" });
    const now = Date.now();
    this.tally.errors++;
    try {
      const failures = await this.store.feeds.recordFailure(
        feed.id,
        message,
        nextCheckAfterFailure(now, feed.consecutive_failures + 1, retryAfter),
        now,
      );
      const failingFor = feed.last_success_at ? now - feed.last_success_at : now - feed.created_at;
      if (failingFor >= DAY_MS)
        log.error({ failures, error: message }, "feed has been failing for over a day");
      else log.warn({ failures, error: message }, "feed fetch failed");
    } catch (storeErr) {
      log.error({ err: storeErr }, "could not record a feed failure");
    }
  }
}
