/**
 * Who a query's matches go to. While one subscription has the query, its id sits in the query's records
 * (their first-id cell), so such a match reads nothing else; once several share it, their ids move to a
 * member segment (member-lists.ts) and the records get RECORD_SHARED.
 */
import { MemberLists } from "./member-lists.js";
import { RECORD_SHARED } from "./record-arena.js";
import { growInt32 } from "./typed.js";

/** A record's first-id cell when the id does not fit 32 bits (the id is then kept by QueryMembers). */
export const BIG_ID = -0x80000000;

/** The first-id cell of a record for subscription `id`. */
export function firstCell(id: number): number {
  return id === (id | 0) && id !== BIG_ID ? id : BIG_ID;
}

/** What membership changes need to know of a query. */
export interface Membership {
  readonly no: number;
  /** its records' flags, without RECORD_SHARED */
  readonly flags: number;
  /** ids of its subscriptions, already updated by the caller */
  readonly members: readonly number[];
}

/** Rewrites the flags and first-id cell of every record of a query. */
export type SetRecordHeads = (flags: number, first: number) => void;

/** Member ids of every query in the index. */
export class QueryMembers {
  /** the member segments of shared queries */
  readonly lists = new MemberLists();
  /** per query number: its segment's start in `lists` (-1 while one subscription has it) */
  start: Int32Array = new Int32Array(1024);
  // First ids too big for a record's cell, by query number.
  readonly #big = new Map<number, number>();

  /** Starts query `no` with one subscription, `id`. */
  created(no: number, id: number): void {
    if (no >= this.start.length) this.start = growInt32(this.start, Math.max(no + 1, this.start.length * 2));
    this.start[no] = -1;
    this.#setFirst(no, id);
  }

  /** Forgets query `no` (its last subscription is gone). */
  dropped(no: number): void {
    this.#big.delete(no);
  }

  /** The subscription id behind first-id cell `cell` of query `no`'s records. */
  idOf(no: number, cell: number): number {
    return cell === BIG_ID ? (this.#big.get(no) as number) : cell;
  }

  /** `id` joined the query: a second member makes it shared. */
  added(q: Membership, id: number, setHeads: SetRecordHeads): void {
    if (q.members.length === 2) {
      this.start[q.no] = this.lists.create(q.no, q.members);
      setHeads(q.flags | RECORD_SHARED, BIG_ID);
    } else {
      this.start[q.no] = this.lists.push(this.start[q.no] as number, id);
    }
  }

  /** `id` left the query (others remain): down to one member, its id goes back into the records. */
  removed(q: Membership, id: number, setHeads: SetRecordHeads): void {
    const first = q.members[0] as number;
    this.#setFirst(q.no, first);
    if (q.members.length === 1) {
      this.lists.drop(this.start[q.no] as number);
      this.start[q.no] = -1;
      setHeads(q.flags, firstCell(first));
    } else {
      this.lists.remove(this.start[q.no] as number, id);
    }
  }

  /** Between items: segments may move. */
  compact(): void {
    // Checked first: the callback would be a new closure for every item.
    if (!this.lists.loose) return;
    this.lists.compact((no, start) => {
      this.start[no] = start;
    });
  }

  #setFirst(no: number, id: number): void {
    if (firstCell(id) !== BIG_ID) this.#big.delete(no);
    else this.#big.set(no, id);
  }
}
