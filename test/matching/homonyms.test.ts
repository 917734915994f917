import { describe, expect, it } from "vitest";
import { explainQuery, matchQuery, parseQuery, SubscriptionIndex } from "../../src/matching/index.js";
import { HOMONYM_CASES, HOMONYM_HOLDOUT, type HomonymCase } from "./homonym-cases.js";

function judge([query, text]: HomonymCase): { reference: boolean; index: boolean } {
  const q = parseQuery(query);
  const index = new SubscriptionIndex();
  index.add(1, q);
  // Once in the title, once as the second sentence of the summary: the same decision either way.
  const item = { title: text, summary: "" };
  return { reference: matchQuery(q, item) !== null, index: index.match(item).length === 1 };
}

describe("a word is not another word that shares a form", () => {
  it.each(HOMONYM_CASES.map((c) => [c[0], c[1], c[2]] as const))("%s ← %s: %s", (query, text, hit) => {
    const { reference, index } = judge([query, text, hit]);
    expect(reference).toBe(hit);
    expect(index).toBe(reference);
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

  it("the same sentence inside a summary is judged the same way (mid-text sentence starts)", () => {
    const q = parseQuery("германий");
    expect(matchQuery(q, { title: "Новости", summary: "Итоги недели. Германия закрыла ТЭС." })).toBeNull();
    expect(matchQuery(q, { title: "Новости", summary: "Итоги недели. Германий подорожал." })).toEqual([
      "германий",
    ]);
  });

  it("the /subscribe explanation names the rival in one line", () => {
    expect(explainQuery(parseQuery("германий"))).toContain("германий — не путаю с «Германия»");
    expect(explainQuery(parseQuery("сталь"))).toContain("сталь — не путаю с «стать»");
    expect(explainQuery(parseQuery("литий"))).not.toContain("не путаю");
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
    const { reference, index } = judge([query, text, hit]);
    expect(reference).toBe(hit);
    expect(index).toBe(reference);
  });
});
