import { describe, expect, it } from "vitest";
import { makeItems, makeVocabulary } from "../../bench/matching/corpus.js";
import { decodeEntities, htmlToText } from "../../src/matching/text/html.js";
import {
  cleanForTokens,
  cleanText,
  foldWord,
  isPlainText,
  tokenize,
  tokenizeItem,
} from "../../src/matching/text/normalize.js";
import { TokenBuffer } from "../../src/matching/text/token-buffer.js";
import { reference, view } from "./token-view.js";

const forms = (text: string) => tokenize(cleanText(text)).map((t) => t.form);

describe("cleanText + tokenize: forms", () => {
  it.each<[string, string, string[]]>([
    ["case fold", "ЛИТИЙ Литий литий", ["литий", "литий", "литий"]],
    ["ё → е", "Мёд и ЁЛКИ", ["мед", "и", "елки"]],
    ["decomposed ё/й compose first", "е\u0308ж и\u0306од", ["еж", "йод"]],
    ["stress marks removed", "замо\u0301к", ["замок"]],
    ["soft hyphen inside a word", "ли\u00ADтий", ["литий"]],
    ["zero-width space and joiner", "ли\u200Bти\u200Dй", ["литий"]],
    ["BOM and word joiner", "\uFEFFни\u2060кель", ["никель"]],
    ["nbsp and thin space separate words", "ставка\u00A0ЦБ\u2009РФ", ["ставка", "цб", "рф"]],
    ["NFKC fullwidth and ligatures", "ＡＩ ﬁnance", ["ai", "finance"]],
    ["Latin look-alikes inside a Cyrillic word", "Pосатом PЗM", ["росатом", "рзм"]],
    ["Cyrillic look-alike inside a Latin word", "Аpple", ["apple"]],
    ["pure Latin word stays Latin", "MGC Pharma", ["mgc", "pharma"]],
    [
      "typographic quotes are not letters",
      "«Газпром» „Роснефть“ “Лукойл”",
      ["газпром", "роснефть", "лукойл"],
    ],
    ["em/en dash separate words", "нефть—газ нефть – газ", ["нефть", "газ", "нефть", "газ"]],
    ["digits are tokens", "в 2025 году 5G", ["в", "2025", "году", "5g"]],
    ["apostrophe separates", "O’Neill's", ["o", "neill", "s"]],
  ])("%s", (_name, input, expected) => {
    expect(forms(input)).toEqual(expected);
  });
});

describe("hyphenated compounds yield the whole and each part", () => {
  it.each<[string, string[]]>([
    ["РЗМ-кластеру", ["рзм-кластеру", "рзм", "кластеру"]],
    ["ИИ-ассистент", ["ии-ассистент", "ии", "ассистент"]],
    ["Санкт‑Петербурге", ["санкт-петербурге", "санкт", "петербурге"]],
    ["северо-западе", ["северо-западе", "северо", "западе"]],
  ])("%s", (input, expected) => {
    expect(forms(input)).toEqual(expected);
  });

  it("parts get consecutive positions and the whole shares the first", () => {
    const t = tokenize("новому РЗМ-кластеру");
    expect(t.map((x) => [x.form, x.pos, x.compound])).toEqual([
      ["новому", 0, false],
      ["рзм-кластеру", 1, true],
      ["рзм", 1, false],
      ["кластеру", 2, false],
    ]);
  });
});

describe("capitals (abbreviation keys)", () => {
  it.each<[string, string | null]>([
    ["РАН", "ран"],
    ["ран", null],
    ["Ран", null],
    ["МИДа", "мид"],
    ["ЦБ", "цб"],
    ["MGC", "mgc"],
    ["NGOs", "ngo"],
    ["МИДовский", null],
    ["Я", null],
    ["G7", null],
  ])("%s → %s", (input, caps) => {
    expect(foldWord(input).caps).toBe(caps);
  });
});

describe("HTML", () => {
  it.each<[string, string]>([
    ["<p>Литий</p><p>никель</p>", " Литий  никель "],
    ["ли<b>тий</b>", "литий"],
    ["ли<abbr title='x'>тий</abbr> и<br/>никель", "литий и никель"],
    ["<section>a</section><strong>b</strong><br>c", " a b c"],
    ['<a href="https://x.ru/?a=1&b=2">ссыл</a>ка', "ссылка"],
    ["a&nbsp;b &amp; c &laquo;d&raquo; &#1083;&#x438;", "a b & c «d» ли"],
    ["&amp;nbsp;x", " x"],
    ["&lt;p&gt;escaped&lt;/p&gt;", " escaped "],
    ["<script>var x='литий'</script>ok", " ok"],
    ["<!-- литий -->ok", " ok"],
    ["<![CDATA[литий]]>", "литий"],
    ["&unknown; & ;", "  & ;"],
    ["S&P500 AT&T", "S&P500 AT&T"],
    ["&#0; &#xD800;", "   "],
  ])("%s", (input, expected) => {
    expect(htmlToText(input).replaceAll("\u00a0", " ")).toBe(expected);
  });

  it("decodes entities without touching plain text", () => {
    expect(decodeEntities("без сущностей")).toBe("без сущностей");
    expect(decodeEntities("&shy;")).toBe("");
  });
});

describe("tokenizeItem", () => {
  it("keeps title and summary apart for phrases", () => {
    const t = tokenizeItem("ставка", "ЦБ");
    expect(t.map((x) => x.pos)).toEqual([0, 2]);
  });

  it("leaves a gap at sentence ends", () => {
    const t = tokenize("ставка. ЦБ, ставка ЦБ");
    expect(t.map((x) => x.pos)).toEqual([0, 2, 3, 4]);
  });
});

describe("cleanForTokens skips NFKC only where NFKC would change nothing", () => {
  it("agrees with the full pass on every pair of plain characters and on mixed samples", () => {
    const plain: string[] = [];
    for (let c = 0; c < 0x3000; c++)
      if (isPlainText(String.fromCharCode(c))) plain.push(String.fromCharCode(c));
    expect(plain).toContain("ё");
    expect(plain).not.toContain("\u0301");
    expect(plain).not.toContain("\u00AD");
    expect(plain).not.toContain("\u2026"); // … becomes «...» under NFKC
    // biome-ignore lint/suspicious/noMisleadingCharacterClass: single code points, each removed alone
    const invisible = /[\u00AD\u200B-\u200D\u2060\uFEFF\u180E\u0300-\u036F]/g;
    const slow = (s: string) => s.normalize("NFKC").replace(invisible, "");
    let bad = 0;
    for (let i = 0; i < plain.length; i++)
      for (let j = i % 5; j < plain.length; j += 5) {
        const s = (plain[i] as string) + (plain[j] as string);
        if (slow(s) !== s) bad++;
      }
    expect(bad).toBe(0);
    for (const text of ["Цены на ли\u00ADтий", "е\u0308ж", "ＡＩ", "замо\u0301к", "Мёд — «ЦБ» … 5 €"])
      expect(cleanForTokens(text)).toBe(slow(text));
  });
});

describe("TokenBuffer tokenises exactly as tokenizeItem", () => {
  const buffer = new TokenBuffer();

  it.each<[string, string]>([
    ["ЛИТИЙ Литий литий", "Мёд и ЁЛКИ. ЁЖ"],
    ["В МИДе и NGOs, РАН", "<p>ли&shy;тий&nbsp;ЦБ</p>"],
    ["РЗМ-кластеру ИИ-ассистент", "Санкт‑Петербурге"],
    ["Pосатом PЗM Аpple", "ΟΔΟΣ'Α İstanbul İİ ÉCOLE Éte"],
    ["5G 2025 O’Neill's", "𝐀𝐈 и 😀 ＡＩ ﬁnance"],
    ["", "только текст"],
    ["только заголовок", ""],
    ["...", "!!! ??"],
    ["е\u0308ж и\u0306од замо\u0301к", "ＭＩＤ-ы"],
  ])("%s | %s", (title, summary) => {
    buffer.fill(title, summary);
    expect(view(buffer)).toEqual(reference(title, summary));
  });

  it("on generated items", () => {
    const items = makeItems(300, 9, makeVocabulary(5, 3000));
    for (const { title, summary } of items) {
      buffer.fill(title, summary);
      expect(view(buffer)).toEqual(reference(title, summary));
    }
  });
});
