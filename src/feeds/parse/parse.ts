import { looksLikeHtml } from "../discover.js";
import { FeedError, type FeedProblem } from "../errors.js";
import { canonicalLink, itemKey } from "../identity.js";
import { htmlToText, parseFeedDate, truncate } from "./text.js";
import { type RawItem as Raw, readFeedXml } from "./xml-feed.js";

/** Feed discovery on HTML pages lives beside the parser for /addfeed. */
export { discoverFeedLinks, guessFeedAnchors, looksLikeHtml } from "../discover.js";

/** One story from a feed, with clean text and a stable identity key. */
export interface FeedItem {
  key: string;
  guid: string | null;
  link: string | null;
  title: string;
  summary: string;
  /** the article's full text (content:encoded, yandex:full-text, RBC's full-text), "" when none */
  body: string;
  published: Date | null;
}

/** A parsed feed: items in feed order, duplicates inside the document removed. */
export interface ParsedFeed {
  title: string | null;
  link: string | null;
  items: FeedItem[];
}

/** Longest summary kept; alerts and matching need the lead, not the article. */
export const SUMMARY_MAX_CHARS = 1000;
const TITLE_FROM_SUMMARY_CHARS = 140;
/** Longest full text kept: matching reads no further (matching's BODY_MAX_CHARS). */
export const BODY_MAX_CHARS = 20_000;
// Elements that carry the whole article, as rss-parser names them (see xml-feed.ts customFields).
const FULL_TEXT_FIELDS = ["content:encoded", "yandex:full-text", "rbc_news:full-text"];
/** Longest title kept; a headline longer than this is a generator bug, not a headline. */
export const TITLE_MAX_CHARS = 500;
/** Most items taken from one document: a feed that is really an archive gets its newest stories only. */
export const MAX_ITEMS_PER_FEED = 1000;
// Only this much of an item's HTML is turned into text: the summary keeps 1000 characters anyway.
const MAX_HTML_CHARS = 256 * 1024;

/** The text content of an xml2js value (string, {_: text}, nested elements or arrays of them). */
function xmlText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return value.map(xmlText).join(" ");
  if (typeof value === "object") {
    // xml2js splits mixed content into "_" (own text) and child arrays, losing their order; for the
    // rare xhtml title or GUID with attributes, own text then children is close enough.
    return Object.entries(value as Raw)
      .filter(([k]) => k !== "$")
      .map(([, v]) => xmlText(v))
      .filter((t) => t !== "")
      .join(" ");
  }
  return "";
}

function absoluteHttpUrl(value: string, base: string): string | null {
  const text = value.trim();
  if (!text) return null;
  try {
    const url = new URL(text, base);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

function guidOf(raw: Raw): { guid: string | null; permalink: boolean } {
  const guidEl = Array.isArray(raw.guidRaw) ? (raw.guidRaw[0] as unknown) : undefined;
  const attrs = (guidEl && typeof guidEl === "object" ? (guidEl as Raw).$ : undefined) as Raw | undefined;
  const permalink = String(attrs?.isPermaLink ?? "true").toLowerCase() !== "false";
  const text = xmlText(raw.guid ?? raw.id ?? raw["rdf:about"]).trim();
  return { guid: text || null, permalink };
}

function dateOf(raw: Raw): Date | null {
  // rss-parser's isoDate is V8's lenient reading of the same text; our parser repairs first, so it goes last.
  for (const field of [raw.pubDate, raw.date, raw.publishedRaw, raw.updatedRaw, raw.isoDate]) {
    const date = parseFeedDate(xmlText(field));
    if (date) return date;
  }
  return null;
}

function notAFeed(problem: FeedProblem): FeedError {
  return new FeedError("not-a-feed", problem);
}

/** Rejects input that is plainly not XML before the parser produces a cryptic message. */
function precheck(text: string): void {
  const head = text.replace(/^\uFEFF/, "").trimStart();
  if (head === "") throw notAFeed("empty");
  if (looksLikeHtml(head)) throw notAFeed("web-page");
  if (/^[{[]/.test(head)) throw notAFeed("json");
  if (!head.includes("<")) throw notAFeed("not-xml");
}

function toItem(raw: Raw, feedUrl: string): FeedItem | null {
  const { guid, permalink } = guidOf(raw);
  let link = absoluteHttpUrl(xmlText(raw.link), feedUrl);
  // RSS 2.0: a GUID is a permalink unless isPermaLink="false"; only an absolute one is trusted as a link,
  // since ids like "123" or "tag:..." are names, not addresses.
  if (!link && guid && permalink && /^https?:\/\//i.test(guid)) link = absoluteHttpUrl(guid, feedUrl);
  // Atom's <summary> is the short form when both exist; RSS puts the lead in <description> (content).
  const summarySource = [raw.summary, raw.content, raw["content:encoded"], raw.description]
    .map(xmlText)
    .find((s) => s.trim() !== "");
  const summary = truncate(htmlToText((summarySource ?? "").slice(0, MAX_HTML_CHARS)), SUMMARY_MAX_CHARS);
  // The longest full-text element, when it says more than the summary (else the summary has it all).
  const full = FULL_TEXT_FIELDS.map((f) => xmlText(raw[f])).reduce(
    (a, b) => (b.length > a.length ? b : a),
    "",
  );
  const bodyText = full ? truncate(htmlToText(full.slice(0, MAX_HTML_CHARS)), BODY_MAX_CHARS) : "";
  const body = bodyText.length > summary.length ? bodyText : "";
  let title = truncate(htmlToText(xmlText(raw.title).slice(0, MAX_HTML_CHARS)), TITLE_MAX_CHARS);
  if (!title) title = truncate(summary, TITLE_FROM_SUMMARY_CHARS);
  if (!guid && !link && !title && !summary) return null;
  return {
    key: itemKey(guid, link, title, summary),
    guid,
    link,
    title,
    summary,
    body,
    published: dateOf(raw),
  };
}

/**
 * Drops duplicate keys, keeping the first. A GUID shared by items that point at different stories
 * is a broken generator (every item carrying the site URL, say), so those items fall back to their link.
 */
function dedupe(items: FeedItem[]): FeedItem[] {
  const linksByGuid = new Map<string, Set<string>>();
  for (const item of items) {
    if (!item.guid) continue;
    const set = linksByGuid.get(item.guid) ?? new Set<string>();
    set.add(item.link ? canonicalLink(item.link) : `${item.title}\n${item.summary}`);
    linksByGuid.set(item.guid, set);
  }
  const seen = new Set<string>();
  const out: FeedItem[] = [];
  for (const item of items) {
    const shared = item.guid !== null && (linksByGuid.get(item.guid)?.size ?? 0) > 1;
    const key = shared ? itemKey(null, item.link, item.title, item.summary) : item.key;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(key === item.key ? item : { ...item, key });
  }
  return out;
}

/**
 * The items worth reading from an over-long document, in document order: the newest `max` by date,
 * undated ones ranking after dated ones in document order (so an undated feed keeps its first `max`).
 * Only dates are read here; the costly text clean-up runs on what is kept.
 */
function newestRaw(raws: Raw[], max: number): Raw[] {
  if (raws.length <= max) return raws;
  const dated = raws.map((raw, index) => ({
    index,
    time: dateOf(raw)?.getTime() ?? Number.NEGATIVE_INFINITY,
  }));
  dated.sort((a, b) => b.time - a.time || a.index - b.index);
  return dated
    .slice(0, max)
    .map((d) => d.index)
    .sort((a, b) => a - b)
    .map((i) => raws[i] as Raw);
}

/** Parses RSS 0.9x/1.0/2.0 or Atom text into clean items; throws FeedError "not-a-feed" when it is none. */
export async function parseFeed(xml: string, feedUrl: string): Promise<ParsedFeed> {
  precheck(xml);
  const output = await readFeedXml(xml);
  const link = absoluteHttpUrl(xmlText(output.link), feedUrl);
  // A feed read from a file has no web address to resolve against; its own <link> is the next best base.
  const base = /^https?:/i.test(feedUrl) || !link ? feedUrl : link;
  const items = newestRaw((output.items ?? []) as Raw[], MAX_ITEMS_PER_FEED)
    .map((raw) => toItem(raw as Raw, base))
    .filter((item): item is FeedItem => item !== null);
  const title = truncate(htmlToText(xmlText(output.title).slice(0, MAX_HTML_CHARS)), TITLE_MAX_CHARS) || null;
  return { title, link, items: dedupe(items) };
}
