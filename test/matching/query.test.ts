import { describe, expect, it } from "vitest";
import { translate } from "../../src/locale.js";
import { explainQuery } from "../../src/matching/query/explain.js";
import {
  formatQuery,
  MAX_QUERY_LENGTH,
  MAX_TERMS,
  parseQuery,
  QueryError,
} from "../../src/matching/query/query.js";

function thrown(text: string): QueryError {
  try {
    parseQuery(text);
  } catch (err) {
    if (err instanceof QueryError) return err;
    throw err;
  }
  throw new Error(`parsed: ${text}`);
}

describe("parseQuery rejects bad queries, saying what to fix in the chat's language", () => {
  it.each<[string, string, RegExp]>([
    ["empty", "", /Пустой запрос/],
    ["only spaces", "   \t ", /Пустой запрос/],
    ["only punctuation", "… , ; !", /нет ни одного слова/],
    ["unclosed quote", '"ставка ЦБ', /Незакрытая кавычка/],
    ["unclosed typographic quote", "литий «ставка ЦБ", /Незакрытая кавычка/],
    ["empty phrase", 'литий ""', /Пустые кавычки/],
    ["only exclusions", "-Китай -США", /только исключения/],
    ["only an exact exclusion", "-!стали", /только исключения/],
    ["OR at start", "OR литий", /OR должно стоять между/],
    ["OR at end", "литий OR", /OR должно стоять между/],
    ["OR OR", "литий OR OR никель", /OR должно стоять между/],
    ["exclusion after OR", "литий OR -никель", /после OR/],
    ["star in the middle", "ре*дкий", /только в конце слова/],
    ["star alone", "литий *", /только в конце слова/],
    ["short prefix", "ли*", /хотя бы 3 буквы/],
    ["too long", "литий ".repeat(40), /не больше 200 символов/],
    ["too many words", Array.from({ length: 21 }, (_, i) => `слово${i}`).join(" "), /не больше 20/],
    ["NEAR with one word", "NEAR/5 литий", /NEAR\/n ставится между двумя отдельными словами/],
    ["NEAR before an exclusion", "литий NEAR/5 -Китай", /NEAR\/n ставится между/],
    ["NEAR too far", "литий NEAR/99 Китай", /n от 1 до 50/],
    ["source: without a word", "литий source:", /source: пишется со словом/],
    ["too many words inside phrases", `"${"а б в г д е ж з и к ".repeat(2)}" л`, /не больше 20/],
  ])("%s", (_name, text, message) => {
    expect(() => parseQuery(text)).toThrow(QueryError);
    const error = thrown(text);
    expect(translate("ru", error.key, error.vars)).toMatch(message);
    // The same problem in English, with no Russian left but the user's own word.
    const english = translate("en", error.key, error.vars);
    expect(english).not.toBe(error.key);
    const bare = Object.values(error.vars).reduce<string>(
      (text, value) => text.replace(String(value), ""),
      english,
    );
    expect(bare).not.toMatch(/\p{Script=Cyrillic}/u);
  });

  it("accepts exactly the limits", () => {
    expect(() => parseQuery("а".repeat(MAX_QUERY_LENGTH))).not.toThrow();
    expect(() => parseQuery(Array.from({ length: MAX_TERMS }, (_, i) => `w${i}`).join(" "))).not.toThrow();
    expect(() => parseQuery("лит*")).not.toThrow();
  });

  it("QueryError is an Error with its class name", () => {
    const error = (() => {
      try {
        parseQuery("");
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).name).toBe("QueryError");
  });
});

describe("formatQuery: canonical text", () => {
  it.each<[string, string]>([
    ["литий", "литий"],
    ["  Литий   НИКЕЛЬ  ", "литий никель"],
    ["Мёд", "мед"],
    ["ставка ЦБ", "ставка ЦБ"],
    ["«ставка ЦБ»", '"ставка ЦБ"'],
    ["“ставка   цб”", '"ставка цб"'],
    ["Редкоземельн*", "редкоземельн*"],
    ["литий or никель", "литий or никель"],
    ["литий OR никель", "литий OR никель"],
    ["РЗМ −Китай", "РЗМ -китай"],
    ["РЗМ —Китай", "РЗМ -китай"],
    ["!Стали", "!стали"],
    ["-!лития литий", "литий -!лития"],
    ["литий литий", "литий"],
    ["литий OR литий", "литий"],
    ["РЗМ-кластер", "РЗМ-кластер"],
    ["S&P", "s-p"],
    ["литий - никель", "литий никель"],
    ["ГАЗПРОМ", "газпром"],
    ["ЛИТИЙ", "литий"],
    ["НИКЕЛЬ OR НЕФТЬ", "никель OR нефть"],
    ["!ЛИТИЙ", "!литий"],
    ["ОПЕК", "ОПЕК"],
    ["НАТО", "НАТО"],
    ["СМИ", "СМИ"],
    ["РАН", "РАН"],
    ["Pосатом", "росатом"],
    ["Путина", "Путина"],
    ["путина", "путина"],
    ["Москва", "москва"],
    ['!"ставка ЦБ"', '!"ставка ЦБ"'],
    ['-"ставка ЦБ" литий', 'литий -"ставка ЦБ"'],
  ])("%s → %s", (input, canonical) => {
    expect(formatQuery(parseQuery(input))).toBe(canonical);
  });

  it.each([
    ["ЛИТИЙ", "литий"],
    ["НИКЕЛЬ", "никель"],
    ["НЕФТЬ -ЗОЛОТО", "нефть -золото"],
  ])("all-caps dictionary word %s is the same subscription as %s", (caps, lower) => {
    expect(formatQuery(parseQuery(caps))).toBe(formatQuery(parseQuery(lower)));
    expect(parseQuery(caps).must).toEqual(parseQuery(lower).must);
  });

  it.each([
    "литий",
    "ЛИТИЙ",
    "ставка ЦБ",
    '"ставка ЦБ" OR ФРС -США',
    "редкоземельн* металлы",
    "-!лития литий",
    "РЗМ-кластер",
    '!"ставка ЦБ"',
    "Путина Иванов",
  ])("re-parsing %s gives the same canonical text and the same structure", (input) => {
    const once = parseQuery(input);
    const twice = parseQuery(formatQuery(once));
    expect(formatQuery(twice)).toBe(formatQuery(once));
    expect(twice.must).toEqual(once.must);
    expect(twice.not).toEqual(once.not);
  });

  it("keeps the source as typed", () => {
    expect(parseQuery("  Литий ").source).toBe("Литий");
  });
});

describe("explainQuery", () => {
  it.each<[string, RegExp[]]>([
    ["литий", [/литий — любые формы: литий, лития, литию/]],
    ["литий", [/^(?![\s\S]*литой)/]],
    ["РАН", [/РАН — сокращение/, /не «ран»/]],
    ["!стали", [/только эта форма: «стали»/]],
    ["редкоземельн*", [/начинается на «редкоземельн»/]],
    ['"ставка ЦБ"', [/подряд и в этом порядке/, /ставка — любые формы/, /ЦБ — сокращение/]],
    ["литий OR никель", [/одно из: литий ИЛИ никель/]],
    ["РЗМ -Китай", [/всё это/, /Но не пришлю, если есть:\n• китай — любые формы: китай, китая/]],
    ["Росатом", [/росатом — формы по окончанию: росатом, росатома/]],
    ["earths", [/earths — формы: earths, earth/]],
    ["2025", [/2025 — только это слово целиком/]],
  ])("%s", (input, patterns) => {
    const text = explainQuery(parseQuery(input), (key, vars) => translate("ru", key, vars));
    for (const pattern of patterns) expect(text).toMatch(pattern);
  });

  it.each<[string, RegExp[]]>([
    ["литий", [/^I'll send a story if its headline or text has:\n• литий — any form: литий, лития, литию/]],
    ["РАН", [/РАН — an abbreviation: only a word of its own written in capitals/, /not «ран»/]],
    [
      "NATO",
      [/NATO — an abbreviation: a word of its own, in capitals or with a capital \(Nato\), but not «nato»/],
    ],
    ["!стали", [/only this form: «стали»/]],
    ["редкоземельн*", [/any word that begins with «редкоземельн»/]],
    ['"ставка ЦБ"', [/the words next to each other, in this order:\n {3}· ставка — any form/]],
    ["lithium OR nickel", [/• one of: lithium OR nickel\n/, /◦ lithium — forms: lithium, lithiums/]],
    ["lithium NEAR/5 China", [/both words within 5 words of each other, in either order/]],
    [
      "РЗМ -Китай source:interfax -source:lenta",
      [
        /all of this/,
        /But not if it has:\n• китай — any form/,
        /Only from feeds whose address or title contains: interfax/,
        /Except feeds whose address or title contains: lenta/,
      ],
    ],
    ["Росатом", [/росатом — forms by ending: росатом, росатома/]],
    ["2025", [/2025 — only this whole word/]],
  ])("in English: %s", (input, patterns) => {
    const q = parseQuery(input);
    const text = explainQuery(q, (key, vars) => translate("en", key, vars));
    for (const pattern of patterns) expect(text).toMatch(pattern);
    // No Russian phrase is left: every Cyrillic word shown is one of the query's own words or forms.
    const terms = [...q.must.flatMap((c) => c.alternatives), ...q.not];
    const own = new Set(
      terms.flatMap((t) => t.slots.flatMap((slot) => [...slot.keys, slot.text.toLowerCase()])),
    );
    const shown = text.match(/\p{Script=Cyrillic}+/gu) ?? [];
    expect(shown.filter((word) => !own.has(word.toLowerCase()))).toEqual([]);
  });
});
