import { Composer, Keyboard } from "grammy";
import { escapeHtml } from "../../delivery/format.js";
import { type BotContext, isAdminStatus } from "../context.js";
import type { BotDeps } from "../deps.js";

/** The request_id of the «pick a channel» button (one kind of request, so one id). */
const CHANNEL_REQUEST = 1;

/** Whether `userId` administers `chatId` according to Telegram now (never cached: rights change). */
async function administers(ctx: BotContext, chatId: number, userId: number): Promise<boolean> {
  try {
    return isAdminStatus((await ctx.api.getChatMember(chatId, userId)).status);
  } catch {
    return false;
  }
}

/**
 * /channel in a private chat: a request_chat button lists the person's channels where the bot is an
 * administrator; the one picked becomes the target of this chat's commands until /channel off.
 */
export function channelCommands(deps: BotDeps): Composer<BotContext> {
  const c = new Composer<BotContext>();

  c.command("channel", async (ctx) => {
    if (ctx.chat.type !== "private") return ctx.reply(ctx.t("channel-only-private"));
    const arg = typeof ctx.match === "string" ? ctx.match.trim().toLowerCase() : "";
    if (/^(off|выкл|назад|back)$/.test(arg)) {
      await deps.store.chats.setSettings(ctx.chat.id, { manages: null });
      return ctx.reply(ctx.t("channel-off"), { reply_markup: { remove_keyboard: true } });
    }
    const keyboard = new Keyboard()
      .requestChat(ctx.t("btn-pick-channel"), CHANNEL_REQUEST, {
        chat_is_channel: true,
        bot_is_member: true,
        request_title: true,
        user_administrator_rights: { is_anonymous: false, can_post_messages: true } as never,
        bot_administrator_rights: { is_anonymous: false, can_post_messages: true } as never,
      })
      .resized()
      .oneTime();
    return ctx.reply(ctx.t("channel-ask"), { reply_markup: keyboard });
  });

  c.on("message:chat_shared", async (ctx) => {
    const shared = ctx.message.chat_shared;
    if (shared.request_id !== CHANNEL_REQUEST || ctx.chat.type !== "private") return;
    const channelId = shared.chat_id;
    const title = shared.title ?? String(channelId);
    const html = { parse_mode: "HTML" as const, reply_markup: { remove_keyboard: true as const } };
    if (!(await administers(ctx, channelId, ctx.from.id))) {
      return ctx.reply(ctx.t("channel-not-admin", { title: escapeHtml(title) }), html);
    }
    if (!(await administers(ctx, channelId, ctx.me.id))) {
      return ctx.reply(ctx.t("channel-bot-not-admin", { title: escapeHtml(title) }), html);
    }
    await deps.store.chats.upsert({ id: channelId, type: "channel", title });
    await deps.store.chats.upsert({ id: ctx.chat.id, type: "private", title: ctx.chat.first_name ?? null });
    await deps.store.chats.setSettings(ctx.chat.id, { manages: channelId });
    return ctx.reply(ctx.t("channel-selected", { title: escapeHtml(title) }), html);
  });
  return c;
}
