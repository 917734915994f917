import { Composer, InlineKeyboard } from "grammy";
import { DEFAULT_FEEDS } from "../../config.js";
import { escapeHtml } from "../../delivery/format.js";
import { canManage, replyTo } from "../admin.js";
import { registerChat } from "../chat-registry.js";
import type { BotContext } from "../context.js";
import type { BotDeps } from "../deps.js";
import { subscribeData } from "./subscriptions.js";

/** Topics /start offers as buttons: each subscribes on a tap. */
export const EXAMPLES = ["литий", "редкоземельные металлы", '"ставка ЦБ"', "нефть OR газ"];
/** Queries a returning chat's /start lists before pointing to /list. */
const RETURNING_SHOWN = 10;

/** /start and /help. */
export function startCommands(deps: BotDeps): Composer<BotContext> {
  const c = new Composer<BotContext>();
  c.command("start", async (ctx) => {
    // A group member's /start gets a short answer to them: registering the chat would hand it the
    // default queries, and in groups only administrators may change settings.
    if (!(await canManage(ctx))) {
      return ctx.reply(ctx.t("start-group-member", { bot: ctx.me.username }), replyTo(ctx));
    }
    const defaults = await registerChat(ctx, deps, { defaults: true });
    const subs = await deps.store.subscriptions.listForChat(ctx.target.id);
    if (subs.length > 0 && defaults.length === 0) {
      const lines = [
        ctx.t("start-returning", { count: subs.length }),
        ...subs
          .slice(0, RETURNING_SHOWN)
          .map((s) => ctx.t("list-line", { n: s.num ?? s.id, query: escapeHtml(s.query) })),
      ];
      if (subs.length > RETURNING_SHOWN) lines.push("…");
      const kb = new InlineKeyboard().text(ctx.t("btn-manage"), "l:p0").text(ctx.t("btn-own-query"), "ask");
      return ctx.reply(lines.join("\n"), { parse_mode: "HTML", reply_markup: kb });
    }
    const { feeds } = deps.config;
    const builtIn = feeds.length === DEFAULT_FEEDS.length && DEFAULT_FEEDS.every((f) => feeds.includes(f));
    const sources = builtIn ? ctx.t("sources-builtin") : ctx.t("sources-count", { count: feeds.length });
    const kb = new InlineKeyboard();
    for (const [i, e] of EXAMPLES.entries()) {
      kb.text(e, subscribeData(e));
      if (i % 2 === 1) kb.row();
    }
    kb.row().text(ctx.t("btn-own-query"), "ask");
    await ctx.reply(ctx.t("start-intro", { sources }), { parse_mode: "HTML", reply_markup: kb });
    if (defaults.length > 0) {
      const queries = defaults.map((q) => `<b>${escapeHtml(q)}</b>`).join(", ");
      await ctx.reply(ctx.t("start-defaults", { queries }), { parse_mode: "HTML" });
    }
  });
  c.command("help", (ctx) => ctx.reply(ctx.t("help"), { parse_mode: "HTML" }));
  return c;
}
