import type { Bot, Context } from "grammy";
import type { Logger } from "../log.js";

/** How `connectBot` waits between attempts. */
export interface ConnectOptions {
  log: Logger;
  signal: AbortSignal;
  firstDelayMs?: number;
  maxDelayMs?: number;
}

/**
 * Asks the Bot API who the bot is until it answers, waiting longer after each failure (doubling up
 * to a minute) and logging every one, so an unreachable Telegram at start is visible in the log and
 * holds up nothing else. grammY's own `bot.init()` would retry silently. Resolves true once the bot
 * knows itself (and `bot.start()` needs no further look-up), false when `signal` aborted first;
 * rejects on an answer that retrying cannot fix (e.g. 401 for a revoked token).
 */
export async function connectBot<C extends Context>(bot: Bot<C>, opts: ConnectOptions): Promise<boolean> {
  const maxDelay = opts.maxDelayMs ?? 60_000;
  let delay = opts.firstDelayMs ?? 1_000;
  for (let attempt = 1; !opts.signal.aborted; attempt++) {
    try {
      // grammY types its signal with a polyfill; the runtime accepts the built-in one.
      bot.botInfo = await bot.api.getMe(opts.signal as Parameters<typeof bot.api.getMe>[0]);
      if (attempt > 1) opts.log.info({ attempt }, "Telegram Bot API reachable again");
      return true;
    } catch (err) {
      if (opts.signal.aborted) break;
      if (!retryable(err)) throw err;
      opts.log.warn({ err, attempt, retryInMs: delay }, "Telegram Bot API unreachable; retrying");
    }
    await sleep(delay, opts.signal);
    delay = Math.min(maxDelay, delay * 2);
  }
  return false;
}

/** Network failures and server-side errors pass; a 4xx answer (bad token) will not change by waiting. */
function retryable(err: unknown): boolean {
  const code = (err as { error_code?: unknown }).error_code;
  return typeof code !== "number" || code >= 500 || code === 429;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
  });
}
