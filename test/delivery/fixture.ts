import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Api } from "grammy";
import { LocalSendBudget, type SchedulerOptions, SendScheduler } from "../../src/delivery/scheduler.js";
import { AlertSender, type SenderOptions } from "../../src/delivery/sender.js";
import { createLogger } from "../../src/log.js";
import { Store } from "../../src/store/store.js";
import { BotApiServer, type FakeLimits } from "../support/bot-api-server.js";

/** A sender wired as in the app (its own Api paced by the scheduler) over a real SQLite file and the Bot API fake. */
export interface DeliveryFixture {
  store: Store;
  server: BotApiServer;
  scheduler: SendScheduler;
  sender: AlertSender;
  /** The clock both the sender and the scheduler read; tests move it. */
  clock: { now: number };
  /** Queues `n` stories for a chat (registering it); returns their outbox ids. */
  queue(chatId: number, n?: number, opts?: { subscriptionIds?: number[] }): Promise<number[]>;
  /** Alert messages the fake accepted for a chat, in order. */
  alertsTo(chatId: number): string[];
  close(): Promise<void>;
}

/** Options for `deliveryFixture`. */
export interface FixtureOptions {
  /** Real time (Date.now) instead of a fake clock a minute ahead. */
  realClock?: boolean;
  limits?: FakeLimits;
  latencyMs?: number;
  sendRate?: number;
  scheduler?: SchedulerOptions;
  sender?: Partial<SenderOptions>;
}

let stories = 0;

/** Builds a DeliveryFixture; without `sendRate` the overall budget is practically unlimited. */
export async function deliveryFixture(opts: FixtureOptions = {}): Promise<DeliveryFixture> {
  const dir = mkdtempSync(join(tmpdir(), "newsalert-delivery-"));
  const store = await Store.open(join(dir, "db.sqlite"));
  const server = await BotApiServer.start({ latencyMs: opts.latencyMs, limits: opts.limits });
  // A minute ahead of the wall clock by default, so everything queued during the test is already due.
  const clock = { now: Date.now() + 60_000 };
  const now = opts.realClock ? Date.now : () => clock.now;
  // Without a rate the overall budget never says wait (a frozen fake clock would otherwise stall it).
  const unlimited = { take: () => 0, pause: () => {} };
  const scheduler = new SendScheduler({
    budget: opts.sendRate ? new LocalSendBudget(opts.sendRate) : unlimited,
    now,
    ...opts.scheduler,
  });
  const api = new Api(server.token, { apiRoot: server.apiRoot });
  api.config.use(scheduler.transformer({ interactive: false }));
  const sender = new AlertSender(api, store, {
    timeZone: "UTC",
    log: createLogger("silent"),
    scheduler,
    now,
    ...opts.sender,
  });
  await store.feeds.syncShared(["https://wire.example/rss"]);
  const [feed] = await store.feeds.listDue(Number.MAX_SAFE_INTEGER);
  return {
    store,
    server,
    scheduler,
    sender,
    clock,
    async queue(chatId, n = 1, q = {}) {
      await store.chats.upsert({ id: chatId, type: chatId > 0 ? "private" : "supergroup", title: null });
      const items = await store.items.insertNew(
        feed!.id,
        Array.from({ length: n }, () => {
          const k = ++stories;
          return {
            key: `g:${k}`,
            link_key: null,
            title: `Литий: история ${k}`,
            link: `https://wire.example/${k}`,
            summary: "",
            published_at: 0,
          };
        }),
      );
      const alerts = items.map((i) => ({
        chatId,
        itemId: i.id,
        storyKey: i.key,
        matched: ["литий"],
        subscriptionIds: q.subscriptionIds,
      }));
      await store.outbox.enqueue(alerts, now());
      const due = await store.outbox.due(Number.MAX_SAFE_INTEGER, 100_000);
      return due.filter((a) => a.chatId === chatId).map((a) => a.id);
    },
    alertsTo(chatId) {
      return server.sent.filter((m) => m.chat_id === chatId && m.method === "sendMessage").map((m) => m.text);
    },
    async close() {
      await sender.stop();
      await store.close();
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** How many story links a set of alert messages carries. */
export function storiesIn(texts: readonly string[]): number {
  return texts.reduce((n, t) => n + (t.match(/href="/g)?.length ?? 0), 0);
}
