import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Api } from "grammy";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SendLimiter } from "../../src/delivery/limiter.js";
import { AlertSender } from "../../src/delivery/sender.js";
import { createLogger } from "../../src/log.js";
import { Store } from "../../src/store/store.js";
import { BotApiServer } from "../support/bot-api-server.js";

describe("AlertSender", () => {
  let dir: string;
  let store: Store;
  let server: BotApiServer;
  let sender: AlertSender;
  let nextItem = 0;
  let clock = Date.now();

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), "newsalert-sender-"));
    store = await Store.open(join(dir, "db.sqlite"));
    server = await BotApiServer.start();
    const api = new Api(server.token, { apiRoot: server.apiRoot });
    // No pacing in tests: the limiter's arithmetic is tested on its own.
    const limiter = new SendLimiter({ perSecond: 10_000, privateGapMs: 0, groupGapMs: 0 });
    // A minute ahead of the wall clock, so everything queued during the test is already due.
    clock = Date.now() + 60_000;
    sender = new AlertSender(api, store, {
      timeZone: "UTC",
      log: createLogger("silent"),
      limiter,
      maxAttempts: 3,
      now: () => clock,
    });
    await store.feeds.syncShared(["https://wire.example/rss"]);
  });
  afterEach(async () => {
    await store.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function queue(chatId: number, title: string): Promise<void> {
    await store.chats.upsert({ id: chatId, type: chatId > 0 ? "private" : "supergroup", title: null });
    const [feed] = await store.feeds.listDue(Number.MAX_SAFE_INTEGER);
    const key = `g:${++nextItem}`;
    const [item] = await store.items.insertNew(feed!.id, [
      { key, link_key: null, title, link: `https://wire.example/${nextItem}`, summary: "", published_at: 0 },
    ]);
    await store.outbox.enqueue([{ chatId, itemId: item!.id, storyKey: key, matched: ["литий"] }]);
  }

  it("sends each chat its alerts once, batching several stories into one message", async () => {
    await queue(1, "Литий: первая");
    await queue(1, "Литий: вторая");
    await queue(2, "Литий: третья");
    expect((await sender.runOnce()).sent).toBe(2);
    expect((await sender.runOnce()).sent).toBe(0);
    const byChat = Object.fromEntries(server.sent.map((m) => [m.chat_id, m.text]));
    expect(byChat[1]).toMatch(/первая[\s\S]*вторая/);
    expect(byChat[2]).toContain("третья");
    expect(await store.outbox.counts()).toEqual({ pending: 0, sent: 3, failed: 0 });
  });

  it("keeps an alert pending when Telegram says wait, and retries after retry_after", async () => {
    await queue(1, "Литий");
    server.failNext(
      "sendMessage",
      { error_code: 429, description: "Too Many Requests: retry after 30", parameters: { retry_after: 30 } },
      5,
    );
    await sender.runOnce();
    expect(server.sent).toHaveLength(0);
    expect(await store.outbox.due(clock + 29_000, 10)).toEqual([]);
    const later = await store.outbox.due(clock + 31_000, 10);
    expect(later).toHaveLength(1);
    expect(later[0]?.attempts).toBe(1);
  });

  it("stops writing to a chat that blocked the bot and drops what was queued for it", async () => {
    await queue(5, "Литий");
    await queue(5, "Литий снова");
    server.failNext("sendMessage", {
      error_code: 403,
      description: "Forbidden: bot was blocked by the user",
    });
    await sender.runOnce();
    expect((await store.chats.get(5))?.active).toBe(0);
    expect(await store.outbox.counts()).toEqual({ pending: 0, sent: 0, failed: 2 });
  });

  it("follows a group that became a supergroup and delivers there", async () => {
    await queue(-100, "Литий");
    server.failNext("sendMessage", {
      error_code: 400,
      description: "Bad Request: group chat was upgraded to a supergroup chat",
      parameters: { migrate_to_chat_id: -1001234 },
    });
    await sender.runOnce();
    await sender.runOnce();
    expect(server.sent.map((m) => m.chat_id)).toEqual([-1001234]);
    expect(await store.chats.get(-100)).toBeUndefined();
  });

  it("retries server errors, then gives up after the attempt limit", async () => {
    await queue(1, "Литий");
    server.failNext("sendMessage", { error_code: 500, description: "Internal Server Error" }, 10);
    await sender.runOnce();
    expect(await store.outbox.counts()).toMatchObject({ pending: 1 });
    // Back-off doubles: nothing is due a moment later, then it is once the clock passes the back-off.
    clock += 1_000;
    await sender.runOnce();
    expect((await store.outbox.due(clock, 10))[0]).toBeUndefined();
    for (let i = 0; i < 2; i++) {
      clock += 3_600_000;
      await sender.runOnce();
    }
    expect(await store.outbox.counts()).toEqual({ pending: 0, sent: 0, failed: 1 });
    expect(server.calls.filter((c) => c.method === "sendMessage")).toHaveLength(3);
    expect(server.sent).toHaveLength(0);
  });
});
