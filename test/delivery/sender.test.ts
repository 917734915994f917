import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { registry } from "../../src/metrics.js";
import { type DeliveryFixture, deliveryFixture, storiesIn } from "./fixture.js";

const metric = async (name: string) =>
  (await registry.getMetricsAsJSON()).find((m) => m.name === name)?.values ?? [];

describe("AlertSender", () => {
  let f: DeliveryFixture;
  beforeEach(async () => {
    f = await deliveryFixture();
  });
  afterEach(async () => {
    await f.close();
  });

  it("sends each chat its alerts once, batching several stories into one message", async () => {
    await f.queue(1, 2);
    await f.queue(2, 1);
    expect((await f.sender.runOnce()).sent).toBe(2);
    expect((await f.sender.runOnce()).sent).toBe(0);
    expect(f.alertsTo(1)).toHaveLength(1);
    expect(f.alertsTo(1)[0]).toMatch(/^📰 <b>2 новости<\/b>[\s\S]*история[\s\S]*история/);
    expect(f.alertsTo(2)).toHaveLength(1);
    expect(await f.store.outbox.counts()).toEqual({ pending: 0, sent: 3, failed: 0 });
  });

  it("keeps an alert pending when Telegram says wait, without counting an attempt, and retries after retry_after", async () => {
    await f.queue(1);
    f.server.failNext(
      "sendMessage",
      { error_code: 429, description: "Too Many Requests: retry after 30", parameters: { retry_after: 30 } },
      1,
    );
    await f.sender.runOnce();
    expect(f.server.sent).toHaveLength(0);
    expect(await f.store.outbox.due(f.clock.now + 29_000, 10)).toEqual([]);
    const later = await f.store.outbox.due(f.clock.now + 31_000, 10);
    expect(later.map((a) => a.attempts)).toEqual([0]);
    f.clock.now += 31_000;
    await f.sender.runOnce();
    expect(f.alertsTo(1)).toHaveLength(1);
  });

  const blocked = { error_code: 403, description: "Forbidden: bot was blocked by the user" };
  const droppedTooOld = async () =>
    (await metric("newsalert_alerts_dropped_total")).find((v) => v.labels.reason === "too-old")?.value ?? 0;
  /** What my_chat_member does when the bot is unblocked or added back (src/bot/bot.ts). */
  const backIn = (chatId: number) => f.store.chats.upsert({ id: chatId, type: "private", title: null });

  it("keeps what was queued for a chat that blocked the bot and sends it, batched and once, when the bot is back", async () => {
    await f.queue(5, 3);
    f.server.refuseChat(5, blocked);
    await f.sender.runOnce();
    expect((await f.store.chats.get(5))?.active).toBe(0);
    expect(await f.store.outbox.counts()).toEqual({ pending: 3, sent: 0, failed: 0 });
    // While it is inactive the chat gets no turns: not retried, not given up.
    f.clock.now += 3_600_000;
    await f.sender.runOnce();
    expect(f.server.calls.filter((c) => c.method === "sendMessage")).toHaveLength(1);

    f.server.refuseChat(5, null);
    await backIn(5);
    await f.sender.runOnce();
    await f.sender.runOnce();
    expect(f.alertsTo(5)).toHaveLength(1);
    expect(f.alertsTo(5)[0]).toMatch(/^📰 <b>3 новости<\/b>/);
    expect(storiesIn(f.alertsTo(5))).toBe(3);
    expect(await f.store.outbox.counts()).toEqual({ pending: 0, sent: 3, failed: 0 });
  });

  it("on the bot's return drops (and counts) what waited past ALERT_MAX_AGE and sends the rest", async () => {
    const start = f.clock.now;
    await f.queue(5, 1);
    // An outage first: the story stays queued; ten hours later another one is queued, then the chat blocks.
    f.server.failNext("sendMessage", { error_code: 502, description: "Bad Gateway" });
    await f.sender.runOnce();
    f.clock.now = start + 10 * 3_600_000;
    const young = (await f.queue(5, 1)).at(-1); // the ids of every due alert of the chat, the new one last
    const youngLink = (await f.store.outbox.due(Number.MAX_SAFE_INTEGER, 10)).find(
      (a) => a.id === young,
    )?.link;
    f.server.refuseChat(5, blocked);
    await f.sender.runOnce();
    expect(await f.store.outbox.counts()).toEqual({ pending: 2, sent: 0, failed: 0 });
    const before = await droppedTooOld();

    f.clock.now = start + 25 * 3_600_000;
    f.server.refuseChat(5, null);
    await backIn(5);
    await f.sender.runOnce();
    expect(storiesIn(f.alertsTo(5))).toBe(1);
    expect(f.alertsTo(5)[0]).toContain(`href="${youngLink}"`);
    expect(await f.store.outbox.counts()).toEqual({ pending: 0, sent: 1, failed: 1 });
    expect(await droppedTooOld()).toBe(before + 1);
  });

  it("keeps no pending row past ALERT_MAX_AGE for a chat that never comes back", async () => {
    await f.queue(5, 2);
    f.server.refuseChat(5, blocked);
    await f.sender.runOnce();
    const before = await droppedTooOld();
    f.clock.now += 23 * 3_600_000;
    await f.sender.runOnce();
    expect(await f.store.outbox.counts()).toEqual({ pending: 2, sent: 0, failed: 0 });
    f.clock.now += 3_600_000 + 60_000;
    await f.sender.runOnce();
    expect(await f.store.outbox.counts()).toEqual({ pending: 0, sent: 0, failed: 2 });
    expect(await droppedTooOld()).toBe(before + 2);
    expect(f.server.calls.filter((c) => c.method === "sendMessage")).toHaveLength(1);
  });

  it("keeps every alert queued, no attempt counted and the chats active, when the Bot API refuses the token (401)", async () => {
    await f.queue(1, 2);
    await f.queue(2, 1);
    f.server.failNext("sendMessage", { error_code: 401, description: "Unauthorized" }, 2);
    await f.sender.runOnce();
    expect(f.server.sent).toHaveLength(0);
    expect(await f.store.outbox.counts()).toEqual({ pending: 3, sent: 0, failed: 0 });
    expect((await f.store.outbox.due(f.clock.now, 10)).map((a) => a.attempts)).toEqual([0, 0, 0]);
    expect((await f.store.chats.get(1))?.active).toBe(1);
    // A restart with a valid token delivers them.
    await f.sender.runOnce();
    expect(await f.store.outbox.counts()).toEqual({ pending: 0, sent: 3, failed: 0 });
  });

  it.each([
    [400, "Bad Request: chat not found"],
    [400, "Bad Request: not enough rights to send text messages to the chat"],
    [400, "Bad Request: need administrator rights in the channel chat"],
    [400, "Bad Request: group chat was deactivated"],
    [400, "Bad Request: CHAT_WRITE_FORBIDDEN"],
    [403, "Forbidden: CHAT_WRITE_FORBIDDEN"],
    [403, "Forbidden: bot was kicked from the supergroup chat"],
    [403, "Forbidden: user is deactivated"],
  ])(
    "takes %s «%s» as permanent: chat inactive, nothing retried, its alert kept",
    async (code, description) => {
      await f.queue(-77, 1);
      await f.queue(78, 1);
      f.server.failNext("sendMessage", { error_code: code, description });
      await f.sender.runOnce();
      const refused = f.server.calls.find((c) => c.method === "sendMessage")?.payload.chat_id;
      const other = refused === -77 ? 78 : -77;
      expect((await f.store.chats.get(Number(refused)))?.active).toBe(0);
      expect((await f.store.chats.get(other))?.active).toBe(1);
      f.clock.now += 3_600_000;
      await f.sender.runOnce();
      expect(f.server.calls.filter((c) => c.method === "sendMessage")).toHaveLength(2);
      expect(await f.store.outbox.counts()).toEqual({ pending: 1, sent: 1, failed: 0 });
    },
  );

  it("follows a group that became a supergroup and delivers there", async () => {
    await f.queue(-100, 2);
    f.server.failNext("sendMessage", {
      error_code: 400,
      description: "Bad Request: group chat was upgraded to a supergroup chat",
      parameters: { migrate_to_chat_id: -1001234 },
    });
    const moved: Array<[number, number]> = [];
    f.sender = new (f.sender.constructor as typeof import("../../src/delivery/sender.js").AlertSender)(
      ...(senderArgs(f, (from, to) => moved.push([from, to])) as [never, never, never]),
    );
    await f.sender.runOnce();
    await f.sender.runOnce();
    expect(f.server.sent.map((m) => m.chat_id)).toEqual([-1001234]);
    expect(storiesIn(f.alertsTo(-1001234))).toBe(2);
    expect(await f.store.chats.get(-100)).toBeUndefined();
    expect(moved).toEqual([[-100, -1001234]]);
  });

  it("keeps retrying server errors and network failures until ALERT_MAX_AGE, then drops and counts them", async () => {
    await f.queue(1);
    const tooOld = async () =>
      (await metric("newsalert_alerts_dropped_total")).find((v) => v.labels.reason === "too-old")?.value ?? 0;
    const before = await tooOld();
    f.server.failNext("sendMessage", { error_code: 500, description: "Internal Server Error" }, 1_000);
    const start = f.clock.now;
    // 23 hours of failures: still pending, however many attempts that took.
    while (f.clock.now - start < 23 * 3_600_000) {
      await f.sender.runOnce();
      f.clock.now += 10 * 60_000;
    }
    const tries = f.server.calls.filter((c) => c.method === "sendMessage").length;
    expect(tries).toBeGreaterThan(100);
    expect(await f.store.outbox.counts()).toEqual({ pending: 1, sent: 0, failed: 0 });
    f.clock.now = start + 24 * 3_600_000 + 1;
    await f.sender.runOnce();
    expect(await f.store.outbox.counts()).toEqual({ pending: 0, sent: 0, failed: 1 });
    expect(await tooOld()).toBe(before + 1);
  });

  it("never sends twice when recording fails after Telegram accepted the message", async () => {
    await f.queue(7, 1);
    const real = f.store.outbox.markSent.bind(f.store.outbox);
    let failures = 6;
    f.store.outbox.markSent = async (...args) => {
      if (failures-- > 0) throw new Error("SQLITE_BUSY: database is locked");
      return real(...args);
    };
    await f.sender.runOnce();
    expect(await f.store.outbox.counts()).toMatchObject({ pending: 1, sent: 0 });
    // Even once the lease has run out, the alert is not sent again: its record is owed, not its send.
    f.clock.now += 10 * 60_000;
    await f.sender.runOnce();
    expect(f.alertsTo(7)).toHaveLength(1);
    // The record goes through once the database answers again.
    for (let i = 0; i < 5 && !(await f.store.outbox.counts()).sent; i++) {
      f.clock.now += 10_000;
      await f.sender.runOnce();
    }
    expect(await f.store.outbox.counts()).toEqual({ pending: 0, sent: 1, failed: 0 });
    expect(f.alertsTo(7)).toHaveLength(1);
  });

  it("records the matching subscription ids with each alert and hands them to the packed message", async () => {
    await f.queue(3, 2, { subscriptionIds: [11, 12] });
    const due = await f.store.outbox.due(Number.MAX_SAFE_INTEGER, 10);
    expect(due.map((a) => a.subscriptionIds)).toEqual([
      [11, 12],
      [11, 12],
    ]);
  });

  it("collapses a backlog beyond 50 stories into compact lists, losing none", async () => {
    await f.queue(9, 120);
    for (let i = 0; i < 5 && (await f.store.outbox.counts()).pending > 0; i++) {
      await f.sender.runOnce();
      f.clock.now += 60_000;
    }
    const texts = f.alertsTo(9);
    expect(texts).toHaveLength(3);
    expect(texts.every((t) => t.includes("Накопилось много"))).toBe(true);
    expect(storiesIn(texts)).toBe(120);
    expect(await f.store.outbox.counts()).toEqual({ pending: 0, sent: 120, failed: 0 });
  });
});

function senderArgs(f: DeliveryFixture, onChatMigrated: (from: number, to: number) => void) {
  const s = f.sender as unknown as { api: unknown; store: unknown; opts: object };
  return [s.api, s.store, { ...s.opts, onChatMigrated }];
}
