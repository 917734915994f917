import { parseArgs } from "node:util";
import { feedSource } from "../delivery/router.js";
import { feedErrorText, isFeedError } from "../feeds/errors.js";
import { loadFeed } from "../feeds/load.js";
import type { FeedItem } from "../feeds/parse/parse.js";
import { translate } from "../locale.js";
import { matchQuery, parseQuery, type Query, QueryError } from "../matching/index.js";
import { groupFeedStories, otherSources, type StoryItem } from "./preview-stories.js";

// Every message is Russian, like the query errors it passes on.
const USAGE = `Использование: npm run preview -- --feed <адрес или файл> [--feed …] [--query "<запрос>"] [--json]

Читает ленты так же, как бот (загрузка → кодировка → разбор → сюжеты → поиск), и печатает новости, о которых
бот сообщил бы по запросу; без --query — все новости лент по порядку.
  --feed <адрес или файл>  лента: http(s)-адрес или путь к файлу; можно несколько — читаются по порядку,
                           одна новость из нескольких лент показывается один раз («также: …»)
  --query "<запрос>"       запрос, как в /subscribe (можно начинать с минуса: --query -Китай)
  --json                   по одному JSON-объекту в строке: title, link, published, matched, story, source
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
  /** items the bot takes for one story (one alert) share this number */
  story?: number;
  /** the feed's title (or URL) */
  source?: string;
}

/**
 * The items the query would alert, in feed order (every item when there is no query). `source:` filters
 * see each item's `matchSource` (its feed's host and title, as the router gives them), else `source`.
 */
export function previewRows(
  items: ReadonlyArray<FeedItem & { story?: number; source?: string; matchSource?: string }>,
  query: Query | null,
  source = "",
): PreviewRow[] {
  const rows: PreviewRow[] = [];
  for (const item of items) {
    const matched = query ? matchQuery(query, { ...item, source: item.matchSource ?? source }) : [];
    if (matched === null) continue;
    rows.push({
      title: item.title,
      link: item.link,
      published: item.published?.toISOString() ?? null,
      matched,
      ...(item.story === undefined ? {} : { story: item.story, source: item.source }),
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
  const { feed: feeds, query: text, json, help } = args.values;
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
  if (!feeds?.length) {
    err(`preview: нужен --feed\n\n${USAGE}`);
    return 1;
  }
  let query: Query | null = null;
  if (text !== undefined) {
    try {
      query = parseQuery(text);
    } catch (e) {
      if (!(e instanceof QueryError)) throw e;
      err(`preview: ошибка в запросе: ${translate("ru", e.key, e.vars)}`);
      return 1;
    }
  }
  let items: StoryItem[];
  try {
    items = groupFeedStories(await readFeeds(feeds));
  } catch (e) {
    err(`preview: ${(e as Error).message}`);
    return 1;
  }
  const rows = previewRows(items, query);
  const shown = new Set<number>();
  for (const row of rows) {
    if (json) out(JSON.stringify(row));
    else {
      // A story several feeds carry is listed once, with the other sources that reported it.
      if (shown.has(row.story as number)) continue;
      shown.add(row.story as number);
      const also = otherSources(items, row.story as number, row.source as string);
      const when = row.published ? `${formatPublished(row.published)}  ` : "";
      const terms = row.matched.length ? `  [${row.matched.join(", ")}]` : "";
      const more = also.length ? `\n    также: ${also.join(", ")}` : "";
      out(`${when}${row.title}${terms}\n    ${row.link ?? "(без ссылки)"}${more}`);
    }
  }
  if (!json) err(`${query ? "Подходят" : "Новостей"}: ${rows.length} из ${items.length}`);
  return 0;
}

/** Reads each feed in the order given; the first unreadable one stops the preview with its name. */
async function readFeeds(sources: readonly string[]) {
  const reads = [];
  for (const source of sources) {
    try {
      // The operator runs this by hand, so local and private addresses are allowed, as for FEEDS.
      const loaded = await loadFeed(source, { allowPrivate: true });
      const title = loaded.feed?.title ?? "";
      reads.push({
        source: title || source,
        // source: filters look at the feed's host and title, as the bot's router does.
        matchSource: feedSource({ url: /^https?:/i.test(source) ? source : undefined, title }),
        items: loaded.feed?.items ?? [],
      });
    } catch (e) {
      throw new Error(
        `не удалось прочитать ленту ${source}: ${isFeedError(e) ? feedErrorText(e.message, (k, v) => translate("ru", k, v)) : (e as Error).message}`,
      );
    }
  }
  return reads;
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    options: {
      feed: { type: "string", multiple: true },
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
