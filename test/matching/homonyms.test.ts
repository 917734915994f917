import { describe, expect, it } from "vitest";
import { translate } from "../../src/locale.js";
import { explainQuery, matchQuery, parseQuery, SubscriptionIndex } from "../../src/matching/index.js";
import { HOMONYM_CASES, HOMONYM_HOLDOUT, type HomonymCase } from "./homonym-cases.js";
import { HOMONYM_HOLDOUT_2 } from "./homonym-holdout-2.js";
import { HOMONYM_HOLDOUT_3 } from "./homonym-holdout-3.js";
import { HOMONYM_HOLDOUT_4 } from "./homonym-holdout-4.js";
import { HOMONYM_HOLDOUT_5 } from "./homonym-holdout-5.js";

function judge([query, text]: HomonymCase): { reference: boolean; index: boolean } {
  const q = parseQuery(query);
  const index = new SubscriptionIndex();
  index.add(1, q);
  // As a headline; «the same sentence inside a summary» below checks mid-text sentence starts.
  const item = { title: text, summary: "" };
  return { reference: matchQuery(q, item) !== null, index: index.match(item).length === 1 };
}

// A table case: the reference gives the labelled answer and the index agrees with it.
function expectJudged(query: string, text: string, hit: boolean): void {
  const { reference, index } = judge([query, text, hit]);
  expect(reference).toBe(hit);
  expect(index).toBe(reference);
}

// A held-out table's false alerts and misses, the index agreeing with the reference on every case.
function score(cases: readonly HomonymCase[]): { falseAlerts: number; misses: number } {
  let falseAlerts = 0;
  let misses = 0;
  for (const c of cases) {
    const { reference, index } = judge(c);
    expect(index, `${c[0]} ← ${c[1]}`).toBe(reference);
    if (reference && !c[2]) falseAlerts++;
    if (!reference && c[2]) misses++;
  }
  return { falseAlerts, misses };
}

describe("a word is not another word that shares a form", () => {
  it.each(HOMONYM_CASES.map((c) => [c[0], c[1], c[2]] as const))("%s ← %s: %s", (query, text, hit) => {
    expectJudged(query, text, hit);
  });

  it("held-out cases: index and reference agree on every one, and most are right", () => {
    let right = 0;
    for (const c of HOMONYM_HOLDOUT) {
      const { reference, index } = judge(c);
      expect(index, `${c[0]} ← ${c[1]}`).toBe(reference);
      if (reference === c[2]) right++;
    }
    expect(right / HOMONYM_HOLDOUT.length).toBeGreaterThanOrEqual(0.85);
  });

  // Each held-out batch's measured false alerts (README): the index agrees with the reference on every case,
  // no true form is lost, and false alerts stay at their level.
  // Batch 2 (224): 52 before the batch-2 rules, 47 after; one-form names, adjective at a sentence start: 45;
  // country names (session 7): 40. Batch 3 (162): 53 unseen; 48 after one-form names and the sentence-start
  // adjective; 42 after country names. Batch 4 (188; written by a session that read neither the rules nor
  // the other tables): 72 and 1 miss («Коммерсантъ») unseen, 67 after country names; the final ъ folded:
  // no miss; an accusative-only word after a verb form: 66; a surname's sentence-start form before a verb
  // that cannot agree with it (session 8): 65. Batch 5 (209; written the same way): 70 unseen; that surname
  // rule and more verbs that take an infinitive: 67.
  it.each([
    ["2", HOMONYM_HOLDOUT_2, 40],
    ["3", HOMONYM_HOLDOUT_3, 42],
    ["4", HOMONYM_HOLDOUT_4, 65],
    ["5", HOMONYM_HOLDOUT_5, 67],
  ] as const)(
    "held-out batch %s: index and reference agree, no miss, false alerts at their measured level",
    (_, cases, most) => {
      const { falseAlerts, misses } = score(cases);
      expect(misses).toBe(0);
      expect(falseAlerts).toBeLessThanOrEqual(most);
    },
  );

  it.each([
    // a link verb agrees with its predicate; a living subject that agrees makes a singular past form the verb
    ["мыло", "Завод мыла закрыт", true],
    ["мыло", "Цех мыла закрыт на ремонт", true],
    ["сталь", "Стали известны подробности", false],
    ["мыло", "Уборщица мыла полы", false],
    ["мыло", "Продавщица мыла посуду", false],
    ["мыло", "Цена мыла выросла", true],
    ["мыло", "Производитель мыла обанкротился", true],
    ["сталь", "Производители стали повысили цены", true],
    ["стекло", "Производство стекла выросло", true],
    // a noun form that is also a short adjective
    ["Рада", "Певица заявила, что рада вернуться", false],
    ["Рада", "«Очень рада»: министр о назначении", false],
    ["Рада", "Она рада победе", false],
    ["Рада", "Рада приняла закон", true],
    ["Рада", "Верховная рада продлила военное положение", true],
    ["право", "Суд признал право на компенсацию", true],
    ["право", "Она права: цены выросли", false],
    // an all-capitals headline's first word is a sentence start
    ["газ", "ГАЗА: ЧИСЛО ЖЕРТВ РАСТЁТ", false],
    ["газ", "ГАЗА СТАЛО МЕНЬШЕ В ХРАНИЛИЩАХ", true],
    ["газ", "Газа стало меньше в хранилищах", true],
    ["газ", "Газа осталась без света", false],
    // at a sentence start the verb after the word agrees with the subject
    ["сахар", "САХАРА ЗАЦВЕЛА ПОСЛЕ ЛИВНЕЙ", false],
    ["сахар", "Сахара наступает на юг", false],
    ["сахар", "Сахара стало меньше на полках", true],
    ["сахар", "САХАРА НЕ ХВАТАЕТ", true],
    ["германий", "Германия закрыла ТЭС", false],
    ["газ", "ЦЕНЫ НА ГАЗ ВЫРОСЛИ", true],
    ["газ", "ТРАНЗИТ ГАЗА ПРЕКРАЩЁН", true],
    ["германий", "ГЕРМАНИЯ ЗАКРЫЛА ТЭС", false],
    ["германий", "ЭКСПОРТ ГЕРМАНИЯ СОКРАТИЛСЯ", true],
    // a name with one form (indeclinable) is guarded like any other: lower case is the common word
    ["Белых", "Численность белых медведей выросла", false],
    ["Белых", "Никита Белых вышел на свободу", true],
    ["Белых", "Суд освободил Белых досрочно", true],
    ["Того", "Помимо того, компания сократила дивиденды", false],
    ["Того", "Президент Того переизбран", true],
    ["Дали", "Власти дали добро на стройку", false],
    ["Дали", "Выставка Дали откроется в марте", true],
    // a name that is also an adjective, at a sentence start before a noun that agrees with it: the adjective
    ["Мирный", "Мирный процесс зашёл в тупик", false],
    ["Мирный", "МИРНЫЙ ДОГОВОР ПОДПИСАН", false],
    ["Белых", "Белых медведей стало больше", false],
    ["Мирный", "Мирный получит новый аэропорт", true],
    ["Мирный", "Аэропорт Мирный закрыт из-за тумана", true],
    ["Мирный", "Жители Мирного жалуются на цены", true],
    ["Белых", "Белых отпустили из колонии", true],
    ["мирный", "Мирный процесс зашёл в тупик", true],
  ] as const)("batch-2/3 rule: %s ← %s: %s", (query, text, hit) => {
    expectJudged(query, text, hit);
  });

  it("the same sentence inside a summary is judged the same way (mid-text sentence starts)", () => {
    const q = parseQuery("германий");
    expect(matchQuery(q, { title: "Новости", summary: "Итоги недели. Германия закрыла ТЭС." })).toBeNull();
    expect(matchQuery(q, { title: "Новости", summary: "Итоги недели. Германий подорожал." })).toEqual([
      "германий",
    ]);
  });

  it("the /subscribe explanation names the rival in one line", () => {
    const ru = (q: string) => explainQuery(parseQuery(q), (key, vars) => translate("ru", key, vars));
    expect(ru("германий")).toContain("германий — не путаю с «Германия»");
    expect(ru("сталь")).toContain("сталь — не путаю с «стать»");
    expect(ru("литий")).not.toContain("не путаю");
    const en = (q: string) => explainQuery(parseQuery(q), (key, vars) => translate("en", key, vars));
    expect(en("германий")).toContain("германий — not to be confused with «Германия»");
    expect(en("Turkey")).toContain("Turkey — not to be confused with «turkey»");
    expect(en("China OR lithium")).toContain("China — not to be confused with «china»");
    // a country the dictionary knows only as a name: lower case is still not the country, with nothing to name
    expect(ru("Чили")).not.toContain("не путаю");
    expect(ru("Турция")).not.toContain("не путаю");
  });
});

describe("a capitalised word alone in quotes is the name only", () => {
  it.each([
    ['"Магнит"', "Физики создали сверхпроводящий магнит", false],
    ['"Магнит"', "Редкоземельные металлы нужны для производства магнитов", false],
    ['"Магнит"', "Акции «Магнита» подорожали на 5%", true],
    ['"Магнит"', "МАГНИТ ОТКРЫЛ 500 МАГАЗИНОВ ЗА ГОД", true],
    // a sentence start says nothing: the name is kept
    ['"Магнит"', "Магнит открыл 500 магазинов за год", true],
    ['"Лента"', "Губернатор перерезал красную ленту на открытии моста", false],
    ['"Лента"', "«Лента» купила сеть магазинов «Монетка»", true],
    ['"Shell"', "Artillery shell hits apartment block in Kharkiv", false],
    ['"Shell"', "Regulator targets shell companies", false],
    ['"Shell"', "Investors await results from Shell and BP", true],
    ['"Shell" OR "Apple"', "Polish apple exports collapse", false],
    ['"Shell" OR "Apple"', "Apple cuts iPhone prices in China", true],
    // a name with no lower-case meaning, a lower-case word in quotes, and the word without quotes: unchanged
    ['"Газпром"', "акции газпрома выросли", true],
    ['"магнит"', "Физики создали сверхпроводящий магнит", true],
    ["Магнит", "Физики создали сверхпроводящий магнит", true],
    ["Shell", "Artillery shell hits apartment block in Kharkiv", true],
  ] as const)("%s ← %s: %s", (query, text, hit) => {
    expectJudged(query, text, hit);
  });
});

describe("abbreviations in title case", () => {
  it.each([
    ["OPEC", "Opec+ agrees to cut output", true],
    ["NATO", "Nato summit opens", true],
    ["НАТО", "Нато расширяется", true],
    ["NATO", "nato summit", false],
    ["ОПЕК", "Опек над детьми стало больше", false],
    ["ЦБ", "Цб повысил ставку", false],
    ["FED", "Fed raises rates", false],
    ["!NATO", "Nato summit", false],
  ] as const)("%s ← %s: %s", (query, text, hit) => {
    expectJudged(query, text, hit);
  });
});
