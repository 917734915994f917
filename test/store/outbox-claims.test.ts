import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Store } from "../../src/store/store.js";
import { testDatabases } from "./databases.js";

for (const { db, skip } of testDatabases) {
  describe.skipIf(skip)(`outbox claims on ${db.name}${skip ? " (set TEST_DATABASE_URL to run)" : ""}`, () => {
    let a: Store;
    let b: Store;
    let drop: () => Promise<void>;
    let n = 0;

    beforeEach(async () => {
      const created = await db.create();
      drop = created.drop;
      a = await Store.open(created.url);
      b = await Store.open(created.url);
      await a.feeds.syncShared(["https://wire.example/rss"]);
    });
    afterEach(async () => {
      await a.close();
      await b.close();
      await drop();
    });

    async function queue(chatId: number, count: number, now: number): Promise<void> {
      await a.chats.upsert({ id: chatId, type: chatId > 0 ? "private" : "supergroup", title: null });
      const [feed] = await a.feeds.listDue(Number.MAX_SAFE_INTEGER);
      const items = await a.items.insertNew(
        feed!.id,
        Array.from({ length: count }, () => ({
          key: `g:${++n}`,
          link_key: null,
          title: `t${n}`,
          link: null,
          summary: "",
          published_at: 0,
        })),
      );
      await a.outbox.enqueue(
        items.map((i) => ({ chatId, itemId: i.id, storyKey: i.key, matched: [], subscriptionIds: [3] })),
        now,
      );
    }

    it("two processes claiming at once never get the same row", async () => {
      await queue(1, 40, 100);
      await queue(2, 40, 100);
      const claims = await Promise.all(
        [a, b, a, b].map((s, i) => s.outbox.claim(1 + (i % 2), 200, 10_000, 15)),
      );
      const more = await Promise.all([a, b].map((s) => s.outbox.claim(1, 200, 10_000, 100)));
      const ids = [...claims, ...more].flat().map((x) => x.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.filter((id) => id <= 40)).toHaveLength(40);
    });

    it("a lease keeps a row from others until it runs out or is released", async () => {
      await queue(1, 2, 100);
      const [first] = await a.outbox.claim(1, 200, 1_000, 1);
      expect(first?.subscriptionIds).toEqual([3]);
      const [second] = await b.outbox.claim(1, 300, 2_000, 10);
      expect(second?.id).not.toBe(first?.id);
      expect(await b.outbox.claim(1, 500, 2_000, 10)).toEqual([]);
      // The first lease ran out (its process died): the row is claimable again.
      expect((await b.outbox.claim(1, 1_500, 3_000, 10)).map((x) => x.id)).toEqual([first?.id]);
      await b.outbox.release([first!.id], { nextAttemptAt: 1_600 });
      expect(await a.outbox.claim(1, 1_550, 4_000, 10)).toEqual([]);
      expect((await a.outbox.claim(1, 1_600, 4_000, 10)).map((x) => x.id)).toEqual([first?.id]);
    });

    it("lists chats with due alerts longest-waiting first, groups first on a tie, leased ones left out", async () => {
      await queue(5, 1, 300);
      await queue(4, 3, 100);
      await queue(-7, 1, 100);
      await queue(6, 1, 200);
      expect(await a.outbox.dueChats(1_000, 10)).toEqual([-7, 4, 6, 5]);
      await a.outbox.claim(4, 1_000, 5_000, 10);
      expect(await a.outbox.dueChats(1_000, 10, [6])).toEqual([-7, 5]);
      await a.outbox.postpone(-7, 2_000);
      expect(await a.outbox.dueChats(1_000, 10)).toEqual([6, 5]);
    });

    it("expires pending alerts older than the cut-off, per chat, and leaves the rest", async () => {
      await queue(1, 2, 100);
      await queue(2, 1, 5_000);
      expect([...(await a.outbox.expire(1_000, 6_000))]).toEqual([[1, 2]]);
      expect(await a.outbox.counts()).toEqual({ pending: 1, sent: 0, failed: 2 });
    });

    it("gives chats with quiet hours or a digest the longer cut-off: their alerts are held on purpose", async () => {
      await queue(1, 1, 100);
      await queue(2, 1, 100);
      await queue(3, 1, 100);
      await a.chats.setSettings(2, { digest: "hourly" });
      await a.chats.setSettings(3, { quiet_from: 1380, quiet_to: 480 });
      expect([...(await a.outbox.expire(1_000, 6_000, 50))]).toEqual([[1, 1]]);
      expect([...(await a.outbox.expire(1_000, 6_000, 500))].sort()).toEqual([
        [2, 1],
        [3, 1],
      ]);
    });
  });
}
