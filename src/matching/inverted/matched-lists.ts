import { Interner } from "./interner.js";
import { matchedTexts } from "./plan-code.js";
import { growInt32 } from "./typed.js";

// A query with many OR alternatives could meet many masks; past this many a new one is made per match.
const MAX_MASKS_KEPT = 32;

const EMPTY_LIST: readonly string[] = Object.freeze([]);

/**
 * The matched-term lists handed out with matches: frozen, shared, and made once per text or per query and
 * set of matched terms. A list made per match would be garbage the moment the caller drops it, and one kept
 * per query but remade whenever its terms change (an OR query matching «литий» on one item and «никель» on
 * the next) is promoted out of the young generation before it dies: old-space garbage and long scavenges.
 */
export class MatchedLists {
  /** matched-term texts, numbered and shared (records hold the numbers) */
  readonly texts = new Interner();
  /** per text number: the one-text list of a lone-word query */
  readonly single: Array<readonly string[]> = [];
  /** per query number: the list of its last match (or its fixed list); what every match's reader reads */
  readonly last: Array<readonly string[]> = [];
  /** per query number: the mask (runPlan) of `last`; -1 for a fixed list or none yet */
  masks: Int32Array = new Int32Array(1024);
  // Per query number: its list before `last` and that list's mask. An OR query mostly goes back and forth
  // between two sets of terms: a swap, not a Map. Apart from `last` and `masks`, which every match reads.
  readonly #before: Array<readonly string[]> = [];
  #beforeMasks: Int32Array = new Int32Array(1024);
  // Per query number: every list made for it, by mask.
  readonly #byMask: Array<Map<number, readonly string[]> | undefined> = [];
  // Lists made since they were last gathered, and how many there were then.
  #scattered = 0;
  #gathered = 0;

  /** The number of `text`, taking a reference (its one-text list is made when it is first numbered). */
  acquireText(text: string): number {
    const { n, fresh } = this.texts.acquire(text);
    if (fresh) {
      this.single[n] = Object.freeze([text]);
      this.#scattered++;
    }
    return n;
  }

  /** Drops a reference to text number `n`. */
  releaseText(n: number): void {
    if (this.texts.release(n)) this.single[n] = EMPTY_LIST;
  }

  /** Starts query `no` with no list, or with the one list it always matches with (`fixed`). */
  queryAdded(no: number, fixed?: readonly string[]): void {
    if (no >= this.masks.length) {
      const size = Math.max(no + 1, this.masks.length * 2);
      this.masks = growInt32(this.masks, size);
      this.#beforeMasks = growInt32(this.#beforeMasks, size);
    }
    this.masks[no] = -1;
    this.#beforeMasks[no] = -1;
    this.last[no] = fixed ?? EMPTY_LIST;
    if (fixed !== undefined) this.#scattered++;
    this.#before[no] = EMPTY_LIST;
    this.#byMask[no] = undefined;
  }

  /** Drops the lists of a removed query number. */
  queryRemoved(no: number): void {
    this.last[no] = EMPTY_LIST;
    this.#before[no] = EMPTY_LIST;
    this.#byMask[no] = undefined;
  }

  /**
   * Makes `last[no]` the list of the terms in `mask` of the record plan at `plan` (the caller has seen
   * that `masks[no]` differs), reusing the list made when the query last matched with these terms.
   */
  switchTo(no: number, mask: number, code: Int32Array, plan: number): void {
    const list =
      this.#beforeMasks[no] === mask
        ? (this.#before[no] as readonly string[])
        : this.#listFor(no, mask, code, plan);
    this.#beforeMasks[no] = this.masks[no] as number;
    this.#before[no] = this.last[no] as readonly string[];
    this.masks[no] = mask;
    this.last[no] = list;
  }

  /**
   * Makes every list anew, in query order, once many were made since the last time (a bulk load, a day of
   * new subscriptions). Every reader of a match touches its list; lists made one by one among a load's
   * other objects lie at random places in a large heap, a memory miss each, while lists made in one burst
   * sit side by side, and the collector moves them on together.
   */
  gatherIfScattered(): void {
    if (this.#scattered < 4096 || this.#scattered < this.#gathered / 4) return;
    const copies = new Map<readonly string[], readonly string[]>([[EMPTY_LIST, EMPTY_LIST]]);
    const copy = (list: readonly string[]): readonly string[] => {
      let made = copies.get(list);
      if (made === undefined) {
        made = Object.freeze([...list]);
        copies.set(list, made);
      }
      return made;
    };
    const { last, single } = this;
    const before = this.#before;
    for (let no = 0; no < last.length; no++) last[no] = copy(last[no] as readonly string[]);
    for (let no = 0; no < before.length; no++) before[no] = copy(before[no] as readonly string[]);
    for (let n = 0; n < single.length; n++) single[n] = copy(single[n] as readonly string[]);
    for (const lists of this.#byMask)
      if (lists) for (const [mask, list] of lists) lists.set(mask, copy(list));
    this.#gathered = copies.size;
    this.#scattered = 0;
  }

  #listFor(no: number, mask: number, code: Int32Array, plan: number): readonly string[] {
    let lists = this.#byMask[no];
    if (lists === undefined) {
      lists = new Map();
      this.#byMask[no] = lists;
    }
    let list = lists.get(mask);
    if (list === undefined) {
      list = Object.freeze(matchedTexts(code, plan, mask, this.texts.texts));
      this.#scattered++;
      if (lists.size < MAX_MASKS_KEPT) lists.set(mask, list);
    }
    return list;
  }
}

/**
 * The matches of one item, written into reused arrays: `ids[i]` matched with the terms `matched(i)` for
 * i < count. Valid until the index matches the next item or a subscription is added or removed. A match
 * stores its query's number, not its list: the list is looked up when a caller reads it.
 */
export class MatchList {
  count = 0;
  /** subscription ids (Float64: database ids may not fit 32 bits) */
  ids: Float64Array = new Float64Array(1024);
  /** per match: its query's number */
  queries: Int32Array = new Int32Array(1024);
  readonly #lists: MatchedLists;

  constructor(lists: MatchedLists) {
    this.#lists = lists;
  }

  /** The terms match `i` matched. */
  matched(i: number): readonly string[] {
    return this.#lists.last[this.queries[i] as number] as readonly string[];
  }

  /** Makes room for `needed` matches (keeping those written). */
  grow(needed: number): void {
    const size = Math.max(this.ids.length * 2, needed);
    const ids = new Float64Array(size);
    ids.set(this.ids);
    this.ids = ids;
    this.queries = growInt32(this.queries, size);
  }
}
