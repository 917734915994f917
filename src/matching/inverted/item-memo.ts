/**
 * Form-table answers remembered for the rest of one item. A full text repeats many of its words (a
 * third of the tokens of a 3,000-character article); each repeat would otherwise cost another probe of
 * the multi-megabyte form table, usually a cache miss, where this table is small enough to stay in L1/L2.
 */

/** What FormTable.get answers. */
export type FormAnswer = number | readonly number[] | null;

/** Open addressing keyed by a form's fingerprint, cleared per item by a generation number. */
export class ItemMemo {
  // Per cell: h1, h2, generation (the cell is empty unless it equals the current one).
  #keys = new Int32Array(3 * 1024);
  #values: FormAnswer[] = new Array<FormAnswer>(1024).fill(null);
  #mask = 1023;
  #generation = 0;

  /** Starts a new item of `tokens` tokens; the table holds at least twice as many cells. */
  begin(tokens: number): void {
    if (tokens * 2 > this.#mask + 1) {
      const size = 2 ** Math.ceil(Math.log2(tokens * 2));
      this.#keys = new Int32Array(3 * size);
      this.#values = new Array<FormAnswer>(size).fill(null);
      this.#mask = size - 1;
      this.#generation = 0;
    }
    if (++this.#generation === 0x7fffffff) {
      this.#keys.fill(0);
      this.#generation = 1;
    }
  }

  /** The cell of a fingerprint: where it is remembered, or the empty cell where it belongs. */
  cell(h1: number, h2: number): number {
    const keys = this.#keys;
    const generation = this.#generation;
    for (let i = h1 & this.#mask; ; i = (i + 1) & this.#mask) {
      const at = i * 3;
      if (keys[at + 2] !== generation) return i;
      if (keys[at] === h1 && keys[at + 1] === h2) return i;
    }
  }

  /** Whether the cell holds an answer for the current item. */
  known(cell: number): boolean {
    return this.#keys[cell * 3 + 2] === this.#generation;
  }

  /** The answer in a known cell. */
  get(cell: number): FormAnswer {
    return this.#values[cell] as FormAnswer;
  }

  /** Remembers an answer in the empty cell `cell` found for (h1, h2). */
  put(cell: number, h1: number, h2: number, answer: FormAnswer): void {
    const at = cell * 3;
    this.#keys[at] = h1;
    this.#keys[at + 1] = h2;
    this.#keys[at + 2] = this.#generation;
    this.#values[cell] = answer;
  }
}
