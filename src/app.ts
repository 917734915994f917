import { Api, type Bot } from "grammy";
import { createBot, publishCommands } from "./bot/bot.js";
import type { Config } from "./config.js";
import { AlertRouter } from "./delivery/router.js";
import { LocalSendBudget, SendScheduler } from "./delivery/scheduler.js";
import { AlertSender } from "./delivery/sender.js";
import { Poller } from "./feeds/poller.js";
import { type HealthServer, startHealthServer } from "./health.js";
import type { Logger } from "./log.js";
import { Store } from "./store/store.js";

/** How long stories are remembered; far beyond the poller's news window, so a pruned one is never news again. */
const RETENTION_MS = 90 * 24 * 60 * 60_000;

/** A running bot: every stage wired together, and the one way to stop it cleanly. */
export interface App {
  bot: Bot;
  store: Store;
  poller: Poller;
  sender: AlertSender;
  /** Paces everything the bot sends (alerts and replies). */
  scheduler: SendScheduler;
  health: HealthServer | null;
  stop(): Promise<void>;
}

/** Opens the store, builds every stage and starts them: bot updates, polling, delivery, health. */
export async function startApp(config: Config, log: Logger): Promise<App> {
  const store = await Store.open(config.databaseUrl);
  await store.feeds.syncShared(config.feeds);
  const router = new AlertRouter(store, log.child({ stage: "matching" }));
  await router.load();

  const scheduler = new SendScheduler({ budget: new LocalSendBudget(config.sendRate) });
  const bot = createBot({ config, store, router, scheduler, log: log.child({ stage: "bot" }) });
  // Alerts go through the same scheduler as replies, on their own Api so a 429 is never waited out there.
  const alertApi = new Api(config.botToken, { apiRoot: config.botApiRoot, timeoutSeconds: 60 });
  alertApi.config.use(scheduler.transformer({ interactive: false }));
  const sender = new AlertSender(alertApi, store, {
    scheduler,
    maxAgeMs: config.alertMaxAgeMs,
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
  await bot.init();
  await publishCommands(bot, { log });
  const health = config.httpPort === null ? null : await startHealthServer(config.httpPort, store, log);

  sender.start();
  poller.start();
  const prune = () =>
    store.items.prune(Date.now() - RETENTION_MS).then(
      (n) => n > 0 && log.info({ items: n }, "old items pruned"),
      (err) => log.warn({ err }, "pruning old items failed"),
    );
  void prune();
  const pruning = setInterval(prune, 24 * 60 * 60_000).unref();
  const polling = bot.start({
    allowed_updates: ["message", "channel_post", "callback_query", "my_chat_member"],
    onStart: (me) => log.info({ bot: me.username }, "bot started"),
  });
  polling.catch((err) => log.fatal({ err }, "receiving updates failed"));

  let stopping: Promise<void> | null = null;
  const stop = () => {
    stopping ??= (async () => {
      // Order matters: stop taking work, let in-flight work settle, then close the store it writes to.
      clearInterval(pruning);
      await Promise.allSettled([bot.stop(), poller.stop()]);
      await sender.stop();
      await health?.close();
      await store.close();
    })();
    return stopping;
  };
  return { bot, store, poller, sender, scheduler, health, stop };
}
