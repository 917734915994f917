import { Composer, type Context } from "grammy";
import { escapeHtml, formatTime, sourceName, truncate } from "../../delivery/format.js";
import { isFeedError } from "../../feeds/errors.js";
import { loadFeed } from "../../feeds/load.js";
import type { Feed } from "../../store/schema.js";
import { guarded } from "../admin.js";
import type { BotDeps } from "../deps.js";
import { plural, ru } from "../i18n.js";
import { replyLines } from "../reply.js";

/** Most feeds one chat may add on top of the shared ones. */
export const MAX_OWN_FEEDS = 20;

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

/** Chats whose /addfeed is being checked. */
const checking = new Set<number>();

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
      if ((await deps.store.feeds.countForChat(chatId)) >= MAX_OWN_FEEDS)
        return ctx.reply(
          `У чата уже ${MAX_OWN_FEEDS} своих источников — это максимум. /removefeed — удалить лишний.`,
        );
      // Checking a feed can take up to 15 s and grammY handles updates one at a time, so the check runs
      // beside the update loop: one slow (or hostile) URL must not hold up every other chat's commands.
      // One check per chat at a time keeps a chat from starting many.
      if (checking.has(chatId)) return ctx.reply("Ещё проверяю предыдущую ленту — подождите ответа.");
      checking.add(chatId);
      void checkAndAdd(ctx, deps, chatId, arg)
        .catch(async (err: unknown) => {
          deps.log.error({ err, chatId }, "/addfeed failed");
          await ctx.reply(ru.error).catch(() => undefined);
        })
        .finally(() => checking.delete(chatId));
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
  let url = arg;
  if (!/^https?:\/\//i.test(url)) {
    return ctx.reply("Не получилось добавить ленту: нужен адрес вида https://…", { parse_mode: "HTML" });
  }
  let loaded: Awaited<ReturnType<typeof loadFeed>>;
  try {
    loaded = await loadFeed(url, { allowPrivate: deps.config.allowPrivateUrls, timeoutMs: 15_000 });
  } catch (err) {
    const discovered = isFeedError(err) ? (err.discovered ?? []) : [];
    if (discovered.length > 0) {
      const list = discovered.slice(0, 5).map((u) => `<code>/addfeed ${escapeHtml(u)}</code>`);
      return ctx.reply(`Это страница, а не лента. На ней нашлись ленты:\n${list.join("\n")}`, {
        parse_mode: "HTML",
      });
    }
    // Anything else is our failure, not the address's: the caller logs it and says so.
    if (!isFeedError(err)) throw err;
    return ctx.reply(`Не получилось добавить ленту: ${escapeHtml(err.message)}`, { parse_mode: "HTML" });
  }
  if (loaded.outcome.kind === "ok") url = loaded.outcome.movedPermanentlyTo ?? loaded.outcome.finalUrl;
  const shared = (await deps.store.feeds.listForChat(chatId)).find((f) => f.url === url && !f.own);
  if (shared) return ctx.reply("Эта лента уже есть среди общих источников — добавлять не нужно.");
  if ((await deps.store.feeds.countForChat(chatId)) >= MAX_OWN_FEEDS)
    return ctx.reply(
      `У чата уже ${MAX_OWN_FEEDS} своих источников — это максимум. /removefeed — удалить лишний.`,
    );
  const title = loaded.feed?.title ?? null;
  const { feed, created } = await deps.store.feeds.addForChat(chatId, url, title);
  if (!created) return ctx.reply("Эта лента уже добавлена. Список — /feeds.");
  const name = escapeHtml(sourceName(feed.title ?? title, feed.url));
  const n = loaded.feed?.items.length ?? 0;
  return ctx.reply(
    `✅ Лента «${name}» добавлена (сейчас в ней ${n} ${plural(n, "запись", "записи", "записей")}). Новые материалы начну проверять со следующего опроса.`,
    {
      parse_mode: "HTML",
    },
  );
}
