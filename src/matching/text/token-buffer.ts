import { SHAPE_INITIAL } from "../words/homonyms.js";
import {
  BREAK,
  CYRILLIC,
  classOf,
  codePointIn,
  DIRTY,
  HYPHEN,
  INEXACT,
  LATIN,
  OPENS,
  PLAIN_FOLD,
  SURROGATE,
  stringOf,
  UPPER,
  WORD,
} from "./char-class.js";
import { cleanInto } from "./clean-scan.js";
import {
  BODY_MAX_CHARS,
  capsKey,
  cleanForTokens,
  foldRun,
  foldWord,
  HARD_SIGN,
  HYPHENS,
  isWordChar,
  shapeOf,
  withoutFinalHardSign,
} from "./normalize.js";
import { TokenStore } from "./token-store.js";

/**
 * An item's tokens for the index, written into reusable typed arrays instead of Token objects and
 * strings: each form's letters (lower case, ё → е, as Token.form) go into one UTF-16 buffer. This is the
 * same tokenisation as tokenizeItem (tests compare them) without the per-item allocations, the whole-text
 * lower-casing and the strings that scanning an item would only hash and drop.
 */
export class TokenBuffer extends TokenStore {
  /** Tokenises title and summary as tokenizeItem does, replacing the previous content. */
  fill(title: string, summary: string, body?: string | null): void {
    this.clearCaps(0);
    this.count = 0;
    this.charsUsed = 0;
    // Feeds parsed without types sometimes hand over undefined for a missing summary.
    const head = title ?? "";
    const lead = summary ?? "";
    const end = this.#text(head, 0, head.length);
    // The gaps keep phrases from spanning two texts, as in tokenizeItem.
    this.#text(lead, this.count === 0 ? 0 : end + 2, lead.length);
    if (body) {
      const last = this.count === 0 ? -2 : (this.pos[this.count - 1] as number);
      this.#text(body, last + 2, Math.min(body.length, BODY_MAX_CHARS));
    }
  }

  // The current text as code units: cleanInto's (markup done, other characters as written) or exactly
  // cleanForTokens'; as a string and lower-cased only when a word needs the general path.
  #bytes: Buffer = Buffer.alloc(8192);
  #buf: Uint16Array = new Uint16Array(this.#bytes.buffer, this.#bytes.byteOffset, 4096);
  #length = 0;
  #string: string | null = null;
  #lower: string | null = null;

  // One raw text (its first `limit` characters), as tokenize(cleanForTokens(text), startPos); returns the
  // last position used (startPos - 1 if none).
  #text(raw: string, startPos: number, limit: number): number {
    if (this.#buf.length < limit) {
      this.#bytes = Buffer.alloc(limit * 2 + 128);
      this.#buf = new Uint16Array(this.#bytes.buffer, this.#bytes.byteOffset, limit + 64);
    }
    this.#string = null;
    this.#lower = null;
    const count = this.count;
    const charsUsed = this.charsUsed;
    const n = cleanInto(raw, limit, this.#buf, this.#bytes);
    if (n >= 0) {
      const last = this.#scan(n, startPos, false);
      if (last !== GAVE_UP) return last;
      this.clearCaps(count);
      this.count = count;
      this.charsUsed = charsUsed;
    }
    const text = cleanForTokens(limit < raw.length ? raw.slice(0, limit) : raw);
    if (this.#buf.length < text.length) {
      this.#bytes = Buffer.alloc(text.length * 2 + 128);
      this.#buf = new Uint16Array(this.#bytes.buffer, this.#bytes.byteOffset, text.length + 64);
    }
    this.#bytes.write(text, 0, "utf16le");
    this.#string = text;
    this.#lower = null;
    return this.#scan(text.length, startPos, true);
  }

  // Tokenises #buf[0, n); `exact`: it is cleanForTokens' text. Otherwise a character cleanForTokens would
  // change (DIRTY), or a word needing the text as a string after an INEXACT one, gives up (GAVE_UP).
  // The per-token arrays and the letters are held in locals (one word costs a few stores); whatever
  // leaves the common path writes them back and reloads them after.
  #scan(n: number, startPos: number, exact: boolean): number {
    this.#length = n;
    const buf = this.#buf;
    let dirty = exact ? 0 : DIRTY;
    let inexact = false;
    let pos = startPos;
    const first = this.count;
    let t = first;
    let chars = this.room(n);
    let at = this.charsUsed;
    let starts = this.start;
    let lengths = this.length;
    let positions = this.pos;
    let compounds = this.compound;
    let shapes = this.shape;
    // Class bits of the characters since the previous word: sentence ends, clause openers.
    let gap = 0;
    let i = 0;
    while (i < n) {
      let k = classOf(buf[i] as number);
      if ((k & (WORD | SURROGATE | DIRTY | INEXACT)) !== 0) {
        if ((k & dirty) !== 0) return GAVE_UP;
        if ((k & INEXACT) !== 0) inexact = true;
        if ((k & SURROGATE) !== 0) {
          const code = codePointIn(buf, i, n);
          if (!isWordChar(code)) {
            i += code > 0xffff ? 2 : 1;
            continue;
          }
        } else if ((k & WORD) === 0) {
          gap |= k;
          i++;
          continue;
        }
      } else {
        gap |= k;
        i++;
        continue;
      }
      const start = i;
      if ((gap & BREAK) !== 0) pos++;
      const initial = t === first || (gap & OPENS) !== 0 ? SHAPE_INITIAL : 0;
      gap = 0;
      // The common word: ASCII letters and digits or the Russian alphabet, lower-cased as it is read
      // (PLAIN holds the folded letter in its low half, the class bits above).
      const from = at;
      let seen = 0;
      for (; i < n; i++) {
        const v = PLAIN_FOLD[buf[i] as number] as number;
        if (v === 0) break;
        chars[at++] = v;
        seen |= v;
      }
      if (at - from > 1 && chars[at - 1] === HARD_SIGN) at--;
      k = i < n ? classOf(buf[i] as number) : 0;
      // Another letter, a surrogate or a hyphen joining a compound: the general path from the start.
      let general = (k & (WORD | SURROGATE)) !== 0;
      if (!general && (k & HYPHEN) !== 0 && i + 1 < n)
        general = (classOf(buf[i + 1] as number) & (WORD | SURROGATE | dirty)) !== 0;
      seen >>>= 16;
      if (general || ((seen & CYRILLIC) !== 0 && (seen & LATIN) !== 0)) {
        this.count = t;
        this.charsUsed = from;
        if (general) {
          const scanned = scanWordIn(buf, start, n);
          if (scanned < 0) {
            // A compound is read from its own letters: only they must be cleanForTokens' (no INEXACT
            // character is a letter or a hyphen, and a DIRTY one after it still stops the scan).
            i = -scanned;
            if (dirty !== 0 && !isExact(buf, start, i)) return GAVE_UP;
            pos = this.#compound(stringOf(buf, start, i), pos, initial);
          } else {
            // Lower-casing the whole text keeps context-dependent rules (Greek final sigma) as tokenize
            // has them: it must be cleanForTokens' text, all of it.
            if (dirty !== 0) {
              if (inexact || !isExact(buf, start, n)) return GAVE_UP;
              dirty = 0;
            }
            i = scanned;
            pos = this.#general(start, i, pos, initial);
          }
        } else {
          // Mixed scripts: look-alike folding, as tokenize does.
          const { form, caps, shape } = foldWord(stringOf(buf, start, i));
          this.pushForm(form, pos++, false, caps, shape | initial);
        }
        t = this.count;
        at = this.charsUsed;
        chars = this.room(n - i);
        starts = this.start;
        lengths = this.length;
        positions = this.pos;
        compounds = this.compound;
        shapes = this.shape;
        continue;
      }
      let upper = 0;
      if ((seen & UPPER) !== 0)
        while (upper < i - start && (classOf(buf[start + upper] as number) & UPPER) !== 0) upper++;
      if (t === starts.length) {
        this.grow();
        starts = this.start;
        lengths = this.length;
        positions = this.pos;
        compounds = this.compound;
        shapes = this.shape;
      }
      shapes[t] = shapeOf(upper) | initial;
      starts[t] = from;
      lengths[t] = at - from;
      positions[t] = pos++;
      compounds[t] = 0;
      if (upper >= 2) {
        const run = stringOf(buf, start, i);
        const lower = run.toLowerCase();
        const form = withoutFinalHardSign(lower.includes("ё") ? lower.replaceAll("ё", "е") : lower);
        this.setCaps(t, capsKey(run, lower, form));
      }
      t++;
    }
    this.count = t;
    this.charsUsed = at;
    return pos - 1;
  }

  // The hyphenated word `run` as tokenize has it: the whole, then each piece; returns the next position.
  #compound(run: string, pos: number, initial: number): number {
    const pieces = run.split(HYPHENS).map(foldWord);
    this.pushForm(pieces.map((f) => f.form).join("-"), pos, true, null, 0);
    pieces.forEach((f, k) => {
      this.pushForm(f.form, pos++, false, f.caps, f.shape | (k === 0 ? initial : 0));
    });
    return pos;
  }

  // The unhyphenated word at [start, end) in any script, folded as tokenize does; returns the next position.
  #general(start: number, end: number, pos: number, initial: number): number {
    this.#string ??= stringOf(this.#buf, 0, this.#length);
    const text = this.#string;
    this.#lower ??= text.toLowerCase();
    const { form, caps, shape } = foldRun(text, this.#lower, start, end);
    this.pushForm(form, pos, false, caps, shape | initial);
    return pos + 1;
  }
}

/** normalize.ts scanWord on buf[0, n): the word's end, negated when hyphens join it into a compound. */
function scanWordIn(buf: Uint16Array, start: number, n: number): number {
  let i = start;
  let hyphenated = false;
  for (;;) {
    while (i < n) {
      const code = codePointIn(buf, i, n);
      if (!isWordChar(code)) break;
      i += code > 0xffff ? 2 : 1;
    }
    if (i + 1 < n && (classOf(buf[i] as number) & HYPHEN) !== 0 && isWordChar(codePointIn(buf, i + 1, n))) {
      hyphenated = true;
      i++;
      continue;
    }
    return hyphenated ? -i : i;
  }
}

/** True when no character of buf[from, n) is one cleanForTokens would change. */
function isExact(buf: Uint16Array, from: number, n: number): boolean {
  for (let i = from; i < n; i++) if ((classOf(buf[i] as number) & (DIRTY | INEXACT)) !== 0) return false;
  return true;
}

/** #scan's answer when the text must be tokenised from cleanForTokens' string instead. */
const GAVE_UP = -0x7fffffff;
