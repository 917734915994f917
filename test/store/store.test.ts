import { describe, expect, it } from "vitest";
import { Store } from "../../src/store/store.js";
import { storeEachTest, testDatabases } from "./databases.js";

for (const { db, skip } of testDatabases) {
  describe.skipIf(skip)(`store on ${db.name}${skip ? " (set TEST_DATABASE_URL to run)" : ""}`, () => {
    const t = storeEachTest(db);

    const item = (key: string, link: string | null = null, title = key) => ({
      key,
      link_key: link,
      title,
      link,
      summary: "",
      published_at: 1000,
    });

    it("survives reopening: chats, subscriptions and migrations are kept", async () => {
      expect(await t.store.chats.upsert({ id: -1001234567890, type: "supergroup", title: "Аналитики" })).toBe(
        true,
      );
      expect(await t.store.chats.upsert({ id: -1001234567890, type: "supergroup", title: "Renamed" })).toBe(
        false,
      );
      await t.store.subscriptions.add(-1001234567890, "литий");
      await t.store.close();
      t.store = await Store.open(t.url);
      const chat = await t.store.chats.get(-1001234567890);
      expect(chat).toMatchObject({ id: -1001234567890, title: "Renamed", paused: 0, active: 1 });
      expect((await t.store.subscriptions.listForChat(-1001234567890)).map((s) => s.query)).toEqual([
        "литий",
      ]);
    });

    it("opens a second store beside another in the same database, each with its own tables", async () => {
      const other = await db.create();
      try {
        const second = await Store.open(other.url);
        await second.chats.upsert({ id: 2, type: "private", title: null });
        await second.close();
        expect(await t.store.chats.get(2)).toBeUndefined();
      } finally {
        await other.drop();
      }
    });

    it("adds a query once per chat and removes only the chat's own", async () => {
      await t.store.chats.upsert({ id: 1, type: "private", title: null });
      await t.store.chats.upsert({ id: 2, type: "private", title: null });
      const a = await t.store.subscriptions.add(1, "РЗМ");
      const again = await t.store.subscriptions.add(1, "РЗМ");
      expect(a.created).toBe(true);
      expect(again).toEqual({ sub: a.sub, created: false });
      expect(await t.store.subscriptions.remove(2, a.sub.id)).toBeUndefined();
      expect((await t.store.subscriptions.remove(1, a.sub.id))?.query).toBe("РЗМ");
      expect(await t.store.subscriptions.listAll()).toEqual([]);
    });

    it("keeps an item's full text only until it is routed (issue 11)", async () => {
      await t.store.feeds.syncShared(["https://a.example/rss"]);
      const [feed] = await t.store.feeds.listDue();
      if (!feed) throw new Error("no feed");
      const [fresh] = await t.store.items.insertNew(feed.id, [{ ...item("g:b1"), body: "Полный текст." }]);
      // A backlog item (stored as routed) never keeps its body.
      const [backlog] = await t.store.items.insertNew(feed.id, [{ ...item("g:b2"), body: "Другой." }], {
        routed: true,
      });
      expect(backlog?.body).toBeNull();
      expect((await t.store.items.listUnrouted(10)).map((i) => i.body)).toEqual(["Полный текст."]);
      await t.store.items.markRouted([fresh?.id as number]);
      expect(await t.store.items.listUnrouted(10)).toEqual([]);
      // Routed: the body column is cleared, the lead stays.
      const stored = await t.store.items.listRecentForChat(0, 0, 10);
      expect(stored.map((i) => [i.body, i.summary])).toEqual([
        [null, ""],
        [null, ""],
      ]);
    });

    it("treats an item as new once, by key or by canonical link", async () => {
      await t.store.feeds.syncShared(["https://a.example/rss"]);
      const [feed] = await t.store.feeds.listDue();
      if (!feed) throw new Error("no feed");
      const first = await t.store.items.insertNew(feed.id, [item("g:1", "l:x"), item("g:2"), item("g:2")]);
      expect(first.map((i) => i.key)).toEqual(["g:1", "g:2"]);
      // Same link under a new GUID, an old key, and one new story.
      const second = await t.store.items.insertNew(feed.id, [item("g:1b", "l:x"), item("g:2"), item("g:3")]);
      expect(second.map((i) => i.key)).toEqual(["g:3"]);
    });

    it("prunes only items both last seen and published before the cut-off, with their alerts", async () => {
      const day = 86_400_000;
      await t.store.chats.upsert({ id: 5, type: "private", title: null });
      await t.store.feeds.syncShared(["https://a.example/rss"]);
      const [feed] = await t.store.feeds.listDue();
      const old = await t.store.items.insertNew(feed!.id, [{ ...item("g:old"), published_at: 10 }], {
        now: 20,
      });
      await t.store.items.insertNew(feed!.id, [{ ...item("g:late"), published_at: 10 }], { now: 50 * day });
      await t.store.items.insertNew(feed!.id, [{ ...item("g:new"), published_at: 40 * day }], { now: 30 });
      await t.store.outbox.enqueue([{ chatId: 5, itemId: old[0]!.id, storyKey: "s", matched: [] }]);
      expect((await t.store.items.prune(10 * day)).items).toBe(1);
      expect(await t.store.outbox.counts()).toEqual({ pending: 0, sent: 0, failed: 0 });
      const again = await t.store.items.insertNew(feed!.id, [item("g:old"), item("g:late"), item("g:new")]);
      expect(again.map((i) => i.key)).toEqual(["g:old"]);
    });

    it("keeps the shared feed set in step with FEEDS and lists a chat's feeds", async () => {
      await t.store.chats.upsert({ id: 7, type: "private", title: null });
      await t.store.feeds.syncShared(["https://a.example/rss", "https://b.example/rss"]);
      await t.store.feeds.syncShared(["https://b.example/rss"]);
      const own = await t.store.feeds.addForChat(7, "https://c.example/rss", "C");
      expect(own.created).toBe(true);
      expect((await t.store.feeds.addForChat(7, "https://c.example/rss", "C")).created).toBe(false);
      const due = (await t.store.feeds.listDue()).map((f) => f.url).sort();
      expect(due).toEqual(["https://b.example/rss", "https://c.example/rss"]);
      const mine = await t.store.feeds.listForChat(7);
      expect(mine.map((f) => [f.url, f.own])).toEqual([
        ["https://b.example/rss", 0],
        ["https://c.example/rss", 1],
      ]);
      expect(await t.store.feeds.chatsOf(own.feed.id)).toEqual([7]);
      expect(await t.store.feeds.removeForChat(7, own.feed.id)).toBe(true);
      expect((await t.store.feeds.listDue()).map((f) => f.url)).toEqual(["https://b.example/rss"]);
    });

    it("records feed health and schedule", async () => {
      await t.store.feeds.syncShared(["https://a.example/rss"]);
      const [feed] = await t.store.feeds.listDue(0);
      if (!feed) throw new Error("no feed");
      expect(await t.store.feeds.recordFailure(feed.id, "HTTP 500", 5000, 100)).toBe(1);
      expect(await t.store.feeds.recordFailure(feed.id, "HTTP 502", 9000, 200)).toBe(2);
      expect(await t.store.feeds.listDue(4000)).toEqual([]);
      await t.store.feeds.recordSuccess(
        feed.id,
        { etag: '"e"', lastModified: null, title: "A", nextCheckAt: 60, newItems: 3 },
        300,
      );
      const after = await t.store.feeds.get(feed.id);
      expect(after).toMatchObject({
        etag: '"e"',
        title: "A",
        consecutive_failures: 0,
        items_seen: 3,
        initialized: 1,
        last_error: "HTTP 502",
        last_success_at: 300,
      });
      expect(await t.store.feeds.moveTo(feed.id, "https://a.example/new")).toBe(true);
      expect((await t.store.feeds.get(feed.id))?.url).toBe("https://a.example/new");
    });

    it("never queues the same story twice for a chat and tracks delivery", async () => {
      await t.store.chats.upsert({ id: 5, type: "private", title: null });
      await t.store.feeds.syncShared(["https://a.example/rss"]);
      const [feed] = await t.store.feeds.listDue();
      if (!feed) throw new Error("no feed");
      const [it1] = await t.store.items.insertNew(feed.id, [item("g:1", "l:x", "Литий дорожает")]);
      if (!it1) throw new Error("no item");
      const alert = { chatId: 5, itemId: it1.id, storyKey: "l:x", matched: ["литий"] };
      expect(await t.store.outbox.enqueue([alert, alert], 10)).toBe(1);
      expect(await t.store.outbox.enqueue([alert], 11)).toBe(0);
      const due = await t.store.outbox.due(10, 10);
      expect(due).toEqual([
        expect.objectContaining({
          chatId: 5,
          title: "Литий дорожает",
          matched: ["литий"],
          feedUrl: "https://a.example/rss",
        }),
      ]);
      await t.store.outbox.markRetry([due[0]!.id], "429", 50);
      expect(await t.store.outbox.due(20, 10)).toEqual([]);
      await t.store.chats.setPaused(5, true);
      expect(await t.store.outbox.due(60, 10)).toEqual([]);
      await t.store.chats.setPaused(5, false);
      expect((await t.store.outbox.due(60, 10))[0]?.attempts).toBe(1);
      await t.store.outbox.markSent([due[0]!.id], 77);
      expect(await t.store.outbox.due(1e15, 10)).toEqual([]);
      expect(await t.store.outbox.counts()).toEqual({ pending: 0, sent: 1, failed: 0 });
    });

    it("moves a group's settings to its new supergroup id", async () => {
      await t.store.chats.upsert({ id: -100, type: "group", title: "G" });
      await t.store.subscriptions.add(-100, "никель");
      await t.store.subscriptions.add(-100, "литий");
      // The supergroup already follows one of the same queries (it ran /start first).
      await t.store.chats.upsert({ id: -1009, type: "supergroup", title: "G" });
      await t.store.subscriptions.add(-1009, "литий");
      await t.store.chats.migrateId(-100, -1009);
      expect(await t.store.chats.get(-100)).toBeUndefined();
      expect((await t.store.subscriptions.listForChat(-1009)).map((s) => s.query).sort()).toEqual([
        "литий",
        "никель",
      ]);
      expect((await t.store.chats.get(-1009))?.type).toBe("supergroup");
    });

    it("numbers the group's subscriptions after the supergroup's own when it had some, and keeps them otherwise", async () => {
      const nums = async (chatId: number) =>
        (await t.store.subscriptions.listForChat(chatId)).map((s) => [s.num, s.query]).sort();
      await t.store.chats.upsert({ id: -200, type: "group", title: "G" });
      for (const q of ["никель", "литий", "кобальт", "медь"]) await t.store.subscriptions.add(-200, q);
      const cobalt = (await t.store.subscriptions.listForChat(-200)).find((s) => s.query === "кобальт");
      await t.store.subscriptions.remove(-200, cobalt?.id as number);
      await t.store.chats.upsert({ id: -2009, type: "supergroup", title: "G" });
      await t.store.subscriptions.add(-2009, "литий");
      await t.store.subscriptions.add(-2009, "золото");
      await t.store.chats.migrateId(-200, -2009);
      // Its own keep 1 and 2 (литий stays the supergroup's); the group's никель (1) and медь (4) follow in order.
      expect(await nums(-2009)).toEqual([
        [1, "литий"],
        [2, "золото"],
        [3, "никель"],
        [4, "медь"],
      ]);
      expect((await t.store.subscriptions.add(-2009, "олово")).sub.num).toBe(5);

      // Into a supergroup with none of its own, the numbers the group's /list showed stay as they were.
      await t.store.chats.upsert({ id: -300, type: "group", title: "H" });
      for (const q of ["никель", "литий", "медь"]) await t.store.subscriptions.add(-300, q);
      const lithium = (await t.store.subscriptions.listForChat(-300)).find((s) => s.query === "литий");
      await t.store.subscriptions.remove(-300, lithium?.id as number);
      await t.store.chats.migrateId(-300, -3009);
      expect(await nums(-3009)).toEqual([
        [1, "никель"],
        [3, "медь"],
      ]);
    });
  });
}
