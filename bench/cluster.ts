// Cluster benchmark: polling and delivery with one and two bot processes on PostgreSQL, beside one on
// SQLite. Each instance is a real `dist/src/main.js` process; a minimal Bot API and the feeds run here,
// so every fetch and every sendMessage is counted where it arrives.
// PostgreSQL parts need BENCH_DATABASE_URL or TEST_DATABASE_URL (skipped with a note otherwise).
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Store } from "../src/store/store.js";

const FEEDS = Number(process.env.BENCH_FEEDS ?? 300);
const CHATS = Number(process.env.BENCH_CHATS ?? 300);
const WINDOW_MS = 10_000;
const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
const main = resolve(import.meta.dirname, "../src/main.js");

const listen = async (server: Server) => {
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return (server.address() as AddressInfo).port;
};

/** Feeds that answer 304 until bumped; a bumped feed carries one story every chat follows. */
const feedVersion = new Map<number, number>();
let fetches = 0;
const feedServer = createServer((req, res) => {
  fetches++;
  const id = Number(req.url?.split("/").pop());
  const v = feedVersion.get(id) ?? 0;
  const etag = `"${id}-${v}"`;
  if (req.headers["if-none-match"] === etag) return void res.writeHead(304).end();
  const items = Array.from({ length: v + 1 }, (_, n) =>
    n === 0
      ? `<item><title>Архив ${id}</title><link>https://w${id}.example/0</link></item>`
      : `<item><title>Литий: новость ${id}-${n}</title><link>https://w${id}.example/${n}</link><pubDate>${new Date().toUTCString()}</pubDate></item>`,
  );
  res
    .writeHead(200, { "content-type": "application/rss+xml", etag })
    .end(
      `<?xml version="1.0"?><rss version="2.0"><channel><title>F${id}</title>${items.join("")}</channel></rss>`,
    );
});

/** Just enough Bot API: every sendMessage is recorded with its time. */
const sends: Array<{ chat: number; at: number }> = [];
const apiServer = createServer(async (req: IncomingMessage, res: ServerResponse) => {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const method = (req.url ?? "").split("/").pop() ?? "";
  const body = chunks.length ? (JSON.parse(Buffer.concat(chunks).toString()) as Record<string, unknown>) : {};
  const ok = (result: unknown) =>
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ ok: true, result }));
  if (method === "getUpdates") return void setTimeout(() => ok([]), 1000);
  if (method === "getMe") return ok({ id: 1, is_bot: true, first_name: "Bench", username: "bench_bot" });
  if (method === "sendMessage") {
    sends.push({ chat: Number(body.chat_id), at: Date.now() });
    return ok({ message_id: sends.length, date: 0, chat: { id: body.chat_id, type: "private" } });
  }
  return ok(true);
});

async function freshDatabase(kind: "sqlite" | "postgres"): Promise<{ url: string; drop(): Promise<void> }> {
  // The same fresh-database helper the store tests use (a SQLite file, or a PostgreSQL schema).
  if (pgUrl) process.env.TEST_DATABASE_URL = pgUrl;
  const { testDatabases } = await import("../test/store/databases.js");
  const entry = testDatabases.find((d) => d.db.name === kind);
  if (!entry) throw new Error(`no ${kind} test database`);
  return entry.db.create();
}

const until = async (cond: () => boolean, ms: number) => {
  const end = Date.now() + ms;
  while (!cond() && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
  return cond();
};

async function scenario(label: string, kind: "sqlite" | "postgres", instances: number, ports: number[]) {
  const db = await freshDatabase(kind);
  const feedUrls = Array.from({ length: FEEDS }, (_, i) => `http://127.0.0.1:${ports[0]}/f/${i}`);
  const store = await Store.open(db.url);
  for (let c = 1; c <= CHATS; c++) {
    await store.chats.upsert({ id: c, type: "private", title: null });
    await store.subscriptions.add(c, "литий");
  }
  await store.close();
  feedVersion.clear();
  fetches = 0;
  sends.length = 0;
  const dir = mkdtempSync(join(tmpdir(), "newsalert-bench-run-"));
  const env = {
    PATH: process.env.PATH ?? "",
    BOT_TOKEN: "1:BENCH",
    BOT_API_ROOT: `http://127.0.0.1:${ports[1]}`,
    DATABASE_URL: db.url,
    FEEDS: feedUrls.join(","),
    POLL_CRON: "* * * * * *",
    HTTP_PORT: "off",
    LOG_LEVEL: "warn",
  };
  const t0 = Date.now();
  const procs: ChildProcess[] = Array.from({ length: instances }, () =>
    spawn(process.execPath, ["--max-semi-space-size=4", main], { cwd: dir, env, stdio: "ignore" }),
  );
  // First poll: every feed fetched once (its backlog recorded).
  await until(() => fetches >= FEEDS, 60_000);
  const firstCycleS = (Date.now() - t0) / 1000;
  await new Promise((r) => setTimeout(r, 1500));
  const before = fetches;
  await new Promise((r) => setTimeout(r, WINDOW_MS));
  const perSecond = (fetches - before) / (WINDOW_MS / 1000);

  // Delivery: one feed publishes a story every chat follows.
  feedVersion.set(0, 1);
  const published = Date.now();
  await until(() => new Set(sends.map((s) => s.chat)).size >= CHATS, 120_000);
  await new Promise((r) => setTimeout(r, 1500)); // a second sender would have doubled them by now
  const first = sends[0]?.at ?? published;
  const last = sends[sends.length - 1]?.at ?? published;
  const distinct = new Set(sends.map((s) => s.chat)).size;
  for (const p of procs) p.kill("SIGTERM");
  await Promise.all(
    procs.map((p) => new Promise((r) => (p.exitCode !== null ? r(null) : p.once("exit", r)))),
  );
  await db.drop();
  rmSync(dir, { recursive: true, force: true });
  console.log(
    `${label.padEnd(26)} start→all ${FEEDS} feeds fetched ${firstCycleS.toFixed(1).padStart(5)} s   ` +
      `fetches/s at 1 tick/s ${perSecond.toFixed(0).padStart(4)} (feeds×1 = ${FEEDS})   ` +
      `${CHATS} alerts: ${sends.length} messages to ${distinct} chats in ${((last - first) / 1000).toFixed(1)} s ` +
      `(${(sends.length / Math.max(0.001, (last - first) / 1000)).toFixed(1)} msg/s), publication→last ${((last - published) / 1000).toFixed(1)} s`,
  );
}

const feedPort = await listen(feedServer);
const apiPort = await listen(apiServer);
console.log(`cluster: ${FEEDS} feeds on loopback (304 unless changed), ${CHATS} chats following one word`);
await scenario("SQLite, 1 instance", "sqlite", 1, [feedPort, apiPort]);
if (pgUrl) {
  await scenario("PostgreSQL, 1 instance", "postgres", 1, [feedPort, apiPort]);
  await scenario("PostgreSQL, 2 instances", "postgres", 2, [feedPort, apiPort]);
} else {
  console.log("PostgreSQL parts skipped: set BENCH_DATABASE_URL or TEST_DATABASE_URL to run them");
}
feedServer.close();
apiServer.close();
