import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { registry } from "../../src/metrics.js";
import { connect } from "../../src/store/db.js";
import { ask, freshGroup, settle } from "../bot/helpers.js";
import { Harness } from "../e2e/harness.js";
import { labelledDatabases } from "../store/databases.js";
import type { FakeApiError } from "../support/bot-api-server.js";

const BOT_USER = { id: 123456, is_bot: true, first_name: "NewsAlert Test", username: "newsalert_test_bot" };
const DAY = 24 * 3_600_000;

const stores = labelledDatabases;

/** How the bot learns it may no longer write: a send refused for good, or my_chat_member during an outage. */
type Loss =
  | { kind: "refused"; error: FakeApiError; gone: "kicked" | "left" }
  | { kind: "update"; gone: "kicked" | "left" };

const cases: Array<[string, "private" | "supergroup", Loss]> = [
  [
    "blocked in a private chat (403 on send)",
    "private",
    {
      kind: "refused",
      error: { error_code: 403, description: "Forbidden: bot was blocked by the user" },
      gone: "kicked",
    },
  ],
  [
    "kicked from a supergroup (403 on send)",
    "supergroup",
    {
      kind: "refused",
      error: { error_code: 403, description: "Forbidden: bot was kicked from the supergroup chat" },
      gone: "kicked",
    },
  ],
  [
    "stripped of the right to write in a supergroup (400 on send)",
    "supergroup",
    {
      kind: "refused",
      error: {
        error_code: 400,
        description: "Bad Request: not enough rights to send text messages to the chat",
      },
      gone: "left",
    },
  ],
  [
    "blocked in a private chat (my_chat_member while sends fail)",
    "private",
    { kind: "update", gone: "kicked" },
  ],
  [
    "removed from a supergroup (my_chat_member while sends fail)",
    "supergroup",
    { kind: "update", gone: "left" },
  ],
];

const stories = [
  { title: "Цены на литий выросли на бирже в Шанхае", link: "https://news.example/li-old" },
  { title: "Норникель нарастит добычу лития на Кольском полуострове", link: "https://news.example/li-a" },
  { title: "Правительство обсудит пошлины на экспорт лития в Китай", link: "https://news.example/li-b" },
];

const tooOld = async () =>
  (await registry.getMetricsAsJSON())
    .find((m) => m.name === "newsalert_alerts_dropped_total")
    ?.values.find((v) => v.labels.reason === "too-old")?.value ?? 0;

// A chat the bot may not write to keeps its queue; when my_chat_member brings the bot back, what is still
// younger than ALERT_MAX_AGE arrives, batched and once, and what is older is dropped and counted.
describe.each(stores)("a chat that blocked or removed the bot, on $label", ({ db, skip }) => {
  let h: Harness;
  let drop: () => Promise<void>;
  let databaseUrl: string;
  beforeEach(async (ctx) => {
    if (skip) ctx.skip();
    h = await Harness.create();
    ({ url: databaseUrl, drop } = await db.create());
    h.publish([{ title: "Погода в Москве", link: "https://news.example/weather" }]);
    await h.start({ DATABASE_URL: databaseUrl });
  });
  afterEach(async () => {
    await h?.close();
    await drop?.();
  });

  const memberUpdate = (chat: { id: number; type: string; title?: string }, old: string, now: string) => ({
    my_chat_member: {
      chat: chat.type === "private" ? { id: chat.id, type: "private", first_name: "Анна" } : chat,
      from: { id: 7100, is_bot: false, first_name: "Анна" },
      date: Math.floor(Date.now() / 1000),
      old_chat_member: { status: old, user: BOT_USER, ...(old === "kicked" ? { until_date: 0 } : {}) },
      new_chat_member: { status: now, user: BOT_USER, ...(now === "kicked" ? { until_date: 0 } : {}) },
    },
  });

  it.each(cases)(
    "%s: queue kept, delivered on return; what got too old is dropped",
    async (_n, type, loss) => {
      const chat = type === "private" ? { id: 7100, type: "private" as const } : freshGroup("supergroup");
      const admin = { id: 7100, first_name: "Анна" };
      h.api.setChatMember(chat.id, admin.id, "creator");
      await ask(h, chat, admin, "/subscribe литий");
      const store = h.app?.store;
      if (!store) throw new Error("app not started");

      if (loss.kind === "refused") h.api.refuseChat(chat.id, loss.error);
      else h.api.setOutage("5xx");
      h.publish(stories);
      await h.poll();
      if (loss.kind === "refused") {
        await waitFor(async () => (await store.chats.get(chat.id))?.active === 0);
        // Telegram then reports the change too; it does not cost the queue either.
        h.api.pushUpdate(memberUpdate(chat, "member", loss.gone));
        await settle(h);
      } else {
        await waitFor(() =>
          h.api.calls.some((c) => c.method === "sendMessage" && c.payload.chat_id === chat.id),
        );
        h.api.pushUpdate(memberUpdate(chat, "member", loss.gone));
        await waitFor(async () => (await store.chats.get(chat.id))?.active === 0);
        h.api.setOutage(null);
      }
      expect((await store.chats.get(chat.id))?.active).toBe(0);
      expect(await store.outbox.pending(chat.id)).toBe(3);
      // While it is gone the chat gets no turns: nothing is tried, nothing is given up.
      const tries = () =>
        h.api.calls.filter((c) => c.method === "sendMessage" && c.payload.chat_id === chat.id);
      const triedBefore = tries().length;
      await h.app?.sender.runOnce();
      expect(tries()).toHaveLength(triedBefore);
      expect(await store.outbox.pending(chat.id)).toBe(3);

      // One alert has by now waited longer than ALERT_MAX_AGE (24 h): as if the chat had been away a day.
      const conn = await connect(databaseUrl);
      await sql`update outbox set created_at = ${Date.now() - DAY - 60_000}
      where chat_id = ${chat.id} and item_id = (select id from items where link = ${stories[0]?.link})`.execute(
        conn.db,
      );
      await conn.db.destroy();
      const droppedBefore = await tooOld();

      h.api.refuseChat(chat.id, null);
      h.api.pushUpdate(memberUpdate(chat, loss.gone, type === "private" ? "member" : "administrator"));
      const alert = await h.api.waitForSent((m) => m.chat_id === chat.id && m.text.includes("li-a"), 10_000);
      expect(alert.text).toMatch(/^📰 <b>2 новости<\/b>/);
      expect(alert.text).toContain("https://news.example/li-b");
      expect(alert.text).not.toContain("li-old");

      // Nothing twice, nothing more: another pass and another poll send nothing to the chat.
      await h.app?.sender.runOnce();
      await h.poll();
      await h.app?.sender.runOnce();
      const links = h.api.sent
        .filter((m) => m.chat_id === chat.id && m.method === "sendMessage")
        .flatMap((m) => [...m.text.matchAll(/href="([^"]+)"/g)].map((x) => x[1]));
      expect(links.sort()).toEqual(["https://news.example/li-a", "https://news.example/li-b"]);
      expect(await store.outbox.pending(chat.id)).toBe(0);
      expect(await tooOld()).toBe(droppedBefore + 1);
    },
  );
});

async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 20));
  }
}
