/**
 * The prefix slots (`лити*`) of the slot table: bucketed by the fingerprint of their first 4 letters (3 for
 * 3-letter prefixes), so a token checks at most two small buckets; each prefix's letters are kept by slot
 * number in one pool and compared with the token's letters, so confirming a prefix touches no string.
 * A 32 KB filter of bucket hashes answers "no prefix starts so" for most tokens without reading the bucket
 * table: a full text has hundreds of tokens, and the bucket table, small as it is, is usually out of the
 * nearest caches after the form look-ups.
 */
import { MIN_PREFIX } from "../words/terms.js";
import { FormTable, fingerprint } from "./form-table.js";
import { growInt32 } from "./typed.js";

/** Cells of the bucket filter (one byte each), indexed by a bucket's h2. */
const FILTER_MASK = (1 << 15) - 1;

// Prefixes are bucketed by 4 letters (3 for 3-letter ones).
function bucketKey(prefix: string): string {
  return prefix.slice(0, prefix.length >= 4 ? 4 : MIN_PREFIX);
}

/** Prefix slots by bucket, with each one's letters. */
export class PrefixSlots {
  /** slot numbers by bucket fingerprint */
  readonly buckets = new FormTable();
  /** how many buckets have each filter cell (saturating at 255: such a cell stays set) */
  readonly filter = new Uint8Array(FILTER_MASK + 1);
  /** by slot number: where its letters start in `letters`, and how many */
  offset: Int32Array = new Int32Array(1024);
  length: Int32Array = new Int32Array(1024);
  /** every prefix's letters, end to end (removed ones stay until the pool is rebuilt) */
  letters: Uint16Array = new Uint16Array(4096);
  #lettersUsed = 0;
  #lettersLive = 0;
  readonly #live = new Map<number, string>();
  /** prefixes bucketed by 3 letters and by 4: a bucket length no prefix uses is not looked up at all */
  short = 0;
  long = 0;

  /** Makes room for slot numbers below `size`. */
  grow(size: number): void {
    this.offset = growInt32(this.offset, size);
    this.length = growInt32(this.length, size);
  }

  /** Whether some bucket may have this h2 (false: none has). */
  mayHave(h2: number): boolean {
    return this.filter[h2 & FILTER_MASK] !== 0;
  }

  /** Whether the token at chars[from, from + length) starts with prefix slot `n`. */
  startsWith(n: number, chars: Uint16Array, from: number, length: number): boolean {
    const size = this.length[n] as number;
    if (size > length) return false;
    const letters = this.letters;
    const at = this.offset[n] as number;
    for (let i = 0; i < size; i++) if (chars[from + i] !== letters[at + i]) return false;
    return true;
  }

  /** Adds prefix slot `n`. */
  add(n: number, prefix: string): void {
    const [h1, h2] = fingerprint(bucketKey(prefix));
    this.buckets.add(h1, h2, n);
    const cell = h2 & FILTER_MASK;
    if ((this.filter[cell] as number) < 255) this.filter[cell] = (this.filter[cell] as number) + 1;
    this.#live.set(n, prefix);
    this.#store(n, prefix);
    if (prefix.length >= 4) this.long++;
    else this.short++;
  }

  /** Removes prefix slot `n`. */
  remove(n: number, prefix: string): void {
    const [h1, h2] = fingerprint(bucketKey(prefix));
    this.buckets.remove(h1, h2, n);
    const cell = h2 & FILTER_MASK;
    if ((this.filter[cell] as number) < 255) this.filter[cell] = (this.filter[cell] as number) - 1;
    this.#live.delete(n);
    this.#lettersLive -= prefix.length;
    this.length[n] = 0;
    if (prefix.length >= 4) this.long--;
    else this.short--;
    // Removed prefixes' letters are garbage: rebuild once they are most of the pool.
    if (this.#lettersUsed > 4096 && this.#lettersLive * 2 < this.#lettersUsed) {
      this.#lettersUsed = 0;
      this.#lettersLive = 0;
      for (const [slot, text] of this.#live) this.#store(slot, text);
    }
  }

  #store(n: number, prefix: string): void {
    if (this.#lettersUsed + prefix.length > this.letters.length) {
      const grown = new Uint16Array(Math.max(this.letters.length * 2, this.#lettersUsed + prefix.length));
      grown.set(this.letters.subarray(0, this.#lettersUsed));
      this.letters = grown;
    }
    for (let i = 0; i < prefix.length; i++) this.letters[this.#lettersUsed + i] = prefix.charCodeAt(i);
    this.offset[n] = this.#lettersUsed;
    this.length[n] = prefix.length;
    this.#lettersUsed += prefix.length;
    this.#lettersLive += prefix.length;
  }
}
