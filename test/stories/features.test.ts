import { describe, expect, it } from "vitest";
import {
  actionsConflict,
  causesConflict,
  followUpConflict,
  polarityConflict,
  reversalConflict,
  scopesConflict,
} from "../../src/stories/actions.js";
import { storyFeatures } from "../../src/stories/features.js";
import { numbersOf, numberWord, sameNumber } from "../../src/stories/numbers.js";
import {
  DEFAULT_PARAMS,
  mentionsNumber,
  namesConflict,
  numbersConflict,
  storySimilarity,
  templateSwap,
} from "../../src/stories/similarity.js";

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

describe("region names", () => {
  it("folds a region's official, informal and short names into one token, in any case", () => {
    const names = (title: string) => [...storyFeatures(title, "").titleNames];
    expect(names("Кобзев объявил режим ЧС в Приангарье")).toContain(names("Иркутская область")[0]);
    expect(names("В Приамурье разбился Ан-24")).toEqual(names("в Амурской области"));
    expect(names("Пожар на Ямале")).toEqual(names("Пожар в ЯНАО"));
    expect(names("в Югре")).toEqual(names("в Ханты-Мансийском автономном округе"));
    expect(names("в Петербурге")).toEqual(names("в Санкт-Петербурге"));
    expect(names("на Среднем Урале")).toEqual(names("в Свердловской области"));
    // Two regions stay two, and a region's capital is not the region.
    expect(names("в Забайкалье")).not.toEqual(names("в Приангарье"));
    expect(names("в Иркутске")).not.toEqual(names("в Иркутской области"));
  });

  it("lets a re-report name the region either way without a name conflict", () => {
    const official = storyFeatures("В Иркутской области ввели режим ЧС", "Горят леса.");
    const informal = storyFeatures("В Приангарье объявили режим ЧС", "Горят леса.");
    expect(namesConflict(official, informal)).toBe(false);
    expect(namesConflict(official, storyFeatures("В Забайкалье ввели режим ЧС", "Горят леса."))).toBe(true);
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

describe("what the headline says happened", () => {
  const f = storyFeatures;

  it("takes the headline's main verb, skipping speech, modal and support verbs", () => {
    expect(f("«Лукойл» может выплатить 397 рублей на акцию", "").titlePredicate).toBe("выплатить");
    expect(f("В Минфине заявили, что разместят ОФЗ", "").titlePredicate).toBe("разместить");
    expect(f("Путин провел телефонный разговор с Эрдоганом", "").titlePredicate).toBe("разговор");
    expect(f("Пользователи сообщили о сбое", "").titlePredicate).toBeNull();
  });

  it("sees another action by the same body on the same object, but not a synonym or a shared figure", () => {
    const placed = f("Минфин разместил ОФЗ на 30 млрд рублей", "Спрос на аукционе составил 60 млрд рублей.");
    const cancelled = f("Минфин отменил аукцион ОФЗ в среду", "Министерство сослалось на ситуацию на рынке.");
    expect(actionsConflict(placed, cancelled, mentionsNumber)).toBe(true);
    const sold = f("Министерство финансов продало облигации", "Аукцион прошел в среду.");
    expect(actionsConflict(placed, sold, mentionsNumber)).toBe(false);
    // A shared headline figure is one event told from two sides («установил» / «опустился»).
    const set = f("ЦБ установил курс доллара на 82,15 рубля", "");
    const fell = f("Курс доллара опустился до 82,15 рубля", "");
    expect(actionsConflict(set, fell, mentionsNumber)).toBe(false);
    // A rise and a fall are two events even with one figure («на 0,5 п.п.»), and a year is no shared figure.
    const up = f("Банк повысил ставки по ипотеке на 0,5 п.п.", "");
    const down = f("Банк снизил ставки по вкладам на 0,5 п.п.", "");
    expect(actionsConflict(up, down, mentionsNumber)).toBe(true);
  });

  it("reads «не» before the predicate or before a light verb ahead of it", () => {
    expect(f("ЦБ не стал менять ключевую ставку", "").titleNegated).toBe(true);
    expect(f("Минфин не будет продавать валюту", "").titleNegated).toBe(true);
    expect(f("ЦБ сохранил ключевую ставку, не изменив прогноз", "").titleNegated).toBe(false);
  });

  it("sees an action that did not happen against one that did, on the two headlines' predicates", () => {
    const sold = f("Компания продала зарубежные активы", "Сделка закрыта.");
    const refused = f("Компания отказалась от продажи зарубежных активов", "Переговоры прекращены.");
    expect(polarityConflict(sold, refused)).toBe(true);
    expect(polarityConflict(sold, f("Компания продала активы за рубежом", ""))).toBe(false);
    // The lead or the first headline naming the refusal («за отказ», «выплату») does not hide it.
    const fined = f("Суд оштрафовал Apple на 2 млн рублей за отказ локализовать данные", "");
    expect(polarityConflict(fined, f("Суд отказался оштрафовать Apple", ""))).toBe(true);
    expect(polarityConflict(fined, f("Суд не стал штрафовать Apple", ""))).toBe(true);
    const paid = f("ВТБ выплатит дивиденды за 2025 год", "");
    const put = f("ВТБ перенес решение о дивидендах на осень", "Совет не стал рекомендовать выплату.");
    expect(polarityConflict(paid, put)).toBe(true);
    // Two ways of saying no, a negated change that is a keeping, a halt, and «не исключил» are no conflict.
    expect(polarityConflict(refused, f("Компания не стала продавать зарубежные активы", ""))).toBe(false);
    expect(polarityConflict(f("ЦБ не стал менять ставку", ""), f("ЦБ сохранил ставку", ""))).toBe(false);
    expect(
      polarityConflict(
        f("Минфин не будет продавать валюту", ""),
        f("Минфин приостановил продажи валюты", ""),
      ),
    ).toBe(false);
    expect(
      polarityConflict(f("Песков не исключил встречи Путина и Трампа", ""), f("Кремль допустил встречу", "")),
    ).toBe(false);
  });

  it("sees an action undone by the other headline's, though its item names the first", () => {
    const declared = f("Глава края ввел режим ЧС из-за тайфуна", "Подтоплены 600 домов.");
    const lifted = f("В крае отменили режим ЧС, введенный из-за тайфуна", "Вода ушла.");
    expect(reversalConflict(declared, lifted)).toBe(true);
    expect(polarityConflict(declared, lifted)).toBe(true);
    expect(reversalConflict(declared, f("В крае объявили режим ЧС из-за тайфуна", ""))).toBe(false);
    const halted = f("Мосбиржа приостановила торги акциями", "");
    expect(reversalConflict(halted, f("Мосбиржа возобновила торги акциями", ""))).toBe(true);
  });

  it("sees two causes, by their head nouns", () => {
    const failure = f("Мосбиржа приостановила торги из-за технического сбоя", "");
    const jump = f("Мосбиржа приостановила торги из-за резкого роста цены", "");
    expect(failure.titleCause).toBe("сбой");
    expect(causesConflict(failure, jump)).toBe(true);
    const told = f("Торги на бирже остановлены из-за сбоя", "");
    expect(causesConflict(failure, told)).toBe(false);
  });

  it("sees the whole against a part", () => {
    const all = f("Мосбиржа приостановила торги всеми инструментами", "");
    const one = f("Мосбиржа приостановила торги одной акцией", "");
    expect(scopesConflict(all, one)).toBe(true);
    expect(
      scopesConflict(
        all,
        f("Мосбиржа приостановила торги одной акцией", "Позже были остановлены все торги."),
      ),
    ).toBe(false);
  });

  it("tells a template kept word for word with another object from a reworded re-report", () => {
    const drinks = f("Госдума приняла закон о запрете продажи энергетиков детям", "");
    const vapes = f("Госдума приняла закон о запрете продажи вейпов детям", "");
    expect(templateSwap(drinks, vapes)).toBe("slot");
    const kept = f("ЦБ сохранил ключевую ставку на уровне 16,5%", "");
    const left = f("Банк России оставил ключевую ставку без изменений — 16,5%", "");
    expect(templateSwap(kept, left)).toBe("swap");
  });
});

describe("round 5: follow-ups, ordinals, commodities, wordings", () => {
  const flat = () => 1;

  it("sees a follow-up (prolonged, appealed, again) the other item never tells", () => {
    const arrest = storyFeatures("Суд арестовал бывшего замглавы Минобороны", "Обвиняемый отправлен в СИЗО.");
    const prolonged = storyFeatures("Суд продлил арест бывшему замглавы Минобороны", "Он останется в СИЗО.");
    expect(followUpConflict(arrest, prolonged)).toBe(true);
    const fined = storyFeatures("Суд оштрафовал Telegram", "Мессенджер не удалил запрещенную информацию.");
    const again = storyFeatures(
      "Telegram повторно оштрафовали",
      "Мессенджер не удалил запрещенную информацию.",
    );
    expect(followUpConflict(fined, again)).toBe(true);
    expect(storySimilarity(fined, again, flat)).toBeLessThan(
      storySimilarity(fined, again, flat, { ...DEFAULT_PARAMS, followUpConflict: 1 }),
    );
    // Two reports of the prolongation, however worded, are no conflict.
    const alsoProlonged = storyFeatures("Экс-замминистра обороны оставили в СИЗО", "Суд продлил ему арест.");
    expect(followUpConflict(prolonged, alsoProlonged)).toBe(false);
  });

  it("reads ordinals as figures: the second round is not the third", () => {
    const second = storyFeatures("Медведев вышел во второй круг Уимблдона", "Он обыграл француза.");
    const third = storyFeatures("Медведев вышел в третий круг Уимблдона", "Он обыграл американца.");
    expect(second.titleNumbers).toContain("2");
    expect(numbersConflict(second, third)).toBe(true);
  });

  it("counts a commodity in a headline as a name: another metal at the same high", () => {
    const aluminium = storyFeatures("Алюминий на LME подорожал до максимума за два года", "");
    const copper = storyFeatures("Медь на LME подорожала до максимума за два года", "");
    expect(aluminium.titleNames).toContain("алюминий");
    expect(namesConflict(aluminium, copper)).toBe(true);
  });

  it("folds one thing's several wordings into one token that is no name", () => {
    const token = (text: string) => [...storyFeatures(text, "").lemmas.keys()];
    const sanctions = storyFeatures("Минфин США ввел санкции против Мосбиржи", "");
    const listed = storyFeatures("США внесли Мосбиржу в SDN-лист", "");
    expect(token("санкционный список")).toEqual(token("санкции"));
    expect(listed.lemmas.has(token("санкции")[0] as string)).toBe(true);
    expect(listed.titleNames).not.toContain(token("санкции")[0]);
    // «ввел» and «внесли» are one action, told of the sanctions.
    expect(actionsConflict(sanctions, listed, mentionsNumber)).toBe(false);
    // A verb folded keeps being the headline's action: «запрещен» is the ban «ввели запрет» tells.
    expect(storyFeatures("Экспорт бензина запрещен до 31 октября", "").titlePredicate).toBe(
      token("запрет")[0],
    );
    expect(token("столкнулся")).toEqual(token("ДТП"));
    expect(token("Лондонская биржа металлов")).toEqual(token("LME"));
  });
});
