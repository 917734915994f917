import { Composer } from "grammy";
import { escapeHtml, sourceName } from "../../delivery/format.js";
import { feedErrorText } from "../../feeds/errors.js";
import { truncate } from "../../feeds/parse/text.js";
import { asLocale, formatLocalTime, type Locale } from "../../locale.js";
import type { Feed } from "../../store/schema.js";
import { addChatFeed, checkInBackground, MAX_OWN_FEEDS } from "../add-feed.js";
import { guarded } from "../admin.js";
import { type BotContext, sayIn } from "../context.js";
import type { BotDeps } from "../deps.js";
import { replyLines } from "../reply.js";

/** One line of /feeds: the feed's name and how it is doing, in the chat's language and zone. */
export function feedHealthLine(
  ctx: BotContext,
  feed: Feed,
  n: number,
  timeZone: string,
  locale: Locale,
): string {
  const name = escapeHtml(sourceName(feed.title, feed.url));
  const at = (t: number) => formatLocalTime(t, timeZone, locale);
  let health: string;
  if (feed.consecutive_failures > 0) {
    const since = feed.last_success_at ? ctx.t("feed-last-success", { when: at(feed.last_success_at) }) : "";
    const said = feed.last_error === null ? ctx.t("feed-error") : feedErrorText(feed.last_error, sayIn(ctx));
    const error = escapeHtml(truncate(said, 120));
    health = ctx.t("feed-failing", { error, count: feed.consecutive_failures, since });
  } else if (feed.last_success_at) {
    health = ctx.t("feed-ok", { when: at(feed.last_success_at), items: feed.items_seen });
  } else {
    health = ctx.t("feed-never");
  }
  return `${n}. ${name} — ${health}`;
}

/** /feeds, /addfeed and /removefeed. */
export function feedCommands(deps: BotDeps): Composer<BotContext> {
  const c = new Composer<BotContext>();

  c.command("feeds", async (ctx) => {
    const feeds = await deps.store.feeds.listForChat(ctx.target.id);
    const zone = ctx.chatRow?.tz ?? deps.config.timeZone;
    const locale = asLocale(await ctx.i18n.getLocale()) ?? "ru";
    const own = feeds.filter((f) => f.own);
    const lines = [ctx.t("feeds-shared")];
    for (const [i, f] of feeds.filter((f) => !f.own).entries()) {
      lines.push(feedHealthLine(ctx, f, i + 1, zone, locale));
    }
    lines.push("", own.length ? ctx.t("feeds-own") : ctx.t("feeds-no-own"));
    for (const [i, f] of own.entries()) lines.push(feedHealthLine(ctx, f, i + 1, zone, locale));
    return replyLines(ctx, lines);
  });

  c.command(
    "addfeed",
    guarded(deps, async (ctx) => {
      const chatId = ctx.target.id;
      const arg = typeof ctx.match === "string" ? ctx.match.trim() : "";
      if (!arg) return ctx.reply(ctx.t("addfeed-usage"), { parse_mode: "HTML" });
      // The limit, the scheme and the feed itself are all checked by addChatFeed, limit first.
      await checkInBackground(ctx, deps, () => checkAndAdd(ctx, deps, chatId, arg));
    }),
  );

  c.command(
    "removefeed",
    guarded(deps, async (ctx) => {
      const chatId = ctx.target.id;
      const arg = typeof ctx.match === "string" ? ctx.match.trim() : "";
      const own = (await deps.store.feeds.listForChat(chatId)).filter((f) => f.own);
      if (!arg) return ctx.reply(ctx.t("removefeed-usage"), { parse_mode: "HTML" });
      const feed = /^\d+$/.test(arg) ? own[Number(arg) - 1] : own.find((f) => f.url === arg);
      if (!feed) return ctx.reply(ctx.t("removefeed-not-found"));
      await deps.store.feeds.removeForChat(chatId, feed.id);
      const name = escapeHtml(sourceName(feed.title, feed.url));
      return ctx.reply(ctx.t("feed-removed", { name }), { parse_mode: "HTML" });
    }),
  );
  return c;
}

/** /addfeed's slow part: fetch and check the feed, then add it and answer. */
async function checkAndAdd(ctx: BotContext, deps: BotDeps, chatId: number, arg: string): Promise<unknown> {
  const r = await addChatFeed(deps, chatId, arg);
  const html = { parse_mode: "HTML" as const };
  switch (r.kind) {
    case "added": {
      const name = escapeHtml(sourceName(r.feed.title, r.feed.url));
      return ctx.reply(ctx.t("feed-added", { name, items: r.items }), html);
    }
    case "page": {
      const list = r.discovered.slice(0, 5).map((u) => `<code>/addfeed ${escapeHtml(u)}</code>`);
      return ctx.reply(`${ctx.t("feed-page")}\n${list.join("\n")}`, html);
    }
    case "failed":
      return ctx.reply(
        ctx.t("feed-failed", { reason: escapeHtml(feedErrorText(r.reason, sayIn(ctx))) }),
        html,
      );
    case "unreachable":
      return ctx.reply(ctx.t("feed-failed", { reason: ctx.t("feed-unreachable") }), html);
    case "not-http":
      return ctx.reply(ctx.t("feed-not-http"), html);
    case "limit":
      return ctx.reply(ctx.t("feed-limit", { max: MAX_OWN_FEEDS }));
    case "shared":
      return ctx.reply(ctx.t("feed-shared"));
    case "exists":
      return ctx.reply(ctx.t("feed-exists"));
  }
}
