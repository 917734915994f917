import http, { type IncomingMessage, type OutgoingHttpHeaders } from "node:http";
import https from "node:https";
import { FeedError } from "../errors.js";
import { decompress, readCapped } from "./fetch-body.js";
import { httpError, timeoutError, toFeedError } from "./fetch-errors.js";
import { contentEncodings, headerValue, parseMaxAge } from "./http-headers.js";
import { type AddressPolicy, type GuardedUrl, guardUrl, pinnedLookup } from "./url-guard.js";

/** Body decompression, re-exported for callers that read feeds by other means. */
export { decompress } from "./fetch-body.js";

/** Options for one conditional feed fetch. */
export interface FetchOptions {
  etag?: string | null;
  lastModified?: string | null;
  /** Whole-request deadline: DNS, connect, every redirect hop and the body (default 20 s). */
  timeoutMs?: number;
  /** Cap on the decompressed body (default 15 MiB). */
  maxBytes?: number;
  /** Allow loopback/private targets (default false). */
  allowPrivate?: boolean;
  userAgent?: string;
  /** Cancels the fetch from outside, e.g. when the bot shuts down. */
  signal?: AbortSignal;
}

/** What a fetch produced; not-modified also reports a permanent move seen on the way, when there was one. */
export type FetchOutcome =
  | {
      kind: "not-modified";
      finalUrl: string;
      maxAgeSeconds: number | null;
      movedPermanentlyTo?: string | null;
    }
  | {
      kind: "ok";
      finalUrl: string;
      movedPermanentlyTo: string | null;
      body: Buffer;
      contentType: string | null;
      etag: string | null;
      lastModified: string | null;
      maxAgeSeconds: number | null;
    };

/** The User-Agent sent by default: names the bot and where to complain. */
export const DEFAULT_USER_AGENT = "newsalert/0.1 (+https://github.com/newsalert/newsalert)";
/** Default whole-request deadline. */
export const DEFAULT_TIMEOUT_MS = 20_000;
/** Default cap on a feed body after decompression. */
export const DEFAULT_MAX_BYTES = 15 * 1024 * 1024;
/** Redirect hops followed before giving up. */
export const MAX_REDIRECTS = 5;

const ACCEPT =
  "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.8, */*;q=0.1";

// Guarded and unguarded requests get separate pools so a socket opened to a private address for a
// trusted feed can never be reused by a request that must stay on the public Internet.
// Idle sockets are dropped after 15 s: most servers close theirs sooner, and a poll cycle reuses them
// within seconds or not at all.
const agentOptions = { keepAlive: true, timeout: 15_000, scheduling: "lifo" as const };
const agents = {
  guarded: { http: new http.Agent(agentOptions), https: new https.Agent(agentOptions) },
  open: { http: new http.Agent(agentOptions), https: new https.Agent(agentOptions) },
};

/** Sends one GET to a vetted URL; resolves on the response head. */
function sendOnce(
  target: GuardedUrl,
  headers: OutgoingHttpHeaders,
  signal: AbortSignal,
  allowPrivate: boolean,
) {
  return new Promise<{ res?: IncomingMessage; err?: unknown; reused: boolean }>((resolve) => {
    const secure = target.url.protocol === "https:";
    const pool = allowPrivate ? agents.open : agents.guarded;
    const req = (secure ? https : http).request(
      target.url,
      {
        method: "GET",
        headers,
        signal,
        agent: secure ? pool.https : pool.http,
        // Connect only to the addresses the guard approved: closes the DNS-rebinding window.
        ...(allowPrivate ? {} : { lookup: pinnedLookup(target.addresses) }),
      },
      (res) => resolve({ res, reused: req.reusedSocket }),
    );
    req.on("error", (err) => resolve({ err, reused: req.reusedSocket }));
    req.end();
  });
}

/** sendOnce, retried once when a kept-alive socket turned out to be closed by the server meanwhile. */
async function send(
  target: GuardedUrl,
  headers: OutgoingHttpHeaders,
  signal: AbortSignal,
  allowPrivate: boolean,
) {
  for (let attempt = 0; ; attempt++) {
    const { res, err, reused } = await sendOnce(target, headers, signal, allowPrivate);
    if (res) return res;
    const code = (err as NodeJS.ErrnoException | undefined)?.code;
    if (attempt > 0 || !reused || signal.aborted || (code !== "ECONNRESET" && code !== "EPIPE")) throw err;
  }
}

/** Drops a response we do not read: small bodies are drained so the socket is reused, others cut. */
function discard(res: IncomingMessage): void {
  const length = Number(headerValue(res.headers, "content-length") ?? Number.NaN);
  if (res.statusCode === 304 || length <= 64 * 1024) res.resume();
  else res.destroy(); // an endless redirect body must not keep streaming after we have moved on
}

function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

/** Fetches a feed politely and defensively; throws FeedError (429/503 carry retryAfterSeconds). */
export function fetchFeed(url: string, opts: FetchOptions = {}): Promise<FetchOutcome> {
  return fetchFeedWithPolicy(url, opts, {});
}

/** fetchFeed with a custom address policy (tests stage "public" hosts on loopback addresses). */
export async function fetchFeedWithPolicy(
  url: string,
  opts: FetchOptions,
  policy: AddressPolicy,
): Promise<FetchOutcome> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const allowPrivate = opts.allowPrivate ?? false;
  const headers: OutgoingHttpHeaders = {
    "user-agent": opts.userAgent ?? DEFAULT_USER_AGENT,
    accept: ACCEPT,
    "accept-encoding": "gzip, deflate, br",
  };
  if (opts.etag) headers["if-none-match"] = opts.etag;
  if (opts.lastModified) headers["if-modified-since"] = opts.lastModified;

  const controller = new AbortController();
  let timedOut = false;
  let phase: "answer" | "body" = "answer";
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(timeoutError(timeoutMs, phase));
  }, timeoutMs);
  const signal = controller.signal;
  const cancel = () => controller.abort(new FeedError("network", "stopping"));
  if (opts.signal?.aborted) cancel();
  opts.signal?.addEventListener("abort", cancel, { once: true });

  try {
    let current = url;
    const seen = new Set<string>();
    let movedPermanentlyTo: string | null = null;
    let stillPermanent = true;
    for (let hop = 0; ; hop++) {
      // The guard runs at every hop: a public URL may redirect into the private network.
      const target = await abortable(guardUrl(current, { ...policy, allowPrivate }), signal);
      seen.add(target.url.href);
      const res = await send(target, headers, signal, allowPrivate);
      const status = res.statusCode ?? 0;
      const location = headerValue(res.headers, "location");

      if ([301, 302, 303, 307, 308].includes(status) && location) {
        discard(res);
        let next: URL;
        try {
          next = new URL(location, target.url);
        } catch {
          throw new FeedError("bad-url", "bad-redirect");
        }
        if (seen.has(next.href)) throw new FeedError("redirects", "redirect-loop");
        if (hop + 1 > MAX_REDIRECTS) {
          throw new FeedError("redirects", "too-many-redirects", { max: MAX_REDIRECTS });
        }
        // Only the leading run of permanent hops is a move the subscriber should remember.
        // A move from https to http is followed but never written back into the subscription.
        const downgrade = target.url.protocol === "https:" && next.protocol === "http:";
        if (stillPermanent && !downgrade && (status === 301 || status === 308))
          movedPermanentlyTo = next.href;
        else stillPermanent = false;
        current = next.href;
        continue;
      }

      const maxAgeSeconds = parseMaxAge(res.headers);
      if (status === 304) {
        discard(res);
        return { kind: "not-modified", finalUrl: target.url.href, maxAgeSeconds, movedPermanentlyTo };
      }
      if (status < 200 || status > 299) {
        discard(res);
        throw httpError(status, res);
      }
      const contentType = headerValue(res.headers, "content-type");
      // An image or a podcast episode is never a feed: say so before downloading megabytes of it.
      const media = /^\s*((?:image|audio|video)\/[\w.+-]+|application\/(?:pdf|zip))/i.exec(contentType ?? "");
      if (media) {
        res.destroy();
        throw new FeedError("not-a-feed", "media", { type: media[1]?.toLowerCase() ?? "" });
      }
      phase = "body";
      const raw = await readCapped(res, maxBytes, signal);
      const body = await abortable(decompress(raw, contentEncodings(res.headers), maxBytes), signal);
      return {
        kind: "ok",
        finalUrl: target.url.href,
        movedPermanentlyTo,
        body,
        contentType,
        etag: headerValue(res.headers, "etag"),
        lastModified: headerValue(res.headers, "last-modified"),
        maxAgeSeconds,
      };
    }
  } catch (err) {
    throw toFeedError(err, timedOut ? phase : null, timeoutMs);
  } finally {
    clearTimeout(timer);
    opts.signal?.removeEventListener("abort", cancel);
  }
}
