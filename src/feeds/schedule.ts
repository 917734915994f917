/** Longest a feed's own Cache-Control may push its next check out: freshness matters more. */
export const MAX_CACHE_DELAY_MS = 15 * 60_000;
/** Longest a failing feed waits between tries: it is never given up on silently. */
export const MAX_BACKOFF_MS = 6 * 60 * 60_000;

/** When to check a feed again after a good fetch: at the next tick, unless it asked to be left alone. */
export function nextCheckAfterSuccess(now: number, maxAgeSeconds: number | null): number {
  if (!maxAgeSeconds || maxAgeSeconds <= 0) return now;
  return now + Math.min(maxAgeSeconds * 1000, MAX_CACHE_DELAY_MS);
}

/**
 * When to try a failing feed again: exponential from one minute, capped, with ±20 % jitter so many
 * feeds failing together (a host going down) do not come back in one burst. A Retry-After wins.
 */
export function nextCheckAfterFailure(
  now: number,
  failures: number,
  retryAfterSeconds: number | null = null,
  random: () => number = Math.random,
): number {
  if (retryAfterSeconds !== null && retryAfterSeconds > 0) {
    return now + Math.min(retryAfterSeconds * 1000, MAX_BACKOFF_MS);
  }
  const base = Math.min(MAX_BACKOFF_MS, 60_000 * 2 ** Math.max(0, failures - 1));
  return now + Math.round(base * (0.8 + 0.4 * random()));
}
