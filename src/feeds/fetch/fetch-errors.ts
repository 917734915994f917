import type { IncomingMessage } from "node:http";
import { FeedError, type FeedProblem, isFeedError, sizeVars } from "../errors.js";
import { headerValue, parseRetryAfter } from "./http-headers.js";

/** The timeout error; "body" when the server answered but sent the feed too slowly. */
export function timeoutError(timeoutMs: number, phase: "answer" | "body" = "answer"): FeedError {
  return new FeedError("timeout", phase === "body" ? "slow-body" : "no-answer", {
    seconds: timeoutMs / 1000,
  });
}

/** The size-cap error. */
export function tooLarge(maxBytes: number): FeedError {
  return new FeedError("too-large", "too-large", sizeVars(maxBytes));
}

const NETWORK_PROBLEMS: Record<string, FeedProblem> = {
  ECONNREFUSED: "refused",
  ECONNRESET: "reset",
  EPIPE: "reset",
  ENOTFOUND: "dns-failed",
  EAI_AGAIN: "dns-timeout",
  EHOSTUNREACH: "host-unreachable",
  ENETUNREACH: "net-unreachable",
};

/** Turns whatever a request threw into a FeedError. */
export function toFeedError(
  err: unknown,
  timedOutIn: "answer" | "body" | null,
  timeoutMs: number,
): FeedError {
  if (isFeedError(err)) return err;
  if (timedOutIn) return timeoutError(timeoutMs, timedOutIn);
  const code = (err as NodeJS.ErrnoException | undefined)?.code ?? "";
  if (code === "ETIMEDOUT") return timeoutError(timeoutMs);
  const known = NETWORK_PROBLEMS[code];
  if (known) return new FeedError("network", known, {}, { cause: err });
  if (/CERT|TLS|SSL/i.test(code) || code === "DEPTH_ZERO_SELF_SIGNED_CERT") {
    return new FeedError("network", "tls", {}, { cause: err });
  }
  if (code.startsWith("HPE_")) return new FeedError("network", "not-http", {}, { cause: err });
  if (code.startsWith("Z_") || code === "ERR_BUFFER_TOO_LARGE") {
    return new FeedError("network", "corrupt", {}, { cause: err });
  }
  const message = err instanceof Error ? err.message : String(err);
  return new FeedError("network", "network", { code: (code || message).slice(0, 200) }, { cause: err });
}

// What a status means, named in the sentence (feed-why-http's hint); other 5xx are "server".
const HTTP_HINTS: Record<number, string> = {
  401: "auth",
  403: "forbidden",
  404: "not-found",
  410: "gone",
  429: "too-many",
  451: "legal",
  503: "unavailable",
};

/** A non-2xx answer as a FeedError; 429/503 carry Retry-After. */
export function httpError(status: number, res: IncomingMessage): FeedError {
  const hint = HTTP_HINTS[status] ?? (status >= 500 ? "server" : "none");
  const vars = { status: String(status), hint };
  if (status === 429 || status === 503) {
    const retry = parseRetryAfter(headerValue(res.headers, "retry-after"));
    if (retry !== null)
      return new FeedError("http", "http-retry", { ...vars, retry }, { status, retryAfterSeconds: retry });
  }
  return new FeedError("http", "http", vars, { status });
}
