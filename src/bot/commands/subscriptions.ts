import { Composer, type Context, InlineKeyboard } from "grammy";
import { escapeHtml, safeHref } from "../../delivery/format.js";
import { truncate } from "../../feeds/text.js";
import {
  explainQuery,
  formatQuery,
  matchQuery,
  parseQuery,
  QueryError,
  widenQuery,
} from "../../matching/index.js";
import type { Subscription } from "../../store/schema.js";
import { canManage, guarded } from "../admin.js";
import type { BotDeps } from "../deps.js";
import { ru } from "../i18n.js";
import { replyLines } from "../reply.js";

const RECENT_WINDOW_MS = 24 * 60 * 60_000;
const RECENT_SHOWN = 3;

// A widened query that no longer parses (too many words) is simply not offered.
function widerQuery(query: ReturnType<typeof parseQuery>): { text: string; added: string[] } | null {
  try {
    return widenQuery(query);
  } catch (err) {
    if (err instanceof QueryError) return null;
    throw err;
  }
}

/** Finds a chat's subscription by its number in /list or by its query text. */
export function findSubscription(subs: readonly Subscription[], arg: string): Subscription | undefined {
  const text = arg.trim();
  // A number is a position in /list; with no such position it may still be a query («2024»).
  const byNumber = /^\d+$/.test(text) ? subs[Number(text) - 1] : undefined;
  if (byNumber) return byNumber;
  let canonical = text;
  try {
    canonical = formatQuery(parseQuery(text));
  } catch {
    // Not a valid query: it can still equal a stored one literally.
  }
  return subs.find((s) => s.query === canonical || s.query === text);
}

async function recentMatches(
  ctx: Context,
  deps: BotDeps,
  query: ReturnType<typeof parseQuery>,
): Promise<string> {
  const chatId = ctx.chat?.id ?? 0;
  const recent = await deps.store.items.listRecentForChat(chatId, Date.now() - RECENT_WINDOW_MS, 2000);
  const hits = recent
    .filter((i) => matchQuery(query, { title: i.title, summary: i.summary }))
    .slice(0, RECENT_SHOWN);
  if (hits.length === 0) return ru.noRecentMatches;
  const lines = hits.map((i) => {
    const title = escapeHtml(truncate(i.title, 200));
    const href = safeHref(i.link);
    return `• ${href ? `<a href="${escapeHtml(href)}">${title}</a>` : title}`;
  });
  return `${ru.recentMatches}\n${lines.join("\n")}`;
}

/** /subscribe (/add), /unsubscribe (/remove), /list and the removal buttons. */
export function subscriptionCommands(deps: BotDeps): Composer<Context> {
  const c = new Composer();
  const max = deps.maxSubscriptions ?? 100;

  c.command(
    ["subscribe", "add"],
    guarded(deps, async (ctx) => {
      const chatId = ctx.chat?.id as number;
      const text = typeof ctx.match === "string" ? ctx.match.trim() : "";
      if (!text) return ctx.reply(ru.subscribeUsage, { parse_mode: "HTML" });
      let query: ReturnType<typeof parseQuery>;
      try {
        query = parseQuery(text);
      } catch (err) {
        if (err instanceof QueryError) return ctx.reply(ru.badQuery(err.message), { parse_mode: "HTML" });
        throw err;
      }
      const existing = await deps.store.subscriptions.listForChat(chatId);
      const canonical = formatQuery(query);
      const dup = existing.findIndex((s) => s.query === canonical);
      if (dup >= 0) return ctx.reply(ru.alreadySubscribed(dup + 1));
      if (existing.length >= max) return ctx.reply(ru.tooManySubscriptions(max));
      const { sub } = await deps.store.subscriptions.add(chatId, canonical);
      deps.router.add(sub, query);
      const chat = await deps.store.chats.get(chatId);
      const parts = [
        ru.subscribed(existing.length + 1, explainQuery(query)),
        await recentMatches(ctx, deps, query),
      ];
      if (chat?.paused) parts.push(ru.pausedNote);
      // Derived words (литиевый for литий) only on request: one button, keyed by subscription id.
      const wider = widerQuery(query);
      return ctx.reply(parts.join("\n\n"), {
        parse_mode: "HTML",
        link_preview_options: { is_disabled: true },
        ...(wider
          ? { reply_markup: new InlineKeyboard().text(ru.widenButton(wider.added), `widen:${sub.id}`) }
          : {}),
      });
    }),
  );

  c.command(
    ["unsubscribe", "remove"],
    guarded(deps, async (ctx) => {
      const chatId = ctx.chat?.id as number;
      const subs = await deps.store.subscriptions.listForChat(chatId);
      const arg = typeof ctx.match === "string" ? ctx.match.trim() : "";
      if (!arg) {
        if (subs.length === 0) return ctx.reply(ru.unsubscribeNone);
        const kb = new InlineKeyboard();
        for (const [i, s] of subs.slice(0, 50).entries()) {
          kb.text(`${i + 1}. ${truncate(s.query, 40)}`, `unsub:${s.id}`).row();
        }
        return ctx.reply(ru.unsubscribeChoose, { reply_markup: kb });
      }
      const sub = findSubscription(subs, arg);
      if (!sub) return ctx.reply(ru.unsubscribeNotFound(truncate(arg, 100)), { parse_mode: "HTML" });
      await deps.store.subscriptions.remove(chatId, sub.id);
      deps.router.remove(sub.id);
      return ctx.reply(ru.unsubscribed(sub.query), { parse_mode: "HTML" });
    }),
  );

  c.callbackQuery(/^unsub:(\d+)$/, async (ctx) => {
    if (!(await canManage(ctx))) return ctx.answerCallbackQuery({ text: ru.notAdmin, show_alert: true });
    const chatId = ctx.chat?.id as number;
    const removed = await deps.store.subscriptions.remove(chatId, Number(ctx.match[1]));
    if (removed) deps.router.remove(removed.id);
    await ctx.answerCallbackQuery();
    const text = removed ? ru.unsubscribed(removed.query) : ru.unsubscribeGone;
    return ctx.editMessageText(text, { parse_mode: "HTML" });
  });

  c.callbackQuery(/^widen:(\d+)$/, async (ctx) => {
    if (!(await canManage(ctx))) return ctx.answerCallbackQuery({ text: ru.notAdmin, show_alert: true });
    const chatId = ctx.chat?.id as number;
    const sub = (await deps.store.subscriptions.listForChat(chatId)).find(
      (s) => s.id === Number(ctx.match[1]),
    );
    const wider = sub ? widerQuery(parseQuery(sub.query)) : null;
    await ctx.answerCallbackQuery();
    // Pressed twice, the query is already wide: nothing more to add, and the answer says so.
    if (!sub || !wider) return ctx.reply(ru.widenGone);
    const updated = await deps.store.subscriptions.replaceQuery(chatId, sub.id, wider.text);
    if (updated) deps.router.add(updated, parseQuery(wider.text));
    return ctx.reply(ru.widened(wider.text), { parse_mode: "HTML" });
  });

  c.command("list", async (ctx) => {
    const subs = await deps.store.subscriptions.listForChat(ctx.chat?.id as number);
    if (subs.length === 0) return ctx.reply(ru.listEmpty, { parse_mode: "HTML" });
    return replyLines(ctx, [
      ru.listHeader,
      ...subs.map((s, i) => `${i + 1}. <code>${escapeHtml(s.query)}</code>`),
    ]);
  });
  return c;
}
