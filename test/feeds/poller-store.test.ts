import { randomBytes } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AlertRouter } from "../../src/delivery/router.js";
import { Poller } from "../../src/feeds/poller.js";
import { createLogger } from "../../src/log.js";
import { formatQuery, parseQuery } from "../../src/matching/index.js";
import type { Feed } from "../../src/store/schema.js";
import type { Store } from "../../src/store/store.js";
import { storeEachTest, testDatabases } from "../store/databases.js";
import { FeedServer, rssDocument } from "../support/feed-server.js";

const DAY = 86_400_000;
type Story = Parameters<typeof rssDocument>[0]["items"][number];
const story = (n: number, extra: Partial<Story> = {}): Story => ({
  title: `Литий ${n}`,
  link: `https://wire.example/${n}`,
  guid: `id-${n}`,
  pubDate: new Date(Date.now() - n * 60_000),
  ...extra,
});

// The poller, router and store together, on SQLite and on PostgreSQL: what a feed's stories become.
for (const { db, skip } of testDatabases) {
  describe.skipIf(skip)(`polling into the store on ${db.name}`, () => {
    const t = storeEachTest(db);
    let store: Store;
    let server: FeedServer;
    let router: AlertRouter;
    let poller: Poller;
    /** Set to make routing fail, as a database blip would. */
    let routingFails = false;

    beforeEach(async () => {
      store = t.store;
      server = await FeedServer.start();
      router = new AlertRouter(store, createLogger("silent"));
      routingFails = false;
      poller = new Poller(store, {
        cron: "0 0 1 1 *",
        log: createLogger("silent"),
        allowPrivateUrls: true,
        timeoutMs: 2_000,
        onNewItems: async (feed, items) => {
          if (routingFails) throw new Error("connection terminated unexpectedly");
          await router.route(feed, items);
        },
        sweepUnrouted: () => router.sweep(500),
      });
      await store.chats.upsert({ id: 1, type: "private", title: null });
      const q = parseQuery("литий");
      router.add((await store.subscriptions.add(1, formatQuery(q))).sub, q);
    });
    afterEach(async () => {
      vi.useRealTimers();
      await poller.stop();
      await server.close();
    });

    const alerted = async () =>
      (await store.outbox.due(Number.MAX_SAFE_INTEGER, 100)).map((a) => a.title).sort();
    const feed = async () => (await store.feeds.get(1)) as Feed;
    /** Publishes the stories and polls (the feed is due again at once: no Cache-Control). */
    const pollWith = async (...items: Story[]) => {
      server.set("/rss", rssDocument({ items }));
      await poller.pollOnce();
    };

    it("stores and alerts a story whose link is over 3 KB together with the feed's other stories", async () => {
      await store.feeds.syncShared([server.url("/rss")]);
      await pollWith(story(9));
      // Random, so PostgreSQL cannot compress the index entry below its ~2.7 KB limit.
      const ref = randomBytes(2_400).toString("base64url");
      const long = story(1, { link: `https://wire.example/a?ref=${ref}`, guid: undefined });
      await pollWith(long, story(2), story(9));
      expect(await alerted()).toEqual(["Литий 1", "Литий 2"]);
      expect(await feed()).toMatchObject({ consecutive_failures: 0, last_error: null });
      // Seen again (by its link key, since it has no GUID): not news twice.
      await pollWith(long, story(2), story(9));
      expect(await alerted()).toEqual(["Литий 1", "Литий 2"]);
    });

    it("a routing error leaves the feed's health alone and the story is alerted at the next cycle", async () => {
      await store.feeds.syncShared([server.url("/rss")]);
      await pollWith(story(9));
      routingFails = true;
      await pollWith(story(1), story(9));
      expect(await alerted()).toEqual([]);
      expect(await feed()).toMatchObject({ consecutive_failures: 0, last_error: null });
      routingFails = false;
      await poller.pollOnce();
      expect(await alerted()).toEqual(["Литий 1"]);
    });

    it("a chat's feed removed and added again starts with a first poll: what it published meanwhile is backlog", async () => {
      const { feed: own } = await store.feeds.addForChat(1, server.url("/rss"), null);
      await pollWith(story(50));
      await store.feeds.removeForChat(1, own.id);
      await pollWith(story(1), story(2), story(50)); // nobody reads it: not polled
      await store.feeds.addForChat(1, server.url("/rss"), null);
      await poller.pollOnce();
      expect(await alerted()).toEqual([]);
      await pollWith(story(0), story(1), story(2), story(50));
      expect(await alerted()).toEqual(["Литий 0"]);
    });

    it("a feed nobody read that the operator lists in FEEDS starts with a first poll", async () => {
      const { feed: own } = await store.feeds.addForChat(1, server.url("/rss"), null);
      await pollWith(story(50));
      await store.feeds.removeForChat(1, own.id);
      await pollWith(story(1), story(50));
      await store.feeds.syncShared([server.url("/rss")]);
      await poller.pollOnce();
      expect(await alerted()).toEqual([]);
      // A shared feed stays read: a restart with the same FEEDS changes nothing.
      await store.feeds.syncShared([server.url("/rss")]);
      await pollWith(story(0), story(1), story(50));
      expect(await alerted()).toEqual(["Литий 0"]);
    });

    it("an undated story its feed still carries is not alerted again after the retention prune", async () => {
      vi.useFakeTimers({ toFake: ["Date"] });
      const t0 = Date.now();
      const undated = { title: "Литий: о компании", link: "https://co.example/about", guid: "about" };
      const gone = story(3, { pubDate: new Date(t0 - DAY) });
      await store.feeds.syncShared([server.url("/rss")]);
      await pollWith(undated, gone);
      // 50 days on the feed still carries it (and no longer the other one).
      vi.setSystemTime(t0 + 50 * DAY);
      await pollWith(story(1), undated);
      expect(await alerted()).toEqual(["Литий 1"]);
      vi.setSystemTime(t0 + 100 * DAY);
      const pruned = await store.items.prune(Date.now() - 90 * DAY, { batchSize: 1 });
      expect(pruned.items).toBe(1); // the story that left the feed 99 days ago
      await pollWith(story(2), story(1), undated);
      expect(await alerted()).toEqual(["Литий 1", "Литий 2"]);
    });

    it("keeps the latest document of a feed that answered 304 for months, and prunes the rest", async () => {
      vi.useFakeTimers({ toFake: ["Date"] });
      const t0 = Date.now();
      const undated = { title: "Литий: о компании", link: "https://co.example/about", guid: "about" };
      await store.feeds.syncShared([server.url("/rss")]);
      await pollWith(story(4, { pubDate: new Date(t0 - 2 * DAY) }), undated);
      vi.setSystemTime(t0 + DAY + 60_000);
      await pollWith(undated); // the dated story left the feed
      vi.setSystemTime(t0 + 120 * DAY);
      await poller.pollOnce(); // 304: nothing is refreshed
      expect((await store.items.prune(Date.now() - 90 * DAY)).items).toBe(1);
      await pollWith(story(1), undated);
      expect(await alerted()).toEqual(["Литий 1"]);
    });
  });
}
