import { Writable } from "node:stream";
import { createLogger, type Logger } from "../../src/log.js";

/** A real pino logger writing into memory, as it would write to stdout, and what it wrote. */
export function captureLog(token?: string, level = "info") {
  const chunks: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  const log: Logger = createLogger(level, token, sink);
  const text = () => chunks.join("");
  /** Every line written so far, parsed. */
  const lines = () =>
    text()
      .split("\n")
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { level: number; msg: string; [k: string]: unknown });
  return { log, text, lines };
}
