import { Bot, GrammyError, InputFile } from "grammy";
import iconv from "iconv-lite";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BotApiServer } from "./bot-api-server.js";
import { FeedServer, rssDocument } from "./feed-server.js";
import { parseTelegramHtml } from "./telegram-validation.js";

describe("BotApiServer", () => {
  let api: BotApiServer;
  let bot: Bot;

  beforeEach(async () => {
    api = await BotApiServer.start();
    bot = new Bot(api.token, { client: { apiRoot: api.apiRoot } });
  });
  afterEach(async () => {
    if (bot.isRunning()) await bot.stop();
    await api.close();
  });

  const apiError = async (p: Promise<unknown>): Promise<GrammyError> => {
    const err = await p.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(GrammyError);
    return err as GrammyError;
  };

  it("answers getMe and records sendMessage round-trips", async () => {
    const me = await bot.api.getMe();
    expect(me).toMatchObject({ is_bot: true, username: "newsalert_test_bot", can_join_groups: true });
    const first = await bot.api.sendMessage(42, "<b>Hi</b> &amp; welcome", { parse_mode: "HTML" });
    const second = await bot.api.sendMessage(42, "plain");
    expect(first).toMatchObject({ chat: { id: 42, type: "private" }, text: "Hi & welcome" });
    expect(second.message_id).toBeGreaterThan(first.message_id);
    expect(api.sent.map((m) => [m.method, m.chat_id, m.text, m.parse_mode])).toEqual([
      ["sendMessage", 42, "<b>Hi</b> &amp; welcome", "HTML"],
      ["sendMessage", 42, "plain", undefined],
    ]);
    await bot.api.setMyCommands([{ command: "follow", description: "Follow a topic" }]);
    expect(api.calls.find((c) => c.method === "setMyCommands")?.payload).toEqual({
      commands: [{ command: "follow", description: "Follow a topic" }],
    });
  });

  it("rejects a wrong token and unknown methods", async () => {
    const other = new Bot("999:WRONG", { client: { apiRoot: api.apiRoot } });
    expect((await apiError(other.api.getMe())).error_code).toBe(401);
    const unknown = await apiError(bot.api.raw.getMyName({}));
    expect(unknown).toMatchObject({ error_code: 404, description: "Not Found: method not found" });
  });

  it("parses urlencoded and multipart bodies", async () => {
    const form = await fetch(`${api.apiRoot}/bot${api.token}/sendMessage`, {
      method: "POST",
      body: new URLSearchParams({ chat_id: "9", text: "hi", reply_markup: '{"inline_keyboard":[]}' }),
    });
    expect(form.status).toBe(200);
    expect(api.sent[0]).toMatchObject({ chat_id: 9, text: "hi", reply_markup: { inline_keyboard: [] } });
    await bot.api.sendDocument(9, new InputFile(Buffer.from("abc"), "a.txt"), { caption: "c" });
    expect(api.calls.at(-1)).toEqual({
      method: "sendDocument",
      payload: { chat_id: "9", caption: "c", document: { filename: "a.txt", size: 3, content: "abc" } },
    });
    expect(api.sent.at(-1)).toMatchObject({
      method: "sendDocument",
      text: "c",
      document: { name: "a.txt", content: "abc" },
    });
  });

  it.each([
    ["<foo>x</foo>", 'Unsupported start tag "foo"'],
    ["<b>x", "Can't find end tag"],
    ["<b><i>x</b></i>", "Unmatched end tag"],
    ["1 < 2", "Unclosed start tag"],
    ["fish & chips", "must be escaped"],
    ["a > b", "must be escaped"],
    ['<span class="x">s</span>', 'must have class "tg-spoiler"'],
  ])("rejects invalid HTML %j", async (text, reason) => {
    const err = await apiError(bot.api.sendMessage(1, text, { parse_mode: "HTML" }));
    expect(err.error_code).toBe(400);
    expect(err.description).toContain("Bad Request: can't parse entities: ");
    expect(err.description).toContain(reason);
    expect(api.sent).toHaveLength(0);
  });

  it("accepts the full Telegram HTML tag set and entities", () => {
    const html =
      "<b>b</b><strong>s</strong><i>i</i><em>e</em><u>u</u><ins>n</ins><s>s</s><strike>k</strike><del>d</del>" +
      '<a href="https://x.test/?a=1&amp;b=2">l</a><pre><code class="language-ts">c</code></pre>' +
      '<tg-spoiler>p</tg-spoiler><span class="tg-spoiler">q</span><blockquote expandable>r</blockquote>' +
      '<tg-emoji emoji-id="1">👍</tg-emoji> &lt;&gt;&quot;&#65;&#x42;';
    expect(parseTelegramHtml(html)).toEqual({ ok: true, text: 'bsieunskdlcpqr👍 <>"AB' });
  });

  it("checks empty and too-long text on visible characters", async () => {
    expect((await apiError(bot.api.sendMessage(1, "  "))).description).toBe(
      "Bad Request: message text is empty",
    );
    expect((await apiError(bot.api.sendMessage(1, "<b></b>", { parse_mode: "HTML" }))).description).toBe(
      "Bad Request: message text is empty",
    );
    const long = "é".repeat(4097);
    expect((await apiError(bot.api.sendMessage(1, long))).description).toBe(
      "Bad Request: message is too long",
    );
    // Tags do not count, "&amp;" counts as one character.
    await bot.api.sendMessage(1, `<b>${"&amp;".repeat(4096)}</b>`, { parse_mode: "HTML" });
    // Astral characters count as two UTF-16 units.
    await expect(bot.api.sendMessage(1, "😀".repeat(2049))).rejects.toThrow("message is too long");
  });

  it("fails the next calls as configured (429 retry_after, 403 blocked)", async () => {
    api.failNext("sendMessage", {
      error_code: 429,
      description: "Too Many Requests: retry after 3",
      parameters: { retry_after: 3 },
    });
    api.failNext("sendMessage", { error_code: 403, description: "Forbidden: bot was blocked by the user" });
    const tooMany = await apiError(bot.api.sendMessage(5, "x"));
    expect(tooMany).toMatchObject({ error_code: 429, parameters: { retry_after: 3 } });
    expect((await apiError(bot.api.sendMessage(5, "x"))).error_code).toBe(403);
    await bot.api.sendMessage(5, "x");
    expect(api.sent).toHaveLength(1);
    expect(api.calls.filter((c) => c.method === "sendMessage")).toHaveLength(3);
  });

  it("refuses writes to one chat until the refusal is lifted, other chats unaffected", async () => {
    api.refuseChat(5, { error_code: 403, description: "Forbidden: bot was blocked by the user" });
    expect((await apiError(bot.api.sendMessage(5, "x"))).error_code).toBe(403);
    expect((await apiError(bot.api.sendMessage(5, "y"))).error_code).toBe(403);
    await bot.api.sendMessage(6, "z");
    api.refuseChat(5, null);
    await bot.api.sendMessage(5, "w");
    expect(api.sent.map((m) => [m.chat_id, m.text])).toEqual([
      [6, "z"],
      [5, "w"],
    ]);
  });

  it("long-polls getUpdates, answers as soon as an update arrives, and honours offset", async () => {
    const started = Date.now();
    expect(await bot.api.getUpdates({ timeout: 30 })).toEqual([]);
    expect(Date.now() - started).toBeLessThan(2000); // capped at ~1 s
    const pending = bot.api.getUpdates({ timeout: 30 });
    setTimeout(
      () => api.sendText({ id: 7 }, { id: 7, first_name: "Ann" }, "/start@newsalert_test_bot now"),
      50,
    );
    const [update] = await pending;
    expect(update?.message?.entities).toEqual([{ type: "bot_command", offset: 0, length: 25 }]);
    api.pushUpdate({
      update_id: 100,
      message: { message_id: 1, date: 0, chat: { id: 7, type: "private" }, text: "x" },
    });
    expect((await bot.api.getUpdates({ offset: 0, timeout: 0 })).map((u) => u.update_id)).toEqual([
      update?.update_id,
      100,
    ]);
    expect((await bot.api.getUpdates({ offset: 100, timeout: 0 })).map((u) => u.update_id)).toEqual([100]);
    expect(await bot.api.getUpdates({ offset: 101, timeout: 0 })).toEqual([]);
  });

  it("drives a polling grammY bot end to end with waitForSent", async () => {
    bot.command("start", (ctx) => ctx.reply(`Hello, ${ctx.from?.first_name}!`));
    bot.callbackQuery("ok", (ctx) => ctx.answerCallbackQuery({ text: "Done" }));
    // drop_pending_updates clears the fake's queue too: push updates only once the bot has started.
    await new Promise<void>(
      (resolve) => void bot.start({ drop_pending_updates: true, onStart: () => resolve() }),
    );
    api.sendText({ id: 11 }, { id: 11, first_name: "Bo" }, "/start");
    const reply = await api.waitForSent((m) => m.chat_id === 11 && m.text.startsWith("Hello"));
    expect(reply).toMatchObject({ method: "sendMessage", text: "Hello, Bo!" });
    api.pushUpdate({
      callback_query: {
        id: "cb1",
        chat_instance: "1",
        data: "ok",
        from: { id: 11, is_bot: false, first_name: "Bo" },
      },
    });
    expect(await api.waitForSent((m) => m.method === "answerCallbackQuery")).toMatchObject({ text: "Done" });
    await expect(api.waitForSent((m) => m.text === "never", 100)).rejects.toThrow("Hello, Bo!");
  });

  it("serves getChatMember, getChat and editMessageText", async () => {
    api.setChatMember(-100, 5, "administrator");
    expect(await bot.api.getChatMember(-100, 5)).toMatchObject({ status: "administrator", user: { id: 5 } });
    expect((await bot.api.getChatMember(-100, 6)).status).toBe("member");
    api.sendText({ id: -100, type: "supergroup", title: "News" }, { id: 5 }, "hi");
    expect(await bot.api.getChat(-100)).toMatchObject({ id: -100, type: "supergroup", title: "News" });
    const msg = await bot.api.sendMessage(-100, "v1");
    await bot.api.editMessageText(-100, msg.message_id, "v2");
    await expect(bot.api.editMessageText(-100, msg.message_id, "v2")).rejects.toThrow(
      "message is not modified",
    );
    expect(api.sent.at(-1)).toMatchObject({
      method: "editMessageText",
      message_id: msg.message_id,
      text: "v2",
    });
    const tooLong = { inline_keyboard: [[{ text: "x", callback_data: "d".repeat(65) }]] };
    await expect(bot.api.sendMessage(1, "x", { reply_markup: tooLong })).rejects.toThrow(
      "BUTTON_DATA_INVALID",
    );
  });
});

describe("FeedServer", () => {
  let feeds: FeedServer;
  beforeEach(async () => {
    feeds = await FeedServer.start();
  });
  afterEach(async () => {
    await feeds.close();
  });

  it("serves documents with ETag and answers If-None-Match with 304", async () => {
    const xml = rssDocument({
      items: [{ title: "A & <B>", link: "https://n.test/a?x=1&y=2", guid: "a", pubDate: new Date(0) }],
    });
    expect(xml).toContain("<title>A &amp; &lt;B&gt;</title>");
    expect(xml).toContain("<pubDate>Thu, 01 Jan 1970 00:00:00 GMT</pubDate>");
    feeds.set("/rss", xml);
    const first = await fetch(feeds.url("/rss"));
    expect(first.status).toBe(200);
    expect(first.headers.get("content-type")).toBe("application/rss+xml; charset=utf-8");
    expect(await first.text()).toBe(xml);
    const etag = first.headers.get("etag") as string;
    const second = await fetch(feeds.url("rss"), { headers: { "if-none-match": etag } });
    expect(second.status).toBe(304);
    feeds.set("/rss", rssDocument({ items: [] }));
    const third = await fetch(feeds.url("/rss"), { headers: { "if-none-match": etag } });
    expect(third.status).toBe(200);
    expect(third.headers.get("etag")).not.toBe(etag);
    expect(feeds.requests.map((r) => [r.path, r.headers["if-none-match"]])).toEqual([
      ["/rss", undefined],
      ["/rss", etag],
      ["/rss", etag],
    ]);
    expect((await fetch(feeds.url("/missing"))).status).toBe(404);
  });

  it("serves custom status, headers and non-UTF-8 bodies", async () => {
    const xml = rssDocument({
      encoding: "windows-1251",
      items: [{ title: "Новости", link: "https://n.test/1" }],
    });
    expect(xml.startsWith('<?xml version="1.0" encoding="windows-1251"?>')).toBe(true);
    feeds.set("/cp1251", iconv.encode(xml, "windows-1251"));
    const body = Buffer.from(await (await fetch(feeds.url("/cp1251"))).arrayBuffer());
    expect(iconv.decode(body, "windows-1251")).toContain("Новости");
    feeds.set("/busy", "slow down", {
      status: 503,
      contentType: "text/plain",
      headers: { "retry-after": "60" },
    });
    const busy = await fetch(feeds.url("/busy"));
    expect([busy.status, busy.headers.get("retry-after"), busy.headers.get("etag")]).toEqual([
      503,
      "60",
      null,
    ]);
  });
});
