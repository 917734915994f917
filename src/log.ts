import { pino } from "pino";

/** The structured logger every part of the bot writes to. */
export type Logger = pino.Logger;

/** Creates the process logger; the bot token is redacted wherever it might appear. */
export function createLogger(level: string, token?: string): Logger {
  return pino({
    level,
    base: undefined,
    redact: { paths: ["token", "botToken", "*.token", "*.botToken"], censor: "[redacted]" },
    hooks: {
      // grammY puts the token in request URLs, and URLs end up in error messages.
      logMethod(args, method) {
        const clean = token
          ? (args.map((a) => (typeof a === "string" ? a.replaceAll(token, "[redacted]") : a)) as typeof args)
          : args;
        method.apply(this, clean);
      },
    },
  });
}
