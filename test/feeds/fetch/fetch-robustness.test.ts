import { describe, expect, it, vi } from "vitest";
import { fetchFeed } from "../../../src/feeds/fetch/fetch.js";
import { expectFeedError, rss, ruText, serverPerTest, startServer } from "../helpers.js";

const open = { allowPrivate: true };
const serve = serverPerTest();

describe("fetchFeed against misbehaving servers", () => {
  it("retries once when a kept-alive socket was closed by the server", async () => {
    const served = new WeakSet<object>();
    const server = await serve((req, res) => {
      // Simulates a server that dropped the idle connection just as we reused it.
      if (served.has(req.socket)) {
        req.socket.destroy();
        return;
      }
      served.add(req.socket);
      res.writeHead(200, { "content-length": String(Buffer.byteLength(rss(["k"]))) });
      res.end(rss(["k"]));
    });
    expect((await fetchFeed(server.url, open)).kind).toBe("ok");
    expect((await fetchFeed(server.url, open)).kind).toBe("ok");
    expect(server.requests.length).toBe(3);
  });

  it("stops reading an endless redirect body once it moves on", async () => {
    let redirectClosed = false;
    const server = await serve((req, res) => {
      if (req.url === "/feed") {
        res.end(rss(["after redirect"]));
        return;
      }
      res.writeHead(302, { location: "/feed" });
      const timer = setInterval(() => res.write("x".repeat(1024)), 5);
      res.on("close", () => {
        clearInterval(timer);
        redirectClosed = true;
      });
    });
    const outcome = await fetchFeed(`${server.url}/start`, open);
    expect(outcome.kind).toBe("ok");
    await vi.waitFor(() => expect(redirectClosed).toBe(true));
  });

  it("names the failure in Russian for a refused connection", async () => {
    const server = await startServer(() => {});
    const url = server.url;
    await server.close();
    const err = await expectFeedError(fetchFeed(url, open), "network");
    expect(ruText(err)).toBe("сервер отклонил соединение");
  });

  it("accepts plain XML mislabelled as gzip, but not garbage", async () => {
    const server = await serve((req, res) => {
      res.writeHead(200, { "content-encoding": "gzip" });
      res.end(req.url === "/plain" ? rss(["plain"]) : "\x00\x01garbage");
    });
    const outcome = await fetchFeed(`${server.url}/plain`, open);
    if (outcome.kind !== "ok") throw new Error("expected ok");
    expect(outcome.body.toString()).toBe(rss(["plain"]));
    const err = await expectFeedError(fetchFeed(`${server.url}/garbage`, open), "network");
    expect(ruText(err)).toBe("сжатый ответ сервера повреждён");
  });

  it("refuses media files without downloading them", async () => {
    let closed = false;
    const server = await serve((_req, res) => {
      res.writeHead(200, { "content-type": "audio/mpeg" });
      const timer = setInterval(() => res.write(Buffer.alloc(1024)), 5);
      res.on("close", () => {
        clearInterval(timer);
        closed = true;
      });
    });
    const err = await expectFeedError(fetchFeed(server.url, open), "not-a-feed");
    expect(ruText(err)).toBe("по адресу не лента, а файл audio/mpeg");
    await vi.waitFor(() => expect(closed).toBe(true));
  });
});
