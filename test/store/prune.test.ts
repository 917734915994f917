import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { connect } from "../../src/store/db.js";
import { storeEachTest, testDatabases } from "./databases.js";

const DAY = 86_400_000;

for (const { db, skip } of testDatabases) {
  describe.skipIf(skip)(`pruning old items on ${db.name}`, () => {
    const t = storeEachTest(db);

    /** Stores `n` stories fetched at `at` in the shared feed, each alerted to `chats` chats. */
    async function seed(n: number, at: number, chats: number) {
      await t.store.feeds.syncShared(["https://wire.example/rss"]);
      const [feed] = await t.store.feeds.listForChat(0);
      if (!feed) throw new Error("no feed");
      for (let c = 1; c <= chats; c++) await t.store.chats.upsert({ id: c, type: "private", title: null });
      const rows = Array.from({ length: n }, (_, i) => ({
        key: `g:${at}:${i}`,
        link_key: null,
        title: "t",
        link: null,
        summary: "",
        published_at: at,
      }));
      const items = await t.store.items.insertNew(feed.id, rows, { now: at });
      await t.store.outbox.enqueue(
        items.flatMap((item) =>
          Array.from({ length: chats }, (_, c) => ({
            chatId: c + 1,
            itemId: item.id,
            storyKey: `s${item.id}`,
            matched: [],
          })),
        ),
      );
    }

    it("has an index on outbox(item_id), so deleting an item does not scan the outbox", async () => {
      const conn = await connect(t.url);
      try {
        const rows =
          conn.dialect === "sqlite"
            ? await sql<{ def: string }>`select sql as def from sqlite_master
                where type = 'index' and tbl_name = 'outbox' and sql is not null`.execute(conn.db)
            : await sql<{ def: string }>`select indexdef as def from pg_indexes
                where tablename = 'outbox' and schemaname = current_schema()`.execute(conn.db);
        expect(rows.rows.map((r) => r.def)).toContainEqual(expect.stringMatching(/\(\s*"?item_id"?\s*\)/));
      } finally {
        await conn.db.destroy();
      }
    });

    it("counts a chat's pending alerts, and all pending ones, on the pending-only index", async () => {
      await seed(4, 10 * DAY, 2);
      const due = await t.store.outbox.due(Number.MAX_SAFE_INTEGER, 100);
      await t.store.outbox.markSent(
        due.filter((a) => a.chatId === 1).map((a) => a.id),
        1,
      );
      expect([
        await t.store.outbox.pending(1),
        await t.store.outbox.pending(2),
        await t.store.outbox.pending(),
      ]).toEqual([0, 4, 4]);
      if (db.name !== "sqlite") return;
      const conn = await connect(t.url);
      try {
        const plan = await sql<{ detail: string }>`explain query plan
          select count(*) from outbox where status = 'pending' and chat_id = 2`.execute(conn.db);
        expect(plan.rows.map((r) => r.detail).join(" ")).toContain("outbox_pending_chat");
      } finally {
        await conn.db.destroy();
      }
    });

    it("prunes in bounded batches and lets other work run between them", async () => {
      const now = 200 * DAY;
      await seed(1_000, 10 * DAY, 3); // old: due
      await seed(10, now, 3); // recent: kept, and makes the old ones no longer the feed's latest document
      let ticks = 0;
      let done = false;
      const tick = () => {
        if (done) return;
        ticks++;
        setImmediate(tick);
      };
      setImmediate(tick);
      const report = await t.store.items.prune(now - 90 * DAY, { batchSize: 100 });
      done = true;
      expect(report.items).toBe(1_000);
      expect(ticks).toBeGreaterThanOrEqual(10);
      expect(await t.store.outbox.counts()).toEqual({ pending: 30, sent: 0, failed: 0 });
    });
  });
}
