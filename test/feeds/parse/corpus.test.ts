import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LoadedFeed, loadFeed } from "../../../src/feeds/load.js";
import { decodeFeed } from "../../../src/feeds/parse/decode.js";
import type { ParsedFeed } from "../../../src/feeds/parse/parse.js";
import { corpusDir, expectFeedError, hasCorpus, startServer, type TestServer } from "../helpers.js";

interface Expectation {
  /** Items after removing duplicates and empty items. */
  items?: number;
  feedTitle?: string;
  firstTitle?: string;
  /** Strings that must appear in the parsed items or in the decoded document (channel descriptions). */
  contains?: string[];
  /** Every item has a non-empty title / link (false where the source lacks them). */
  titled?: boolean;
  linked?: boolean;
  notAFeed?: true;
}

// What each corpus file must give; files missing from this table fail the completeness test below.
const EXPECTED: Record<string, Expectation> = {
  "miniflux/encoding_ISO-8859-1.xml": { items: 40, feedTitle: "Golem.de", contains: ["ü"] },
  "miniflux/encoding_WINDOWS-1251.xml": {
    items: 50,
    firstTitle: "Цитата #17703",
    contains: ["Новый цитатник"],
  },
  "miniflux/invalid-prolog.xml": { items: 1, feedTitle: "테스트 피드", firstTitle: "Café", linked: false },
  "miniflux/iso-8859-1.xml": { items: 0, feedTitle: "Café", contains: ["Présentation"] },
  "miniflux/iso88591_utf8_mismatch.xml": { notAFeed: true },
  "miniflux/koi8r.xml": { items: 2, firstTitle: "Первая новость", feedTitle: "Пример RSS ленты" },
  "miniflux/large_atom.xml": { items: 25, feedTitle: "Artificial truth" },
  "miniflux/large_rss.xml": { items: 25, feedTitle: "Artificial truth" },
  "miniflux/no_encoding_ISO-8859-1.xml": {
    items: 9,
    contains: ["Perturbateurs endocriniens", "criminalité"],
  },
  "miniflux/rdf_UTF8.xml": { items: 60, feedTitle: "heise online News", contains: ["Vorsichtsmaßnahmen"] },
  "miniflux/small_atom.xml": { items: 20 },
  "miniflux/urdu_UTF8.xml": { items: 26, contains: ["پاکستان"] },
  "miniflux/utf8-incorrect-prolog.xml": {
    items: 1,
    feedTitle: "테스트 피드",
    firstTitle: "Café",
    linked: false,
  },
  "miniflux/windows-1252-incorrect-prolog.xml": { items: 0, feedTitle: "Euro €" },
  "miniflux/windows-1252.xml": { items: 0, feedTitle: "Euro €" },
  "rss-parser/atom-customfields.atom": { items: 15 },
  "rss-parser/content-encoded.rss": { items: 7 },
  "rss-parser/craigslist.rss": { items: 25 },
  "rss-parser/customfields.rss": { items: 15 },
  "rss-parser/encoding.rss": { items: 40, feedTitle: "Jornal de Notícias - Últimas Notícias" },
  "rss-parser/feedburner.atom": { items: 25 },
  "rss-parser/giantbomb-podcast.rss": { items: 730, firstTitle: "Giant Bombcast 603: Call of Tuesday" },
  "rss-parser/guardian.rss": { items: 55 },
  "rss-parser/gulp-atom.atom": { items: 10, firstTitle: "v3.9.0" },
  "rss-parser/heise.atom": { items: 15 },
  "rss-parser/heraldsun.rss": { items: 2, feedTitle: "RSS0.92 Example" },
  "rss-parser/incomplete-fields.atom": { items: 0 },
  "rss-parser/instant-article.rss": { items: 1 },
  "rss-parser/item-itunes-episodeType.rss": { items: 1 },
  "rss-parser/itunes-category.rss": { items: 1 },
  "rss-parser/itunes-href.rss": { items: 10 },
  "rss-parser/itunes-keywords-array.rss": { items: 1 },
  "rss-parser/itunes-keywords-astext.rss": { items: 32 },
  "rss-parser/itunes-keywords.rss": { items: 1 },
  "rss-parser/itunes-missing-image.rss": { items: 130 }, // 131 in the file; one is an exact duplicate
  "rss-parser/many-links.rss": { items: 25 },
  "rss-parser/missing-fields.atom": { items: 1, titled: false, linked: false },
  "rss-parser/narro.rss": { items: 1 },
  "rss-parser/pagination-links.rss": { items: 1 },
  "rss-parser/reddit-atom.rss": { items: 24 },
  "rss-parser/reddit-home.rss": { items: 24 },
  "rss-parser/reddit.rss": { items: 24 },
  "rss-parser/rss-1.rss": { items: 69, feedTitle: "Science twis" },
  "rss-parser/unrecognized.rss": { notAFeed: true },
  "rss-parser/uolNoticias.rss": { items: 15, feedTitle: "UOL Noticias", contains: ["Últimas Notícias"] },
  "rss-parser/xml2js-options.rss": { items: 69 },
};

const files = hasCorpus
  ? ["miniflux", "rss-parser"].flatMap((dir) =>
      readdirSync(path.join(corpusDir, dir))
        .filter((f) => f !== "LICENSE")
        .map((f) => `${dir}/${f}`),
    )
  : [];

function allText(feed: ParsedFeed): string {
  return [feed.title ?? "", ...feed.items.flatMap((i) => [i.title, i.summary, i.link ?? ""])].join("\n");
}

function check(name: string, loaded: LoadedFeed, want: Expectation): void {
  const feed = loaded.feed;
  if (!feed || loaded.outcome.kind !== "ok") throw new Error(`${name}: expected a feed`);
  const decoded = decodeFeed(loaded.outcome.body, loaded.outcome.contentType);
  expect(decoded, `${name}: U+FFFD in the decoded document`).not.toContain("\uFFFD");
  const text = allText(feed);
  expect(text, `${name}: U+FFFD means a decoding error`).not.toContain("\uFFFD");
  expect(text, `${name}: mojibake`).not.toMatch(/Ã[\u0080-\u00bf]|Ð[\u0080-\u00bf]|â€/);
  if (want.items !== undefined) expect(feed.items.length, name).toBe(want.items);
  if (want.feedTitle !== undefined) expect(feed.title, name).toBe(want.feedTitle);
  if (want.firstTitle !== undefined) expect(feed.items[0]?.title, name).toBe(want.firstTitle);
  for (const s of want.contains ?? []) expect(`${text}\n${decoded}`, name).toContain(s);
  if (want.titled !== false) expect(feed.items.filter((i) => !i.title).length, `${name}: untitled`).toBe(0);
  if (want.linked !== false) {
    expect(feed.items.filter((i) => !i.link).length, `${name}: unlinked`).toBe(0);
    for (const item of feed.items) expect(item.link ?? "", name).toMatch(/^https?:\/\//);
  }
  expect(new Set(feed.items.map((i) => i.key)).size, `${name}: keys unique`).toBe(feed.items.length);
}

describe.skipIf(!hasCorpus)("shared corpus (../shared/corpus)", () => {
  let server: TestServer;
  beforeAll(async () => {
    // Served gzip-compressed with no charset, as many real servers do.
    server = await startServer((req, res) => {
      const name = decodeURIComponent((req.url ?? "/").slice(1));
      if (!files.includes(name)) {
        res.writeHead(404);
        res.end();
        return;
      }
      res.writeHead(200, { "content-type": "application/xml", "content-encoding": "gzip" });
      res.end(gzipSync(readFileSync(path.join(corpusDir, name))));
    });
  });
  afterAll(async () => {
    await server?.close();
  });

  it("has an expectation for every file", () => {
    expect(files.length).toBeGreaterThan(40);
    expect(files.filter((f) => !(f in EXPECTED))).toEqual([]);
  });

  it.each(files)("%s read from disk", async (name) => {
    const want = EXPECTED[name] ?? {};
    const source = path.join(corpusDir, name);
    if (want.notAFeed) {
      await expectFeedError(loadFeed(source), "not-a-feed");
      return;
    }
    check(name, await loadFeed(source), want);
  });

  it.each(files)("%s served over HTTP", async (name) => {
    const want = EXPECTED[name] ?? {};
    const url = `${server.url}/${encodeURIComponent(name)}`;
    if (want.notAFeed) {
      await expectFeedError(loadFeed(url, { allowPrivate: true }), "not-a-feed");
      return;
    }
    check(name, await loadFeed(url, { allowPrivate: true }), want);
  });

  it("decodes the lying prologs right", () => {
    const read = (name: string) => decodeFeed(readFileSync(path.join(corpusDir, name)));
    expect(read("miniflux/iso88591_utf8_mismatch.xml")).toContain("<to>Anaïs</to>");
    expect(read("miniflux/iso88591_utf8_mismatch.xml")).toContain("<from>Jürgen</from>");
    expect(read("miniflux/windows-1252-incorrect-prolog.xml")).toContain("Euro €");
    expect(read("miniflux/utf8-incorrect-prolog.xml")).toContain("테스트 피드");
  });
});
