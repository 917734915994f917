import { describe, expect, it } from "vitest";
import { FormTable, fingerprint } from "../../src/matching/inverted/form-table.js";

const get = (table: FormTable, key: string) => {
  const [h1, h2] = fingerprint(key);
  const found = table.get(h1, h2);
  return found === null ? [] : typeof found === "number" ? [found] : [...found].sort((a, b) => a - b);
};
const add = (table: FormTable, key: string, n: number) => table.add(...fingerprint(key), n);
const remove = (table: FormTable, key: string, n: number) => table.remove(...fingerprint(key), n);

describe("FormTable", () => {
  it("keeps one or several slot numbers per form and forgets them one by one", () => {
    const table = new FormTable();
    add(table, "стали", 1);
    add(table, "стали", 2);
    add(table, "стали", 3);
    add(table, "сталь", 1);
    expect(get(table, "стали")).toEqual([1, 2, 3]);
    expect(get(table, "сталь")).toEqual([1]);
    expect(get(table, "стал")).toEqual([]);
    expect(remove(table, "стали", 2)).toBe(false);
    expect(get(table, "стали")).toEqual([1, 3]);
    remove(table, "стали", 1);
    expect(get(table, "стали")).toEqual([3]);
    expect(remove(table, "стали", 9)).toBe(false);
    expect(remove(table, "стали", 3)).toBe(true);
    expect(get(table, "стали")).toEqual([]);
    expect(get(table, "сталь")).toEqual([1]);
  });

  it("survives growth, tombstones and re-use with 50,000 keys", () => {
    const table = new FormTable();
    for (let i = 0; i < 50_000; i++) add(table, `слово${i}`, i);
    for (let i = 0; i < 50_000; i += 2) remove(table, `слово${i}`, i);
    for (let i = 0; i < 50_000; i += 4) add(table, `слово${i}`, i + 1);
    for (let i = 0; i < 50_000; i += 997) {
      const expected = i % 4 === 0 ? [i + 1] : i % 2 === 0 ? [] : [i];
      expect(get(table, `слово${i}`)).toEqual(expected);
    }
    expect(get(table, "слово50000")).toEqual([]);
  });

  it("fingerprints differ for near-identical words", () => {
    const seen = new Set<string>();
    for (const w of ["литий", "лития", "литии", "литой", "лить", "литва", "ли", "л", ""]) {
      seen.add(fingerprint(w).join(":"));
    }
    expect(seen.size).toBe(9);
  });
});
