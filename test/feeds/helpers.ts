import { existsSync } from "node:fs";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, expect } from "vitest";
import { FeedError, type FeedErrorKind, feedErrorText } from "../../src/feeds/errors.js";
import { translate } from "../../src/locale.js";

/** The repository root (two folders above this file). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
/** The shared real-world corpus beside the repository (NEWSALERT_CORPUS_DIR points elsewhere, e.g. to try the skip). */
export const corpusDir = process.env.NEWSALERT_CORPUS_DIR ?? path.resolve(repoRoot, "../shared/corpus");
/** False in a user's own clone without ../shared: corpus tests are then reported as skipped. */
export const hasCorpus = existsSync(corpusDir);

/** A running local HTTP server for one test. */
export interface TestServer {
  url: string;
  port: number;
  /** Every request the server received, in order. */
  requests: IncomingMessage[];
  close(): Promise<void>;
}

/** Starts a node:http server on a random port of the given loopback address. */
export async function startServer(
  handler: (req: IncomingMessage, res: ServerResponse, server: TestServer) => void,
  host = "127.0.0.1",
): Promise<TestServer> {
  const requests: IncomingMessage[] = [];
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  const test: TestServer = {
    url: `http://${host}:${port}`,
    port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  server.on("request", (req, res) => {
    requests.push(req);
    handler(req, res, test);
  });
  return test;
}

/** Awaits a promise that must reject with a FeedError of the given kind, and returns that error. */
export async function expectFeedError(promise: Promise<unknown>, kind: FeedErrorKind): Promise<FeedError> {
  const err = await promise.then(
    () => {
      throw new Error(`expected a FeedError "${kind}", got success`);
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(FeedError);
  expect((err as FeedError).kind).toBe(kind);
  // A sentence in both languages: Russian words or an HTTP status; no Russian left in English but the values.
  expect(ruText(err as FeedError)).toMatch(/[а-яё]|HTTP/i);
  const english = Object.values((err as FeedError).vars).reduce<string>(
    (text, value) => text.replace(String(value), ""),
    enText(err as FeedError),
  );
  expect(english).toMatch(/[a-z]/i);
  expect(english).not.toMatch(/\p{Script=Cyrillic}/u);
  return err as FeedError;
}

/** A FeedError as a Russian chat reads it. */
export function ruText(err: FeedError): string {
  return feedErrorText(err.message, (key, vars) => translate("ru", key, vars));
}

/** A FeedError as an English chat reads it. */
export function enText(err: FeedError): string {
  return feedErrorText(err.message, (key, vars) => translate("en", key, vars));
}

/** A minimal RSS 2.0 document with the given item titles. */
export function rss(titles: string[], channelTitle = "Тестовая лента"): string {
  const items = titles
    .map(
      (t, i) =>
        `<item><title>${t}</title><link>https://example.org/news/${i}</link><guid>id-${i}</guid></item>`,
    )
    .join("");
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${channelTitle}</title><link>https://example.org/</link>${items}</channel></rss>`;
}

/** Whether 127.0.0.2 can be bound (Linux yes; macOS only with an alias), for the "public host" stage. */
export async function canBindSecondLoopback(): Promise<boolean> {
  const server = http.createServer();
  return new Promise<boolean>((resolve) => {
    server.once("error", () => resolve(false));
    server.listen(0, "127.0.0.2", () => server.close(() => resolve(true)));
  });
}

/** A `serve` for one test file: servers it starts are closed after each test. */
export function serverPerTest(): (...args: Parameters<typeof startServer>) => Promise<TestServer> {
  let servers: TestServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.map((s) => s.close()));
    servers = [];
  });
  return async (...args) => {
    const server = await startServer(...args);
    servers.push(server);
    return server;
  };
}
