import { afterEach, describe, expect, it } from "vitest";
import type { AnsweredSend } from "../support/bot-api-server.js";
import { type DeliveryFixture, deliveryFixture, storiesIn } from "./fixture.js";

// Over the Bot API fake enforcing Telegram's limits (30/s overall, 20/min per group, 429 beyond), on the
// real clock: the sender's own loop runs as in production. The fake shares this process's event loop, so
// the moments it sees sends arrive are blurred by the store's synchronous work; SEND_RATE 20 leaves room
// for that blur (bench/delivery.ts measures 30/s with the fake in its own process).
const TELEGRAM = { perSecond: 30, perGroupPerMinute: 20 };

async function until(check: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 20));
  }
}

const ok = (a: AnsweredSend) => a.status === 200;

describe("delivery within Telegram's limits", () => {
  let f: DeliveryFixture;
  afterEach(async () => {
    await f.close();
  });

  it("a 30-story burst reaches every chat whole in 3 messages each, without a 429", async () => {
    f = await deliveryFixture({ realClock: true, limits: TELEGRAM, sendRate: 20 });
    const chats = [...Array.from({ length: 15 }, (_, i) => i + 1), -1, -2, -3, -4, -5];
    for (const chat of chats) await f.queue(chat, 30);
    f.sender.start();
    await until(async () => (await f.store.outbox.counts()).pending === 0);
    for (const chat of chats) {
      expect(f.alertsTo(chat)).toHaveLength(3);
      expect(storiesIn(f.alertsTo(chat))).toBe(30);
    }
    expect(f.server.floods).toBe(0);
  });

  it("one chat's backlog does not hold up the others", async () => {
    f = await deliveryFixture({ realClock: true, limits: TELEGRAM, sendRate: 20 });
    await f.queue(-9, 1_000);
    const others = Array.from({ length: 20 }, (_, i) => 100 + i);
    for (const chat of others) await f.queue(chat, 1);
    f.sender.start();
    await until(() => others.every((c) => f.alertsTo(c).length === 1));
    // Everyone else is served while the backlog (25 list messages at 20/min) has barely started.
    expect(f.alertsTo(-9).length).toBeLessThanOrEqual(3);
    expect((await f.store.outbox.counts()).pending).toBeGreaterThan(800);
    expect(f.server.floods).toBe(0);
  });

  it("a 429 holds only that chat, for retry_after; the others go on", async () => {
    f = await deliveryFixture({ realClock: true, sender: { concurrency: 1 } });
    await f.queue(1, 1);
    for (const chat of [2, 3, 4]) await f.queue(chat, 1);
    f.server.failNext("sendMessage", {
      error_code: 429,
      description: "Too Many Requests: retry after 1",
      parameters: { retry_after: 1 },
    });
    f.sender.start();
    await until(() => f.alertsTo(1).length === 1);
    const [flood, ...rest] = f.server.answered;
    expect(flood).toMatchObject({ chat_id: 1, status: 429 });
    const delivered = rest.filter(ok);
    expect(delivered.map((a) => a.chat_id)).toEqual([2, 3, 4, 1]);
    expect((delivered[3]?.at ?? 0) - (flood?.at ?? 0)).toBeGreaterThanOrEqual(990);
  });

  it("429s from several chats at once pause every send for the longest retry_after", async () => {
    f = await deliveryFixture({ realClock: true, sender: { concurrency: 1 } });
    for (const chat of [1, 2, 3, 4, 5]) await f.queue(chat, 1);
    f.server.failNext(
      "sendMessage",
      { error_code: 429, description: "Too Many Requests: retry after 2", parameters: { retry_after: 2 } },
      2,
    );
    f.sender.start();
    await until(() => [1, 2, 3, 4, 5].every((c) => f.alertsTo(c).length === 1));
    const floods = f.server.answered.filter((a) => a.status === 429);
    expect(floods.map((a) => a.chat_id)).toEqual([1, 2]);
    const pausedAt = floods[1]?.at ?? 0;
    const firstAfter = f.server.answered.filter(ok)[0];
    expect((firstAfter?.at ?? 0) - pausedAt).toBeGreaterThanOrEqual(1_900);
    expect(f.server.answered.filter(ok)).toHaveLength(5);
  });
});
