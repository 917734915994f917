import { describe, expect, it } from "vitest";
import { storyFeatures } from "../../src/stories/features.js";
import { numbersOf, numberWord, sameNumber } from "../../src/stories/numbers.js";
import { namesConflict, numbersConflict } from "../../src/stories/similarity.js";

describe("institution names", () => {
  it("folds an abbreviation, a compound and a full name into one token", () => {
    const short = storyFeatures("Мосбиржа приостановила торги", "");
    const full = storyFeatures("Московская биржа приостановила торги", "");
    expect(short.titleNames).toEqual(full.titleNames);
    expect([...full.lemmas.keys()]).not.toContain("московский");
    const cb = storyFeatures("Центробанк сохранил ставку", "Решение принял совет директоров Банка России.");
    expect(cb.lemmas.get(storyFeatures("ЦБ", "").titleNames.values().next().value as string)).toBe(2);
    expect(cb.lemmas.has("россия")).toBe(false);
  });

  it("takes the head named after a title as the institution's, and lets a re-report name either", () => {
    const ministry = storyFeatures(
      "Минсельхоз повысил прогноз урожая зерна",
      "Об этом сообщила министр сельского хозяйства Оксана Лут.",
    );
    expect(ministry.affiliates.get("минсельхоз")).toContain("лут");
    const head = storyFeatures(
      "Лут: урожай зерна в России составит 135 млн тонн",
      "Ранее ведомство ожидало меньше.",
    );
    expect(namesConflict(ministry, head)).toBe(false);
    // Another body's head is not this body's: the Foreign Ministry is not mentioned by «Лут».
    const other = storyFeatures(
      "МИД повысил прогноз урожая зерна",
      "Об этом сообщил министр иностранных дел.",
    );
    expect(namesConflict(other, head)).toBe(true);
  });
});

describe("numbers", () => {
  it("takes a figure and its rounding as one, but not two rates, two years or two counts", () => {
    expect(sameNumber(11, 10.98)).toBe(true);
    expect(sameNumber(6.4, 6.37)).toBe(true);
    expect(sameNumber(32e9, 31.8e9)).toBe(true);
    expect(sameNumber(81.25, 81.2524)).toBe(true);
    expect(sameNumber(16, 16.25)).toBe(false);
    expect(sameNumber(16.5, 16.75)).toBe(false);
    expect(sameNumber(2020, 2024)).toBe(false);
    expect(sameNumber(397, 400)).toBe(false);
    expect(sameNumber(1, 1.4)).toBe(false);
    expect(numberWord("10.98")).toBe(numberWord("11"));
    expect(numberWord("2025")).not.toBe(numberWord("2026"));
  });

  it("reads scale words written out and numbers written as words", () => {
    const read = (text: string) => {
      const into = new Set<string>();
      numbersOf(text, into);
      return [...into];
    };
    expect(read("продало облигации на 45 миллиардов")).toEqual(read("разместил ОФЗ на 45 млрд рублей"));
    expect(read("на 45 миллиардов")).toEqual(["45000000000"]);
    expect(read("14,5 тысячи тонн")).toEqual(["14500"]);
    expect(read("сорок пять миллиардов рублей")).toEqual(["45000000000"]);
    expect(read("за девять месяцев")).toEqual(["9"]);
    expect(read("сто сорок пять")).toEqual(["145"]);
    expect(read("вырастет на один процент")).toEqual(["1"]);
    // «Один» alone is «one of» or «a single», not a figure.
    expect(read("одной акцией, один из банков")).toEqual([]);
  });

  it("does not count a rounded headline figure as another number", () => {
    const exact = storyFeatures("Юань подешевел до 10,98 рубля", "Курс китайской валюты опустился.");
    const rounded = storyFeatures("Курс юаня опустился ниже 11 рублей", "Китайская валюта подешевела.");
    expect(numbersConflict(exact, rounded)).toBe(false);
    const other = storyFeatures("Курс юаня опустился ниже 12 рублей", "Китайская валюта подешевела.");
    expect(numbersConflict(exact, other)).toBe(true);
  });
});
