import { type Occurrence, SHAPE_INITIAL } from "../words/homonyms.js";
import {
  BODY_MAX_CHARS,
  capsKey,
  cleanForTokens,
  foldRun,
  foldWord,
  HYPHENS,
  hasSentenceBreak,
  opensClause,
  scanWord,
  shapeOf,
  skipToWord,
} from "./normalize.js";

/**
 * An item's tokens for the index, written into reusable typed arrays instead of Token objects and
 * strings: each form's letters (lower case, ё → е, as Token.form) go into one UTF-16 buffer. This is the
 * same tokenisation as tokenizeItem (tests compare them) without the per-item allocations, the whole-text
 * lower-casing and the strings that scanning an item would only hash and drop.
 */
export class TokenBuffer {
  /** letters of every form, end to end */
  chars: Uint16Array = new Uint16Array(4096);
  charsUsed = 0;
  /** per token: where its form starts in `chars`, its length, position, 1 for a compound's whole */
  start: Int32Array = new Int32Array(256);
  length: Int32Array = new Int32Array(256);
  pos: Int32Array = new Int32Array(256);
  compound: Uint8Array = new Uint8Array(256);
  /** per token: Token.shape */
  shape: Uint8Array = new Uint8Array(256);
  /** per token: Token.caps */
  readonly caps: Array<string | null> = [];
  count = 0;

  /** Tokenises title and summary as tokenizeItem does, replacing the previous content. */
  fill(title: string, summary: string, body?: string | null): void {
    this.count = 0;
    this.charsUsed = 0;
    // Feeds parsed without types sometimes hand over undefined for a missing summary.
    const end = this.#text(cleanForTokens(title ?? ""), 0);
    // The gaps keep phrases from spanning two texts, as in tokenizeItem.
    this.#text(cleanForTokens(summary ?? ""), this.count === 0 ? 0 : end + 2);
    if (body) {
      const last = this.count === 0 ? -2 : (this.pos[this.count - 1] as number);
      this.#text(cleanForTokens(body.slice(0, BODY_MAX_CHARS)), last + 2);
    }
  }

  /** The form of token `t` as a string (for tests and debugging). */
  form(t: number): string {
    const from = this.start[t] as number;
    return String.fromCharCode(...this.chars.subarray(from, from + (this.length[t] as number)));
  }

  /** Token `t` with its neighbours in the same sentence, as homonym guards judge it (occurrenceOf). */
  occurrence(t: number): Occurrence {
    const pos = this.pos[t] as number;
    const prev = this.#wordAt(t - 1, -1, pos - 1);
    const next = this.#wordAt(t + 1, 1, pos + 1);
    const next2 = this.#wordAt(t + 1, 1, pos + 2);
    return {
      shape: this.shape[t] as number,
      prev: prev < 0 ? null : this.form(prev),
      next: next < 0 ? null : this.form(next),
      nextShape: next < 0 ? 0 : (this.shape[next] as number),
      next2: next2 < 0 ? null : this.form(next2),
    };
  }

  #wordAt(from: number, step: number, pos: number): number {
    for (let j = from; j >= 0 && j < this.count; j += step) {
      if (this.compound[j] === 1) continue;
      const p = this.pos[j] as number;
      if (p === pos) return j;
      if (step > 0 ? p > pos : p < pos) return -1;
    }
    return -1;
  }

  #push(pos: number, compound: boolean, caps: string | null, shape: number): number {
    const t = this.count;
    if (t === this.start.length) {
      const size = t * 2;
      this.start = growTyped(this.start, new Int32Array(size));
      this.length = growTyped(this.length, new Int32Array(size));
      this.pos = growTyped(this.pos, new Int32Array(size));
      this.compound = growTyped(this.compound, new Uint8Array(size));
      this.shape = growTyped(this.shape, new Uint8Array(size));
    }
    this.shape[t] = shape;
    this.start[t] = this.charsUsed;
    this.length[t] = 0;
    this.pos[t] = pos;
    this.compound[t] = compound ? 1 : 0;
    this.caps[t] = caps;
    this.count = t + 1;
    return t;
  }

  #room(n: number): Uint16Array {
    if (this.charsUsed + n > this.chars.length) {
      const grown = new Uint16Array(Math.max(this.chars.length * 2, this.charsUsed + n));
      grown.set(this.chars);
      this.chars = grown;
    }
    return this.chars;
  }

  #pushForm(form: string, pos: number, compound: boolean, caps: string | null, shape: number): void {
    const t = this.#push(pos, compound, caps, shape);
    const chars = this.#room(form.length);
    let at = this.charsUsed;
    for (let i = 0; i < form.length; i++) chars[at++] = form.charCodeAt(i);
    this.length[t] = form.length;
    this.charsUsed = at;
  }

  // One cleaned text, as tokenize(text, startPos); returns the last position used (startPos - 1 if none).
  #text(text: string, startPos: number): number {
    let lowerAll: string | null = null;
    let pos = startPos;
    let last = 0;
    const first = this.count;
    const length = text.length;
    for (let i = skipToWord(text, 0); i < length; i = skipToWord(text, i)) {
      const start = i;
      const scanned = scanWord(text, start);
      const hyphenated = scanned < 0;
      const end = hyphenated ? -scanned : scanned;
      i = end;
      // Plain: only ASCII letters/digits and the Russian alphabet, which are lower-cased right here.
      let plain = !hyphenated;
      for (let k = start; plain && k < end; k++) {
        const c = text.charCodeAt(k);
        if (c >= 0x80 && !(c >= 0x410 && c <= 0x44f) && c !== 0x401 && c !== 0x451) plain = false;
      }
      if (hasSentenceBreak(text, last, start)) pos++;
      const initial = this.count === first || opensClause(text, last, start) ? SHAPE_INITIAL : 0;
      last = end;
      if (hyphenated) {
        const pieces = text.slice(start, end).split(HYPHENS).map(foldWord);
        this.#pushForm(pieces.map((f) => f.form).join("-"), pos, true, null, 0);
        pieces.forEach((f, k) => {
          this.#pushForm(f.form, pos++, false, f.caps, f.shape | (k === 0 ? initial : 0));
        });
        continue;
      }
      if (plain) {
        let cyr = 0;
        let lat = 0;
        let upper = 0;
        let leading = true;
        const t = this.#push(pos++, false, null, 0);
        const chars = this.#room(end - start);
        let at = this.charsUsed;
        for (let k = start; k < end; k++) {
          let c = text.charCodeAt(k);
          let isUpper = false;
          if (c < 0x80) {
            if (c >= 65 && c <= 90) {
              c += 32;
              isUpper = true;
            }
            if (c >= 97) lat++;
          } else {
            cyr++;
            if (c <= 0x42f) {
              isUpper = true;
              c = c === 0x401 ? 0x435 : c + 32;
            } else if (c === 0x451) {
              c = 0x435;
            }
          }
          if (leading && isUpper) upper++;
          else leading = false;
          chars[at++] = c;
        }
        if (cyr > 0 && lat > 0) {
          // Mixed scripts: look-alike folding, as tokenize does.
          this.count--;
          pos--;
          const { form, caps, shape } = foldWord(text.slice(start, end));
          this.#pushForm(form, pos++, false, caps, shape | initial);
          continue;
        }
        this.length[t] = end - start;
        this.charsUsed = at;
        this.shape[t] = shapeOf(upper) | initial;
        if (upper >= 2) {
          const run = text.slice(start, end);
          const lower = run.toLowerCase();
          this.caps[t] = capsKey(run, lower, lower.includes("ё") ? lower.replaceAll("ё", "е") : lower);
        }
        continue;
      }
      // Anything else: exactly tokenize's way, with the whole text lower-cased once.
      lowerAll ??= text.toLowerCase();
      const { form, caps, shape } = foldRun(text, lowerAll, start, end);
      this.#pushForm(form, pos++, false, caps, shape | initial);
    }
    return pos - 1;
  }
}

function growTyped<T extends Int32Array | Uint8Array>(from: T, into: T): T {
  into.set(from);
  return into;
}
