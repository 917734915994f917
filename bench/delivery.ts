// Delivery benchmark: the sender against a Bot API fake in its own process that answers after 100 ms,
// allows 30 messages/s overall and 20/min per group, and answers 429 beyond (as Telegram does).
// (a) one story to 10,000 chats (500 groups); (b) a 30-story burst to 1,000 chats (50 groups);
// (c) a group with 5,000 pending alerts while 100 other chats get one each.
// BENCH_SCALE=0.1 runs every scenario at a tenth of its size (for iteration; the figures to report are 1).
import { fork } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Api } from "grammy";
import { LocalSendBudget, SendScheduler } from "../src/delivery/scheduler.js";
import { AlertSender } from "../src/delivery/sender.js";
import { createLogger } from "../src/log.js";
import { Store } from "../src/store/store.js";

const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const LATENCY_MS = 100;
const RATE = 30;

/** What the fake reports per successful send: chat, when (epoch ms), how many stories it carried. */
type Send = [chat: number, at: number, stories: number];
type Stats = { sends: Send[]; floods: number };

if (process.argv[2] === "serve") {
  const { BotApiServer } = await import("../test/support/bot-api-server.js");
  let server = await BotApiServer.start({
    latencyMs: LATENCY_MS,
    limits: { perSecond: RATE, perGroupPerMinute: 20 },
  });
  process.on("message", async (m: string) => {
    if (m === "stats") {
      // Successful sends are answered in the order they were recorded, so the two lists pair up.
      const ok = server.answered.filter((a) => a.status === 200);
      const sends: Send[] = ok.map((a, i) => [
        a.chat_id,
        a.at,
        server.sent[i]?.text.match(/href="/g)?.length ?? 0,
      ]);
      process.send?.({ sends, floods: server.floods } satisfies Stats);
    } else if (m === "reset") {
      await server.close();
      server = await BotApiServer.start({
        latencyMs: LATENCY_MS,
        limits: { perSecond: RATE, perGroupPerMinute: 20 },
      });
      process.send?.({ apiRoot: server.apiRoot, token: server.token });
    }
  });
  process.send?.({ apiRoot: server.apiRoot, token: server.token });
} else {
  const fake = fork(fileURLToPath(import.meta.url), ["serve"]);
  const ask = <T>(m?: string): Promise<T> =>
    new Promise((resolve) => {
      fake.once("message", (r) => resolve(r as T));
      if (m) fake.send(m);
    });
  let api = await ask<{ apiRoot: string; token: string }>();

  /** One scenario on a fresh database and a fresh fake; `done` says when to stop waiting. */
  async function scenario(
    queue: (store: Store) => Promise<void>,
    done: (store: Store, t0: number) => Promise<boolean>,
  ): Promise<{ stats: Stats; t0: number; peakMb: number; seconds: number }> {
    const dir = mkdtempSync(join(tmpdir(), "newsalert-bench-delivery-"));
    const store = await Store.open(join(dir, "bench.db"));
    await store.feeds.syncShared(["https://wire.example/rss"]);
    await queue(store);
    const scheduler = new SendScheduler({ budget: new LocalSendBudget(RATE) });
    const client = new Api(api.token, { apiRoot: api.apiRoot });
    client.config.use(scheduler.transformer({ interactive: false }));
    const sender = new AlertSender(client, store, {
      timeZone: "Europe/Moscow",
      log: createLogger("warn"),
      scheduler,
    });
    global.gc?.();
    let peak = process.memoryUsage().rss;
    const sample = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 100);
    const t0 = Date.now();
    sender.start();
    while (!(await done(store, t0))) await new Promise((r) => setTimeout(r, 200));
    const seconds = (Date.now() - t0) / 1000;
    clearInterval(sample);
    await sender.stop();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
    const stats = await ask<Stats>("stats");
    api = await ask("reset");
    return { stats, t0, peakMb: peak / 1e6, seconds };
  }

  let story = 0;
  async function fanOut(store: Store, chats: number[], stories: number, now = Date.now()) {
    const [feed] = await store.feeds.listDue(Number.MAX_SAFE_INTEGER);
    const items = await store.items.insertNew(
      feed!.id,
      Array.from({ length: stories }, () => {
        const k = ++story;
        return {
          key: `g:${k}`,
          link_key: null,
          title: `Банк России сохранил ключевую ставку: решение совета директоров № ${k}`,
          link: `https://wire.example/news/${k}`,
          summary: "",
          published_at: now,
        };
      }),
    );
    for (const c of chats)
      await store.chats.upsert({ id: c, type: c < 0 ? "supergroup" : "private", title: null });
    const alerts = chats.flatMap((chatId) =>
      items.map((i) => ({
        chatId,
        itemId: i.id,
        storyKey: i.key,
        matched: ["ставка"],
        subscriptionIds: [1],
      })),
    );
    await store.outbox.enqueue(alerts, now);
  }
  const chatsOf = (n: number, groups: number) => [
    ...Array.from({ length: groups }, (_, i) => -(1_000_000 + i)),
    ...Array.from({ length: n - groups }, (_, i) => i + 1),
  ];
  const pendingIs0 = async (store: Store) => (await store.outbox.counts()).pending === 0;

  // (a) one story, every chat matches.
  const nA = Math.round(10_000 * SCALE);
  const a = await scenario((s) => fanOut(s, chatsOf(nA, Math.round(500 * SCALE)), 1), pendingIs0);
  const spanA =
    (Math.max(...a.stats.sends.map((s) => s[1])) - Math.min(...a.stats.sends.map((s) => s[1]))) / 1000;
  const rateA = a.stats.sends.length / spanA;
  console.log(
    `(a) 1 story → ${nA} chats: ${a.stats.sends.length} messages, ${rateA.toFixed(1)} msg/s = ${((rateA / RATE) * 100).toFixed(1)} % of ${RATE}/s; ` +
      `429s ${a.stats.floods} (${((a.stats.floods / (a.stats.sends.length + a.stats.floods)) * 100).toFixed(2)} %); ` +
      `last chat had it after ${((Math.max(...a.stats.sends.map((s) => s[1])) - a.t0) / 1000).toFixed(0)} s; peak rss ${a.peakMb.toFixed(0)} MB`,
  );

  // (b) a 30-story burst.
  const nB = Math.round(1_000 * SCALE);
  const groupsB = chatsOf(nB, Math.round(50 * SCALE)).filter((c) => c < 0);
  const b = await scenario((s) => fanOut(s, chatsOf(nB, groupsB.length), 30), pendingIs0);
  const whole = new Map<number, { stories: number; at: number }>();
  for (const [chat, at, n] of b.stats.sends) {
    const w = whole.get(chat) ?? { stories: 0, at: 0 };
    whole.set(chat, { stories: w.stories + n, at: Math.max(w.at, at) });
  }
  const groupsWhole = Math.max(...groupsB.map((g) => (whole.get(g)?.at ?? Number.NaN) - b.t0)) / 1000;
  const allWhole = [...whole.values()].every((w) => w.stories === 30) && whole.size === nB;
  console.log(
    `(b) 30 stories → ${nB} chats (${groupsB.length} groups): ${(b.stats.sends.length / nB).toFixed(2)} messages per chat; ` +
      `every group whole after ${groupsWhole.toFixed(1)} s; every chat whole after ${b.seconds.toFixed(0)} s; all 30 everywhere: ${allWhole}; 429s ${b.stats.floods}`,
  );

  // (c) one group's backlog against 100 chats with one alert each.
  const others = Array.from({ length: 100 }, (_, i) => 5_000_000 + i);
  const c = await scenario(
    async (s) => {
      await fanOut(s, [-42], Math.round(5_000 * SCALE));
      for (const chat of others) await fanOut(s, [chat], 1);
    },
    async () => {
      const stats = await ask<Stats>("stats");
      return others.every((o) => stats.sends.some((s) => s[0] === o));
    },
  );
  const worst = Math.max(
    ...others.map((o) => (c.stats.sends.find((s) => s[0] === o)?.[1] ?? Number.NaN) - c.t0),
  );
  console.log(
    `(c) group with ${Math.round(5_000 * SCALE)} pending + 100 chats with one alert: others' worst latency ${(worst / 1000).toFixed(2)} s; ` +
      `backlog messages sent meanwhile ${c.stats.sends.filter((s) => s[0] === -42).length}`,
  );
  fake.kill();
}
