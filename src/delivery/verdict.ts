import { GrammyError } from "grammy";

/** What to do with alerts after Telegram (or the network) refused them. */
export type Verdict =
  | { kind: "flood"; retryAfterMs: number }
  | { kind: "retry"; afterMs: number }
  | { kind: "gone" }
  | { kind: "unauthorized" }
  | { kind: "migrated"; to: number }
  | { kind: "fail" };

// Telegram's wording for "this bot can never write here again" (until it is unblocked or re-added).
const GONE_400 =
  /chat not found|chat_write_forbidden|have no rights|not enough rights to send|need administrator rights in the channel chat|group chat was deactivated|user is deactivated|peer_id_invalid/i;

/** Longest pause between retries of a passing failure; short, so alerts follow soon after an outage. */
export const MAX_BACKOFF_MS = 60_000;

/** Classifies a failed send by what Telegram (or the network) said; `attempts` so far sets the back-off. */
export function classifySendError(err: unknown, attempts: number): Verdict {
  const backoff = Math.min(MAX_BACKOFF_MS, 2_000 * 2 ** attempts);
  if (err instanceof GrammyError) {
    if (err.error_code === 429)
      return { kind: "flood", retryAfterMs: (err.parameters.retry_after ?? 5) * 1000 };
    // The bot's token was revoked: no chat can be written to until a restart with a valid one.
    if (err.error_code === 401) return { kind: "unauthorized" };
    if (err.parameters.migrate_to_chat_id) return { kind: "migrated", to: err.parameters.migrate_to_chat_id };
    if (err.error_code === 403) return { kind: "gone" };
    if (err.error_code === 400 && GONE_400.test(err.description)) return { kind: "gone" };
    if (err.error_code >= 500) return { kind: "retry", afterMs: backoff };
    return { kind: "fail" };
  }
  // Network trouble (HttpError) and anything unexpected: try again later; ALERT_MAX_AGE bounds it.
  return { kind: "retry", afterMs: backoff };
}
