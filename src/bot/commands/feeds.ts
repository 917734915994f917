import { Composer, type Context } from "grammy";
import { escapeHtml, formatTime, sourceName } from "../../delivery/format.js";
import { truncate } from "../../feeds/text.js";
import type { Feed } from "../../store/schema.js";
import { addChatFeed, checkInBackground, MAX_OWN_FEEDS } from "../add-feed.js";
import { guarded } from "../admin.js";
import type { BotDeps } from "../deps.js";
import { plural, ru } from "../i18n.js";
import { replyLines } from "../reply.js";

/** One line of /feeds: the feed's name and how it is doing. */
export function feedHealthLine(feed: Feed, n: number, timeZone: string): string {
  const name = escapeHtml(sourceName(feed.title, feed.url));
  let health: string;
  if (feed.consecutive_failures > 0) {
    const since = feed.last_success_at
      ? `, последний успех ${formatTime(feed.last_success_at, timeZone)}`
      : "";
    health = `⚠️ ${escapeHtml(truncate(feed.last_error ?? "ошибка", 120))} (${feed.consecutive_failures} ${plural(feed.consecutive_failures, "раз", "раза", "раз")} подряд${since})`;
  } else if (feed.last_success_at) {
    health = `✅ ${formatTime(feed.last_success_at, timeZone)}, новостей: ${feed.items_seen}`;
  } else {
    health = "⏳ ещё не опрашивался";
  }
  return `${n}. ${name} — ${health}`;
}

/** /feeds, /addfeed and /removefeed. */
export function feedCommands(deps: BotDeps): Composer<Context> {
  const c = new Composer();

  c.command("feeds", async (ctx) => {
    const feeds = await deps.store.feeds.listForChat(ctx.chat?.id as number);
    const own = feeds.filter((f) => f.own);
    const lines = ["<b>Общие источники</b>"];
    for (const [i, f] of feeds.filter((f) => !f.own).entries()) {
      lines.push(feedHealthLine(f, i + 1, deps.config.timeZone));
    }
    lines.push(
      "",
      own.length ? "<b>Свои источники</b>" : "Своих источников нет: /addfeed &lt;адрес ленты&gt;",
    );
    for (const [i, f] of own.entries()) lines.push(feedHealthLine(f, i + 1, deps.config.timeZone));
    return replyLines(ctx, lines);
  });

  c.command(
    "addfeed",
    guarded(deps, async (ctx) => {
      const chatId = ctx.chat?.id as number;
      const arg = typeof ctx.match === "string" ? ctx.match.trim() : "";
      if (!arg)
        return ctx.reply("Пришлите адрес ленты: <code>/addfeed https://example.ru/rss</code>", {
          parse_mode: "HTML",
        });
      // The limit, the scheme and the feed itself are all checked by addChatFeed, limit first.
      await checkInBackground(ctx, deps, () => checkAndAdd(ctx, deps, chatId, arg));
    }),
  );

  c.command(
    "removefeed",
    guarded(deps, async (ctx) => {
      const chatId = ctx.chat?.id as number;
      const arg = typeof ctx.match === "string" ? ctx.match.trim() : "";
      const own = (await deps.store.feeds.listForChat(chatId)).filter((f) => f.own);
      if (!arg)
        return ctx.reply("Укажите адрес или номер своей ленты из /feeds: <code>/removefeed 1</code>", {
          parse_mode: "HTML",
        });
      const feed = /^\d+$/.test(arg) ? own[Number(arg) - 1] : own.find((f) => f.url === arg);
      if (!feed) return ctx.reply("Такой своей ленты нет. Общие источники удалить нельзя; список — /feeds.");
      await deps.store.feeds.removeForChat(chatId, feed.id);
      return ctx.reply(`🗑 Лента «${escapeHtml(sourceName(feed.title, feed.url))}» удалена.`, {
        parse_mode: "HTML",
      });
    }),
  );
  return c;
}

/** /addfeed's slow part: fetch and check the feed, then add it and answer. */
async function checkAndAdd(ctx: Context, deps: BotDeps, chatId: number, arg: string): Promise<unknown> {
  const r = await addChatFeed(deps, chatId, arg);
  const html = { parse_mode: "HTML" as const };
  switch (r.kind) {
    case "added": {
      const name = escapeHtml(sourceName(r.feed.title, r.feed.url));
      const items = `${r.items} ${plural(r.items, "запись", "записи", "записей")}`;
      return ctx.reply(
        `✅ Лента «${name}» добавлена (сейчас в ней ${items}). Новые материалы начну проверять со следующего опроса.`,
        html,
      );
    }
    case "page": {
      const list = r.discovered.slice(0, 5).map((u) => `<code>/addfeed ${escapeHtml(u)}</code>`);
      return ctx.reply(`Это страница, а не лента. На ней нашлись ленты:\n${list.join("\n")}`, html);
    }
    case "failed":
      return ctx.reply(`Не получилось добавить ленту: ${escapeHtml(r.reason)}`, html);
    case "not-http":
      return ctx.reply("Не получилось добавить ленту: нужен адрес вида https://…", html);
    case "limit":
      return ctx.reply(ru.feedLimit(MAX_OWN_FEEDS));
    case "shared":
      return ctx.reply("Эта лента уже есть среди общих источников — добавлять не нужно.");
    case "exists":
      return ctx.reply("Эта лента уже добавлена. Список — /feeds.");
  }
}
