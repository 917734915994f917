import { truncate } from "../feeds/parse/text.js";
import { type Locale, translate } from "../locale.js";
import type { DueAlert } from "../store/outbox.js";
import {
  escapeHtml,
  formatStory,
  formatStoryLine,
  MAX_STORIES_PER_MESSAGE,
  MESSAGE_LIMIT,
  visibleLength,
} from "./format.js";

/** One message ready to send: what it carries, so it can be recorded and given buttons later. */
export interface OutgoingMessage {
  /** Outbox ids the message carries; marked sent together. */
  ids: number[];
  /** The chat's subscriptions behind these stories (for a «mute this query» keyboard). */
  subscriptionIds: number[];
  html: string;
  /** Only a single story keeps its link preview; in a batch the previews would be for the first link only. */
  preview: boolean;
}

/** How packMessages lays stories out. */
export interface PackOptions {
  /** Backlog mode: one line per story, many per message, so a flood collapses into a few messages. */
  compact?: boolean;
  /** A subscription's query text, for the batch header; unknown ids fall back to the matched terms. */
  queryOf?: (subscriptionId: number) => string | undefined;
  now?: number;
  /** The chat's language, for the header (default Russian). */
  locale?: Locale;
  /** The zone is one the chat chose (/tz), so times need no zone name. */
  ownZone?: boolean;
  /** A digest (or the end of quiet hours): even a single story gets the digest header. */
  digest?: boolean;
}

/** Lines per backlog message: Telegram ignores formatting beyond 100 entities, each line has two. */
export const MAX_LINES_PER_LIST = 40;
const HEADER_MAX = 200;
const SEPARATOR = 2;

/**
 * Packs a chat's due alerts into as few messages as Telegram allows, in order, splitting only between
 * stories. Several stories open with a one-line header (how many, for which queries); a single one is
 * sent as it is, with its link preview.
 */
export function packMessages(
  alerts: readonly DueAlert[],
  timeZone: string,
  opts: PackOptions = {},
): OutgoingMessage[] {
  if (alerts.length === 0) return [];
  const now = opts.now ?? Date.now();
  const perMessage = opts.compact ? MAX_LINES_PER_LIST : MAX_STORIES_PER_MESSAGE;
  // Even sizes (11 stories → 6 + 5, not 10 + 1), so no batch ends with a lone story.
  const target = Math.ceil(alerts.length / Math.ceil(alerts.length / perMessage));
  const render = opts.compact ? formatStoryLine : formatStory;
  const joiner = opts.compact ? "\n" : "\n\n";
  const budget = MESSAGE_LIMIT - HEADER_MAX - SEPARATOR;

  const groups: Array<{ alerts: DueAlert[]; parts: string[] }> = [];
  let current: { alerts: DueAlert[]; parts: string[] } = { alerts: [], parts: [] };
  let length = 0;
  for (const alert of alerts) {
    const part = render(alert, timeZone, now, { locale: opts.locale, ownZone: opts.ownZone });
    const size = visibleLength(part) + SEPARATOR;
    if (current.parts.length >= target || (current.parts.length > 0 && length + size > budget)) {
      groups.push(current);
      current = { alerts: [], parts: [] };
      length = 0;
    }
    current.alerts.push(alert);
    current.parts.push(part);
    length += size;
  }
  groups.push(current);

  return groups.map((g) => {
    const subscriptionIds = [...new Set(g.alerts.flatMap((a) => a.subscriptionIds))];
    const single = g.alerts.length === 1 && !opts.compact && !opts.digest;
    const body = g.parts.join(joiner);
    const html = single ? body : `${header(g.alerts, subscriptionIds, opts)}\n\n${body}`;
    return { ids: g.alerts.map((a) => a.id), subscriptionIds, html, preview: single };
  });
}

/** "📰 3 новости · литий, никель": the count and the queries (or, unknown, the terms) behind them. */
function header(alerts: readonly DueAlert[], subscriptionIds: number[], opts: PackOptions): string {
  const queries = subscriptionIds.map((id) => opts.queryOf?.(id)).filter((q): q is string => !!q);
  const names = queries.length ? queries : [...new Set(alerts.flatMap((a) => a.matched))];
  const list = truncate(names.join(", "), HEADER_MAX - 40);
  const vars = { count: alerts.length, queries: escapeHtml(list) };
  const key = opts.compact
    ? "alert-backlog-header"
    : opts.digest
      ? "alert-digest-header"
      : "alert-batch-header";
  return translate(opts.locale ?? "ru", key, vars);
}
