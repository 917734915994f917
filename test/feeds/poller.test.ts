import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Poller } from "../../src/feeds/poller.js";
import { createLogger } from "../../src/log.js";
import type { Feed, Item } from "../../src/store/schema.js";
import { Store } from "../../src/store/store.js";
import { FeedServer, rssDocument } from "../support/feed-server.js";
import { captureLog } from "../support/log-capture.js";

const story = (n: number) => ({ title: `Новость ${n}`, link: `https://wire.example/${n}`, guid: `id-${n}` });

describe("Poller", () => {
  let dir: string;
  let store: Store;
  let server: FeedServer;
  let handed: Array<{ feed: Feed; items: Item[] }>;
  let poller: Poller;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), "newsalert-poll-"));
    store = await Store.open(join(dir, "db.sqlite"));
    server = await FeedServer.start();
    handed = [];
    poller = new Poller(store, {
      cron: "0 0 1 1 *",
      log: createLogger("silent"),
      allowPrivateUrls: false,
      timeoutMs: 2_000,
      onNewItems: async (feed, items) => {
        handed.push({ feed, items });
      },
    });
  });
  afterEach(async () => {
    await poller.stop();
    await store.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const feedRow = async () => (await store.feeds.get(1)) as Feed;

  it("records the first poll's backlog without handing it on, then hands on only new items", async () => {
    server.set("/rss", rssDocument({ title: "Wire", items: [story(1), story(2)] }));
    await store.feeds.syncShared([server.url("/rss")]);
    await poller.pollOnce();
    expect(handed).toEqual([]);
    expect(await feedRow()).toMatchObject({
      initialized: 1,
      items_seen: 2,
      title: "Wire",
      consecutive_failures: 0,
    });
    expect(await store.items.listUnrouted(10)).toEqual([]);

    server.set("/rss", rssDocument({ title: "Wire", items: [story(3), story(1), story(2)] }));
    await poller.pollOnce();
    expect(handed.map((h) => h.items.map((i) => i.title))).toEqual([["Новость 3"]]);
    // Handed on but not yet routed: the router marks it, so a crash here is repaired on restart.
    expect((await store.items.listUnrouted(10)).map((i) => i.title)).toEqual(["Новость 3"]);
  });

  it("stores a story first seen long after it was published, but does not hand it on", async () => {
    server.set("/rss", rssDocument({ items: [story(1)] }));
    await store.feeds.syncShared([server.url("/rss")]);
    await poller.pollOnce();
    const old = { ...story(2), pubDate: new Date(Date.now() - 30 * 24 * 3600_000) };
    const fresh = { ...story(3), pubDate: new Date(Date.now() - 3600_000) };
    server.set("/rss", rssDocument({ items: [old, fresh, story(1)] }));
    await poller.pollOnce();
    expect(handed.flatMap((h) => h.items.map((i) => i.title))).toEqual(["Новость 3"]);
    expect((await store.items.listUnrouted(10)).map((i) => i.title)).toEqual(["Новость 3"]);
  });

  it("hands on nothing when every story's GUID changes but its link (less tracking) does not", async () => {
    const v = (n: number, version: number) => ({
      ...story(n),
      guid: `v${version}-${n}`,
      link: `https://wire.example/${n}?utm_source=rss${version}`,
    });
    server.set("/rss", rssDocument({ items: [v(1, 1), v(2, 1)] }));
    await store.feeds.syncShared([server.url("/rss")]);
    await poller.pollOnce();
    server.set("/rss", rssDocument({ items: [v(1, 2), v(2, 2), v(3, 2)] }));
    await poller.pollOnce();
    expect(handed.flatMap((h) => h.items.map((i) => i.title))).toEqual(["Новость 3"]);
  });

  it("sends validators back and treats 304 as nothing new", async () => {
    server.set("/rss", rssDocument({ items: [story(1)] }));
    await store.feeds.syncShared([server.url("/rss")]);
    await poller.pollOnce();
    await poller.pollOnce();
    const last = server.requests.at(-1);
    expect(last?.headers["if-none-match"]).toBeTruthy();
    expect((await feedRow()).last_success_at).not.toBeNull();
    expect(handed).toEqual([]);
  });

  it("records a failure in words, backs off, and recovers", async () => {
    server.set("/rss", "oops", { status: 500 });
    await store.feeds.syncShared([server.url("/rss")]);
    await poller.pollOnce();
    const failed = await feedRow();
    expect(failed.consecutive_failures).toBe(1);
    expect(failed.last_error).toMatch(/500/);
    expect(failed.next_check_at).toBeGreaterThan(Date.now() + 30_000);
    // Not due again during the back-off.
    expect(await store.feeds.listDue()).toEqual([]);

    server.set("/rss", rssDocument({ items: [story(1)] }));
    await poller.pollFeed(failed);
    expect(await feedRow()).toMatchObject({ consecutive_failures: 0, initialized: 1 });
  });

  it("refuses a chat-added feed on a private address unless allowed, but trusts the operator's", async () => {
    server.set("/rss", rssDocument({ items: [story(1)] }));
    await store.chats.upsert({ id: 1, type: "private", title: null });
    const { feed } = await store.feeds.addForChat(1, server.url("/rss"), null);
    await poller.pollOnce();
    expect((await store.feeds.get(feed.id))?.last_error).toBeTruthy();
    expect(server.requests).toHaveLength(0);

    await store.feeds.syncShared([server.url("/rss")]);
    await poller.pollFeed((await store.feeds.get(feed.id)) as Feed);
    expect((await store.feeds.get(feed.id))?.initialized).toBe(1);
  });

  it("stops at once when a feed hangs, without counting it as a failure", async () => {
    let arrived: () => void = () => {};
    const got = new Promise<void>((r) => {
      arrived = r;
    });
    const hanging = createServer(() => arrived()).listen(0, "127.0.0.1");
    await once(hanging, "listening");
    const url = `http://127.0.0.1:${(hanging.address() as AddressInfo).port}/rss`;
    const slow = new Poller(store, {
      cron: "0 0 1 1 *",
      log: createLogger("silent"),
      allowPrivateUrls: false,
      // Far beyond the test's own timeout: only the shutdown abort can end this fetch in time.
      timeoutMs: 120_000,
      onNewItems: async () => {},
    });
    await store.feeds.syncShared([url]);
    const cycle = slow.pollOnce();
    await got;
    await slow.stop();
    await cycle;
    expect(await feedRow()).toMatchObject({ consecutive_failures: 0, last_error: null });
    hanging.closeAllConnections();
    hanging.close();
  });

  it("a store error in a cycle, the first one included, is logged and does not reject", async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", onUnhandled);
    const broken = await Store.open(join(dir, "broken.sqlite"));
    await broken.close();
    const { log, lines } = captureLog();
    const failing = new Poller(broken, {
      cron: "0 0 1 1 *",
      log,
      allowPrivateUrls: false,
      onNewItems: async () => {},
    });
    try {
      failing.start();
      await vi.waitFor(() => expect(lines().map((l) => l.msg)).toContain("poll cycle failed"));
      await expect(failing.pollOnce()).resolves.toBeUndefined();
      await new Promise((r) => setTimeout(r, 50));
      expect(unhandled).toEqual([]);
      const failed = lines().filter((l) => l.msg === "poll cycle failed");
      expect(failed).toHaveLength(2);
      expect(failed[0]).toMatchObject({ level: 50, err: { message: expect.any(String) } });
    } finally {
      process.off("unhandledRejection", onUnhandled);
      await failing.stop();
    }
  });

  it("polls on its own at every tick of POLL_CRON (seconds field included)", async () => {
    server.set("/rss", rssDocument({ items: [story(1)] }));
    await store.feeds.syncShared([server.url("/rss")]);
    const ticking = new Poller(store, {
      cron: "* * * * * *",
      log: createLogger("silent"),
      allowPrivateUrls: false,
      onNewItems: async (feed, items) => {
        handed.push({ feed, items });
      },
    });
    ticking.start();
    try {
      // The first poll runs at start; the next one can only come from the cron tick.
      await vi.waitFor(() => expect(server.requests.length).toBeGreaterThanOrEqual(2), { timeout: 5_000 });
    } finally {
      await ticking.stop();
    }
    expect(await feedRow()).toMatchObject({ initialized: 1 });
  });

  it("updates the stored URL after a permanent redirect", async () => {
    server.set("/old", "", { status: 301, headers: { location: "/new" } });
    server.set("/new", rssDocument({ items: [story(1)] }));
    await store.feeds.syncShared([server.url("/old")]);
    await poller.pollOnce();
    expect((await feedRow()).url).toBe(server.url("/new"));
  });
});
