import { parseArgs } from "node:util";
import { isFeedError } from "../feeds/errors.js";
import { loadFeed } from "../feeds/load.js";
import type { FeedItem } from "../feeds/parse.js";
import { matchQuery, parseQuery, type Query, QueryError } from "../matching/index.js";
import { groupFeedStories, otherSources, type StoryItem } from "./preview-stories.js";

const USAGE = 'usage: npm run preview -- --feed <url-or-file> [--query "<query>"] [--json]';

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

/** The items of a feed the query would alert, in feed order (every item when there is no query). */
export function previewRows(
  items: ReadonlyArray<FeedItem & { story?: number; source?: string }>,
  query: Query | null,
): PreviewRow[] {
  const rows: PreviewRow[] = [];
  for (const item of items) {
    const matched = query ? matchQuery(query, item) : [];
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
    args = parse(argv);
  } catch (e) {
    err(`preview: ${(e as Error).message}\n${USAGE}`);
    return 1;
  }
  const { feed: feeds, query: text, json } = args.values;
  if (!feeds?.length) {
    err(`preview: --feed is required\n${USAGE}`);
    return 1;
  }
  let query: Query | null = null;
  if (text !== undefined) {
    try {
      query = parseQuery(text);
    } catch (e) {
      if (!(e instanceof QueryError)) throw e;
      err(`preview: bad query: ${e.message}`);
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
      const when = row.published ? `${row.published.slice(0, 16).replace("T", " ")}  ` : "";
      const terms = row.matched.length ? `  [${row.matched.join(", ")}]` : "";
      const more = also.length ? `\n    также: ${also.join(", ")}` : "";
      out(`${when}${row.title}${terms}\n    ${row.link ?? "(без ссылки)"}${more}`);
    }
  }
  if (!json) err(`${rows.length} of ${items.length} items${query ? " match" : ""}`);
  return 0;
}

/** Reads each feed in the order given; the first unreadable one stops the preview with its name. */
async function readFeeds(sources: readonly string[]) {
  const reads = [];
  for (const source of sources) {
    try {
      // The operator runs this by hand, so local and private addresses are allowed, as for FEEDS.
      const loaded = await loadFeed(source, { allowPrivate: true });
      reads.push({ source: loaded.feed?.title || source, items: loaded.feed?.items ?? [] });
    } catch (e) {
      throw new Error(`cannot read feed ${source}: ${isFeedError(e) ? e.message : (e as Error).message}`);
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
    },
    allowPositionals: false,
    strict: true,
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await runPreview(process.argv.slice(2));
}
