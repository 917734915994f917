import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Harness } from "../e2e/harness.js";
import type { FakeChatMember } from "../support/bot-api-server.js";
import {
  ANONYMOUS_ADMIN,
  answerTo,
  ask,
  BOT,
  buttons,
  freshGroup,
  listQueries,
  press,
  say,
} from "./helpers.js";

type Status = FakeChatMember["status"];
const REFUSAL = /только администраторы/;

/** Settings-changing commands, each with what the bot answers when it is allowed to run it. */
const CHANGING: Array<[string, RegExp]> = [
  ["/subscribe литий", /Подписка №1/],
  ["/add литий", /Подписка №1/],
  ["/unsubscribe 1", /Удалять нечего/],
  ["/remove литий", /Удалять нечего/],
  ["/pause", /На сколько приостановить/],
  ["/pause 8h", /на паузе до/],
  ["/quiet 23:00-08:00", /Тихие часы 23:00–08:00/],
  ["/digest hourly", /Сводка раз в час/],
  ["/tz Новосибирск", /Asia\/Novosibirsk/],
  ["/lang en", /Chat language: English/],
  ["/resume", /и так включены/],
  ["/addfeed https://example.invalid/rss", /Не получилось добавить ленту/],
  ["/removefeed 1", /Такой своей ленты нет/],
];

describe("who may change settings in groups, supergroups and channels", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await Harness.create();
    await h.start();
  });
  afterEach(async () => {
    await h.close();
  });

  describe.each<[Status, boolean]>([
    ["member", false],
    ["restricted", false],
    ["left", false],
    ["administrator", true],
    ["creator", true],
  ])("a %s", (status, allowed) => {
    it.each(CHANGING)(`${allowed ? "may" : "may not"} run %s`, async (command, answer) => {
      const group = freshGroup();
      const user = { id: 4001, first_name: "Пётр" };
      h.api.setChatMember(group.id, user.id, status);
      const start = h.api.sent.length;
      const text = await answerTo(h, group, user, command);
      if (allowed) expect(text).toMatch(answer);
      else {
        expect(text).toMatch(REFUSAL);
        // The refusal answers the person's own message, so the group sees whom it means.
        const refusal = h.api.sent.slice(start).find((m) => m.chat_id === group.id);
        expect(refusal?.reply_to).toBeGreaterThan(0);
        expect(await h.app?.store.chats.get(group.id)).toBeUndefined();
      }
    });
  });

  it.each<["group" | "supergroup"]>([["group"], ["supergroup"]])(
    "in a %s a member's /subscribe changes nothing, and an admin's /subscribe@bot works",
    async (type) => {
      const group = freshGroup(type);
      const member = { id: 4002, first_name: "Участник" };
      const admin = { id: 4003, first_name: "Админ" };
      h.api.setChatMember(group.id, admin.id, "administrator");
      expect(await ask(h, group, member, `/subscribe@${BOT} литий`)).toMatch(REFUSAL);
      expect(await listQueries(h, group, member)).toEqual([]);
      expect(await ask(h, group, admin, `/subscribe@${BOT} литий`)).toContain("Подписка №1");
      expect(await ask(h, group, member, "/pause")).toMatch(REFUSAL);
      expect((await h.app?.store.chats.get(group.id))?.paused).toBe(0);
      expect(await listQueries(h, group, member)).toEqual(["литий"]);
    },
  );

  it("a member made an administrator may change settings at once (a refusal is not remembered)", async () => {
    const group = freshGroup();
    const user = { id: 4030, first_name: "Пётр" };
    expect(await ask(h, group, user, "/subscribe литий")).toMatch(REFUSAL);
    h.api.setChatMember(group.id, user.id, "administrator");
    expect(await ask(h, group, user, "/subscribe литий")).toContain("Подписка №1");
  });

  it("an anonymous admin (GroupAnonymousBot with the group as sender_chat) may change settings", async () => {
    const group = freshGroup();
    const replies = await say(h, group, ANONYMOUS_ADMIN, "/subscribe литий", { senderChat: { ...group } });
    expect(replies.map((m) => m.text)).toEqual([expect.stringContaining("Подписка №1")]);
    // No getChatMember needed: Telegram hides who the admin is.
    expect(await listQueries(h, group, ANONYMOUS_ADMIN)).toEqual(["литий"]);
  });

  it("a message sent on behalf of another channel is refused", async () => {
    const group = freshGroup();
    const channel = { id: -1009999000001, type: "channel", title: "Чужой канал" };
    // Telegram marks such messages as from "Channel_Bot" (136817688) with the channel as sender_chat.
    const from = { id: 136817688, first_name: "Channel", username: "Channel_Bot" };
    h.api.setChatMember(group.id, from.id, "administrator");
    // Even were the fake asked (it says "administrator"), who stands behind the channel is unknown.
    const onBehalf = await say(h, group, from, "/subscribe литий", { senderChat: channel });
    expect(onBehalf.map((m) => m.text)).toEqual([expect.stringMatching(REFUSAL)]);
    const spoofed = await say(h, group, ANONYMOUS_ADMIN, "/pause", { senderChat: channel });
    expect(spoofed.map((m) => m.text)).toEqual([expect.stringMatching(REFUSAL)]);
    expect(await h.app?.store.chats.get(group.id)).toBeUndefined();
  });

  it("channel posts may change settings (only admins can post in a channel)", async () => {
    const channel = freshGroup("channel");
    const post = (text: string) => say(h, channel, null, text, { senderChat: { ...channel } });
    expect((await post("/subscribe литий")).map((m) => m.text)).toEqual([
      expect.stringContaining("Подписка №1"),
    ]);
    expect((await post(`/pause@${BOT} off`)).map((m) => m.text)).toEqual([
      expect.stringContaining("на паузе до /resume"),
    ]);
    expect((await h.app?.store.chats.get(channel.id))?.paused).toBe(1);
    const listed = await post("/list");
    expect(listed[0]?.text).toContain("1. <code>литий</code>");
  });

  it("a channel's /unsubscribe buttons work only for the channel's administrators", async () => {
    const channel = freshGroup("channel");
    const post = (text: string) => say(h, channel, null, text, { senderChat: { ...channel } });
    await post("/subscribe литий");
    const [menu] = await post("/unsubscribe");
    const button = buttons(menu as NonNullable<typeof menu>).find((b) => b.data.startsWith("l:d"));
    const subscriber = { id: 4030, first_name: "Подписчик" };
    const admin = { id: 4031, first_name: "Админ" };
    h.api.setChatMember(channel.id, subscriber.id, "member");
    h.api.setChatMember(channel.id, admin.id, "administrator");

    await press(h, menu as NonNullable<typeof menu>, channel, subscriber, button?.data as string);
    const refusal = h.api.calls.filter((c) => c.method === "answerCallbackQuery").at(-1);
    expect(refusal?.payload).toMatchObject({ show_alert: true, text: expect.stringMatching(REFUSAL) });
    expect(await listQueries(h, channel, null)).toEqual(["литий"]);

    await press(h, menu as NonNullable<typeof menu>, channel, admin, button?.data as string);
    expect(await listQueries(h, channel, null)).toEqual([]);
  });

  it.each<[string, RegExp]>([
    ["/list", /1\. <code>литий<\/code>/],
    ["/feeds", /Общие источники/],
    ["/status", /Подписок: 1/],
    ["/help", /Как писать запросы/],
    [`/list@${BOT}`, /1\. <code>литий<\/code>/],
  ])("reading command %s is allowed for anyone", async (command, expected) => {
    const group = freshGroup();
    const admin = { id: 4010, first_name: "Админ" };
    const member = { id: 4011, first_name: "Участник" };
    h.api.setChatMember(group.id, admin.id, "creator");
    await ask(h, group, admin, "/subscribe литий");
    const before = h.api.calls.filter((c) => c.method === "getChatMember").length;
    expect(await ask(h, group, member, command)).toMatch(expected);
    // Reading needs no admin check at all.
    expect(h.api.calls.filter((c) => c.method === "getChatMember").length).toBe(before);
  });

  it("a member's /start in a group gets a short answer to them, not the greeting, and does not register the chat", async () => {
    const group = freshGroup();
    const member = { id: 4020, first_name: "Участник" };
    const replies = await say(h, group, member, "/start");
    expect(replies).toHaveLength(1);
    expect(replies[0]?.text).toContain(`@${BOT}`);
    expect(replies[0]?.text).not.toContain("Нажмите тему");
    expect(replies[0]?.reply_markup).toBeUndefined();
    expect(replies[0]?.reply_to).toBeGreaterThan(0);
    expect(await h.app?.store.chats.get(group.id)).toBeUndefined();
    // In English for an English-speaking member.
    const en = await say(h, group, { id: 4021, first_name: "Ann", language_code: "en" }, "/start");
    expect(en[0]?.text).toMatch(/^I send this chat news/);
  });
});
