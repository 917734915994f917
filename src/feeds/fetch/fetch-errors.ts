import type { IncomingMessage } from "node:http";
import { FeedError, formatBytes, formatSeconds, isFeedError } from "../errors.js";
import { headerValue, parseRetryAfter } from "./http-headers.js";

/** The timeout error, worded for humans; "body" when the server answered but sent the feed too slowly. */
export function timeoutError(timeoutMs: number, phase: "answer" | "body" = "answer"): FeedError {
  const limit = formatSeconds(timeoutMs);
  const message =
    phase === "body"
      ? `сервер слишком медленно отдаёт ленту: не уложился в ${limit}`
      : `сервер не ответил за ${limit}`;
  return new FeedError("timeout", message);
}

/** The size-cap error, worded for humans. */
export function tooLarge(maxBytes: number): FeedError {
  return new FeedError("too-large", `лента больше ${formatBytes(maxBytes)}`);
}

const NETWORK_MESSAGES: Record<string, string> = {
  ECONNREFUSED: "сервер отклонил соединение",
  ECONNRESET: "соединение оборвалось",
  EPIPE: "соединение оборвалось",
  ENOTFOUND: "сервер не найден (DNS)",
  EAI_AGAIN: "DNS не ответил, сервер не найден",
  EHOSTUNREACH: "сервер недоступен",
  ENETUNREACH: "сеть недоступна",
};

/** Turns whatever a request threw into a FeedError with a Russian sentence. */
export function toFeedError(
  err: unknown,
  timedOutIn: "answer" | "body" | null,
  timeoutMs: number,
): FeedError {
  if (isFeedError(err)) return err;
  if (timedOutIn) return timeoutError(timeoutMs, timedOutIn);
  const code = (err as NodeJS.ErrnoException | undefined)?.code ?? "";
  if (code === "ETIMEDOUT") return timeoutError(timeoutMs);
  const known = NETWORK_MESSAGES[code];
  if (known) return new FeedError("network", known, { cause: err });
  if (/CERT|TLS|SSL/i.test(code) || code === "DEPTH_ZERO_SELF_SIGNED_CERT") {
    return new FeedError("network", "ошибка TLS-сертификата сервера", { cause: err });
  }
  if (code.startsWith("HPE_"))
    return new FeedError("network", "сервер ответил не по протоколу HTTP", { cause: err });
  if (code.startsWith("Z_") || code === "ERR_BUFFER_TOO_LARGE") {
    return new FeedError("network", "сжатый ответ сервера повреждён", { cause: err });
  }
  const message = err instanceof Error ? err.message : String(err);
  return new FeedError("network", `ошибка сети: ${code || message}`.slice(0, 200), { cause: err });
}

/** A non-2xx answer as a FeedError; 429/503 carry Retry-After. */
export function httpError(status: number, res: IncomingMessage): FeedError {
  const hints: Record<number, string> = {
    401: "нужна авторизация",
    403: "доступ запрещён",
    404: "страница не найдена",
    410: "лента удалена",
    429: "слишком много запросов",
    451: "недоступно по юридическим причинам",
    503: "сервис временно недоступен",
  };
  const hint = hints[status] ?? (status >= 500 ? "ошибка сервера" : undefined);
  if (status === 429 || status === 503) {
    const retry = parseRetryAfter(headerValue(res.headers, "retry-after"));
    if (retry !== null) {
      return new FeedError("http", `HTTP ${status}: ${hint}, повтор через ${retry} с`, {
        status,
        retryAfterSeconds: retry,
      });
    }
  }
  return new FeedError("http", hint ? `HTTP ${status}: ${hint}` : `HTTP ${status}`, { status });
}
