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
