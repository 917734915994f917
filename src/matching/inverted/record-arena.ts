/**
 * The queries evaluated whenever a slot is present in an item: records laid end to end, one segment per
 * slot in one shared Int32Array: [query number, flags, code length, ...code (plan-code.ts)]. A segment's
 * bounds live in its slot's state cells (slot-table.ts: cell 3 start, 4 end, 5 end of its room), which
 * scanning has just touched, so reading a present slot's records costs one cache miss, not three.
 */

/** Cells of per-slot state in the slot table (its SLOT_CELLS). */
const CELLS = 8;

/** Records by slot, in one arena that grows and compacts. */
export class RecordArena {
  /** the arena; a slot's records are at [slots[n·8 + 3], slots[n·8 + 4]) */
  cells: Int32Array = new Int32Array(1024);
  #end = 1;
  /** cells in abandoned segments, reclaimed by compaction */
  #garbage = 0;

  /** Appends a record to slot `n`'s segment; `count` slots exist (compaction walks them). */
  append(
    slots: Int32Array,
    count: number,
    n: number,
    no: number,
    flags: number,
    code: readonly number[],
  ): void {
    const at0 = n * CELLS;
    const length = 3 + code.length;
    let end = slots[at0 + 4] as number;
    if (end + length > (slots[at0 + 5] as number)) {
      // Move the segment to the end of the arena with room to grow; the old place becomes garbage.
      const room = Math.max(8, (end - (slots[at0 + 3] as number) + length) * 2);
      this.#reserve(slots, count, room); // may compact, which moves every segment
      const start = slots[at0 + 3] as number;
      end = slots[at0 + 4] as number;
      const used = end - start;
      const moved = this.#end;
      this.cells.copyWithin(moved, start, end);
      this.#garbage += (slots[at0 + 5] as number) - start;
      this.#end += room;
      slots[at0 + 3] = moved;
      slots[at0 + 5] = moved + room;
      end = moved + used;
    }
    const cells = this.cells;
    cells[end++] = no;
    cells[end++] = flags;
    cells[end++] = code.length;
    for (const value of code) cells[end++] = value;
    slots[at0 + 4] = end;
  }

  /** Removes query `no`'s record from slot `n`'s segment. */
  remove(slots: Int32Array, n: number, no: number): void {
    const cells = this.cells;
    const at0 = n * CELLS;
    const end = slots[at0 + 4] as number;
    for (let at = slots[at0 + 3] as number; at < end; at += 3 + (cells[at + 2] as number)) {
      if (cells[at] !== no) continue;
      const next = at + 3 + (cells[at + 2] as number);
      cells.copyWithin(at, next, end);
      slots[at0 + 4] = end - (next - at);
      return;
    }
  }

  /** Sets the flags of query `no`'s record in slot `n`'s segment. */
  setFlags(slots: Int32Array, n: number, no: number, flags: number): void {
    const cells = this.cells;
    const at0 = n * CELLS;
    const end = slots[at0 + 4] as number;
    for (let at = slots[at0 + 3] as number; at < end; at += 3 + (cells[at + 2] as number)) {
      if (cells[at] === no) cells[at + 1] = flags;
    }
  }

  /** Counts slot `n`'s segment as garbage (the slot is being freed). */
  abandon(slots: Int32Array, n: number): void {
    this.#garbage += (slots[n * CELLS + 5] as number) - (slots[n * CELLS + 3] as number);
  }

  // Room for `room` more cells at the arena's end: compacts when half of it is garbage, else grows it.
  #reserve(slots: Int32Array, count: number, room: number): void {
    if (this.#end + room <= this.cells.length) return;
    const live = this.#end - this.#garbage;
    const size = Math.max(1024, 2 ** Math.ceil(Math.log2((live + room) * 2)));
    const cells = new Int32Array(size);
    let end = 1;
    // Segments keep their room (capacity) so that the next appends stay in place.
    for (let at0 = 0; at0 < count * CELLS; at0 += CELLS) {
      const start = slots[at0 + 3] as number;
      const cap = (slots[at0 + 5] as number) - start;
      if (cap === 0) continue;
      cells.set(this.cells.subarray(start, slots[at0 + 4] as number), end);
      slots[at0 + 4] = end + ((slots[at0 + 4] as number) - start);
      slots[at0 + 3] = end;
      slots[at0 + 5] = end + cap;
      end += cap;
    }
    this.cells = cells;
    this.#end = end;
    this.#garbage = 0;
  }
}
