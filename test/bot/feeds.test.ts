import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Harness } from "../e2e/harness.js";
import { rssDocument } from "../support/feed-server.js";
import { answerTo, ask, freshGroup, privateChat, say, since } from "./helpers.js";

const rss = (title: string, links: string[]) =>
  rssDocument({
    title,
    link: "https://own.example/",
    items: links.map((l, i) => ({ title: `Новость ${i + 1}`, link: l })),
  });

describe("/feeds, /addfeed and /removefeed", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await Harness.create();
    h.publish([{ title: "Погода в Москве", link: "https://news.example/weather" }]);
  });
  afterEach(async () => {
    await h.close();
  });

  it("/feeds shows the shared feed healthy after a good poll, and with its error after a 500", async () => {
    await h.start();
    const { chat, user } = privateChat(6001);
    const healthy = await ask(h, chat, user, "/feeds");
    expect(healthy).toContain("<b>Общие источники</b>");
    expect(healthy).toMatch(/1\. Лента РЗМ — ✅ .*новостей: 1/);
    expect(healthy).toContain("Своих источников нет: /addfeed");

    h.feeds.set("/rss", "Internal error", { status: 500, contentType: "text/plain" });
    await h.poll();
    const failing = await ask(h, chat, user, "/feeds");
    expect(failing).toMatch(/1\. Лента РЗМ — ⚠️ HTTP 500.*\(1 раз подряд, последний успех /);
    expect(await ask(h, chat, user, "/status")).toContain("Источники с ошибками: 1 из 1");
  });

  it("/feeds before the first poll says the feed was not polled yet", async () => {
    h.feeds.set("/rss", "down", { status: 503, contentType: "text/plain" });
    await h.start();
    const { chat, user } = privateChat(6002);
    // The start-up poll failed: no success yet, so only the error is shown.
    expect(await ask(h, chat, user, "/feeds")).toMatch(
      /⚠️ HTTP 503: сервис временно недоступен \(1 раз подряд\)/,
    );
    // The stored error is said in each chat's language.
    const en = { id: 6003, first_name: "Ann", language_code: "en" };
    expect(await ask(h, { id: 6003, type: "private" }, en, "/feeds")).toMatch(
      /⚠️ HTTP 503: service temporarily unavailable \(1 time in a row\)/,
    );
  });

  it("/addfeed's refusal is in the chat's language", async () => {
    await h.start({ ALLOW_PRIVATE_URLS: "false" });
    const en = { id: 6004, first_name: "Ann", language_code: "en" };
    const chat = { id: 6004, type: "private" as const };
    expect(await answerTo(h, chat, en, "/addfeed http://192.168.1.10/rss")).toBe(
      "Could not add the feed: the address leads into a private network",
    );
    expect(await answerTo(h, chat, en, "/addfeed http://user:secret@example.org/rss")).toBe(
      "Could not add the feed: addresses with a login or password are not supported",
    );
  });

  describe("with ALLOW_PRIVATE_URLS=false", () => {
    it.each([
      ["the loopback feed server", (h: Harness) => h.feeds.url("/own.xml")],
      ["localhost", () => "http://localhost:1/rss"],
      ["a private network address", () => "http://192.168.1.10/rss"],
      ["a link-local address", () => "http://169.254.169.254/latest/meta-data"],
    ])("refuses %s and stores nothing", async (_name, url) => {
      h.feeds.set("/own.xml", rss("Своя лента", ["https://own.example/1"]));
      await h.start({ ALLOW_PRIVATE_URLS: "false" });
      const { chat, user } = privateChat(6010);
      expect(await answerTo(h, chat, user, `/addfeed ${url(h)}`)).toMatch(
        /Не получилось добавить ленту: .*частную сеть/,
      );
      expect(await ask(h, chat, user, "/feeds")).toContain("Своих источников нет");
      expect(h.feeds.requests.some((r) => r.path === "/own.xml")).toBe(false);
    });
  });

  describe("with ALLOW_PRIVATE_URLS=true", () => {
    const { chat, user } = privateChat(6020);
    beforeEach(async () => {
      await h.start({ ALLOW_PRIVATE_URLS: "true" });
    });

    it("a real feed is added, listed under own feeds, not added twice, and removed by number", async () => {
      h.feeds.set("/own.xml", rss("Своя лента", ["https://own.example/1", "https://own.example/2"]));
      const added = await answerTo(h, chat, user, `/addfeed ${h.feeds.url("/own.xml")}`);
      expect(added).toContain("✅ Лента «Своя лента» добавлена (сейчас в ней 2 записи)");
      const feeds = await ask(h, chat, user, "/feeds");
      expect(feeds).toMatch(
        /<b>Общие источники<\/b>\n1\. Лента РЗМ — ✅[^\n]*\n\n<b>Свои источники<\/b>\n1\. Своя лента — ⏳/,
      );
      expect(await ask(h, chat, user, "/status")).toContain("Источников: 2, из них своих: 1");

      expect(await answerTo(h, chat, user, `/addfeed ${h.feeds.url("/own.xml")}`)).toContain("уже добавлена");
      // Another chat sees only its shared feeds.
      const other = privateChat(6021);
      expect(await ask(h, other.chat, other.user, "/feeds")).toContain("Своих источников нет");

      expect(await ask(h, chat, user, "/removefeed 1")).toContain("🗑 Лента «Своя лента» удалена");
      expect(await ask(h, chat, user, "/feeds")).toContain("Своих источников нет");
    });

    it("refuses a chat's 21st own feed without fetching it", async () => {
      for (let i = 0; i < 20; i++) {
        h.feeds.set(`/own${i}.xml`, rss(`Лента ${i}`, [`https://own.example/${i}`]));
        expect(await answerTo(h, chat, user, `/addfeed ${h.feeds.url(`/own${i}.xml`)}`)).toContain(
          "добавлена",
        );
      }
      h.feeds.set("/extra.xml", rss("Лишняя", ["https://own.example/x"]));
      expect(await answerTo(h, chat, user, `/addfeed ${h.feeds.url("/extra.xml")}`)).toContain(
        "20 своих источников — это максимум",
      );
      expect(h.feeds.requests.some((r) => r.path === "/extra.xml")).toBe(false);
    });

    it.each([
      [1, "1 запись"],
      [3, "3 записи"],
      [5, "5 записей"],
      [0, "0 записей"],
    ])("the confirmation counts %i entries in Russian («%s»)", async (count, words) => {
      const links = Array.from({ length: count }, (_, i) => `https://own.example/${i}`);
      h.feeds.set("/own.xml", rss("Своя лента", links));
      expect(await answerTo(h, chat, user, `/addfeed ${h.feeds.url("/own.xml")}`)).toContain(
        `(сейчас в ней ${words})`,
      );
    });

    it("checking a slow feed does not hold up other chats' commands", async () => {
      let arrived: () => void = () => {};
      const request = new Promise<void>((resolve) => {
        arrived = resolve;
      });
      const held: ServerResponse[] = [];
      const slow = createServer((_req, res) => {
        held.push(res);
        arrived();
      });
      await new Promise<void>((resolve) => slow.listen(0, "127.0.0.1", resolve));
      try {
        const start = h.api.sent.length;
        h.api.sendText(chat, user, `/addfeed http://127.0.0.1:${(slow.address() as AddressInfo).port}/rss`);
        await request;
        // The feed has not answered yet, and another chat is served all the same.
        const other = privateChat(6040);
        expect(await ask(h, other.chat, other.user, "/list")).toContain("Подписок пока нет");
        expect(since(h, start).filter((m) => m.chat_id === chat.id)).toEqual([]);
        // One check per chat at a time.
        expect(await ask(h, chat, user, `/addfeed ${h.feeds.url("/rss")}`)).toContain("Ещё проверяю");
        for (const res of held) {
          res.writeHead(200, { "content-type": "application/rss+xml" }).end(rss("Медленная лента", []));
        }
        const answer = await h.api.waitForSent((m) => m.chat_id === chat.id && m.text.includes("✅"));
        expect(answer.text).toContain("✅ Лента «Медленная лента» добавлена");
      } finally {
        slow.closeAllConnections();
        await new Promise((resolve) => slow.close(resolve));
      }
    });

    it("removes an own feed by its URL", async () => {
      h.feeds.set("/own.xml", rss("Своя лента", ["https://own.example/1"]));
      await answerTo(h, chat, user, `/addfeed ${h.feeds.url("/own.xml")}`);
      expect(await ask(h, chat, user, `/removefeed ${h.feeds.url("/own.xml")}`)).toContain("удалена");
      expect(await ask(h, chat, user, "/feeds")).toContain("Своих источников нет");
    });

    it("an own feed's stories reach the chat that added it and no other", async () => {
      const other = privateChat(6022);
      h.feeds.set("/own.xml", rss("Своя лента", ["https://own.example/old"]));
      await answerTo(h, chat, user, `/addfeed ${h.feeds.url("/own.xml")}`);
      for (const c of [privateChat(6020), other]) await ask(h, c.chat, c.user, "/subscribe новость");
      await h.poll(); // first poll of the new feed: its backlog is not alerted
      h.feeds.set("/own.xml", rss("Своя лента", ["https://own.example/new", "https://own.example/old"]));
      await h.poll();
      await h.api.waitForSent((m) => m.chat_id === chat.id && m.text.includes("https://own.example/new"));
      const leaked = h.api.sent.filter((m) => m.chat_id === other.chat.id && m.text.includes("own.example"));
      expect(leaked).toEqual([]);
      expect(h.api.sent.filter((m) => m.text.includes("https://own.example/old"))).toEqual([]);
    });

    it("an HTML page advertising a feed answers with the discovered feed", async () => {
      h.feeds.set(
        "/page.html",
        '<!doctype html><html><head><title>Новости</title><link rel="alternate" type="application/rss+xml" href="/own.xml"></head><body>…</body></html>',
        { contentType: "text/html; charset=utf-8" },
      );
      const answer = await answerTo(h, chat, user, `/addfeed ${h.feeds.url("/page.html")}`);
      expect(answer).toContain("Это страница, а не лента");
      expect(answer).toContain(`<code>/addfeed ${h.feeds.url("/own.xml")}</code>`);
      expect(await ask(h, chat, user, "/feeds")).toContain("Своих источников нет");
    });

    it.each([
      [
        "an HTML page without a feed",
        "/plain.html",
        "<!doctype html><html><body>Привет</body></html>",
        "text/html",
        200,
      ],
      ["plain text", "/note.txt", "просто текст", "text/plain", 200],
      ["JSON", "/api.json", '{"items":[]}', "application/json", 200],
      ["a 404", "/missing.xml", "", "", 404],
      ["a 500", "/broken.xml", "oops", "text/plain", 500],
    ])("%s answers with a clear error and stores nothing", async (_name, path, body, type, status) => {
      if (status !== 404) h.feeds.set(path, body, { contentType: type, status });
      const answer = await answerTo(h, chat, user, `/addfeed ${h.feeds.url(path)}`);
      expect(answer).toMatch(/^Не получилось добавить ленту: \S/);
      expect(await ask(h, chat, user, "/feeds")).toContain("Своих источников нет");
    });

    it("a refused connection and an unknown host get one and the same answer (no port scanning)", async () => {
      const closed = createServer();
      await new Promise<void>((r) => closed.listen(0, "127.0.0.1", r));
      const port = (closed.address() as AddressInfo).port;
      await new Promise((r) => closed.close(r));
      const refused = await answerTo(h, chat, user, `/addfeed http://127.0.0.1:${port}/rss`);
      const unknown = await answerTo(h, chat, user, "/addfeed https://no-such-host.invalid/rss");
      expect(refused).toBe("Не получилось добавить ленту: сервер не ответил или недоступен");
      expect(unknown).toBe(refused);
    });

    it.each([["/addfeed"], ["/addfeed not-a-url"], ["/addfeed ftp://example.com/rss"]])(
      "%s answers how to use it",
      async (text) => {
        expect(await answerTo(h, chat, user, text)).toMatch(/\/addfeed https:\/\/|адрес вида https/);
      },
    );

    it("adding the shared feed says it is already there; removing a shared feed is refused", async () => {
      expect(await answerTo(h, chat, user, `/addfeed ${h.feeds.url("/rss")}`)).toContain(
        "уже есть среди общих",
      );
      expect(await ask(h, chat, user, `/removefeed ${h.feeds.url("/rss")}`)).toMatch(
        /Общие источники удалить нельзя/,
      );
      expect(await ask(h, chat, user, "/removefeed 1")).toMatch(/Общие источники удалить нельзя/);
      expect(await ask(h, chat, user, "/removefeed")).toContain("/removefeed 1");
      expect(await ask(h, chat, user, "/feeds")).toMatch(/1\. Лента РЗМ — ✅/);
    });

    it("a group member may not add or remove feeds", async () => {
      const group = freshGroup();
      const admin = { id: 6030, first_name: "Админ" };
      const member = { id: 6031, first_name: "Участник" };
      h.api.setChatMember(group.id, admin.id, "administrator");
      h.feeds.set("/own.xml", rss("Своя лента", ["https://own.example/1"]));
      expect(await answerTo(h, group, member, `/addfeed ${h.feeds.url("/own.xml")}`)).toContain(
        "только администраторы",
      );
      expect(h.feeds.requests.some((r) => r.path === "/own.xml")).toBe(false);
      expect(await answerTo(h, group, admin, `/addfeed ${h.feeds.url("/own.xml")}`)).toContain("добавлена");
      expect(await ask(h, group, member, "/removefeed 1")).toContain("только администраторы");
      expect((await say(h, group, member, "/feeds"))[0]?.text).toContain("1. Своя лента");
    });
  });
});
