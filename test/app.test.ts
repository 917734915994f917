import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type App, startApp } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { Store } from "../src/store/store.js";
import { ask, privateChat } from "./bot/helpers.js";
import { Harness } from "./e2e/harness.js";
import { BotApiServer } from "./support/bot-api-server.js";
import { rssDocument } from "./support/feed-server.js";
import { captureLog } from "./support/log-capture.js";

/** A loopback port nothing listens on (yet). */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((r) => probe.listen(0, "127.0.0.1", r));
  const { port } = probe.address() as AddressInfo;
  await new Promise((r) => probe.close(r));
  return port;
}

/** The exit code the app asked for once it stopped itself, or "running" when it has not within 10 s. */
async function exitCode(app: App): Promise<number | "running"> {
  let timer: NodeJS.Timeout | undefined;
  const running = new Promise<"running">((r) => {
    timer = setTimeout(() => r("running"), 10_000);
  });
  try {
    return await Promise.race([app.halted, running]);
  } finally {
    clearTimeout(timer);
  }
}

describe("the app's start-up and shutdown", () => {
  let h: Harness;
  let late: BotApiServer | null = null;
  beforeEach(async () => {
    h = await Harness.create();
  });
  afterEach(async () => {
    await h.close();
    await late?.close();
    late = null;
  });

  it("with Telegram unreachable at start, polls and queues alerts, retries the Bot API with a log line, then starts", async () => {
    const { chat, user } = privateChat(5101);
    h.publish([{ title: "Старая новость", link: "https://news.example/0" }]);
    await h.start();
    expect(await ask(h, chat, user, "/subscribe литий")).toContain("Подписка №1");
    await h.stop();

    h.publish([
      { title: "Старая новость", link: "https://news.example/0" },
      { title: "Литий дорожает", link: "https://news.example/1", pubDate: new Date() },
    ]);
    const port = await freePort();
    const { log, lines } = captureLog(h.api.token);
    const config = loadConfig(h.env({ BOT_API_ROOT: `http://127.0.0.1:${port}` }));
    const fetchesBefore = h.feeds.requests.length;
    h.app = await startApp(config, log);
    await vi.waitFor(() => {
      expect(h.feeds.requests.length).toBeGreaterThan(fetchesBefore);
      expect(
        lines().filter((l) => l.msg === "Telegram Bot API unreachable; retrying").length,
      ).toBeGreaterThan(0);
    });
    expect(lines().find((l) => l.msg === "Telegram Bot API unreachable; retrying")).toMatchObject({
      level: 40,
    });

    // Telegram comes back: the queued alert goes out and updates are received, with no further poll.
    late = await BotApiServer.start({ token: h.api.token, port });
    const alert = await late.waitForSent((m) => m.chat_id === chat.id, 10_000);
    expect(alert.text).toContain("Литий дорожает");
    late.sendText(chat, user, "/list");
    const listed = await late.waitForSent(
      (m) => m.chat_id === chat.id && m.text.includes("<code>литий</code>"),
    );
    expect(listed).toBeTruthy();
    expect(lines().map((l) => l.msg)).toContain("Telegram Bot API reachable again");
    expect(late.calls.map((c) => c.method)).toContain("setMyCommands");
  });

  it("shutdown waits for a /addfeed check in flight before closing the store", async () => {
    let slow: Server | null = null;
    try {
      let arrived: () => void = () => {};
      const requested = new Promise<void>((r) => {
        arrived = r;
      });
      slow = createServer((_req, res) => {
        arrived();
        const body = rssDocument({
          title: "Медленная лента",
          items: [{ title: "x", link: "https://s.example/1" }],
        });
        setTimeout(() => res.writeHead(200, { "content-type": "application/rss+xml" }).end(body), 400);
      });
      await new Promise<void>((r) => slow?.listen(0, "127.0.0.1", r));
      const url = `http://127.0.0.1:${(slow.address() as AddressInfo).port}/rss`;
      h.publish([]);
      const { log, lines } = captureLog(h.api.token);
      h.app = await startApp(loadConfig(h.env({ ALLOW_PRIVATE_URLS: "true" })), log);
      const { chat, user } = privateChat(5102);
      h.api.sendText(chat, user, `/addfeed ${url}`);
      await requested;
      await h.stop();

      expect(lines().filter((l) => l.level >= 50)).toEqual([]);
      const store = await Store.open(h.env().DATABASE_URL as string);
      try {
        const own = (await store.feeds.listForChat(chat.id)).filter((f) => f.own);
        expect(own.map((f) => f.url)).toEqual([url]);
      } finally {
        await store.close();
      }
    } finally {
      slow?.closeAllConnections();
      slow?.close();
    }
  });

  describe("a revoked bot token (the Bot API answers 401 Unauthorized)", () => {
    const secret = (h: Harness) => h.api.token.split(":")[1] as string;
    const errorLines = (lines: () => Array<{ level: number; msg: string }>) =>
      lines().filter((l) => l.level >= 50);

    it("on an alert: the app stops itself with exit code 1 and one log line, and the alert stays queued", async () => {
      const { chat, user } = privateChat(5103);
      const old = { title: "Старая новость", link: "https://news.example/0" };
      h.publish([old]);
      const { log, lines, text } = captureLog(h.api.token);
      const app = await startApp(loadConfig(h.env()), log);
      h.app = app;
      await app.poller.pollOnce();
      await app.online;
      expect(await ask(h, chat, user, "/subscribe литий")).toContain("Подписка №1");

      h.api.failNext("sendMessage", { error_code: 401, description: "Unauthorized" });
      h.publish([old, { title: "Литий дорожает", link: "https://news.example/1", pubDate: new Date() }]);
      await app.poller.pollOnce();
      expect(await exitCode(app)).toBe(1);

      const store = await Store.open(h.env().DATABASE_URL as string);
      try {
        expect(await store.outbox.counts()).toEqual({ pending: 1, sent: 0, failed: 0 });
      } finally {
        await store.close();
      }
      const errors = errorLines(lines);
      expect(errors).toHaveLength(1);
      expect(errors[0]?.msg).toMatch(/401 Unauthorized.*BOT_TOKEN/);
      expect(text()).not.toContain(secret(h));
    });

    it("while waiting for updates: the app stops itself with exit code 1 and stops calling the Bot API", async () => {
      h.publish([{ title: "Старая новость", link: "https://news.example/0" }]);
      const { log, lines, text } = captureLog(h.api.token);
      const app = await startApp(loadConfig(h.env()), log);
      h.app = app;
      await app.online;
      h.api.revokeToken();
      expect(await exitCode(app)).toBe(1);
      const errors = errorLines(lines);
      expect(errors).toHaveLength(1);
      expect(errors[0]?.msg).toMatch(/401 Unauthorized.*BOT_TOKEN/);
      expect(text()).not.toContain(secret(h));
      // Stopped, not retrying: no call reaches the Bot API any more.
      const calls = h.api.calls.length;
      await new Promise((r) => setTimeout(r, 1_500));
      expect(h.api.calls.length).toBe(calls);
    });
  });
});
