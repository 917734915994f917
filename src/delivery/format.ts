import { decodeHTML } from "entities";
import { truncate } from "../feeds/parse/text.js";
import { BOLD_END, BOLD_START } from "../matching/index.js";
import type { DueAlert } from "../store/outbox.js";

/** Telegram's limit on one message's text. */
export const MESSAGE_LIMIT = 4096;
/** How many stories one batched alert message carries at most (readability). */
export const MAX_STORIES_PER_MESSAGE = 10;

const TITLE_MAX = 300;
const LINE_TITLE_MAX = 120;
const TERMS_MAX = 150;

/** Escapes text for Telegram HTML (text nodes and attribute values alike). */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** A link Telegram will accept as an href, or null for anything that is not plain http(s). */
export function safeHref(link: string | null): string | null {
  if (!link) return null;
  try {
    const u = new URL(link);
    const ok = (u.protocol === "http:" || u.protocol === "https:") && u.toString().length <= 2048;
    return ok ? u.toString() : null;
  } catch {
    return null;
  }
}

/** The name an alert shows for its source: the feed's title, else its host. */
export function sourceName(feedTitle: string | null, feedUrl: string): string {
  const title = feedTitle?.trim();
  if (title) return truncate(title, 60);
  try {
    return new URL(feedUrl).hostname.replace(/^www\./, "");
  } catch {
    return feedUrl;
  }
}

/** Formats a moment as a short Russian time with its zone; the date only when it is not today there. */
export function formatTime(epochMs: number, timeZone: string, now = Date.now()): string {
  const day = (ms: number) => new Intl.DateTimeFormat("en-CA", { timeZone }).format(new Date(ms));
  const sameDay = day(epochMs) === day(now);
  return new Intl.DateTimeFormat("ru-RU", {
    timeZone,
    ...(sameDay ? {} : { day: "numeric", month: "short" }),
    hour: "2-digit",
    minute: "2-digit",
    timeZoneName: "short",
  })
    .format(new Date(epochMs))
    .replace(" в ", ", ");
}

/** The story's headline as Telegram HTML: a bold link when it has a usable link. */
function headline(alert: DueAlert, max: number): string {
  const title = escapeHtml(truncate(alert.title.trim() || "(без заголовка)", max));
  const href = safeHref(alert.link);
  return href ? `<b><a href="${escapeHtml(href)}">${title}</a></b>` : `<b>${title}</b>`;
}

/** Source and time, short: "Интерфакс · 12:05 GMT+3". */
function meta(alert: DueAlert, timeZone: string, now: number): string {
  return `${escapeHtml(sourceName(alert.feedTitle, alert.feedUrl))} · ${formatTime(alert.publishedAt, timeZone, now)}`;
}

/** One story as Telegram HTML: the headline as a link, then source, time and the terms that hit. */
export function formatStory(alert: DueAlert, timeZone: string, now = Date.now()): string {
  const terms = alert.matched.length
    ? `\n🔎 ${escapeHtml(truncate(alert.matched.join(", "), TERMS_MAX))}`
    : "";
  return `${headline(alert, TITLE_MAX)}\n${meta(alert, timeZone, now)}${terms}${snippetLine(alert.snippet)}`;
}

/** The quoted sentence (matched words in bold) when the match is not in the headline. */
function snippetLine(snippet: string | null | undefined): string {
  if (!snippet) return "";
  const html = escapeHtml(snippet).replaceAll(BOLD_START, "<b>").replaceAll(BOLD_END, "</b>");
  return `\n«${html}»`;
}

/** One story as a single line of a backlog list: headline link, source and time. */
export function formatStoryLine(alert: DueAlert, timeZone: string, now = Date.now()): string {
  return `• ${headline(alert, LINE_TITLE_MAX)} · ${meta(alert, timeZone, now)}`;
}

/** The length Telegram counts against MESSAGE_LIMIT: the text left after entity parsing (UTF-16 units). */
export function visibleLength(html: string): number {
  return decodeHTML(html.replace(/<[^>]*>/g, "")).length;
}
