import { Composer } from "grammy";
import { escapeHtml } from "../../delivery/format.js";
import { parseDigest } from "../../delivery/pace.js";
import { formatLocalTime, localeOf } from "../../locale.js";
import type { BotContext } from "../context.js";
import type { BotDeps } from "../deps.js";
import { formatClock } from "../zones.js";

/** /status: the chat's settings and the bot's health in short. */
export function chatCommands(deps: BotDeps): Composer<BotContext> {
  const c = new Composer<BotContext>();

  c.command("status", async (ctx) => {
    const chatId = ctx.target.id;
    // Any member may ask: only this chat's own figures, each a bounded or indexed query.
    const [chat, subs, feeds, pending] = await Promise.all([
      deps.store.chats.get(chatId),
      deps.store.subscriptions.listForChat(chatId),
      deps.store.feeds.listForChat(chatId),
      deps.store.outbox.pending(chatId),
    ]);
    const zone = chat?.tz ?? deps.config.timeZone;
    const locale = await localeOf(ctx);
    const failing = feeds.filter((f) => f.consecutive_failures > 0).length;
    const lastPoll = Math.max(0, ...feeds.map((f) => f.last_polled_at ?? 0));
    const paused = chat?.paused && (chat.paused_until === null || chat.paused_until > Date.now());
    const digest = parseDigest(chat?.digest ?? null);
    const lines = [
      ctx.target.channelTitle === null
        ? ctx.t("status-chat")
        : ctx.t("managing-channel", { title: escapeHtml(ctx.target.channelTitle) }),
      ctx.t(paused ? "status-alerts-paused" : "status-alerts-on"),
      ctx.t("status-subscriptions", { count: subs.length }),
      ctx.t("status-feeds", { count: feeds.length, own: feeds.filter((f) => f.own).length }),
      ctx.t("status-zone", { zone }),
    ];
    if (chat?.quiet_from != null && chat.quiet_to != null) {
      lines.push(
        ctx.t("status-quiet", { from: formatClock(chat.quiet_from), to: formatClock(chat.quiet_to) }),
      );
    }
    if (digest?.kind === "hourly") lines.push(ctx.t("status-digest-hourly"));
    if (digest?.kind === "daily") lines.push(ctx.t("status-digest-daily", { at: formatClock(digest.at) }));
    lines.push(
      "",
      ctx.t("status-bot"),
      ctx.t("status-failing", { failing, count: feeds.length }),
      ctx.t("status-last-poll", {
        when: lastPoll ? formatLocalTime(lastPoll, zone, locale) : ctx.t("status-never"),
      }),
      ctx.t("status-queue", { pending }),
    );
    return ctx.reply(lines.join("\n"), { parse_mode: "HTML" });
  });
  return c;
}
