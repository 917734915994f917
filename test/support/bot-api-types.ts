import type { ServerResponse } from "node:http";

// The shapes the fake Bot API's parts share, and how a reply goes on the wire, kept apart so that no
// part has to import the server that composes them.

/** A message-like call the bot made (sendMessage, editMessageText, answerCallbackQuery), as recorded. */
export interface SentMessage {
  chat_id: number;
  text: string;
  parse_mode?: string;
  reply_markup?: unknown;
  link_preview_options?: unknown;
  message_id: number;
  method: string;
  /** For sendDocument: the uploaded file's name and text. */
  document?: { name: string; content: string };
  /** The message this one replies to (reply_parameters.message_id). */
  reply_to?: number;
  /** The forum topic it was sent into. */
  message_thread_id?: number;
  /** For answerCallbackQuery: whether the answer is a pop-up. */
  show_alert?: boolean;
}

/** Status the fake reports for a chat member in getChatMember. */
export interface FakeChatMember {
  status: "creator" | "administrator" | "member" | "left" | "kicked" | "restricted";
}

/** An error the fake returns instead of handling a call (see `failNext`). */
export interface FakeApiError {
  error_code: number;
  description: string;
  parameters?: { retry_after?: number; migrate_to_chat_id?: number };
}

/** Telegram's flood limits as the fake enforces them (429 + retry_after beyond). */
export interface FakeLimits {
  /** Messages a second overall (Telegram: 30). */
  perSecond: number;
  /** Messages a minute per group, supergroup or channel (Telegram: 20). */
  perGroupPerMinute: number;
}

/** One answered call that writes to a chat, with when it was answered and how. */
export interface AnsweredSend {
  method: string;
  chat_id: number;
  at: number;
  /** 200, or the error code answered (429 when a limit was hit). */
  status: number;
  /** True for a 429 the fake's limits produced (not one forced with failNext). */
  byLimit?: boolean;
}

/** A Bot API answer body: every method answers in this envelope, errors included. */
export type Reply = { ok: true; result: unknown } | ({ ok: false } & FakeApiError);

/** A chat as the fake remembers it, so later updates and getChat show the same one. */
export type Chat = { id: number; type: string; title?: string; first_name?: string; username?: string };

/** A 400 the way Telegram words it, since the bot's error handling matches on the prefix. */
export const bad = (description: string): Reply => ({
  ok: false,
  error_code: 400,
  description: `Bad Request: ${description}`,
});

/** Writes a reply with the HTTP status Telegram uses for it (the error code, else 200). */
export function sendReply(res: ServerResponse, reply: Reply): void {
  const status = reply.ok ? 200 : reply.error_code;
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(reply));
}
