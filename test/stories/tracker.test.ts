import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createLogger } from "../../src/log.js";
import { Store } from "../../src/store/store.js";
import { StoryTracker } from "../../src/stories/tracker.js";
import { testDatabases } from "../store/databases.js";

const log = createLogger("silent");
const HOUR = 3600_000;
const rate = {
  title: "ЦБ сохранил ключевую ставку на уровне 16,5%",
  summary: "Совет директоров Банка России принял решение сохранить ключевую ставку на уровне 16,5% годовых.",
};
const rewrite = {
  title: "Банк России оставил ключевую ставку без изменений — 16,5% годовых",
  summary:
    "Регулятор по итогам заседания совета директоров сохранил ставку, как и ожидало большинство аналитиков.",
};

for (const { db, skip } of testDatabases) {
  describe.skipIf(skip)(`story tracker on ${db.name}${skip ? " (set TEST_DATABASE_URL to run)" : ""}`, () => {
    let store: Store;
    let url: string;
    let drop: () => Promise<void>;
    let feeds: number[];
    beforeEach(async () => {
      ({ url, drop } = await db.create());
      store = await Store.open(url);
      await store.feeds.syncShared(["https://interfax.example/rss", "https://tass.example/rss"]);
      feeds = (await store.feeds.listDue(Number.MAX_SAFE_INTEGER)).map((f) => f.id).sort((x, y) => x - y);
    });
    afterEach(async () => {
      await store.close();
      await drop();
    });

    const insert = (feed: number, key: string, text: typeof rate, at: number, link: string | null = null) =>
      store.items.insertNew(feed, [{ key, link_key: link, link, ...text, published_at: at }], { now: at });

    it("stores the story of each item and lists its sources", async () => {
      const tracker = new StoryTracker(store, log);
      const now = Date.now();
      const [a] = await tracker.assign(await insert(feeds[0] as number, "a", rate, now));
      const [b] = await tracker.assign(await insert(feeds[1] as number, "b", rewrite, now + HOUR));
      expect(b?.story_id).toBe(a?.id);
      const sources = await store.stories.sourcesOf(a?.id as number);
      expect(sources.map((s) => s.feed_id)).toEqual(feeds);
    });

    it("rebuilds the window after a restart, and groups by a link seen beyond it", async () => {
      const now = Date.now();
      const first = new StoryTracker(store, log);
      const [old] = await first.assign(
        await insert(
          feeds[0] as number,
          "old",
          { title: "Погода в Москве", summary: "Снег." },
          now - 100 * HOUR,
          "https://x.example/old",
        ),
      );
      const [a] = await first.assign(await insert(feeds[0] as number, "a", rate, now - 2 * HOUR));

      const restarted = new StoryTracker(store, log);
      await restarted.load(now);
      const [b] = await restarted.assign(await insert(feeds[1] as number, "b", rewrite, now));
      expect(b?.story_id).toBe(a?.id);
      // Far outside the 36-hour window, the same canonical link still names the same story.
      const [c] = await restarted.assign(
        await insert(
          feeds[1] as number,
          "c",
          { title: "Другой заголовок", summary: "" },
          now,
          "https://x.example/old",
        ),
      );
      expect(c?.story_id).toBe(old?.id);
    });

    it("groups the items a crash left stored but ungrouped", async () => {
      const now = Date.now();
      const tracker = new StoryTracker(store, log);
      const [a] = await tracker.assign(await insert(feeds[0] as number, "a", rate, now));
      await insert(feeds[1] as number, "b", rewrite, now + 1);
      const restarted = new StoryTracker(store, log);
      await restarted.load(now + 2);
      expect(await restarted.recover()).toBe(1);
      const [b] = await store.items.listUnrouted(10).then((rows) => rows.filter((r) => r.key === "b"));
      expect(b?.story_id).toBe(a?.id);
    });
  });
}
