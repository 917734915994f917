import { describe, expect, it } from "vitest";
import { fingerprint } from "../../src/matching/inverted/form-table.js";
import { PrefixSlots } from "../../src/matching/inverted/prefix-slots.js";

// The prefix slots of a token: what the slot table's scan finds for it (4-letter bucket, then letters).
function found(prefixes: PrefixSlots, token: string): number[] {
  const [h1, h2] = fingerprint(token.slice(0, 4));
  if (!prefixes.mayHave(h2)) return [];
  const entries: number[] = [];
  for (let at = prefixes.bucket(h1, h2); at >= 0; at = prefixes.next(at)) entries.push(at);
  const chars = Uint16Array.from(token, (c) => c.charCodeAt(0));
  return entries
    .map((at) => prefixes.slotIfPrefix(at, chars, 0, chars.length))
    .filter((n) => n >= 0)
    .sort((a, b) => a - b);
}

describe("PrefixSlots", () => {
  it("confirms a prefix by its letters, not only by its bucket", () => {
    const prefixes = new PrefixSlots();
    prefixes.add(1, "лити");
    prefixes.add(2, "литиев");
    prefixes.add(3, "литва");
    expect(found(prefixes, "литиевых")).toEqual([1, 2]);
    expect(found(prefixes, "литий")).toEqual([1]);
    expect(found(prefixes, "литовский")).toEqual([]);
    expect(found(prefixes, "лит")).toEqual([]);
    prefixes.remove(1, "лити");
    expect(found(prefixes, "литиевых")).toEqual([2]);
    // Slot numbers past 16 bits are kept whole.
    prefixes.add(70_001, "никел");
    expect(found(prefixes, "никелевый")).toEqual([70_001]);
    prefixes.remove(70_001, "никел");
    expect(found(prefixes, "никелевый")).toEqual([]);
  });

  it("keeps the letters of the prefixes left after most are removed (the pool is rebuilt)", () => {
    const prefixes = new PrefixSlots();
    const word = (i: number) =>
      `пре${String.fromCharCode(0x430 + (i % 32))}${String.fromCharCode(0x430 + ((i >> 5) % 32))}${i}`;
    for (let i = 0; i < 3000; i++) prefixes.add(i, word(i));
    for (let i = 0; i < 3000; i++) if (i % 10 !== 0) prefixes.remove(i, word(i));
    for (let i = 0; i < 3000; i += 7)
      expect(found(prefixes, `${word(i)}ный`)).toEqual(i % 10 === 0 ? [i] : []);
    // Prefixes added after the rebuild take the pool's freed room; the old ones keep their letters.
    for (let i = 0; i < 2000; i++) prefixes.add(4000 + i, `нов${word(i)}`);
    for (let i = 0; i < 3000; i += 7)
      expect(found(prefixes, `${word(i)}ный`)).toEqual(i % 10 === 0 ? [i] : []);
    expect(found(prefixes, `нов${word(1)}ный`)).toEqual([4001]);
  });
});
