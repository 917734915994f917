import { describe, expect, it } from "vitest";
import { discoverFeedLinks, guessFeedAnchors } from "../../../src/feeds/parse/parse.js";
import { htmlToText, parseFeedDate, truncate } from "../../../src/feeds/parse/text.js";
import { wrapMarkupInCdata } from "../../../src/feeds/parse/xml-feed.js";

describe("discoverFeedLinks", () => {
  it("finds RSS and Atom alternates, resolved and de-duplicated", () => {
    const html = `<html><head>
      <link rel="stylesheet" href="/s.css">
      <link rel="alternate" type="application/rss+xml" title="Все новости" href="/rss/all.xml">
      <link type='application/atom+xml' href='https://cdn.example/atom?x=1&amp;y=2' rel='Alternate feed'>
      <link rel="alternate" type="application/rss+xml" href="/rss/all.xml">
      <link rel="alternate" type="text/html" href="/en">
      <link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
    </head></html>`;
    expect(discoverFeedLinks(html, "https://site.example/news/")).toEqual([
      "https://site.example/rss/all.xml",
      "https://cdn.example/atom?x=1&y=2",
    ]);
  });

  it("honours <base href>", () => {
    const html = `<base href="https://other.example/sub/"><link rel=alternate type=application/rss+xml href=feed.xml>`;
    expect(discoverFeedLinks(html, "https://site.example/")).toEqual(["https://other.example/sub/feed.xml"]);
  });
});

describe("text helpers", () => {
  it("turns HTML into one clean line", () => {
    expect(htmlToText("<p>Один</p><p>два&nbsp;три</p><br/>че<b>ты</b>ре <style>p{}</style>&#8230;")).toBe(
      "Один два три четыре …",
    );
    expect(htmlToText("a < b and c > d")).toBe("a < b and c > d");
  });

  it.each([
    ["Thu, 26 Nov 2026 10:00:00 MSK", "2026-11-26T07:00:00.000Z"],
    ["Чт, 26 ноя 2026 10:00:00 +0300", "2026-11-26T07:00:00.000Z"],
    ["Seg, 24 Set 2018 19:42:40 -0300", "2018-09-24T22:42:40.000Z"],
    ["03 Apr 02 1500 GMT", "2002-04-03T15:00:00.000Z"],
    ["2026-11-26T10:00:00Z", "2026-11-26T10:00:00.000Z"],
    ["Mon, 01 Jan 0001 00:00:00 GMT", null],
    ["0001-01-01T00:00:00Z", null],
    ["soon", null],
  ])("parses the date %j", (text, iso) => {
    expect(parseFeedDate(text)?.toISOString() ?? null).toBe(iso);
  });
});

describe("wrapMarkupInCdata", () => {
  it("wraps raw markup but leaves CDATA, plain text and self-closing tags alone", () => {
    const xml = `<title>A <b>b</b></title><description>plain &amp; text</description><content src="a"/><x><![CDATA[<title><b>x</b></title>]]></x>`;
    expect(wrapMarkupInCdata(xml)).toBe(
      `<title><![CDATA[A <b>b</b>]]></title><description>plain &amp; text</description><content src="a"/><x><![CDATA[<title><b>x</b></title>]]></x>`,
    );
  });
});

describe("guessFeedAnchors", () => {
  it("picks anchors that look like feeds and skips look-alikes", () => {
    const html = `<a href="/rss">RSS</a> <a href="https://www.interfax.ru/rss.asp">x</a> <a href="/feedback">f</a>
      <a href="/export/rss2/index.xml#top">y</a> <a href="/news/feed/">z</a> <a href="/about">a</a>
      <a href="mailto:rss@site.example">m</a> <a href="/rsshub">h</a> <a href="/rss">dup</a> <a href="/x.atom">t</a>`;
    expect(guessFeedAnchors(html, "https://site.example/")).toEqual([
      "https://site.example/rss",
      "https://www.interfax.ru/rss.asp",
      "https://site.example/export/rss2/index.xml",
      "https://site.example/news/feed/",
      "https://site.example/x.atom",
    ]);
  });
});

describe("truncate", () => {
  it("cuts on a word boundary, never inside an emoji, and marks the cut", () => {
    const cut = truncate("слово ".repeat(200), 300);
    expect(Array.from(cut).length).toBeLessThanOrEqual(300);
    expect(cut.endsWith("слово…")).toBe(true);
    expect(truncate("&".repeat(10), 5)).toBe("&&&&…");
    expect(truncate("😀".repeat(10), 5)).toBe("😀😀😀😀…");
    expect(truncate("коротко", 7)).toBe("коротко");
  });
});
