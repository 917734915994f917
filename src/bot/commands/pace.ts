import { Composer, InlineKeyboard } from "grammy";
import { escapeHtml } from "../../delivery/format.js";
import { truncate } from "../../feeds/parse/text.js";
import { asLocale, formatLocalTime, localeOf } from "../../locale.js";
import { canManage, guarded, refuse } from "../admin.js";
import { registerChat } from "../chat-registry.js";
import type { BotContext } from "../context.js";
import type { BotDeps } from "../deps.js";
import { formatClock, parseClock, resolveZone } from "../zones.js";

const HOUR = 60 * 60_000;

/** A pause length as typed or tapped: "1h", "8ч", "2d", "off"/"forever" (until /resume); undefined if unreadable. */
export function parsePause(text: string): number | null | undefined {
  const t = text.trim().toLowerCase();
  if (["off", "forever", "навсегда", "до resume", "0"].includes(t)) return null;
  const m = /^(\d{1,3})\s*(h|ч|d|д)$/.exec(t);
  if (!m || Number(m[1]) === 0) return undefined;
  return Number(m[1]) * (m[2] === "d" || m[2] === "д" ? 24 * HOUR : HOUR);
}

/** The chat's zone: its /tz, else the operator's TZ. */
async function zoneOf(deps: BotDeps, chatId: number): Promise<string> {
  return (await deps.store.chats.get(chatId))?.tz ?? deps.config.timeZone;
}

/**
 * Pauses the target chat. Stories published meanwhile are skipped, not held: the router stops queueing
 * for a paused chat and what was queued is dropped, so /resume brings only news from then on (and the
 * answer says so).
 */
export async function pauseChat(
  ctx: BotContext,
  deps: BotDeps,
  chatId: number,
  length: number | null,
): Promise<string> {
  const until = length === null ? null : Date.now() + length;
  await deps.store.chats.setPaused(chatId, true, until);
  await deps.store.outbox.dropPending(chatId, "paused");
  if (until === null) return ctx.t("paused-forever");
  const when = formatLocalTime(until, await zoneOf(deps, chatId), await localeOf(ctx));
  return ctx.t("paused-until", { until: when });
}

/** /pause, /resume, /quiet, /digest, /tz, /lang and the pause buttons. */
export function paceCommands(deps: BotDeps): Composer<BotContext> {
  const c = new Composer<BotContext>();

  c.command(
    "pause",
    guarded(deps, async (ctx) => {
      const arg = typeof ctx.match === "string" ? ctx.match.trim() : "";
      if (!arg) {
        const kb = new InlineKeyboard()
          .text(ctx.t("btn-pause-1h"), "pz:1h")
          .text(ctx.t("btn-pause-8h-short"), "pz:8h")
          .text(ctx.t("btn-pause-forever"), "pz:off");
        return ctx.reply(ctx.t("pause-ask"), { reply_markup: kb });
      }
      const length = parsePause(arg);
      if (length === undefined) return ctx.reply(ctx.t("pause-usage"), { parse_mode: "HTML" });
      return ctx.reply(await pauseChat(ctx, deps, ctx.target.id, length));
    }),
  );

  // The duration buttons of /pause.
  c.callbackQuery(/^pz:(1h|8h|off)$/, async (ctx) => {
    if (!(await canManage(ctx))) return refuse(ctx);
    await registerChat(ctx, deps);
    const text = await pauseChat(ctx, deps, ctx.target.id, parsePause(ctx.match[1] as string) ?? null);
    await ctx.answerCallbackQuery({ text: truncate(text, 190) });
    // The /pause question becomes its answer.
    await ctx.editMessageText(text);
  });

  c.command(
    "resume",
    guarded(deps, async (ctx) => {
      const chat = await deps.store.chats.get(ctx.target.id);
      const active = chat?.paused && (chat.paused_until === null || chat.paused_until > Date.now());
      if (!active) return ctx.reply(ctx.t("not-paused"));
      await deps.store.chats.setPaused(ctx.target.id, false);
      return ctx.reply(ctx.t("resumed"));
    }),
  );

  c.command(
    "quiet",
    guarded(deps, async (ctx) => {
      const arg = typeof ctx.match === "string" ? ctx.match.trim() : "";
      if (/^(off|выкл|нет)$/i.test(arg)) {
        await deps.store.chats.setSettings(ctx.target.id, { quiet_from: null, quiet_to: null });
        return ctx.reply(ctx.t("quiet-off"));
      }
      const [a, b] = arg.split(/\s*[-–—]\s*/);
      const from = parseClock(a ?? "");
      const to = parseClock(b ?? "");
      if (from === undefined || to === undefined || from === to) {
        return ctx.reply(ctx.t("quiet-usage"), { parse_mode: "HTML" });
      }
      await deps.store.chats.setSettings(ctx.target.id, { quiet_from: from, quiet_to: to });
      const zone = await zoneOf(deps, ctx.target.id);
      return ctx.reply(ctx.t("quiet-set", { from: formatClock(from), to: formatClock(to), zone }));
    }),
  );

  c.command(
    "digest",
    guarded(deps, async (ctx) => {
      const arg = typeof ctx.match === "string" ? ctx.match.trim().toLowerCase() : "";
      const zone = await zoneOf(deps, ctx.target.id);
      if (/^(off|выкл|нет)$/.test(arg)) {
        await deps.store.chats.setSettings(ctx.target.id, { digest: null });
        return ctx.reply(ctx.t("digest-off"));
      }
      if (/^(hourly|ежечасно|час)$/.test(arg)) {
        await deps.store.chats.setSettings(ctx.target.id, { digest: "hourly" });
        return ctx.reply(ctx.t("digest-hourly", { zone }));
      }
      const daily = /^(?:daily|ежедневно|день)\s+(\S+)$/.exec(arg);
      const at = daily ? parseClock(daily[1] as string) : undefined;
      if (at === undefined) return ctx.reply(ctx.t("digest-usage"), { parse_mode: "HTML" });
      await deps.store.chats.setSettings(ctx.target.id, { digest: `daily:${at}` });
      return ctx.reply(ctx.t("digest-daily", { at: formatClock(at), zone }));
    }),
  );

  c.command(
    "tz",
    guarded(deps, async (ctx) => {
      const arg = typeof ctx.match === "string" ? ctx.match.trim() : "";
      if (!arg) {
        const zone = await zoneOf(deps, ctx.target.id);
        return ctx.reply(ctx.t("tz-usage", { zone }), { parse_mode: "HTML" });
      }
      const zone = resolveZone(arg);
      if (!zone) {
        return ctx.reply(ctx.t("tz-unknown", { what: escapeHtml(truncate(arg, 64)) }), {
          parse_mode: "HTML",
        });
      }
      await deps.store.chats.setSettings(ctx.target.id, { tz: zone });
      const now = formatLocalTime(Date.now(), zone, await localeOf(ctx));
      return ctx.reply(ctx.t("tz-set", { zone, now }));
    }),
  );

  c.command(
    "lang",
    guarded(deps, async (ctx) => {
      const arg = typeof ctx.match === "string" ? ctx.match.trim() : "";
      const locale = asLocale(arg);
      if (!locale) return ctx.reply(ctx.t("lang-usage"), { parse_mode: "HTML" });
      // The language belongs to the chat the person talks in (a managed channel's alerts follow it too).
      await deps.store.chats.setSettings(ctx.chat?.id as number, { lang: locale });
      if (ctx.target.channelTitle !== null)
        await deps.store.chats.setSettings(ctx.target.id, { lang: locale });
      ctx.i18n.useLocale(locale);
      return ctx.reply(ctx.t("lang-set"));
    }),
  );
  return c;
}
