// Big-feed benchmark: one 25,000-item RSS document (~17 MiB), decoded and parsed on the main thread
// (as every poll did before) and in the parse worker pool (as now). Reports how long the event loop
// was blocked and how much memory the process and the main thread's heap grew.

import { parseBody } from "../src/feeds/parse/parse-body.js";
import { closeParseWorkers, parseOffThread } from "../src/feeds/parse/parse-pool.js";

const ITEMS = Number(process.env.BENCH_ITEMS ?? 25_000);
const MiB = 2 ** 20;

const items = Array.from(
  { length: ITEMS },
  (_, i) =>
    `<item><title>Литий новость ${i}</title><link>https://h.example/${i}</link><guid>g${i}</guid>` +
    `<pubDate>${new Date(Date.UTC(2026, 0, 1) + i * 60_000).toUTCString()}</pubDate>` +
    `<description>${"Текст новости про литий и никель. ".repeat(12)}</description></item>`,
).join("");
const body = Buffer.from(
  `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>T</title>${items}</channel></rss>`,
);

async function measure(label: string, parse: () => Promise<{ items: unknown[] }>): Promise<void> {
  global.gc?.();
  await new Promise((r) => setTimeout(r, 50));
  const rss0 = process.memoryUsage().rss;
  const heap0 = process.memoryUsage().heapUsed;
  let peakRss = rss0;
  let peakHeap = heap0;
  let maxGap = 0;
  let last = performance.now();
  // Ticks every 2 ms while the event loop is free; a gap between ticks is time it was blocked.
  const ticker = setInterval(() => {
    const now = performance.now();
    maxGap = Math.max(maxGap, now - last);
    last = now;
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  }, 2);
  const started = performance.now();
  const feed = await parse();
  const ms = performance.now() - started;
  maxGap = Math.max(maxGap, performance.now() - last);
  clearInterval(ticker);
  const m = process.memoryUsage();
  peakRss = Math.max(peakRss, m.rss);
  peakHeap = Math.max(peakHeap, m.heapUsed);
  console.log(
    `${label.padEnd(22)} ${feed.items.length} items kept in ${ms.toFixed(0)} ms; ` +
      `event loop blocked at most ${maxGap.toFixed(0)} ms; ` +
      `process RSS +${((peakRss - rss0) / MiB).toFixed(0)} MiB, main-thread heap +${((peakHeap - heap0) / MiB).toFixed(0)} MiB`,
  );
}

console.log(`${(body.length / MiB).toFixed(1)} MiB feed, ${ITEMS} items`);
// The machine's own noise: the same measure over an idle wait.
await measure("idle wait (noise)", () => new Promise((r) => setTimeout(() => r({ items: [] }), 2_000)));
// Warm the worker first so its start-up (once per process) is not billed to the parse.
await parseOffThread(
  Buffer.from('<rss version="2.0"><channel><title>w</title></channel></rss>'),
  null,
  "https://h.example/",
);
let bytes: Buffer = Buffer.from(body);
await measure("worker (now)", async () => {
  const parsed = await parseOffThread(bytes, "application/rss+xml", "https://h.example/rss");
  bytes = parsed.body;
  return parsed.feed;
});
await closeParseWorkers();
await measure("main thread (before)", () => parseBody(bytes, "application/rss+xml", "https://h.example/rss"));
