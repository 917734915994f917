/**
 * Text normalisation and tokenisation shared by queries and news items, so that both sides
 * see «литий», «ЛИТИЙ», «ли&shy;тий» and a Latin-«Р» «PЗМ» as the same tokens.
 */
import { SHAPE_CAPS, SHAPE_INITIAL, SHAPE_TITLE } from "../words/homonyms.js";
import { htmlToText } from "./html.js";

/** One word of an item or a query, already case-folded and with ё folded to е. */
export interface Token {
  /** lower case, ё → е, look-alike letters folded to the word's script */
  readonly form: string;
  /** set when the word was written in capitals (РАН, МИДа → «мид»): abbreviations match only these */
  readonly caps: string | null;
  /** the word is written in Latin letters (a query word in Latin gets English word forms) */
  readonly latin: boolean;
  /** word position for phrase adjacency; a hyphenated whole shares its first part's position */
  readonly pos: number;
  /** true for the whole of a hyphenated compound, whose parts follow as separate tokens */
  readonly compound: boolean;
  /** SHAPE_* bits (homonyms.ts): capitalised, all capitals, starts a sentence */
  readonly shape: number;
}

// Soft hyphen, zero-width space/joiners, word joiner, BOM, Mongolian vowel separator; and stress marks and
// other combining diacritics left over after NFKC composed what it could (й, ё).
// biome-ignore lint/suspicious/noMisleadingCharacterClass: a set of single code points, each removed alone
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF\u180E\u0300-\u036F]/g;
const SPACES = /[\s\p{Zs}\u2028\u2029]+/gu;
const WORD_CHAR = /^[\p{L}\p{N}]$/u;
// Hyphens that join a compound (РЗМ-кластеру); en/em dashes separate words instead.
/** Hyphen characters that join compound words. */
export const HYPHENS = /[-\u2010\u2011\u2012\uFE63]/;

// Code points that NFKC leaves alone whatever surrounds them and that are not invisible: Latin, Greek and
// Cyrillic letters, digits, ordinary and general punctuation, currency signs (decided at load by asking
// NFKC itself). Combining marks and Hangul jamo compose with their neighbours, so they are never plain.
const PLAIN_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x0000, 0x052f],
  [0x2000, 0x20cf],
];
const PLAIN_END = 0x20d0;
const PLAIN = new Uint8Array(PLAIN_END);
for (const [from, to] of PLAIN_RANGES) {
  for (let c = from; c <= to; c++) {
    const ch = String.fromCharCode(c);
    INVISIBLE.lastIndex = 0;
    PLAIN[c] = ch.normalize("NFKC") === ch && !/\p{M}/u.test(ch) && !INVISIBLE.test(ch) ? 1 : 0;
  }
}
INVISIBLE.lastIndex = 0;

/** True when NFKC and removing invisible characters would leave the text as it is (most news text). */
export function isPlainText(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= PLAIN_END || PLAIN[c] === 0) return false;
  }
  return true;
}

/** Cleans raw text for tokenising: HTML, entities, NFKC, invisible characters; keeps case and spacing. */
export function cleanForTokens(raw: string): string {
  const text = htmlToText(raw);
  // Checking is much cheaper than normalising and a regular-expression pass over the whole text.
  return isPlainText(text) ? text : text.normalize("NFKC").replace(INVISIBLE, "");
}

/** Cleans raw text (HTML, entities, NFKC, invisible characters, odd spaces), keeping letter case. */
export function cleanText(raw: string): string {
  return cleanForTokens(raw).replace(SPACES, " ");
}

const otherWordChars = new Map<number, boolean>();

// Letters and digits. ASCII and Cyrillic are decided by range (they are nearly all news text); anything
// else by the Unicode property, memoised per code point.
/** True for a character that belongs to a word (a Unicode letter or digit). */
export function isWordChar(code: number): boolean {
  if (code < 0x80) return (code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 122);
  if (code >= 0x400 && code <= 0x52f) return code < 0x482 || code > 0x489;
  let known = otherWordChars.get(code);
  if (known === undefined) {
    known = WORD_CHAR.test(String.fromCodePoint(code));
    if (otherWordChars.size < 10_000) otherWordChars.set(code, known);
  }
  return known;
}

/** True for the hyphens that join a compound word. */
function isHyphen(code: number): boolean {
  return code === 45 || (code >= 0x2010 && code <= 0x2012) || code === 0xfe63;
}

// The code point at i: astral letters come as surrogate pairs and must be classified whole.
/** The code point at a string index (astral characters included). */
function codeAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff ? (text.codePointAt(i) as number) : c;
}

const LATIN_TO_CYRILLIC: Record<string, string> = {
  A: "А",
  B: "В",
  C: "С",
  E: "Е",
  H: "Н",
  K: "К",
  M: "М",
  O: "О",
  P: "Р",
  T: "Т",
  X: "Х",
  Y: "У",
  a: "а",
  c: "с",
  e: "е",
  o: "о",
  p: "р",
  x: "х",
  y: "у",
  k: "к",
};
const CYRILLIC_TO_LATIN: Record<string, string> = {};
for (const [lat, cyr] of Object.entries(LATIN_TO_CYRILLIC)) CYRILLIC_TO_LATIN[cyr] = lat;

const ABBR_ENDINGS = new Set(["а", "у", "е", "ом", "ой", "ы", "ов", "ам", "ами", "ах", "s"]);

/** True for a Cyrillic letter code. */
export function isCyrillic(c: number): boolean {
  return (c >= 0x400 && c <= 0x4ff) || (c >= 0x500 && c <= 0x52f);
}
/** True for a Latin letter code. */
export function isLatin(c: number): boolean {
  return (
    (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7)
  );
}

/** Folds one word piece (no hyphens) into a token's form, caps and script. */
export function foldWord(piece: string): FoldedWord {
  let cyr = 0;
  let lat = 0;
  for (let i = 0; i < piece.length; i++) {
    const c = piece.charCodeAt(i);
    if (isCyrillic(c)) cyr++;
    else if (isLatin(c)) lat++;
  }
  let word = piece;
  if (cyr > 0 && lat > 0) {
    word = foldMixed(piece, cyr, lat);
    if (isCyrillic(firstLetterCode(word, piece))) lat = 0;
    else cyr = 0;
  }
  const lower = word.toLowerCase();
  const form = withoutFinalHardSign(lower.includes("ё") ? lower.replaceAll("ё", "е") : lower);
  let upper = 0;
  while (upper < word.length && word.charCodeAt(upper) !== lower.charCodeAt(upper)) upper++;
  return { form, caps: capsKey(word, lower, form), latin: lat > 0 && cyr === 0, shape: shapeOf(upper) };
}

/** The lower-case code unit ъ, which modern Russian never puts at a word's end. */
export const HARD_SIGN = 0x44a;

/**
 * A form without a final ъ: names keep the old spelling («Коммерсантъ», «Трактиръ»), which is the word
 * without it; a lone «ъ» (Kommersant's logo letter) stays.
 */
export function withoutFinalHardSign(form: string): string {
  return form.length > 1 && form.charCodeAt(form.length - 1) === HARD_SIGN ? form.slice(0, -1) : form;
}

/** A word folded for matching: its form, its capitals' key, its script and its SHAPE_* case bits. */
export interface FoldedWord {
  form: string;
  caps: string | null;
  latin: boolean;
  shape: number;
}

/** SHAPE_TITLE or SHAPE_CAPS from the number of leading capitals. */
export function shapeOf(upper: number): number {
  return upper === 1 ? SHAPE_TITLE : upper >= 2 ? SHAPE_CAPS : 0;
}

/**
 * True when a word starting after `from` opens a sentence or a clause: a sentence end, an opening quote
 * or bracket, a colon or a dash since the previous word. A capital there says nothing about a name.
 */
export function opensClause(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    // . ! ? ; … « " “ „ ( : - – —
    if (
      c === 46 ||
      c === 33 ||
      c === 63 ||
      c === 59 ||
      c === 0x2026 ||
      c === 0xab ||
      c === 34 ||
      c === 0x201c ||
      c === 0x201e ||
      c === 40 ||
      c === 58 ||
      c === 45 ||
      c === 0x2013 ||
      c === 0x2014
    )
      return true;
  }
  return false;
}

// The first letter that exists in only one script tells which script the folded word is in.
function firstLetterCode(folded: string, original: string): number {
  for (let i = 0; i < folded.length; i++) {
    const c = folded.charCodeAt(i);
    if (isCyrillic(c) || isLatin(c)) return c;
  }
  return original.charCodeAt(0);
}

// Mixed scripts are typos or spoofing («PЗM» with Latin P and M): fold the look-alikes to the script
// of the letters that have no look-alike, or else to the majority. Rare, so it may be slow.
function foldMixed(piece: string, cyr: number, lat: number): string {
  let onlyCyr = 0;
  let onlyLat = 0;
  for (const ch of piece) {
    const c = ch.charCodeAt(0);
    if (isCyrillic(c) && !(ch in CYRILLIC_TO_LATIN)) onlyCyr++;
    else if (isLatin(c) && !(ch in LATIN_TO_CYRILLIC)) onlyLat++;
  }
  const toCyrillic = onlyCyr > 0 && onlyLat === 0 ? true : onlyLat > 0 && onlyCyr === 0 ? false : cyr >= lat;
  const map = toCyrillic ? LATIN_TO_CYRILLIC : CYRILLIC_TO_LATIN;
  let out = "";
  for (const ch of piece) out += map[ch] ?? ch;
  return out;
}

// «РАН», «MGC» → the word; «МИДа», «NGOs» → the capitals, but only before a real case ending.
/** The key an all-capitals word is matched by as an abbreviation, or null. */
export function capsKey(word: string, lower: string, form: string): string | null {
  let upper = 0;
  while (upper < word.length && word.charCodeAt(upper) !== lower.charCodeAt(upper)) upper++;
  if (upper < 2) return null;
  if (upper === word.length) return form;
  const tail = word.slice(upper);
  if (tail !== lower.slice(upper) || !ABBR_ENDINGS.has(tail)) return null;
  return form.slice(0, upper);
}

/** True when a sentence ends between two offsets, so phrases must not span them. */
export function hasSentenceBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    // . ! ? ; …
    if (c === 46 || c === 33 || c === 63 || c === 59 || c === 0x2026) return true;
  }
  return false;
}

/** The index of the next word character at or after `i` (the text's length when there is none). */
export function skipToWord(text: string, i: number): number {
  const length = text.length;
  while (i < length) {
    const code = codeAt(text, i);
    if (isWordChar(code)) return i;
    i += code > 0xffff ? 2 : 1;
  }
  return length;
}

/**
 * Where the word starting at `start` ends: a run of letters and digits, hyphen-joined runs included
 * (РЗМ-кластеру). Negative (minus the end) when the run was hyphenated, so no object is allocated per word.
 * token-buffer.ts scanWordIn is the same scan over a UTF-16 buffer: change both together.
 */
export function scanWord(text: string, start: number): number {
  const length = text.length;
  let i = start;
  let hyphenated = false;
  for (;;) {
    while (i < length) {
      const code = codeAt(text, i);
      if (!isWordChar(code)) break;
      i += code > 0xffff ? 2 : 1;
    }
    if (i + 1 < length && isHyphen(text.charCodeAt(i)) && isWordChar(codeAt(text, i + 1))) {
      hyphenated = true;
      i++;
      continue;
    }
    return hyphenated ? -i : i;
  }
}

/**
 * Folds the word text[start, end) into its token form, given the whole text lower-cased once: the cheap
 * slice for one-script words, foldWord (look-alike folding) for mixed scripts or when lower-casing
 * changed the text's length (İ) so the slice would not line up.
 */
export function foldRun(text: string, lowerAll: string, start: number, end: number): FoldedWord {
  const run = text.slice(start, end);
  if (lowerAll.length !== text.length) return foldWord(run);
  let cyr = 0;
  let lat = 0;
  let upper = 0;
  let leading = true;
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (isCyrillic(c)) cyr++;
    else if (isLatin(c)) lat++;
    if (leading && c !== lowerAll.charCodeAt(k)) upper++;
    else leading = false;
  }
  if (cyr > 0 && lat > 0) return foldWord(run);
  const lower = lowerAll.slice(start, end);
  const form = withoutFinalHardSign(lower.includes("ё") ? lower.replaceAll("ё", "е") : lower);
  return { form, caps: upper < 2 ? null : capsKey(run, lower, form), latin: lat > 0, shape: shapeOf(upper) };
}

/** Splits cleaned text into tokens; positions start at `startPos`, sentence breaks leave a gap. */
export function tokenize(text: string, startPos = 0): Token[] {
  const tokens: Token[] = [];
  // Lower-casing the whole text once is much cheaper than per word; the per-word path remains for the
  // rare texts where lower-casing changes the length (İ) and so breaks the index correspondence.
  const lowerAll = text.toLowerCase();
  let pos = startPos;
  let last = 0;
  const length = text.length;
  for (let i = skipToWord(text, 0); i < length; i = skipToWord(text, i)) {
    const start = i;
    const scanned = scanWord(text, start);
    const hyphenated = scanned < 0;
    const end = hyphenated ? -scanned : scanned;
    i = end;
    // Phrases must not run across sentences: «…ставка. ЦБ…» is not «ставка ЦБ».
    if (hasSentenceBreak(text, last, start)) pos++;
    const initial = tokens.length === 0 || opensClause(text, last, start) ? SHAPE_INITIAL : 0;
    last = end;
    if (hyphenated) {
      const pieces = text.slice(start, end).split(HYPHENS).map(foldWord);
      const whole = pieces.map((f) => f.form).join("-");
      const latin = pieces.every((f) => f.latin);
      tokens.push({ form: whole, caps: null, latin, pos, compound: true, shape: 0 });
      pieces.forEach((f, k) => {
        const shape = f.shape | (k === 0 ? initial : 0);
        tokens.push({ form: f.form, caps: f.caps, latin: f.latin, pos: pos++, compound: false, shape });
      });
      continue;
    }
    const { form, caps, latin, shape } = foldRun(text, lowerAll, start, end);
    tokens.push({ form, caps, latin, pos: pos++, compound: false, shape: shape | initial });
  }
  return tokens;
}

/** Most characters of an article's full text that are matched (the rest is not read). */
export const BODY_MAX_CHARS = 20_000;

/** Title, summary and full text as one token stream; the gaps keep phrases from spanning two of them. */
export function tokenizeItem(title: string, summary: string, body?: string | null): Token[] {
  // Feeds parsed without types sometimes hand over undefined for a missing summary.
  const out = tokenize(cleanForTokens(title ?? ""), 0);
  for (const text of [summary ?? "", (body ?? "").slice(0, BODY_MAX_CHARS)]) {
    const start = out.length === 0 ? 0 : (out[out.length - 1] as Token).pos + 2;
    for (const token of tokenize(cleanForTokens(text), start)) out.push(token);
  }
  return out;
}
