import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FeedServer, rssDocument } from "../support/feed-server.js";
import { preview } from "./run-preview.js";

const stories = [
  {
    title: "Минпромторг поддержит РЗМ-кластер",
    link: "https://wire.example/1",
    pubDate: new Date("2026-11-26T08:00:00Z"),
  },
  { title: "Цены на литий упали", link: "https://wire.example/2", description: "Литием торгуют дешевле" },
  { title: "Редкоземельные металлы: Китай ограничил экспорт", link: "https://wire.example/3" },
  { title: "Инвестиции в ИИ растут", link: "https://wire.example/4" },
];

describe("preview CLI", () => {
  let dir: string;
  let file: string;
  let server: FeedServer;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "newsalert-preview-"));
    file = join(dir, "feed.xml");
    writeFileSync(
      file,
      iconv.encode(rssDocument({ encoding: "windows-1251", items: stories }), "windows-1251"),
    );
    server = await FeedServer.start();
    server.set("/rss", rssDocument({ items: stories }));
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("prints the matching items of a local windows-1251 feed as JSON lines", async () => {
    const r = await preview("--feed", file, "--query", "РЗМ", "--json");
    expect(r.code).toBe(0);
    expect(r.json()).toEqual([
      {
        title: "Минпромторг поддержит РЗМ-кластер",
        link: "https://wire.example/1",
        published: "2026-11-26T08:00:00.000Z",
        matched: ["РЗМ"],
        story: 1,
        source: "Test feed",
      },
    ]);
  });

  it.each([
    ["литий", ["https://wire.example/2"]],
    ["редкоземельные металлы", ["https://wire.example/3"]],
    ["литий OR РЗМ", ["https://wire.example/1", "https://wire.example/2"]],
    ["редкоземельн* -Китай", []],
    ["ИИ", ["https://wire.example/4"]],
  ])("query %s over HTTP alerts %j", async (query, links) => {
    const r = await preview("--feed", server.url("/rss"), "--query", query, "--json");
    expect(r.code).toBe(0);
    expect(r.json().map((x: { link: string }) => x.link)).toEqual(links);
  });

  it("without a query lists every item in feed order, published null when absent", async () => {
    const rows = (await preview("--feed", file, "--json")).json();
    expect(rows.map((x: { link: string }) => x.link)).toEqual(stories.map((s) => s.link));
    expect(rows[1].published).toBeNull();
    expect(rows[1].matched).toEqual([]);
  });

  it.each([
    [["--feed", "x", "--query", '"ставка ЦБ'], /ошибка в запросе: Незакрытая кавычка/],
    [["--feed", "/no/such/file.xml"], /не удалось прочитать ленту/],
    [["--query", "литий"], /нужен --feed/],
    [["--feed", "x", "--bogus"], /Использование/],
  ])("exits 1 with a clear message for %j", async (argv, message) => {
    const r = await preview(...argv);
    expect(r.code).toBe(1);
    expect(r.err.join("\n")).toMatch(message);
    expect(r.out).toEqual([]);
  });

  it("reports an unreadable feed over HTTP", async () => {
    const r = await preview("--feed", server.url("/missing"));
    expect(r.code).toBe(1);
    expect(r.err.join("\n")).toMatch(/404/);
  });

  it("--help prints the usage in Russian and exits 0", async () => {
    const r = await preview("--help");
    expect(r.code).toBe(0);
    expect(r.out.join("\n")).toMatch(/^Использование: npm run preview -- --feed/);
    expect(r.out.join("\n")).toContain("--query -Китай");
  });

  it("a query that starts with a minus is a query, not an option", async () => {
    const r = await preview("--feed", server.url("/rss"), "--query", "-Китай", "--json");
    // Only exclusions: the query's own clear error, not an «unknown option».
    expect(r.code).toBe(1);
    expect(r.err.join("\n")).toMatch(/ошибка в запросе: В запросе только исключения/);
    const both = await preview("--feed", server.url("/rss"), "--query", "-Китай редкоземельные", "--json");
    expect(both.code).toBe(0);
    expect(both.json()).toEqual([]);
    const other = await preview("--feed", server.url("/rss"), "--query", "-Китай литий", "--json");
    expect(other.json().map((x: { link: string }) => x.link)).toEqual(["https://wire.example/2"]);
  });

  it("shows times in TZ with the zone named, and every message in Russian", async () => {
    const saved = process.env.TZ;
    try {
      process.env.TZ = "Asia/Tokyo";
      const r = await preview("--feed", file, "--query", "РЗМ");
      expect(r.code).toBe(0);
      expect(r.out.join("\n")).toMatch(/26\.11\.2026, 17:00 GMT\+9/);
      expect(r.err.join("\n")).toBe("Подходят: 1 из 4");
      process.env.TZ = "Europe/Moscow";
      const moscow = await preview("--feed", file, "--query", "РЗМ");
      expect(moscow.out.join("\n")).toMatch(/26\.11\.2026, 11:00 (MSK|GMT\+3)/);
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});
