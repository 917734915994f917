import { describe, expect, it } from "vitest";
import { ItemSlots } from "../../src/matching/inverted/item-slots.js";
import { setBit } from "../../src/matching/inverted/typed.js";

// A present slot's positions, newest first, as runPlan's phrase and NEAR checks walk them.
function positions(items: ItemSlots, n: number): number[] {
  const out: number[] = [];
  for (let i = items.heads[items.local[n] as number] as number; i >= 0; i = items.poolNext[i] as number)
    out.push(items.poolPos[i] as number);
  return out;
}

describe("ItemSlots", () => {
  it("marks slots present, keeps positions of phrase words, and hits only slots that anchor queries", () => {
    const items = new ItemSlots();
    items.grow(100_000);
    const anchored = new Int32Array(100_000 / 32);
    setBit(anchored, 31);
    setBit(anchored, 99_999);
    const positional = new Int32Array(100_000 / 32);
    setBit(positional, 31);
    setBit(positional, 99_999);
    items.begin(anchored, positional);
    expect(items.note(31, 0)).toBe(true);
    expect(items.note(32, 1)).toBe(true);
    expect(items.note(31, 4)).toBe(false);
    // A hyphenated run may note the same slot at one position twice: kept once.
    expect(items.note(31, 4)).toBe(false);
    expect(items.note(99_999, 5)).toBe(true);
    expect([31, 32, 99_999, 30, 33].map((n) => items.has(n))).toEqual([true, true, true, false, false]);
    expect(positions(items, 31)).toEqual([4, 0]);
    expect(positions(items, 99_999)).toEqual([5]);
    expect([...items.hits.subarray(0, items.hitCount)]).toEqual([31, 99_999]);
    // Slot 32 is in no phrase: present, and no pool cell spent on it (the next position lands right after).
    expect(items.note(40, 6)).toBe(true);
    expect(items.note(99_999, 7)).toBe(false);
    expect(positions(items, 99_999)).toEqual([7, 5]);
    expect(items.poolPos.subarray(0, 4)).toEqual(Int32Array.from([0, 4, 5, 7]));
  });

  it("forgets the previous item, however many slots it had", () => {
    const items = new ItemSlots();
    items.grow(4096);
    const all = new Int32Array(4096 / 32).fill(-1);
    items.begin(all, all);
    for (let n = 0; n < 4096; n += 3) items.note(n, n);
    items.begin(all, all);
    expect([0, 3, 4095].some((n) => items.has(n))).toBe(false);
    expect(items.hitCount).toBe(0);
    expect(items.note(3, 7)).toBe(true);
    expect(positions(items, 3)).toEqual([7]);
  });
});
