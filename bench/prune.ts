// Prune benchmark: 10,000 stories alerted to 10 chats each (100,000 outbox rows), of which 5,000 are
// past retention; prunes them (cascading 50,000 outbox rows) on SQLite, and on PostgreSQL when
// BENCH_DATABASE_URL or TEST_DATABASE_URL names one. Prints the total time, the batches, the longest
// batch and the longest the event loop was held up meanwhile (what a chat or SIGTERM would wait).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import pg from "pg";
import { Store } from "../src/store/store.js";

const ITEMS = 10_000;
const CHATS_PER_ITEM = 10;
const CHATS = 50;
const DAY = 86_400_000;
const RETENTION = 90 * DAY;

async function seed(store: Store, now: number): Promise<void> {
  await store.feeds.syncShared(["https://wire.example/rss"]);
  const [feed] = await store.feeds.listForChat(0);
  if (!feed) throw new Error("no feed");
  for (let c = 1; c <= CHATS; c++) await store.chats.upsert({ id: c, type: "private", title: null });
  for (let i = 0; i < ITEMS; i += 500) {
    // The first half is 120 days old (due), the second half fresh (kept).
    const at = i < ITEMS / 2 ? now - 120 * DAY : now;
    const rows = Array.from({ length: 500 }, (_, k) => ({
      key: `g:${i + k}`,
      link_key: null,
      title: "t",
      link: null,
      summary: "",
      published_at: at,
    }));
    const items = await store.items.insertNew(feed.id, rows, { now: at });
    await store.outbox.enqueue(
      items.flatMap((item, n) =>
        Array.from({ length: CHATS_PER_ITEM }, (_, k) => ({
          chatId: ((n + k) % CHATS) + 1,
          itemId: item.id,
          storyKey: `s${item.id}`,
          matched: [],
        })),
      ),
    );
  }
}

async function run(label: string, url: string): Promise<void> {
  const store = await Store.open(url);
  try {
    const now = Date.now();
    await seed(store, now);
    const delay = monitorEventLoopDelay({ resolution: 1 });
    delay.enable();
    const t = performance.now();
    const r = await store.items.prune(now - RETENTION);
    const total = performance.now() - t;
    delay.disable();
    const left = await store.outbox.counts();
    console.log(
      `${label.padEnd(10)} pruned ${r.items} items (outbox ${ITEMS * CHATS_PER_ITEM} → ${left.pending}) in ${(total / 1000).toFixed(2)} s   ${r.batches} batches, longest ${r.longestBatchMs.toFixed(1)} ms   event loop held up at most ${(delay.max / 1e6).toFixed(1)} ms`,
    );
  } finally {
    await store.close();
  }
}

/** A throwaway schema on the PostgreSQL server, dropped afterwards. */
async function withPgSchema(base: string, use: (url: string) => Promise<void>): Promise<void> {
  const schema = `bench_prune_${process.pid}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  try {
    const url = new URL(base);
    url.searchParams.set("options", `-c search_path=${schema}`);
    await use(url.toString());
  } finally {
    await admin.query(`drop schema ${schema} cascade`);
    await admin.end();
  }
}

console.log(
  `prune: ${ITEMS} stories × ${CHATS_PER_ITEM} alerts, half past the ${RETENTION / DAY}-day retention`,
);
const dir = mkdtempSync(join(tmpdir(), "newsalert-prune-"));
try {
  await run("SQLite", join(dir, "bench.db"));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (pgUrl) await withPgSchema(pgUrl, (url) => run("PostgreSQL", url));
else console.log("PostgreSQL skipped: set BENCH_DATABASE_URL (or TEST_DATABASE_URL) to run it");
