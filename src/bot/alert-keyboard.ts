import { Composer, InlineKeyboard } from "grammy";
import { truncate } from "../feeds/parse/text.js";
import { asLocale, type Locale, translate } from "../locale.js";
import type { Store } from "../store/store.js";
import { canManage, refuse } from "./admin.js";
import { setMuted } from "./commands/list-menu.js";
import { pauseChat } from "./commands/pace.js";
import type { BotContext } from "./context.js";
import type { BotDeps } from "./deps.js";

/** Most per-query buttons under one alert message; the rest are reachable from /list. */
const MAX_QUERY_BUTTONS = 6;
/** Characters of a query shown on its button. */
const LABEL_CHARS = 24;

/**
 * The buttons under an alert (or a batch of alerts): one compact «🔕 query» per subscription that
 * matched, two to a row, then «⏸ Пауза 8 ч». Callback data is `am:<subscription id>` / `ap`, far
 * under Telegram's 64 bytes, and names nothing kept in memory, so the buttons work after a restart.
 */
export function alertKeyboard(
  subs: ReadonlyArray<{ id: number; query: string }>,
  locale: Locale,
): InlineKeyboard {
  const kb = new InlineKeyboard();
  const seen = new Set<number>();
  let n = 0;
  for (const s of subs) {
    if (seen.has(s.id) || n >= MAX_QUERY_BUTTONS) continue;
    seen.add(s.id);
    kb.text(translate(locale, "btn-mute-query", { query: truncate(s.query, LABEL_CHARS) }), `am:${s.id}`);
    if (++n % 2 === 0) kb.row();
  }
  if (n % 2 !== 0) kb.row();
  return kb.text(translate(locale, "btn-pause-8h"), "ap");
}

/**
 * The keyboard for an alert (or batch) to `chatId` caught by the subscriptions `subIds`, in the chat's
 * language: the one call the sender makes per message. Ids of queries removed meanwhile are skipped.
 */
export async function alertKeyboardFor(
  store: Pick<Store, "subscriptions" | "chats">,
  chatId: number,
  subIds: readonly number[],
): Promise<InlineKeyboard> {
  const wanted = new Set(subIds);
  const [subs, chat] = await Promise.all([store.subscriptions.listForChat(chatId), store.chats.get(chatId)]);
  return alertKeyboard(
    subs.filter((s) => wanted.has(s.id)),
    asLocale(chat?.lang) ?? "ru",
  );
}

/** The buttons under alerts: mute the query, pause the chat the alert is in for 8 hours. */
export function alertCallbacks(deps: BotDeps): Composer<BotContext> {
  const c = new Composer<BotContext>();
  c.callbackQuery(/^am:(\d+)$/, async (ctx) => {
    if (!(await canManage(ctx))) return refuse(ctx);
    // The alert sits in the chat the query belongs to, so the press's own chat is the one to change.
    const sub = await deps.store.subscriptions.get(ctx.chat?.id ?? 0, Number(ctx.match[1]));
    if (!sub) return ctx.answerCallbackQuery({ text: ctx.t("unsubscribe-gone") });
    if (!sub.muted) await setMuted(deps, sub, true);
    return ctx.answerCallbackQuery({
      text: ctx.t("muted", { query: truncate(sub.query, 100) }),
      show_alert: true,
    });
  });
  c.callbackQuery("ap", async (ctx) => {
    if (!(await canManage(ctx))) return refuse(ctx);
    const text = await pauseChat(ctx, deps, ctx.chat?.id ?? 0, 8 * 60 * 60_000);
    return ctx.answerCallbackQuery({ text: truncate(text, 190), show_alert: true });
  });
  return c;
}
