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
    [["--feed", "x", "--query", '"ставка ЦБ'], /bad query/],
    [["--feed", "/no/such/file.xml"], /cannot read feed/],
    [["--query", "литий"], /--feed is required/],
    [["--feed", "x", "--bogus"], /usage/],
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
});
