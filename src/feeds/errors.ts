import type { Say } from "../locale.js";

/** Why a feed could not be fetched or read; the poller keys back-off and health on it. */
export type FeedErrorKind =
  | "timeout"
  | "too-large"
  | "http"
  | "network"
  | "blocked"
  | "redirects"
  | "not-a-feed"
  | "bad-url";

/** Extra facts a FeedError may carry. */
export interface FeedErrorDetails {
  status?: number;
  retryAfterSeconds?: number;
  /** Feed URLs advertised by an HTML page that was fetched instead of a feed (for /addfeed to offer). */
  discovered?: string[];
  cause?: unknown;
}

/** What went wrong, one sentence each in locales/*.ftl (`feed-why-<problem>`), filled in with its values. */
export const FEED_PROBLEMS = [
  "not-url",
  "scheme",
  "credentials",
  "no-host",
  "private",
  "dns",
  "port",
  "compression",
  "stopping",
  "bad-redirect",
  "redirect-loop",
  "too-many-redirects",
  "media",
  "no-answer",
  "slow-body",
  "too-large",
  "refused",
  "reset",
  "dns-failed",
  "dns-timeout",
  "host-unreachable",
  "net-unreachable",
  "tls",
  "not-http",
  "corrupt",
  "network",
  "http",
  "http-retry",
  "empty",
  "web-page",
  "json",
  "not-xml",
  "not-rss",
  "unknown-format",
  "broken-xml",
  "broken-xml-at",
  "feed-found",
  "opml-not-xml",
  "opml-no-body",
  "file-url",
  "file-not-found",
  "file-not-found-web",
  "file-open",
  "file-read",
  "file-scheme",
  "internal",
] as const;
/** One of FEED_PROBLEMS. */
export type FeedProblem = (typeof FEED_PROBLEMS)[number];
/** The values a problem's sentence names (a host, a port, a status). */
export type FeedProblemVars = Readonly<Record<string, string | number>>;

/** A problem and its values as one line, the way errors are logged and stored (`feeds.last_error`). */
export function encodeProblem(problem: FeedProblem, vars: FeedProblemVars = {}): string {
  return Object.keys(vars).length === 0 ? problem : `${problem} ${JSON.stringify(vars)}`;
}

const KNOWN = new Set<string>(FEED_PROBLEMS);

/**
 * A stored or thrown error's line (encodeProblem) as a sentence in the language of `say`; a line stored
 * before errors were kept as problems is shown as it is.
 */
export function feedErrorText(line: string, say: Say): string {
  const found = /^([a-z-]+)(?: (\{.*\}))?$/s.exec(line);
  if (!found || !KNOWN.has(found[1] as string)) return line;
  try {
    const vars = found[2] ? (JSON.parse(found[2]) as Record<string, string | number>) : {};
    return say(`feed-why-${found[1]}`, vars);
  } catch {
    return line;
  }
}

/**
 * A per-feed failure: `kind` keys back-off and health, `problem` and `vars` say what happened in the
 * chat's language (feedErrorText); the message is their encodeProblem line, for logs and /feeds.
 */
export class FeedError extends Error {
  readonly kind: FeedErrorKind;
  readonly problem: FeedProblem;
  readonly vars: FeedProblemVars;
  readonly status?: number;
  readonly retryAfterSeconds?: number;
  readonly discovered?: string[];

  constructor(
    kind: FeedErrorKind,
    problem: FeedProblem,
    vars: FeedProblemVars = {},
    details: FeedErrorDetails = {},
  ) {
    super(encodeProblem(problem, vars), details.cause === undefined ? undefined : { cause: details.cause });
    this.name = "FeedError";
    this.kind = kind;
    this.problem = problem;
    this.vars = vars;
    if (details.status !== undefined) this.status = details.status;
    if (details.retryAfterSeconds !== undefined) this.retryAfterSeconds = details.retryAfterSeconds;
    if (details.discovered !== undefined) this.discovered = details.discovered;
  }
}

/** True when the value is a FeedError (also across duplicated module instances in tests). */
export function isFeedError(value: unknown): value is FeedError {
  return (
    value instanceof FeedError || (value instanceof Error && value.name === "FeedError" && "kind" in value)
  );
}

/** A byte count as the values of a sentence: { size, unit } with unit "mib", "kib" or "b" (15 MiB). */
export function sizeVars(bytes: number): { size: number; unit: string } {
  if (bytes >= 1024 * 1024) return { size: Math.round((bytes / 1024 / 1024) * 10) / 10, unit: "mib" };
  if (bytes >= 1024) return { size: Math.round(bytes / 1024), unit: "kib" };
  return { size: bytes, unit: "b" };
}
