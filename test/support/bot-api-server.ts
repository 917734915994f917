import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import {
  type AnsweredSend,
  bad,
  type Chat,
  type FakeApiError,
  type FakeChatMember,
  type FakeLimits,
  type Reply,
  type SentMessage,
  sendReply as send,
} from "./bot-api-types.js";
import { type Payload, parseBody, readBody } from "./http-body.js";
import { commandEntities, validateMessage } from "./telegram-validation.js";

export type { AnsweredSend, FakeApiError, FakeChatMember, FakeLimits, SentMessage } from "./bot-api-types.js";

const MAX_POLL_MS = 1000;

/** Fake Telegram Bot API on 127.0.0.1; point grammY at it with `{ client: { apiRoot: server.apiRoot } }`. */
export class BotApiServer {
  /** Base URL without trailing slash, e.g. "http://127.0.0.1:PORT". */
  readonly apiRoot: string;
  /** Bot token the server accepts; any other token gets 401 Unauthorized. */
  readonly token: string;
  /** Successful sendMessage/editMessageText/answerCallbackQuery calls, in order (raw text as sent). */
  readonly sent: SentMessage[] = [];
  /** Every request received (including failed ones), in order. */
  readonly calls: Array<{ method: string; payload: Record<string, unknown> }> = [];

  private readonly botUsername: string;
  private readonly botId: number;
  private queue: Array<Payload & { update_id: number }> = [];
  private nextUpdateId = 1;
  private nextMessageId = 1;
  private readonly polls = new Set<() => void>();
  private readonly sentWaiters = new Set<(m: SentMessage) => void>();
  private readonly failures = new Map<string, FakeApiError[]>();
  private readonly refusals = new Map<number, FakeApiError>();
  private readonly members = new Map<string, FakeChatMember["status"]>();
  private readonly chats = new Map<number, Chat>();
  private readonly texts = new Map<string, string>();
  private readonly files = new Map<string, { data: Buffer; path: string }>();
  /** Command menus by scope type and language code ("default|" is the menu of everyone). */
  readonly menus = new Map<string, Array<{ command: string; description: string }>>();
  private closed = false;
  /** The token was revoked (see `revokeToken`): every call is answered 401. */
  private revoked = false;
  /** The registered webhook (setWebhook), as Telegram would keep it; null in long-polling mode. */
  webhook: { url: string; secret_token?: string } | null = null;
  /** Every answered call that writes to a chat (sendMessage, editMessageText, sendDocument), in order. */
  readonly answered: AnsweredSend[] = [];
  private latencyMs = 0;
  private limits: FakeLimits | null = null;
  private outageKind: "5xx" | "network" | null = null;
  private readonly recentAll: number[] = [];
  private readonly recentByGroup = new Map<number, number[]>();

  private constructor(
    private readonly server: Server,
    port: number,
    token: string,
    botUsername: string,
  ) {
    this.apiRoot = `http://127.0.0.1:${port}`;
    this.token = token;
    this.botUsername = botUsername;
    this.botId = Number(token.split(":")[0]) || 123456;
  }

  /** Starts the fake on a random port (or `port`). Defaults: token "123456:TEST-TOKEN", username "newsalert_test_bot". */
  static async start(
    opts: {
      token?: string;
      botUsername?: string;
      port?: number;
      latencyMs?: number;
      limits?: FakeLimits;
    } = {},
  ): Promise<BotApiServer> {
    let self: BotApiServer | undefined;
    const server = createServer((req, res) => {
      self?.handle(req, res).catch((err: unknown) => {
        if (res.headersSent) res.destroy();
        else send(res, { ok: false, error_code: 500, description: `Internal Server Error: ${String(err)}` });
      });
    });
    await new Promise<void>((resolve) => server.listen(opts.port ?? 0, "127.0.0.1", resolve));
    const port = (server.address() as AddressInfo).port;
    self = new BotApiServer(
      server,
      port,
      opts.token ?? "123456:TEST-TOKEN",
      opts.botUsername ?? "newsalert_test_bot",
    );
    self.latencyMs = opts.latencyMs ?? 0;
    self.limits = opts.limits ?? null;
    return self;
  }

  /** Queues a raw Update (update_id assigned if missing) and wakes a pending getUpdates. */
  pushUpdate(update: object): void {
    const u = { ...(update as Payload) } as Payload & { update_id: number };
    if (typeof u.update_id !== "number") u.update_id = this.nextUpdateId;
    this.nextUpdateId = Math.max(this.nextUpdateId, u.update_id + 1);
    this.queue.push(u);
    for (const wake of [...this.polls]) wake();
  }

  /** Queues a text message update (channel_post for channels) with bot_command entities like Telegram adds. */
  sendText(
    chat: {
      id: number;
      type?: "private" | "group" | "supergroup" | "channel";
      title?: string;
      is_forum?: boolean;
    },
    from: { id: number; first_name?: string; username?: string; language_code?: string } | null,
    text: string,
    opts: { senderChat?: object; replyTo?: SentMessage; threadId?: number; extra?: object } = {},
  ): void {
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
    this.chats.set(chat.id, fullChat);
    const entities = commandEntities(text);
    const message: Payload = {
      message_id: this.nextMessageId++,
      date: Math.floor(Date.now() / 1000),
      chat: fullChat,
      text,
      ...(from ? { from: { is_bot: false, first_name: "User", ...from } } : {}),
      ...(opts.senderChat ? { sender_chat: opts.senderChat } : {}),
      ...(entities.length ? { entities } : {}),
      ...(opts.threadId === undefined ? {} : { message_thread_id: opts.threadId, is_topic_message: true }),
      ...(opts.replyTo ? { reply_to_message: this.asMessage(opts.replyTo, fullChat) } : {}),
      ...opts.extra,
    };
    this.pushUpdate(type === "channel" ? { channel_post: message } : { message });
  }

  /** A message the bot sent, as Telegram shows it inside an update (plain text, entities dropped). */
  private asMessage(m: SentMessage, chat: Chat): Payload {
    const me = { id: this.botId, is_bot: true, first_name: "NewsAlert Test", username: this.botUsername };
    const text = m.parse_mode === "HTML" ? plainText(m.text) : m.text;
    return { message_id: m.message_id, date: Math.floor(Date.now() / 1000), chat, from: me, text };
  }

  /** Queues the service message Telegram sends when a user picks a chat from a request_chat button. */
  shareChat(
    user: { id: number; first_name?: string; language_code?: string },
    shared: { request_id: number; chat_id: number; title?: string },
  ): void {
    const chat: Chat = { id: user.id, type: "private", first_name: user.first_name ?? "User" };
    this.chats.set(user.id, chat);
    this.pushUpdate({
      message: {
        message_id: this.nextMessageId++,
        date: Math.floor(Date.now() / 1000),
        chat,
        from: { is_bot: false, first_name: "User", ...user },
        chat_shared: shared,
      },
    });
  }

  /** Sets the status getChatMember reports for (chatId, userId); unset pairs report "member". */
  setChatMember(chatId: number, userId: number, status: FakeChatMember["status"]): void {
    this.members.set(`${chatId}:${userId}`, status);
  }

  /** Makes the next `times` calls of `method` fail with `error` (HTTP status = error_code). */
  failNext(method: string, error: FakeApiError, times = 1): void {
    const list = this.failures.get(method.toLowerCase()) ?? [];
    for (let n = 0; n < times; n++) list.push(error);
    this.failures.set(method.toLowerCase(), list);
  }

  /**
   * Refuses every write to one chat with `error` until called again with null, as Telegram does for a
   * chat that blocked the bot or removed it (unlike `failNext`, other chats are unaffected).
   */
  refuseChat(chatId: number, error: FakeApiError | null): void {
    if (error) this.refusals.set(chatId, error);
    else this.refusals.delete(chatId);
  }

  /** Revokes the token, as @BotFather does: every call from now on (pending long polls too) gets 401 Unauthorized. */
  revokeToken(): void {
    this.revoked = true;
    for (const wake of [...this.polls]) wake();
  }

  /** Answers every call (except getUpdates) after `ms`, like a distant Bot API. */
  setLatency(ms: number): void {
    this.latencyMs = ms;
  }

  /** Enforces Telegram's flood limits from now on (null: none, the default). */
  setLimits(limits: FakeLimits | null): void {
    this.limits = limits;
  }

  /** Simulates an outage of every call but getUpdates: "5xx" answers 502, "network" drops the connection; null ends it. */
  setOutage(kind: "5xx" | "network" | null): void {
    this.outageKind = kind;
  }

  /** How many sends were answered 429 because a limit was hit (failNext ones not counted). */
  get floods(): number {
    return this.answered.filter((a) => a.byLimit).length;
  }

  /** Resolves with the first recorded message matching `predicate` (already recorded ones count). */
  waitForSent(predicate: (m: SentMessage) => boolean, timeoutMs = 5000): Promise<SentMessage> {
    const found = this.sent.find(predicate);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const waiter = (m: SentMessage) => {
        if (!predicate(m)) return;
        cleanup();
        resolve(m);
      };
      const timer = setTimeout(() => {
        cleanup();
        const seen = this.sent
          .map((m) => `${m.method}(${m.chat_id}): ${JSON.stringify(m.text)}`)
          .join("\n  ");
        reject(new Error(`waitForSent: no match within ${timeoutMs} ms; recorded:\n  ${seen || "(none)"}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.sentWaiters.delete(waiter);
      };
      this.sentWaiters.add(waiter);
    });
  }

  /** Stops the server, answering pending long polls and dropping keep-alive connections. */
  async close(): Promise<void> {
    this.closed = true;
    for (const wake of [...this.polls]) wake();
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  /** Makes a file downloadable the way Telegram serves a document a user sent; returns its Document fields. */
  addFile(content: string | Buffer, fileName: string, mimeType = "application/octet-stream") {
    const id = `file-${this.files.size + 1}`;
    const data = Buffer.from(content);
    this.files.set(id, { data, path: `documents/${id}_${fileName}` });
    return {
      file_id: id,
      file_unique_id: `u${id}`,
      file_name: fileName,
      mime_type: mimeType,
      file_size: data.length,
    };
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", this.apiRoot);
    const file = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
    if (file) {
      const hit = [...this.files.values()].find((f) => f.path === decodeURIComponent(file[2] as string));
      if (!hit || decodeURIComponent(file[1] as string) !== this.token) return void res.writeHead(404).end();
      return void res.writeHead(200, { "content-type": "application/octet-stream" }).end(hit.data);
    }
    const m = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
    const body = await readBody(req);
    if (!m) return send(res, { ok: false, error_code: 404, description: "Not Found" });
    const method = m[2] as string;
    const payload = {
      ...Object.fromEntries(url.searchParams),
      ...parseBody(req.headers["content-type"], body),
    };
    this.calls.push({ method, payload });
    if (this.revoked || decodeURIComponent(m[1] as string) !== this.token) {
      return send(res, { ok: false, error_code: 401, description: "Unauthorized" });
    }
    const lower = method.toLowerCase();
    const writes = ["sendmessage", "editmessagetext", "senddocument"].includes(lower);
    const chatId = Number(payload.chat_id);
    // Limits count a send when it arrives, as Telegram does, not when it is answered.
    const arrivedAt = Date.now();
    const retryAfter = writes && this.outageKind === null ? this.overLimit(chatId) : 0;
    if (lower !== "getupdates" && this.latencyMs > 0) await new Promise((r) => setTimeout(r, this.latencyMs));
    if (lower !== "getupdates" && this.outageKind === "network") return void res.socket?.destroy();
    if (lower !== "getupdates" && this.outageKind === "5xx")
      return send(res, { ok: false, error_code: 502, description: "Bad Gateway" });
    const failure = this.failures.get(lower)?.shift() ?? (writes ? this.refusals.get(chatId) : undefined);
    if (failure && writes)
      this.answered.push({ method, chat_id: chatId, at: Date.now(), status: failure.error_code });
    if (failure) return send(res, { ok: false, ...failure });
    if (lower === "getupdates" && this.webhook)
      return send(res, {
        ok: false,
        error_code: 409,
        description:
          "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
      });
    if (lower === "getupdates") return this.getUpdates(payload, res);
    if (retryAfter > 0) {
      this.answered.push({ method, chat_id: chatId, at: arrivedAt, status: 429, byLimit: true });
      return send(res, {
        ok: false,
        error_code: 429,
        description: `Too Many Requests: retry after ${retryAfter}`,
        parameters: { retry_after: retryAfter },
      });
    }
    const reply = this.dispatch(method, payload);
    if (writes)
      this.answered.push({
        method,
        chat_id: chatId,
        at: Date.now(),
        status: reply.ok ? 200 : reply.error_code,
      });
    send(res, reply);
  }

  /** Seconds to wait when a send now would break a limit (0: within limits); counts the send otherwise. */
  private overLimit(chatId: number): number {
    if (!this.limits) return 0;
    const now = Date.now();
    const window = (list: number[], ms: number) => {
      while (list.length && (list[0] as number) <= now - ms) list.shift();
      return list;
    };
    const all = window(this.recentAll, 1000);
    if (all.length >= this.limits.perSecond)
      return Math.max(1, Math.ceil(((all[0] as number) + 1000 - now) / 1000));
    const group = chatId < 0 ? window(this.recentByGroup.get(chatId) ?? [], 60_000) : null;
    if (group && group.length >= this.limits.perGroupPerMinute)
      return Math.max(1, Math.ceil(((group[0] as number) + 60_000 - now) / 1000));
    all.push(now);
    if (group) {
      group.push(now);
      this.recentByGroup.set(chatId, group);
    }
    return 0;
  }

  private getUpdates(p: Payload, res: ServerResponse): void {
    const offset = Number(p.offset ?? 0);
    if (offset > 0) this.queue = this.queue.filter((u) => u.update_id >= offset);
    const limit = Math.min(Math.max(Number(p.limit ?? 100), 1), 100);
    let timer: NodeJS.Timeout | undefined;
    const answer = () => {
      this.polls.delete(answer);
      clearTimeout(timer);
      if (res.writableEnded || res.destroyed) return;
      if (this.revoked) send(res, { ok: false, error_code: 401, description: "Unauthorized" });
      else send(res, { ok: true, result: this.queue.slice(0, limit) });
    };
    const waitMs = Math.min(Number(p.timeout ?? 0) * 1000, MAX_POLL_MS);
    if (this.queue.length > 0 || waitMs <= 0 || this.closed) {
      answer();
      return;
    }
    timer = setTimeout(answer, waitMs);
    this.polls.add(answer);
    res.on("close", () => {
      this.polls.delete(answer);
      clearTimeout(timer);
    });
  }

  private dispatch(method: string, p: Payload): Reply {
    const ok = (result: unknown): Reply => ({ ok: true, result });
    const me = { id: this.botId, is_bot: true, first_name: "NewsAlert Test", username: this.botUsername };
    switch (method.toLowerCase()) {
      case "getme":
        return ok({
          ...me,
          can_join_groups: true,
          can_read_all_group_messages: false,
          supports_inline_queries: false,
        });
      case "sendmessage":
      case "editmessagetext": {
        const chatId = p.chat_id === undefined ? 0 : Number(p.chat_id);
        if (p.chat_id === undefined && p.inline_message_id === undefined) return bad("chat_id is empty");
        const text = typeof p.text === "string" ? p.text : p.text === undefined ? "" : String(p.text);
        const checked = validateMessage(text, p.parse_mode, p.reply_markup);
        if (!checked.ok) return bad(checked.error);
        const editing = method.toLowerCase() === "editmessagetext";
        const messageId = editing ? Number(p.message_id) : this.nextMessageId++;
        const key = `${chatId}:${messageId}`;
        const state = `${text}\u0000${p.parse_mode}\u0000${JSON.stringify(p.reply_markup ?? null)}`;
        if (editing && this.texts.get(key) === state) {
          return bad(
            "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
          );
        }
        this.texts.set(key, state);
        const replyTo = (p.reply_parameters as { message_id?: number } | undefined)?.message_id;
        this.record({
          method,
          chat_id: chatId,
          text,
          message_id: messageId,
          ...pick(p),
          ...(replyTo === undefined ? {} : { reply_to: Number(replyTo) }),
          ...(p.message_thread_id === undefined ? {} : { message_thread_id: Number(p.message_thread_id) }),
        });
        if (editing && p.inline_message_id !== undefined) return ok(true);
        const date = Math.floor(Date.now() / 1000);
        return ok({ message_id: messageId, date, chat: this.chatFor(chatId), from: me, text: checked.text });
      }
      case "getfile": {
        const f = this.files.get(String(p.file_id));
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
        const messageId = this.nextMessageId++;
        this.record({
          method,
          chat_id: Number(p.chat_id),
          text: typeof p.caption === "string" ? p.caption : "",
          message_id: messageId,
          document: { name: doc?.filename ?? "", content: doc?.content ?? "" },
        });
        return ok({
          message_id: messageId,
          date: Math.floor(Date.now() / 1000),
          chat: this.chatFor(Number(p.chat_id)),
        });
      }
      case "answercallbackquery":
        this.record({
          method,
          chat_id: 0,
          text: typeof p.text === "string" ? p.text : "",
          message_id: 0,
          show_alert: p.show_alert === true || p.show_alert === "true",
        });
        return ok(true);
      case "getchatmember": {
        const userId = Number(p.user_id);
        const status = this.members.get(`${Number(p.chat_id)}:${userId}`) ?? "member";
        const user = userId === this.botId ? me : { id: userId, is_bot: false, first_name: "User" };
        const extra = status === "restricted" ? { is_member: true, until_date: 0 } : {};
        const admin = status === "administrator" ? { can_be_edited: false, is_anonymous: false } : {};
        return ok({ status, user, ...extra, ...admin });
      }
      case "getchat":
        return ok(this.chatFor(Number(p.chat_id)));
      case "setmycommands": {
        const commands = Array.isArray(p.commands) ? (p.commands as Payload[]) : [];
        if (commands.some((c) => typeof c.command !== "string" || !/^[a-z0-9_]{1,32}$/.test(c.command))) {
          return bad("BOT_COMMAND_INVALID");
        }
        this.menus.set(menuKey(p), commands as Array<{ command: string; description: string }>);
        return ok(true);
      }
      case "getmycommands":
        return ok(this.menus.get(menuKey(p)) ?? []);
      case "deletemycommands":
        this.menus.delete(menuKey(p));
        return ok(true);
      case "setwebhook":
        if (typeof p.url !== "string" || !p.url.startsWith("https://"))
          return bad("bad webhook: HTTPS url must be provided for webhook");
        this.webhook = {
          url: p.url,
          ...(typeof p.secret_token === "string" ? { secret_token: p.secret_token } : {}),
        };
        return ok(true);
      case "getwebhookinfo":
        return ok({ url: this.webhook?.url ?? "", has_custom_certificate: false, pending_update_count: 0 });
      case "deletewebhook":
        this.webhook = null;
        if (p.drop_pending_updates === true || p.drop_pending_updates === "true") this.queue = [];
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

  private record(m: SentMessage): void {
    this.sent.push(m);
    for (const w of [...this.sentWaiters]) w(m);
  }

  private chatFor(id: number): Chat {
    return (
      this.chats.get(id) ??
      (id > 0 ? { id, type: "private", first_name: "User" } : { id, type: "supergroup", title: `Chat ${id}` })
    );
  }
}

/** The key of a command menu: its scope type and language code, as setMyCommands names them. */
function menuKey(p: Payload): string {
  const scope = (p.scope as { type?: string } | undefined)?.type ?? "default";
  return `${scope}|${typeof p.language_code === "string" ? p.language_code : ""}`;
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

function pick(p: Payload): Partial<SentMessage> {
  const out: Partial<SentMessage> = {};
  if (typeof p.parse_mode === "string") out.parse_mode = p.parse_mode;
  if (p.reply_markup !== undefined) out.reply_markup = p.reply_markup;
  if (p.link_preview_options !== undefined) out.link_preview_options = p.link_preview_options;
  return out;
}
