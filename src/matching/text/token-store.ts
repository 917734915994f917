import type { Occurrence } from "../words/homonyms.js";

/**
 * The tokens of one item in reusable typed arrays (TokenBuffer fills them): each form's letters (lower
 * case, ё → е, as Token.form) end to end in one UTF-16 buffer, and per token where they start, their
 * length, the position, the shape and the caps key.
 */
export class TokenStore {
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
  readonly caps: Array<string | null> = new Array<string | null>(256).fill(null);
  count = 0;

  /** The form of token `t` as a string (homonym guards, tests). */
  form(t: number): string {
    const from = this.start[t] as number;
    // apply, not a spread: homonym guards call this on the hot path, and a spread walks an iterator.
    return String.fromCharCode.apply(
      null,
      this.chars.subarray(from, from + (this.length[t] as number)) as unknown as number[],
    );
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
    if (t === this.start.length) this.grow();
    this.shape[t] = shape;
    this.start[t] = this.charsUsed;
    this.length[t] = 0;
    this.pos[t] = pos;
    this.compound[t] = compound ? 1 : 0;
    if (caps !== null) this.setCaps(t, caps);
    this.count = t + 1;
    return t;
  }

  /** Doubles the per-token arrays (callers holding them reload them). */
  protected grow(): void {
    const size = this.start.length * 2;
    this.start = growTyped(this.start, new Int32Array(size));
    this.length = growTyped(this.length, new Int32Array(size));
    this.pos = growTyped(this.pos, new Int32Array(size));
    this.compound = growTyped(this.compound, new Uint8Array(size));
    this.shape = growTyped(this.shape, new Uint8Array(size));
    for (let t = this.caps.length; t < size; t++) this.caps.push(null);
  }

  // `caps` is null for every token but those listed in #capsAt, so a word without one writes nothing there.
  #capsAt: number[] = [];

  /** Sets token t's caps key unless null. */
  protected setCaps(t: number, caps: string | null): void {
    if (caps === null) return;
    this.caps[t] = caps;
    this.#capsAt.push(t);
  }

  /** Nulls the caps of tokens from `t` on (a new fill, or a scan that gave up). */
  protected clearCaps(t: number): void {
    const at = this.#capsAt;
    while (at.length > 0 && (at[at.length - 1] as number) >= t) this.caps[at.pop() as number] = null;
  }

  /** `chars`, with room for n more letters after charsUsed. */
  protected room(n: number): Uint16Array {
    if (this.charsUsed + n > this.chars.length) {
      const grown = new Uint16Array(Math.max(this.chars.length * 2, this.charsUsed + n));
      grown.set(this.chars);
      this.chars = grown;
    }
    return this.chars;
  }

  /** Appends a token with the letters of `form`. */
  protected pushForm(form: string, pos: number, compound: boolean, caps: string | null, shape: number): void {
    const t = this.#push(pos, compound, caps, shape);
    const chars = this.room(form.length);
    let at = this.charsUsed;
    for (let i = 0; i < form.length; i++) chars[at++] = form.charCodeAt(i);
    this.length[t] = form.length;
    this.charsUsed = at;
  }
}

function growTyped<T extends Int32Array | Uint8Array>(from: T, into: T): T {
  into.set(from);
  return into;
}
