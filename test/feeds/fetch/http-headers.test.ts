import { describe, expect, it } from "vitest";
import { contentEncodings, parseMaxAge, parseRetryAfter } from "../../../src/feeds/fetch/http-headers.js";

const NOW = Date.parse("2026-11-26T10:00:00Z");

describe("parseMaxAge", () => {
  it.each([
    [{ "cache-control": "public, max-age=300" }, 300],
    [{ "cache-control": 'max-age="60", must-revalidate' }, 60],
    [{ "cache-control": "s-maxage=900" }, null],
    [{ "cache-control": "no-cache" }, null],
    [{}, null],
    [{ expires: "Thu, 26 Nov 2026 10:10:00 GMT", date: "Thu, 26 Nov 2026 10:00:00 GMT" }, 600],
    [{ expires: "Thu, 26 Nov 2026 10:05:00 GMT" }, 300],
    [{ expires: "0" }, 0],
    [{ expires: "Thu, 26 Nov 2026 09:00:00 GMT" }, 0],
    [{ "cache-control": "max-age=120", expires: "Thu, 26 Nov 2026 12:00:00 GMT" }, 120],
  ])("%j → %s", (headers, expected) => {
    expect(parseMaxAge(headers, NOW)).toBe(expected);
  });
});

describe("parseRetryAfter", () => {
  it.each([
    ["120", 120],
    [" 0 ", 0],
    ["Thu, 26 Nov 2026 10:02:00 GMT", 120],
    ["Thu, 26 Nov 2026 09:00:00 GMT", 0],
    ["soon", null],
    ["-5", null],
    ["", null],
    [null, null],
  ])("%j → %s", (value, expected) => {
    expect(parseRetryAfter(value, NOW)).toBe(expected);
  });
});

describe("contentEncodings", () => {
  it("lists codings last-applied first, without identity", () => {
    expect(contentEncodings({ "content-encoding": "deflate, gzip" })).toEqual(["gzip", "deflate"]);
    expect(contentEncodings({ "content-encoding": "identity" })).toEqual([]);
    expect(contentEncodings({})).toEqual([]);
  });
});
