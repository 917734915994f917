import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Store } from "../../src/store/store.js";
import { testDatabases } from "./databases.js";

for (const { db, skip } of testDatabases) {
  describe.skipIf(skip)(`chat settings on ${db.name}${skip ? " (set TEST_DATABASE_URL to run)" : ""}`, () => {
    let store: Store;
    let url: string;
    let drop: () => Promise<void>;

    beforeEach(async () => {
      ({ url, drop } = await db.create());
      store = await Store.open(url);
      await store.chats.upsert({ id: 1, type: "private", title: null });
      await store.chats.upsert({ id: -100, type: "supergroup", title: "Форум" });
    });
    afterEach(async () => {
      await store.close();
      await drop();
    });

    it("keeps language, zone, quiet hours, digest and the managed channel across a reopen", async () => {
      const settings = {
        lang: "en",
        tz: "Asia/Novosibirsk",
        quiet_from: 1380,
        quiet_to: 480,
        digest: "daily:540",
        manages: -1005,
      };
      await store.chats.setSettings(1, settings);
      await store.close();
      store = await Store.open(url);
      expect(await store.chats.get(1)).toMatchObject(settings);
      expect(await store.chats.get(-100)).toMatchObject({
        lang: null,
        tz: null,
        digest: null,
        manages: null,
      });
    });

    it("a timed pause stops receiving until its time, then ends by itself; an open pause does not", async () => {
      await store.chats.setPaused(1, true, 5000);
      await store.chats.setPaused(-100, true);
      expect(await store.chats.filterReceiving([1, -100], 4999)).toEqual([]);
      expect(await store.chats.filterReceiving([1, -100], 5000)).toEqual([1]);
      expect(await store.chats.get(1)).toMatchObject({ paused: 0, paused_until: null });
      expect(await store.chats.get(-100)).toMatchObject({ paused: 1, paused_until: null });
    });

    it("numbers a chat's queries 1, 2, 3… and never reuses or shifts a number after a removal", async () => {
      const a = await store.subscriptions.add(1, "литий");
      const b = await store.subscriptions.add(1, "никель");
      await store.subscriptions.add(-100, "кобальт");
      expect([a.sub.num, b.sub.num]).toEqual([1, 2]);
      await store.subscriptions.remove(1, a.sub.id);
      const c = await store.subscriptions.add(1, "медь");
      expect((await store.subscriptions.listForChat(1)).map((s) => [s.num, s.query])).toEqual([
        [2, "никель"],
        [3, "медь"],
      ]);
      expect(c.sub.num).toBe(3);
      expect((await store.subscriptions.listForChat(-100))[0]?.num).toBe(1);
    });

    it("mutes a query (kept, left out of matching), stores forum topics, removes all of one chat", async () => {
      const a = await store.subscriptions.add(-100, "литий", Date.now(), 77);
      const b = await store.subscriptions.add(-100, "никель");
      const other = await store.subscriptions.add(1, "литий");
      expect(await store.subscriptions.setMuted(1, a.sub.id, true)).toBeUndefined();
      expect((await store.subscriptions.setMuted(-100, a.sub.id, true))?.muted).toBe(1);
      expect((await store.subscriptions.listAll()).map((s) => s.id)).toEqual([b.sub.id, other.sub.id]);
      expect(await store.subscriptions.get(-100, a.sub.id)).toMatchObject({ muted: 1, thread_id: 77 });
      expect(await store.subscriptions.get(1, a.sub.id)).toBeUndefined();
      expect([...(await store.subscriptions.threads([a.sub.id, b.sub.id, other.sub.id]))]).toEqual([
        [a.sub.id, 77],
      ]);
      expect((await store.subscriptions.removeAll(-100)).map((s) => s.query).sort()).toEqual([
        "литий",
        "никель",
      ]);
      expect(await store.subscriptions.listForChat(-100)).toEqual([]);
      expect((await store.subscriptions.listForChat(1)).map((s) => s.query)).toEqual(["литий"]);
    });
  });
}
