import { afterEach, describe, expect, it } from "vitest";
import { alertDelaySeconds } from "../../src/metrics.js";
import type { SentMessage } from "../support/bot-api-server.js";
import { type DeliveryFixture, deliveryFixture, storiesIn } from "./fixture.js";

// The chat features as the sender applies them (issue 10): pace on a fake clock, topics, language, zone.
describe("AlertSender: the chat's pace, topics, language and zone", () => {
  let f: DeliveryFixture;
  afterEach(async () => {
    await f.close();
  });

  const at = (iso: string) => Date.parse(iso);
  const sentTo = (chatId: number): SentMessage[] =>
    f.server.sent.filter((m) => m.chat_id === chatId && m.method === "sendMessage");

  it("quiet hours hold alerts without counting an attempt, then send them as one message when they end", async () => {
    f = await deliveryFixture();
    f.clock.now = at("2026-12-01T23:30:00Z");
    await f.queue(501, 1);
    await f.store.chats.setSettings(501, { quiet_from: 23 * 60, quiet_to: 8 * 60 });
    f.clock.now = at("2026-12-01T23:40:00Z");
    await f.queue(501, 2);
    await f.sender.runOnce();
    expect(sentTo(501)).toEqual([]);
    expect(await f.store.outbox.nextDue()).toBe(at("2026-12-02T08:00:00Z"));
    const held = await f.store.outbox.due(at("2026-12-02T08:00:00Z"), 10);
    expect(held.map((a) => a.attempts)).toEqual([0, 0, 0]);

    f.clock.now = at("2026-12-02T07:59:00Z");
    await f.sender.runOnce();
    expect(sentTo(501)).toEqual([]);
    f.clock.now = at("2026-12-02T08:00:00Z");
    await f.sender.runOnce();
    const [message, ...more] = f.alertsTo(501);
    expect(more).toEqual([]);
    expect(message).toMatch(/^🗞 <b>Сводка: 3 новости<\/b>/);
    expect(storiesIn([message ?? ""])).toBe(3);
    expect(await f.store.outbox.counts()).toEqual({ pending: 0, sent: 3, failed: 0 });
  });

  it("an hourly digest: everything matched in an hour comes as one message at the top of the next hour", async () => {
    f = await deliveryFixture();
    f.clock.now = at("2026-12-01T10:15:00Z");
    await f.queue(502, 1);
    await f.store.chats.setSettings(502, { digest: "hourly" });
    await f.sender.runOnce();
    f.clock.now = at("2026-12-01T10:40:00Z");
    await f.queue(502, 1);
    await f.sender.runOnce();
    expect(sentTo(502)).toEqual([]);
    f.clock.now = at("2026-12-01T11:00:00Z");
    await f.sender.runOnce();
    expect(f.alertsTo(502)).toEqual([expect.stringMatching(/^🗞 <b>Сводка: 2 новости<\/b>/)]);
    // One story in the next hour is a digest of one, still under its header, at 12:00.
    f.clock.now = at("2026-12-01T11:05:00Z");
    await f.queue(502, 1);
    await f.sender.runOnce();
    expect(f.alertsTo(502)).toHaveLength(1);
    f.clock.now = at("2026-12-01T12:00:00Z");
    await f.sender.runOnce();
    expect(f.alertsTo(502)[1]).toMatch(/^🗞 <b>Сводка: 1 новость<\/b>/);
  });

  it("a daily digest at 09:00 in the chat's own zone, with times in that zone and no zone name", async () => {
    f = await deliveryFixture();
    f.clock.now = at("2026-12-01T10:00:00Z"); // 13:00 in Moscow
    await f.queue(503, 2);
    await f.store.chats.setSettings(503, { digest: "daily:540", tz: "Europe/Moscow" });
    await f.sender.runOnce();
    f.clock.now = at("2026-12-02T05:59:00Z");
    await f.sender.runOnce();
    expect(sentTo(503)).toEqual([]);
    f.clock.now = at("2026-12-02T06:00:00Z"); // 09:00 in Moscow
    await f.sender.runOnce();
    const [digest, ...more] = f.alertsTo(503);
    expect(more).toEqual([]);
    expect(storiesIn([digest ?? ""])).toBe(2);
    // Published at the epoch: 1 Jan 1970, 03:00 Moscow time, in the chat's language and without a zone.
    expect(digest).toContain("1 янв., 03:00");
    expect(digest).not.toContain("GMT");
  });

  it("a digest held past ALERT_MAX_AGE is still sent: its age counts from when it was due", async () => {
    f = await deliveryFixture({ sender: { maxAgeMs: 3_600_000 } });
    f.clock.now = at("2026-12-01T10:00:00Z");
    await f.queue(504, 1);
    await f.store.chats.setSettings(504, { digest: "daily:540" });
    await f.sender.runOnce();
    f.clock.now = at("2026-12-02T09:00:00Z");
    await f.sender.runOnce();
    expect(f.alertsTo(504)).toHaveLength(1);
    expect(await f.store.outbox.counts()).toEqual({ pending: 0, sent: 1, failed: 0 });
  });

  it("an English chat gets an English header and month names; the operator's zone is named", async () => {
    f = await deliveryFixture();
    await f.queue(505, 2);
    await f.store.chats.setSettings(505, { lang: "en" });
    await f.sender.runOnce();
    const [message] = f.alertsTo(505);
    expect(message).toMatch(/^📰 <b>2 stories<\/b>/);
    expect(message).toContain("1 Jan, 00:00 UTC");
  });

  it("alerts of a topic subscription go to its thread, never in one message with the chat's other alerts", async () => {
    f = await deliveryFixture();
    await f.queue(-100500, 0);
    const general = await f.store.subscriptions.add(-100500, "никель");
    const topic = await f.store.subscriptions.add(-100500, "литий", Date.now(), 77);
    await f.queue(-100500, 2, { subscriptionIds: [topic.sub.id] });
    await f.queue(-100500, 1, { subscriptionIds: [general.sub.id] });
    await f.sender.runOnce();
    const messages = sentTo(-100500);
    expect(messages.map((m) => [m.message_thread_id, storiesIn([m.text])])).toEqual([
      [77, 2],
      [undefined, 1],
    ]);
  });

  it("the sender puts the injected keyboard under each message, for that message's subscriptions", async () => {
    const asked: number[][] = [];
    f = await deliveryFixture({
      sender: {
        keyboardFor: async (_chat, ids) => {
          asked.push([...ids]);
          return { inline_keyboard: [ids.map((id) => ({ text: `🔕 ${id}`, callback_data: `am:${id}` }))] };
        },
      },
    });
    await f.queue(506, 1, { subscriptionIds: [41, 42] });
    await f.sender.runOnce();
    expect(asked).toEqual([[41, 42]]);
    expect(sentTo(506)[0]?.reply_markup).toEqual({
      inline_keyboard: [
        [
          { text: "🔕 41", callback_data: "am:41" },
          { text: "🔕 42", callback_data: "am:42" },
        ],
      ],
    });
  });

  it("every alert Telegram accepted is observed in the delay histogram", async () => {
    f = await deliveryFixture();
    const count = async () =>
      (await alertDelaySeconds.get()).values.find((v) => v.metricName?.endsWith("_count"))?.value ?? 0;
    const before = await count();
    await f.queue(507, 3);
    await f.sender.runOnce();
    expect(await count()).toBe(before + 3);
  });
});
