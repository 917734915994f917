import { Composer } from "grammy";
import { DEFAULT_FEEDS } from "../../config.js";
import { canManage } from "../admin.js";
import { registerChat } from "../chat-registry.js";
import type { BotDeps } from "../deps.js";
import { ru } from "../i18n.js";

const EXAMPLES = ["литий", "редкоземельные металлы", '"ставка ЦБ"', "РЗМ -Китай"];

/** /start and /help. */
export function startCommands(deps: BotDeps): Composer<import("grammy").Context> {
  const c = new Composer();
  c.command("start", async (ctx) => {
    // A group member's /start only greets: registering the chat would hand it the default queries,
    // and in groups only administrators may change settings.
    const defaults = (await canManage(ctx)) ? await registerChat(ctx, deps, { defaults: true }) : [];
    const { feeds } = deps.config;
    const builtIn = feeds.length === DEFAULT_FEEDS.length && DEFAULT_FEEDS.every((f) => feeds.includes(f));
    await ctx.reply(ru.start(EXAMPLES, ru.sources(builtIn, feeds.length)), { parse_mode: "HTML" });
    if (defaults.length > 0) await ctx.reply(ru.startDefaults(defaults), { parse_mode: "HTML" });
  });
  c.command("help", (ctx) => ctx.reply(ru.help, { parse_mode: "HTML" }));
  return c;
}
