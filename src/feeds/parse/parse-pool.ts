import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { Piscina } from "piscina";
import { FeedError } from "../errors.js";
import type { ParsedFeed } from "./parse.js";
import type { ParseReply, ParseTask } from "./parse-worker.js";

/**
 * One parse worker. A second cost ≈ 30 MB resident (the poll bench's steady peak 222–231 → 193–204 MB,
 * about the 200 MB budget) and bought little: a feed parsed behind a huge one waits at most that one parse
 * (≈ 1 s for 25,000 items), where a poll comes round every minute.
 */
const MAX_WORKERS = 1;
/** An idle worker is ended after this long; the next feed starts one again. */
const IDLE_MS = 60_000;

let pool: Piscina<ParseTask, ParseReply> | null = null;

function workers(): Piscina<ParseTask, ParseReply> {
  if (pool) return pool;
  // Run from TypeScript sources (tests, tsx), the worker needs tsx to load its .ts module too.
  const fromSource = import.meta.url.endsWith(".ts");
  const tsx = fromSource ? pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href : null;
  pool = new Piscina<ParseTask, ParseReply>({
    filename: new URL(fromSource ? "./parse-worker.ts" : "./parse-worker.js", import.meta.url).href,
    minThreads: 0,
    maxThreads: MAX_WORKERS,
    idleTimeout: IDLE_MS,
    execArgv: tsx ? ["--import", tsx] : [],
  });
  // A worker that dies fails its own task; the pool's error event must not crash the process too.
  pool.on("error", () => {});
  return pool;
}

/**
 * Decodes and parses fetched bytes in a worker thread, so a huge or hostile document (tens of
 * thousands of items, megabytes of markup) costs the main thread nothing: updates, delivery and
 * shutdown go on meanwhile. The bytes' memory is moved to the worker and back rather than copied
 * (a copy of a 20 MiB body alone blocked for 150 ms), so use the returned `body`, not the one passed.
 * Throws the FeedError the document amounts to, as `parseBody` does.
 */
export async function parseOffThread(
  body: Uint8Array,
  contentType: string | null,
  url: string,
): Promise<{ feed: ParsedFeed; body: Buffer }> {
  const owned = body.byteOffset === 0 && body.byteLength === body.buffer.byteLength;
  // A small Buffer shares Node's pool with others and must not be moved; copying it is cheap.
  const bytes = owned && body.buffer instanceof ArrayBuffer ? body : body.slice();
  const reply = await workers().run(
    { body: bytes, contentType, url },
    { transferList: [bytes.buffer as ArrayBuffer] },
  );
  const back = Buffer.from(reply.body.buffer, reply.body.byteOffset, reply.body.byteLength);
  if ("feed" in reply) return { feed: reply.feed, body: back };
  const { kind, problem, vars, discovered } = reply.error;
  throw new FeedError(kind, problem, vars, discovered ? { discovered } : {});
}

/** Ends the parse workers (at shutdown); the next parse starts new ones. */
export async function closeParseWorkers(): Promise<void> {
  const running = pool;
  pool = null;
  await running?.destroy();
}
