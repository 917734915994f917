import type { Bot } from "grammy";
import { BackgroundTasks } from "./bot/background.js";
import { createBot, publishCommands } from "./bot/bot.js";
import { connectBot } from "./bot/connect.js";
import type { Config } from "./config.js";
import { AlertRouter } from "./delivery/router.js";
import { AlertSender } from "./delivery/sender.js";
import { Poller } from "./feeds/poller.js";
import { type HealthServer, startHealthServer } from "./health.js";
import type { Logger } from "./log.js";
import { Store } from "./store/store.js";

/** How long stories are remembered; far beyond the poller's news window, so a pruned one is never news again. */
const RETENTION_MS = 90 * 24 * 60 * 60_000;
/** How long shutdown waits for background feed checks before cutting them short. */
const TASKS_GRACE_MS = 5_000;

/** A running bot: every stage wired together, and the one way to stop it cleanly. */
export interface App {
  bot: Bot;
  store: Store;
  poller: Poller;
  sender: AlertSender;
  health: HealthServer | null;
  /** Resolves once the bot receives updates and delivers alerts; false if it never got that far. */
  online: Promise<boolean>;
  stop(): Promise<void>;
}

/** Opens the store, builds every stage and starts them: bot updates, polling, delivery, health. */
export async function startApp(config: Config, log: Logger): Promise<App> {
  const store = await Store.open(config.databaseUrl);
  await store.feeds.syncShared(config.feeds);
  const router = new AlertRouter(store, log.child({ stage: "matching" }));
  await router.load();

  const tasks = new BackgroundTasks();
  const bot = createBot({ config, store, router, tasks, log: log.child({ stage: "bot" }) });
  const sender = new AlertSender(bot.api, store, {
    timeZone: config.timeZone,
    log: log.child({ stage: "delivery" }),
    onChatMigrated: (from, to) => router.moveChat(from, to),
  });
  const poller = new Poller(store, {
    cron: config.pollCron,
    log: log.child({ stage: "feeds" }),
    allowPrivateUrls: config.allowPrivateUrls,
    onNewItems: async (feed, items) => {
      if ((await router.route(feed, items)) > 0) sender.kick();
    },
    afterCycle: () => sender.kick(),
  });

  // Items stored by a run that died before matching them are matched now, so nothing is lost.
  await router.recover();
  const health = config.httpPort === null ? null : await startHealthServer(config.httpPort, store, log);

  poller.start();
  const prune = () =>
    store.items.prune(Date.now() - RETENTION_MS).then(
      (n) => n > 0 && log.info({ items: n }, "old items pruned"),
      (err) => log.warn({ err }, "pruning old items failed"),
    );
  void prune();
  const pruning = setInterval(prune, 24 * 60 * 60_000).unref();
  // Telegram may be unreachable at start: feeds are polled and alerts queued meanwhile, and delivery
  // and updates begin once the Bot API answers.
  const connecting = new AbortController();
  let wentOnline: (online: boolean) => void = () => {};
  const online = new Promise<boolean>((resolve) => {
    wentOnline = resolve;
  });
  const polling = connectBot(bot, { log, signal: connecting.signal })
    .then(async (connected) => {
      if (connected) await publishCommands(bot, { log });
      if (!connected || connecting.signal.aborted) return;
      sender.start();
      await bot.start({
        allowed_updates: ["message", "channel_post", "callback_query", "my_chat_member"],
        onStart: (me) => {
          log.info({ bot: me.username }, "bot started");
          wentOnline(true);
        },
      });
    })
    .catch((err) => log.fatal({ err }, "receiving updates failed"))
    .finally(() => wentOnline(false));

  let stopping: Promise<void> | null = null;
  const stop = () => {
    stopping ??= (async () => {
      // Order matters: stop taking work, let in-flight work settle, then close the store it writes to.
      clearInterval(pruning);
      connecting.abort();
      await Promise.allSettled([bot.stop(), poller.stop()]);
      // The update loop ends after the update in hand; then the feed checks it started beside it.
      await polling;
      await tasks.drain(TASKS_GRACE_MS);
      await sender.stop();
      await health?.close();
      await store.close();
    })();
    return stopping;
  };
  return { bot, store, poller, sender, health, online, stop };
}
