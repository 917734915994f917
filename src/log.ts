import { pino } from "pino";

/** The structured logger every part of the bot writes to. */
export type Logger = pino.Logger;

/** Anything shaped like a Telegram bot token (`<bot id>:<secret>`), for tokens the logger was not told about. */
const TOKEN_SHAPE = /(?<!\d)\d{6,}:[A-Za-z0-9_-]{30,}/g;
const CENSOR = "[redacted]";

/** Replaces the bot token (plain or URL-encoded) and anything token-shaped in a piece of log text. */
export function redactToken(text: string, token?: string): string {
  let clean = text;
  if (token) {
    clean = clean.replaceAll(token, CENSOR);
    const encoded = encodeURIComponent(token);
    if (encoded !== token) clean = clean.replaceAll(encoded, CENSOR);
  }
  return clean.replace(TOKEN_SHAPE, CENSOR);
}

/**
 * Creates the process logger; the bot token is redacted wherever it might appear. grammY puts the
 * token in request URLs, and URLs end up in error messages, stacks, causes and wrapped errors, so
 * the finished line is scrubbed rather than any one field: nothing a serializer emits can slip past.
 */
export function createLogger(level: string, token?: string, destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: undefined,
    redact: { paths: ["token", "botToken", "*.token", "*.botToken"], censor: CENSOR },
    hooks: { streamWrite: (line) => redactToken(line, token) },
  };
  return destination ? pino(options, destination) : pino(options);
}
