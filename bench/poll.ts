// Poll benchmark: 5,000 feeds of 50 items on local servers; first cycle and steady state (mostly 304).
// The feed servers run in a child process so the figures are the poller's own.
import { fork } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Poller } from "../src/feeds/poller.js";
import { createLogger } from "../src/log.js";
import { Store } from "../src/store/store.js";

const FEEDS = Number(process.env.BENCH_FEEDS ?? 5000);
const HOSTS = 50;
const CHANGED_PER_CYCLE = 0.05;

if (process.argv[2] === "serve") {
  const { createServer } = await import("node:http");
  const port = Number(process.argv[3]);
  const version = new Map<number, number>();
  // Stories dated around now: older ones would be history, which the poller stores but does not hand on.
  const started = Date.now() - 3_600_000;
  const doc = (id: number, v: number) => {
    const items = Array.from({ length: 50 }, (_, i) => {
      const n = v * 50 + i;
      return `<item><title>Новость ${id}-${n}: литий, никель и РЗМ на бирже</title><link>https://wire${id}.example/${n}</link><guid>${id}-${n}</guid><description>Краткое содержание новости номер ${n} о рынке металлов.</description><pubDate>${new Date(started + n * 60_000).toUTCString()}</pubDate></item>`;
    });
    return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Feed ${id}</title><link>https://wire${id}.example/</link>${items.join("")}</channel></rss>`;
  };
  const handler = (req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse) => {
    const id = Number(req.url?.slice(6));
    const v = version.get(id) ?? 0;
    const etag = `"${id}-${v}"`;
    if (req.headers["if-none-match"] === etag) return res.writeHead(304).end();
    res.writeHead(200, { "content-type": "application/rss+xml; charset=utf-8", etag }).end(doc(id, v));
  };
  for (let h = 1; h <= HOSTS; h++) createServer(handler).listen(port, `127.0.0.${h}`);
  process.on("message", (m: { bump: number[] }) => {
    for (const id of m.bump) version.set(id, (version.get(id) ?? 0) + 1);
    process.send?.("bumped");
  });
  process.send?.("ready");
} else {
  const port = 20000 + Math.floor(Math.random() * 20000);
  const server = fork(fileURLToPath(import.meta.url), ["serve", String(port)]);
  await new Promise((r) => server.once("message", r));
  const dir = mkdtempSync(join(tmpdir(), "newsalert-bench-"));
  const store = await Store.open(join(dir, "bench.db"));
  const urls = Array.from({ length: FEEDS }, (_, i) => `http://127.0.0.${(i % HOSTS) + 1}:${port}/feed/${i}`);
  await store.feeds.syncShared(urls);
  let handed = 0;
  const poller = new Poller(store, {
    cron: "0 0 1 1 *",
    log: createLogger("warn"),
    allowPrivateUrls: false,
    ...(process.env.BENCH_CONCURRENCY ? { concurrency: Number(process.env.BENCH_CONCURRENCY) } : {}),
    onNewItems: async (_feed, items) => {
      handed += items.length;
    },
  });
  const cycle = async (label: string) => {
    // Feeds without Cache-Control are due again at once, as at the next tick.
    let peak = 0;
    const sample = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 20);
    const t = performance.now();
    await poller.pollOnce();
    const ms = performance.now() - t;
    clearInterval(sample);
    const failing = (await store.feeds.listForChat(0)).filter((f) => f.consecutive_failures > 0).length;
    console.log(
      `${label.padEnd(22)} ${(ms / 1000).toFixed(2).padStart(6)} s   peak rss in cycle ${(peak / 1e6).toFixed(0).padStart(4)} MB   process peak ${((process.resourceUsage().maxRSS * 1024) / 1e6).toFixed(0).padStart(4)} MB   failing ${failing}   new items handed on ${handed}`,
    );
    handed = 0;
  };
  console.log(
    `poll: ${FEEDS} feeds × 50 items on ${HOSTS} loopback hosts; rss before polling ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`,
  );
  await cycle("first cycle");
  for (let i = 1; i <= 3; i++) {
    const bump = Array.from({ length: Math.round(FEEDS * CHANGED_PER_CYCLE) }, () =>
      Math.floor(Math.random() * FEEDS),
    );
    server.send({ bump });
    await new Promise((r) => server.once("message", r));
    await cycle(`steady cycle ${i} (${bump.length} changed)`);
  }
  await poller.stop();
  await store.close();
  server.kill();
  rmSync(dir, { recursive: true, force: true });
}
