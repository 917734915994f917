import { afterEach, describe, expect, it } from "vitest";
import { type DeliveryFixture, deliveryFixture, storiesIn } from "./fixture.js";

describe("a Bot API outage", () => {
  let f: DeliveryFixture;
  afterEach(async () => {
    await f.close();
  });

  it.each([["network"], ["5xx"]] as const)(
    "five minutes of %s failures delay alerts and lose none, sending each once",
    async (kind) => {
      f = await deliveryFixture();
      const chats = [1, 2, 3, -4, -5];
      for (const chat of chats) await f.queue(chat, 2);
      f.server.setOutage(kind);
      const start = f.clock.now;
      while (f.clock.now - start < 5 * 60_000) {
        await f.sender.runOnce();
        f.clock.now += 10_000;
      }
      expect(f.server.sent).toEqual([]);
      expect(await f.store.outbox.counts()).toEqual({ pending: 10, sent: 0, failed: 0 });

      f.server.setOutage(null);
      for (let i = 0; i < 12 && (await f.store.outbox.counts()).pending > 0; i++) {
        f.clock.now += 10_000;
        await f.sender.runOnce();
      }
      expect(await f.store.outbox.counts()).toEqual({ pending: 0, sent: 10, failed: 0 });
      for (const chat of chats) {
        expect(f.alertsTo(chat)).toHaveLength(1);
        expect(storiesIn(f.alertsTo(chat))).toBe(2);
      }
    },
  );
});
