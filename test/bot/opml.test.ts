import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildOpml } from "../../src/feeds/parse/opml.js";
import { Harness } from "../e2e/harness.js";
import { rssDocument } from "../support/feed-server.js";
import { ask, freshGroup, privateChat, say, settle } from "./helpers.js";

const { chat, user } = privateChat(7001);

describe("OPML import and export", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await Harness.create();
    h.publish([{ title: "Литий", link: "https://news.example/1" }]);
    h.feeds.set(
      "/a",
      rssDocument({ title: "Лента А", items: [{ title: "x", link: "https://a.example/1" }] }),
    );
    h.feeds.set("/b", rssDocument({ title: "Лента Б", items: [] }));
    h.feeds.set("/page", "<html><body>not a feed</body></html>", { contentType: "text/html" });
    await h.start({ ALLOW_PRIVATE_URLS: "true" });
  });
  afterEach(async () => {
    await h.close();
  });

  /** Sends a document message the way Telegram delivers one. */
  function sendDocument(
    target: { id: number; type: string },
    from: { id: number },
    content: string,
    name: string,
  ) {
    const document = h.api.addFile(content, name, "text/x-opml");
    h.api.pushUpdate({
      message: {
        message_id: 1,
        date: Math.floor(Date.now() / 1000),
        chat: target,
        from: { ...from, is_bot: false, first_name: "A" },
        document,
      },
    });
  }

  it("imports the feeds of an .opml file, reporting each, and skips what is not a feed", async () => {
    const opml = buildOpml("mine", [
      { url: h.feeds.url("/a"), title: "А" },
      { url: h.feeds.url("/b"), title: "Б" },
      { url: h.feeds.url("/page"), title: "Страница" },
      { url: h.feeds.url("/rss"), title: "Общая" },
    ]);
    sendDocument(chat, user, opml, "subs.opml");
    // Generous: under a loaded machine the parse workers (tsx-loaded in tests) may start slowly.
    const report = await h.api.waitForSent(
      (m) => m.chat_id === chat.id && m.text.includes("Импорт OPML"),
      20_000,
    );
    expect(report.text).toContain("добавлено 2 из 4");
    expect(report.text).toMatch(/Страница: .+/);
    expect(report.text).toContain("Общая: уже среди общих");
    const feeds = await ask(h, chat, user, "/feeds");
    expect(feeds).toContain("Лента А");
    expect(feeds).toContain("Лента Б");
  });

  it("checks at most the first 200 entries of a huge file, a few at a time, editing one progress message", async () => {
    const opml = buildOpml(
      "huge",
      Array.from({ length: 230 }, (_, i) => ({ url: h.feeds.url(`/gone/${i}`), title: `Лента ${i}` })),
    );
    const before = h.api.sent.length;
    sendDocument(chat, user, opml, "huge.opml");
    const report = await h.api.waitForSent(
      (m) => m.chat_id === chat.id && m.text.includes("Импорт OPML"),
      30_000,
    );
    expect(report.text).toContain("добавлено 0 из 200");
    const told = h.api.sent.slice(before).map((m) => m.text);
    expect(told).toContainEqual(expect.stringContaining("В файле 230 лент; проверю первые 200"));
    const checked = h.feeds.requests.filter((r) => r.path.startsWith("/gone/")).map((r) => r.path);
    expect(checked).toHaveLength(200);
    expect(checked).not.toContain("/gone/200");
    // One progress message, edited as the checks go; not a message per feed.
    const edits = h.api.calls.filter((c) => c.method === "editMessageText" && c.payload.chat_id === chat.id);
    expect(edits.length).toBeGreaterThan(0);
    expect(new Set(edits.map((e) => e.payload.message_id)).size).toBe(1);
    expect(edits.at(-1)?.payload.text).toBe("Проверил ленты из файла: 200 из 200, добавлено 0.");
  });

  it("answers a file that is not OPML with a clear error and changes nothing", async () => {
    sendDocument(chat, user, "<rss><channel/></rss>", "feed.xml");
    const m = await h.api.waitForSent((m) => m.chat_id === chat.id && m.text.includes("файл"));
    expect(m.text).toMatch(/OPML/);
    expect(await ask(h, chat, user, "/feeds")).toContain("Своих источников нет");
  });

  it("refuses an import from a group member", async () => {
    const group = freshGroup();
    sendDocument(group, { id: 55 }, buildOpml("x", [{ url: h.feeds.url("/a"), title: "А" }]), "a.opml");
    await settle(h);
    const answers = h.api.sent.filter((m) => m.chat_id === group.id);
    expect(answers.map((m) => m.text)).toEqual([expect.stringMatching(/администратор/)]);
  });

  it("ignores documents that are not OPML", async () => {
    sendDocument(chat, user, "hello", "notes.txt");
    await settle(h);
    expect(h.api.sent.filter((m) => m.chat_id === chat.id)).toEqual([]);
  });

  it("exports the chat's feeds as an OPML file that imports back", async () => {
    await say(h, chat, user, `/addfeed ${h.feeds.url("/a")}`);
    await h.api.waitForSent((m) => m.chat_id === chat.id && m.text.includes("добавлена"));
    await say(h, chat, user, "/export");
    const file = h.api.sent.find((m) => m.method.toLowerCase() === "senddocument" && m.chat_id === chat.id);
    expect(file?.document?.name).toBe("newsalert-feeds.opml");
    expect(file?.document?.content).toContain(`xmlUrl="${h.feeds.url("/a")}"`);
    expect(file?.text).toContain("Свои источники этого чата: 1");
  });

  it("a group member's /export gives the chat's own feeds, never the operator's FEEDS addresses", async () => {
    await h.stop();
    const secret = `http://reader:s3cret@127.0.0.1:${new URL(h.feeds.origin).port}/rss?token=t0ken`;
    await h.start({ ALLOW_PRIVATE_URLS: "true", FEEDS: `${h.feeds.url("/rss")},${secret}` });
    const group = freshGroup();
    const admin = { id: 7101, first_name: "Админ" };
    const member = { id: 7102, first_name: "Участник" };
    h.api.setChatMember(group.id, admin.id, "administrator");
    h.api.setChatMember(group.id, member.id, "member");
    await say(h, group, admin, `/addfeed ${h.feeds.url("/a")}`);
    await h.api.waitForSent((m) => m.chat_id === group.id && m.text.includes("добавлена"));
    await say(h, group, member, "/export");
    const file = h.api.sent.find((m) => m.method.toLowerCase() === "senddocument" && m.chat_id === group.id);
    expect(file?.document?.content).toContain(`xmlUrl="${h.feeds.url("/a")}"`);
    expect(file?.document?.content).not.toContain("s3cret");
    expect(file?.document?.content).not.toContain("t0ken");
    expect(file?.document?.content).not.toContain(`xmlUrl="${h.feeds.url("/rss")}"`);
    expect(file?.text).toContain("Общие источники бота (2) не выгружаются");
  });
});
