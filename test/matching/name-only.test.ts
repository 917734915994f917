import { describe, expect, it } from "vitest";
import { translate } from "../../src/locale.js";
import { explainQuery, formatQuery, nameOnlyQuery, parseQuery } from "../../src/matching/index.js";

describe("a name in quotes: its canonical text and its explanation", () => {
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
