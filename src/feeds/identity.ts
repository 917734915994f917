import { createHash } from "node:crypto";

// Query parameters that only say where a click came from, never which story it is.
const TRACKING_PARAMS = new Set([
  "fbclid",
  "gclid",
  "gclsrc",
  "dclid",
  "gbraid",
  "wbraid",
  "yclid",
  "ysclid",
  "msclkid",
  "mc_cid",
  "mc_eid",
  "igshid",
  "_ga",
  "_gl",
  "_openstat",
  "_hsenc",
  "_hsmi",
  "mkt_tok",
  "ncid",
  "cmpid",
  "at_medium",
  "at_campaign",
  "at_custom1",
  "at_custom2",
  "at_custom3",
  "at_custom4",
  "rss",
  "feed_id",
]);

// "from=rss" and friends are common on Russian news sites; other "from" values can carry meaning.
const TRACKING_FROM_VALUES =
  /^(rss|yxnews|yandex|ya|feed|rss_feed|twitter|facebook|fb|tg|telegram|vk|push|mail|zen)$/i;

function isTracking(name: string, value: string): boolean {
  const lower = name.toLowerCase();
  if (lower.startsWith("utm_") || TRACKING_PARAMS.has(lower)) return true;
  return lower === "from" && TRACKING_FROM_VALUES.test(value);
}

/**
 * An identity key for a story link (not for display): tracking parameters, fragment, "www.", default
 * port, scheme and trailing slash differences removed, remaining parameters sorted.
 */
export function canonicalLink(link: string): string {
  const text = link.trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return text;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return url.href;
  // Sites move from http to https and add or drop "www." and keep GUIDs tied to the old form.
  const host = url.hostname
    .toLowerCase()
    .replace(/^www\./, "")
    .replace(/\.$/, "");
  const kept = [...url.searchParams].filter(([name, value]) => !isTracking(name, value));
  kept.sort(([a, av], [b, bv]) => (a === b ? (av < bv ? -1 : av > bv ? 1 : 0) : a < b ? -1 : 1));
  const query = new URLSearchParams(kept).toString();
  const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, "") : "/";
  const port = url.port ? `:${url.port}` : "";
  return `https://${host}${port}${path}${query ? `?${query}` : ""}`;
}

/** Hex sha256 of a string. */
export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** The identity key for a story: "g:"+GUID, else "l:"+canonical link, else "h:"+hash of title and summary. */
export function itemKey(guid: string | null, link: string | null, title: string, summary: string): string {
  if (guid) return boundedKey("g:", guid);
  if (link) return `l:${linkKey(link)}`;
  return `h:${sha256(`${title}\n${summary}`)}`;
}

/** Longest GUID or link kept verbatim in a key; longer ones (whole articles as GUIDs exist) are hashed. */
export const MAX_KEY_VALUE_CHARS = 512;

// Every stored key goes through here: PostgreSQL refuses a btree index entry over ~2.7 KB, and one such
// key would fail the insert of every item of its poll.
function boundedKey(prefix: string, value: string): string {
  return value.length > MAX_KEY_VALUE_CHARS ? `${prefix}sha256:${sha256(value)}` : `${prefix}${value}`;
}

/** A story link's stored identity: its canonical form, or that form's hash when it is too long to index. */
export function linkKey(link: string): string {
  return boundedKey("", canonicalLink(link));
}

/**
 * Every key a story can be recognised by (its key and its canonical-link key): the poller treats a story
 * as seen when any of them was seen, so a changed GUID with the same link is not new. The content hash
 * is left out on purpose: recurring items ("Курс валют") can repeat title and summary.
 */
export function itemIdentities(item: { key: string; link: string | null }): string[] {
  const keys = [item.key];
  if (item.link) keys.push(`l:${linkKey(item.link)}`);
  return [...new Set(keys)];
}
