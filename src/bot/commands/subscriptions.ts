import { Composer, InlineKeyboard } from "grammy";
import { escapeHtml, safeHref } from "../../delivery/format.js";
import { feedSource } from "../../delivery/router.js";
import { truncate } from "../../feeds/parse/text.js";
import { translate } from "../../locale.js";
import {
  explainQuery,
  formatQuery,
  matchQuery,
  parseQuery,
  type Query,
  QueryError,
} from "../../matching/index.js";
import type { Subscription } from "../../store/schema.js";
import { canManage, guarded, refuse, replyTo } from "../admin.js";
import { registerChat } from "../chat-registry.js";
import { type BotContext, sayIn } from "../context.js";
import type { BotDeps } from "../deps.js";
import { listMenuOpener } from "./list-menu.js";
import { CALLBACK_MAX, refineCallbacks, refineKeyboard } from "./refine.js";

const RECENT_WINDOW_MS = 24 * 60 * 60_000;
const RECENT_SHOWN = 3;

/** Finds a chat's subscription by the number /list shows or by its query text. */
export function findSubscription(subs: readonly Subscription[], arg: string): Subscription | undefined {
  const text = arg.trim();
  // A number is the stable number /list shows; with no such number it may still be a query («2024»).
  const byNumber = /^\d+$/.test(text) ? subs.find((s) => s.num === Number(text)) : undefined;
  if (byNumber) return byNumber;
  let canonical = text;
  try {
    canonical = formatQuery(parseQuery(text));
  } catch {
    // Not a valid query: it can still equal a stored one literally.
  }
  return subs.find((s) => s.query === canonical || s.query === text);
}

/** Recent stories the chat can see that `query` matches, as HTML lines (or the "nothing yet" line). */
async function recentMatches(ctx: BotContext, deps: BotDeps, chatId: number, query: Query): Promise<string> {
  const recent = await deps.store.items.listRecentForChat(chatId, Date.now() - RECENT_WINDOW_MS, 2000);
  // source: filters see the feed's host and title, built as the router builds them for alerts. (Full text is
  // left out: tokenising up to 2000 bodies would hold up the update loop; title and summary carry most hits.)
  const hits = recent
    .filter((i) =>
      matchQuery(query, {
        title: i.title,
        summary: i.summary,
        source: feedSource({ url: i.feed_url, title: i.feed_title }),
      }),
    )
    .slice(0, RECENT_SHOWN);
  if (hits.length === 0) return ctx.t("no-recent-matches");
  const lines = hits.map((i) => {
    const title = escapeHtml(truncate(i.title, 200));
    const href = safeHref(i.link);
    return `• ${href ? `<a href="${escapeHtml(href)}">${title}</a>` : title}`;
  });
  return `${ctx.t("recent-matches")}\n${lines.join("\n")}`;
}

/** Parses a query, or answers with what is wrong (in the chat's language) and returns undefined. */
// The query as the bot understood it, in the chat's language, escaped for the HTML reply.
function explanationFor(ctx: BotContext, query: Query): string {
  return escapeHtml(explainQuery(query, sayIn(ctx)));
}

async function parsedOrExplained(ctx: BotContext, text: string): Promise<Query | undefined> {
  try {
    return parseQuery(text);
  } catch (err) {
    if (!(err instanceof QueryError)) throw err;
    await ctx.reply(ctx.t("bad-query", { why: escapeHtml(ctx.t(err.key, err.vars)) }), {
      parse_mode: "HTML",
      ...replyTo(ctx),
    });
    return undefined;
  }
}

/**
 * Subscribes the target chat to `text` and answers with what was understood and recent matches.
 * `keyboardCapital`: typed as a message of its own, whose first capital may be the phone's (refine.ts).
 */
export async function subscribe(
  ctx: BotContext,
  deps: BotDeps,
  text: string,
  keyboardCapital = false,
): Promise<unknown> {
  const chatId = ctx.target.id;
  const query = await parsedOrExplained(ctx, text);
  if (!query) return;
  const max = deps.maxSubscriptions ?? 100;
  const existing = await deps.store.subscriptions.listForChat(chatId);
  const canonical = formatQuery(query);
  const dup = existing.find((s) => s.query === canonical);
  if (dup) return ctx.reply(ctx.t("already-subscribed", { n: dup.num ?? dup.id }));
  if (existing.length >= max) return ctx.reply(ctx.t("too-many-subscriptions", { max }));
  // A query subscribed inside a forum topic alerts into that topic.
  const thread = ctx.target.channelTitle === null ? (ctx.msg?.message_thread_id ?? null) : null;
  const inTopic = thread !== null && ctx.msg?.is_topic_message === true;
  const { sub } = await deps.store.subscriptions.add(chatId, canonical, Date.now(), inTopic ? thread : null);
  deps.router.add(sub, query);
  const parts = [
    ctx.t("subscribed", { n: sub.num ?? sub.id, explanation: explanationFor(ctx, query) }),
    await recentMatches(ctx, deps, chatId, query),
  ];
  if (inTopic) parts.push(ctx.t("subscribed-in-topic"));
  if ((await deps.store.chats.get(chatId))?.paused) parts.push(ctx.t("paused-note"));
  if (ctx.target.channelTitle !== null) {
    parts.unshift(ctx.t("managing-channel", { title: escapeHtml(ctx.target.channelTitle) }));
  }
  const refine = refineKeyboard(ctx, sub.id, query, keyboardCapital);
  return ctx.reply(parts.join("\n\n"), {
    parse_mode: "HTML",
    link_preview_options: { is_disabled: true },
    ...(inTopic ? { message_thread_id: thread as number } : {}),
    ...(refine ? { reply_markup: refine } : {}),
  });
}

/** Callback data that subscribes to `query` on a tap; empty after the prefix when the query is too long to carry. */
export function subscribeData(query: string): string {
  const data = `s:${query}`;
  return Buffer.byteLength(data) <= CALLBACK_MAX ? data : "s:";
}

/** The ForceReply prompt asking for a query; its text is how the answer is recognised after a restart too. */
export function askForQuery(ctx: BotContext): Promise<unknown> {
  return ctx.reply(ctx.t("ask-query"), {
    parse_mode: "HTML",
    reply_markup: {
      force_reply: true,
      selective: true,
      input_field_placeholder: ctx.t("ask-query-placeholder"),
    },
    ...replyTo(ctx),
  });
}

/** Whether a message answers the bot's ForceReply prompt (recognised by its text, in either language). */
function answersPrompt(ctx: BotContext): boolean {
  const to = ctx.msg?.reply_to_message;
  if (!to || to.from?.id !== ctx.me.id || !to.text) return false;
  const plain = (html: string) => html.replace(/<[^>]+>/g, "");
  return (["ru", "en"] as const).some((l) => to.text === plain(translate(l, "ask-query")));
}

/** /subscribe (/add), /unsubscribe (/remove), the subscribe buttons and the ForceReply prompt. */
export function subscriptionCommands(deps: BotDeps): Composer<BotContext> {
  const c = new Composer<BotContext>();

  c.command(
    ["subscribe", "add"],
    guarded(deps, async (ctx) => {
      const text = typeof ctx.match === "string" ? ctx.match.trim() : "";
      return text ? subscribe(ctx, deps, text) : askForQuery(ctx);
    }),
  );

  c.command(
    ["unsubscribe", "remove"],
    guarded(deps, async (ctx) => {
      const chatId = ctx.target.id;
      const subs = await deps.store.subscriptions.listForChat(chatId);
      const arg = typeof ctx.match === "string" ? ctx.match.trim() : "";
      if (subs.length === 0) return ctx.reply(ctx.t("unsubscribe-none"));
      if (!arg) return listMenuOpener(ctx, deps);
      if (/^(все|всё|all)$/i.test(arg)) {
        const kb = new InlineKeyboard()
          .text(ctx.t("btn-delete-all-confirm"), "l:xa")
          .text(ctx.t("btn-cancel"), "l:p0");
        return ctx.reply(ctx.t("delete-all-confirm", { count: subs.length }), { reply_markup: kb });
      }
      const sub = findSubscription(subs, arg);
      if (!sub) {
        return ctx.reply(ctx.t("unsubscribe-not-found", { what: escapeHtml(truncate(arg, 100)) }), {
          parse_mode: "HTML",
        });
      }
      await deps.store.subscriptions.remove(chatId, sub.id);
      deps.router.remove(sub.id);
      return ctx.reply(ctx.t("unsubscribed", { query: escapeHtml(sub.query) }), { parse_mode: "HTML" });
    }),
  );

  // A topic button (/start examples) or «Подписаться» under a tried query. A query too long for the
  // callback data is read back from the message it sits under (its first line), so nothing lives in memory.
  c.callbackQuery(/^s:(.*)$/s, async (ctx) => {
    if (!(await canManage(ctx))) return refuse(ctx);
    await registerChat(ctx, deps);
    let text = ctx.match[1] ?? "";
    if (!text) text = /^🔎 (.+)$/m.exec(ctx.callbackQuery.message?.text ?? "")?.[1] ?? "";
    await ctx.answerCallbackQuery();
    return subscribe(ctx, deps, text);
  });
  c.callbackQuery("ask", async (ctx) => {
    await ctx.answerCallbackQuery();
    return askForQuery(ctx);
  });
  c.use(refineCallbacks(deps, canManage));
  c.callbackQuery("help", async (ctx) => {
    await ctx.answerCallbackQuery();
    return ctx.reply(ctx.t("help"), { parse_mode: "HTML" });
  });
  return c;
}

/** Plain text: the answer to the ForceReply prompt subscribes; in a private chat anything else is tried as a query. */
export function tryQueryCommands(deps: BotDeps): Composer<BotContext> {
  const c = new Composer<BotContext>();
  c.on("message:text", async (ctx, next) => {
    const text = ctx.message.text.trim();
    if (text.startsWith("/")) return next();
    if (answersPrompt(ctx)) {
      if (!(await canManage(ctx))) return refuse(ctx);
      await registerChat(ctx, deps);
      return subscribe(ctx, deps, text, true);
    }
    if (ctx.chat.type !== "private") return next();
    const query = await parsedOrExplained(ctx, text);
    if (!query) return;
    const canonical = formatQuery(query);
    const kb = new InlineKeyboard()
      .text(ctx.t("btn-subscribe"), subscribeData(canonical))
      .text(ctx.t("btn-syntax"), "help");
    const understood = ctx.t("try-understood", {
      query: escapeHtml(canonical),
      explanation: explanationFor(ctx, query),
    });
    return ctx.reply(`${understood}\n\n${await recentMatches(ctx, deps, ctx.target.id, query)}`, {
      parse_mode: "HTML",
      reply_markup: kb,
      link_preview_options: { is_disabled: true },
    });
  });
  return c;
}
