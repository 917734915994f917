import { Composer, GrammyError, InlineKeyboard } from "grammy";
import { escapeHtml } from "../../delivery/format.js";
import { formatLocalTime, localeOf } from "../../locale.js";
import { matchQuery, parseQuery } from "../../matching/index.js";
import type { Subscription } from "../../store/schema.js";
import { canManage, refuse } from "../admin.js";
import type { BotContext } from "../context.js";
import type { BotDeps } from "../deps.js";

/** Queries per page of the /list menu. */
export const PAGE_SIZE = 10;
const STATS_WINDOW_MS = 7 * 24 * 60 * 60_000;
const STATS_ITEMS = 5000;

/** What a query caught among the stories of the last 7 days: how many, and the newest one's time. */
async function weekStats(deps: BotDeps, chatId: number, subs: readonly Subscription[]) {
  const items = await deps.store.items.listRecentForChat(chatId, Date.now() - STATS_WINDOW_MS, STATS_ITEMS);
  const out = new Map<number, { hits: number; last: number | null }>();
  for (const s of subs) {
    let query: ReturnType<typeof parseQuery>;
    try {
      query = parseQuery(s.query);
    } catch {
      out.set(s.id, { hits: 0, last: null });
      continue;
    }
    let hits = 0;
    let last: number | null = null;
    for (const i of items) {
      if (!matchQuery(query, { title: i.title, summary: i.summary })) continue;
      hits++;
      last = Math.max(last ?? 0, i.published_at);
    }
    out.set(s.id, { hits, last });
  }
  return out;
}

/** The text and buttons of one page of the /list menu; buttons carry subscription ids, never positions. */
export async function renderListPage(ctx: BotContext, deps: BotDeps, page: number) {
  const chatId = ctx.target.id;
  const subs = await deps.store.subscriptions.listForChat(chatId);
  if (subs.length === 0) return { text: ctx.t("list-empty"), keyboard: undefined };
  const pages = Math.ceil(subs.length / PAGE_SIZE);
  const p = Math.min(Math.max(page, 0), pages - 1);
  const shown = subs.slice(p * PAGE_SIZE, (p + 1) * PAGE_SIZE);
  const stats = await weekStats(deps, chatId, shown);
  const zone = (await deps.store.chats.get(chatId))?.tz ?? deps.config.timeZone;
  const locale = await localeOf(ctx);
  const lines: string[] = [];
  if (ctx.target.channelTitle !== null) {
    lines.push(ctx.t("managing-channel", { title: escapeHtml(ctx.target.channelTitle) }));
  }
  lines.push(
    pages > 1
      ? `${ctx.t("list-header")} · ${ctx.t("list-page", { page: p + 1, pages })}`
      : ctx.t("list-header"),
  );
  const kb = new InlineKeyboard();
  for (const s of shown) {
    const n = s.num ?? s.id;
    const st = stats.get(s.id) ?? { hits: 0, last: null };
    const muted = s.muted ? ctx.t("list-muted") : "";
    lines.push(ctx.t("list-line", { n, query: escapeHtml(s.query) }));
    lines.push(
      `    ${
        st.last === null
          ? ctx.t("list-stats-none", { muted })
          : ctx.t("list-stats", { muted, hits: st.hits, last: formatLocalTime(st.last, zone, locale) })
      }`,
    );
    kb.text(ctx.t(s.muted ? "btn-unmute-n" : "btn-mute-n", { n }), `l:m${s.id}:${p}`)
      .text(ctx.t("btn-delete-n", { n }), `l:d${s.id}:${p}`)
      .row();
  }
  if (pages > 1) {
    if (p > 0) kb.text(ctx.t("btn-prev"), `l:p${p - 1}`);
    if (p < pages - 1) kb.text(ctx.t("btn-next"), `l:p${p + 1}`);
    kb.row();
  }
  kb.text(ctx.t("btn-delete-all"), "l:a");
  return { text: lines.join("\n"), keyboard: kb };
}

/** Sends the first page of the /list menu. */
export async function listMenuOpener(ctx: BotContext, deps: BotDeps): Promise<unknown> {
  const { text, keyboard } = await renderListPage(ctx, deps, 0);
  return ctx.reply(text, { parse_mode: "HTML", reply_markup: keyboard });
}

/** Replaces the menu message; an unchanged menu (a double tap) is not an error. */
async function edit(ctx: BotContext, text: string, keyboard?: InlineKeyboard): Promise<void> {
  try {
    await ctx.editMessageText(text, { parse_mode: "HTML", reply_markup: keyboard });
  } catch (err) {
    if (!(err instanceof GrammyError && err.description.includes("not modified"))) throw err;
  }
}

/** /list and its buttons: page, mute/unmute, delete, delete all (with confirmation). */
export function listMenu(deps: BotDeps): Composer<BotContext> {
  const c = new Composer<BotContext>();
  c.command("list", (ctx) => listMenuOpener(ctx, deps));

  c.callbackQuery(/^l:p(\d+)$/, async (ctx) => {
    await ctx.answerCallbackQuery();
    const { text, keyboard } = await renderListPage(ctx, deps, Number(ctx.match[1]));
    await edit(ctx, text, keyboard);
  });

  c.callbackQuery(/^l:(m|d)(\d+):(\d+)$/, async (ctx) => {
    if (!(await canManage(ctx))) return refuse(ctx);
    const chatId = ctx.target.id;
    const id = Number(ctx.match[2]);
    const sub = await deps.store.subscriptions.get(chatId, id);
    if (!sub) {
      await ctx.answerCallbackQuery({ text: ctx.t("unsubscribe-gone") });
    } else if (ctx.match[1] === "d") {
      await deps.store.subscriptions.remove(chatId, id);
      deps.router.remove(id);
      await ctx.answerCallbackQuery({ text: ctx.t("unsubscribed", { query: sub.query }) });
    } else {
      await setMuted(deps, sub, !sub.muted);
      await ctx.answerCallbackQuery({ text: ctx.t(sub.muted ? "unmuted" : "muted", { query: sub.query }) });
    }
    const { text, keyboard } = await renderListPage(ctx, deps, Number(ctx.match[3]));
    await edit(ctx, text, keyboard);
  });

  c.callbackQuery("l:a", async (ctx) => {
    if (!(await canManage(ctx))) return refuse(ctx);
    await ctx.answerCallbackQuery();
    const count = (await deps.store.subscriptions.listForChat(ctx.target.id)).length;
    const kb = new InlineKeyboard()
      .text(ctx.t("btn-delete-all-confirm"), "l:xa")
      .text(ctx.t("btn-cancel"), "l:p0");
    await edit(ctx, ctx.t("delete-all-confirm", { count }), kb);
  });

  c.callbackQuery("l:xa", async (ctx) => {
    if (!(await canManage(ctx))) return refuse(ctx);
    const removed = await deps.store.subscriptions.removeAll(ctx.target.id);
    for (const s of removed) deps.router.remove(s.id);
    await ctx.answerCallbackQuery();
    await edit(ctx, ctx.t("deleted-all", { count: removed.length }));
  });
  return c;
}

/** Mutes or unmutes a query in the store and in the matching index. */
export async function setMuted(deps: BotDeps, sub: Subscription, muted: boolean): Promise<void> {
  await deps.store.subscriptions.setMuted(sub.chat_id, sub.id, muted);
  if (muted) deps.router.remove(sub.id);
  else deps.router.add(sub, parseQuery(sub.query));
}
