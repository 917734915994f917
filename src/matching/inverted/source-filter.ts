/**
 * The source: filters of the subscriptions in the index, with their words numbered once: a filtered
 * subscription that matches asks whether each of its words is in the item's source, and each word is
 * searched for at most once per item however many subscriptions use it (popular wires: interfax, tass).
 */
import { growInt32 } from "./typed.js";

/** source: words by subscription number, answered per item from a per-word memo. */
export class SourceFilters {
  readonly #words: string[] = [];
  readonly #numbers = new Map<string, number>();
  readonly #refs: number[] = [];
  readonly #free: number[] = [];
  // Per subscription number: word numbers, required ones as n + 1, excluded ones as -(n + 1).
  readonly #filters: Array<Int32Array | undefined> = [];
  // Per word: the stamp of the item it was last searched for and the answer (1 found, 0 not).
  #stamps: Int32Array = new Int32Array(64);
  #found: Int32Array = new Int32Array(64);
  #source = "";
  #stamp = 0;

  /** Records subscription `no`'s filters (sources it must come from, sources it must not). */
  set(no: number, sources: readonly string[] = [], notSources: readonly string[] = []): void {
    this.clear(no);
    const codes = [
      ...sources.map((w) => this.#acquire(w) + 1),
      ...notSources.map((w) => -this.#acquire(w) - 1),
    ];
    this.#filters[no] = Int32Array.from(codes);
  }

  /** Forgets subscription `no`'s filters. */
  clear(no: number): void {
    const codes = this.#filters[no];
    if (!codes) return;
    this.#filters[no] = undefined;
    for (const code of codes) this.#release(Math.abs(code) - 1);
  }

  /** Starts a new item: `source` is its feed's host and title, lower-cased by the caller. */
  begin(source: string, stamp: number): void {
    // Stamps start over after 2 billion items (see the index): stale ones must not look current.
    if (stamp === 1) this.#stamps.fill(0);
    this.#source = source;
    this.#stamp = stamp;
  }

  /** Whether the current item passes subscription `no`'s filters (true when it has none). */
  passes(no: number): boolean {
    const codes = this.#filters[no];
    if (!codes) return true;
    let required = false;
    let anyRequired = false;
    for (let i = 0; i < codes.length; i++) {
      const code = codes[i] as number;
      const found = this.#has(Math.abs(code) - 1);
      if (code < 0) {
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
      this.#found[word] = this.#source.includes(this.#words[word] as string) ? 1 : 0;
    }
    return this.#found[word] === 1;
  }

  #acquire(word: string): number {
    let n = this.#numbers.get(word);
    if (n === undefined) {
      n = this.#free.pop() ?? this.#words.length;
      this.#words[n] = word;
      this.#refs[n] = 0;
      this.#numbers.set(word, n);
      if (n >= this.#stamps.length) {
        this.#stamps = growInt32(this.#stamps, this.#stamps.length * 2);
        this.#found = growInt32(this.#found, this.#found.length * 2);
      }
      this.#stamps[n] = 0;
    }
    this.#refs[n] = (this.#refs[n] as number) + 1;
    return n;
  }

  #release(n: number): void {
    const refs = (this.#refs[n] as number) - 1;
    this.#refs[n] = refs;
    if (refs > 0) return;
    this.#numbers.delete(this.#words[n] as string);
    this.#words[n] = "";
    this.#free.push(n);
  }
}
