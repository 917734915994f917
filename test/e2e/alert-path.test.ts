import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { labelledDatabases } from "../store/databases.js";
import { Harness } from "./harness.js";

const user = { id: 1001, first_name: "Анна" };
const chat = { id: 1001, type: "private" as const };

// The same product over both stores: SQLite by default, PostgreSQL when TEST_DATABASE_URL is set.
const stores = labelledDatabases;

describe.each(stores)("the whole alert path on $label", ({ db, skip }) => {
  let h: Harness;
  let drop: () => Promise<void>;
  let databaseUrl: string;
  beforeEach(async (ctx) => {
    if (skip) ctx.skip();
    h = await Harness.create();
    ({ url: databaseUrl, drop } = await db.create());
  });
  afterEach(async () => {
    await h?.close();
    await drop?.();
  });

  it("alerts a matching windows-1251 story once, skips the backlog and non-matching stories, survives a restart", async () => {
    const old = {
      title: "РЗМ: итоги прошлого года",
      link: "https://news.example/old",
      pubDate: new Date(Date.now() - 3600_000),
    };
    h.publish([old]);
    await h.start({ DATABASE_URL: databaseUrl });

    h.api.sendText(chat, user, "/subscribe РЗМ");
    const reply = await h.api.waitForSent((m) => m.chat_id === chat.id && m.text.includes("Подписка"));
    expect(reply.text).toContain("РЗМ");
    // The backlog story is shown as a recent match in the reply, never as an alert.
    expect(reply.text).toContain("итоги прошлого года");

    const hit = { title: "Минпромторг поддержит РЗМ-кластер на Урале", link: "https://news.example/rzm-1" };
    const miss = { title: "Погода в Москве: снег и гололёд", link: "https://news.example/weather" };
    h.publish([hit, miss, old]);
    await h.poll();
    const alert = await h.api.waitForSent((m) => m.text.includes("news.example/rzm-1"));
    expect(alert.chat_id).toBe(chat.id);
    expect(alert.parse_mode).toBe("HTML");
    expect(alert.text).toContain(
      '<a href="https://news.example/rzm-1">Минпромторг поддержит РЗМ-кластер на Урале</a>',
    );
    expect(alert.text).toContain("Лента РЗМ");

    // Restart on the same database: nothing is sent twice, and a new story still arrives.
    await h.stop();
    const next = { title: "Цены на РЗМ выросли", link: "https://news.example/rzm-2" };
    h.publish([next, hit, miss, old]);
    await h.start({ DATABASE_URL: databaseUrl });
    await h.api.waitForSent((m) => m.text.includes("news.example/rzm-2"));
    await h.poll();
    await h.app?.sender.runOnce();

    const alerts = h.api.sent.filter((m) => m.method === "sendMessage" && !m.text.includes("Подписка"));
    const links = alerts.flatMap((m) => [...m.text.matchAll(/href="([^"]+)"/g)].map((x) => x[1]));
    expect(links.filter((l) => l === "https://news.example/rzm-1")).toHaveLength(1);
    expect(links.filter((l) => l === "https://news.example/rzm-2")).toHaveLength(1);
    expect(links).not.toContain("https://news.example/weather");
    expect(links.filter((l) => l === "https://news.example/old").length).toBe(0);
  });
});
