import { Parser } from "xml2js";
import { FeedError } from "../errors.js";

/** One feed as OPML carries it. */
export interface OpmlFeed {
  title: string | null;
  url: string;
}

/** Largest OPML document accepted from a chat. */
export const MAX_OPML_BYTES = 1024 * 1024;

type Outline = { $?: Record<string, string>; outline?: Outline[] };

/** The feed URLs of an OPML document, outlines nested in folders included, each once, in document order. */
export async function parseOpml(xml: string): Promise<OpmlFeed[]> {
  let doc: { opml?: { body?: Array<{ outline?: Outline[] }> } };
  try {
    doc = await new Parser({ strict: false, normalizeTags: true, normalize: true }).parseStringPromise(xml);
  } catch {
    throw new FeedError("not-a-feed", "opml-not-xml");
  }
  const body = doc?.opml?.body?.[0];
  if (!body) throw new FeedError("not-a-feed", "opml-no-body");
  const found = new Map<string, OpmlFeed>();
  const walk = (outlines: Outline[] = []) => {
    for (const o of outlines) {
      // strict: false upper-cases attribute names.
      const attrs = Object.fromEntries(Object.entries(o.$ ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
      const url = attrs.xmlurl?.trim();
      if (url && !found.has(url))
        found.set(url, { url, title: attrs.title?.trim() || attrs.text?.trim() || null });
      walk(o.outline);
    }
  };
  walk(body.outline);
  return [...found.values()];
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** An OPML 2.0 document listing feeds, for readers that import subscriptions. */
export function buildOpml(title: string, feeds: readonly OpmlFeed[], now = new Date()): string {
  const outlines = feeds.map((f) => {
    const name = escapeXml(f.title ?? f.url);
    return `    <outline type="rss" text="${name}" title="${name}" xmlUrl="${escapeXml(f.url)}"/>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<opml version="2.0">',
    `  <head><title>${escapeXml(title)}</title><dateCreated>${now.toUTCString()}</dateCreated></head>`,
    "  <body>",
    ...outlines,
    "  </body>",
    "</opml>",
    "",
  ].join("\n");
}
