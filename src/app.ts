import { Api, type Bot } from "grammy";
import { monitorBotApi, watchUnauthorized } from "./api-monitor.js";
import { alertKeyboardFor } from "./bot/alert-keyboard.js";
import { BackgroundTasks } from "./bot/background.js";
import { createBot, publishCommands } from "./bot/bot.js";
import { connectBot } from "./bot/connect.js";
import type { BotContext } from "./bot/context.js";
import { type ClusterRuntime, createClusterRuntime } from "./cluster/runtime.js";
import type { Config } from "./config.js";
import { AlertRouter } from "./delivery/router.js";
import { LocalSendBudget, SendScheduler } from "./delivery/scheduler.js";
import { AlertSender } from "./delivery/sender.js";
import { Poller } from "./feeds/poller.js";
import { type HealthServer, startHealthServer } from "./health.js";
import type { Logger } from "./log.js";
import { matchesQueued } from "./metrics.js";
import { Store } from "./store/store.js";
import { StoryTracker } from "./stories/tracker.js";

/** How long stories are remembered; far beyond the poller's news window, so a pruned one is never news again. */
const RETENTION_MS = 90 * 24 * 60 * 60_000;
/** How long shutdown waits for background feed checks before cutting them short. */
const TASKS_GRACE_MS = 5_000;

/** A running bot: every stage wired together, and the one way to stop it cleanly. */
export interface App {
  bot: Bot<BotContext>;
  store: Store;
  poller: Poller;
  sender: AlertSender;
  /** Paces everything the bot sends (alerts and replies). */
  scheduler: SendScheduler;
  health: HealthServer | null;
  /** This instance's role among several on one database, its updates and heartbeat. */
  cluster: ClusterRuntime;
  /** Resolves once this instance receives updates (as the leader) or serves webhooks; false if it never got that far. */
  online: Promise<boolean>;
  /**
   * Resolves with an exit code once the app has stopped itself for good (the Bot API refused the token,
   * leadership was lost); the process should exit with it (src/main.ts). Never resolves otherwise.
   */
  halted: Promise<number>;
  stop(): Promise<void>;
}

/** Options for tests: faster leader takeover. */
export interface AppOptions {
  electionRetryMs?: number;
}

/** Opens the store, builds every stage and starts them: bot updates, polling, delivery, health. */
export async function startApp(config: Config, log: Logger, opts: AppOptions = {}): Promise<App> {
  const store = await Store.open(config.databaseUrl);
  await store.feeds.syncShared(config.feeds);
  const router = new AlertRouter(store, log.child({ stage: "matching" }));
  await router.load();
  const stories = new StoryTracker(store, log.child({ stage: "stories" }));

  const tasks = new BackgroundTasks();
  const scheduler = new SendScheduler({ budget: new LocalSendBudget(config.sendRate) });
  const bot = createBot({ config, store, router, tasks, scheduler, log: log.child({ stage: "bot" }) });
  // Alerts go through the same scheduler as replies, on their own Api so a 429 is never waited out there.
  const alertApi = new Api(config.botToken, { apiRoot: config.botApiRoot, timeoutSeconds: 60 });
  monitorBotApi(alertApi);
  alertApi.config.use(scheduler.transformer({ interactive: false }));
  const sender = new AlertSender(alertApi, store, {
    scheduler,
    maxAgeMs: config.alertMaxAgeMs,
    timeZone: config.timeZone,
    log: log.child({ stage: "delivery" }),
    onChatMigrated: (from, to) => router.moveChat(from, to),
    keyboardFor: (chatId, subIds) => alertKeyboardFor(store, chatId, subIds),
  });
  const poller = new Poller(store, {
    cron: config.pollCron,
    log: log.child({ stage: "feeds" }),
    allowPrivateUrls: config.allowPrivateUrls,
    onNewItems: async (feed, items) => {
      const queued = await router.route(feed, await stories.assign(items));
      matchesQueued.inc(queued);
      if (queued > 0) sender.kick();
      return queued;
    },
    afterCycle: () => {
      cluster.pollCycleDone();
      sender.kick();
    },
    // Items stored but never grouped or matched (a crash, a database blip) are taken up every cycle.
    sweepUnrouted: async () => {
      await stories.recover();
      return router.sweep(500);
    },
  });

  // Stopping for good: one log line, a clean stop once start-up is complete (queued alerts stay in the
  // store), then the exit code for main. The first reason wins; later ones are not logged again.
  let exitWith: (code: number) => void = () => {};
  const halted = new Promise<number>((resolve) => {
    exitWith = resolve;
  });
  let startedUp: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    startedUp = resolve;
  });
  let halting = false;
  const halt = (logLine: () => void) => {
    if (halting) return;
    halting = true;
    logLine();
    void ready
      .then(() => stop())
      .catch((err) => log.error({ err }, "shutdown failed"))
      .finally(() => exitWith(1));
  };
  // A 401 on any call (getMe, getUpdates, a reply, an alert) means the token is wrong or revoked: every
  // call will get it, so retrying is pointless; the operator's supervisor sees the exit and alerts.
  const tokenRefused = (method: string) =>
    halt(() =>
      log.fatal(
        { method },
        "the Bot API answered 401 Unauthorized: BOT_TOKEN is wrong or was revoked in @BotFather; " +
          "stopping (queued alerts are kept; restart with a valid token)",
      ),
    );
  watchUnauthorized(bot.api, tokenRefused);
  watchUnauthorized(alertApi, tokenRefused);

  // Telegram may be unreachable at start: feeds are polled and alerts queued meanwhile, and delivery
  // and updates begin once the Bot API answers (retried with a log line each time).
  const connecting = new AbortController();
  const connected = connectBot(bot, { log, signal: connecting.signal }).then(
    async (ok) => {
      if (ok) await publishCommands(bot, { log });
      return ok;
    },
    (err) => {
      // A 401 is already reported above; any other refusal (404 for a malformed token) is just as final.
      halt(() => log.fatal({ err }, "the Bot API refused the bot (is BOT_TOKEN revoked?)"));
      return false;
    },
  );
  let wentOnline: (online: boolean) => void = () => {};
  const online = new Promise<boolean>((resolve) => {
    wentOnline = resolve;
  });

  // The pipeline runs on the leader only (SQLite: always), so each feed is fetched and each alert
  // sent once however many instances share the database.
  let pruning: NodeJS.Timeout | undefined;
  let leading = false;
  const pipeline = {
    start: async () => {
      leading = true;
      // The story window is built by the instance that groups; items a run left ungrouped or
      // unmatched are taken up by the poller's sweep at every cycle, so nothing is lost.
      await stories.load();
      // The only sender now: what a dead predecessor (or this process before a crash) had leased is ours.
      const released = await store.outbox.releaseAllLeases();
      if (released > 0) log.info({ alerts: released }, "alerts leased by a previous sender taken over");
      poller.start();
      void connected.then((ok) => ok && leading && sender.start());
      const prune = () =>
        store.items.prune(Date.now() - RETENTION_MS).then(
          (r) =>
            r.items > 0 &&
            log.info({ ...r, longestBatchMs: Math.round(r.longestBatchMs) }, "old items pruned"),
          (err) => log.warn({ err }, "pruning old items failed"),
        );
      void prune();
      pruning = setInterval(prune, 24 * 60 * 60_000).unref();
    },
    // Order matters: stop taking work, then let the message in flight be recorded.
    stop: async () => {
      leading = false;
      clearInterval(pruning);
      await poller.stop();
      await sender.stop();
    },
  };

  let stopping: Promise<void> | null = null;
  const stop = () => {
    stopping ??= (async () => {
      // Leader work first (updates, polling, delivery), then the feed checks the update handlers
      // started beside them, then what every instance runs, then the store.
      connecting.abort();
      await cluster.stop();
      await tasks.drain(TASKS_GRACE_MS);
      wentOnline(false);
      await health?.close();
      await store.close();
    })();
    return stopping;
  };
  let cluster: ClusterRuntime;
  try {
    cluster = await createClusterRuntime({
      config,
      store,
      bot,
      router,
      log,
      pipeline,
      connected,
      onOnline: () => wentOnline(true),
      retryMs: opts.electionRetryMs,
      onLost: () =>
        halt(() =>
          log.fatal("lost leadership while running; exiting so that a restart comes back as a standby"),
        ),
    });
  } catch (err) {
    await store.close();
    throw err;
  }

  const health =
    config.httpPort === null
      ? null
      : await startHealthServer(config.httpPort, store, log, {
          instance: cluster.health,
          webhook: cluster.webhook ?? undefined,
        });
  if (cluster.webhook && !health) {
    await stop();
    throw new Error(`webhook mode needs HTTP_PORT ${config.httpPort} free to serve webhook requests`);
  }
  await cluster.start();
  startedUp();
  return { bot, store, poller, sender, scheduler, health, cluster, online, halted, stop };
}
