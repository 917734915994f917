import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { labelledDatabases } from "../store/databases.js";
import { FeedServer, rssDocument } from "../support/feed-server.js";
import { Harness, type Story } from "./harness.js";

const user = { id: 1001, first_name: "Анна" };
const privateChat = { id: 1001, type: "private" as const };
const group = { id: -100200, type: "supergroup" as const, title: "Деск" };

const interfax: Story = {
  title: "ЦБ сохранил ключевую ставку на уровне 16,5%",
  link: "https://interfax.example/news/1",
  description:
    "Совет директоров Банка России принял решение сохранить ключевую ставку на уровне 16,5% годовых, говорится в сообщении регулятора.",
};
const tass: Story = {
  title: "Банк России оставил ключевую ставку без изменений — 16,5% годовых",
  link: "https://tass.example/ekonomika/2",
  description:
    "Регулятор по итогам заседания совета директоров сохранил ставку, как и ожидало большинство аналитиков.",
};
const ria: Story = {
  title: "Ключевая ставка ЦБ осталась на уровне 16,5%",
  link: "https://ria.example/20251024/3.html",
  description: "Банк России на заседании совета директоров сохранил ключевую ставку, сообщил регулятор.",
};
// Look-alikes: the same kind of decision by another body, and another decision of the same body.
const kazakhstan: Story = {
  title: "Нацбанк Казахстана сохранил базовую ставку на уровне 16,5%",
  link: "https://ria.example/20251024/4.html",
  description:
    "Национальный банк Казахстана принял решение сохранить базовую ставку на уровне 16,5% годовых, сообщил регулятор.",
};
const cut: Story = {
  title: "ЦБ снизил ключевую ставку до 16%",
  link: "https://tass.example/ekonomika/5",
  description:
    "Банк России по итогам заседания совета директоров снизил ключевую ставку на 50 базисных пунктов, до 16% годовых.",
};
const lateRewrite: Story = {
  title: "Регулятор сохранил ключевую ставку 16,5%: решение Банка России",
  link: "https://tass.example/ekonomika/6",
  description: "Совет директоров ЦБ оставил ключевую ставку на уровне 16,5% годовых.",
};
const fresh: Story = {
  title: "Минфин разместил ОФЗ на 85 млрд рублей, ставка доходности снизилась",
  link: "https://interfax.example/news/7",
  description: "Министерство финансов на двух аукционах разместило облигации федерального займа.",
};

function publish(server: FeedServer, title: string, stories: Story[]): void {
  server.set("/rss", rssDocument({ title, link: server.origin, items: stories }), {
    contentType: "application/rss+xml; charset=utf-8",
  });
}

const stores = labelledDatabases;

describe.each(stores)("one alert per story across three feeds on $label", ({ db, skip }) => {
  let h: Harness;
  let tassFeed: FeedServer;
  let riaFeed: FeedServer;
  let drop: () => Promise<void>;
  let env: Record<string, string>;
  beforeEach(async (ctx) => {
    if (skip) ctx.skip();
    h = await Harness.create();
    tassFeed = await FeedServer.start();
    riaFeed = await FeedServer.start();
    const created = await db.create();
    drop = created.drop;
    env = {
      DATABASE_URL: created.url,
      FEEDS: [h.feeds.url("/rss"), tassFeed.url("/rss"), riaFeed.url("/rss")].join(","),
    };
  });
  afterEach(async () => {
    await h?.close();
    await tassFeed?.close();
    await riaFeed?.close();
    await drop?.();
  });

  /** Links of every alert a chat got (subscription replies left out). */
  const alertLinks = (chatId: number) =>
    h.api.sent
      .filter((m) => m.chat_id === chatId && m.method === "sendMessage" && !m.text.includes("Подписка"))
      .flatMap((m) => [...m.text.matchAll(/href="([^"]+)"/g)].map((x) => x[1] as string));

  it("sends the story once per chat, alerts the look-alikes, and keeps the grouping across a restart", async () => {
    h.publish([]);
    publish(tassFeed, "ТАСС", []);
    publish(riaFeed, "РИА Новости", []);
    await h.start(env);
    h.api.sendText(privateChat, user, "/subscribe ставка");
    await h.api.waitForSent((m) => m.chat_id === privateChat.id && m.text.includes("Подписка"));
    h.api.setChatMember(group.id, user.id, "administrator");
    h.api.sendText(group, user, "/subscribe ставка");
    await h.api.waitForSent((m) => m.chat_id === group.id && m.text.includes("Подписка"));

    h.publish([interfax]);
    publish(tassFeed, "ТАСС", [tass, cut]);
    publish(riaFeed, "РИА Новости", [ria, kazakhstan]);
    await h.poll();
    for (const chat of [privateChat, group]) {
      await h.api.waitForSent((m) => m.chat_id === chat.id && m.text.includes(kazakhstan.link));
      await h.api.waitForSent((m) => m.chat_id === chat.id && m.text.includes(cut.link));
    }
    await h.app?.sender.runOnce();
    const sameStory = [interfax.link, tass.link, ria.link];
    for (const chat of [privateChat, group]) {
      const links = alertLinks(chat.id);
      expect(links.filter((l) => sameStory.includes(l))).toHaveLength(1);
      expect(links.filter((l) => l === kazakhstan.link)).toHaveLength(1);
      expect(links.filter((l) => l === cut.link)).toHaveLength(1);
    }

    // A restart rebuilds the window from the store: a later rewrite of the story is still the same story.
    await h.stop();
    h.publish([fresh, interfax]);
    publish(tassFeed, "ТАСС", [lateRewrite, tass, cut]);
    await h.start(env);
    await h.poll();
    for (const chat of [privateChat, group])
      await h.api.waitForSent((m) => m.chat_id === chat.id && m.text.includes(fresh.link));
    await h.app?.sender.runOnce();
    for (const chat of [privateChat, group]) {
      const links = alertLinks(chat.id);
      expect(links.filter((l) => [...sameStory, lateRewrite.link].includes(l))).toHaveLength(1);
    }
    const sources = await h.app?.store.stories.sourcesOf(
      (await h.app.store.stories.storiesOfLinks(["https://interfax.example/news/1"])).get(
        "https://interfax.example/news/1",
      ) as number,
    );
    expect(sources?.map((s) => s.link).sort()).toEqual([...sameStory, lateRewrite.link].sort());
  });
});
