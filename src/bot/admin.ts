import type { Context } from "grammy";
import { registerChat } from "./chat-registry.js";
import type { BotContext } from "./context.js";
import type { BotDeps } from "./deps.js";

/** Telegram's user id for "GroupAnonymousBot", the sender of anonymous administrators' messages. */
export const ANONYMOUS_ADMIN_ID = 1087968824;

const CACHE_MS = 60_000;
const cache = new Map<string, { admin: boolean; at: number }>();

/**
 * Whether the sender may change this chat's settings: anyone in a private chat; in groups only the
 * creator and administrators (anonymous ones too); in channels whoever can post, since only admins can.
 * A button press is judged by who pressed it: any subscriber of a channel can press a button an
 * administrator's command left there, and the message it sits on was posted by the channel itself.
 */
export async function canManage(ctx: Context): Promise<boolean> {
  const chat = ctx.chat;
  if (!chat) return false;
  if (chat.type === "private") return true;
  const pressedBy = ctx.callbackQuery?.from.id;
  if (pressedBy === undefined) {
    if (chat.type === "channel") return true;
    const senderChat = ctx.msg?.sender_chat;
    if (senderChat) return senderChat.id === chat.id;
  }
  const userId = pressedBy ?? ctx.from?.id;
  if (userId === undefined) return false;
  const key = `${chat.id}:${userId}`;
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.admin;
  const member = await ctx.api.getChatMember(chat.id, userId);
  const admin = member.status === "creator" || member.status === "administrator";
  // Only a yes is remembered: someone just made an administrator must not be refused for a minute.
  if (cache.size > 10_000) cache.clear();
  if (admin) cache.set(key, { admin, at: Date.now() });
  return admin;
}

/** Options that make a reply answer the person's own message (so a refusal in a group says whom it means). */
export function replyTo(ctx: Context): {
  reply_parameters?: { message_id: number; allow_sending_without_reply: true };
} {
  const id = ctx.msg?.message_id;
  return id === undefined ? {} : { reply_parameters: { message_id: id, allow_sending_without_reply: true } };
}

/** Refuses a non-administrator: a reply to their message, or a pop-up for a button press. */
export async function refuse(ctx: BotContext): Promise<unknown> {
  if (ctx.callbackQuery) return ctx.answerCallbackQuery({ text: ctx.t("not-admin"), show_alert: true });
  return ctx.reply(ctx.t("not-admin"), replyTo(ctx));
}

/** Wraps a settings-changing handler: non-admins get a polite refusal, others get the chat registered first. */
export function guarded(deps: BotDeps, handler: (ctx: BotContext) => Promise<unknown>) {
  return async (ctx: BotContext) => {
    if (!(await canManage(ctx))) return refuse(ctx);
    await registerChat(ctx, deps);
    return handler(ctx);
  };
}
