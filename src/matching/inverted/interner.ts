/** Strings numbered for typed-array records, with reference counts so numbers are reused once free. */
export class Interner {
  /** the string of each number in use ("" when free) */
  readonly texts: string[] = [];
  readonly #numbers = new Map<string, number>();
  readonly #refs: number[] = [];
  readonly #free: number[] = [];

  /** The number of `text`, taking a reference; `fresh` tells whether it was just numbered. */
  acquire(text: string): { n: number; fresh: boolean } {
    let n = this.#numbers.get(text);
    const fresh = n === undefined;
    if (n === undefined) {
      n = this.#free.pop() ?? this.texts.length;
      this.texts[n] = text;
      this.#refs[n] = 0;
      this.#numbers.set(text, n);
    }
    this.#refs[n] = (this.#refs[n] as number) + 1;
    return { n, fresh };
  }

  /** Drops a reference; true when it was the last (the number is free again). */
  release(n: number): boolean {
    const refs = (this.#refs[n] as number) - 1;
    this.#refs[n] = refs;
    if (refs > 0) return false;
    this.#numbers.delete(this.texts[n] as string);
    this.texts[n] = "";
    this.#free.push(n);
    return true;
  }
}
