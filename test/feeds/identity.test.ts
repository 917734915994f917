import { describe, expect, it } from "vitest";
import { canonicalLink, itemIdentities, itemKey } from "../../src/feeds/identity.js";

describe("canonicalLink", () => {
  it.each([
    ["https://Example.COM/news/1?utm_source=rss&utm_medium=feed", "https://example.com/news/1"],
    ["http://www.example.com/news/1/", "https://example.com/news/1"],
    ["https://example.com:443/news/1#comments", "https://example.com/news/1"],
    ["https://example.com/a?b=2&a=1&fbclid=x&gclid=y&yclid=z", "https://example.com/a?a=1&b=2"],
    ["https://lenta.ru/news/2026/11/26/x/?from=rss", "https://lenta.ru/news/2026/11/26/x"],
    ["https://example.com/search?from=2020", "https://example.com/search?from=2020"],
    ["https://example.com/", "https://example.com/"],
    ["https://example.com", "https://example.com/"],
    ["https://example.com:8443/x", "https://example.com:8443/x"],
    ["  https://example.com/x  ", "https://example.com/x"],
    ["not a url", "not a url"],
  ])("%s → %s", (input, expected) => {
    expect(canonicalLink(input)).toBe(expected);
  });

  it("keeps parameters that identify the story", () => {
    expect(canonicalLink("https://e.com/article.php?id=17703")).not.toBe(
      canonicalLink("https://e.com/article.php?id=17704"),
    );
  });
});

describe("itemKey and itemIdentities", () => {
  it("prefers GUID, then link, then content hash", () => {
    expect(itemKey("abc", "https://e.com/x", "t", "s")).toBe("g:abc");
    expect(itemKey(null, "https://www.e.com/x?utm_campaign=1", "t", "s")).toBe("l:https://e.com/x");
    expect(itemKey(null, null, "t", "s")).toBe(itemKey(null, null, "t", "s"));
    expect(itemKey(null, null, "t", "s")).not.toBe(itemKey(null, null, "t", "s2"));
  });

  it("hashes GUIDs and links too long to store as keys", () => {
    const long = "x".repeat(5000);
    expect(itemKey(long, null, "t", "s")).toMatch(/^g:sha256:[0-9a-f]{64}$/);
    expect(itemKey(null, `https://e.com/${long}`, "t", "s")).toMatch(/^l:sha256:[0-9a-f]{64}$/);
    expect(itemKey("y".repeat(512), null, "t", "s")).toBe(`g:${"y".repeat(512)}`);
  });

  it("lists the link identity beside the GUID key", () => {
    expect(itemIdentities({ key: "g:1", link: "http://e.com/x/" })).toEqual(["g:1", "l:https://e.com/x"]);
    expect(itemIdentities({ key: "l:https://e.com/x", link: "https://e.com/x" })).toEqual([
      "l:https://e.com/x",
    ]);
    expect(itemIdentities({ key: "h:abc", link: null })).toEqual(["h:abc"]);
  });
});
