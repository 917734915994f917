import { parseArgs } from "node:util";
import { isFeedError } from "../feeds/errors.js";
import { loadFeed } from "../feeds/load.js";
import type { FeedItem } from "../feeds/parse.js";
import { matchQuery, parseQuery, type Query, QueryError } from "../matching/index.js";

// Every message is Russian, like the query errors it passes on.
const USAGE = `Использование: npm run preview -- --feed <адрес или файл> [--query "<запрос>"] [--json]

Читает ленту так же, как бот (загрузка → кодировка → разбор → поиск), и печатает новости, о которых
бот сообщил бы по запросу; без --query — все новости ленты по порядку.
  --feed <адрес или файл>  лента: http(s)-адрес или путь к файлу
  --query "<запрос>"       запрос, как в /subscribe (можно начинать с минуса: --query -Китай)
  --json                   по одному JSON-объекту в строке: title, link, published, matched
  --help                   эта справка
Время показывается в часовом поясе TZ (сейчас: ${zoneName()}).`;

function zoneName(): string {
  return process.env.TZ || "Europe/Moscow";
}

/** A moment in the TZ zone with the zone named, e.g. «26.11.2026, 11:00 MSK». */
export function formatPublished(iso: string, timeZone = zoneName()): string {
  return new Intl.DateTimeFormat("ru-RU", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    timeZoneName: "short",
  }).format(new Date(iso));
}

/**
 * A query that starts with a minus (--query -Китай) is a value, not an option: joined to its flag
 * before parseArgs, which would otherwise read it as an unknown option.
 */
function joinQueryValue(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const next = argv[i + 1];
    if (arg === "--query" && next !== undefined && next.startsWith("-") && next !== "--") {
      out.push(`--query=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

/** One line of preview output. */
export interface PreviewRow {
  title: string;
  link: string | null;
  published: string | null;
  matched: string[];
}

/** The items of a feed the query would alert, in feed order (every item when there is no query). */
export function previewRows(items: readonly FeedItem[], query: Query | null, source = ""): PreviewRow[] {
  const rows: PreviewRow[] = [];
  for (const item of items) {
    const matched = query ? matchQuery(query, { ...item, source }) : [];
    if (matched === null) continue;
    rows.push({
      title: item.title,
      link: item.link,
      published: item.published?.toISOString() ?? null,
      matched,
    });
  }
  return rows;
}

/** Runs the preview command; returns the exit code. Output goes through the given writers. */
export async function runPreview(
  argv: string[],
  out: (line: string) => void = (l) => process.stdout.write(`${l}\n`),
  err: (line: string) => void = (l) => process.stderr.write(`${l}\n`),
): Promise<number> {
  let args: ReturnType<typeof parse>;
  try {
    args = parse(joinQueryValue(argv));
  } catch (e) {
    err(`preview: неверные аргументы (${(e as Error).message})\n\n${USAGE}`);
    return 1;
  }
  const { feed, query: text, json, help } = args.values;
  if (help) {
    out(USAGE);
    return 0;
  }
  try {
    formatPublished(new Date(0).toISOString());
  } catch {
    err(`preview: неизвестный часовой пояс TZ=${zoneName()}`);
    return 1;
  }
  if (!feed) {
    err(`preview: нужен --feed\n\n${USAGE}`);
    return 1;
  }
  let query: Query | null = null;
  if (text !== undefined) {
    try {
      query = parseQuery(text);
    } catch (e) {
      if (!(e instanceof QueryError)) throw e;
      err(`preview: ошибка в запросе: ${e.message}`);
      return 1;
    }
  }
  let items: FeedItem[];
  let source = "";
  try {
    // The operator runs this by hand, so local and private addresses are allowed, as for FEEDS.
    const loaded = await loadFeed(feed, { allowPrivate: true });
    items = loaded.feed?.items ?? [];
    // source: filters look at the feed's host and title, as the bot's router does.
    source = `${/^https?:/i.test(feed) ? new URL(feed).hostname : ""} ${loaded.feed?.title ?? ""}`;
  } catch (e) {
    err(`preview: не удалось прочитать ленту ${feed}: ${isFeedError(e) ? e.message : (e as Error).message}`);
    return 1;
  }
  const rows = previewRows(items, query, source);
  for (const row of rows) {
    if (json) out(JSON.stringify(row));
    else {
      const when = row.published ? `${formatPublished(row.published)}  ` : "";
      const terms = row.matched.length ? `  [${row.matched.join(", ")}]` : "";
      out(`${when}${row.title}${terms}\n    ${row.link ?? "(без ссылки)"}`);
    }
  }
  if (!json) err(`${query ? "Подходят" : "Новостей"}: ${rows.length} из ${items.length}`);
  return 0;
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    options: {
      feed: { type: "string" },
      query: { type: "string" },
      json: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
    allowPositionals: false,
    strict: true,
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await runPreview(process.argv.slice(2));
}
