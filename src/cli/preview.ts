import { parseArgs } from "node:util";
import { isFeedError } from "../feeds/errors.js";
import { loadFeed } from "../feeds/load.js";
import type { FeedItem } from "../feeds/parse.js";
import { matchQuery, parseQuery, type Query, QueryError } from "../matching/index.js";

const USAGE = 'usage: npm run preview -- --feed <url-or-file> [--query "<query>"] [--json]';

/** One line of preview output. */
export interface PreviewRow {
  title: string;
  link: string | null;
  published: string | null;
  matched: string[];
}

/** The items of a feed the query would alert, in feed order (every item when there is no query). */
export function previewRows(items: readonly FeedItem[], query: Query | null): PreviewRow[] {
  const rows: PreviewRow[] = [];
  for (const item of items) {
    const matched = query ? matchQuery(query, item) : [];
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
    args = parse(argv);
  } catch (e) {
    err(`preview: ${(e as Error).message}\n${USAGE}`);
    return 1;
  }
  const { feed, query: text, json } = args.values;
  if (!feed) {
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
  let items: FeedItem[];
  try {
    // The operator runs this by hand, so local and private addresses are allowed, as for FEEDS.
    const loaded = await loadFeed(feed, { allowPrivate: true });
    items = loaded.feed?.items ?? [];
  } catch (e) {
    err(`preview: cannot read feed ${feed}: ${isFeedError(e) ? e.message : (e as Error).message}`);
    return 1;
  }
  const rows = previewRows(items, query);
  for (const row of rows) {
    if (json) out(JSON.stringify(row));
    else {
      const when = row.published ? `${row.published.slice(0, 16).replace("T", " ")}  ` : "";
      const terms = row.matched.length ? `  [${row.matched.join(", ")}]` : "";
      out(`${when}${row.title}${terms}\n    ${row.link ?? "(без ссылки)"}`);
    }
  }
  if (!json) err(`${rows.length} of ${items.length} items${query ? " match" : ""}`);
  return 0;
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    options: {
      feed: { type: "string" },
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
