import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Harness } from "../e2e/harness.js";

const SECRET = "hook_secret-42";

/** A /help message update from a private chat. */
const help = (updateId: number, chatId: number) => ({
  update_id: updateId,
  message: {
    message_id: updateId,
    date: Math.floor(Date.now() / 1000),
    chat: { id: chatId, type: "private", first_name: "Ann" },
    from: { id: chatId, is_bot: false, first_name: "Ann" },
    text: "/help",
    entities: [{ type: "bot_command", offset: 0, length: 5 }],
  },
});

describe("how updates arrive (one instance)", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await Harness.create();
    h.publish([{ title: "Старое", link: "https://news.example/0" }]);
  });
  afterEach(async () => {
    await h.close();
  });

  it("long polling after webhook mode: the leftover webhook is deleted and commands are answered", async () => {
    h.api.webhook = { url: "https://old.example/hook", secret_token: "x" };
    await h.start();
    h.api.sendText({ id: 31 }, { id: 31 }, "/help");
    await h.api.waitForSent((m) => m.chat_id === 31);
    expect(h.api.webhook).toBeNull();
  });

  it("webhook mode: registered with the secret; 401 without it, 400 for junk, each update once, answered before handling", async () => {
    const app = await h.start({
      HTTP_PORT: "0",
      WEBHOOK_URL: "https://bot.example/tg/hook",
      WEBHOOK_SECRET: SECRET,
    });
    expect(h.api.webhook).toEqual({ url: "https://bot.example/tg/hook", secret_token: SECRET });
    expect(h.api.calls.some((c) => c.method === "getUpdates")).toBe(false);
    const url = `http://127.0.0.1:${app.health?.port}/tg/hook`;
    const post = (body: unknown, secret: string | null = SECRET) =>
      fetch(url, {
        method: "POST",
        headers: secret === null ? {} : { "x-telegram-bot-api-secret-token": secret },
        body: typeof body === "string" ? body : JSON.stringify(body),
      });
    expect((await post(help(1, 41), null)).status).toBe(401);
    expect((await post(help(1, 41), `${SECRET}x`)).status).toBe(401);
    expect((await post("{not json")).status).toBe(400);
    expect((await fetch(url)).status).toBe(405);
    expect(h.api.sent).toHaveLength(0);

    // Telegram is answered before the handler's own Bot API call completes.
    h.api.failNext("sendMessage", {
      error_code: 429,
      description: "Too Many Requests",
      parameters: { retry_after: 1 },
    });
    const started = Date.now();
    expect((await post(help(1, 41))).status).toBe(200);
    expect(Date.now() - started).toBeLessThan(900);
    expect((await post(help(1, 41))).status).toBe(200);
    await h.api.waitForSent((m) => m.chat_id === 41, 5_000);
    expect((await post(help(2, 42))).status).toBe(200);
    await h.api.waitForSent((m) => m.chat_id === 42);
    expect(h.api.sent.filter((m) => m.chat_id === 41)).toHaveLength(1);
    const health = await (await fetch(`http://127.0.0.1:${app.health?.port}/healthz`)).json();
    expect(health).toMatchObject({ ok: true, role: "single", updates: "webhook" });
  });
});
