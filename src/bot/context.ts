import type { NextFunction } from "grammy";
import { escapeHtml } from "../delivery/format.js";
import { asLocale, type I18nContext, localeForUser, type Say } from "../locale.js";
import type { Chat } from "../store/schema.js";
import type { BotDeps } from "./deps.js";

/** The chat a command acts on: the chat itself, or the channel a private chat manages. */
export interface TargetChat {
  id: number;
  /** Set when a private chat manages a channel: the channel's title. */
  channelTitle: string | null;
}

/** The context every handler gets: grammY's, the translate function of the chat's language, the target chat. */
export type BotContext = I18nContext & { target: TargetChat; chatRow: Chat | undefined };

/** The chat's translator as a plain function, for text built outside the bot (explanations, feed errors). */
export function sayIn(ctx: BotContext): Say {
  return (key, vars) => ctx.t(key, vars);
}

/** Whether a chat member status may administer the chat. */
export function isAdminStatus(status: string): boolean {
  return status === "creator" || status === "administrator";
}

/**
 * Per update: picks the language (the chat's /lang, else the user's Telegram language) and the target
 * chat. A private chat managing a channel is checked against getChatMember every time: someone who is
 * no longer an administrator there falls back to their own chat and is told so.
 */
export function chatContext(deps: BotDeps) {
  return async (ctx: BotContext, next: NextFunction): Promise<void> => {
    const chat = ctx.chat;
    const row = chat ? await deps.store.chats.get(chat.id) : undefined;
    ctx.chatRow = row;
    ctx.i18n.useLocale(asLocale(row?.lang) ?? localeForUser(ctx.from?.language_code));
    ctx.target = { id: chat?.id ?? 0, channelTitle: null };
    if (chat?.type === "private" && row?.manages != null && ctx.from) {
      const channel = await deps.store.chats.get(row.manages);
      const title = channel?.title ?? String(row.manages);
      let admin = false;
      try {
        admin = isAdminStatus((await ctx.api.getChatMember(row.manages, ctx.from.id)).status);
      } catch (err) {
        deps.log.info({ err, channel: row.manages }, "channel admin check failed");
      }
      if (admin && channel?.active) {
        ctx.target = { id: row.manages, channelTitle: title };
      } else {
        await deps.store.chats.setSettings(chat.id, { manages: null });
        await ctx.reply(ctx.t("channel-not-admin", { title: escapeHtml(title) }), { parse_mode: "HTML" });
      }
    }
    await next();
  };
}
