import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { I18n, type I18nFlavor } from "@grammyjs/i18n";
import type { Context } from "grammy";

/** Translates a key of locales/*.ftl with its values: a chat's ctx.t, or translate() for one language. */
export type Say = (key: string, vars?: Record<string, string | number>) => string;

/** The languages the bot speaks. */
export const LOCALES = ["ru", "en"] as const;
/** One of LOCALES. */
export type Locale = (typeof LOCALES)[number];

/** What the bot's context carries besides grammY's (translate function, target chat). */
export type I18nContext = Context & I18nFlavor;

/** Telegram language codes answered in Russian; every other known code gets English. */
const RUSSIAN_SPEAKING = new Set(["ru", "uk", "be", "kk"]);

/**
 * The folder of the .ftl files, found upward from this module so that it resolves both from src/bot
 * (tsx, tests) and from dist/src/bot (the compiled build).
 */
export function localesDir(from = dirname(fileURLToPath(import.meta.url))): string {
  let dir = from;
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, "locales", "ru.ftl")) && existsSync(join(dir, "package.json"))) {
      return join(dir, "locales");
    }
    dir = dirname(dir);
  }
  throw new Error(`locales/ not found above ${from}`);
}

/** The Fluent translations (locales/*.ftl); Russian is the fallback for a key a language lacks. */
export const i18n = new I18n<I18nContext>({
  defaultLocale: "ru",
  directory: localesDir(),
  // Unicode isolation marks around variables would end up inside commands and queries users copy.
  fluentBundleOptions: { useIsolating: false },
});

/** A stored or typed language, if it is one the bot speaks. */
export function asLocale(code: string | null | undefined): Locale | undefined {
  const c = code?.trim().toLowerCase();
  return c === "ru" || c === "en" ? c : undefined;
}

/**
 * The language for a Telegram user: Russian for ru/uk/be/kk, English for any other code. Without a
 * code (Telegram omits it for some clients, channels have no user) the bot keeps to Russian, its first audience.
 */
export function localeForUser(languageCode: string | undefined): Locale {
  if (!languageCode) return "ru";
  return RUSSIAN_SPEAKING.has(languageCode.toLowerCase().split("-")[0] ?? "") ? "ru" : "en";
}

/** Translates `key` into `locale` outside an update (alerts, keyboards built for the sender). */
export function translate(locale: Locale, key: string, vars?: Record<string, string | number>): string {
  return i18n.t(locale, key, vars);
}

const timeFormats = new Map<string, Intl.DateTimeFormat>();

/** A moment as the chat reads it: "1 дек., 22:06" / "1 Dec, 22:06" in the chat's zone. */
export function formatLocalTime(epochMs: number, timeZone: string, locale: Locale): string {
  const key = `${locale}|${timeZone}`;
  let f = timeFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale === "ru" ? "ru-RU" : "en-GB", {
      timeZone,
      day: "numeric",
      month: "short",
      hour: "2-digit",
      minute: "2-digit",
    });
    timeFormats.set(key, f);
  }
  return f.format(new Date(epochMs)).replace(" в ", ", ").replace(" at ", ", ");
}

/** The language a context's translations are in now. */
export async function localeOf(ctx: I18nContext): Promise<Locale> {
  return asLocale(await ctx.i18n.getLocale()) ?? "ru";
}
