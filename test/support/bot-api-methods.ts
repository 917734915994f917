import { bad, type Reply, type SentMessage } from "./bot-api-types.js";
import type { CallRecord } from "./call-record.js";
import type { Payload } from "./http-body.js";
import type { MenuCommand, TelegramState } from "./telegram-state.js";
import { validateMessage } from "./telegram-validation.js";
import type { UpdateQueue } from "./update-queue.js";

/** What a method may read or change: Telegram's memory, the record of sends, and the update queue. */
export interface MethodContext {
  state: TelegramState;
  record: CallRecord;
  updates: UpdateQueue;
}

/**
 * Handles one Bot API call that got past the faults, the way Telegram would: only the methods the bot
 * uses, each checked as strictly as Telegram checks it, so a bad call fails here and not in production.
 */
export function dispatch(ctx: MethodContext, method: string, p: Payload): Reply {
  const { state } = ctx;
  const ok = (result: unknown): Reply => ({ ok: true, result });
  const me = state.me;
  switch (method.toLowerCase()) {
    case "getme":
      return ok({
        ...me,
        can_join_groups: true,
        can_read_all_group_messages: false,
        supports_inline_queries: false,
      });
    case "sendmessage":
    case "editmessagetext":
      return sendOrEdit(ctx, method, p);
    case "getfile": {
      const f = state.files.get(String(p.file_id));
      if (!f) return bad("invalid file_id");
      return ok({
        file_id: p.file_id,
        file_unique_id: `u${p.file_id}`,
        file_size: f.data.length,
        file_path: f.path,
      });
    }
    case "senddocument": {
      const doc = p.document as { filename?: string; content?: string } | undefined;
      const messageId = state.newMessageId();
      ctx.record.record({
        method,
        chat_id: Number(p.chat_id),
        text: typeof p.caption === "string" ? p.caption : "",
        message_id: messageId,
        document: { name: doc?.filename ?? "", content: doc?.content ?? "" },
      });
      return ok({
        message_id: messageId,
        date: Math.floor(Date.now() / 1000),
        chat: state.chatFor(Number(p.chat_id)),
      });
    }
    case "answercallbackquery":
      ctx.record.record({
        method,
        chat_id: 0,
        text: typeof p.text === "string" ? p.text : "",
        message_id: 0,
        show_alert: p.show_alert === true || p.show_alert === "true",
      });
      return ok(true);
    case "getchatmember": {
      const userId = Number(p.user_id);
      const status = state.members.get(`${Number(p.chat_id)}:${userId}`) ?? "member";
      const user = userId === state.botId ? me : { id: userId, is_bot: false, first_name: "User" };
      const extra = status === "restricted" ? { is_member: true, until_date: 0 } : {};
      const admin = status === "administrator" ? { can_be_edited: false, is_anonymous: false } : {};
      return ok({ status, user, ...extra, ...admin });
    }
    case "getchat":
      return ok(state.chatFor(Number(p.chat_id)));
    case "setmycommands": {
      const commands = Array.isArray(p.commands) ? (p.commands as Payload[]) : [];
      if (commands.some((c) => typeof c.command !== "string" || !/^[a-z0-9_]{1,32}$/.test(c.command))) {
        return bad("BOT_COMMAND_INVALID");
      }
      state.menus.set(menuKey(p), commands as MenuCommand[]);
      return ok(true);
    }
    case "getmycommands":
      return ok(state.menus.get(menuKey(p)) ?? []);
    case "deletemycommands":
      state.menus.delete(menuKey(p));
      return ok(true);
    case "setwebhook":
      if (typeof p.url !== "string" || !p.url.startsWith("https://"))
        return bad("bad webhook: HTTPS url must be provided for webhook");
      state.webhook = {
        url: p.url,
        ...(typeof p.secret_token === "string" ? { secret_token: p.secret_token } : {}),
      };
      return ok(true);
    case "getwebhookinfo":
      return ok({ url: state.webhook?.url ?? "", has_custom_certificate: false, pending_update_count: 0 });
    case "deletewebhook":
      state.webhook = null;
      if (p.drop_pending_updates === true || p.drop_pending_updates === "true") ctx.updates.clear();
      return ok(true);
    case "setmydescription":
    case "setmyshortdescription":
    case "sendchataction":
    case "deletemessage":
      return ok(true);
    default:
      return { ok: false, error_code: 404, description: "Not Found: method not found" };
  }
}

/** sendMessage and editMessageText: the text is validated as Telegram would, and an edit must change something. */
function sendOrEdit(ctx: MethodContext, method: string, p: Payload): Reply {
  const { state } = ctx;
  const chatId = p.chat_id === undefined ? 0 : Number(p.chat_id);
  if (p.chat_id === undefined && p.inline_message_id === undefined) return bad("chat_id is empty");
  const text = typeof p.text === "string" ? p.text : p.text === undefined ? "" : String(p.text);
  const checked = validateMessage(text, p.parse_mode, p.reply_markup);
  if (!checked.ok) return bad(checked.error);
  const editing = method.toLowerCase() === "editmessagetext";
  const messageId = editing ? Number(p.message_id) : state.newMessageId();
  const key = `${chatId}:${messageId}`;
  const content = `${text}\u0000${p.parse_mode}\u0000${JSON.stringify(p.reply_markup ?? null)}`;
  if (editing && state.texts.get(key) === content) {
    return bad(
      "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
    );
  }
  state.texts.set(key, content);
  const replyTo = (p.reply_parameters as { message_id?: number } | undefined)?.message_id;
  ctx.record.record({
    method,
    chat_id: chatId,
    text,
    message_id: messageId,
    ...pick(p),
    ...(replyTo === undefined ? {} : { reply_to: Number(replyTo) }),
    ...(p.message_thread_id === undefined ? {} : { message_thread_id: Number(p.message_thread_id) }),
  });
  if (editing && p.inline_message_id !== undefined) return { ok: true, result: true };
  const date = Math.floor(Date.now() / 1000);
  return {
    ok: true,
    result: { message_id: messageId, date, chat: state.chatFor(chatId), from: state.me, text: checked.text },
  };
}

/** The key of a command menu: its scope type and language code, as setMyCommands names them. */
function menuKey(p: Payload): string {
  const scope = (p.scope as { type?: string } | undefined)?.type ?? "default";
  return `${scope}|${typeof p.language_code === "string" ? p.language_code : ""}`;
}

/** The formatting fields of a send, recorded only when given so tests can tell "unset" from a value. */
function pick(p: Payload): Partial<SentMessage> {
  const out: Partial<SentMessage> = {};
  if (typeof p.parse_mode === "string") out.parse_mode = p.parse_mode;
  if (p.reply_markup !== undefined) out.reply_markup = p.reply_markup;
  if (p.link_preview_options !== undefined) out.link_preview_options = p.link_preview_options;
  return out;
}
