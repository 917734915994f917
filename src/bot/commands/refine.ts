/**
 * The buttons under a /subscribe confirmation that change the query only when asked (issue 11): ➕ derived
 * words (литий → «литий OR литиевый») and 🔤 names with a capital («Магнит» → «"Магнит"», not «магнит»).
 * Each rewrites the stored query from the subscription it names, so nothing lives in memory.
 */
import { Composer, InlineKeyboard } from "grammy";
import { escapeHtml } from "../../delivery/format.js";
import { nameOnlyQuery, parseQuery, type Query, QueryError, widenQuery } from "../../matching/index.js";
import type { BotContext } from "../context.js";
import type { BotDeps } from "../deps.js";

/** Telegram's limit on callback_data, in bytes. */
export const CALLBACK_MAX = 64;

// A rewritten query that no longer parses (too many words) is simply not offered.
function unlessTooBig<T>(rewrite: () => T | null): T | null {
  try {
    return rewrite();
  } catch (err) {
    if (err instanceof QueryError) return null;
    throw err;
  }
}

/**
 * The refine buttons for a new subscription, or undefined when there is nothing to offer.
 * `keyboardCapital`: the text was typed as a message, whose first letter a phone capitalises by itself,
 * so a capital there says nothing.
 */
export function refineKeyboard(
  ctx: BotContext,
  subId: number,
  query: Query,
  keyboardCapital: boolean,
): InlineKeyboard | undefined {
  const kb = new InlineKeyboard();
  const wider = unlessTooBig(() => widenQuery(query));
  if (wider) kb.text(ctx.t("widen-button", { words: wider.added.join(", ") }), `widen:${subId}`).row();
  const typed = query.must
    .flatMap((clause) => clause.alternatives.map((term) => term.capitalised))
    .filter(
      (word): word is string => word !== undefined && !(keyboardCapital && query.source.startsWith(word)),
    );
  const names = unlessTooBig(() => nameOnlyQuery(query, typed))?.names ?? [];
  // As many names as callback data holds; the rest stay as typed.
  while (names.length > 0 && Buffer.byteLength(`name:${subId}:${names.join(",")}`) > CALLBACK_MAX)
    names.pop();
  if (names.length > 0) {
    const shown = names.map((n) => `«${n}»`).join(", ");
    kb.text(ctx.t("name-button", { names: shown }), `name:${subId}:${names.join(",")}`);
  }
  return wider || names.length > 0 ? kb : undefined;
}

/** The refine buttons' callbacks; `canManage` decides who may press them. */
export function refineCallbacks(deps: BotDeps, canManage: (ctx: BotContext) => Promise<boolean>) {
  const c = new Composer<BotContext>();
  const rewrite = async (
    ctx: BotContext,
    subId: number,
    how: (q: Query) => { text: string } | null,
    done: string,
    gone: string,
  ) => {
    if (!(await canManage(ctx)))
      return ctx.answerCallbackQuery({ text: ctx.t("not-admin"), show_alert: true });
    const chatId = ctx.target.id;
    const sub = await deps.store.subscriptions.get(chatId, subId);
    const next = sub ? unlessTooBig(() => how(parseQuery(sub.query))) : null;
    await ctx.answerCallbackQuery();
    // Pressed twice, the query is already rewritten: nothing more to do, and the answer says so.
    if (!sub || !next) return ctx.reply(ctx.t(gone));
    const updated = await deps.store.subscriptions.replaceQuery(chatId, sub.id, next.text);
    if (updated && !updated.muted) deps.router.add(updated, parseQuery(next.text));
    return ctx.reply(ctx.t(done, { query: escapeHtml(next.text) }), { parse_mode: "HTML" });
  };
  c.callbackQuery(/^widen:(\d+)$/, (ctx) =>
    rewrite(ctx, Number(ctx.match[1]), widenQuery, "widened", "widen-gone"),
  );
  c.callbackQuery(/^name:(\d+):(.+)$/s, (ctx) => {
    const names = (ctx.match[2] ?? "").split(",");
    return rewrite(ctx, Number(ctx.match[1]), (q) => nameOnlyQuery(q, names), "named", "name-gone");
  });
  return c;
}
