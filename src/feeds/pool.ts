/**
 * Runs tasks with at most `limit` at once overall and `perKey` at once for any one key (a host),
 * so thousands of feeds never hit one server in a burst. Resolves when all have settled.
 */
export async function runLimited<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  work: (item: T) => Promise<void>,
  limit: number,
  perKey: number,
): Promise<void> {
  const waiting = [...items];
  const busy = new Map<string, number>();
  let running = 0;
  return new Promise((resolve) => {
    const next = () => {
      if (waiting.length === 0 && running === 0) return resolve();
      for (let i = 0; i < waiting.length && running < limit; ) {
        const item = waiting[i] as T;
        const key = keyOf(item);
        if ((busy.get(key) ?? 0) >= perKey) {
          i++;
          continue;
        }
        waiting.splice(i, 1);
        running++;
        busy.set(key, (busy.get(key) ?? 0) + 1);
        work(item)
          .catch(() => {})
          .finally(() => {
            running--;
            busy.set(key, (busy.get(key) ?? 1) - 1);
            next();
          });
      }
    };
    next();
  });
}

/** The host part of a URL, the key `runLimited` spreads load by; the text itself when it is no URL. */
export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
