/** What every benchmark measures with: heap after a full collection, GC time, and number formatting. */
import { PerformanceObserver } from "node:perf_hooks";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

/** Heap in use after two full collections, in MB. */
export function heapMB(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 1e6;
}

/** A number with thousands separators and a fixed count of decimals. */
export const fmt = (n: number, digits = 0) =>
  n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });

let gcTotalMs = 0;
let gcObserver: PerformanceObserver | null = null;

/**
 * Milliseconds spent in garbage collection since the process first asked (entries arrive between event-loop
 * turns: await a timer before reading).
 */
export function gcMs(): number {
  if (gcObserver === null) {
    gcObserver = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) gcTotalMs += entry.duration;
    });
    gcObserver.observe({ entryTypes: ["gc"] });
  }
  return gcTotalMs;
}

/** Resolves after the pending event-loop work (GC entries included) has run. */
export const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

// A random cycle over 16 Mi cells (64 MB, past any cache): each read's index is the previous read's value.
let chase: Int32Array | null = null;

/**
 * This machine's memory latency now: nanoseconds per dependent random read over 64 MB. On a shared VM it
 * swings by half from minute to minute, and a benchmark of random look-ups follows it: printed beside such
 * figures so that two runs can be told apart from two builds.
 */
export function memoryLatencyNs(reads = 400_000): number {
  if (chase === null) {
    const size = 1 << 24;
    const order = new Int32Array(size);
    for (let i = 0; i < size; i++) order[i] = i;
    // A fixed-seed shuffle into one cycle (Sattolo), so every run walks the same path.
    let seed = 12345;
    for (let i = size - 1; i > 0; i--) {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      const j = seed % i;
      const t = order[i] as number;
      order[i] = order[j] as number;
      order[j] = t;
    }
    chase = new Int32Array(size);
    for (let i = 0; i < size; i++) chase[order[i] as number] = order[(i + 1) % size] as number;
  }
  const cells = chase;
  let at = 0;
  const start = performance.now();
  for (let i = 0; i < reads; i++) at = cells[at] as number;
  const ns = ((performance.now() - start) * 1e6) / reads;
  // `at` is used, so the loop is not optimised away.
  return at < 0 ? -1 : ns;
}
