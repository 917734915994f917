import { describe, expect, it } from "vitest";
import {
  deliveryWindow,
  inQuietWindow,
  nextLocalTime,
  type PaceSettings,
  paceOf,
  parseDigest,
  startOfLocalDay,
} from "../../src/delivery/pace.js";

const hm = (h: number, m = 0) => h * 60 + m;
const moscow = (over: Partial<PaceSettings> = {}): PaceSettings => ({
  timeZone: "Europe/Moscow",
  quietFrom: null,
  quietTo: null,
  digest: null,
  ...over,
});
/** An instant given as Moscow wall-clock time (UTC+3 all year). */
const msk = (d: number, h: number, m = 0) => Date.UTC(2026, 11, d, h - 3, m);

describe("pace: quiet hours and digests on a fake clock", () => {
  it("no settings: every alert goes out at once", () => {
    expect(deliveryWindow(moscow(), msk(1, 3))).toEqual({ holdUntil: null, digest: false });
  });

  it("quiet 23:00-08:00 crosses midnight: held until 08:00 local, both before and after midnight", () => {
    const s = moscow({ quietFrom: hm(23), quietTo: hm(8) });
    expect(deliveryWindow(s, msk(1, 23, 30))).toEqual({ holdUntil: msk(2, 8), digest: true });
    expect(deliveryWindow(s, msk(2, 2, 15))).toEqual({ holdUntil: msk(2, 8), digest: true });
    expect(deliveryWindow(s, msk(2, 7, 59))).toEqual({ holdUntil: msk(2, 8), digest: true });
    // The edges: 08:00 is awake again, 22:59 still awake, 23:00 quiet.
    expect(deliveryWindow(s, msk(2, 8)).holdUntil).toBeNull();
    expect(deliveryWindow(s, msk(2, 22, 59)).holdUntil).toBeNull();
    expect(deliveryWindow(s, msk(2, 23)).holdUntil).toBe(msk(3, 8));
  });

  it("a daytime quiet window 13:00-14:00 does not wrap", () => {
    const s = moscow({ quietFrom: hm(13), quietTo: hm(14) });
    expect(deliveryWindow(s, msk(1, 13, 10)).holdUntil).toBe(msk(1, 14));
    expect(deliveryWindow(s, msk(1, 12, 59)).holdUntil).toBeNull();
    expect(deliveryWindow(s, msk(1, 2)).holdUntil).toBeNull();
  });

  it("quiet hours follow the chat's zone: 23:00-08:00 in Asia/Kolkata (UTC+5:30, no DST)", () => {
    const s: PaceSettings = { timeZone: "Asia/Kolkata", quietFrom: hm(23), quietTo: hm(8), digest: null };
    // 18:00 UTC is 23:30 in Kolkata: quiet until 08:00 IST = 02:30 UTC next day.
    expect(deliveryWindow(s, Date.UTC(2026, 11, 1, 18)).holdUntil).toBe(Date.UTC(2026, 11, 2, 2, 30));
    // The same instant is 21:00 in Moscow: not quiet there.
    expect(
      deliveryWindow({ ...s, timeZone: "Europe/Moscow" }, Date.UTC(2026, 11, 1, 18)).holdUntil,
    ).toBeNull();
  });

  it("hourly digest: held until the next local top of the hour, as one message", () => {
    const s = moscow({ digest: { kind: "hourly" } });
    expect(deliveryWindow(s, msk(1, 10, 5))).toEqual({ holdUntil: msk(1, 11), digest: true });
    expect(deliveryWindow(s, msk(1, 23, 59))).toEqual({ holdUntil: msk(2, 0), digest: true });
    // In a half-hour zone the local hour starts at :30 UTC.
    const kolkata = { ...s, timeZone: "Asia/Kolkata" };
    expect(deliveryWindow(kolkata, Date.UTC(2026, 11, 1, 4, 45)).holdUntil).toBe(
      Date.UTC(2026, 11, 1, 5, 30),
    );
  });

  it("daily digest at 09:00: today if before nine, else tomorrow", () => {
    const s = moscow({ digest: { kind: "daily", at: hm(9) } });
    expect(deliveryWindow(s, msk(1, 7)).holdUntil).toBe(msk(1, 9));
    expect(deliveryWindow(s, msk(1, 9)).holdUntil).toBe(msk(2, 9));
    expect(deliveryWindow(s, msk(1, 18, 30)).holdUntil).toBe(msk(2, 9));
  });

  it("a digest due inside quiet hours waits for them to end", () => {
    const s = moscow({ digest: { kind: "hourly" }, quietFrom: hm(23), quietTo: hm(8) });
    expect(deliveryWindow(s, msk(1, 22, 30)).holdUntil).toBe(msk(2, 8));
    expect(deliveryWindow(s, msk(2, 9, 10)).holdUntil).toBe(msk(2, 10));
  });

  it("a zone with daylight saving: daily 09:00 in New York before and after the March change", () => {
    const s: PaceSettings = {
      timeZone: "America/New_York",
      quietFrom: null,
      quietTo: null,
      digest: { kind: "daily", at: hm(9) },
    };
    // 7 March 2026 (EST, UTC-5) → 8 March 09:00 EDT (UTC-4) = 13:00 UTC.
    expect(deliveryWindow(s, Date.UTC(2026, 2, 7, 20)).holdUntil).toBe(Date.UTC(2026, 2, 8, 13));
    expect(deliveryWindow(s, Date.UTC(2026, 2, 6, 20)).holdUntil).toBe(Date.UTC(2026, 2, 7, 14));
  });

  it("helpers: window test, next local time, stored digest and row settings", () => {
    expect(inQuietWindow(hm(0), hm(23), hm(8))).toBe(true);
    expect(inQuietWindow(hm(12), hm(23), hm(8))).toBe(false);
    expect(inQuietWindow(hm(12), hm(12), hm(12))).toBe(false);
    expect(nextLocalTime(msk(1, 9), "Europe/Moscow", hm(9))).toBe(msk(2, 9));
    expect(parseDigest("hourly")).toEqual({ kind: "hourly" });
    expect(parseDigest("daily:540")).toEqual({ kind: "daily", at: 540 });
    expect(parseDigest("daily:1440")).toBeNull();
    expect(parseDigest(null)).toBeNull();
    expect(paceOf({ tz: null, quiet_from: 60, quiet_to: 120, digest: "hourly" }, "UTC")).toEqual({
      timeZone: "UTC",
      quietFrom: 60,
      quietTo: 120,
      digest: { kind: "hourly" },
    });
  });
});

describe("startOfLocalDay", () => {
  it("is the last midnight in the given time zone", () => {
    const now = Date.parse("2026-03-10T22:30:00Z"); // 01:30 on 11 March in Moscow (UTC+3)
    expect(new Date(startOfLocalDay(now, "Europe/Moscow")).toISOString()).toBe("2026-03-10T21:00:00.000Z");
    expect(new Date(startOfLocalDay(now, "UTC")).toISOString()).toBe("2026-03-10T00:00:00.000Z");
  });
});
