/**
 * Token form → slot number(s), as open addressing over one Int32Array keyed by a fingerprint of the form
 * (two independent 32-bit hashes). A probe reads one cache line and no string, where a JS Map with
 * ~300,000 keys costs three or four cache misses per found word — the largest single cost of matching an
 * item. A hot cell is 8 bytes (h1, then h2's top bits beside the value) so that the table for 100,000
 * subscriptions stays near 4 MB: past ~6 MB every random read on this kind of machine also misses the
 * TLB and costs ~6× more (bench/matching README). The cell is chosen by h2's low bits, so a form is
 * told from another by h1, h2's top 7 bits and the cell: ≥ 49 bits; two forms sharing them all (odds
 * ≈ 10⁻⁸ for the whole index) would only make one word also count as the other.
 */
import { swapRemove } from "./typed.js";

/** Values the table holds are below this (slot numbers and their flags). */
export const FORM_VALUE_LIMIT = 1 << 24;
const VALUE_BITS = 0xffffff;
const LIST = 1 << 24;
const TAG_SHIFT = 25;
const EMPTY = -1;
const TOMBSTONE = -2;

// The two hashes: FNV-1a, and a multiplicative one.
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const MUL = 0x9e3779b1;
const ADD = 0x7f4a7c15;

/** The two hashes of a string: FNV-1a and a multiplicative one, computed in one pass. */
export function fingerprint(key: string): [number, number] {
  let h1 = FNV_OFFSET;
  let h2 = 0;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, FNV_PRIME);
    h2 = (Math.imul(h2, MUL) + c + ADD) | 0;
  }
  return [h1 | 0, h2];
}

/** Cells per token written by tokenFingerprints: its fingerprint, then those of its first 3 and 4 letters. */
export const TOKEN_HASHES = 6;

/**
 * fingerprint() of every token's letters (`chars[start[t], start[t] + length[t])`, t < count), with the
 * fingerprints of its first 3 and first 4 letters (prefix buckets), in one pass over the letters. Writes
 * into `into` when it is large enough; returns the array written.
 */
export function tokenFingerprints(
  tokens: { chars: Uint16Array; start: Int32Array; length: Int32Array; count: number },
  into: Int32Array,
): Int32Array {
  const { chars, start, length, count } = tokens;
  const hashes = count * TOKEN_HASHES > into.length ? new Int32Array(count * TOKEN_HASHES * 2) : into;
  for (let t = 0; t < count; t++) {
    let h1 = FNV_OFFSET;
    let h2 = 0;
    const from = start[t] as number;
    const n = length[t] as number;
    const at = t * TOKEN_HASHES;
    for (let i = 0; i < n; i++) {
      const c = chars[from + i] as number;
      h1 = Math.imul(h1 ^ c, FNV_PRIME);
      h2 = (Math.imul(h2, MUL) + c + ADD) | 0;
      if (i === 2) {
        hashes[at + 2] = h1;
        hashes[at + 3] = h2;
      } else if (i === 3) {
        hashes[at + 4] = h1;
        hashes[at + 5] = h2;
      }
    }
    hashes[at] = h1;
    hashes[at + 1] = h2;
  }
  return hashes;
}

/** Multimap from fingerprint to values (0 ≤ value < FORM_VALUE_LIMIT). */
export class FormTable {
  // Per cell: h1, then (h2 >>> 25) << 25 | LIST? | value or list number; EMPTY / TOMBSTONE in the second.
  #cells = new Int32Array(2 * 1024).fill(EMPTY);
  // Each cell's whole h2, off the hot path: for add, remove and rehash (the cell index comes from it).
  #h2s = new Int32Array(1024);
  #mask = 1023;
  #used = 0;
  readonly #lists: number[][] = [];
  readonly #freeLists: number[] = [];

  /** The values under a fingerprint, or null; the array must not be changed. */
  get(h1: number, h2: number): number | readonly number[] | null {
    const cells = this.#cells;
    const tag = (h2 >>> TAG_SHIFT) << TAG_SHIFT;
    for (let i = h2 & this.#mask; ; i = (i + 1) & this.#mask) {
      const packed = cells[2 * i + 1] as number;
      if (packed === EMPTY) return null;
      if (cells[2 * i] === h1 && (packed & ~(LIST | VALUE_BITS)) === tag && packed !== TOMBSTONE) {
        const value = packed & VALUE_BITS;
        return (packed & LIST) === 0 ? value : (this.#lists[value] as number[]);
      }
    }
  }

  /**
   * Reads the cell a fingerprint's probe starts at without using the answer. Called for a whole text's
   * tokens in a row before the real look-ups: the loads do not depend on one another, so the CPU overlaps
   * their cache misses instead of waiting for them one at a time. Returns a value only so the read is kept.
   */
  touch(h2: number): number {
    return this.#cells[2 * (h2 & this.#mask) + 1] as number;
  }

  /** Adds `value` under a fingerprint. */
  add(h1: number, h2: number, value: number): void {
    if (value < 0 || value >= FORM_VALUE_LIMIT)
      throw new RangeError(`form table value out of range: ${value}`);
    const at = this.#find(h1, h2);
    const tag = (h2 >>> TAG_SHIFT) << TAG_SHIFT;
    if (at >= 0) {
      const packed = this.#cells[at + 1] as number;
      if ((packed & LIST) === 0) {
        const list = this.#freeLists.length > 0 ? (this.#freeLists.pop() as number) : this.#lists.length;
        if (list >= FORM_VALUE_LIMIT - 2) throw new RangeError("form table: too many shared forms");
        this.#lists[list] = [packed & VALUE_BITS, value];
        this.#cells[at + 1] = tag | LIST | list;
      } else {
        (this.#lists[packed & VALUE_BITS] as number[]).push(value);
      }
      return;
    }
    if ((this.#used + 1) * 8 > (this.#mask + 1) * 5) this.#rehash((this.#mask + 1) * 2);
    const cells = this.#cells;
    let i = h2 & this.#mask;
    while (cells[2 * i + 1] !== EMPTY && cells[2 * i + 1] !== TOMBSTONE) i = (i + 1) & this.#mask;
    if (cells[2 * i + 1] === EMPTY) this.#used++;
    cells[2 * i] = h1;
    cells[2 * i + 1] = tag | value;
    this.#h2s[i] = h2;
  }

  /** Removes `value` from under a fingerprint; true when nothing is left there. */
  remove(h1: number, h2: number, value: number): boolean {
    const at = this.#find(h1, h2);
    if (at < 0) return false;
    const packed = this.#cells[at + 1] as number;
    if ((packed & LIST) === 0) {
      if ((packed & VALUE_BITS) !== value) return false;
      this.#cells[at + 1] = TOMBSTONE;
      return true;
    }
    const number = packed & VALUE_BITS;
    const list = this.#lists[number] as number[];
    swapRemove(list, list.indexOf(value));
    if (list.length === 1) {
      this.#cells[at + 1] = (packed & ~(LIST | VALUE_BITS)) | (list[0] as number);
      this.#freeLists.push(number);
    }
    return false;
  }

  // The cell (its first Int32 index) holding exactly this fingerprint, or -1.
  #find(h1: number, h2: number): number {
    const cells = this.#cells;
    for (let i = h2 & this.#mask; ; i = (i + 1) & this.#mask) {
      const packed = cells[2 * i + 1] as number;
      if (packed === EMPTY) return -1;
      if (cells[2 * i] === h1 && this.#h2s[i] === h2 && packed !== TOMBSTONE) return 2 * i;
    }
  }

  // Tombstones count as used, so rehashing also clears them.
  #rehash(size: number): void {
    const old = this.#cells;
    const oldH2s = this.#h2s;
    this.#cells = new Int32Array(2 * size).fill(EMPTY);
    this.#h2s = new Int32Array(size);
    this.#mask = size - 1;
    this.#used = 0;
    for (let c = 0; c < oldH2s.length; c++) {
      const packed = old[2 * c + 1] as number;
      if (packed === EMPTY || packed === TOMBSTONE) continue;
      const h2 = oldH2s[c] as number;
      let i = h2 & this.#mask;
      while (this.#cells[2 * i + 1] !== EMPTY) i = (i + 1) & this.#mask;
      this.#cells[2 * i] = old[2 * c] as number;
      this.#cells[2 * i + 1] = packed;
      this.#h2s[i] = h2;
      this.#used++;
    }
  }
}
