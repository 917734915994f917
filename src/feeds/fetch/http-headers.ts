import type { IncomingHttpHeaders } from "node:http";

function first(value: string | string[] | undefined): string | null {
  const v = Array.isArray(value) ? value[0] : value;
  return v === undefined || v.trim() === "" ? null : v.trim();
}

/** A single header value (the first when repeated), trimmed, or null. */
export function headerValue(headers: IncomingHttpHeaders, name: string): string | null {
  return first(headers[name.toLowerCase()]);
}

/** Seconds a response may be reused: Cache-Control max-age, else Expires minus Date; null when not stated. */
export function parseMaxAge(headers: IncomingHttpHeaders, now: number = Date.now()): number | null {
  const cacheControl = headers["cache-control"];
  const joined = Array.isArray(cacheControl) ? cacheControl.join(",") : (cacheControl ?? "");
  // s-maxage is for shared caches; a poller is a private client, so only max-age counts.
  const match = /(?:^|[,\s])max-age\s*=\s*"?(\d+)"?/i.exec(joined);
  if (match?.[1]) return Math.min(Number(match[1]), 365 * 24 * 3600);
  const expires = headerValue(headers, "expires");
  if (expires) {
    const at = Date.parse(expires);
    if (Number.isNaN(at)) return 0; // RFC 9111: an invalid Expires means "already expired"
    const date = Date.parse(headerValue(headers, "date") ?? "");
    const base = Number.isNaN(date) ? now : date;
    return Math.max(0, Math.round((at - base) / 1000));
  }
  return null;
}

/** Retry-After as whole seconds from now (delta-seconds or an HTTP date); null when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | null {
  if (!value) return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text);
  // Only an HTTP-date is the other legal form; V8 would happily read "-5" as a year.
  const at = /[a-z]{3}/i.test(text) ? Date.parse(text) : Number.NaN;
  if (Number.isNaN(at)) return null;
  return Math.max(0, Math.ceil((at - now) / 1000));
}

/** The Content-Encoding codings in the order they must be undone (last applied first). */
export function contentEncodings(headers: IncomingHttpHeaders): string[] {
  const raw = headers["content-encoding"];
  const joined = Array.isArray(raw) ? raw.join(",") : (raw ?? "");
  return joined
    .split(",")
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c !== "" && c !== "identity")
    .reverse();
}
