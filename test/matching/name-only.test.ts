import { describe, expect, it } from "vitest";
import { translate } from "../../src/locale.js";
import {
  explainQuery,
  formatQuery,
  matchQuery,
  nameOnlyQuery,
  parseQuery,
  SubscriptionIndex,
} from "../../src/matching/index.js";

// The reference evaluator's answer, checked against the index on the same case.
function hits(query: string, title: string): boolean {
  const q = parseQuery(query);
  const index = new SubscriptionIndex();
  index.add(1, q);
  const reference = matchQuery(q, { title, summary: "" }) !== null;
  expect(index.match({ title, summary: "" }).length === 1, `${query} ← ${title}`).toBe(reference);
  return reference;
}

describe("a capitalised word in quotes is the name only", () => {
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
  ] as const)("%s ← %s: %s", (query, title, hit) => {
    expect(hits(query, title)).toBe(hit);
  });

  it("keeps its capital through the canonical text, and says in one line what it leaves out", () => {
    expect(formatQuery(parseQuery('"Магнит"'))).toBe('"Магнит"');
    expect(formatQuery(parseQuery("Магнит"))).toBe("магнит");
    const ru = explainQuery(parseQuery('"Магнит"'), (key, vars) => translate("ru", key, vars));
    expect(ru).toBe(
      "Пришлю новость, если в заголовке или тексте есть:\n" +
        "• Магнит — любые формы: магнит, магнита, магниту, магнитом, магните, магниты…\n" +
        "     Магнит — только с заглавной буквы, как имя: не «магнит»",
    );
    const en = explainQuery(parseQuery('"Shell"'), (key, vars) => translate("en", key, vars));
    expect(en).toContain("Shell — only with a capital, as a name: not «shell»");
  });
});

describe("nameOnlyQuery: names on request", () => {
  it("offers every capitalised required word whose lower-case word means something of its own", () => {
    expect(nameOnlyQuery(parseQuery("литий Магнит -Китай"))).toEqual({
      text: 'литий "Магнит" -китай',
      names: ["Магнит"],
    });
    expect(nameOnlyQuery(parseQuery("Shell OR Apple"))).toEqual({
      text: '"Shell" OR "Apple"',
      names: ["Shell", "Apple"],
    });
  });

  it("offers nothing for lower case, names without a lower-case meaning, exclusions and guarded names", () => {
    for (const query of ["магнит", "Газпром", "литий -Магнит", "Turkey", "Путин", '"Магнит"', "Магн*"])
      expect(nameOnlyQuery(parseQuery(query)), query).toBeNull();
  });

  it("from a button: the names typed, applied to the stored query that lost their capitals", () => {
    const stored = parseQuery(formatQuery(parseQuery("Магнит OR литий")));
    expect(nameOnlyQuery(stored)).toBeNull();
    const narrowed = nameOnlyQuery(stored, ["Магнит"]);
    expect(narrowed).toEqual({ text: '"Магнит" OR литий', names: ["Магнит"] });
    // Pressed again: nothing left to narrow; a name that is not in the query changes nothing.
    expect(nameOnlyQuery(parseQuery(narrowed?.text ?? ""), ["Магнит"])).toBeNull();
    expect(nameOnlyQuery(stored, ["Лента"])).toBeNull();
  });
});
