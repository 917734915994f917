import { decodeHTML } from "entities";
import { truncate } from "../feeds/parse/text.js";
import { type Locale, translate } from "../locale.js";
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

/** How a chat reads stories: its language, and whether the zone times are shown in is one it chose. */
export interface StoryStyle {
  locale?: Locale;
  /** The chat set this zone itself (/tz): times need no zone name. Otherwise the zone is named. */
  ownZone?: boolean;
}

/** Formats a moment as a short time (zone named unless the chat's own); the date only when it is not today there. */
export function formatTime(
  epochMs: number,
  timeZone: string,
  now = Date.now(),
  style: StoryStyle = {},
): string {
  const day = (ms: number) => new Intl.DateTimeFormat("en-CA", { timeZone }).format(new Date(ms));
  const sameDay = day(epochMs) === day(now);
  return new Intl.DateTimeFormat(style.locale === "en" ? "en-GB" : "ru-RU", {
    timeZone,
    ...(sameDay ? {} : { day: "numeric", month: "short" }),
    hour: "2-digit",
    minute: "2-digit",
    ...(style.ownZone ? {} : { timeZoneName: "short" }),
  })
    .format(new Date(epochMs))
    .replace(" в ", ", ")
    .replace(" at ", ", ");
}

/** The story's headline as Telegram HTML: a bold link when it has a usable link. */
function headline(alert: DueAlert, max: number, style: StoryStyle): string {
  const untitled = translate(style.locale ?? "ru", "alert-untitled");
  const title = escapeHtml(truncate(alert.title.trim() || untitled, max));
  const href = safeHref(alert.link);
  return href ? `<b><a href="${escapeHtml(href)}">${title}</a></b>` : `<b>${title}</b>`;
}

/** Source and time, short: "Интерфакс · 12:05 GMT+3". */
function meta(alert: DueAlert, timeZone: string, now: number, style: StoryStyle): string {
  const time = formatTime(alert.publishedAt, timeZone, now, style);
  return `${escapeHtml(sourceName(alert.feedTitle, alert.feedUrl))} · ${time}`;
}

/** One story as Telegram HTML: the headline as a link, then source, time and the terms that hit. */
export function formatStory(
  alert: DueAlert,
  timeZone: string,
  now = Date.now(),
  style: StoryStyle = {},
): string {
  const terms = alert.matched.length
    ? `\n🔎 ${escapeHtml(truncate(alert.matched.join(", "), TERMS_MAX))}`
    : "";
  const head = `${headline(alert, TITLE_MAX, style)}\n${meta(alert, timeZone, now, style)}`;
  return `${head}${terms}${snippetLine(alert.snippet)}`;
}

/** The quoted sentence (matched words in bold) when the match is not in the headline. */
function snippetLine(snippet: string | null | undefined): string {
  if (!snippet) return "";
  const html = escapeHtml(snippet).replaceAll(BOLD_START, "<b>").replaceAll(BOLD_END, "</b>");
  return `\n«${html}»`;
}

/** One story as a single line of a backlog list: headline link, source and time. */
export function formatStoryLine(
  alert: DueAlert,
  timeZone: string,
  now = Date.now(),
  style: StoryStyle = {},
): string {
  return `• ${headline(alert, LINE_TITLE_MAX, style)} · ${meta(alert, timeZone, now, style)}`;
}

/** The length Telegram counts against MESSAGE_LIMIT: the text left after entity parsing (UTF-16 units). */
export function visibleLength(html: string): number {
  return decodeHTML(html.replace(/<[^>]*>/g, "")).length;
}
