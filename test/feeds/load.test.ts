import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import iconv from "iconv-lite";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { itemIdentities } from "../../src/feeds/identity.js";
import { loadFeed } from "../../src/feeds/load.js";
import { expectFeedError, rss, ruText, startServer, type TestServer } from "./helpers.js";

const open = { allowPrivate: true };
let servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

async function serveOnce(
  status: number,
  headers: Record<string, string>,
  body: string | Buffer,
): Promise<TestServer> {
  const server = await startServer((_req, res) => {
    res.writeHead(status, headers);
    res.end(body);
  });
  servers.push(server);
  return server;
}

const cyrillicFeed = (encoding: string | null) =>
  `<?xml version="1.0"${encoding ? ` encoding="${encoding}"` : ""}?><rss version="2.0"><channel><title>Башорг</title>` +
  `<item><title>Цитата #17703</title><link>/quote.php?id=17703</link><description>Ёжик в тумане — «классика»</description></item>` +
  "</channel></rss>";

describe("loadFeed over HTTP", () => {
  it("resolves relative links against the final URL", async () => {
    const server = await serveOnce(200, { "content-type": "application/rss+xml" }, cyrillicFeed("utf-8"));
    const { outcome, feed } = await loadFeed(`${server.url}/rss`, open);
    expect(outcome.kind).toBe("ok");
    expect(feed?.items[0]?.link).toBe(`${server.url}/quote.php?id=17703`);
  });

  it.each([
    ["with a charset header", "text/xml; charset=windows-1251", "windows-1251"],
    ["with only the prolog", "application/rss+xml", "windows-1251"],
    ["with neither", "text/xml", null],
    ["with a header that lies (utf-8)", "text/xml; charset=utf-8", "windows-1251"],
  ])("decodes windows-1251 served %s", async (_name, contentType, prolog) => {
    const body = iconv.encode(cyrillicFeed(prolog), "windows-1251");
    const server = await serveOnce(200, { "content-type": contentType }, body);
    const { feed } = await loadFeed(server.url, open);
    expect(feed?.items[0]?.title).toBe("Цитата #17703");
    expect(feed?.items[0]?.summary).toBe("Ёжик в тумане — «классика»");
  });

  it("parses a feed served with a wrong Content-Type", async () => {
    for (const type of ["text/html; charset=utf-8", "application/octet-stream", "text/plain"]) {
      const server = await serveOnce(200, { "content-type": type }, rss(["Новость"]));
      const { feed } = await loadFeed(server.url, open);
      expect(
        feed?.items.map((i) => i.title),
        type,
      ).toEqual(["Новость"]);
    }
  });

  it("refuses an HTML page and offers the feeds it advertises", async () => {
    const html = `<!doctype html><html><head><title>Новости</title>
      <link rel="alternate" type="application/rss+xml" href="/rss.xml"></head><body>Сайт</body></html>`;
    const server = await serveOnce(200, { "content-type": "text/html; charset=utf-8" }, html);
    const err = await expectFeedError(loadFeed(`${server.url}/news/`, open), "not-a-feed");
    expect(err.discovered).toEqual([`${server.url}/rss.xml`]);
    expect(ruText(err)).toContain(`${server.url}/rss.xml`);
  });

  it("falls back to anchors that look like feeds", async () => {
    const html = `<html><body><a href="/about">О нас</a> <a href="/export/rss.xml">RSS</a></body></html>`;
    const server = await serveOnce(200, { "content-type": "text/html" }, html);
    const err = await expectFeedError(loadFeed(server.url, open), "not-a-feed");
    expect(err.discovered).toEqual([`${server.url}/export/rss.xml`]);
  });

  it("refuses an HTML page without feed links", async () => {
    const server = await serveOnce(
      200,
      { "content-type": "text/html" },
      "<html><body>404 не найдено</body></html>",
    );
    const err = await expectFeedError(loadFeed(server.url, open), "not-a-feed");
    expect(err.discovered).toBeUndefined();
  });

  it("refuses an empty 200", async () => {
    const server = await serveOnce(200, { "content-type": "application/rss+xml" }, "");
    const err = await expectFeedError(loadFeed(server.url, open), "not-a-feed");
    expect(ruText(err)).toBe("сервер вернул пустой ответ вместо ленты");
  });

  it("recognises every story of a feed whose GUIDs all changed", async () => {
    let version = 1;
    const server = await startServer((_req, res) => {
      const items = [1, 2, 3]
        .map(
          (n) =>
            `<item><title>Новость ${n}</title><guid>v${version}-${n}</guid><link>/news/${n}?utm_source=rss${version}</link></item>`,
        )
        .join("");
      res.end(`<rss version="2.0"><channel><title>t</title>${items}</channel></rss>`);
    });
    servers.push(server);
    const before = (await loadFeed(server.url, open)).feed?.items ?? [];
    version = 2;
    const after = (await loadFeed(server.url, open)).feed?.items ?? [];
    expect(after.length).toBe(3);
    const seen = new Set(before.flatMap(itemIdentities));
    for (const item of after) {
      expect(seen.has(item.key), item.key).toBe(false);
      expect(
        itemIdentities(item).some((k) => seen.has(k)),
        item.title,
      ).toBe(true);
    }
  });

  it("returns no feed on 304", async () => {
    const server = await serveOnce(304, {}, "");
    const loaded = await loadFeed(server.url, { ...open, etag: '"x"' });
    expect(loaded.outcome.kind).toBe("not-modified");
    expect(loaded.feed).toBeNull();
  });

  it("refuses private addresses by default", async () => {
    const server = await serveOnce(200, {}, rss(["x"]));
    await expectFeedError(loadFeed(server.url), "blocked");
    expect(server.requests.length).toBe(0);
  });
});

describe("loadFeed from files", () => {
  let dir = "";
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "newsalert-feeds-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("reads a path and a file: URL", async () => {
    const file = path.join(dir, "feed.xml");
    await writeFile(file, iconv.encode(cyrillicFeed("koi8-r"), "koi8-r"));
    for (const source of [file, pathToFileURL(file).href]) {
      const { outcome, feed } = await loadFeed(source);
      expect(outcome.kind).toBe("ok");
      expect(outcome.finalUrl).toBe(pathToFileURL(file).href);
      expect(feed?.items[0]?.title).toBe("Цитата #17703");
    }
  });

  it("reports a missing file and an oversized one", async () => {
    const missing = await expectFeedError(loadFeed(path.join(dir, "nope.xml")), "bad-url");
    expect(ruText(missing)).toContain("файл не найден");
    const big = path.join(dir, "big.xml");
    await writeFile(big, rss(["x".repeat(5000)]));
    await expectFeedError(loadFeed(big, { maxBytes: 1000 }), "too-large");
  });

  it("hints at https:// when a web address was given without a scheme", async () => {
    const err = await expectFeedError(loadFeed("no-such-host.example/rss"), "bad-url");
    expect(ruText(err)).toContain("https://");
  });

  it("refuses other URL schemes", async () => {
    await expectFeedError(loadFeed("ftp://example.org/feed.xml"), "bad-url");
  });
});
