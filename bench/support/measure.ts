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
