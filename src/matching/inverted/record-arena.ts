/**
 * The queries evaluated whenever a slot is present in an item: records laid end to end, one segment per
 * slot in one shared Int32Array: [query number, flags, code length, first id, ...code (plan-code.ts)];
 * the first id is the subscription's own for a query only one subscription has, so such a match reads
 * nothing else. A segment's
 * bounds are BOUND_CELLS cells per slot in a separate array (cell 0 start, 1 end, 2 end of its room), so
 * the bounds of several slots share a cache line.
 */

/** Cells per slot in a bounds array, and its log2. */
export const BOUND_CELLS = 4;
export const BOUND_SHIFT = 2;
const CELLS = BOUND_CELLS;

/** Cells before a record's code: query number, flags, code length, first id. */
export const RECORD_HEAD = 4;

/** Records by slot, in one arena that grows and compacts. */
export class RecordArena {
  /** the arena; a slot's records are at [bounds[n·4], bounds[n·4 + 1]) */
  cells: Int32Array = new Int32Array(1024);
  #end = 1;
  /** cells in abandoned segments, reclaimed by compaction */
  #garbage = 0;

  /** Appends a record to slot `n`'s segment; `count` slots exist (compaction walks them). */
  append(
    bounds: Int32Array,
    count: number,
    n: number,
    no: number,
    flags: number,
    first: number,
    code: readonly number[],
  ): void {
    const at0 = n * CELLS;
    const length = RECORD_HEAD + code.length;
    let end = bounds[at0 + 1] as number;
    if (end + length > (bounds[at0 + 2] as number)) {
      // Move the segment to the end of the arena with room to grow; the old place becomes garbage.
      const room = Math.max(8, (end - (bounds[at0] as number) + length) * 2);
      this.#reserve(bounds, count, room); // may compact, which moves every segment
      const start = bounds[at0] as number;
      end = bounds[at0 + 1] as number;
      const used = end - start;
      const moved = this.#end;
      this.cells.copyWithin(moved, start, end);
      this.#garbage += (bounds[at0 + 2] as number) - start;
      this.#end += room;
      bounds[at0] = moved;
      bounds[at0 + 2] = moved + room;
      end = moved + used;
    }
    const cells = this.cells;
    cells[end++] = no;
    cells[end++] = flags;
    cells[end++] = code.length;
    cells[end++] = first;
    for (const value of code) cells[end++] = value;
    bounds[at0 + 1] = end;
  }

  /** Removes query `no`'s record from slot `n`'s segment. */
  remove(bounds: Int32Array, n: number, no: number): void {
    const cells = this.cells;
    const at0 = n * CELLS;
    const end = bounds[at0 + 1] as number;
    for (let at = bounds[at0] as number; at < end; at += RECORD_HEAD + (cells[at + 2] as number)) {
      if (cells[at] !== no) continue;
      const next = at + RECORD_HEAD + (cells[at + 2] as number);
      cells.copyWithin(at, next, end);
      bounds[at0 + 1] = end - (next - at);
      return;
    }
  }

  /** Sets the flags and first id of query `no`'s record in slot `n`'s segment. */
  setHead(bounds: Int32Array, n: number, no: number, flags: number, first: number): void {
    const cells = this.cells;
    const at0 = n * CELLS;
    const end = bounds[at0 + 1] as number;
    for (let at = bounds[at0] as number; at < end; at += RECORD_HEAD + (cells[at + 2] as number)) {
      if (cells[at] !== no) continue;
      cells[at + 1] = flags;
      cells[at + 3] = first;
    }
  }

  /** Counts slot `n`'s segment as garbage (the slot is being freed). */
  abandon(bounds: Int32Array, n: number): void {
    this.#garbage += (bounds[n * CELLS + 2] as number) - (bounds[n * CELLS] as number);
  }

  // Room for `room` more cells at the arena's end: compacts when half of it is garbage, else grows it.
  #reserve(bounds: Int32Array, count: number, room: number): void {
    if (this.#end + room <= this.cells.length) return;
    const live = this.#end - this.#garbage;
    const size = Math.max(1024, 2 ** Math.ceil(Math.log2((live + room) * 2)));
    const cells = new Int32Array(size);
    let end = 1;
    // Segments keep their room (capacity) so that the next appends stay in place.
    for (let at0 = 0; at0 < count * CELLS; at0 += CELLS) {
      const start = bounds[at0] as number;
      const cap = (bounds[at0 + 2] as number) - start;
      if (cap === 0) continue;
      cells.set(this.cells.subarray(start, bounds[at0 + 1] as number), end);
      bounds[at0 + 1] = end + ((bounds[at0 + 1] as number) - start);
      bounds[at0] = end;
      bounds[at0 + 2] = end + cap;
      end += cap;
    }
    this.cells = cells;
    this.#end = end;
    this.#garbage = 0;
  }
}

/** Record flag: the subscription is also anchored on another slot, so a match must be deduplicated. */
export const RECORD_ELSEWHERE = 1;
/** Record flag: a lone-word subscription; its code is just its text number, a hit is a match. */
export const RECORD_SINGLE = 2;
/** Record flag: the subscription has source: filters (so only these records look them up). */
export const RECORD_FILTERED = 4;

/** Record flag: several subscriptions share the query (the index then reads their list). */
export const RECORD_SHARED = 8;

/**
 * Record flag: the query is words that must all occur (no OR, NOT, phrase, NEAR or source:); its code is
 * just [count, slot…], checked against the item's presence bits, and it always names the same terms.
 */
export const RECORD_ALL = 16;
