import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Harness } from "../e2e/harness.js";
import { ask, privateChat } from "./helpers.js";

const OPERATOR = privateChat(777);
const USER = privateChat(501);

describe("/stats for operators", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await Harness.create();
    h.publish([{ title: "Старое", link: "https://news.example/0" }]);
    await h.start({ ADMIN_IDS: `${OPERATOR.user.id}, 999` });
  });
  afterEach(async () => {
    await h.close();
  });

  it("shows chats, queries, feeds, alerts today, queue and instances to an operator only", async () => {
    await ask(h, USER.chat, USER.user, "/subscribe литий");
    await ask(h, USER.chat, USER.user, "/subscribe никель");
    await h.app?.store.chats.upsert({ id: 502, type: "private", title: null });
    await h.app?.store.chats.setActive(502, false);
    h.publish([
      { title: "Литий дорожает", link: "https://news.example/1" },
      { title: "Старое", link: "https://news.example/0" },
    ]);
    await h.poll();
    await h.api.waitForSent((m) => m.chat_id === USER.chat.id && m.text.includes("Литий дорожает"));

    const refused = await ask(h, USER.chat, USER.user, "/stats");
    expect(refused).toMatch(/только операторам/);
    expect(refused).not.toMatch(/Подписок/);

    const text = await ask(h, OPERATOR.chat, OPERATOR.user, "/stats");
    // The operator's own chat is registered by nothing here; the user's and the inactive one are.
    expect(text).toMatch(/Чаты: 1 активных, 1 недоступных/);
    expect(text).toContain("Подписок: 2");
    expect(text).toContain("Источников: 1, с ошибками: 0");
    expect(text).toContain("Уведомлений отправлено сегодня: 1");
    expect(text).toContain("В очереди: 0, не доставлено: 0");
    expect(text).toMatch(/Экземпляров бота: 1\n• <code>[^<]+<\/code> — единственный/);
  });
});
