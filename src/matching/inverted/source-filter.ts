/**
 * The words of source: filters, numbered: a filtered query's record carries its filter as word numbers
 * (read from the same cache lines as its plan), and each word is searched for in the item's source at
 * most once per item however many queries use it (popular wires: interfax, tass).
 */
import { Interner } from "./interner.js";
import { growInt32 } from "./typed.js";

/** source: words by number, answered per item from a per-word memo. */
export class SourceFilters {
  readonly #words = new Interner();
  // Per word: the stamp of the item it was last searched for and the answer (1 found, 0 not).
  #stamps: Int32Array = new Int32Array(64);
  #found: Int32Array = new Int32Array(64);
  #source = "";
  #stamp = 0;

  /**
   * A filter as record cells: its length, then word numbers, required ones as n + 1, excluded ones as
   * -(n + 1). Takes a reference on each word; release() gives them back.
   */
  encode(sources: readonly string[] = [], notSources: readonly string[] = []): number[] {
    const codes = [
      ...sources.map((w) => this.#acquire(w) + 1),
      ...notSources.map((w) => -this.#acquire(w) - 1),
    ];
    return [codes.length, ...codes];
  }

  /** Gives back the references taken by encode() for these cells. */
  release(cells: readonly number[]): void {
    for (let i = 1; i < cells.length; i++) this.#words.release(Math.abs(cells[i] as number) - 1);
  }

  /** Starts a new item: `source` is its feed's host and title, lower-cased by the caller. */
  begin(source: string, stamp: number): void {
    // Stamps start over after 2 billion items (see the index): stale ones must not look current.
    if (stamp === 1) this.#stamps.fill(0);
    this.#source = source;
    this.#stamp = stamp;
  }

  /** Whether the current item passes the filter encoded at `code[at]` (see encode()). */
  passes(code: Int32Array, at: number): boolean {
    const length = code[at] as number;
    let required = false;
    let anyRequired = false;
    for (let i = at + 1; i <= at + length; i++) {
      const word = code[i] as number;
      const found = this.#has((word < 0 ? -word : word) - 1);
      if (word < 0) {
        if (found) return false;
      } else {
        anyRequired = true;
        if (found) required = true;
      }
    }
    return required || !anyRequired;
  }

  #has(word: number): boolean {
    if (this.#stamps[word] !== this.#stamp) {
      this.#stamps[word] = this.#stamp;
      this.#found[word] = this.#source.includes(this.#words.texts[word] as string) ? 1 : 0;
    }
    return this.#found[word] === 1;
  }

  #acquire(word: string): number {
    const { n, fresh } = this.#words.acquire(word);
    if (n >= this.#stamps.length) {
      this.#stamps = growInt32(this.#stamps, this.#stamps.length * 2);
      this.#found = growInt32(this.#found, this.#found.length * 2);
    }
    if (fresh) this.#stamps[n] = 0;
    return n;
  }
}
