import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Harness } from "../e2e/harness.js";
import type { SentMessage } from "../support/bot-api-server.js";
import { ask, BOT, buttons, freshGroup, listQueries, privateChat, say } from "./helpers.js";

/** The chat commands SPEC lists (besides /start, which Telegram shows by itself). */
const SPEC_COMMANDS = [
  "subscribe",
  "unsubscribe",
  "list",
  "feeds",
  "addfeed",
  "removefeed",
  "export",
  "pause",
  "resume",
  "status",
  "help",
];

describe("/start, /help, command addressing and the command menu", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await Harness.create();
  });
  afterEach(async () => {
    await h.close();
  });

  it("/start greets in two lines with topic buttons and registers the chat", async () => {
    await h.start();
    const { chat, user } = privateChat(2001);
    expect(await h.app?.store.chats.get(chat.id)).toBeUndefined();
    const replies = await say(h, chat, user, "/start");
    expect(replies).toHaveLength(1);
    const text = replies[0]?.text ?? "";
    expect(text.split("\n")).toHaveLength(2);
    expect(text).toContain("/help");
    // Examples are buttons that subscribe on a tap, plus one that asks for the person's own query.
    const shown = buttons(replies[0] as SentMessage);
    expect(shown).toContainEqual({ text: "литий", data: "s:литий" });
    expect(shown).toContainEqual({ text: '"ставка ЦБ"', data: 's:"ставка ЦБ"' });
    expect(shown.at(-1)).toEqual({ text: "✏️ Свой запрос", data: "ask" });
    // The harness sets FEEDS to one local feed: the greeting counts it instead of naming the newswires.
    expect(text).toContain("из 1 источника");
    expect(text).not.toContain("Интерфакс");
    expect(await h.app?.store.chats.get(chat.id)).toMatchObject({
      id: chat.id,
      type: "private",
      active: 1,
      paused: 0,
    });
    // No DEFAULT_KEYWORDS: the chat starts with nothing.
    expect(await listQueries(h, chat, user)).toEqual([]);
  });

  it('DEFAULT_KEYWORDS="литий;\\"ставка ЦБ\\"": a new chat gets them on /start, a second /start does not duplicate', async () => {
    await h.start({ DEFAULT_KEYWORDS: 'литий;"ставка ЦБ"' });
    const { chat, user } = privateChat(2002);
    const first = await say(h, chat, user, "/start");
    expect(first).toHaveLength(2);
    expect(first[1]?.text).toContain("<b>литий</b>");
    expect(first[1]?.text).toContain("/list");
    expect(await listQueries(h, chat, user)).toEqual(["литий", '"ставка ЦБ"']);

    const second = await say(h, chat, user, "/start");
    expect(second).toHaveLength(1);
    // A returning chat's /start lists its queries instead of greeting again.
    expect(second[0]?.text).toContain("С возвращением");
    expect(second[0]?.text).toContain("1. <code>литий</code>");
    expect(await listQueries(h, chat, user)).toEqual(["литий", '"ставка ЦБ"']);
  });

  it("a DEFAULT_KEYWORDS entry that does not parse is skipped, the others are given", async () => {
    await h.start({ DEFAULT_KEYWORDS: 'литий; "ставка ЦБ ;-Китай;никель' });
    const { chat, user } = privateChat(2006);
    await say(h, chat, user, "/start");
    expect(await listQueries(h, chat, user)).toEqual(["литий", "никель"]);
  });

  it("a group the bot was added to (my_chat_member first, as Telegram does) still gets DEFAULT_KEYWORDS on /start", async () => {
    await h.start({ DEFAULT_KEYWORDS: "литий" });
    const group = freshGroup();
    const admin = { id: 2003, first_name: "Админ" };
    h.api.pushUpdate({
      my_chat_member: {
        chat: { ...group },
        from: { id: admin.id, is_bot: false, first_name: admin.first_name },
        date: Math.floor(Date.now() / 1000),
        old_chat_member: { status: "left", user: { id: 123456, is_bot: true, first_name: "Bot" } },
        new_chat_member: { status: "member", user: { id: 123456, is_bot: true, first_name: "Bot" } },
      },
    });
    h.api.setChatMember(group.id, admin.id, "creator");
    const replies = await say(h, group, admin, `/start@${BOT}`);
    expect(replies.map((m) => m.text).join("\n")).toContain("<b>литий</b>");
    expect(await listQueries(h, group, admin)).toEqual(["литий"]);
  });

  it("only /start hands out DEFAULT_KEYWORDS: a chat whose first command is /subscribe gets just what it asked for", async () => {
    await h.start({ DEFAULT_KEYWORDS: "литий" });
    const { chat, user } = privateChat(2004);
    const text = await ask(h, chat, user, "/subscribe никель");
    expect(text).toContain("Подписка №1");
    expect(await listQueries(h, chat, user)).toEqual(["никель"]);
  });

  it("/help shows the query syntax with examples and the commands", async () => {
    await h.start();
    const { chat, user } = privateChat(2005);
    const text = await ask(h, chat, user, "/help");
    for (const part of ["литий", '"ставка ЦБ"', "редкоземельн*", "литий OR никель", "РЗМ -Китай", "!стали"]) {
      expect(text).toContain(part);
    }
    for (const command of [...SPEC_COMMANDS.filter((c) => c !== "help"), "add", "remove"])
      expect(text).toContain(`/${command}`);
  });

  describe("addressing in groups", () => {
    const cases: Array<[string, string, RegExp | null]> = [
      ["/help addressed to this bot", `/help@${BOT}`, /Как писать запросы/],
      ["its username in another case", `/help@${BOT.toUpperCase()}`, /Как писать запросы/],
      ["/list addressed to this bot", `/list@${BOT}`, /Подписок пока нет/],
      ["a plain /help", "/help", /Как писать запросы/],
      ["/help addressed to another bot", "/help@OtherBot", null],
      ["/list addressed to another bot", "/list@OtherBot", null],
      ["an unknown command addressed to another bot", "/weather@OtherBot", null],
      ["an unknown command to a bot whose name starts like ours", `/weather@${BOT}2`, null],
      ["an unknown command addressed to no bot", "/weather", null],
      ["an unknown command addressed to this bot", `/weather@${BOT}`, /Не знаю такой команды.*\/help/],
      ["the same in another case", `/weather@${BOT.toUpperCase()}`, /Не знаю такой команды/],
    ];
    it.each(cases)("%s (%s)", async (_name, text, expected) => {
      await h.start();
      const group = freshGroup();
      const member = { id: 2010, first_name: "Участник" };
      const replies = await say(h, group, member, text);
      if (expected === null) expect(replies).toEqual([]);
      else {
        expect(replies).toHaveLength(1);
        expect(replies[0]?.text).toMatch(expected);
      }
    });
  });

  it.each([["/weather"], ["/Start_now"], ["/subscribe_литий"]])(
    "an unknown command %s in a private chat gets a helpful answer",
    async (text) => {
      await h.start();
      const { chat, user } = privateChat(2020);
      expect(await ask(h, chat, user, text)).toMatch(/Не знаю такой команды.*\/help/);
    },
  );

  it("plain text in a private chat is not mistaken for a command: it is tried as a query", async () => {
    await h.start();
    const { chat, user } = privateChat(2021);
    const replies = await say(h, chat, user, "литий");
    expect(replies).toHaveLength(1);
    expect(replies[0]?.text).not.toContain("Не знаю такой команды");
    expect(replies[0]?.text).toContain("🔎 <code>литий</code>");
    expect(await listQueries(h, chat, user)).toEqual([]);
  });

  it("publishes the SPEC commands per scope and language with setMyCommands at start-up", async () => {
    await h.start();
    const menu = (key: string) => (h.api.menus.get(key) ?? []).map((c) => c.command);
    // Private chats and group administrators get every SPEC command, in Russian and (by default) English.
    for (const key of [
      "all_private_chats|ru",
      "all_private_chats|",
      "all_chat_administrators|ru",
      "all_chat_administrators|",
    ]) {
      expect(menu(key)).toEqual(expect.arrayContaining(SPEC_COMMANDS));
    }
    expect(menu("all_private_chats|")).toContain("channel");
    expect(menu("all_chat_administrators|")).not.toContain("channel");
    // Ordinary group members see only what they may use.
    expect(menu("default|ru").sort()).toEqual(["feeds", "help", "list", "status"]);
    // Russian for ru/uk/be/kk, English for everyone else.
    for (const code of ["uk", "be", "kk"])
      expect(h.api.menus.get(`all_private_chats|${code}`)).toEqual(h.api.menus.get("all_private_chats|ru"));
    const describe = (key: string, command: string) =>
      h.api.menus.get(key)?.find((c) => c.command === command)?.description ?? "";
    expect(describe("all_private_chats|ru", "pause")).toBe("Приостановить уведомления");
    expect(describe("all_private_chats|", "pause")).toBe("Pause alerts");
    for (const menuOf of h.api.menus.values()) {
      expect(menuOf.every((c) => c.description.length > 0 && c.description.length <= 256)).toBe(true);
    }
  });

  it.each([
    ["a 400", { error_code: 400, description: "Bad Request: BOT_COMMANDS_TOO_MUCH" }, 1],
    ["repeated 500s", { error_code: 500, description: "Internal Server Error" }, 5],
  ])("a failing setMyCommands (%s) does not stop the bot", async (_name, error, times) => {
    h.api.failNext("setMyCommands", error, times);
    await h.start();
    expect(h.api.calls.some((c) => c.method === "setMyCommands")).toBe(true);
    const { chat, user } = privateChat(2030);
    expect(await ask(h, chat, user, "/subscribe литий")).toContain("Подписка №1");
  });
});
