import { describe, expect, it } from "vitest";
import { ConfigError, DEFAULT_FEEDS, loadConfig } from "../src/config.js";

const token = "123456:ABC-def_ghi";

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

describe("loadConfig", () => {
  it("applies SPEC defaults", () => {
    expect(loadConfig({ BOT_TOKEN: token })).toEqual({
      botToken: token,
      botApiRoot: "https://api.telegram.org",
      databaseUrl: "data/newsalert.db",
      feeds: [...DEFAULT_FEEDS],
      pollCron: "* * * * *",
      defaultKeywords: [],
      allowPrivateUrls: false,
      httpPort: 8080,
      logLevel: "info",
      timeZone: "Europe/Moscow",
      webhookUrl: null,
      webhookSecret: null,
      adminIds: [],
      userRateLimit: { limit: 20, windowMs: 60_000 },
      sendRate: 30,
      alertMaxAgeMs: 24 * 3_600_000,
    });
  });

  it("parses every variable", () => {
    const c = loadConfig({
      BOT_TOKEN: token,
      BOT_API_ROOT: "http://127.0.0.1:8081/",
      DATABASE_URL: "postgres://u@h/db",
      FEEDS: " https://a.example/rss , https://b.example/atom ,",
      POLL_CRON: "*/30 * * * * *",
      DEFAULT_KEYWORDS: 'литий; "ставка ЦБ" ;',
      ALLOW_PRIVATE_URLS: "true",
      HTTP_PORT: "0",
      LOG_LEVEL: "debug",
      TZ: "Asia/Yekaterinburg",
    });
    expect(c).toMatchObject({
      botApiRoot: "http://127.0.0.1:8081",
      feeds: ["https://a.example/rss", "https://b.example/atom"],
      pollCron: "*/30 * * * * *",
      defaultKeywords: ["литий", '"ставка ЦБ"'],
      allowPrivateUrls: true,
      httpPort: 0,
      timeZone: "Asia/Yekaterinburg",
    });
  });

  it.each([
    [{}, /BOT_TOKEN is not set/],
    [{ BOT_TOKEN: "" }, /BOT_TOKEN is empty/],
    [{ BOT_TOKEN: "nonsense" }, /does not look like a bot token/],
    [{ BOT_TOKEN: token, POLL_CRON: "every minute" }, /POLL_CRON/],
    [{ BOT_TOKEN: token, FEEDS: "https://ok.example/rss,ftp://bad" }, /FEEDS/],
    [{ BOT_TOKEN: token, BOT_API_ROOT: "not a url" }, /BOT_API_ROOT/],
    [{ BOT_TOKEN: token, HTTP_PORT: "eighty" }, /HTTP_PORT/],
    [{ BOT_TOKEN: token, HTTP_PORT: "70000" }, /HTTP_PORT/],
    [{ BOT_TOKEN: token, ALLOW_PRIVATE_URLS: "maybe" }, /true or false/],
    [{ BOT_TOKEN: token, TZ: "Mars/Olympus" }, /TZ/],
    [{ BOT_TOKEN: token, WEBHOOK_URL: "https://bot.example/hook" }, /WEBHOOK_SECRET is not set/],
    [{ BOT_TOKEN: token, WEBHOOK_URL: "http://bot.example/hook", WEBHOOK_SECRET: "s" }, /https/],
    [{ BOT_TOKEN: token, WEBHOOK_URL: "https://b.example/h", WEBHOOK_SECRET: "no spaces" }, /WEBHOOK_SECRET/],
    [
      { BOT_TOKEN: token, WEBHOOK_URL: "https://b.example/h", WEBHOOK_SECRET: "s", HTTP_PORT: "off" },
      /HTTP_PORT/,
    ],
    [{ BOT_TOKEN: token, ADMIN_IDS: "42,@boss" }, /ADMIN_IDS/],
    [{ BOT_TOKEN: token, SEND_RATE: "0" }, /SEND_RATE/],
    [{ BOT_TOKEN: token, SEND_RATE: "fast" }, /SEND_RATE/],
    [{ BOT_TOKEN: token, ALERT_MAX_AGE: "a day" }, /ALERT_MAX_AGE/],
    [{ BOT_TOKEN: token, ALERT_MAX_AGE: "30s" }, /ALERT_MAX_AGE/],
  ])("refuses %j with one clear line", (env, message) => {
    const lines = problems(env as Record<string, string>);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
  });

  it("never puts the token in an error", () => {
    const secret = "987654:SECRET-token";
    const lines = problems({ BOT_TOKEN: secret, POLL_CRON: "bad", FEEDS: "nope" });
    expect(lines.length).toBe(2);
    expect(lines.join("\n")).not.toContain("SECRET");
  });

  it("reads webhook mode and operators", () => {
    expect(
      loadConfig({
        BOT_TOKEN: token,
        WEBHOOK_URL: "https://bot.example/tg/hook",
        WEBHOOK_SECRET: "s3cret_-X",
        ADMIN_IDS: " 42, 1001 ,",
      }),
    ).toMatchObject({
      webhookUrl: "https://bot.example/tg/hook",
      webhookSecret: "s3cret_-X",
      adminIds: [42, 1001],
    });
  });

  it.each([["off"], ["OFF"], [""]])("HTTP_PORT=%j disables the endpoint", (v) => {
    expect(loadConfig({ BOT_TOKEN: token, HTTP_PORT: v }).httpPort).toBeNull();
  });

  it.each([
    ["24h", 86_400_000],
    ["90m", 5_400_000],
    ["3600s", 3_600_000],
    ["3600", 3_600_000],
    ["2d", 172_800_000],
  ])("ALERT_MAX_AGE=%s is %i ms", (v, ms) => {
    expect(loadConfig({ BOT_TOKEN: token, ALERT_MAX_AGE: v }).alertMaxAgeMs).toBe(ms);
  });

  it("SEND_RATE takes a paid broadcast rate", () => {
    expect(loadConfig({ BOT_TOKEN: token, SEND_RATE: "100" }).sendRate).toBe(100);
  });
});

describe("USER_RATE_LIMIT", () => {
  it.each([
    ["5/10s", { limit: 5, windowMs: 10_000 }],
    ["30 / 2m", { limit: 30, windowMs: 120_000 }],
    ["100/60", { limit: 100, windowMs: 60_000 }],
  ])("%s is read as a count per window", (value, expected) => {
    expect(loadConfig({ BOT_TOKEN: token, USER_RATE_LIMIT: value }).userRateLimit).toEqual(expected);
  });

  it.each([["fast"], ["0/60s"], ["10/0s"], ["10/60h"]])(
    "%s is refused with a line saying the form",
    (value) => {
      expect(problems({ BOT_TOKEN: token, USER_RATE_LIMIT: value })).toEqual([
        expect.stringContaining("USER_RATE_LIMIT must look like 20/60s"),
      ]);
    },
  );
});
