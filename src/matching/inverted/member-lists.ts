/**
 * The subscription ids of queries that several subscriptions share, in one Float64Array: a segment per
 * query, [owner query number, count, room, id × room]. QueryMembers keeps each segment's start by query
 * number (query-members.ts), so handing out a shared query's members costs one cache miss for the ids
 * instead of three for a JS array of arrays. Float64: ids are database ids and may not fit 32 bits.
 */

const HEADER = 3;

/** Segments of member ids, appended, moved when full, compacted when half is garbage. */
export class MemberLists {
  cells: Float64Array = new Float64Array(1024);
  #end = 0;
  #garbage = 0;

  /** A new segment for query `no` holding `ids`; returns its start. */
  create(no: number, ids: readonly number[]): number {
    const room = Math.max(4, ids.length * 2);
    const start = this.#reserve(HEADER + room);
    const cells = this.cells;
    cells[start] = no;
    cells[start + 1] = ids.length;
    cells[start + 2] = room;
    for (let i = 0; i < ids.length; i++) cells[start + HEADER + i] = ids[i] as number;
    return start;
  }

  /** Appends `id` to the segment at `start`; returns the segment's start (it moves when full). */
  push(start: number, id: number): number {
    const count = this.cells[start + 1] as number;
    if (count === this.cells[start + 2]) {
      const ids = Array.from(this.cells.subarray(start + HEADER, start + HEADER + count));
      const no = this.cells[start] as number;
      this.drop(start);
      ids.push(id);
      return this.create(no, ids);
    }
    this.cells[start + HEADER + count] = id;
    this.cells[start + 1] = count + 1;
    return start;
  }

  /** Removes `id` from the segment at `start` (order is not kept). */
  remove(start: number, id: number): void {
    const cells = this.cells;
    const count = cells[start + 1] as number;
    for (let i = start + HEADER; i < start + HEADER + count; i++) {
      if (cells[i] !== id) continue;
      cells[i] = cells[start + HEADER + count - 1] as number;
      cells[start + 1] = count - 1;
      return;
    }
  }

  /** Gives the segment at `start` up. */
  drop(start: number): void {
    this.cells[start] = -1;
    this.#garbage += HEADER + (this.cells[start + 2] as number);
  }

  /** Whether at least half of the arena is garbage (compact() would move segments). */
  get loose(): boolean {
    return this.#garbage > 0 && this.#garbage * 2 >= this.#end;
  }

  /**
   * Compacts when at least half of the arena is garbage, telling `moved(no, start)` where each live
   * segment now starts. Call between items only (starts held by the caller change).
   */
  compact(moved: (no: number, start: number) => void): void {
    if (!this.loose) return;
    const old = this.cells;
    const cells = new Float64Array(Math.max(1024, (this.#end - this.#garbage) * 2));
    let end = 0;
    for (let at = 0; at < this.#end; at += HEADER + (old[at + 2] as number)) {
      const size = HEADER + (old[at + 2] as number);
      if (old[at] === -1) continue;
      cells.set(old.subarray(at, at + size), end);
      moved(old[at] as number, end);
      end += size;
    }
    this.cells = cells;
    this.#end = end;
    this.#garbage = 0;
  }

  #reserve(size: number): number {
    if (this.#end + size > this.cells.length) {
      const grown = new Float64Array(Math.max(this.cells.length * 2, this.#end + size));
      grown.set(this.cells);
      this.cells = grown;
    }
    const start = this.#end;
    this.#end += size;
    return start;
  }
}
