import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { dispatch, type MethodContext } from "./bot-api-methods.js";
import {
  type AnsweredSend,
  type FakeApiError,
  type FakeChatMember,
  type FakeLimits,
  type SentMessage,
  sendReply,
} from "./bot-api-types.js";
import { CallRecord } from "./call-record.js";
import { FakeFaults } from "./fake-faults.js";
import { parseBody, readBody } from "./http-body.js";
import {
  chatSharedUpdate,
  type TextChat,
  type TextFrom,
  type TextOptions,
  textUpdate,
} from "./incoming-updates.js";
import { TelegramState } from "./telegram-state.js";
import { UpdateQueue } from "./update-queue.js";

export type { AnsweredSend, FakeApiError, FakeChatMember, FakeLimits, SentMessage } from "./bot-api-types.js";

/** Methods that write to a chat: the only ones flood limits, refused chats and `answered` concern. */
const WRITES = ["sendmessage", "editmessagetext", "senddocument"];

/** Fake Telegram Bot API on 127.0.0.1; point grammY at it with `{ client: { apiRoot: server.apiRoot } }`. */
export class BotApiServer {
  /** Base URL without trailing slash, e.g. "http://127.0.0.1:PORT". */
  readonly apiRoot: string;
  /** Bot token the server accepts; any other token gets 401 Unauthorized. */
  readonly token: string;

  private readonly record = new CallRecord();
  private readonly state: TelegramState;
  private readonly faults: FakeFaults;
  private readonly updates = new UpdateQueue(() => this.faults.revoked);
  private readonly methods: MethodContext;

  /** Successful sendMessage/editMessageText/answerCallbackQuery calls, in order (raw text as sent). */
  readonly sent: SentMessage[] = this.record.sent;
  /** Every request received (including failed ones), in order. */
  readonly calls: Array<{ method: string; payload: Record<string, unknown> }> = this.record.calls;
  /** Every answered call that writes to a chat (sendMessage, editMessageText, sendDocument), in order. */
  readonly answered: AnsweredSend[] = this.record.answered;
  /** Command menus by scope type and language code ("default|" is the menu of everyone). */
  readonly menus: Map<string, Array<{ command: string; description: string }>>;

  private constructor(
    private readonly server: Server,
    port: number,
    token: string,
    botUsername: string,
    faults: FakeFaults,
  ) {
    this.apiRoot = `http://127.0.0.1:${port}`;
    this.token = token;
    this.state = new TelegramState(token, botUsername);
    this.faults = faults;
    this.menus = this.state.menus;
    this.methods = { state: this.state, record: this.record, updates: this.updates };
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
        else
          sendReply(res, {
            ok: false,
            error_code: 500,
            description: `Internal Server Error: ${String(err)}`,
          });
      });
    });
    await new Promise<void>((resolve) => server.listen(opts.port ?? 0, "127.0.0.1", resolve));
    const port = (server.address() as AddressInfo).port;
    self = new BotApiServer(
      server,
      port,
      opts.token ?? "123456:TEST-TOKEN",
      opts.botUsername ?? "newsalert_test_bot",
      new FakeFaults(opts.latencyMs ?? 0, opts.limits ?? null),
    );
    return self;
  }

  /** The registered webhook (setWebhook), as Telegram would keep it; null in long-polling mode. */
  get webhook(): { url: string; secret_token?: string } | null {
    return this.state.webhook;
  }

  /** Tests set it directly to start from a bot Telegram already has a webhook for. */
  set webhook(hook: { url: string; secret_token?: string } | null) {
    this.state.webhook = hook;
  }

  /** Queues a raw Update (update_id assigned if missing) and wakes a pending getUpdates. */
  pushUpdate(update: object): void {
    this.updates.push(update);
  }

  /** Queues a text message update (channel_post for channels) with bot_command entities like Telegram adds. */
  sendText(chat: TextChat, from: TextFrom, text: string, opts: TextOptions = {}): void {
    this.pushUpdate(textUpdate(this.state, chat, from, text, opts));
  }

  /** Queues the service message Telegram sends when a user picks a chat from a request_chat button. */
  shareChat(
    user: { id: number; first_name?: string; language_code?: string },
    shared: { request_id: number; chat_id: number; title?: string },
  ): void {
    this.pushUpdate(chatSharedUpdate(this.state, user, shared));
  }

  /** Sets the status getChatMember reports for (chatId, userId); unset pairs report "member". */
  setChatMember(chatId: number, userId: number, status: FakeChatMember["status"]): void {
    this.state.members.set(`${chatId}:${userId}`, status);
  }

  /** Makes the next `times` calls of `method` fail with `error` (HTTP status = error_code). */
  failNext(method: string, error: FakeApiError, times = 1): void {
    this.faults.failNext(method, error, times);
  }

  /**
   * Refuses every write to one chat with `error` until called again with null, as Telegram does for a
   * chat that blocked the bot or removed it (unlike `failNext`, other chats are unaffected).
   */
  refuseChat(chatId: number, error: FakeApiError | null): void {
    this.faults.refuseChat(chatId, error);
  }

  /** Revokes the token, as @BotFather does: every call from now on (pending long polls too) gets 401 Unauthorized. */
  revokeToken(): void {
    this.faults.revoked = true;
    this.updates.wake();
  }

  /** Answers every call (except getUpdates) after `ms`, like a distant Bot API. */
  setLatency(ms: number): void {
    this.faults.latencyMs = ms;
  }

  /** Enforces Telegram's flood limits from now on (null: none, the default). */
  setLimits(limits: FakeLimits | null): void {
    this.faults.limits = limits;
  }

  /** Simulates an outage of every call but getUpdates: "5xx" answers 502, "network" drops the connection; null ends it. */
  setOutage(kind: "5xx" | "network" | null): void {
    this.faults.outage = kind;
  }

  /** How many sends were answered 429 because a limit was hit (failNext ones not counted). */
  get floods(): number {
    return this.record.floods;
  }

  /** Resolves with the first recorded message matching `predicate` (already recorded ones count). */
  waitForSent(predicate: (m: SentMessage) => boolean, timeoutMs = 5000): Promise<SentMessage> {
    return this.record.waitForSent(predicate, timeoutMs);
  }

  /** Stops the server, answering pending long polls and dropping keep-alive connections. */
  async close(): Promise<void> {
    this.updates.close();
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  /** Makes a file downloadable the way Telegram serves a document a user sent; returns its Document fields. */
  addFile(content: string | Buffer, fileName: string, mimeType = "application/octet-stream") {
    return this.state.addFile(content, fileName, mimeType);
  }

  /** Serves a file download or a Bot API call; faults are applied in the order Telegram's own front end would. */
  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", this.apiRoot);
    const file = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
    if (file) {
      const hit = [...this.state.files.values()].find(
        (f) => f.path === decodeURIComponent(file[2] as string),
      );
      if (!hit || decodeURIComponent(file[1] as string) !== this.token) return void res.writeHead(404).end();
      return void res.writeHead(200, { "content-type": "application/octet-stream" }).end(hit.data);
    }
    const m = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
    const body = await readBody(req);
    if (!m) return sendReply(res, { ok: false, error_code: 404, description: "Not Found" });
    const method = m[2] as string;
    const payload = {
      ...Object.fromEntries(url.searchParams),
      ...parseBody(req.headers["content-type"], body),
    };
    this.record.calls.push({ method, payload });
    const faults = this.faults;
    if (faults.revoked || decodeURIComponent(m[1] as string) !== this.token) {
      return sendReply(res, { ok: false, error_code: 401, description: "Unauthorized" });
    }
    const lower = method.toLowerCase();
    const writes = WRITES.includes(lower);
    const chatId = Number(payload.chat_id);
    // Limits count a send when it arrives, as Telegram does, not when it is answered.
    const arrivedAt = Date.now();
    const retryAfter = writes && faults.outage === null ? faults.overLimit(chatId) : 0;
    if (lower !== "getupdates" && faults.latencyMs > 0)
      await new Promise((r) => setTimeout(r, faults.latencyMs));
    if (lower !== "getupdates" && faults.outage === "network") return void res.socket?.destroy();
    if (lower !== "getupdates" && faults.outage === "5xx")
      return sendReply(res, { ok: false, error_code: 502, description: "Bad Gateway" });
    const failure = faults.takeFailure(lower, writes, chatId);
    const answered = this.record.answered;
    if (failure && writes)
      answered.push({ method, chat_id: chatId, at: Date.now(), status: failure.error_code });
    if (failure) return sendReply(res, { ok: false, ...failure });
    if (lower === "getupdates" && this.state.webhook)
      return sendReply(res, {
        ok: false,
        error_code: 409,
        description:
          "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
      });
    if (lower === "getupdates") return this.updates.getUpdates(payload, res);
    if (retryAfter > 0) {
      answered.push({ method, chat_id: chatId, at: arrivedAt, status: 429, byLimit: true });
      return sendReply(res, {
        ok: false,
        error_code: 429,
        description: `Too Many Requests: retry after ${retryAfter}`,
        parameters: { retry_after: retryAfter },
      });
    }
    const reply = dispatch(this.methods, method, payload);
    if (writes)
      answered.push({ method, chat_id: chatId, at: Date.now(), status: reply.ok ? 200 : reply.error_code });
    sendReply(res, reply);
  }
}
