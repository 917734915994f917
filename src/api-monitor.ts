import { type Api, GrammyError } from "grammy";
import { botApiSeconds, telegramTooManyRequests } from "./metrics.js";

/** What this process last learned about the Bot API from its own calls. */
export interface BotApiStatus {
  /** When a call last got an answer from the Bot API (any answer, errors included); 0 = never. */
  lastAnswerAt: number;
  /** When a call last failed to get any answer (network, timeout); 0 = never. */
  lastFailureAt: number;
}

/** Whether the Bot API answered the latest call that completed; null before any call. */
export function botApiReachable(s: BotApiStatus): boolean | null {
  if (s.lastAnswerAt === 0 && s.lastFailureAt === 0) return null;
  return s.lastAnswerAt >= s.lastFailureAt;
}

const watched = new WeakMap<Api, BotApiStatus>();

/** The status monitorBotApi keeps for this Api (never-called status when it is not monitored). */
export function botApiStatus(api: Api): BotApiStatus {
  return watched.get(api) ?? { lastAnswerAt: 0, lastFailureAt: 0 };
}

/**
 * Watches every Bot API call of `api` (install it first, below retries, so each HTTP call is seen):
 * counts 429s, times sends, and records whether the Bot API answers, for /healthz.
 */
export function monitorBotApi(api: Api, now: () => number = Date.now): BotApiStatus {
  const status: BotApiStatus = { lastAnswerAt: 0, lastFailureAt: 0 };
  watched.set(api, status);
  api.config.use(async (prev, method, payload, signal) => {
    const started = now();
    try {
      const result = await prev(method, payload, signal);
      status.lastAnswerAt = now();
      if (!result.ok && result.error_code === 429) telegramTooManyRequests.inc({ method });
      if (method !== "getUpdates") botApiSeconds.observe({ method }, (now() - started) / 1000);
      return result;
    } catch (err) {
      // A long poll cancelled at shutdown is not the Bot API's fault.
      if (!signal?.aborted) status.lastFailureAt = now();
      throw err;
    }
  });
  return status;
}

/** Whether an error is the Bot API's 401 Unauthorized: the token is wrong or was revoked in @BotFather. */
export function isUnauthorized(err: unknown): boolean {
  return err instanceof GrammyError && err.error_code === 401;
}

/**
 * Tells `onUnauthorized` (with the method) of every 401 Unauthorized answer to a call of `api`. Unlike a
 * 403 for one chat, a 401 holds for every call the bot makes and no retry fixes it, so the app stops on it.
 */
export function watchUnauthorized(api: Api, onUnauthorized: (method: string) => void): void {
  api.config.use(async (prev, method, payload, signal) => {
    const result = await prev(method, payload, signal);
    if (!result.ok && result.error_code === 401) onUnauthorized(method);
    return result;
  });
}
