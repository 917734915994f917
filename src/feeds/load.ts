import { open } from "node:fs/promises";
import { fileURLToPath, pathToFileURL } from "node:url";
import { FeedError, isFeedError, sizeVars } from "./errors.js";
import { DEFAULT_MAX_BYTES, type FetchOptions, type FetchOutcome, fetchFeed } from "./fetch/fetch.js";
import type { ParsedFeed } from "./parse/parse.js";
import { parseOffThread } from "./parse/parse-pool.js";

/** A fetched (or read) feed; feed is null when the server said not-modified. */
export interface LoadedFeed {
  outcome: FetchOutcome;
  feed: ParsedFeed | null;
}

/** True when a source string names an http(s) URL rather than a local file. */
export function isHttpSource(source: string): boolean {
  return /^https?:\/\//i.test(source.trim());
}

async function readLocal(source: string, maxBytes: number): Promise<{ url: string; body: Buffer }> {
  let path: string;
  try {
    path = source.startsWith("file:") ? fileURLToPath(source) : source;
  } catch {
    throw new FeedError("bad-url", "file-url");
  }
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, "r");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    // "example.com/rss" was almost certainly meant as a web address, not a file.
    const web = /^[\w-]+(\.[\w-]+)+(\/|$)/.test(source);
    const problem = code !== "ENOENT" ? "file-open" : web ? "file-not-found-web" : "file-not-found";
    throw new FeedError("bad-url", problem, { path }, { cause: err });
  }
  try {
    const { size } = await handle.stat();
    if (size > maxBytes) throw new FeedError("too-large", "too-large", sizeVars(maxBytes));
    return { url: pathToFileURL(path).href, body: await handle.readFile() };
  } catch (err) {
    if (isFeedError(err)) throw err;
    throw new FeedError("bad-url", "file-read", { path }, { cause: err });
  } finally {
    await handle.close();
  }
}

/** Fetches an http(s) URL, or reads a local path / file: URL, then decodes and parses it. */
export async function loadFeed(source: string, opts: FetchOptions = {}): Promise<LoadedFeed> {
  if (isHttpSource(source)) {
    const outcome = await fetchFeed(source.trim(), opts);
    if (outcome.kind === "not-modified") return { outcome, feed: null };
    const { feed, body } = await parseOffThread(outcome.body, outcome.contentType, outcome.finalUrl);
    return { outcome: { ...outcome, body }, feed };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(source) && !source.startsWith("file:")) {
    throw new FeedError("bad-url", "file-scheme");
  }
  const { url, body } = await readLocal(source, opts.maxBytes ?? DEFAULT_MAX_BYTES);
  const outcome: FetchOutcome = {
    kind: "ok",
    finalUrl: url,
    movedPermanentlyTo: null,
    body,
    contentType: null,
    etag: null,
    lastModified: null,
    maxAgeSeconds: null,
  };
  const parsed = await parseOffThread(body, null, url);
  return { outcome: { ...outcome, body: parsed.body }, feed: parsed.feed };
}
