import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { alertKeyboard } from "../../src/bot/alert-keyboard.js";
import { Harness, type Story } from "../e2e/harness.js";
import type { SentMessage } from "../support/bot-api-server.js";
import {
  ask,
  buttons,
  freshGroup,
  listQueries,
  lithium,
  press,
  privateChat,
  say,
  alertsTo as sentAlerts,
  settle,
  startWithFeed,
} from "./helpers.js";

describe("the first minute, in both languages, and the buttons (also after a restart)", () => {
  let h: Harness;
  let publishAndPoll: (story: Story) => Promise<void>;
  const alertsTo = (chatId: number, link: string) => sentAlerts(h, chatId, link);

  beforeEach(async () => {
    h = await Harness.create();
    ({ publishAndPoll } = await startWithFeed(h, [
      { title: "Литий подорожал на бирже", link: "https://news.example/exp-recent" },
    ]));
  });
  afterEach(async () => {
    await h.close();
  });

  it("an English-speaking user: /start, a topic tap subscribes, /list and /help in English; /lang ru switches", async () => {
    const chat = { id: 7001, type: "private" as const };
    const user = { id: 7001, first_name: "Ann", language_code: "en-GB" };
    const [greeting] = await say(h, chat, user, "/start");
    expect(greeting?.text).toMatch(/^👋 I send news on your topics here from 1 source/);
    const topic = buttons(greeting as SentMessage).find((b) => b.text === "литий");
    expect(buttons(greeting as SentMessage).at(-1)?.text).toBe("✏️ My own query");

    const tapped = await press(h, greeting as SentMessage, chat, user, topic?.data as string);
    const confirmation = tapped.find((m) => m.method === "sendMessage");
    expect(confirmation?.text).toContain("✅ Subscription #1.");
    expect(confirmation?.text).toContain(
      "I'll send a story if its headline or text has:\n• литий — any form: литий, лития",
    );
    expect(confirmation?.text).toContain("Among recent news these would have matched:");
    expect(confirmation?.text).toContain("Литий подорожал на бирже");
    expect(await ask(h, chat, user, "/list")).toMatch(/This chat's queries[\s\S]*last 7 days: 1, latest/);
    expect(await ask(h, chat, user, "/help")).toContain("How to write queries");

    expect(await ask(h, chat, user, "/lang ru")).toBe("Язык чата: русский.");
    expect((await h.app?.store.chats.get(chat.id))?.lang).toBe("ru");
    expect(await ask(h, chat, user, "/help")).toContain("Как писать запросы");
    expect(await ask(h, chat, user, "/lang de")).toContain("/lang en");
  });

  it("Russian for uk/be/kk users, and for a user whose client sends no language", async () => {
    for (const [id, code] of [
      [7011, "uk"],
      [7012, "kk"],
      [7013, undefined],
    ] as const) {
      const user = { id, first_name: "Олена", ...(code ? { language_code: code } : {}) };
      expect(await ask(h, { id, type: "private" }, user, "/help")).toContain("Как писать запросы");
    }
  });

  it("plain text in a private chat is tried: what it understood, recent matches, «Подписаться» and «Синтаксис»", async () => {
    const { chat, user } = privateChat(7002);
    const [tried] = await say(h, chat, user, "литий");
    expect(tried?.text).toContain("🔎 <code>литий</code>");
    expect(tried?.text).toContain("Литий подорожал на бирже");
    expect(await listQueries(h, chat, user)).toEqual([]);
    const [subscribe, syntax] = buttons(tried as SentMessage);
    expect(subscribe).toEqual({ text: "✅ Подписаться", data: "s:литий" });
    const help = await press(h, tried as SentMessage, chat, user, syntax?.data as string);
    expect(help.find((m) => m.method === "sendMessage")?.text).toContain("Как писать запросы");
    await press(h, tried as SentMessage, chat, user, subscribe?.data as string);
    expect(await listQueries(h, chat, user)).toEqual(["литий"]);

    // A query too long for callback data is read back from the message the button sits under.
    const long = "редкоземельные металлы OR никель OR кобальт OR молибден";
    const [tried2] = await say(h, chat, user, long);
    const sub2 = buttons(tried2 as SentMessage)[0];
    expect(sub2?.data).toBe("s:");
    await press(h, tried2 as SentMessage, chat, user, sub2?.data as string);
    expect(await listQueries(h, chat, user)).toEqual(["литий", long]);

    // Malformed input is answered briefly, in the chat's language.
    const bad = await ask(h, chat, { ...user, language_code: "en" } as typeof user, '"ставка ЦБ');
    expect(bad).toMatch(
      /^I didn't understand the query: A quote is not closed: end the phrase with a second quote/,
    );
  });

  it("«свой запрос» asks with ForceReply; the answer subscribes, also after a restart", async () => {
    const { chat, user } = privateChat(7003);
    const [greeting] = await say(h, chat, user, "/start");
    const own = buttons(greeting as SentMessage).find((b) => b.data === "ask");
    const prompt = (await press(h, greeting as SentMessage, chat, user, own?.data as string)).find(
      (m) => m.method === "sendMessage",
    );
    expect(prompt?.reply_markup).toMatchObject({ force_reply: true });

    await h.stop();
    await h.start();
    const before = h.api.sent.length;
    h.api.sendText(chat, user, "никель", { replyTo: prompt as SentMessage });
    const done = await h.api.waitForSent((m) => m.chat_id === chat.id && h.api.sent.indexOf(m) >= before);
    expect(done.text).toContain("✅ Подписка №1");
    // A returning user's /start shows their queries instead of the greeting.
    const [back] = await say(h, chat, user, "/start");
    expect(back?.text).toContain("С возвращением");
    expect(back?.text).toContain("1. <code>никель</code>");
  });

  it("/list buttons keep working after a restart (a new app on the same SQLite file)", async () => {
    const { chat, user } = privateChat(7004);
    await ask(h, chat, user, "/subscribe литий");
    await ask(h, chat, user, "/subscribe никель");
    const [menu] = await say(h, chat, user, "/list");
    await h.stop();
    await h.start();
    const mute1 = buttons(menu as SentMessage).find((b) => b.text === "🔕 1");
    const pressed = await press(h, menu as SentMessage, chat, user, mute1?.data as string);
    expect(pressed.find((m) => m.method === "answerCallbackQuery")?.text).toContain("заглушен");
    // A muted query is not matched: the next lithium story does not come; unmuting brings them back.
    const muted = lithium();
    await publishAndPoll(muted);
    expect(alertsTo(chat.id, muted.link)).toEqual([]);
    const redrawn = pressed.find((m) => m.method === "editMessageText") as SentMessage;
    const unmute = buttons(redrawn).find((b) => b.text === "🔔 1");
    await press(h, redrawn, chat, user, unmute?.data as string);
    const back = lithium();
    await publishAndPoll(back);
    await h.api.waitForSent((m) => m.chat_id === chat.id && m.text.includes(back.link));
    // …and a muted query stays muted across a restart (the index is built without it).
    await press(h, redrawn, chat, user, buttons(redrawn).find((b) => b.text === "🔕 1")?.data as string);
    await h.stop();
    await h.start();
    const later = lithium();
    await publishAndPoll(later);
    expect(alertsTo(chat.id, later.link)).toEqual([]);
  });

  it("/pause offers durations; «1 ч» pauses with a plain word on what happens to stories, and the pause ends by itself", async () => {
    const { chat, user } = privateChat(7005);
    await ask(h, chat, user, "/subscribe литий");
    const [question] = await say(h, chat, user, "/pause");
    expect(question?.text).toContain("не придут");
    expect(buttons(question as SentMessage).map((b) => b.text)).toEqual(["1 ч", "8 ч", "До /resume"]);
    const t0 = Date.now();
    const answer = await press(h, question as SentMessage, chat, user, "pz:1h");
    expect(answer.find((m) => m.method === "editMessageText")?.text).toMatch(/на паузе до .*не придут/);
    const row = await h.app?.store.chats.get(chat.id);
    expect(row?.paused).toBe(1);
    expect(row?.paused_until).toBeGreaterThanOrEqual(t0 + 3600_000);
    expect(row?.paused_until).toBeLessThan(Date.now() + 3600_000 + 1);

    const skipped = lithium();
    await publishAndPoll(skipped);
    expect(alertsTo(chat.id, skipped.link)).toEqual([]);
    // The hour is over (moved back in the store as a clock would): alerts flow again without /resume.
    await h.app?.store.chats.setPaused(chat.id, true, Date.now() - 1);
    const after = lithium();
    await publishAndPoll(after);
    await h.api.waitForSent((m) => m.chat_id === chat.id && m.text.includes(after.link));
    expect(alertsTo(chat.id, skipped.link)).toEqual([]);
    expect(await ask(h, chat, user, "/pause 3x")).toContain("/pause 8h");
  });

  it.each([
    ["/quiet 23:00-08:00", /Тихие часы 23:00–08:00 \(Europe\/Moscow\)/, { quiet_from: 1380, quiet_to: 480 }],
    ["/quiet off", /Тихие часы выключены/, { quiet_from: null, quiet_to: null }],
    ["/quiet 25:00-08:00", /\/quiet 23:00-08:00/, { quiet_from: null }],
    ["/digest hourly", /Сводка раз в час/, { digest: "hourly" }],
    ["/digest daily 09:00", /Сводка раз в день в 09:00/, { digest: "daily:540" }],
    ["/digest weekly", /\/digest daily 09:00/, { digest: null }],
    ["/tz Новосибирск", /Asia\/Novosibirsk, сейчас там/, { tz: "Asia/Novosibirsk" }],
    ["/tz europe/berlin", /Europe\/Berlin/, { tz: "Europe/Berlin" }],
    ["/tz London", /Europe\/London/, { tz: "Europe/London" }],
    ["/tz Марс", /Не знаю такого пояса или города: «Марс»/, { tz: null }],
    ["/tz Mars/Olympus", /Не знаю такого пояса/, { tz: null }],
  ])("%s", async (command, answer, stored) => {
    const { chat, user } = privateChat(7006);
    await ask(h, chat, user, "/subscribe литий");
    expect(await ask(h, chat, user, command)).toMatch(answer);
    expect(await h.app?.store.chats.get(chat.id)).toMatchObject(stored);
  });

  it("/status shows the chat's zone, quiet hours and digest", async () => {
    const { chat, user } = privateChat(7007);
    await ask(h, chat, user, "/tz Екатеринбург");
    await ask(h, chat, user, "/quiet 22:30-07:00");
    await ask(h, chat, user, "/digest daily 08:15");
    const status = await ask(h, chat, user, "/status");
    expect(status).toContain("Часовой пояс: Asia/Yekaterinburg");
    expect(status).toContain("Тихие часы: 22:30–07:00");
    expect(status).toContain("Сводка: раз в день в 08:15");
  });

  it("the alert keyboard: one compact mute button per query and a pause; each works, admins only in groups", async () => {
    const group = freshGroup();
    const admin = { id: 7020, first_name: "Админ" };
    const member = { id: 7021, first_name: "Участник" };
    h.api.setChatMember(group.id, admin.id, "administrator");
    await ask(h, group, admin, "/subscribe литий");
    await ask(h, group, admin, "/subscribe добыча лития OR никель OR кобальт OR молибден OR вольфрам");
    const subs = (await h.app?.store.subscriptions.listForChat(group.id)) ?? [];
    const story = lithium();
    await publishAndPoll(story);
    const alert = await h.api.waitForSent((m) => m.chat_id === group.id && m.text.includes(story.link));

    const kb = alertKeyboard(subs, "ru");
    const rows = kb.inline_keyboard;
    expect(rows).toHaveLength(2);
    expect(rows[0]?.map((b) => b.text)).toEqual(["🔕 литий", "🔕 добыча лития OR никель…"]);
    for (const b of rows.flat()) {
      expect(Buffer.byteLength("callback_data" in b ? (b.callback_data ?? "") : "")).toBeLessThanOrEqual(64);
    }
    expect(alertKeyboard(subs, "en").inline_keyboard.at(-1)?.[0]?.text).toBe("⏸ Pause 8 h");
    const data = rows.flat().map((b) => ("callback_data" in b ? (b.callback_data as string) : ""));

    for (const d of data) {
      const refused = await press(h, alert, group, member, d);
      expect(refused.map((m) => m.text)).toEqual([expect.stringContaining("только администраторы")]);
    }
    expect((await h.app?.store.chats.get(group.id))?.paused).toBe(0);
    const muted = await press(h, alert, group, admin, data[0] as string);
    expect(muted[0]?.text).toContain("«литий» заглушен");
    expect((await h.app?.store.subscriptions.get(group.id, subs[0]?.id as number))?.muted).toBe(1);
    const paused = await press(h, alert, group, admin, data[2] as string);
    expect(paused[0]?.text).toContain("на паузе до");
    expect((await h.app?.store.chats.get(group.id))?.paused).toBe(1);
  });

  it("a forum topic: a query subscribed inside a topic is stored with its thread and answered there", async () => {
    const forum = { ...freshGroup(), is_forum: true };
    const admin = { id: 7030, first_name: "Админ" };
    h.api.setChatMember(forum.id, admin.id, "creator");
    const start = h.api.sent.length;
    h.api.sendText(forum, admin, "/subscribe литий", { threadId: 77 });
    const reply = await h.api.waitForSent((m) => m.chat_id === forum.id && h.api.sent.indexOf(m) >= start);
    expect(reply.message_thread_id).toBe(77);
    expect(reply.text).toContain("в эту тему");
    await ask(h, forum, admin, "/subscribe никель");
    const subs = (await h.app?.store.subscriptions.listForChat(forum.id)) ?? [];
    expect(subs.map((s) => [s.query, s.thread_id])).toEqual([
      ["литий", 77],
      ["никель", null],
    ]);
    const threads = await h.app?.store.subscriptions.threads(subs.map((s) => s.id));
    expect([...(threads ?? new Map())]).toEqual([[subs[0]?.id, 77]]);
    // A lithium story alerts into the topic the query was subscribed in.
    const story = lithium();
    await publishAndPoll(story);
    const alert = await h.api.waitForSent((m) => m.chat_id === forum.id && m.text.includes(story.link));
    expect(alert.message_thread_id).toBe(77);
  });

  it("the mute button under an alert itself: pressing it mutes the query, a later story is not alerted", async () => {
    const { chat, user } = privateChat(7008);
    await ask(h, chat, user, "/subscribe литий");
    const first = lithium();
    await publishAndPoll(first);
    const alert = await h.api.waitForSent((m) => m.chat_id === chat.id && m.text.includes(first.link));
    const [sub] = (await h.app?.store.subscriptions.listForChat(chat.id)) ?? [];
    expect(buttons(alert)).toEqual([
      { text: "🔕 литий", data: `am:${sub?.id}` },
      { text: "⏸ Пауза 8 ч", data: "ap" },
    ]);
    const pressed = await press(h, alert, chat, user, `am:${sub?.id}`);
    expect(pressed[0]?.text).toContain("«литий» заглушен");
    const later = lithium();
    await publishAndPoll(later);
    await settle(h);
    // Not queued at all (not merely not yet sent): the muted query no longer matches.
    expect(await h.app?.store.outbox.pending(chat.id)).toBe(0);
    expect(alertsTo(chat.id, later.link)).toEqual([]);
  });

  it("a channel managed from a private chat: picked by request_chat, checked with getChatMember every time", async () => {
    const channel = freshGroup("channel");
    const { chat, user } = privateChat(7040);
    h.api.setChatMember(channel.id, user.id, "administrator");
    h.api.setChatMember(channel.id, 123456, "administrator");
    const [ask1] = await say(h, chat, user, "/channel");
    const markup = ask1?.reply_markup as { keyboard?: Array<Array<{ request_chat?: object }>> } | undefined;
    const button = markup?.keyboard?.[0]?.[0];
    expect(button?.request_chat).toMatchObject({ request_id: 1, chat_is_channel: true, bot_is_member: true });

    const shared = async () => {
      const from = h.api.sent.length;
      h.api.shareChat(user, { request_id: 1, chat_id: channel.id, title: channel.title });
      return h.api.waitForSent((m) => m.chat_id === chat.id && h.api.sent.indexOf(m) >= from);
    };
    expect((await shared()).text).toContain(`управляют каналом «${channel.title}»`);
    const confirmed = await ask(h, chat, user, "/subscribe литий");
    expect(confirmed).toContain(`Канал «${channel.title}»`);
    expect((await h.app?.store.subscriptions.listForChat(channel.id))?.map((s) => s.query)).toEqual([
      "литий",
    ]);
    expect(await h.app?.store.subscriptions.listForChat(chat.id)).toEqual([]);
    expect(await ask(h, chat, user, "/list")).toContain(`Канал «${channel.title}»`);
    // The channel's stories go to the channel.
    const story = lithium();
    await publishAndPoll(story);
    await h.api.waitForSent((m) => m.chat_id === channel.id && m.text.includes(story.link));

    // No longer an administrator there: the next command is about the private chat again, and says why.
    h.api.setChatMember(channel.id, user.id, "member");
    const after = await say(h, chat, user, "/subscribe никель");
    expect(after[0]?.text).toContain("могут только его администраторы");
    expect((await h.app?.store.subscriptions.listForChat(chat.id))?.map((s) => s.query)).toEqual(["никель"]);
    expect((await h.app?.store.subscriptions.listForChat(channel.id))?.map((s) => s.query)).toEqual([
      "литий",
    ]);

    // Picking it again as a non-admin is refused; with the bot not an admin there, too.
    expect((await shared()).text).toContain("могут только его администраторы");
    h.api.setChatMember(channel.id, user.id, "creator");
    h.api.setChatMember(channel.id, 123456, "member");
    expect((await shared()).text).toContain("Сначала сделайте меня администратором");
    h.api.setChatMember(channel.id, 123456, "administrator");
    await shared();
    expect(await ask(h, chat, user, "/channel off")).toContain("снова относятся к этому чату");
    expect(await listQueries(h, chat, user)).toEqual(["никель"]);
  });
});

describe("per-user rate limiting", () => {
  let h: Harness;
  afterEach(async () => {
    await h.close();
  });

  it("USER_RATE_LIMIT=3/60s: the 4th command in a minute is told to wait, the 5th is dropped, others are not affected", async () => {
    h = await Harness.create();
    await h.start({ USER_RATE_LIMIT: "3/60s" });
    const { chat, user } = privateChat(7100);
    let n = 0;
    // Updates are handled in order, so the other user's answer means every earlier one was handled.
    const exchange = async (text: string) => {
      const from = h.api.sent.length;
      h.api.sendText(chat, user, text);
      const other = privateChat(7200 + ++n);
      h.api.sendText(other.chat, other.user, "/help");
      await h.api.waitForSent((m) => m.chat_id === other.chat.id && h.api.sent.indexOf(m) >= from);
      return h.api.sent
        .slice(from)
        .filter((m) => m.chat_id === chat.id)
        .map((m) => m.text);
    };
    for (let i = 0; i < 3; i++)
      expect(await exchange("/help")).toEqual([expect.stringContaining("Как писать")]);
    expect(await exchange("/help")).toEqual([
      "Слишком много команд подряд — подождите минуту, и я снова отвечу.",
    ]);
    expect(await exchange("/help")).toEqual([]);
  });
});
