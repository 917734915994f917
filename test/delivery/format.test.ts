import { describe, expect, it } from "vitest";
import { formatStory, MESSAGE_LIMIT, safeHref, visibleLength } from "../../src/delivery/format.js";
import { packMessages } from "../../src/delivery/pack.js";
import type { DueAlert } from "../../src/store/outbox.js";
import { parseTelegramHtml } from "../support/telegram-validation.js";

const valid = (html: string) => parseTelegramHtml(html).ok;

const alert = (over: Partial<DueAlert> = {}): DueAlert => ({
  id: 1,
  chatId: 1,
  attempts: 0,
  matched: ["литий"],
  subscriptionIds: [7],
  createdAt: Date.UTC(2026, 10, 26, 9, 6),
  dueAt: Date.UTC(2026, 10, 26, 9, 6),
  title: "Литий дорожает",
  link: "https://news.example/a?x=1&y=2",
  summary: "",
  publishedAt: Date.UTC(2026, 10, 26, 9, 5),
  feedTitle: "Интерфакс",
  feedUrl: "https://www.interfax.ru/rss.asp",
  ...over,
});

describe("alert formatting", () => {
  it("renders headline link, source, Moscow time with its zone and matched terms", () => {
    expect(formatStory(alert(), "Europe/Moscow")).toBe(
      '<b><a href="https://news.example/a?x=1&amp;y=2">Литий дорожает</a></b>\nИнтерфакс · 26 нояб., 12:05 GMT+3\n🔎 литий',
    );
  });

  it("shows only the time (with zone) for a story from today", () => {
    const now = Date.UTC(2026, 10, 26, 15, 0);
    expect(formatStory(alert(), "Europe/Moscow", now)).toContain("Интерфакс · 12:05 GMT+3");
  });

  it.each([
    ["<script>alert(1)</script> & Co", "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co"],
    ['"quoted" <b>', "&quot;quoted&quot; &lt;b&gt;"],
  ])("escapes hostile titles so Telegram accepts them: %s", (title, escaped) => {
    const html = formatStory(alert({ title }), "UTC");
    expect(html).toContain(escaped);
    expect(valid(html)).toBe(true);
  });

  it.each([
    ["javascript:alert(1)", null],
    ["ftp://x.example/f", null],
    ["not a url", null],
    [`https://x.example/${"a".repeat(3000)}`, null],
    ["https://x.example/п?q=1", "https://x.example/%D0%BF?q=1"],
  ])("only plain http(s) links become hrefs: %s", (link, href) => {
    expect(safeHref(link)).toBe(href);
  });

  it("falls back to the host when the feed has no title and to plain text without a link", () => {
    const html = formatStory(alert({ feedTitle: null, link: null, matched: [] }), "UTC");
    expect(html).toBe("<b>Литий дорожает</b>\ninterfax.ru · 26 нояб., 09:05 UTC");
  });

  it("cuts a huge title on a word boundary before escaping it", () => {
    const html = formatStory(alert({ title: `${"слово ".repeat(100)}& конец` }), "UTC");
    const title = /<a [^>]*>([^<]*)<\/a>/.exec(html)?.[1] ?? "";
    expect(title.endsWith("слово…")).toBe(true);
    expect(Array.from(title).length).toBeLessThanOrEqual(300);
  });

  it("packs a chat's alerts into valid messages under Telegram's limit", () => {
    const alerts = Array.from({ length: 30 }, (_, i) =>
      alert({
        id: i + 1,
        title: `${"Длинный заголовок ".repeat(15)}${i}`,
        matched: Array.from({ length: 20 }, (_, k) => `термин${k}`),
      }),
    );
    const messages = packMessages(alerts, "UTC");
    expect(messages.flatMap((m) => m.ids)).toEqual(alerts.map((a) => a.id));
    for (const m of messages) {
      expect(visibleLength(m.html)).toBeLessThanOrEqual(MESSAGE_LIMIT);
      expect(m.ids.length).toBeLessThanOrEqual(10);
      expect(valid(m.html)).toBe(true);
    }
    expect(messages.length).toBeGreaterThan(3);
  });

  it("opens a batch with a header naming the count and queries, without link previews", () => {
    const alerts = [1, 2, 3].map((id) => alert({ id, subscriptionIds: [id === 3 ? 8 : 7] }));
    const queries = new Map([
      [7, "литий"],
      [8, '"ставка ЦБ"'],
    ]);
    const [message, ...more] = packMessages(alerts, "UTC", { queryOf: (id) => queries.get(id) });
    expect(more).toEqual([]);
    expect(message?.html.split("\n")[0]).toBe("📰 <b>3 новости</b> · литий, &quot;ставка ЦБ&quot;");
    expect(message?.preview).toBe(false);
    expect(message?.subscriptionIds).toEqual([7, 8]);
    expect(valid(message?.html ?? "")).toBe(true);
  });

  it("sends a single story as it is, with its link preview", () => {
    const [message] = packMessages([alert()], "UTC");
    expect(message).toEqual({
      ids: [1],
      subscriptionIds: [7],
      html: formatStory(alert(), "UTC"),
      preview: true,
    });
  });

  it("splits 11 stories evenly rather than leaving one alone", () => {
    const alerts = Array.from({ length: 11 }, (_, i) => alert({ id: i + 1 }));
    expect(packMessages(alerts, "UTC").map((m) => m.ids.length)).toEqual([6, 5]);
  });

  it("collapses a backlog into compact lists of one line per story, each under the limit", () => {
    const alerts = Array.from({ length: 120 }, (_, i) => alert({ id: i + 1, title: `История ${i}` }));
    const messages = packMessages(alerts, "UTC", { compact: true });
    expect(messages.map((m) => m.ids.length)).toEqual([40, 40, 40]);
    expect(messages.flatMap((m) => m.ids)).toEqual(alerts.map((a) => a.id));
    for (const m of messages) {
      expect(m.html.split("\n")[0]).toContain("Накопилось много — 40 новостей списком");
      expect(m.html.match(/^• /gm)).toHaveLength(40);
      expect(visibleLength(m.html)).toBeLessThanOrEqual(MESSAGE_LIMIT);
      expect(valid(m.html)).toBe(true);
    }
  });
});

describe("the quoted sentence (issue 11)", () => {
  it("shows the sentence under the terms, escaped, with the matched words in bold", () => {
    const html = formatStory(alert({ snippet: "Экспорт \u0002германия\u0003 & галлия <сокращён>." }), "UTC");
    expect(html.endsWith("\n«Экспорт <b>германия</b> &amp; галлия &lt;сокращён&gt;.»")).toBe(true);
    expect(() => parseTelegramHtml(html)).not.toThrow();
  });

  it("shows nothing more without one", () => {
    expect(formatStory(alert({ snippet: null }), "UTC")).not.toContain("«");
  });
});
