/**
 * One byte per UTF-16 code unit saying what the tokeniser needs to know about it (normalize.ts decides
 * the same things with comparisons and a regular expression), so TokenBuffer's loops are table look-ups.
 */
import { cleanedAs } from "./clean-scan.js";
import { isWordChar } from "./normalize.js";

/** A letter or digit (normalize.ts isWordChar). */
export const WORD = 1;
/** An ASCII letter or digit or a letter of the Russian alphabet: lower-cased by FOLD, no look-alikes to fold. */
export const PLAIN_WORD = 2;
/** . ! ? ; … — a sentence ends (hasSentenceBreak). */
export const BREAK = 4;
/** A sentence end, an opening quote or bracket, a colon or a dash (opensClause). */
export const OPENS = 8;
/** A hyphen that joins a compound (isHyphen). */
export const HYPHEN = 16;
/** Half of a surrogate pair: the code point decides. */
export const SURROGATE = 32;
/** A capital among the PLAIN_WORD letters. */
export const UPPER = 64;
/**
 * Left as it is by cleanInto but not by cleanForTokens, which replaces it with non-word characters of the
 * same BREAK/OPENS bits (nbsp → space, … → ...): tokens come out the same, the text is not cleanForTokens'.
 */
export const INEXACT = 128;
/** Not plain text: cleanForTokens would change it in a way that may matter (NFKC, invisible, astral). */
export const DIRTY = 256;
/** A PLAIN_WORD letter of the Russian alphabet. */
export const CYRILLIC = 1024;
/** A PLAIN_WORD Latin letter. */
export const LATIN = 2048;
const KNOWN = 1 << 15;

const CLASS = new Uint16Array(0x10000);

/** Lower case with ё → е for PLAIN_WORD code units (Token.form's letters). */
const FOLD = new Uint16Array(0x460);
for (let c = 0; c < FOLD.length; c++) FOLD[c] = c;
for (let c = 65; c <= 90; c++) FOLD[c] = c + 32;
for (let c = 0x410; c <= 0x42f; c++) FOLD[c] = c + 32;
FOLD[0x401] = 0x435;
FOLD[0x451] = 0x435;

/** Past the last PLAIN_WORD code unit. */
const PLAIN_FOLD_END = 0x460;
/**
 * Per code unit: 0 if not PLAIN_WORD, else FOLD in the low 16 bits and the class bits above, so the word
 * loop reads one table per letter and tests nothing else (all 65,536 code units: only the lines of ASCII
 * and Cyrillic are ever read often).
 */
export const PLAIN_FOLD = new Int32Array(0x10000);

/** The class bits of a code unit. */
export function classOf(c: number): number {
  const known = CLASS[c] as number;
  return known === 0 ? classify(c) : known;
}

function classify(c: number): number {
  let k = KNOWN;
  if (c >= 0xd800 && c <= 0xdfff) k |= SURROGATE;
  else if (isWordChar(c)) k |= WORD;
  const ascii = c < 0x80 && (k & WORD) !== 0;
  const russian = (c >= 0x410 && c <= 0x44f) || c === 0x401 || c === 0x451;
  if (ascii || russian) k |= PLAIN_WORD;
  if (russian) k |= CYRILLIC;
  else if (ascii && c >= 65) k |= LATIN;
  if ((c >= 65 && c <= 90) || (c >= 0x410 && c <= 0x42f) || c === 0x401) k |= UPPER;
  // . ! ? ; …
  if (c === 46 || c === 33 || c === 63 || c === 59 || c === 0x2026) k |= BREAK | OPENS;
  // « " “ „ ( : - – —
  if ([0xab, 34, 0x201c, 0x201e, 40, 58, 45, 0x2013, 0x2014].includes(c)) k |= OPENS;
  if (c === 45 || (c >= 0x2010 && c <= 0x2012) || c === 0xfe63) k |= HYPHEN;
  const as = cleanedAs(c);
  if (as === null) k |= DIRTY;
  else if (as !== String.fromCharCode(c)) {
    // Same tokens if it and its replacement are both a gap of the same kind (never "": that joins words).
    let bits = 0;
    let gap = as.length > 0 && (k & (WORD | HYPHEN | SURROGATE)) === 0;
    for (let j = 0; j < as.length; j++) {
      const r = classOf(as.charCodeAt(j));
      if ((r & (WORD | HYPHEN | DIRTY | INEXACT)) !== 0) gap = false;
      bits |= r & (BREAK | OPENS);
    }
    k |= gap && bits === (k & (BREAK | OPENS)) ? INEXACT : DIRTY;
  }
  CLASS[c] = k;
  return k;
}

for (let c = 0; c < PLAIN_FOLD_END; c++) {
  const k = classOf(c) & ~KNOWN;
  if ((k & PLAIN_WORD) !== 0) PLAIN_FOLD[c] = (FOLD[c] as number) | (k << 16);
}

/** The code point at buf[i] (a surrogate pair read whole, as normalize.ts codeAt does). */
export function codePointIn(buf: Uint16Array, i: number, n: number): number {
  const c = buf[i] as number;
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
    const d = buf[i + 1] as number;
    if (d >= 0xdc00 && d <= 0xdfff) return ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
  }
  return c;
}

/** buf[from, to) as a string. */
export function stringOf(buf: Uint16Array, from: number, to: number): string {
  let out = "";
  for (let at = from; at < to; at += 8192)
    out += String.fromCharCode.apply(null, buf.subarray(at, Math.min(to, at + 8192)) as unknown as number[]);
  return out;
}
