import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FeedServer, rssDocument } from "../support/feed-server.js";
import { preview } from "./run-preview.js";

const interfax = [
  {
    title: "ЦБ сохранил ключевую ставку на уровне 16,5%",
    link: "https://interfax.example/1",
    description:
      "Совет директоров Банка России принял решение сохранить ключевую ставку на уровне 16,5% годовых.",
  },
  {
    title: "Цены на литий упали",
    link: "https://interfax.example/2",
    description: "Литием торгуют дешевле.",
  },
];
const tass = [
  {
    title: "Нацбанк Казахстана сохранил базовую ставку на уровне 16,5%",
    link: "https://tass.example/3",
    description:
      "Национальный банк Казахстана принял решение сохранить базовую ставку на уровне 16,5% годовых.",
  },
  {
    title: "Банк России оставил ключевую ставку без изменений — 16,5% годовых",
    link: "https://tass.example/4",
    description:
      "Регулятор по итогам заседания совета директоров сохранил ставку, как и ожидало большинство аналитиков.",
  },
];
const ria = [
  {
    title: "Ключевая ставка ЦБ осталась на уровне 16,5%",
    link: "https://ria.example/5",
    description: "Банк России на заседании совета директоров сохранил ключевую ставку, сообщил регулятор.",
  },
];

describe("preview with several --feed", () => {
  let server: FeedServer;
  beforeAll(async () => {
    server = await FeedServer.start();
    server.set("/interfax", rssDocument({ title: "Интерфакс", items: interfax }));
    server.set("/tass", rssDocument({ title: "ТАСС", items: tass }));
    server.set("/ria", rssDocument({ title: "РИА Новости", items: ria }));
  });
  afterAll(() => server.close());

  const feeds = () => [
    "--feed",
    server.url("/interfax"),
    "--feed",
    server.url("/tass"),
    "--feed",
    server.url("/ria"),
  ];

  it("reads the feeds in the order given and gives items of one story one story value", async () => {
    const r = await preview(...feeds(), "--query", "ставка", "--json");
    expect(r.code).toBe(0);
    const rows = r.out.map((l) => JSON.parse(l) as { link: string; story: number; source: string });
    expect(rows.map((x) => x.link)).toEqual([
      "https://interfax.example/1",
      "https://tass.example/3",
      "https://tass.example/4",
      "https://ria.example/5",
    ]);
    const story = (link: string) => rows.find((x) => x.link === link)?.story;
    expect(story("https://tass.example/4")).toBe(story("https://interfax.example/1"));
    expect(story("https://ria.example/5")).toBe(story("https://interfax.example/1"));
    // Kazakhstan's central bank taking the same decision is another story.
    expect(story("https://tass.example/3")).not.toBe(story("https://interfax.example/1"));
    expect(rows.map((x) => x.source)).toEqual(["Интерфакс", "ТАСС", "ТАСС", "РИА Новости"]);
  });

  it("lists a story once in text, with its other sources", async () => {
    const r = await preview(...feeds(), "--query", "ставка");
    expect(r.code).toBe(0);
    const text = r.out.join("\n");
    expect(text.match(/ключевую ставку|Ключевая ставка/g)).toHaveLength(1);
    expect(text).toContain("https://interfax.example/1\n    также: ТАСС, РИА Новости");
    expect(text).toContain("https://tass.example/3");
    expect(text).not.toContain("https://ria.example/5");
  });

  it("exits 1 naming the feed that cannot be read", async () => {
    const r = await preview("--feed", server.url("/interfax"), "--feed", server.url("/missing"));
    expect(r.code).toBe(1);
    expect(r.err.join("\n")).toMatch(/не удалось прочитать ленту .*\/missing/);
    expect(r.out).toEqual([]);
  });
});
