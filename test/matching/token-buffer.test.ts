import { describe, expect, it } from "vitest";
import { makeItems, makeVocabulary, rng } from "../../bench/matching/corpus.js";
import { cleanInto } from "../../src/matching/text/clean-scan.js";
import { BODY_MAX_CHARS, cleanForTokens, isPlainText } from "../../src/matching/text/normalize.js";
import { TokenBuffer } from "../../src/matching/text/token-buffer.js";
import { reference, view } from "./token-view.js";

// Pieces that news HTML is made of, and the odd ones that must send a text down the general path.
const FRAGMENTS = [
  ...[
    "литий",
    "Литий",
    "ЛИТИЙ",
    "ёлки",
    "Ёж",
    "ЦБ",
    "РАН",
    "МИДа",
    "NGOs",
    "MGC",
    "Pharma",
    "5G",
    "2025",
    "oil",
    "Коммерсантъ",
    "КОММЕРСАНТЪ",
    "Ъ",
    "объём",
  ],
  ...["РЗМ-кластеру", "ИИ-ассистент", "из-за", "Санкт‑Петербург", "e-mail", "ли-", "-то", "a-b-c"],
  ...[
    "Pосатом",
    "PЗM",
    "Аpple",
    "ΟΔΟΣ",
    "'",
    "Α",
    "İstanbul",
    "École",
    "café",
    "Straße",
    "𝐀𝐈",
    "😀",
    "ＡＩ",
    "ﬁ",
  ],
  ...[
    " ",
    " ",
    " ",
    "\n",
    ".",
    ". ",
    "!",
    "?",
    ";",
    ":",
    "…",
    "«",
    "»",
    "„",
    "“",
    "(",
    ")",
    "-",
    " - ",
    "—",
    "–",
  ],
  ...[
    "\u00a0",
    "\u00ad",
    "\u200b",
    "е\u0308",
    "и\u0306",
    "\u0301",
    "¼",
    "²",
    "™",
    "№",
    "€",
    "\u2009",
    "\u202f",
  ],
  ...[
    "<p>",
    "</p>",
    "<b>",
    "</b>",
    "<B>",
    "<br/>",
    "<br>",
    '<span class="x">',
    "</span>",
    "<a href='/?a=1&b=2'>",
  ],
  ...["</a>", "<h1>", "<b-x>", "<a_b>", '<i title="a>b">', "<p title='<'>", "<p", "<", ">", "</ >", "<1>"],
  ...[
    "<script>var x='литий'</script>",
    "<style>p{}</style>",
    "<!-- литий -->",
    "<![CDATA[литий]]>",
    "<scripts>",
  ],
  ...[
    "&nbsp;",
    "&amp;",
    "&amp;nbsp;",
    "&amp;laquo;",
    "&laquo;",
    "&raquo;",
    "&mdash;",
    "&hellip;",
    "&shy;",
    "&quot;",
  ],
  ...[
    "&#1083;",
    "&#x438;",
    "&#X41;",
    "&#12",
    "&#0;",
    "&#xD800;",
    "&#128512;",
    "&#1234567;",
    "&#12345678",
    "&#x;",
  ],
  ...[
    "&NBSP;",
    "&Amp;",
    "&unknown;",
    "&foo",
    "&a",
    "&",
    "& ",
    "&#",
    "S&P500",
    "AT&T",
    "&constructor;",
    "&toString",
  ],
  ...[
    "&lt;p&gt;",
    "&lt;",
    "&gt;",
    "&#60;",
    "&#38;",
    "&nbsp",
    "&laquo<b>",
    "&#12<b>3</b>;",
    "&abcdefghijkl;",
    ";",
    "&#59;",
    "&#97;",
    "&#35;",
  ],
];

function randomText(next: () => number, pieces: number): string {
  let text = "";
  for (let k = 0; k < pieces; k++) text += FRAGMENTS[Math.floor(next() * FRAGMENTS.length)];
  return text;
}

describe("cleanInto: markup as cleanForTokens has it, in one pass, or -1", () => {
  const bytes = Buffer.alloc(1 << 17);
  const out = new Uint16Array(bytes.buffer, bytes.byteOffset, 1 << 16);
  const clean = (raw: string, limit = raw.length) => {
    const n = cleanInto(raw, limit, out, bytes);
    return n < 0 ? null : String.fromCharCode(...out.subarray(0, n));
  };

  it.each<[string, string | null]>([
    ["<p>Литий</p><p>никель</p>", " Литий  никель "],
    ["ли<b>тий</b> и<br/>никель", "литий и никель"],
    ['<a href="https://x.ru/?a=1&b=2">ссыл</a>ка', "ссылка"],
    ["a&nbsp;b &laquo;d&raquo; &#1083;&#x438;", "a b «d» ли"],
    ["S&P500 AT&T & co", "S&P500 AT&T & co"],
    ["&unknown; &#0; &shy;x", "    x"],
    ["Мёд&hellip; ли&shy;тий", "Мёд... литий"],
    // Characters outside markup are the caller's to judge.
    ["Мёд… ли\u00ADтий", "Мёд… ли\u00ADтий"],
    ["е\u0308ж", "е\u0308ж"],
    // Tag names are told apart by their letters in any case, inline or not, script or style by prefix.
    ["ли<SPAN>т</Span>ий<spanx>a</spanx>b<sub1>c<abbr>d<abbrs>e<B>f<em-x>g", "литий a b cd ef g"],
    ["<h1>a</h1><strong>b</STRONG>c<strongs>d", " a bc d"],
    ["<stylo>x<scrip>y", " x y"],
    ["<SCRIPT>x</SCRIPT>", null],
    ["<Styles>x", null],
    ["&amp;nbsp;x", null],
    ["&lt;p&gt;escaped&lt;/p&gt;", null],
    ["<!-- литий -->ok", null],
    ["&#12<b>3</b>;", null],
    // A second round of decoding, or the tag pass, would read these differently from one left-to-right pass.
    ["&#65601;", null],
    ["&foo&#59;", null],
    ["&a&#109;p;", null],
    ["&&#97;mp;", null],
    ["&<b>amp;</b>", null],
    ["<p a=\"<b c='>\">'>x", null],
  ])("%s", (raw, expected) => {
    expect(clean(raw)).toBe(expected);
    if (expected !== null) expect(cleanForTokens(expected)).toBe(cleanForTokens(raw));
  });

  it("agrees with cleanForTokens on random markup whenever it answers, and answers for most news", () => {
    const next = rng(42);
    let answered = 0;
    for (let k = 0; k < 4000; k++) {
      const raw = randomText(next, 1 + Math.floor(next() * 30));
      const limit = next() < 0.2 ? Math.floor(next() * raw.length) : raw.length;
      const got = clean(raw, limit);
      if (got === null) continue;
      answered++;
      const want = cleanForTokens(raw.slice(0, limit));
      expect(cleanForTokens(got)).toBe(want);
      if (isPlainText(got)) expect(got).toBe(want);
    }
    expect(answered).toBeGreaterThan(300);
    const items = makeItems(200, 3, makeVocabulary(2, 500), true, 2000);
    const plain = items
      .flatMap((i) => [i.title, i.summary, i.body as string])
      .filter((t) => clean(t) !== null);
    expect(plain.length).toBe(600);
  });

  it("replaces a character the way NFKC does whatever plain characters surround it", () => {
    const plain: string[] = [];
    const replaced: string[] = [];
    for (let c = 0; c < 0x20d0; c++) {
      const ch = String.fromCharCode(c);
      const decoded = clean(`&#${c};`);
      if (ch === "<" || ch === "&" || decoded === null) continue;
      (decoded === ch ? plain : replaced).push(`&#${c};`);
    }
    expect(replaced).toEqual(expect.arrayContaining(["&#160;", "&#173;", "&#8230;", "&#8201;"]));
    let bad = 0;
    for (const x of replaced)
      for (let j = 0; j < plain.length; j += 3) {
        const p = plain[j] as string;
        for (const s of [p + x, x + p, x + x, p + x + p]) if (clean(s) !== cleanForTokens(s)) bad++;
      }
    expect(bad).toBe(0);
  });
});

describe("TokenBuffer tokenises full texts exactly as tokenizeItem", () => {
  const buffer = new TokenBuffer();

  it.each<[string, string]>([
    // Compounds are read from their own letters, whatever else the text holds.
    ["compound beside an nbsp", "из-за\u00a0санкций 1-ом"],
    ["compound after an ellipsis", "Литий… ИИ-ассистент"],
    ["compound of other scripts", "ΟΔΟΣ-ΟΔΟΣ\u00a0École-café"],
    ["compound with a character NFKC changes", "ab-ＡＩ Санкт\u2011Петербург"],
    ["hyphen before a soft hyphen", "a-\u00adb из-за"],
    ["compound, then a combining mark", "1-ом е\u0308ж"],
    // Caps set before the scan gives up must not outlive it: «ЦБх» has none.
    ["caps before a soft hyphen", "ЦБ\u00adх РАН"],
  ])("%s", (_, text) => {
    buffer.fill(text, text, text);
    expect(view(buffer)).toEqual(reference(text, text, text));
    buffer.fill("цб", "ран");
    expect(view(buffer)).toEqual(reference("цб", "ран"));
  });

  it("on random markup, entities, compounds, scripts and sentence ends", () => {
    const next = rng(7);
    for (let k = 0; k < 1500; k++) {
      const title = randomText(next, Math.floor(next() * 8));
      const summary = randomText(next, Math.floor(next() * 20));
      const body = next() < 0.7 ? randomText(next, Math.floor(next() * 200)) : undefined;
      buffer.fill(title, summary, body);
      expect(view(buffer)).toEqual(reference(title, summary, body));
    }
  });

  it("on generated items with long HTML bodies, cut at BODY_MAX_CHARS", () => {
    const items = makeItems(120, 13, makeVocabulary(4, 2000), true, 3000);
    const next = rng(9);
    for (const { title, summary, body } of items) {
      // News-like noise in the body: entities, compounds, mixed scripts, the odd tag inside a word.
      let noisy = "";
      for (const part of (body as string).split(" "))
        noisy += `${part}${next() < 0.05 ? randomText(next, 1) : " "}`;
      buffer.fill(title, summary, noisy);
      expect(view(buffer)).toEqual(reference(title, summary, noisy));
    }
    const long = (items[0]?.body ?? "").repeat(8);
    expect(long.length).toBeGreaterThan(BODY_MAX_CHARS);
    buffer.fill("", "", long);
    expect(view(buffer)).toEqual(reference("", "", long));
  });
});
