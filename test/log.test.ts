import { createServer } from "node:net";
import { Api } from "grammy";
import { describe, expect, it } from "vitest";
import { captureLog as capture } from "./support/log-capture.js";

const TOKEN = "7012345678:AAH-secret_part-ABCDEFGHIJKLMNOPQRSTUV";
const SECRET = TOKEN.split(":")[1] as string;

/** A loopback port nothing listens on: connections to it are refused. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

describe("logger token redaction", () => {
  it("a grammY network error logged as { err } does not print the bot token", async () => {
    const api = new Api(TOKEN, { apiRoot: `http://127.0.0.1:${await closedPort()}` });
    const err = await api.sendMessage(1, "hi").then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(Error);
    // The leak is real: the wrapped fetch error carries the request URL with the token in it.
    expect(
      JSON.stringify({ m: String((err as { error?: unknown }).error), s: (err as Error).stack }),
    ).toContain(SECRET);
    const { log, text } = capture(TOKEN);
    log.error({ err }, "alert send failed");
    log
      .child({ stage: "bot" })
      .warn({ err, error: (err as { error?: unknown }).error }, "again, from a child");
    expect(text()).toContain("alert send failed");
    expect(text()).toContain("again, from a child");
    expect(text()).toContain("[redacted]");
    expect(text()).not.toContain(SECRET);
  });

  it("redacts the token in causes, aggregate errors, stacks, plain fields and the message", () => {
    const { log, text } = capture(TOKEN);
    const url = `https://api.telegram.org/bot${TOKEN}/getUpdates`;
    const inner = new Error(`request to ${url} failed`);
    const outer = new Error("wrapper", { cause: inner });
    const many = new AggregateError([new Error(`at ${encodeURIComponent(url)}`), outer], "several");
    const custom = Object.assign(new Error("custom"), { url, nested: { deeper: [url] } });
    log.error({ err: many }, "aggregate");
    log.error({ err: custom, failed: url }, `message with ${url}`);
    log.error(outer);
    expect(text().split("\n").filter(Boolean)).toHaveLength(3);
    expect(text()).toContain("several");
    expect(text()).not.toContain(SECRET);
    expect(text()).not.toContain(encodeURIComponent(SECRET));
  });

  it("redacts a token-shaped secret even when the logger was not told the token", () => {
    const { log, text } = capture();
    log.warn({ err: new Error(`GET /bot${TOKEN}/getMe failed`) }, "no token given");
    expect(text()).toContain("no token given");
    expect(text()).not.toContain(SECRET);
  });
});
