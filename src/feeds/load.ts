import { open } from "node:fs/promises";
import { fileURLToPath, pathToFileURL } from "node:url";
import { FeedError, formatBytes, isFeedError } from "./errors.js";
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
    throw new FeedError("bad-url", "негодный адрес файла");
  }
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, "r");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    // "example.com/rss" was almost certainly meant as a web address, not a file.
    const hint = /^[\w-]+(\.[\w-]+)+(\/|$)/.test(source) ? " (для адреса в сети укажите https://)" : "";
    const message = code === "ENOENT" ? `файл не найден: ${path}${hint}` : `не удалось открыть файл: ${path}`;
    throw new FeedError("bad-url", message, { cause: err });
  }
  try {
    const { size } = await handle.stat();
    if (size > maxBytes) throw new FeedError("too-large", `лента больше ${formatBytes(maxBytes)}`);
    return { url: pathToFileURL(path).href, body: await handle.readFile() };
  } catch (err) {
    if (isFeedError(err)) throw err;
    throw new FeedError("bad-url", `не удалось прочитать файл: ${path}`, { cause: err });
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
    throw new FeedError("bad-url", "поддерживаются только адреса http и https и локальные файлы");
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
