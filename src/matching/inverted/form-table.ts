/**
 * Token form → slot number(s), as open addressing over one Int32Array keyed by a 64-bit fingerprint
 * (two independent 32-bit hashes of the form). A probe reads one cache line and no string, where a JS
 * Map with ~300,000 keys costs three or four cache misses per found word — the largest single cost of
 * matching an item. Two different forms sharing both hashes (odds ≈ 10⁻⁹ for the whole index) would
 * only make one word also count as the other.
 */
import { swapRemove } from "./typed.js";

const EMPTY = -0x80000000;
const TOMBSTONE = -0x7fffffff;
const STRIDE = 4; // h1, h2, value, unused: four cells to a 64-byte cache line

/** The two hashes of a string: FNV-1a and a multiplicative one, computed in one pass. */
export function fingerprint(key: string): [number, number] {
  let h1 = 0x811c9dc5;
  let h2 = 0;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = (Math.imul(h2, 0x9e3779b1) + c + 0x7f4a7c15) | 0;
  }
  return [h1 | 0, h2];
}

/** Multimap from fingerprint to slot numbers; a value ≥ 0 is one slot, < 0 points into `lists`. */
export class FormTable {
  #cells = new Int32Array(STRIDE * 1024).fill(EMPTY);
  #mask = 1023;
  #used = 0;
  readonly #lists: number[][] = [];
  readonly #freeLists: number[] = [];

  /** The slot numbers under a fingerprint, or null; the array must not be changed. */
  get(h1: number, h2: number): number | readonly number[] | null {
    const cells = this.#cells;
    for (let i = h1 & this.#mask; ; i = (i + 1) & this.#mask) {
      const at = i * STRIDE;
      const value = cells[at + 2] as number;
      if (value === EMPTY) return null;
      if (cells[at] === h1 && cells[at + 1] === h2 && value !== TOMBSTONE) {
        return value >= 0 ? value : (this.#lists[-value - 1] as number[]);
      }
    }
  }

  /**
   * Reads the first cell of each fingerprint's probe (`h1s[k × stride]`, k < count) without using the answers: the
   * loads do not depend on one another, so the CPU overlaps their cache misses instead of waiting for
   * them one at a time in the real look-ups that follow. Returns a value only so the reads are kept.
   */
  touch(h1s: Int32Array, count: number, stride = 1): number {
    const cells = this.#cells;
    const mask = this.#mask;
    let sum = 0;
    for (let t = 0; t < count; t++) sum ^= cells[((h1s[t * stride] as number) & mask) * STRIDE] as number;
    return sum;
  }

  /** Adds slot `n` under a fingerprint. */
  add(h1: number, h2: number, n: number): void {
    const at = this.#find(h1, h2);
    if (at >= 0) {
      const value = this.#cells[at + 2] as number;
      if (value >= 0) {
        const list = this.#freeLists.length > 0 ? (this.#freeLists.pop() as number) : this.#lists.length;
        this.#lists[list] = [value, n];
        this.#cells[at + 2] = -list - 1;
      } else {
        (this.#lists[-value - 1] as number[]).push(n);
      }
      return;
    }
    if ((this.#used + 1) * 2 > this.#mask + 1) this.#rehash((this.#mask + 1) * 2);
    const cells = this.#cells;
    let i = h1 & this.#mask;
    while ((cells[i * STRIDE + 2] as number) !== EMPTY && cells[i * STRIDE + 2] !== TOMBSTONE)
      i = (i + 1) & this.#mask;
    if (cells[i * STRIDE + 2] === EMPTY) this.#used++;
    cells[i * STRIDE] = h1;
    cells[i * STRIDE + 1] = h2;
    cells[i * STRIDE + 2] = n;
  }

  /** Removes slot `n` from under a fingerprint; true when nothing is left there. */
  remove(h1: number, h2: number, n: number): boolean {
    const at = this.#find(h1, h2);
    if (at < 0) return false;
    const value = this.#cells[at + 2] as number;
    if (value >= 0) {
      if (value !== n) return false;
      this.#cells[at + 2] = TOMBSTONE;
      return true;
    }
    const list = this.#lists[-value - 1] as number[];
    swapRemove(list, list.indexOf(n));
    if (list.length === 1) {
      this.#cells[at + 2] = list[0] as number;
      this.#freeLists.push(-value - 1);
    }
    return false;
  }

  #find(h1: number, h2: number): number {
    const cells = this.#cells;
    for (let i = h1 & this.#mask; ; i = (i + 1) & this.#mask) {
      const at = i * STRIDE;
      const value = cells[at + 2] as number;
      if (value === EMPTY) return -1;
      if (cells[at] === h1 && cells[at + 1] === h2 && value !== TOMBSTONE) return at;
    }
  }

  // Tombstones count as used, so rehashing also clears them.
  #rehash(size: number): void {
    const old = this.#cells;
    this.#cells = new Int32Array(STRIDE * size).fill(EMPTY);
    this.#mask = size - 1;
    this.#used = 0;
    for (let at = 0; at < old.length; at += STRIDE) {
      const value = old[at + 2] as number;
      if (value === EMPTY || value === TOMBSTONE) continue;
      let i = (old[at] as number) & this.#mask;
      while (this.#cells[i * STRIDE + 2] !== EMPTY) i = (i + 1) & this.#mask;
      this.#cells[i * STRIDE] = old[at] as number;
      this.#cells[i * STRIDE + 1] = old[at + 1] as number;
      this.#cells[i * STRIDE + 2] = value;
      this.#used++;
    }
  }
}
