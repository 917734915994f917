/**
 * The prefix slots (`лити*`) of the slot table: bucketed by the fingerprint of their first 4 letters (3 for
 * 3-letter prefixes), so a token checks at most two small buckets; a bucket holds where its first prefix's
 * entry is in one pool, each entry leads to the next of its bucket, and their letters are compared with the
 * token's, so confirming a prefix touches no string and no JS array (a bucket of several prefixes used to
 * be one: a cache miss more per token that shares its first letters with a followed prefix).
 * An 8 KB bit filter of bucket hashes answers "no prefix starts so" for most tokens without reading the bucket
 * table: a full text has hundreds of tokens, and the bucket table, small as it is, is usually out of the
 * nearest caches after the form look-ups.
 */
import { MIN_PREFIX } from "../words/terms.js";
import { FormTable, fingerprint } from "./form-table.js";
import { clearBit, setBit } from "./typed.js";

/** Cells of the bucket filter, indexed by a bucket's h2: a bit each where tokens read it (8 KB, so it stays
 * in L1 beside everything else a token touches), a count each where prefixes are added and removed. */
const FILTER_MASK = (1 << 16) - 1;

// Prefixes are bucketed by 4 letters (3 for 3-letter ones).
function bucketKey(prefix: string): string {
  return prefix.slice(0, prefix.length >= 4 ? 4 : MIN_PREFIX);
}

/**
 * Pool cells of an entry before its letters: the prefix's length, its slot number's low and high halves,
 * then the next entry of its bucket (offset + 1, 0 at the end) as low and high halves.
 */
const ENTRY_HEAD = 5;

/** Prefix slots by bucket, with each one's letters. */
export class PrefixSlots {
  /** bucket fingerprint → the offset in `pool` of the bucket's first entry */
  #buckets = new FormTable();
  /** how many buckets have each filter cell (saturating at 255: such a cell stays set) */
  readonly #counts = new Uint8Array(FILTER_MASK + 1);
  /** bit per filter cell: set iff its count is not 0 */
  readonly #bits = new Int32Array((FILTER_MASK + 1) >> 5);
  /**
   * Every prefix as one entry, end to end: [length, slot low 16 bits, slot high bits, next low, next
   * high, ...letters] — what a bucket hit needs to confirm and name a prefix is in one place, so it costs
   * one cache miss, not three (removed entries stay until the pool is rebuilt).
   */
  pool: Uint16Array = new Uint16Array(4096);
  #poolUsed = 0;
  #poolLive = 0;
  readonly #live = new Map<number, string>();
  /** prefixes bucketed by 3 letters and by 4: a bucket length no prefix uses is not looked up at all */
  short = 0;
  long = 0;

  /** The offset of the first entry in the bucket with this fingerprint (a token's first 3 or 4 letters), or -1. */
  bucket(h1: number, h2: number): number {
    const at = this.#buckets.get(h1, h2);
    return typeof at === "number" ? at : -1;
  }

  /** The entry after the one at `at` in its bucket, or -1. */
  next(at: number): number {
    const pool = this.pool;
    return ((pool[at + 3] as number) | ((pool[at + 4] as number) << 16)) - 1;
  }

  /** Whether some bucket may have this h2 (false: none has). */
  mayHave(h2: number): boolean {
    const cell = h2 & FILTER_MASK;
    return ((this.#bits[cell >> 5] as number) & (1 << (cell & 31))) !== 0;
  }

  /** The slot of the entry at `at` if the token at chars[from, from + length) starts with its prefix, else -1. */
  slotIfPrefix(at: number, chars: Uint16Array, from: number, length: number): number {
    const pool = this.pool;
    const size = pool[at] as number;
    if (size > length) return -1;
    const letters = at + ENTRY_HEAD;
    for (let i = 0; i < size; i++) if (chars[from + i] !== pool[letters + i]) return -1;
    return (pool[at + 1] as number) | ((pool[at + 2] as number) << 16);
  }

  /** Adds prefix slot `n`. */
  add(n: number, prefix: string): void {
    const cell = this.#link(prefix, this.#store(n, prefix));
    this.#count(cell, 1);
    this.#live.set(n, prefix);
    if (prefix.length >= 4) this.long++;
    else this.short++;
  }

  /** Removes prefix slot `n`. */
  remove(n: number, prefix: string): void {
    const [h1, h2] = fingerprint(bucketKey(prefix));
    const head = this.bucket(h1, h2);
    let before = -1;
    let at = head;
    while (at >= 0 && this.#slotAt(at) !== n) {
      before = at;
      at = this.next(at);
    }
    if (at < 0) return;
    const after = this.next(at);
    if (before >= 0) this.#setNext(before, after);
    else {
      this.#buckets.remove(h1, h2, head);
      if (after >= 0) this.#buckets.add(h1, h2, after);
    }
    this.#count(h2 & FILTER_MASK, -1);
    this.#live.delete(n);
    this.#poolLive -= ENTRY_HEAD + prefix.length;
    if (prefix.length >= 4) this.long--;
    else this.short--;
    // Removed prefixes' entries are garbage: rebuild once they are most of the pool.
    if (this.#poolUsed > 4096 && this.#poolLive * 2 < this.#poolUsed) {
      this.#poolUsed = 0;
      this.#poolLive = 0;
      this.#buckets = new FormTable();
      for (const [slot, text] of this.#live) this.#link(text, this.#store(slot, text));
    }
  }

  // Counts a bucket in or out of a filter cell (a saturated count stays: its buckets are not all known).
  #count(cell: number, delta: number): void {
    const count = this.#counts[cell] as number;
    if (count === 255) return;
    this.#counts[cell] = count + delta;
    if (count + delta > 0) setBit(this.#bits, cell);
    else clearBit(this.#bits, cell);
  }

  // Makes the entry at `at` (just stored) its bucket's first; returns the bucket's filter cell.
  #link(prefix: string, at: number): number {
    const [h1, h2] = fingerprint(bucketKey(prefix));
    const head = this.bucket(h1, h2);
    if (head >= 0) this.#buckets.remove(h1, h2, head);
    this.#setNext(at, head);
    this.#buckets.add(h1, h2, at);
    return h2 & FILTER_MASK;
  }

  #slotAt(at: number): number {
    return (this.pool[at + 1] as number) | ((this.pool[at + 2] as number) << 16);
  }

  #setNext(at: number, next: number): void {
    this.pool[at + 3] = (next + 1) & 0xffff;
    this.pool[at + 4] = (next + 1) >>> 16;
  }

  // Writes slot `n`'s entry at the pool's end; returns its offset.
  #store(n: number, prefix: string): number {
    const size = ENTRY_HEAD + prefix.length;
    if (this.#poolUsed + size > this.pool.length) {
      const grown = new Uint16Array(Math.max(this.pool.length * 2, this.#poolUsed + size));
      grown.set(this.pool.subarray(0, this.#poolUsed));
      this.pool = grown;
    }
    const at = this.#poolUsed;
    this.pool[at] = prefix.length;
    this.pool[at + 1] = n & 0xffff;
    this.pool[at + 2] = n >>> 16;
    for (let i = 0; i < prefix.length; i++) this.pool[at + ENTRY_HEAD + i] = prefix.charCodeAt(i);
    this.#poolUsed += size;
    this.#poolLive += size;
    return at;
  }
}
