import { describe, expect, it } from "vitest";
import { FeedError } from "../../../src/feeds/errors.js";
import { buildOpml, parseOpml } from "../../../src/feeds/parse/opml.js";
import { enText, ruText } from "../helpers.js";

describe("OPML", () => {
  it("reads feeds from nested folders, once each, with their titles", async () => {
    const xml = `<?xml version="1.0"?><opml version="1.0"><head><title>x</title></head><body>
      <outline text="Новости"><outline text="ТАСС" type="rss" xmlUrl="https://tass.ru/rss/v2.xml"/>
        <outline title="РБК &amp; Co" xmlUrl="https://rbc.ru/rss"/></outline>
      <outline text="Dup" xmlUrl="https://tass.ru/rss/v2.xml"/><outline text="folder without url"/>
      <OUTLINE TEXT="Caps" XMLURL="https://caps.example/feed"/></body></opml>`;
    expect(await parseOpml(xml)).toEqual([
      { url: "https://tass.ru/rss/v2.xml", title: "ТАСС" },
      { url: "https://rbc.ru/rss", title: "РБК & Co" },
      { url: "https://caps.example/feed", title: "Caps" },
    ]);
  });

  it.each([["not xml at all <<<"], ["<rss><channel/></rss>"], [""]])(
    "refuses %j with a clear error",
    async (xml) => {
      const err = await parseOpml(xml).then(
        () => null,
        (e: unknown) => e as FeedError,
      );
      expect(err).toBeInstanceOf(FeedError);
      expect(ruText(err as FeedError)).toMatch(/^файл не похож на OPML/);
      expect(enText(err as FeedError)).toMatch(/^the file does not look like OPML/);
    },
  );

  it("round-trips through its own export, escaping titles and URLs", async () => {
    const feeds = [
      { url: "https://a.example/rss?x=1&y=2", title: 'Лента "А" <новости>' },
      { url: "https://b.example/atom", title: null },
    ];
    const xml = buildOpml("newsalert", feeds);
    expect(await parseOpml(xml)).toEqual([
      feeds[0],
      { url: "https://b.example/atom", title: "https://b.example/atom" },
    ]);
  });
});
