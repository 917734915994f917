/**
 * Forms met lately that no query word has and no query prefix starts. News repeats its commonest words —
 * function words, reporting verbs, dates and quantities — in every story, and a full text is mostly made of
 * them; remembering them by fingerprint in a small direct-mapped table (128 KB, well inside an L2 cache; 32 KB
 * kept fewer of a full text's words, 512 KB was slower) answers such a token before the multi-megabyte form
 * table and the prefix buckets are read. Any change of the query words makes it
 * forget everything (before the next item), so an answer is never stale.
 */

/** Entries of the table, and the mask that picks one from a fingerprint's first hash. */
const SIZE = 16384;
const MASK = SIZE - 1;

/** Fingerprints of forms known to match nothing, overwritten as others come. */
export class UnmatchedForms {
  // Per entry: h1, h2 of the form (0, 0 when empty: a real fingerprint of two zero hashes is not expected).
  readonly #cells = new Int32Array(2 * SIZE);
  #stale = false;

  /** Query words changed: forget everything before the next item. */
  invalidate(): void {
    this.#stale = true;
  }

  /** Call before each item. */
  begin(): void {
    if (!this.#stale) return;
    this.#cells.fill(0);
    this.#stale = false;
  }

  /** Whether the form with this fingerprint is known to match nothing. */
  has(h1: number, h2: number): boolean {
    const at = (h1 & MASK) << 1;
    return this.#cells[at] === h1 && this.#cells[at + 1] === h2;
  }

  /** Remembers that the form with this fingerprint matches nothing. */
  add(h1: number, h2: number): void {
    const at = (h1 & MASK) << 1;
    this.#cells[at] = h1;
    this.#cells[at + 1] = h2;
  }
}
