import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Harness } from "../e2e/harness.js";
import type { SentMessage } from "../support/bot-api-server.js";
import {
  alertsTo,
  ask,
  buttons,
  freshGroup,
  listQueries,
  press,
  privateChat,
  say,
  startWithFeed,
} from "./helpers.js";

describe("/subscribe, /unsubscribe, /list and the removal buttons", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await Harness.create();
    h.publish([{ title: "Погода в Москве: снег", link: "https://news.example/w0" }]);
    await h.start();
  });
  afterEach(async () => {
    await h.close();
  });

  it.each([["/subscribe"], ["/subscribe   "], ["/add"]])(
    "%j without a query asks for one (ForceReply) and takes the answer",
    async (text) => {
      const { chat, user } = privateChat(3001);
      const [prompt] = await say(h, chat, user, text);
      expect(prompt?.text).toContain("Напишите, за чем следить");
      expect(prompt?.reply_markup).toMatchObject({ force_reply: true });
      expect(await listQueries(h, chat, user)).toEqual([]);
      const start = h.api.sent.length;
      h.api.sendText(chat, user, "литий", { replyTo: prompt as SentMessage });
      const done = await h.api.waitForSent((m) => m.chat_id === chat.id && h.api.sent.indexOf(m) >= start);
      expect(done.text).toContain("✅ Подписка №1");
      expect(await listQueries(h, chat, user)).toEqual(["литий"]);
    },
  );

  it.each([
    ["an unclosed quote", '/subscribe "ставка ЦБ', /Незакрытая кавычка/],
    ["only exclusions", "/subscribe -Китай -США", /только исключения/],
    ["a query over 200 characters", `/subscribe ${"литий ".repeat(40)}`, /Слишком длинный запрос.*200/],
    ["a misplaced OR", "/subscribe OR литий", /OR должно стоять между/],
    ["no word at all", "/subscribe ???", /нет ни одного слова/],
  ])("%s gets a clear error and nothing is stored", async (_name, text, why) => {
    const { chat, user } = privateChat(3002);
    const answer = await ask(h, chat, user, text);
    expect(answer).toMatch(/^Не понял запрос: /);
    expect(answer).toMatch(why);
    expect(answer).toContain("/help");
    expect(await listQueries(h, chat, user)).toEqual([]);
  });

  it("a good query is confirmed with what the bot understood; /add is an alias", async () => {
    const { chat, user } = privateChat(3003);
    const first = await say(h, chat, user, "/subscribe литий");
    expect(first).toHaveLength(1);
    expect(first[0]?.parse_mode).toBe("HTML");
    expect(first[0]?.text).toContain("✅ Подписка №1");
    expect(first[0]?.text).toMatch(/литий — любые формы: .*лития/);
    expect(first[0]?.text).toContain("совпадений пока нет");

    const second = await ask(h, chat, user, '/add "ставка ЦБ" -прогноз');
    expect(second).toContain("✅ Подписка №2");
    expect(second).toContain("слова подряд и в этом порядке");
    expect(second).toContain("Но не пришлю, если есть:");
    expect(await listQueries(h, chat, user)).toEqual(["литий", '"ставка ЦБ" -прогноз']);
  });

  it.each([
    ["S&P <500>", "s-p 500"],
    ["AT&T OR «Ростелеком»", "AT"],
  ])("a query with HTML-special characters (%s) is confirmed and listed", async (query, shown) => {
    const { chat, user } = privateChat(3004);
    expect(await ask(h, chat, user, `/subscribe ${query}`)).toContain("✅ Подписка №1");
    const listed = await listQueries(h, chat, user);
    expect(listed).toHaveLength(1);
    expect(listed[0]).toContain(shown);
  });

  it.each([
    ["the same text", "литий OR никель"],
    ["extra spaces", "  литий    OR   никель  "],
    ["another case", "Литий OR Никель"],
    ["a repeated word", "литий OR никель OR литий"],
    ["via /add", "литий OR никель", "/add"],
  ])(
    "the same query again (%s) answers «already» and stores nothing",
    async (_name, typed, command = "/subscribe") => {
      const { chat, user } = privateChat(3005);
      expect(await ask(h, chat, user, "/subscribe литий OR никель")).toContain("Подписка №1");
      expect(await ask(h, chat, user, `${command} ${typed}`)).toMatch(/уже есть \(№1\)/);
      expect(await listQueries(h, chat, user)).toEqual(["литий OR никель"]);
    },
  );

  it("shows recent matching stories in the confirmation", async () => {
    h.publish([
      { title: "Добыча лития выросла", link: "https://news.example/li-1" },
      { title: "Погода в Москве: дождь", link: "https://news.example/w" },
    ]);
    await h.poll();
    const { chat, user } = privateChat(3006);
    const text = await ask(h, chat, user, "/subscribe литий");
    expect(text).toContain('<a href="https://news.example/li-1">Добыча лития выросла</a>');
    expect(text).not.toContain("news.example/w");
  });

  it("the recent matches keep to the query's source: filters, as alerts do (host or title of the feed)", async () => {
    h.publish([{ title: "Добыча лития выросла", link: "https://news.example/li-src" }]);
    await h.poll();
    const { chat, user } = privateChat(3007);
    const shown = '<a href="https://news.example/li-src">';
    // The test feed is titled «Лента РЗМ» and served from 127.0.0.1.
    expect(await ask(h, chat, user, "/subscribe литий source:interfax")).not.toContain(shown);
    expect(await ask(h, chat, user, "/subscribe литий -source:рзм")).not.toContain(shown);
    expect(await ask(h, chat, user, "/subscribe литий source:рзм")).toContain(shown);
    expect(await ask(h, chat, user, "/subscribe литий source:127.0.0.1")).toContain(shown);
    expect(await ask(h, chat, user, "/subscribe литий -source:interfax")).toContain(shown);
  });

  describe("/unsubscribe", () => {
    const { chat, user } = privateChat(3010);
    const subscribeThree = async () => {
      for (const q of ["литий", '"ставка ЦБ"', "РЗМ -Китай"]) await ask(h, chat, user, `/subscribe ${q}`);
    };

    it.each([
      ["by number", "/unsubscribe 2", '"ставка ЦБ"'],
      ["by text", "/unsubscribe РЗМ -Китай", "РЗМ -китай"],
      ["by text typed differently", "/unsubscribe   «Ставка   ЦБ»", '"ставка ЦБ"'],
      ["with the /remove alias", "/remove 1", "литий"],
      ["/remove by text", "/remove литий", "литий"],
    ])("%s", async (_name, text, removed) => {
      await subscribeThree();
      const answer = await ask(h, chat, user, text);
      expect(answer).toContain("удалена");
      const rest = ["литий", '"ставка ЦБ"', "РЗМ -китай"].filter((q) => q !== removed);
      expect(await listQueries(h, chat, user)).toEqual(rest);
    });

    it.each([["/unsubscribe 4"], ["/unsubscribe 0"], ["/unsubscribe никель"], ['/remove "ставка']])(
      "%s (no such subscription) says so and removes nothing",
      async (text) => {
        await subscribeThree();
        expect(await ask(h, chat, user, text)).toMatch(/Не нашёл подписку .*\/list/);
        expect(await listQueries(h, chat, user)).toHaveLength(3);
      },
    );

    it("a query that is a number is found by its text when no subscription has that number", async () => {
      await ask(h, chat, user, "/subscribe 2024");
      expect(await ask(h, chat, user, "/unsubscribe 2024")).toContain("удалена");
      expect(await listQueries(h, chat, user)).toEqual([]);
    });

    it("without an argument opens the /list menu; its delete button removes by id and the menu is redrawn", async () => {
      await subscribeThree();
      const [offer] = await say(h, chat, user, "/unsubscribe");
      expect(offer?.text).toContain("Запросы этого чата");
      const options = buttons(offer as SentMessage);
      expect(
        options.filter((b) => b.text.startsWith("🗑 ") && /^\d/.test(b.text.slice(3))).map((b) => b.text),
      ).toEqual(["🗑 1", "🗑 2", "🗑 3"]);
      expect(options.every((b) => /^l:(m|d)\d+:0$|^l:a$/.test(b.data))).toBe(true);
      const remove2 = options.find((b) => b.text === "🗑 2")?.data as string;

      const answer = await press(h, offer as SentMessage, chat, user, remove2);
      expect(answer.map((m) => m.method)).toEqual(["answerCallbackQuery", "editMessageText"]);
      expect(answer[0]?.text).toContain("ставка ЦБ");
      expect(answer[1]).toMatchObject({ chat_id: chat.id, message_id: offer?.message_id });
      expect(answer[1]?.text).not.toContain("ставка ЦБ");
      expect(await listQueries(h, chat, user)).toEqual(["литий", "РЗМ -китай"]);
      // Numbers never shift: «РЗМ -китай» is still number 3, and /unsubscribe 2 finds nothing.
      expect(answer[1]?.text).toContain("3. <code>РЗМ -китай</code>");
      expect(await ask(h, chat, user, "/unsubscribe 2")).toMatch(/Не нашёл подписку/);

      // The same button pressed again: nothing left to remove, and the answer says so.
      const again = await press(h, offer as SentMessage, chat, user, remove2);
      expect(again.find((m) => m.method === "answerCallbackQuery")?.text).toContain("Этой подписки уже нет");
      expect(await listQueries(h, chat, user)).toHaveLength(2);
    });

    it("/unsubscribe все (or all) asks to confirm, then deletes every query; Cancel keeps them", async () => {
      await subscribeThree();
      const [confirm] = await say(h, chat, user, "/unsubscribe все");
      expect(confirm?.text).toContain("Удалить все запросы этого чата (3)?");
      const [yes, cancel] = buttons(confirm as SentMessage);
      expect(cancel?.data).toBe("l:p0");
      const kept = await press(h, confirm as SentMessage, chat, user, cancel?.data as string);
      expect(kept.find((m) => m.method === "editMessageText")?.text).toContain("1. <code>литий</code>");
      expect(await listQueries(h, chat, user)).toHaveLength(3);
      const [again] = await say(h, chat, user, "/unsubscribe all");
      const done = await press(h, again as SentMessage, chat, user, yes?.data as string);
      expect(done.find((m) => m.method === "editMessageText")?.text).toContain("Удалены все запросы (3)");
      expect(await listQueries(h, chat, user)).toEqual([]);
    });

    it("without an argument and without subscriptions says there is nothing to remove", async () => {
      expect(await ask(h, chat, user, "/unsubscribe")).toContain("Удалять нечего");
    });

    it("a button of one chat pressed with another chat's message removes nothing there", async () => {
      await subscribeThree();
      const [offer] = await say(h, chat, user, "/unsubscribe");
      const other = privateChat(3011);
      await ask(h, other.chat, other.user, "/subscribe никель");
      const data = buttons(offer as SentMessage).find((b) => b.data.startsWith("l:d"))?.data as string;
      await press(h, offer as SentMessage, other.chat, other.user, data);
      expect(await listQueries(h, chat, user)).toHaveLength(3);
      expect(await listQueries(h, other.chat, other.user)).toEqual(["никель"]);
    });

    it("in a group a non-admin pressing a button is refused and nothing changes; an admin's press works", async () => {
      const group = freshGroup();
      const admin = { id: 3020, first_name: "Админ" };
      const member = { id: 3021, first_name: "Участник" };
      h.api.setChatMember(group.id, admin.id, "administrator");
      await ask(h, group, admin, "/subscribe литий");
      const [offer] = await say(h, group, admin, "/unsubscribe");
      const all = buttons(offer as SentMessage);
      for (const data of all
        .map((b) => b.data)
        .filter((d) => d !== "l:a")
        .concat(["l:a", "l:xa"])) {
        const refused = await press(h, offer as SentMessage, group, member, data);
        expect(refused.map((m) => m.method)).toEqual(["answerCallbackQuery"]);
        expect(refused[0]?.text).toContain("только администраторы");
        expect(refused[0]?.show_alert).toBe(true);
      }
      expect(await listQueries(h, group, member)).toEqual(["литий"]);
      expect((await h.app?.store.subscriptions.listForChat(group.id))?.[0]?.muted).toBe(0);

      const data = all.find((b) => b.data.startsWith("l:d"))?.data as string;
      const done = await press(h, offer as SentMessage, group, admin, data);
      expect(done.find((m) => m.method === "answerCallbackQuery")?.text).toContain("удалена");
      expect(done.find((m) => m.method === "editMessageText")?.text).toContain("Подписок пока нет");
      expect(await listQueries(h, group, member)).toEqual([]);
    });
  });

  describe("/list", () => {
    it("numbers the chat's queries; an empty list says how to add one", async () => {
      const { chat, user } = privateChat(3030);
      expect(await ask(h, chat, user, "/list")).toContain("Подписок пока нет");
      await ask(h, chat, user, "/subscribe литий");
      await ask(h, chat, user, "/subscribe никель");
      const text = await ask(h, chat, user, "/list");
      expect(text).toMatch(/1\. <code>литий<\/code>\n.*за 7 дней: ничего\n2\. <code>никель<\/code>/);
    });

    it("pages a long list (100 queries of 150 characters) ten at a time, every page accepted by Telegram", async () => {
      const { chat, user } = privateChat(3031);
      // 150 characters each: a distinct number and 13 words (the 100th is added through the chat).
      const query = (n: number) =>
        `тема${String(n).padStart(3, "0")} ${"никель ".repeat(13)}`.trim().padEnd(150, "ы");
      expect(await ask(h, chat, user, `/subscribe ${query(1)}`)).toContain("Подписка №1");
      for (let n = 2; n < 100; n++) await h.app?.store.subscriptions.add(chat.id, query(n));
      expect(query(100)).toHaveLength(150);
      expect(await ask(h, chat, user, `/subscribe ${query(100)}`)).toContain("Подписка №100");

      let [page] = await say(h, chat, user, "/list");
      const seen: string[] = [];
      for (let p = 1; p <= 10; p++) {
        expect(page?.text).toContain(`стр. ${p} из 10`);
        seen.push(...(page?.text ?? "").split("\n").filter((l) => /^\d+\. /.test(l)));
        const next = buttons(page as SentMessage).find((b) => b.text === "Дальше ›");
        if (p === 10) expect(next).toBeUndefined();
        else
          page = (await press(h, page as SentMessage, chat, user, next?.data as string)).find(
            (m) => m.method === "editMessageText",
          );
      }
      expect(seen).toHaveLength(100);
      for (const [i, l] of seen.entries()) {
        expect(l.startsWith(`${i + 1}. <code>тема${String(i + 1).padStart(3, "0")}`)).toBe(true);
      }
      // 100 is the most one chat may follow.
      expect(await ask(h, chat, user, "/subscribe никель")).toMatch(/100 подписок — это максимум/);
      // A query on the last page is muted from it; the others stay as they were.
      const mute = buttons(page as SentMessage).find((b) => b.text === "🔕 95");
      const muted = await press(h, page as SentMessage, chat, user, mute?.data as string);
      expect(muted.find((m) => m.method === "editMessageText")?.text).toMatch(
        /95\. <code>тема095[^\n]*\n\s+🔕 заглушен/,
      );
      const subs = (await h.app?.store.subscriptions.listForChat(chat.id)) ?? [];
      expect(subs.filter((s) => s.muted).map((s) => s.num)).toEqual([95]);
      // Every page went through the fake, which refuses texts over 4096 characters.
      expect(h.api.calls.filter((c) => c.method === "editMessageText").length).toBe(
        h.api.sent.filter((m) => m.method === "editMessageText").length,
      );
    });
  });

  describe("rivals and derived words (issue 11)", () => {
    it("names a word that shares a form with the query word in one line", async () => {
      const { chat, user } = privateChat(3101);
      const answer = await ask(h, chat, user, "/subscribe германий");
      expect(answer).toContain("германий — не путаю с «Германия»");
    });

    it("offers the derived word as one button; pressing it widens the query explicitly", async () => {
      const { chat, user } = privateChat(3102);
      const [confirm] = await say(h, chat, user, "/subscribe литий");
      const offered = buttons(confirm as SentMessage);
      expect(offered).toHaveLength(1);
      expect(offered[0]?.text).toContain("литиевый");
      expect(offered[0]?.data).toMatch(/^widen:\d+$/);
      expect(Buffer.byteLength(offered[0]?.data ?? "")).toBeLessThanOrEqual(64);
      // Nothing widened until the button is pressed.
      expect(await listQueries(h, chat, user)).toEqual(["литий"]);
      const answer = await press(h, confirm as SentMessage, chat, user, offered[0]?.data as string);
      expect(answer.map((m) => m.method)).toContain("answerCallbackQuery");
      expect(answer.find((m) => m.method === "sendMessage")?.text).toContain("литий OR литиевый");
      expect(await listQueries(h, chat, user)).toEqual(["литий OR литиевый"]);
      const again = await press(h, confirm as SentMessage, chat, user, offered[0]?.data as string);
      expect(again.find((m) => m.method === "sendMessage")?.text).toContain("расширять нечего");
      expect(await listQueries(h, chat, user)).toEqual(["литий OR литиевый"]);
    });

    it("offers nothing for a word without derived words", async () => {
      const { chat, user } = privateChat(3103);
      const [confirm] = await say(h, chat, user, "/subscribe Москва");
      expect(buttons(confirm as SentMessage)).toEqual([]);
    });

    it("offers a capitalised word's name-only form as one button; pressing it keeps the query to the name", async () => {
      const { chat, user } = privateChat(3104);
      const [confirm] = await say(h, chat, user, "/subscribe Магнит OR Лента");
      const offered = buttons(confirm as SentMessage).filter((b) => b.data.startsWith("name:"));
      expect(offered).toHaveLength(1);
      expect(offered[0]?.text).toBe("🔤 Только «Магнит», «Лента» с заглавной буквы");
      expect(offered[0]?.data).toMatch(/^name:\d+:Магнит,Лента$/);
      // Nothing narrowed until the button is pressed (the stored query has lost its capitals).
      expect(await listQueries(h, chat, user)).toEqual(["магнит OR лента"]);
      const answer = await press(h, confirm as SentMessage, chat, user, offered[0]?.data as string);
      expect(answer.find((m) => m.method === "sendMessage")?.text).toBe(
        "Теперь только с заглавной: <code>&quot;Магнит&quot; OR &quot;Лента&quot;</code>",
      );
      expect(await listQueries(h, chat, user)).toEqual(['"Магнит" OR "Лента"']);
      const again = await press(h, confirm as SentMessage, chat, user, offered[0]?.data as string);
      expect(again.find((m) => m.method === "sendMessage")?.text).toContain("уточнять нечего");
    });

    it("no name-only offer for a lower-case word, a name with no lower-case meaning, or a phone's capital", async () => {
      const { chat, user } = privateChat(3105);
      const names = async (text: string) => {
        const [confirm] = await say(h, chat, user, text);
        return buttons(confirm as SentMessage).filter((b) => b.data.startsWith("name:"));
      };
      expect(await names("/subscribe магнит")).toEqual([]);
      expect(await names("/subscribe Газпром")).toEqual([]);
      // Already kept from its namesake: a country's name, a guarded surname.
      expect(await names("/subscribe Turkey")).toEqual([]);
      // The answer to the prompt is a message of its own: its first capital may be the phone's.
      const [prompt] = await say(h, chat, user, "/subscribe");
      const start = h.api.sent.length;
      h.api.sendText(chat, user, "Лента", { replyTo: prompt as SentMessage });
      const done = await h.api.waitForSent((m) => m.chat_id === chat.id && h.api.sent.indexOf(m) >= start);
      expect(done.text).toContain("✅ Подписка");
      expect(buttons(done).filter((b) => b.data.startsWith("name:"))).toEqual([]);
    });
  });
});

describe("a name-only subscription end to end", () => {
  it("alerts «Магнит» the retailer, not a magnet, once the 🔤 button is pressed", async () => {
    const h = await Harness.create();
    try {
      const { publishAndPoll } = await startWithFeed(h, [
        { title: "Погода в Москве", link: "https://news.example/w" },
      ]);
      const { chat, user } = privateChat(3201);
      const witness = privateChat(3202);
      const [confirm] = await say(h, chat, user, "/subscribe Магнит");
      const name = buttons(confirm as SentMessage).find((b) => b.data.startsWith("name:"));
      await press(h, confirm as SentMessage, chat, user, name?.data as string);
      await ask(h, witness.chat, witness.user, "/subscribe магнит");

      const magnet = { title: "Физики создали сверхпроводящий магнит", link: "https://news.example/magnet" };
      await publishAndPoll(magnet);
      // The witness follows the common word: the story went through matching and delivery.
      await h.api.waitForSent((m) => m.chat_id === witness.chat.id && m.text.includes(magnet.link));
      const retailer = {
        title: "«Магнит» открыл 500 магазинов за год",
        link: "https://news.example/retailer",
      };
      await publishAndPoll(retailer);
      await h.api.waitForSent((m) => m.chat_id === chat.id && m.text.includes(retailer.link));
      expect(alertsTo(h, chat.id).filter((m) => m.text.includes(magnet.link))).toEqual([]);
    } finally {
      await h.close();
    }
  });
});
