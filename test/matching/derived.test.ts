import { describe, expect, it } from "vitest";
import { derivedWords, matchQuery, parseQuery, widenQuery } from "../../src/matching/index.js";

describe("derived words on request", () => {
  it.each([
    ["литий", ["литиевый"]],
    ["никель", ["никелевый"]],
    ["медь", ["медный"]],
    ["германий", ["германиевый"]],
    ["газ", ["газовый"]],
    // No adjective of another word: not литой for литий, not германский for германий, nothing for names.
    ["Москва", []],
    ["литва", []],
    ["золото", []],
  ])("%s → %j", (word, expected) => {
    expect(derivedWords(word)).toEqual(expected);
  });

  it("nothing widens silently: литий alone misses «литиевых», the widened query catches it", () => {
    const item = { title: "Производство литиевых аккумуляторов", summary: "" };
    const q = parseQuery("литий Китай -Чили source:tass");
    expect(matchQuery(parseQuery("литий"), item)).toBeNull();
    const wider = widenQuery(q);
    // «Чили» keeps its capital: lower-case «чили» is the pepper (terms.ts).
    expect(wider).toEqual({ text: "литий OR литиевый китай -Чили source:tass", added: ["литиевый"] });
    expect(matchQuery(parseQuery("литий OR литиевый"), item)).toEqual(["литиевый"]);
    expect(widenQuery(parseQuery(wider?.text ?? ""))).toBeNull();
  });
});
