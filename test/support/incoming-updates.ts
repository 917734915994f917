import type { Chat, SentMessage } from "./bot-api-types.js";
import type { Payload } from "./http-body.js";
import type { TelegramState } from "./telegram-state.js";
import { commandEntities } from "./telegram-validation.js";

/** The chat a test's user writes in (type by the id's sign when not given). */
export type TextChat = {
  id: number;
  type?: "private" | "group" | "supergroup" | "channel";
  title?: string;
  is_forum?: boolean;
};

/** The user who writes, or null for an anonymous post (a channel's). */
export type TextFrom = { id: number; first_name?: string; username?: string; language_code?: string } | null;

/** What else the message carries: the chat it is sent as, a reply, a forum topic, raw extra fields. */
export type TextOptions = { senderChat?: object; replyTo?: SentMessage; threadId?: number; extra?: object };

/** A text message update (channel_post for channels) with bot_command entities like Telegram adds. */
export function textUpdate(
  state: TelegramState,
  chat: TextChat,
  from: TextFrom,
  text: string,
  opts: TextOptions,
): object {
  const type = chat.type ?? (chat.id > 0 ? "private" : "supergroup");
  const fullChat: Chat =
    type === "private"
      ? { id: chat.id, type, first_name: from?.first_name ?? "User", username: from?.username }
      : {
          id: chat.id,
          type,
          title: chat.title ?? `Chat ${chat.id}`,
          ...(chat.is_forum ? { is_forum: true } : {}),
        };
  state.chats.set(chat.id, fullChat);
  const entities = commandEntities(text);
  const message: Payload = {
    message_id: state.newMessageId(),
    date: Math.floor(Date.now() / 1000),
    chat: fullChat,
    text,
    ...(from ? { from: { is_bot: false, first_name: "User", ...from } } : {}),
    ...(opts.senderChat ? { sender_chat: opts.senderChat } : {}),
    ...(entities.length ? { entities } : {}),
    ...(opts.threadId === undefined ? {} : { message_thread_id: opts.threadId, is_topic_message: true }),
    ...(opts.replyTo ? { reply_to_message: asMessage(state, opts.replyTo, fullChat) } : {}),
    ...opts.extra,
  };
  return type === "channel" ? { channel_post: message } : { message };
}

/** The service message update Telegram sends when a user picks a chat from a request_chat button. */
export function chatSharedUpdate(
  state: TelegramState,
  user: { id: number; first_name?: string; language_code?: string },
  shared: { request_id: number; chat_id: number; title?: string },
): object {
  const chat: Chat = { id: user.id, type: "private", first_name: user.first_name ?? "User" };
  state.chats.set(user.id, chat);
  return {
    message: {
      message_id: state.newMessageId(),
      date: Math.floor(Date.now() / 1000),
      chat,
      from: { is_bot: false, first_name: "User", ...user },
      chat_shared: shared,
    },
  };
}

/** A message the bot sent, as Telegram shows it inside an update (plain text, entities dropped). */
function asMessage(state: TelegramState, m: SentMessage, chat: Chat): Payload {
  const text = m.parse_mode === "HTML" ? plainText(m.text) : m.text;
  return { message_id: m.message_id, date: Math.floor(Date.now() / 1000), chat, from: state.me, text };
}

/** Telegram HTML as the plain text a client gets back (tags dropped, entities decoded). */
function plainText(html: string): string {
  return html
    .replace(/<[^>]+>/g, "")
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&quot;", '"')
    .replaceAll("&amp;", "&");
}
