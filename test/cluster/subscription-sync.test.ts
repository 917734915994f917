import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseChange, routerTarget, SubscriptionSync } from "../../src/cluster/subscription-sync.js";
import { AlertRouter } from "../../src/delivery/router.js";
import { createLogger } from "../../src/log.js";
import { Store } from "../../src/store/store.js";
import { pgTest } from "./pg.js";

const log = createLogger("silent");

async function until(cond: () => Promise<boolean> | boolean, ms = 5_000): Promise<number> {
  const start = Date.now();
  while (!(await cond())) {
    if (Date.now() - start > ms) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 20));
  }
  return Date.now() - start;
}

describe.skipIf(pgTest.skip)("subscription changes reach every instance (LISTEN/NOTIFY)", () => {
  let writer: Store;
  let reader: Store;
  let router: AlertRouter;
  let sync: SubscriptionSync;
  let drop: () => Promise<void>;
  const feed = { id: 0, shared: 1 };

  /** How many alerts the reader instance's index queues for one story. */
  async function routes(title: string): Promise<number> {
    const [item] = await reader.items.insertNew(feed.id, [
      { key: `k${Math.random()}`, link_key: null, title, link: null, summary: "", published_at: Date.now() },
    ]);
    return router.route(feed, item ? [item] : []);
  }

  beforeEach(async () => {
    const created = await pgTest.create();
    drop = created.drop;
    writer = await Store.open(created.url);
    reader = await Store.open(created.url);
    await writer.feeds.syncShared(["https://wire.example/rss"]);
    feed.id = (await writer.feeds.listDue(Number.MAX_SAFE_INTEGER))[0]?.id ?? 0;
    router = new AlertRouter(reader, log);
    await router.load();
    sync = new SubscriptionSync(created.url, routerTarget(reader.subscriptions, router), {
      log,
      resyncMs: 60_000,
    });
    await sync.start();
  });
  afterEach(async () => {
    await sync.stop();
    await writer.close();
    await reader.close();
    await drop();
  });

  it("a subscription added, moved and removed through another store is matched accordingly within 5 s", async () => {
    await writer.chats.upsert({ id: 7, type: "private", title: null });
    const { sub } = await writer.subscriptions.add(7, "литий");
    const took = await until(async () => (await routes(`Литий ${Math.random()}`)) === 1);
    expect(took).toBeLessThan(5_000);

    // Telegram moved the group: the index follows the new chat id.
    await writer.chats.migrateId(7, -1007);
    await until(async () => {
      await routes(`Литий подорожал ${Math.random()}`);
      const rows = await reader.outbox.due(Number.MAX_SAFE_INTEGER, 100);
      return rows.some((r) => r.chatId === -1007);
    });

    await writer.subscriptions.remove(-1007, sub.id);
    await until(async () => (await routes(`Литий дешевеет ${Math.random()}`)) === 0);
  });

  it("changes made while nobody listened are caught up when listening starts", async () => {
    await sync.stop();
    await writer.chats.upsert({ id: 8, type: "private", title: null });
    await writer.subscriptions.add(8, "никель");
    expect(await routes("Никель растёт")).toBe(0);
    sync = new SubscriptionSync(writer.url, routerTarget(reader.subscriptions, router), { log });
    await sync.start();
    await until(async () => (await routes(`Никель ${Math.random()}`)) === 1);
  });
});

describe("subscription notifications", () => {
  it("reads the trigger's payload and ignores anything else", () => {
    expect(parseChange('{"op":"INSERT","id":5,"chat":-100123}')).toEqual({
      op: "INSERT",
      id: 5,
      chat: -100123,
    });
    expect(parseChange('{"op":"TRUNCATE","id":5,"chat":1}')).toBeNull();
    expect(parseChange("not json")).toBeNull();
    expect(parseChange(undefined)).toBeNull();
  });
});
