import { limit } from "@grammyjs/ratelimiter";
import { Bot } from "grammy";
import { monitorBotApi } from "../api-monitor.js";
import { SendScheduler } from "../delivery/scheduler.js";
import { i18n } from "../locale.js";
import { alertCallbacks } from "./alert-keyboard.js";
import { channelCommands } from "./commands/channel.js";
import { chatCommands } from "./commands/chat.js";
import { feedCommands } from "./commands/feeds.js";
import { listMenu } from "./commands/list-menu.js";
import { opmlCommands } from "./commands/opml.js";
import { paceCommands } from "./commands/pace.js";
import { startCommands } from "./commands/start.js";
import { statsCommands } from "./commands/stats.js";
import { subscriptionCommands, tryQueryCommands } from "./commands/subscriptions.js";
import { type BotContext, chatContext } from "./context.js";
import type { BotDeps } from "./deps.js";
import { publishCommandMenus } from "./menu.js";

/** Builds the grammY bot with every command group; it talks to `config.botApiRoot`. */
export function createBot(deps: BotDeps): Bot<BotContext> {
  const bot = new Bot<BotContext>(deps.config.botToken, {
    client: { apiRoot: deps.config.botApiRoot, timeoutSeconds: 60 },
  });
  // Installed first, so it sees every HTTP call (each retry and each 429) below the scheduler.
  monitorBotApi(bot.api);
  // Replies share the alerts' scheduler: one budget for everything the bot sends. A reply may go one
  // message ahead of its chat's budget and retries one short 429; it is never retried on 5xx or network
  // errors (that would block the update loop and start-up).
  bot.api.config.use((deps.scheduler ?? new SendScheduler()).transformer({ interactive: true }));

  bot.on("my_chat_member", async (ctx) => {
    const status = ctx.myChatMember.new_chat_member.status;
    const chat = ctx.chat;
    if (status === "left" || status === "kicked") {
      // Blocked in private, removed or banned from a group or channel: no sends and no new matches, but
      // the queue is kept for when the bot is back (ALERT_MAX_AGE still drops what waits too long).
      await deps.store.chats.setActive(chat.id, false);
    } else if (await deps.store.chats.get(chat.id)) {
      // Back in a chat it served before: alerts resume, first what was queued and is still young enough.
      // A chat it never served is registered by its first command instead, so that /start there is a new
      // chat's /start (DEFAULT_KEYWORDS).
      const title = "title" in chat ? (chat.title ?? null) : null;
      await deps.store.chats.upsert({ id: chat.id, type: chat.type, title });
    }
  });
  bot.on("message:migrate_to_chat_id", async (ctx) => {
    const to = ctx.message.migrate_to_chat_id;
    await deps.store.chats.migrateId(ctx.chat.id, to);
    await deps.router.moveChat(ctx.chat.id, to);
  });

  bot.use(i18n, chatContext(deps));
  const { limit: perWindow, windowMs } = deps.config.userRateLimit;
  bot.use(
    limit<BotContext, never>({
      timeFrame: windowMs,
      limit: perWindow,
      // Told once per window; further updates in it are dropped silently, so flooding gets no echo.
      onLimitExceeded: async (ctx) => {
        if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: ctx.t("rate-limited") });
        else if (ctx.chat?.type !== "channel") await ctx.reply(ctx.t("rate-limited"));
      },
      keyGenerator: (ctx) => (ctx.from && !ctx.myChatMember ? String(ctx.from.id) : undefined),
    }),
  );

  bot.use(
    startCommands(deps),
    subscriptionCommands(deps),
    listMenu(deps),
    paceCommands(deps),
    alertCallbacks(deps),
    channelCommands(deps),
    feedCommands(deps),
    opmlCommands(deps),
    chatCommands(deps),
    statsCommands(deps),
  );

  // A command nobody handled: answer in private chats, or when addressed to us by name in groups.
  bot.on("::bot_command", async (ctx) => {
    const text = ctx.msg?.text ?? "";
    const target = /^\/\w+@(\w+)/.exec(text)?.[1]?.toLowerCase();
    const addressed =
      target === undefined ? ctx.chat?.type === "private" : target === ctx.me.username.toLowerCase();
    if (addressed && text.startsWith("/")) await ctx.reply(ctx.t("unknown-command"));
  });
  // Last: in a private chat, any other text is a query to try.
  bot.use(tryQueryCommands(deps));

  bot.catch(async (err) => {
    deps.log.error({ err: err.error, update: err.ctx.update.update_id }, "update handling failed");
    try {
      const text = typeof err.ctx.t === "function" ? err.ctx.t("error") : "Что-то пошло не так.";
      if (err.ctx.callbackQuery) await err.ctx.answerCallbackQuery({ text });
      else await err.ctx.reply(text);
    } catch {
      // The chat may be unreachable; the log line above is what matters.
    }
  });
  return bot;
}

/** Publishes the command menus (per language and scope); a failure is logged, never fatal. */
export async function publishCommands(bot: Bot<BotContext>, deps: Pick<BotDeps, "log">): Promise<void> {
  await publishCommandMenus(bot.api, deps.log);
}
