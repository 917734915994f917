import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AlertRouter } from "../../src/delivery/router.js";
import { createLogger } from "../../src/log.js";
import { formatQuery, parseQuery } from "../../src/matching/query/query.js";
import type { Feed } from "../../src/store/schema.js";
import { Store } from "../../src/store/store.js";

describe("AlertRouter", () => {
  let dir: string;
  let store: Store;
  let router: AlertRouter;
  let shared: Feed;
  let n = 0;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), "newsalert-router-"));
    store = await Store.open(join(dir, "db.sqlite"));
    router = new AlertRouter(store, createLogger("silent"));
    await store.feeds.syncShared(["https://wire.example/rss", "https://other.example/rss"]);
    shared = (await store.feeds.get(1)) as Feed;
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function follow(chatId: number, text: string) {
    await store.chats.upsert({ id: chatId, type: "private", title: null });
    const q = parseQuery(text);
    const { sub } = await store.subscriptions.add(chatId, formatQuery(q));
    router.add(sub, q);
    return sub;
  }

  async function items(feedId: number, ...titles: string[]) {
    return store.items.insertNew(
      feedId,
      titles.map((title) => ({
        key: `g:${++n}`,
        link_key: `wire.example/${title}`,
        title,
        link: `https://wire.example/${n}`,
        summary: "",
        published_at: 0,
      })),
    );
  }

  const queued = async () =>
    (await store.outbox.due(Number.MAX_SAFE_INTEGER, 100)).map((a) => [a.chatId, a.title, a.matched]);

  it("queues one alert per matching chat with the terms that hit, and marks items routed", async () => {
    await follow(1, "литий");
    await follow(1, "никель");
    await follow(2, "никель");
    const list = await items(shared.id, "Литий и никель дорожают", "Погода");
    expect(await router.route(shared, list)).toBe(2);
    expect(await queued()).toEqual([
      [1, "Литий и никель дорожают", ["литий", "никель"]],
      [2, "Литий и никель дорожают", ["никель"]],
    ]);
    expect(await store.items.listUnrouted(10)).toEqual([]);
  });

  it("skips paused and unreachable chats, and forgets removed subscriptions", async () => {
    await follow(1, "литий");
    await follow(2, "литий");
    const gone = await follow(3, "литий");
    await store.chats.setPaused(1, true);
    await store.chats.setActive(2, false);
    router.remove(gone.id);
    expect(await router.route(shared, await items(shared.id, "Литий"))).toBe(0);
  });

  it("sends a chat-added feed's stories only to the chats that added it", async () => {
    await follow(1, "литий");
    await follow(2, "литий");
    const { feed } = await store.feeds.addForChat(2, "https://own.example/rss", null);
    await router.route(feed, await items(feed.id, "Литий на бирже"));
    expect((await queued()).map((q) => q[0])).toEqual([2]);
  });

  it("never queues the same story twice for a chat, even from two feeds", async () => {
    await follow(1, "литий");
    const other = (await store.feeds.get(2)) as Feed;
    await router.route(shared, await items(shared.id, "Литий"));
    await router.route(other, await items(other.id, "Литий"));
    expect(await queued()).toHaveLength(1);
  });

  it("recovers items a crash left unrouted", async () => {
    await follow(1, "литий");
    await items(shared.id, "Литий растёт");
    expect(await router.sweep(500)).toBe(1);
    expect(await router.sweep(500)).toBe(0);
  });

  it("loads stored subscriptions into the index at start", async () => {
    await follow(1, "никель");
    const fresh = new AlertRouter(store, createLogger("silent"));
    await fresh.load();
    expect(await fresh.route(shared, await items(shared.id, "Норникель и никель"))).toBe(1);
  });

  it("records which of the chat's subscriptions matched each alert", async () => {
    const li = await follow(1, "литий");
    const ni = await follow(1, "никель");
    await follow(1, "медь");
    await router.route(shared, await items(shared.id, "Литий и никель дорожают"));
    const [alert] = await store.outbox.due(Number.MAX_SAFE_INTEGER, 10);
    expect(alert?.subscriptionIds.sort()).toEqual([li.id, ni.id].sort());
  });

  describe("full text, quoted sentence and sources (issue 11)", () => {
    async function article(feedId: number, title: string, summary: string, body: string | null) {
      return store.items.insertNew(feedId, [
        { key: `g:${++n}`, link_key: null, title, link: null, summary, body, published_at: 0 },
      ]);
    }
    const body = `${"Первый абзац о рынке. ".repeat(80)}Китай ограничил экспорт германия и галлия. Конец.`;

    it("matches the full text, quotes the sentence with the words in bold; alerts keep the lead", async () => {
      await follow(1, "германий");
      const list = await article(shared.id, "Обзор рынка", "Коротко о главном.", body);
      expect(await router.route(shared, list)).toBe(1);
      const [alert] = await store.outbox.due(Number.MAX_SAFE_INTEGER, 10);
      expect(alert?.snippet).toBe("Китай ограничил экспорт \u0002германия\u0003 и галлия.");
      expect(alert?.summary).toBe("Коротко о главном.");
      const [stored] = await store.items.listUnrouted(10);
      expect(stored).toBeUndefined();
    });

    it("quotes nothing when the headline has the match", async () => {
      await follow(1, "германий");
      const list = await article(shared.id, "Германий дорожает", "Китай ограничил экспорт германия.", null);
      await router.route(shared, list);
      const [alert] = await store.outbox.due(Number.MAX_SAFE_INTEGER, 10);
      expect(alert?.snippet).toBeNull();
    });

    it("after a crash, routing the stored item still sees its full text", async () => {
      await follow(1, "галлий");
      await article(shared.id, "Обзор рынка", "Коротко.", body);
      // The crash: stored, never routed. the sweep reads the body back from the store.
      expect(await router.sweep(500)).toBe(1);
      const [alert] = await store.outbox.due(Number.MAX_SAFE_INTEGER, 10);
      expect(alert?.snippet).toContain("\u0002галлия\u0003");
    });

    it("source: keeps a query to feeds whose host or title has the word; -source: excludes", async () => {
      await follow(1, "литий source:wire");
      await follow(2, "литий -source:wire");
      await follow(3, "литий source:other");
      await route(shared, "Литий дорожает");
      expect((await queued()).map(([chat]) => chat)).toEqual([1]);
    });

    async function route(feed: Feed, title: string) {
      await router.route(feed, await items(feed.id, title));
    }
  });
});
