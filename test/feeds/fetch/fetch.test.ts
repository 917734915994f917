import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { DEFAULT_USER_AGENT, fetchFeed } from "../../../src/feeds/fetch/fetch.js";
import { expectFeedError, rss, ruText, serverPerTest, startServer } from "../helpers.js";

const open = { allowPrivate: true };
const serve = serverPerTest();

describe("fetchFeed over local HTTP", () => {
  it("returns the body with validators, caching hints and polite headers", async () => {
    const body = rss(["Новость"]);
    const server = await serve((_req, res) => {
      res.writeHead(200, {
        "content-type": "application/rss+xml; charset=utf-8",
        etag: '"v1"',
        "last-modified": "Wed, 25 Nov 2026 10:00:00 GMT",
        "cache-control": "public, max-age=300",
      });
      res.end(body);
    });
    const outcome = await fetchFeed(`${server.url}/feed`, open);
    expect(outcome.kind).toBe("ok");
    if (outcome.kind !== "ok") return;
    expect(outcome.body.toString("utf8")).toBe(body);
    expect(outcome.etag).toBe('"v1"');
    expect(outcome.lastModified).toBe("Wed, 25 Nov 2026 10:00:00 GMT");
    expect(outcome.maxAgeSeconds).toBe(300);
    expect(outcome.contentType).toBe("application/rss+xml; charset=utf-8");
    expect(outcome.finalUrl).toBe(`${server.url}/feed`);
    expect(outcome.movedPermanentlyTo).toBeNull();
    const req = server.requests[0];
    expect(req?.headers["user-agent"]).toBe(DEFAULT_USER_AGENT);
    expect(req?.headers.accept).toContain("application/rss+xml");
    expect(req?.headers["accept-encoding"]).toContain("gzip");
    expect(req?.headers["if-none-match"]).toBeUndefined();
  });

  it("round-trips ETag and Last-Modified into a 304", async () => {
    const server = await serve((req, res) => {
      const etagMatches = req.headers["if-none-match"] === '"v1"';
      const dateMatches = req.headers["if-modified-since"] === "Wed, 25 Nov 2026 10:00:00 GMT";
      if (etagMatches || dateMatches) {
        res.writeHead(304, { "cache-control": "max-age=60" });
        res.end();
        return;
      }
      res.writeHead(200, { etag: '"v1"', "last-modified": "Wed, 25 Nov 2026 10:00:00 GMT" });
      res.end(rss(["a"]));
    });
    const first = await fetchFeed(server.url, open);
    if (first.kind !== "ok") throw new Error("first fetch must be ok");
    const second = await fetchFeed(server.url, {
      ...open,
      etag: first.etag,
      lastModified: first.lastModified,
    });
    expect(second).toEqual({
      kind: "not-modified",
      finalUrl: `${server.url}/`,
      maxAgeSeconds: 60,
      movedPermanentlyTo: null,
    });
    expect(server.requests[1]?.headers["if-none-match"]).toBe('"v1"');
    expect(server.requests[1]?.headers["if-modified-since"]).toBe("Wed, 25 Nov 2026 10:00:00 GMT");
    const byDate = await fetchFeed(server.url, { ...open, lastModified: first.lastModified });
    expect(byDate.kind).toBe("not-modified");
  });

  it("decompresses gzip, deflate and br bodies", async () => {
    const { brotliCompressSync, deflateSync, deflateRawSync } = await import("node:zlib");
    const body = Buffer.from(rss(["Сжатая новость"]));
    const encoders: Record<string, (b: Buffer) => Buffer> = {
      "/gzip": gzipSync,
      "/br": brotliCompressSync,
      "/deflate": deflateSync,
      "/raw-deflate": deflateRawSync,
    };
    const server = await serve((req, res) => {
      const encode = encoders[req.url ?? ""];
      if (!encode) throw new Error("unknown path");
      const coding = req.url === "/raw-deflate" ? "deflate" : (req.url ?? "/").slice(1);
      res.writeHead(200, { "content-encoding": coding, "content-type": "application/xml" });
      res.end(encode(body));
    });
    for (const path of Object.keys(encoders)) {
      const outcome = await fetchFeed(`${server.url}${path}`, open);
      if (outcome.kind !== "ok") throw new Error(path);
      expect(outcome.body.equals(body), path).toBe(true);
    }
  });

  it("applies the size cap to decompressed bytes (gzip bomb)", async () => {
    const bomb = gzipSync(Buffer.alloc(4 * 1024 * 1024, 0x20));
    const server = await serve((_req, res) => {
      res.writeHead(200, { "content-encoding": "gzip" });
      res.end(bomb);
    });
    expect(bomb.length).toBeLessThan(64 * 1024);
    await expectFeedError(fetchFeed(server.url, { ...open, maxBytes: 1024 * 1024 }), "too-large");
  });

  it("follows a 301 chain and reports where the feed moved", async () => {
    const server = await serve((req, res) => {
      const hops: Record<string, [number, string]> = {
        "/a": [301, "/b"],
        "/b": [308, "/c"],
        "/c": [302, "/d"],
      };
      const hop = hops[req.url ?? ""];
      if (hop) {
        res.writeHead(hop[0], { location: hop[1] });
        res.end();
        return;
      }
      res.end(rss(["moved"]));
    });
    const outcome = await fetchFeed(`${server.url}/a`, open);
    if (outcome.kind !== "ok") throw new Error("expected ok");
    expect(outcome.finalUrl).toBe(`${server.url}/d`);
    // The 302 at the end is temporary: the subscription should move to /c, not /d.
    expect(outcome.movedPermanentlyTo).toBe(`${server.url}/c`);
    expect(server.requests.map((r) => r.url)).toEqual(["/a", "/b", "/c", "/d"]);
  });

  it("does not report a move when the first hop is temporary", async () => {
    const server = await serve((req, res) => {
      if (req.url === "/tmp") res.writeHead(307, { location: "/perm" });
      else if (req.url === "/perm") res.writeHead(301, { location: "/feed" });
      res.end(req.url === "/feed" ? rss(["x"]) : undefined);
    });
    const outcome = await fetchFeed(`${server.url}/tmp`, open);
    if (outcome.kind !== "ok") throw new Error("expected ok");
    expect(outcome.movedPermanentlyTo).toBeNull();
  });

  it("stops a redirect loop", async () => {
    const server = await serve((req, res) => {
      res.writeHead(302, { location: req.url === "/a" ? "/b" : "/a" });
      res.end();
    });
    await expectFeedError(fetchFeed(`${server.url}/a`, open), "redirects");
    expect(server.requests.length).toBe(2);
  });

  it("gives up after five redirects", async () => {
    const server = await serve((req, res) => {
      const n = Number((req.url ?? "/0").slice(1));
      res.writeHead(302, { location: `/${n + 1}` });
      res.end();
    });
    await expectFeedError(fetchFeed(`${server.url}/0`, open), "redirects");
    expect(server.requests.length).toBe(6);
  });

  it("times out on a body that trickles in forever", async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { "content-type": "application/rss+xml" });
      res.write("<rss version='2.0'><channel>");
      const timer = setInterval(() => res.write(" "), 20);
      res.on("close", () => clearInterval(timer));
    });
    const err = await expectFeedError(fetchFeed(server.url, { ...open, timeoutMs: 300 }), "timeout");
    expect(ruText(err)).toBe("сервер слишком медленно отдаёт ленту: не уложился в 0,3 с");
  });

  it("times out when the server never answers", async () => {
    const server = await serve(() => {
      // Accept the request and say nothing.
    });
    const err = await expectFeedError(fetchFeed(server.url, { ...open, timeoutMs: 200 }), "timeout");
    expect(ruText(err)).toBe("сервер не ответил за 0,2 с");
  });

  it("refuses an endless body at the size cap", async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { "content-type": "application/rss+xml" });
      const chunk = Buffer.alloc(64 * 1024, 0x41);
      let open = true;
      res.on("close", () => {
        open = false;
      });
      const pump = () => {
        while (open && res.write(chunk)) {
          // Keep writing until the socket pushes back.
        }
        if (open) res.once("drain", pump);
      };
      pump();
    });
    await expectFeedError(
      fetchFeed(server.url, { ...open, maxBytes: 256 * 1024, timeoutMs: 10_000 }),
      "too-large",
    );
  });

  it("refuses early when Content-Length is over the cap", async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { "content-length": String(10 * 1024 * 1024) });
      res.write("x");
    });
    await expectFeedError(fetchFeed(server.url, { ...open, maxBytes: 1024 }), "too-large");
  });

  it("reports 429 and 503 with Retry-After in seconds or as an HTTP date", async () => {
    const later = new Date(Date.now() + 3600_000).toUTCString();
    const server = await serve((req, res) => {
      if (req.url === "/seconds") res.writeHead(429, { "retry-after": "120" });
      else if (req.url === "/date") res.writeHead(503, { "retry-after": later });
      else res.writeHead(429);
      res.end();
    });
    const bySeconds = await expectFeedError(fetchFeed(`${server.url}/seconds`, open), "http");
    expect(bySeconds.status).toBe(429);
    expect(bySeconds.retryAfterSeconds).toBe(120);
    const byDate = await expectFeedError(fetchFeed(`${server.url}/date`, open), "http");
    expect(byDate.status).toBe(503);
    expect(byDate.retryAfterSeconds).toBeGreaterThan(3500);
    expect(byDate.retryAfterSeconds).toBeLessThanOrEqual(3601);
    const none = await expectFeedError(fetchFeed(`${server.url}/none`, open), "http");
    expect(none.retryAfterSeconds).toBeUndefined();
  });

  it("turns other statuses into http errors with a readable message", async () => {
    const server = await serve((_req, res) => {
      res.writeHead(404);
      res.end("nope");
    });
    const err = await expectFeedError(fetchFeed(server.url, open), "http");
    expect(err.status).toBe(404);
    expect(ruText(err)).toBe("HTTP 404: страница не найдена");
  });

  it("reports a refused connection as a network error", async () => {
    const server = await startServer(() => {});
    const url = server.url;
    await server.close();
    await expectFeedError(fetchFeed(url, open), "network");
  });

  it("gunzips a .gz body served without Content-Encoding", async () => {
    const body = Buffer.from(rss(["gz"]));
    const server = await serve((_req, res) => {
      res.writeHead(200, { "content-type": "application/x-gzip" });
      res.end(gzipSync(body));
    });
    const outcome = await fetchFeed(server.url, open);
    if (outcome.kind !== "ok") throw new Error("expected ok");
    expect(outcome.body.equals(body)).toBe(true);
  });
});
