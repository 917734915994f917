import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BotApiServer } from "../support/bot-api-server.js";
import { FeedServer, rssDocument } from "../support/feed-server.js";

const root = resolve(import.meta.dirname, "../..");
const tsx = pathToFileURL(createRequire(import.meta.url).resolve("tsx/esm")).href;
const main = join(root, "src/main.ts");

/** Runs the bot as `npm start` does, in a folder of its own (so only that folder's .env is read). */
function startBot(
  cwd: string,
  env: Record<string, string>,
): { child: ChildProcess; exit: Promise<number | null>; output: () => string } {
  const base = Object.fromEntries(
    Object.entries(process.env).filter(
      ([k]) => !/^(BOT_|DATABASE_URL|FEEDS|POLL_CRON|HTTP_PORT|LOG_LEVEL)/.test(k),
    ),
  );
  const child = spawn(process.execPath, ["--import", tsx, main], {
    cwd,
    env: { ...base, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout?.on("data", (d) => (out += d));
  child.stderr?.on("data", (d) => (out += d));
  const exit = new Promise<number | null>((r) => child.on("exit", (code) => r(code)));
  return { child, exit, output: () => out };
}

describe("the bot process", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "newsalert-proc-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("without BOT_TOKEN prints one clear line and exits 1", async () => {
    const bot = startBot(dir, {});
    expect(await bot.exit).toBe(1);
    const lines = bot.output().trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/BOT_TOKEN.*@BotFather/);
  });

  it("with a token the Bot API refuses (401) logs one clear line without the token and exits 1", async () => {
    const api = await BotApiServer.start();
    const feeds = await FeedServer.start();
    feeds.set("/rss", rssDocument({ items: [{ title: "Литий", link: "https://x.example/1" }] }));
    const wrong = "123456:REVOKED-TOKEN-SECRET";
    const bot = startBot(dir, {
      BOT_TOKEN: wrong,
      BOT_API_ROOT: api.apiRoot,
      FEEDS: feeds.url("/rss"),
      DATABASE_URL: join(dir, "data", "newsalert.db"),
      HTTP_PORT: "off",
    });
    try {
      const code = await Promise.race([bot.exit, new Promise((r) => setTimeout(() => r("running"), 15_000))]);
      expect(code).toBe(1);
      const errors = bot
        .output()
        .split("\n")
        .filter((l) => l.startsWith("{"))
        .map((l) => JSON.parse(l) as { level: number; msg: string })
        .filter((l) => l.level >= 50);
      expect(errors).toHaveLength(1);
      expect(errors[0]?.msg).toMatch(/401 Unauthorized.*BOT_TOKEN/);
      expect(bot.output()).not.toContain("REVOKED-TOKEN-SECRET");
      expect(api.calls.map((c) => c.method)).toContain("getMe");
    } finally {
      bot.child.kill("SIGKILL");
      await api.close();
      await feeds.close();
    }
  }, 30_000);

  it("reads .env, serves, and stops cleanly on SIGTERM without leaking the token", async () => {
    const api = await BotApiServer.start();
    const feeds = await FeedServer.start();
    feeds.set("/rss", rssDocument({ items: [{ title: "Литий", link: "https://x.example/1" }] }));
    writeFileSync(
      join(dir, ".env"),
      [
        `BOT_TOKEN=${api.token}`,
        `BOT_API_ROOT=${api.apiRoot}`,
        `FEEDS=${feeds.url("/rss")}`,
        "HTTP_PORT=0",
        "LOG_LEVEL=debug",
      ].join("\n"),
    );
    const bot = startBot(dir, {});
    try {
      await waitFor(
        () => api.calls.some((c) => c.method === "getUpdates") && feeds.requests.length > 0,
        bot.exit,
      );
      expect(api.calls.map((c) => c.method)).toContain("setMyCommands");
      bot.child.kill("SIGTERM");
      // 0, not the shutdown watchdog's 1: everything stopped within its 10 s.
      expect(await bot.exit).toBe(0);
      expect(bot.output()).not.toContain(api.token.split(":")[1]);
    } finally {
      bot.child.kill("SIGKILL");
      await api.close();
      await feeds.close();
    }
  });
});

async function waitFor(cond: () => boolean, exited: Promise<unknown>): Promise<void> {
  let done = false;
  void exited.then(() => (done = true));
  for (let i = 0; i < 200 && !cond(); i++) {
    if (done) throw new Error("the bot exited early");
    await new Promise((r) => setTimeout(r, 50));
  }
  if (!cond()) throw new Error("timed out waiting for the bot");
}
