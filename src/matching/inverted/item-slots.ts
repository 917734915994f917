/**
 * Which slots the current item contains, and where. Presence is one bit per slot: a few kilobytes for
 * 100,000 subscriptions, so the many checks a candidate query makes for words the item lacks stay in L1
 * instead of each reaching a cold line of per-slot state. Positions are kept only for present slots that
 * some phrase or NEAR term needs (most words are only ever asked whether they occur), in per-item arrays
 * numbered in order of first occurrence.
 */
import { growInt32 } from "./typed.js";

/** Per-item slot presence and positions, reused from item to item (runPlan reads it). */
export class ItemSlots {
  /** bit n (word n >> 5, bit n & 31) is set iff slot n occurs in the current item */
  present: Int32Array = new Int32Array(32);
  /** slot number → its number among the item's present slots; valid only while its bit is set, for
   * slots whose positions are kept */
  local: Int32Array = new Int32Array(1024);
  /** per present slot: head of its position chain in the pool (descending positions, -1 ends it) */
  heads: Int32Array = new Int32Array(256);
  /** per present slot: the last position noted (a hyphenated run may note one twice) */
  #last: Int32Array = new Int32Array(256);
  /** the present slots, by their local number */
  #seen: Int32Array = new Int32Array(256);
  #seenCount = 0;
  /** position chains: a position and the pool index of the next (lower) one */
  poolPos: Int32Array = new Int32Array(1024);
  poolNext: Int32Array = new Int32Array(1024);
  #used = 0;
  /** the present slots that anchor queries (records to evaluate), hits[0, hitCount) */
  hits: Int32Array = new Int32Array(256);
  hitCount = 0;
  /** bit per slot: it anchors queries (the slot table's) */
  #anchored: Int32Array = new Int32Array(0);
  /** bit per slot: a phrase or NEAR term uses it, so its positions are kept (the slot table's) */
  #positional: Int32Array = new Int32Array(0);

  /** Makes room for slot numbers below `slots`. */
  grow(slots: number): void {
    if (slots > this.local.length) this.local = growInt32(this.local, slots);
    if (slots > this.present.length * 32) this.present = growInt32(this.present, Math.ceil(slots / 32));
  }

  /**
   * Forgets the previous item. `anchored` has a bit set for each slot that anchors queries, `positional`
   * for each slot whose positions a phrase or NEAR term needs.
   */
  begin(anchored: Int32Array, positional: Int32Array): void {
    this.#anchored = anchored;
    this.#positional = positional;
    this.hitCount = 0;
    const present = this.present;
    const seen = this.#seen;
    for (let k = 0; k < this.#seenCount; k++) present[(seen[k] as number) >> 5] = 0;
    this.#seenCount = 0;
    this.#used = 0;
  }

  /** Whether slot `n` occurs in the current item. */
  has(n: number): boolean {
    return ((this.present[n >> 5] as number) & (1 << (n & 31))) !== 0;
  }

  /** Notes slot `n` at position `pos` (a hit if it anchors queries); true on its first occurrence in this item. */
  note(n: number, pos: number): boolean {
    const word = n >> 5;
    const bit = 1 << (n & 31);
    const bits = this.present[word] as number;
    const positional = ((this.#positional[word] as number) & bit) !== 0;
    if ((bits & bit) !== 0) {
      if (!positional) return false;
      const used = this.#reserve();
      const k = this.local[n] as number;
      if (this.#last[k] === pos) return false;
      this.#last[k] = pos;
      this.poolPos[used] = pos;
      this.poolNext[used] = this.heads[k] as number;
      this.heads[k] = used;
      this.#used = used + 1;
      return false;
    }
    this.present[word] = bits | bit;
    const k = this.#seenCount;
    if (k === this.#seen.length) {
      this.#seen = growInt32(this.#seen, k * 2);
      this.#last = growInt32(this.#last, k * 2);
      this.heads = growInt32(this.heads, k * 2);
    }
    this.#seen[k] = n;
    this.#seenCount = k + 1;
    if (positional) {
      const used = this.#reserve();
      this.local[n] = k;
      this.#last[k] = pos;
      this.heads[k] = used;
      this.poolPos[used] = pos;
      this.poolNext[used] = -1;
      this.#used = used + 1;
    }
    if (((this.#anchored[word] as number) & bit) !== 0) {
      if (this.hitCount === this.hits.length) this.hits = growInt32(this.hits, this.hitCount * 2);
      this.hits[this.hitCount++] = n;
    }
    return true;
  }

  // The next free pool cell, growing the pool when it is full.
  #reserve(): number {
    const used = this.#used;
    if (used === this.poolPos.length) {
      this.poolPos = growInt32(this.poolPos, used * 2);
      this.poolNext = growInt32(this.poolNext, used * 2);
    }
    return used;
  }
}
