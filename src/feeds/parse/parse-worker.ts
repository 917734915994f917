import { Piscina } from "piscina";
import { type FeedErrorKind, type FeedProblem, type FeedProblemVars, isFeedError } from "../errors.js";
import type { ParsedFeed } from "./parse.js";
import { parseBody } from "./parse-body.js";

/** What the main thread hands a parse worker: the fetched bytes and how to read them. */
export interface ParseTask {
  body: Uint8Array;
  contentType: string | null;
  url: string;
}

/**
 * A worker's answer: the feed, or the FeedError it became (errors lose their class crossing threads),
 * and the bytes themselves, moved back to the main thread as they were moved here (no copy either way).
 */
export type ParseReply = { body: Uint8Array } & (
  | { feed: ParsedFeed }
  | { error: { kind: FeedErrorKind; problem: FeedProblem; vars: FeedProblemVars; discovered?: string[] } }
);

/** Decodes and parses one document in a worker thread; any other failure rejects as it is. */
export default async function parseTask(task: ParseTask): Promise<ParseReply> {
  const body = task.body;
  let reply: ParseReply;
  try {
    reply = { body, feed: await parseBody(body, task.contentType, task.url) };
  } catch (err) {
    if (!isFeedError(err)) throw err;
    reply = {
      body,
      error: { kind: err.kind, problem: err.problem, vars: err.vars, discovered: err.discovered },
    };
  }
  // Marked as Piscina's transferable shape: the reply is cloned, the bytes' memory moved.
  const moved = { [Piscina.transferableSymbol]: [body.buffer], [Piscina.valueSymbol]: reply };
  return Piscina.move(moved as unknown as ArrayBufferView) as unknown as ParseReply;
}
