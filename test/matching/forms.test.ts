import { describe, expect, it } from "vitest";
import { englishForms } from "../../src/matching/words/english.js";
import { guessForms } from "../../src/matching/words/guess-forms.js";
import { lexemeForms } from "../../src/matching/words/morphology.js";

describe("lexemeForms (OpenCorpora via az)", () => {
  it.each<[string, string[], string[]]>([
    // word, must contain, must not contain
    ["литий", ["литий", "лития", "литием", "литиях"], ["лить", "литой", "литва"]],
    ["сталь", ["стали", "сталью", "сталей"], ["стала", "стал", "стать"]],
    ["стали", ["сталь", "сталью"], ["стала", "стать"]],
    ["медь", ["меди", "медью"], ["мед", "меда"]],
    ["мед", ["мед", "меда", "меду", "медом"], ["медь", "меди"]],
    ["иванов", ["иванова", "ивановым"], ["иван", "ивану"]],
    ["путин", ["путина", "путину", "путиным"], ["путинам"]],
    ["шанхай", ["шанхая", "шанхае"], ["шанха"]],
    ["ран", ["рана", "раны", "ранами"], []],
    ["металлы", ["металл", "металлов", "металлами"], []],
    ["редкоземельные", ["редкоземельный", "редкоземельных", "редкоземельная"], []],
    ["газ", ["газа", "газом", "газы"], ["газпром"]],
  ])("%s", (word, include, exclude) => {
    const forms = lexemeForms(word) ?? [];
    for (const form of include) expect(forms).toContain(form);
    for (const form of exclude) expect(forms).not.toContain(form);
    expect(forms.every((f) => !f.includes("ё"))).toBe(true);
  });

  it.each(["росатом", "набиуллина", "байден", "рзм", "кызылкумредмет"])("does not know %s", (word) => {
    expect(lexemeForms(word)).toBeNull();
  });
});

describe("guessForms (names the dictionary lacks)", () => {
  it.each<[string, string[], string[]]>([
    ["росатом", ["росатома", "росатому", "росатомом", "росатоме"], ["росат"]],
    ["байден", ["байдена", "байдену", "байденом"], ["байде"]],
    ["набиуллина", ["набиуллиной", "набиуллину"], ["набиуллин"]],
    ["шмурцин", ["шмурцина", "шмурциным", "шмурцине"], ["шмурцинам"]],
    ["шмурц", ["шмурца", "шмурцем"], []],
    ["сбербанковский", ["сбербанковского", "сбербанковская"], []],
    ["ташкентия", ["ташкентии", "ташкентией"], []],
  ])("%s", (word, include, exclude) => {
    const forms = guessForms(word);
    expect(forms).toContain(word);
    for (const form of include) expect(forms).toContain(form);
    for (const form of exclude) expect(forms).not.toContain(form);
  });

  it.each(["токио", "рено", "сочи", "кии", "abc", "ф1"])("keeps %s as is", (word) => {
    expect(guessForms(word)).toEqual([word]);
  });
});

describe("englishForms", () => {
  it.each<[string, string[]]>([
    ["earth", ["earth", "earths"]],
    ["earths", ["earths", "earth"]],
    ["battery", ["battery", "batteries"]],
    ["batteries", ["batteries", "battery"]],
    ["gas", ["gas", "gases"]],
    ["gases", ["gases", "gas"]],
    ["news", ["news", "newses"]],
    ["tariffs", ["tariffs", "tariff"]],
    ["box", ["box", "boxes"]],
    ["crisis", ["crisis", "crisises"]],
    ["ai", ["ai"]],
  ])("%s", (word, forms) => {
    expect(englishForms(word)).toEqual(forms);
  });
});
