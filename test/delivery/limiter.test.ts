import { describe, expect, it } from "vitest";
import { SendLimiter } from "../../src/delivery/limiter.js";

describe("SendLimiter", () => {
  it("spaces messages overall at the configured rate", () => {
    const l = new SendLimiter({ perSecond: 20, privateGapMs: 0 });
    const slots = [1, 2, 3, 4].map((chat) => l.reserve(chat, 1000));
    expect(slots).toEqual([1000, 1050, 1100, 1150]);
  });

  it("holds one chat to a message a second, groups to one every three", () => {
    const l = new SendLimiter({ perSecond: 1000 });
    expect(l.reserve(7, 0)).toBe(0);
    expect(l.reserve(-100, 10)).toBe(10);
    expect(l.chatReadyAt(7)).toBe(1000);
    expect(l.chatReadyAt(-100)).toBe(3010);
    expect(l.reserve(7, 20)).toBe(1000);
  });

  it("honours a retry_after back-off and forgets idle chats", () => {
    const l = new SendLimiter();
    l.backOff(7, 30_000);
    expect(l.chatReadyAt(7)).toBe(30_000);
    expect(l.reserve(7, 0)).toBe(30_000);
    l.prune(200_000);
    expect(l.chatReadyAt(7)).toBe(0);
  });
});
