import { describe, expect, it } from "vitest";
import { FeedError } from "../../../src/feeds/errors.js";
import { decodeFeed } from "../../../src/feeds/parse/decode.js";
import { discoverFeedLinks, guessFeedAnchors, parseFeed } from "../../../src/feeds/parse/parse.js";
import { htmlToText, parseFeedDate, repairXml } from "../../../src/feeds/parse/text.js";
import { wrapMarkupInCdata } from "../../../src/feeds/parse/xml-feed.js";

// Inputs built to make careless regexes quadratic: each must settle well inside the test timeout.
// No timing is asserted; a quadratic pass over 2 MB would simply not finish.
const SIZE = 2 * 1024 * 1024;
const fill = (unit: string) => unit.repeat(Math.ceil(SIZE / unit.length));

const hostile: Array<[string, string]> = [
  ["unterminated CDATA openers", fill("<![CDATA[")],
  ["unterminated comments", fill("<!--")],
  ["unclosed text elements", `<rss version="2.0"><channel>${fill("<title>x<b>")}`],
  ["tags that never close", fill("<a href=x ")],
  ["attribute quotes that never close", fill('<a title="')],
  ["Atom dates without a close", `<feed xmlns="http://www.w3.org/2005/Atom">${fill("<published ")}`],
  ["endless entity-like text", fill("&amp&#&#x&lt")],
  ["script openers without a close", fill("<script>")],
];

async function settle(promise: Promise<unknown>): Promise<void> {
  await promise.catch((err: unknown) => {
    expect(err).toBeInstanceOf(FeedError);
  });
}

describe("hostile documents cost linear time", () => {
  it.each(hostile)("parseFeed survives %s", async (_name, text) => {
    await settle(parseFeed(text, "https://e.example/feed"));
  });

  it.each(hostile)("the text helpers survive %s", (_name, text) => {
    expect(typeof repairXml(text)).toBe("string");
    expect(typeof wrapMarkupInCdata(text)).toBe("string");
    expect(typeof htmlToText(text)).toBe("string");
    expect(Array.isArray(discoverFeedLinks(fill('<link rel="alternate" href="'), "https://e.example/"))).toBe(
      true,
    );
    expect(Array.isArray(guessFeedAnchors(text, "https://e.example/"))).toBe(true);
    expect(decodeFeed(Buffer.from(text)).length).toBe(text.length);
  });

  it("refuses absurd dates without reading them", () => {
    expect(parseFeedDate(fill("Mon, "))).toBeNull();
  });

  it("caps titles and summaries of a huge item", async () => {
    const huge = "слово ".repeat(200_000);
    const feed = await parseFeed(
      `<rss version="2.0"><channel><title>t</title><item><guid>1</guid><title>${huge}</title><description>${huge}</description></item></channel></rss>`,
      "https://e.example/feed",
    );
    expect(feed.items[0]?.title.length).toBeLessThanOrEqual(500);
    expect(feed.items[0]?.summary.length).toBeLessThanOrEqual(1000);
  });
});
