import { Bot, type Context } from "grammy";
import type { BotCommand } from "grammy/types";
import { SendScheduler } from "../delivery/scheduler.js";
import { chatCommands } from "./commands/chat.js";
import { feedCommands } from "./commands/feeds.js";
import { opmlCommands } from "./commands/opml.js";
import { startCommands } from "./commands/start.js";
import { subscriptionCommands } from "./commands/subscriptions.js";
import type { BotDeps } from "./deps.js";
import { ru } from "./i18n.js";

/** The command menu Telegram shows; names match SPEC. */
export const COMMANDS: BotCommand[] = [
  { command: "subscribe", description: "Подписаться на тему: /subscribe литий" },
  { command: "unsubscribe", description: "Отписаться" },
  { command: "list", description: "Мои подписки" },
  { command: "feeds", description: "Источники и их состояние" },
  { command: "addfeed", description: "Добавить свою ленту" },
  { command: "removefeed", description: "Удалить свою ленту" },
  { command: "export", description: "Выгрузить источники в OPML" },
  { command: "pause", description: "Приостановить уведомления" },
  { command: "resume", description: "Возобновить уведомления" },
  { command: "status", description: "Настройки и состояние" },
  { command: "help", description: "Синтаксис запросов и команды" },
];

/** Builds the grammY bot with every command group; it talks to `config.botApiRoot`. */
export function createBot(deps: BotDeps): Bot {
  const bot = new Bot(deps.config.botToken, {
    client: { apiRoot: deps.config.botApiRoot, timeoutSeconds: 60 },
  });
  // Replies share the alerts' scheduler: one budget for everything the bot sends. A reply may go one
  // message ahead of its chat's budget and retries one short 429; it is never retried on 5xx or network
  // errors (that would block the update loop and start-up).
  bot.api.config.use((deps.scheduler ?? new SendScheduler()).transformer({ interactive: true }));

  bot.on("my_chat_member", async (ctx) => {
    const status = ctx.myChatMember.new_chat_member.status;
    const chat = ctx.chat;
    if (status === "left" || status === "kicked") {
      await deps.store.chats.setActive(chat.id, false);
      await deps.store.outbox.dropPending(chat.id, `bot ${status}`);
    } else if (await deps.store.chats.get(chat.id)) {
      // Back in a chat it served before: alerts resume. A chat it never served is registered by its
      // first command instead, so that /start there is a new chat's /start (DEFAULT_KEYWORDS).
      const title = "title" in chat ? (chat.title ?? null) : null;
      await deps.store.chats.upsert({ id: chat.id, type: chat.type, title });
    }
  });
  bot.on("message:migrate_to_chat_id", async (ctx) => {
    const to = ctx.message.migrate_to_chat_id;
    await deps.store.chats.migrateId(ctx.chat.id, to);
    deps.router.moveChat(ctx.chat.id, to);
  });

  bot.use(
    startCommands(deps),
    subscriptionCommands(deps),
    feedCommands(deps),
    opmlCommands(deps),
    chatCommands(deps),
  );

  // A command nobody handled: answer in private chats, or when addressed to us by name in groups.
  bot.on("::bot_command", async (ctx: Context) => {
    const text = ctx.msg?.text ?? "";
    const target = /^\/\w+@(\w+)/.exec(text)?.[1]?.toLowerCase();
    const addressed =
      target === undefined ? ctx.chat?.type === "private" : target === ctx.me.username.toLowerCase();
    if (addressed && text.startsWith("/")) await ctx.reply(ru.unknownCommand);
  });

  bot.catch(async (err) => {
    deps.log.error({ err: err.error, update: err.ctx.update.update_id }, "update handling failed");
    try {
      await err.ctx.reply(ru.error);
    } catch {
      // The chat may be unreachable; the log line above is what matters.
    }
  });
  return bot;
}

/** Publishes the command menu; a failure is logged, never fatal. */
export async function publishCommands(bot: Bot, deps: Pick<BotDeps, "log">): Promise<void> {
  try {
    await bot.api.setMyCommands(COMMANDS);
  } catch (err) {
    deps.log.warn({ err }, "setMyCommands failed; the command menu may be stale");
  }
}
