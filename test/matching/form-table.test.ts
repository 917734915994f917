import { describe, expect, it } from "vitest";
import {
  FormTable,
  fingerprint,
  TOKEN_HASHES,
  tokenFingerprints,
} from "../../src/matching/inverted/form-table.js";
import { TokenBuffer } from "../../src/matching/text/token-buffer.js";

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

  it("fingerprints a buffer's tokens and their first 3 and 4 letters as fingerprint() does their forms", () => {
    const tokens = new TokenBuffer();
    tokens.fill("Литий-ион и ЦБ: рост", "Цены на никель выросли, ёмкость рынка — 5 млрд");
    // A small array to start with: the answer is a new, larger one.
    const hashes = tokenFingerprints(tokens, new Int32Array(TOKEN_HASHES));
    expect(tokens.count).toBeGreaterThan(10);
    for (let t = 0; t < tokens.count; t++) {
      const form = tokens.form(t);
      const at = t * TOKEN_HASHES;
      expect([hashes[at], hashes[at + 1]]).toEqual(fingerprint(form));
      if (form.length >= 3) expect([hashes[at + 2], hashes[at + 3]]).toEqual(fingerprint(form.slice(0, 3)));
      if (form.length >= 4) expect([hashes[at + 4], hashes[at + 5]]).toEqual(fingerprint(form.slice(0, 4)));
    }
  });

  it("fingerprints differ for near-identical words", () => {
    const seen = new Set<string>();
    for (const w of ["литий", "лития", "литии", "литой", "лить", "литва", "ли", "л", ""]) {
      seen.add(fingerprint(w).join(":"));
    }
    expect(seen.size).toBe(9);
  });
});
