import { describe, expect, it } from "vitest";
import { STORY_WINDOW_MS, StoryDetector, type StoryInput } from "../../src/stories/detector.js";
import { storyFeatures } from "../../src/stories/features.js";

const HOUR = 3600_000;
let nextId = 1;
function item(title: string, summary: string, seenAt: number, linkKey: string | null = null): StoryInput {
  return { id: nextId++, title, summary, linkKey, seenAt };
}

const rate = [
  "ЦБ сохранил ключевую ставку на уровне 16,5%",
  "Совет директоров Банка России принял решение сохранить ключевую ставку на уровне 16,5% годовых.",
] as const;
const rateRewrite = [
  "Банк России оставил ключевую ставку без изменений — 16,5% годовых",
  "Регулятор по итогам заседания совета директоров сохранил ставку, как и ожидало большинство аналитиков.",
] as const;

describe("story features", () => {
  it("reduces title and lead to lemmas, numbers (scale words folded) and headline names", () => {
    const f = storyFeatures(
      "Песков: «Газпром» поставит Китаю 38,8 млрд кубометров",
      "Об этом сообщил Алексей Миллер.",
    );
    expect(f.lemmas.get("поставить")).toBe(2);
    expect(f.lemmas.get("сообщить")).toBe(1);
    expect(f.lemmas.has("об")).toBe(false);
    expect(f.titleNumbers).toEqual(new Set(["38800000000"]));
    // The speaker before the colon is attribution, not what the story is about.
    expect(f.titleNames.has("песков")).toBe(false);
    expect(f.titleNames).toContain("газпром");
    expect(f.titleNames).toContain("китай");
  });
});

describe("StoryDetector", () => {
  it("puts a re-report in other words from another feed into the first item's story", () => {
    const d = new StoryDetector();
    const first = item(...rate, 0, "https://interfax.example/1");
    expect(d.assign(first)).toMatchObject({ storyId: first.id, by: "new" });
    const second = item(...rateRewrite, HOUR, "https://tass.example/2");
    expect(d.assign(second)).toMatchObject({ storyId: first.id, sameAs: first.id, by: "text" });
  });

  it("keeps look-alike stories apart: another body, another number", () => {
    const d = new StoryDetector();
    const first = item(...rate, 0);
    d.assign(first);
    const kz = item(
      "Нацбанк Казахстана сохранил базовую ставку на уровне 16,5%",
      "Национальный банк Казахстана принял решение сохранить базовую ставку на уровне 16,5% годовых.",
      HOUR,
    );
    const cut = item(
      "ЦБ снизил ключевую ставку до 16%",
      "Совет директоров Банка России принял решение снизить ключевую ставку до 16% годовых.",
      HOUR,
    );
    expect(d.assign(kz)).toMatchObject({ storyId: kz.id, by: "new" });
    expect(d.assign(cut)).toMatchObject({ storyId: cut.id, by: "new" });
  });

  it("treats the same canonical link as the same story whatever the wording", () => {
    const d = new StoryDetector();
    const first = item(...rate, 0, "https://news.example/a");
    d.assign(first);
    const other = item("Погода в Москве", "Снег и гололед.", HOUR, "https://news.example/a");
    expect(d.assign(other)).toMatchObject({ storyId: first.id, by: "link" });
  });

  it("forgets items older than 36 hours", () => {
    const d = new StoryDetector();
    const first = item(...rate, 0, "https://news.example/a");
    d.assign(first);
    const late = item(...rateRewrite, STORY_WINDOW_MS + HOUR);
    expect(d.assign(late)).toMatchObject({ storyId: late.id, by: "new" });
    expect(d.storyOfLink("https://news.example/a")).toBeNull();
    expect(d.size).toBe(1);
  });

  it("joins restored items' stories after a rebuild", () => {
    const d = new StoryDetector();
    const first = item(...rate, 0);
    d.restore(first, 42);
    expect(d.assign(item(...rateRewrite, HOUR)).storyId).toBe(42);
  });

  it("finds the story among thousands of items sharing common words", () => {
    const d = new StoryDetector();
    for (let i = 0; i < 3000; i++) {
      d.assign(
        item(
          `Банк России сообщил о решении совета директоров №${i}`,
          `Регулятор заявил, что в России ставка по депозитам составила ${i} базисных пунктов.`,
          i * 10,
        ),
      );
    }
    const first = item(...rate, 40_000);
    d.assign(first);
    for (let i = 0; i < 1000; i++)
      d.assign(item(`Совет директоров ЦБ ${i}`, "Ставка Банка России.", 40_001 + i));
    expect(d.assign(item(...rateRewrite, 50_000)).storyId).toBe(first.id);
  });
});
