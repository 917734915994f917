import { decodeHTML } from "entities";

const FEED_TYPES = new Set(["application/rss+xml", "application/atom+xml", "application/rdf+xml"]);

/** Parses the attributes of one start tag into a lower-cased name → decoded value map. */
function attributes(tag: string): Map<string, string> {
  const attrs = new Map<string, string>();
  // A real <link> or <a> is short; a giant one is hostile and not worth a regex.
  if (tag.length > 8192) return attrs;
  const re = /([^\s=/>"']+)\s*(?:=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?/g;
  const body = tag.replace(/^<[a-zA-Z]+/, "").replace(/\/?>$/, "");
  for (const m of body.matchAll(re)) {
    const name = (m[1] ?? "").toLowerCase();
    if (!attrs.has(name)) attrs.set(name, decodeHTML(m[2] ?? m[3] ?? m[4] ?? ""));
  }
  return attrs;
}

/** True when a decoded text looks like an HTML page rather than XML a feed parser could use. */
export function looksLikeHtml(text: string): boolean {
  const head = text
    .slice(0, 2048)
    .replace(/^\uFEFF/, "")
    .trimStart();
  if (/^(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*)*<!doctype\s+html/i.test(head)) return true;
  return /^(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*)*<html[\s>]/i.test(head);
}

/**
 * The feed URLs an HTML page advertises with <link rel="alternate" type="application/rss+xml|atom+xml">,
 * absolute (resolved against <base href> or the page URL), de-duplicated, in page order.
 */
export function discoverFeedLinks(html: string, baseUrl: string): string[] {
  let base = baseUrl;
  const baseTag = /<base\b[^<>]*>/i.exec(html);
  const baseHref = baseTag ? attributes(baseTag[0]).get("href") : undefined;
  if (baseHref) {
    try {
      base = new URL(baseHref, baseUrl).href;
    } catch {
      // An unusable <base> is ignored, as browsers do.
    }
  }
  const found: string[] = [];
  for (const m of html.matchAll(/<link\b[^<>]*>/gi)) {
    const attrs = attributes(m[0]);
    const rel = (attrs.get("rel") ?? "").toLowerCase().split(/\s+/);
    const type = (attrs.get("type") ?? "").toLowerCase().split(";")[0]?.trim() ?? "";
    const href = attrs.get("href")?.trim();
    if (!rel.includes("alternate") || !FEED_TYPES.has(type) || !href) continue;
    try {
      const url = new URL(href, base);
      if ((url.protocol === "http:" || url.protocol === "https:") && !found.includes(url.href))
        found.push(url.href);
    } catch {
      // Skip hrefs that are not URLs.
    }
  }
  return found;
}

/**
 * Fallback for pages without <link rel="alternate">: anchors whose address looks like a feed
 * ("/rss", "rss.xml", "/feed/", "export/rss2/index.xml"). Only candidates: /addfeed still fetches them.
 */
export function guessFeedAnchors(html: string, baseUrl: string, limit = 5): string[] {
  const found: string[] = [];
  for (const m of html.matchAll(/<a\b[^<>]*>/gi)) {
    const href = attributes(m[0]).get("href")?.trim();
    if (!href) continue;
    let url: URL;
    try {
      url = new URL(href, baseUrl);
    } catch {
      continue;
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") continue;
    const tail = `${url.pathname}${url.search}`.toLowerCase();
    // "feedback", "rsshub" and the like are not feeds; the name must stand as its own path part.
    if (!/(^|[/._=-])(rss\d?|atom|feed|feeds)([/._?&-]|$)/.test(tail) && !/\.(rss|atom)$/.test(tail))
      continue;
    url.hash = "";
    if (!found.includes(url.href)) found.push(url.href);
    if (found.length >= limit) break;
  }
  return found;
}
