import { Composer, type Context } from "grammy";
import { formatTime } from "../../delivery/format.js";
import { guarded } from "../admin.js";
import type { BotDeps } from "../deps.js";
import { ru } from "../i18n.js";

/** /pause, /resume and /status. */
export function chatCommands(deps: BotDeps): Composer<Context> {
  const c = new Composer();

  c.command(
    "pause",
    guarded(deps, async (ctx) => {
      const chatId = ctx.chat?.id as number;
      if ((await deps.store.chats.get(chatId))?.paused) return ctx.reply(ru.alreadyPaused);
      await deps.store.chats.setPaused(chatId, true);
      // What was queued is dropped: on /resume the chat gets what is new from then on, not a flood.
      await deps.store.outbox.dropPending(chatId, "paused");
      return ctx.reply(ru.paused);
    }),
  );

  c.command(
    "resume",
    guarded(deps, async (ctx) => {
      const chatId = ctx.chat?.id as number;
      if (!(await deps.store.chats.get(chatId))?.paused) return ctx.reply(ru.notPaused);
      await deps.store.chats.setPaused(chatId, false);
      return ctx.reply(ru.resumed);
    }),
  );

  c.command("status", async (ctx) => {
    const chatId = ctx.chat?.id as number;
    // Any member may ask: only this chat's own figures, each a bounded or indexed query.
    const [chat, subs, feeds, pending] = await Promise.all([
      deps.store.chats.get(chatId),
      deps.store.subscriptions.listForChat(chatId),
      deps.store.feeds.listForChat(chatId),
      deps.store.outbox.pending(chatId),
    ]);
    const failing = feeds.filter((f) => f.consecutive_failures > 0).length;
    const lastPoll = Math.max(0, ...feeds.map((f) => f.last_polled_at ?? 0));
    const lines = [
      "<b>Этот чат</b>",
      `Уведомления: ${chat?.paused ? "⏸ на паузе (/resume)" : "▶️ включены"}`,
      `Подписок: ${subs.length} (/list)`,
      `Источников: ${feeds.length}, из них своих: ${feeds.filter((f) => f.own).length} (/feeds)`,
      "",
      "<b>Источники</b>",
      `Источники с ошибками: ${failing} из ${feeds.length}`,
      `Последний опрос: ${lastPoll ? formatTime(lastPoll, deps.config.timeZone) : "ещё не было"}`,
      ru.statusPending(pending),
    ];
    return ctx.reply(lines.join("\n"), { parse_mode: "HTML" });
  });
  return c;
}
