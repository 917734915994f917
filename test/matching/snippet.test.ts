import { describe, expect, it } from "vitest";
import {
  BOLD_END,
  BOLD_START,
  matchedSentence,
  SNIPPET_MAX_CHARS,
} from "../../src/matching/query/snippet.js";

const shown = (s: string | null) => s?.replaceAll(BOLD_START, "[").replaceAll(BOLD_END, "]") ?? null;

describe("the quoted sentence (issue 11)", () => {
  it("bolds only the occurrences matching accepts: the metal, not the country", () => {
    const item = {
      title: "Обзор рынка",
      summary: "Итоги недели. Германия ограничила экспорт германия и галлия.",
    };
    expect(shown(matchedSentence(item, ["германий"]))).toBe(
      "Германия ограничила экспорт [германия] и галлия.",
    );
  });

  it("bolds the verb's homonym never, the noun always (стали)", () => {
    const item = { title: "Обзор", summary: "Цены стали расти, а выплавка стали упала." };
    expect(shown(matchedSentence(item, ["сталь"]))).toBe("Цены стали расти, а выплавка [стали] упала.");
  });

  it("cuts a long sentence around its first match, whole words, with the match in bold", () => {
    const filler = "очень длинное вступление о рынке ".repeat(12);
    const item = {
      title: "Обзор",
      summary: "",
      body: `${filler}Германия и Китай ограничили экспорт германия ${filler}.`,
    };
    const quote = shown(matchedSentence(item, ["германий"])) as string;
    expect(quote.startsWith("…")).toBe(true);
    expect(quote.endsWith("…")).toBe(true);
    expect(quote).toContain("экспорт [германия]");
    expect(quote).not.toContain("[Германия]");
    expect(quote.replace(/[[\]…]/g, "").length).toBeLessThanOrEqual(SNIPPET_MAX_CHARS);
    // Whole words at both cuts.
    expect(/^…(очень|длинное|вступление|о|рынке|Германия) /u.test(quote)).toBe(true);
  });

  it("quotes nothing when the headline already shows the match", () => {
    expect(
      matchedSentence({ title: "Германий дорожает", summary: "Экспорт германия упал." }, ["германий"]),
    ).toBeNull();
  });
});
