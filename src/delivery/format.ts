import { truncate } from "../feeds/text.js";
import { BOLD_END, BOLD_START } from "../matching/index.js";
import type { DueAlert } from "../store/outbox.js";

/** Telegram's limit on one message's text. */
export const MESSAGE_LIMIT = 4096;
/** How many stories one batched alert message carries at most. */
export const MAX_STORIES_PER_MESSAGE = 8;

const TITLE_MAX = 300;
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

/** Formats a moment as a short Russian date and time in the given time zone. */
export function formatTime(epochMs: number, timeZone: string): string {
  return new Intl.DateTimeFormat("ru-RU", {
    timeZone,
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
  })
    .format(new Date(epochMs))
    .replace(" в ", ", ");
}

/** One story as Telegram HTML: the headline as a link, then source, time and the terms that hit. */
export function formatStory(alert: DueAlert, timeZone: string): string {
  const title = escapeHtml(truncate(alert.title.trim() || "(без заголовка)", TITLE_MAX));
  const href = safeHref(alert.link);
  const headline = href ? `<b><a href="${escapeHtml(href)}">${title}</a></b>` : `<b>${title}</b>`;
  const meta = `${escapeHtml(sourceName(alert.feedTitle, alert.feedUrl))} · ${formatTime(alert.publishedAt, timeZone)}`;
  const terms = alert.matched.length
    ? `\n🔎 ${escapeHtml(truncate(alert.matched.join(", "), TERMS_MAX))}`
    : "";
  return `${headline}\n${meta}${terms}${snippetLine(alert.snippet)}`;
}

/** The quoted sentence (matched words in bold) when the match is not in the headline. */
function snippetLine(snippet: string | null | undefined): string {
  if (!snippet) return "";
  const html = escapeHtml(snippet).replaceAll(BOLD_START, "<b>").replaceAll(BOLD_END, "</b>");
  return `\n«${html}»`;
}

/**
 * Packs a chat's due alerts into as few messages as Telegram allows, in order.
 * Each message lists the outbox ids it carries so they can be marked sent together.
 */
export function packMessages(
  alerts: readonly DueAlert[],
  timeZone: string,
): Array<{ ids: number[]; html: string }> {
  const out: Array<{ ids: number[]; html: string }> = [];
  let ids: number[] = [];
  let parts: string[] = [];
  let length = 0;
  const flush = () => {
    if (parts.length) out.push({ ids, html: parts.join("\n\n") });
    ids = [];
    parts = [];
    length = 0;
  };
  for (const alert of alerts) {
    const story = formatStory(alert, timeZone);
    if (parts.length >= MAX_STORIES_PER_MESSAGE || length + story.length + 2 > MESSAGE_LIMIT) flush();
    ids.push(alert.id);
    parts.push(story);
    length += story.length + 2;
  }
  flush();
  return out;
}
