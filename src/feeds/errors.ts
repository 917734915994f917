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

/** A per-feed failure whose message is a short Russian sentence fit for /feeds health and chat replies. */
export class FeedError extends Error {
  readonly kind: FeedErrorKind;
  readonly status?: number;
  readonly retryAfterSeconds?: number;
  readonly discovered?: string[];

  constructor(kind: FeedErrorKind, message: string, details: FeedErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = "FeedError";
    this.kind = kind;
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

/** Russian wording for a byte count, e.g. «15 МиБ». */
export function formatBytes(bytes: number): string {
  // Russian writes a decimal comma.
  if (bytes >= 1024 * 1024)
    return `${String(Math.round((bytes / 1024 / 1024) * 10) / 10).replace(".", ",")} МиБ`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} КиБ`;
  return `${bytes} Б`;
}

/** Russian wording for a timeout, e.g. «20 с». */
export function formatSeconds(ms: number): string {
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(1).replace(".", ",")} с`;
}
