import { describe, expect, it } from "vitest";
import { itemIdentities } from "../../../src/feeds/identity.js";
import { MAX_ITEMS_PER_FEED, parseFeed, SUMMARY_MAX_CHARS } from "../../../src/feeds/parse/parse.js";
import { repairXml } from "../../../src/feeds/parse/text.js";
import { expectFeedError, ruText } from "../helpers.js";

const FEED_URL = "https://news.example.ru/rss/main.xml";

function rss2(items: string, channel = "<title>Лента</title><link>https://news.example.ru/</link>"): string {
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>${channel}${items}</channel></rss>`;
}

describe("parseFeed: RSS 2.0", () => {
  it("produces clean text, absolute links, dates and GUID keys", async () => {
    const feed = await parseFeed(
      rss2(`<item>
        <title><![CDATA[<b>Литий</b> &laquo;дорожает&raquo;]]></title>
        <link>/news/1?utm_source=rss</link>
        <guid isPermaLink="false">news-1</guid>
        <description>&lt;p&gt;Цены&amp;nbsp;на  литий&lt;/p&gt;&lt;p&gt;выросли&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;</description>
        <pubDate>Thu, 26 Nov 2026 10:00:00 +0300</pubDate>
      </item>`),
      FEED_URL,
    );
    expect(feed.title).toBe("Лента");
    expect(feed.link).toBe("https://news.example.ru/");
    expect(feed.items).toEqual([
      {
        key: "g:news-1",
        guid: "news-1",
        link: "https://news.example.ru/news/1?utm_source=rss",
        title: "Литий «дорожает»",
        summary: "Цены на литий выросли",
        body: "",
        published: new Date("2026-11-26T07:00:00Z"),
      },
    ]);
  });

  it("uses a permalink GUID as the link, and the link as key without a GUID", async () => {
    const feed = await parseFeed(
      rss2(`<item><title>a</title><guid>https://news.example.ru/a</guid></item>
            <item><title>b</title><link>https://news.example.ru/b#top</link></item>
            <item><title>c</title><description>только текст</description></item>`),
      FEED_URL,
    );
    expect(feed.items.map((i) => i.link)).toEqual([
      "https://news.example.ru/a",
      "https://news.example.ru/b#top",
      null,
    ]);
    expect(feed.items[1]?.key).toBe("l:https://news.example.ru/b");
    expect(feed.items[2]?.key).toMatch(/^h:[0-9a-f]{64}$/);
  });

  it("leaves published null for missing or invalid dates", async () => {
    const feed = await parseFeed(
      rss2(
        `<item><title>a</title><guid>1</guid><pubDate>вчера</pubDate></item><item><title>b</title><guid>2</guid></item>`,
      ),
      FEED_URL,
    );
    expect(feed.items.map((i) => i.published)).toEqual([null, null]);
  });

  it("caps long summaries on a word boundary", async () => {
    const long = "слово ".repeat(400);
    const feed = await parseFeed(
      rss2(`<item><title>t</title><guid>1</guid><description>${long}</description></item>`),
      FEED_URL,
    );
    const summary = feed.items[0]?.summary ?? "";
    expect(summary.length).toBeLessThanOrEqual(SUMMARY_MAX_CHARS);
    expect(summary.endsWith("слово…")).toBe(true);
  });

  it("derives a title from the summary when there is none", async () => {
    const feed = await parseFeed(
      rss2(`<item><guid>1</guid><description>Короткая заметка без заголовка</description></item>`),
      FEED_URL,
    );
    expect(feed.items[0]?.title).toBe("Короткая заметка без заголовка");
  });

  it("accepts <rss> without a version", async () => {
    const feed = await parseFeed(
      `<rss><channel><title>x</title><item><title>i</title><guid>1</guid></item></channel></rss>`,
      FEED_URL,
    );
    expect(feed.items.length).toBe(1);
  });
});

describe("parseFeed: identity inside one document", () => {
  it("removes duplicate GUIDs, keeping the first", async () => {
    const feed = await parseFeed(
      rss2(`<item><title>first</title><guid>same</guid><link>https://e.ru/1</link></item>
            <item><title>again</title><guid>same</guid><link>https://e.ru/1?utm_medium=x</link></item>`),
      FEED_URL,
    );
    expect(feed.items.map((i) => i.title)).toEqual(["first"]);
  });

  it("falls back to links when one GUID is shared by different stories", async () => {
    const feed = await parseFeed(
      rss2(`<item><title>a</title><guid>https://e.ru/</guid><link>https://e.ru/a</link></item>
            <item><title>b</title><guid>https://e.ru/</guid><link>https://e.ru/b</link></item>`),
      FEED_URL,
    );
    expect(feed.items.map((i) => i.key)).toEqual(["l:https://e.ru/a", "l:https://e.ru/b"]);
  });

  it("recognises a story whose GUID changed but whose link did not", async () => {
    const before = await parseFeed(
      rss2(
        `<item><title>a</title><guid>v1-1</guid><link>http://www.e.ru/news/1/?utm_source=rss</link></item>`,
      ),
      FEED_URL,
    );
    const after = await parseFeed(
      rss2(`<item><title>a</title><guid>v2-1</guid><link>https://e.ru/news/1</link></item>`),
      FEED_URL,
    );
    const [old, now] = [before.items[0], after.items[0]];
    if (!old || !now) throw new Error("items expected");
    expect(old.key).not.toBe(now.key);
    const seen = new Set(itemIdentities(old));
    expect(itemIdentities(now).some((k) => seen.has(k))).toBe(true);
  });
});

describe("parseFeed: Atom, RDF and RSS 0.91", () => {
  it("parses Atom with ids, alternate links, xhtml titles and summaries", async () => {
    const feed = await parseFeed(
      `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>
        <link rel="alternate" href="https://a.example/"/>
        <entry><id>urn:1</id><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Hello <b>world</b></div></title>
          <link rel="self" href="https://a.example/self"/><link rel="alternate" href="/post/1"/>
          <summary type="html">&lt;p&gt;Short&lt;/p&gt;</summary><content type="html">Long body</content>
          <published>2026-11-26T10:00:00+03:00</published></entry>
        <entry><id>urn:2</id><title>Bad date</title><updated>not a date</updated></entry>
      </feed>`,
      "https://a.example/feed.atom",
    );
    expect(feed.items.map((i) => [i.key, i.title, i.link, i.summary])).toEqual([
      ["g:urn:1", "Hello world", "https://a.example/post/1", "Short"],
      ["g:urn:2", "Bad date", null, ""],
    ]);
    expect(feed.items[0]?.published?.toISOString()).toBe("2026-11-26T07:00:00.000Z");
    expect(feed.items[1]?.published).toBeNull();
  });

  it("parses RSS 1.0 (RDF) with dc:date", async () => {
    const feed = await parseFeed(
      `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
        <channel rdf:about="https://r.example/"><title>R</title><link>https://r.example/</link></channel>
        <item rdf:about="https://r.example/1"><title>One</title><link>https://r.example/1</link><dc:date>2026-11-26T10:00:00Z</dc:date></item>
      </rdf:RDF>`,
      FEED_URL,
    );
    expect(feed.items[0]).toMatchObject({
      key: "g:https://r.example/1",
      title: "One",
      link: "https://r.example/1",
    });
    expect(feed.items[0]?.published?.toISOString()).toBe("2026-11-26T10:00:00.000Z");
  });

  it("parses RSS 0.91", async () => {
    const feed = await parseFeed(
      `<rss version="0.91"><channel><title>Old</title><item><title>x</title><link>https://o.example/x</link></item></channel></rss>`,
      FEED_URL,
    );
    expect(feed.items[0]?.key).toBe("l:https://o.example/x");
  });
});

describe("parseFeed: repairs and refusals", () => {
  it("repairs leading junk, raw &, unknown entities and control characters", async () => {
    const broken = `\uFEFF<br /><b>Warning</b>: something in feed.php on line 3\n${rss2(
      `<item><title>AT&T &amp; Co &nbsp;&mdash; &NotEqualTilde; &bogus; \u0001ok</title><guid>1</guid>
        <link>https://e.ru/?a=1&b=2</link><description><![CDATA[a & b &nbsp; c]]></description></item>`,
    )}\n<!-- cached -->junk`;
    const feed = await parseFeed(broken, FEED_URL);
    expect(feed.items[0]?.title).toBe("AT&T & Co — ≂̸ &bogus; ok");
    expect(feed.items[0]?.link).toBe("https://e.ru/?a=1&b=2");
    expect(feed.items[0]?.summary).toBe("a & b c");
  });

  it("leaves CDATA and comments alone while repairing", () => {
    const text = "<rss><![CDATA[ & &bogus; ]]><!-- & --> & &nbsp; &#0; &#x41;</rss>";
    expect(repairXml(text)).toBe("<rss><![CDATA[ & &bogus; ]]><!-- & --> &amp; &#160; &#xFFFD; &#x41;</rss>");
  });

  it.each([
    ["", "пустой"],
    ["   \n ", "пустой"],
    ["<!DOCTYPE html><html><head><title>Сайт</title></head><body>Hi</body></html>", "веб-страница"],
    ['{"version":"https://jsonfeed.org/version/1.1","items":[]}', "JSON"],
    ['<?xml version="1.0"?><note><to>x</to></note>', "не похож"],
    ['<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item><title>a</title>', "XML"],
    ["just text", "не похож"],
  ])("refuses %j as not-a-feed", async (text, words) => {
    const err = await expectFeedError(parseFeed(text, FEED_URL), "not-a-feed");
    expect(ruText(err)).toContain(words);
  });
});

describe("parseFeed: hostile and odd documents", () => {
  it("never expands DTD entities (billion laughs, XXE)", async () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">
      <!ENTITY xxe SYSTEM "file:///etc/passwd">]>
      <rss version="2.0"><channel><title>&lol2;</title><item><title>a &lol2; &xxe;</title><guid>1</guid></item></channel></rss>`;
    const feed = await parseFeed(laughs, FEED_URL);
    expect(feed.items[0]?.title).toBe("a &lol2; &xxe;");
    expect(JSON.stringify(feed)).not.toContain("root:");
  });

  it("reads an Atom entry whose <link> holds text instead of href", async () => {
    const feed = await parseFeed(
      `<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title>
        <entry><id>1</id><title>t</title><link>https://e.ru/a?x=1&amp;y=2</link></entry>
        <entry><id>2</id><title>u</title><link/></entry></feed>`,
      FEED_URL,
    );
    expect(feed.items.map((i) => i.link)).toEqual(["https://e.ru/a?x=1&y=2", null]);
  });

  it("does not turn ids that are not URLs into links", async () => {
    const feed = await parseFeed(rss2(`<item><title>t</title><guid>12345</guid></item>`), FEED_URL);
    expect(feed.items[0]?.link).toBeNull();
  });

  it("refuses an <rss> without a channel as not-a-feed", async () => {
    await expectFeedError(parseFeed(`<rss version="2.0"></rss>`, FEED_URL), "not-a-feed");
  });
});

describe("parseFeed: broken markup fallbacks", () => {
  it("reads HTML pasted into elements without escaping", async () => {
    const feed = await parseFeed(
      rss2(`<item><title>A <b>bold</title><guid isPermaLink=false>1</guid>
        <description>line<br>two &nbsp; <p>para</description></item>
        <item><title>B</title><link>https://e.ru/b</link></item>`),
      FEED_URL,
    );
    expect(feed.items.map((i) => [i.key, i.title, i.summary])).toEqual([
      ["g:1", "A bold", "line two para"],
      ["l:https://e.ru/b", "B", ""],
    ]);
  });

  it("survives a mismatched closing tag", async () => {
    const feed = await parseFeed(
      rss2(
        `<item><title>A</title><guid>1</guid><description>x</descr></item><item><title>B</title><guid>2</guid></item>`,
      ),
      FEED_URL,
    );
    expect(feed.items.map((i) => i.title)).toEqual(["A", "B"]);
  });

  it("keeps the complete items of a truncated document", async () => {
    const cut = rss2(`<item><title>A</title><guid>1</guid></item><item><title>B</title><guid>2</guid></item>
      <item><title>C</title><guid>3</guid></item>`).slice(0, -40);
    const feed = await parseFeed(cut, FEED_URL);
    expect(feed.items.map((i) => i.title)).toEqual(["A", "B"]);
  });

  it("still refuses a truncated document without a complete item", async () => {
    const err = await expectFeedError(
      parseFeed(`<rss version="2.0"><channel><title>T</title><item><title>A</title>`, FEED_URL),
      "not-a-feed",
    );
    expect(ruText(err)).toContain("ошибка XML");
  });
});

describe("parseFeed: a document with more items than anyone publishes at once", () => {
  const item = (n: number, date?: Date) =>
    `<item><title>Новость ${n}</title><link>https://news.example.ru/${n}</link>` +
    `${date ? `<pubDate>${date.toUTCString()}</pubDate>` : ""}</item>`;

  it(`keeps the newest ${MAX_ITEMS_PER_FEED} by date, in document order`, async () => {
    // 1,500 items, oldest first, with every third one moved to the front: order by date is not by place.
    const numbers = Array.from({ length: 1500 }, (_, n) => n);
    const order = [...numbers.filter((n) => n % 3 === 0), ...numbers.filter((n) => n % 3 !== 0)];
    const start = Date.UTC(2026, 0, 1);
    const feed = await parseFeed(
      rss2(order.map((n) => item(n, new Date(start + n * 60_000))).join("")),
      FEED_URL,
    );
    expect(feed.items).toHaveLength(MAX_ITEMS_PER_FEED);
    const kept = feed.items.map((i) => Number(i.title.split(" ")[1]));
    expect(Math.min(...kept)).toBe(500);
    expect(kept).toEqual(order.filter((n) => n >= 500));
  });

  it(`keeps the first ${MAX_ITEMS_PER_FEED} in document order when undated`, async () => {
    const feed = await parseFeed(rss2(Array.from({ length: 1200 }, (_, n) => item(n)).join("")), FEED_URL);
    expect(feed.items.map((i) => i.title)).toEqual(
      Array.from({ length: MAX_ITEMS_PER_FEED }, (_, n) => `Новость ${n}`),
    );
  });
});

describe("parseFeed: the full text (issue 11)", () => {
  const rss = (extra: string) =>
    `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:yandex="http://news.yandex.ru"><channel><title>T</title><item><title>Обзор</title><link>https://x.example/1</link><description>Коротко.</description>${extra}</item></channel></rss>`;

  it.each([
    [
      "content:encoded",
      "<content:encoded><![CDATA[<p>Длинный текст про <b>германий</b>.</p>]]></content:encoded>",
    ],
    ["yandex:full-text", "<yandex:full-text>Длинный текст про германий.</yandex:full-text>"],
    ["rbc_news:full-text", "<rbc_news:full-text>Длинный текст про германий.</rbc_news:full-text>"],
  ])("keeps %s as the body, the lead as the summary", async (_name, extra) => {
    const [item] = (await parseFeed(rss(extra), "https://x.example/rss")).items;
    expect(item?.summary).toBe("Коротко.");
    expect(item?.body).toBe("Длинный текст про германий.");
  });

  it("bounds the body at 20,000 characters and leaves it empty without a full text", async () => {
    const long = "слово ".repeat(10_000);
    const [item] = (
      await parseFeed(rss(`<yandex:full-text>${long}</yandex:full-text>`), "https://x.example/rss")
    ).items;
    expect(item?.body.length).toBeLessThanOrEqual(20_000);
    expect(item?.body.length).toBeGreaterThan(19_000);
    const [plain] = (await parseFeed(rss(""), "https://x.example/rss")).items;
    expect(plain?.body).toBe("");
  });
});
