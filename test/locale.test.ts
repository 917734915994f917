import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { commandMenu } from "../src/bot/menu.js";
import { formatLocalTime, localeForUser, localesDir, translate } from "../src/locale.js";

/** The message ids an .ftl file defines. */
const keysOf = (file: string) =>
  readFileSync(join(localesDir(), file), "utf8")
    .split("\n")
    .map((l) => /^([a-z][a-z0-9-]*) =/.exec(l)?.[1])
    .filter((k): k is string => k !== undefined);

describe("languages", () => {
  it("Russian and English define exactly the same texts", () => {
    const ru = keysOf("ru.ftl");
    expect(ru.length).toBeGreaterThan(100);
    expect(new Set(ru).size).toBe(ru.length);
    expect([...keysOf("en.ftl")].sort()).toEqual([...ru].sort());
  });

  it.each([
    ["ru", "ru"],
    ["uk", "ru"],
    ["be", "ru"],
    ["kk", "ru"],
    ["ru-RU", "ru"],
    ["en", "en"],
    ["de", "en"],
    ["pt-br", "en"],
    [undefined, "ru"],
  ] as const)("a user with language_code %s is answered in %s", (code, locale) => {
    expect(localeForUser(code)).toBe(locale);
  });

  it("finds locales/ from the compiled dist/src/bot as from src/bot (the folder with package.json)", () => {
    const root = mkdtempSync(join(tmpdir(), "newsalert-locales-"));
    try {
      mkdirSync(join(root, "dist", "src", "bot"), { recursive: true });
      mkdirSync(join(root, "locales"));
      writeFileSync(join(root, "locales", "ru.ftl"), "");
      writeFileSync(join(root, "package.json"), "{}");
      expect(localesDir(join(root, "dist", "src", "bot"))).toBe(join(root, "locales"));
      expect(localesDir(join(root, "src", "bot"))).toBe(join(root, "locales"));
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
    expect(() => localesDir(tmpdir())).toThrow(/locales\/ not found/);
  });

  it("plurals and variables follow each language; no isolation marks around variables", () => {
    expect(translate("ru", "sources-count", { count: 1 })).toBe("1 источника");
    expect(translate("ru", "sources-count", { count: 5 })).toBe("5 источников");
    expect(translate("en", "sources-count", { count: 1 })).toBe("1 source");
    expect(translate("en", "feed-added", { name: "X", items: 2 })).toContain("(2 entries in it now)");
    expect(translate("ru", "feed-added", { name: "X", items: 3 })).toContain("3 записи");
    expect(translate("ru", "subscribed", { n: 4, explanation: "e" })).toBe("✅ Подписка №4.\ne");
  });

  it("command menus: every description in both languages, within Telegram's limits", () => {
    for (const locale of ["ru", "en"] as const) {
      for (const audience of ["private", "admins", "members"] as const) {
        for (const c of commandMenu(locale, audience)) {
          expect(c.description.length).toBeGreaterThan(0);
          expect(c.description.length).toBeLessThanOrEqual(256);
          expect(c.description).not.toMatch(/^cmd-/);
        }
      }
    }
  });

  it("times in the chat's zone and language", () => {
    const t = Date.UTC(2026, 11, 1, 19, 6);
    expect(formatLocalTime(t, "Europe/Moscow", "ru")).toBe("1 дек., 22:06");
    expect(formatLocalTime(t, "Asia/Novosibirsk", "en")).toBe("2 Dec, 02:06");
  });
});
