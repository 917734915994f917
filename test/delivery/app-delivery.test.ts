import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ask, privateChat, settle } from "../bot/helpers.js";
import { Harness } from "../e2e/harness.js";

const BOT_USER = { id: 123456, is_bot: true, first_name: "NewsAlert Test", username: "newsalert_test_bot" };

// The running app: replies and alerts share one scheduler; send errors and my_chat_member agree.
describe("delivery inside the app", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await Harness.create();
    h.publish([{ title: "Погода в Москве", link: "https://news.example/weather" }]);
    await h.start();
  });
  afterEach(async () => {
    await h.close();
  });

  it("a command reply goes through the scheduler: its 429 holds the chat for alerts too, and the reply is retried after retry_after", async () => {
    const { chat, user } = privateChat(6001);
    h.api.failNext("sendMessage", {
      error_code: 429,
      description: "Too Many Requests: retry after 2",
      parameters: { retry_after: 2 },
    });
    const start = h.api.sent.length;
    h.api.sendText(chat, user, "/help");
    // While the reply waits out its retry_after, the alert path sees the chat as held too.
    await waitFor(() => h.api.answered.some((a) => a.chat_id === chat.id && a.status === 429));
    expect(h.app?.scheduler.chatReadyAt(chat.id)).toBeGreaterThan(Date.now() + 1_000);
    await h.api.waitForSent((m) => m.chat_id === chat.id && h.api.sent.indexOf(m) >= start);
    const answers = h.api.answered.filter((a) => a.chat_id === chat.id);
    expect(answers.map((a) => a.status)).toEqual([429, 200]);
    expect((answers[1]?.at ?? 0) - (answers[0]?.at ?? 0)).toBeGreaterThanOrEqual(1_900);
  });

  it("a chat a send refused for good (blocked) is inactive until my_chat_member says the bot is back", async () => {
    const { chat, user } = privateChat(6002);
    await ask(h, chat, user, "/subscribe литий");
    h.api.failNext("sendMessage", { error_code: 403, description: "Forbidden: bot was blocked by the user" });
    h.publish([{ title: "Литий дорожает", link: "https://news.example/li-1" }]);
    await h.poll();
    await waitFor(async () => (await h.app?.store.chats.get(chat.id))?.active === 0);

    h.api.pushUpdate({
      my_chat_member: {
        chat: { id: chat.id, type: "private", first_name: "Анна" },
        from: { id: user.id, is_bot: false, first_name: "Анна" },
        date: Math.floor(Date.now() / 1000),
        old_chat_member: { status: "kicked", user: BOT_USER, until_date: 0 },
        new_chat_member: { status: "member", user: BOT_USER },
      },
    });
    await settle(h);
    expect((await h.app?.store.chats.get(chat.id))?.active).toBe(1);
    h.publish([
      { title: "Литий подорожал на 5% после новых пошлин", link: "https://news.example/li-2" },
      { title: "Литий дорожает", link: "https://news.example/li-1" },
    ]);
    await h.poll();
    const alert = await h.api.waitForSent((m) => m.chat_id === chat.id && m.text.includes("li-2"));
    expect(alert.text).toContain("Литий подорожал на 5% после новых пошлин");
  });
});

async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 20));
  }
}
