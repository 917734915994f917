import Parser from "rss-parser";
import { FeedError, type FeedProblem, type FeedProblemVars } from "../errors.js";
import { parseFeedDate, repairXml } from "./text.js";

/** One item or the channel as rss-parser hands it over (xml2js shapes inside). */
export type RawItem = Record<string, unknown>;

/**
 * rss-parser throws on an Atom date it cannot read and on a <link> without attributes, losing the whole
 * feed; fix or blank such dates and turn RSS-style <link>URL</link> into <link href="URL"/> first.
 */
function fixAtom(xml: string): string {
  if (!/<feed\b/i.test(xml)) return xml;
  return xml
    .replace(
      /<(published|updated)(\s[^<>]*)?>([^<]*)<\/\1>/g,
      (match: string, tag: string, attrs: string | undefined, value: string) => {
        if (!Number.isNaN(Date.parse(value.trim()))) return match;
        const date = parseFeedDate(value);
        return `<${tag}${attrs ?? ""}>${date ? date.toISOString() : ""}</${tag}>`;
      },
    )
    .replace(
      /<link\s*>([^<]*)<\/link>/g,
      (_m, href: string) => `<link href="${href.trim().replace(/"/g, "&quot;")}"/>`,
    )
    .replace(/<link\s*\/>/g, "");
}

// Lenient parsing lower-cases every name; these are the camelCase ones rss-parser looks for.
const TAG_NAMES: Record<string, string> = {
  pubdate: "pubDate",
  lastbuilddate: "lastBuildDate",
  managingeditor: "managingEditor",
  webmaster: "webMaster",
  "rdf:rdf": "rdf:RDF",
};
const ATTR_NAMES: Record<string, string> = { ispermalink: "isPermaLink" };

function newParser(strict: boolean): Parser<RawItem, RawItem> {
  const options = {
    defaultRSS: 2, // `<rss>` without a version attribute is RSS 2.0 in practice (uolNoticias)
    customFields: {
      item: [
        ["guid", "guidRaw", { keepArray: true }],
        ["published", "publishedRaw"],
        ["updated", "updatedRaw"],
        // Full article text (issue 11): Yandex's and RBC's elements; content:encoded rss-parser keeps itself.
        ["yandex:full-text", "yandex:full-text"],
        ["rbc_news:full-text", "rbc_news:full-text"],
      ],
    },
    xml2js: strict
      ? {}
      : {
          strict: false,
          tagNameProcessors: [(n: string) => TAG_NAMES[n.toLowerCase()] ?? n.toLowerCase()],
          attrNameProcessors: [(n: string) => ATTR_NAMES[n.toLowerCase()] ?? n.toLowerCase()],
        },
  };
  return new Parser<RawItem, RawItem>(options as unknown as Parser.ParserOptions<RawItem, RawItem>);
}

/** Documents longer than this get no second or third parsing attempt. */
export const FALLBACK_MAX_CHARS = 4 * 1024 * 1024;

const TEXT_ELEMENTS = [
  "title",
  "description",
  "summary",
  "content",
  "content:encoded",
  "yandex:full-text",
  "rbc_news:full-text",
];
const CLOSERS = new Map(TEXT_ELEMENTS.map((tag) => [tag, new RegExp(`</${tag}\\s*>`, "g")]));
const OPENER = new RegExp(`<!\\[CDATA\\[|<(${TEXT_ELEMENTS.join("|")})(\\s[^<>]*)?>`, "g");

/**
 * The commonest breakage of all: HTML pasted into <description> without escaping or CDATA. Wrapping
 * the element's content in CDATA turns it back into the text it was meant to be. One linear pass:
 * a tag found unclosed once is not searched for again.
 */
export function wrapMarkupInCdata(xml: string): string {
  const out: string[] = [];
  const unclosed = new Set<string>();
  let pos = 0;
  OPENER.lastIndex = 0;
  for (let m = OPENER.exec(xml); m; m = OPENER.exec(xml)) {
    const start = OPENER.lastIndex;
    if (m[0] === "<![CDATA[") {
      const end = xml.indexOf("]]>", start);
      if (end < 0) break;
      OPENER.lastIndex = end + 3;
      continue;
    }
    const tag = m[1] ?? "";
    const attrs = m[2] ?? "";
    const closer = CLOSERS.get(tag);
    if (!closer || attrs.endsWith("/") || unclosed.has(tag)) continue;
    closer.lastIndex = start;
    const close = closer.exec(xml);
    if (!close) {
      unclosed.add(tag);
      continue;
    }
    const inner = xml.slice(start, close.index);
    if (inner.includes("<") && !/^\s*<!\[CDATA\[/.test(inner)) {
      const safe = inner.replace(/]]>/g, "]]]]><![CDATA[>");
      out.push(xml.slice(pos, m.index), `<${tag}${attrs}><![CDATA[${safe}]]></${tag}>`);
      pos = close.index + close[0].length;
    }
    OPENER.lastIndex = close.index + close[0].length;
  }
  out.push(xml.slice(pos));
  return out.join("");
}

/**
 * A document cut off mid-way (a dropped upstream connection, a generator that died) keeps its complete
 * items: cut after the last </item> or </entry> and close the root.
 */
export function closeTruncated(xml: string): string {
  const root = /<(rss|feed|rdf:RDF)\b/i.exec(xml);
  const name = root?.[1];
  if (!name || new RegExp(`</${name}\\s*>`, "i").test(xml)) return xml;
  const lastItem = Math.max(xml.lastIndexOf("</item>"), xml.lastIndexOf("</entry>"));
  if (lastItem < 0) return xml;
  const end = xml.indexOf(">", lastItem) + 1;
  return `${xml.slice(0, end)}${name.toLowerCase() === "rss" ? "</channel></rss>" : `</${name}>`}`;
}

function notAFeed(problem: FeedProblem, cause: unknown, vars: FeedProblemVars = {}): FeedError {
  return new FeedError("not-a-feed", problem, vars, { cause });
}

/** Explains a parser failure as a FeedError problem, or passes a FeedError through. */
function explain(err: unknown): FeedError {
  const message = err instanceof Error ? err.message : String(err);
  if (/not recognized/i.test(message)) return notAFeed("not-rss", err);
  // rss-parser walks the tree without checks: a TypeError means XML that is no usable feed.
  if (err instanceof TypeError) {
    return notAFeed("unknown-format", err);
  }
  const where = /Line:\s*(\d+)/.exec(message)?.[1];
  return where
    ? notAFeed("broken-xml-at", err, { line: String(Number(where) + 1) })
    : notAFeed("broken-xml", err);
}

/**
 * Runs rss-parser over repaired text: strictly first; on an XML syntax error again with unescaped
 * HTML wrapped in CDATA and a truncated end closed; then with a lenient parser. The first error is the
 * one reported.
 */
export async function readFeedXml(xml: string): Promise<Parser.Output<RawItem>> {
  const repaired = fixAtom(repairXml(xml));
  let first: unknown;
  try {
    return await newParser(true).parseString(repaired);
  } catch (err) {
    first = err;
  }
  // Only syntax errors are worth another attempt; a well-formed non-feed stays a non-feed.
  if (/not recognized/i.test(String((first as Error)?.message)) || first instanceof TypeError)
    throw explain(first);
  // Each attempt costs a full parse; for a huge document one failure is all the CPU it gets.
  if (repaired.length > FALLBACK_MAX_CHARS) throw explain(first);
  const mended = closeTruncated(wrapMarkupInCdata(repaired));
  for (const strict of [true, false]) {
    try {
      const output = await newParser(strict).parseString(mended);
      if ((output.items ?? []).length > 0 || output.title) return output;
    } catch {
      // Fall through to the next, more lenient attempt.
    }
  }
  throw explain(first);
}
