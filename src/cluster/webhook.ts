import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Update } from "grammy/types";
import type { Logger } from "../log.js";

/** Telegram's updates are small; anything far bigger is not from Telegram. */
const MAX_BODY_BYTES = 1024 * 1024;

/** What the webhook endpoint needs. */
export interface WebhookOptions {
  secret: string;
  /** Takes the update for this instance; false when some instance already took it. */
  claim(updateId: number): Promise<boolean>;
  /** Handles an update (the bot's middleware); runs after Telegram has its answer. */
  handle(update: Update): Promise<void>;
  log: Logger;
}

/** A webhook endpoint: the request handler, and a way to wait for updates still being handled. */
export interface WebhookEndpoint {
  serve(req: IncomingMessage, res: ServerResponse): Promise<void>;
  /** Resolves when every update taken so far has been handled. */
  drain(): Promise<void>;
}

/**
 * Receives Telegram's webhook requests on any instance. A request without the secret gets 401; an
 * update is claimed in the database (so one that reaches two instances, or comes again, is handled
 * once), answered 200 at once, and handled afterwards: slow work never delays Telegram's answer.
 * When the claim cannot be recorded the answer is 503, and Telegram delivers the update again later.
 */
export function webhookEndpoint(opts: WebhookOptions): WebhookEndpoint {
  const expected = Buffer.from(opts.secret);
  const inFlight = new Set<Promise<void>>();
  const answer = (res: ServerResponse, status: number): void => void res.writeHead(status).end();

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== "POST") return answer(res, 405);
    const given = Buffer.from(String(req.headers["x-telegram-bot-api-secret-token"] ?? ""));
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      req.resume();
      return answer(res, 401);
    }
    const update = await readUpdate(req);
    if (!update) return answer(res, 400);
    let mine: boolean;
    try {
      mine = await opts.claim(update.update_id);
    } catch (err) {
      opts.log.warn(
        { err, update: update.update_id },
        "could not record a webhook update; Telegram will retry",
      );
      return answer(res, 503);
    }
    answer(res, 200);
    if (!mine) return;
    const work = opts
      .handle(update)
      .catch((err) => opts.log.error({ err, update: update.update_id }, "webhook update handling failed"))
      .finally(() => inFlight.delete(work));
    inFlight.add(work);
  }

  return {
    serve,
    drain: async () => {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
  };
}

async function readUpdate(req: IncomingMessage): Promise<Update | null> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return null;
    parts.push(chunk);
  }
  try {
    const update = JSON.parse(Buffer.concat(parts).toString("utf8")) as Update;
    return Number.isSafeInteger(update?.update_id) ? update : null;
  } catch {
    return null;
  }
}
