/**
 * Inverted index over subscriptions: token → slot entries (slot-table.ts) → subscriptions anchored on
 * them. Per item: one hash probe per token, then one evaluation per subscription whose rarest required
 * word is present. Subscriptions that cannot match cost nothing, so the time per item follows the item's
 * length and its matches, not the number of subscriptions. Queries are kept as flat Int32Array records
 * beside their anchor slot (plan-code.ts) and per-item state in typed arrays, which keeps the CPU cache warm.
 */
import { querySlots } from "../query/evaluate.js";
import type { MatchInput } from "../query/matcher.js";
import type { Query } from "../query/query.js";
import { TokenBuffer } from "../text/token-buffer.js";
import { MatchedLists, MatchList } from "./matched-lists.js";
import { compilePlan, runPlan } from "./plan-code.js";
import { firstCell, QueryMembers, type SetRecordHeads } from "./query-members.js";
import { anchorsOf, positionalSlots, queryRecord } from "./query-shape.js";
import {
  BOUND_SHIFT,
  RECORD_ALL,
  RECORD_ELSEWHERE,
  RECORD_FILTERED,
  RECORD_HEAD,
  RECORD_SHARED,
  RECORD_SINGLE,
} from "./record-arena.js";
import { type SlotEntry, SlotTable } from "./slot-table.js";
import { SourceFilters } from "./source-filter.js";
import { growInt32, swapRemove } from "./typed.js";

/** One distinct query in the index, shared by every subscription that has it. */
interface QueryInfo {
  /** query number: index into the per-query typed arrays and the records' first cell */
  readonly no: number;
  /** what makes two queries the same: their compiled record and source: filters */
  readonly key: string;
  readonly texts: readonly number[];
  readonly slots: readonly SlotEntry[];
  readonly anchors: readonly SlotEntry[];
  /** its source: filter as record cells (empty without one) */
  readonly filter: readonly number[];
  /** its records' flags, without RECORD_SHARED */
  readonly flags: number;
  /** ids of the subscriptions with this query */
  readonly members: number[];
  /** slot numbers of its phrase and NEAR terms' words (their positions must be kept) */
  readonly positional: readonly number[];
}

/**
 * Every subscription as one index; add/remove are incremental. Subscriptions with the same query (many
 * chats follow «ставка ЦБ» or «нефть») share one record, evaluated once per item, and are handed out
 * together when it matches.
 */
export class SubscriptionIndex {
  readonly #subs = new Map<number, QueryInfo>();
  readonly #queries = new Map<string, QueryInfo>();
  readonly #table = new SlotTable();
  // Matched-term texts and the frozen lists handed out with matches: no list is made per match.
  readonly #lists = new MatchedLists();
  // Bit per query number: already evaluated for the current item (queries anchored on several slots
  // meet several times); a bit set, not a cell per query, so the check stays in L1. #marked lists the
  // words to clear.
  #evaluated: Int32Array = new Int32Array(32);
  #marked: Int32Array = new Int32Array(256);
  readonly #members = new QueryMembers();
  readonly #sources = new SourceFilters();
  readonly #freeQueries: number[] = [];
  #queryCount = 0;
  #stamp = 0;
  readonly #tokens = new TokenBuffer();
  readonly #out = new MatchList(this.#lists);

  /** Adds (or replaces) the subscription `id`. */
  add(id: number, q: Query): void {
    if (this.#subs.has(id)) this.remove(id);
    const table = this.#table;
    const slots = querySlots(q).map((slot) => table.acquire(slot));
    const texts: number[] = [];
    const code = compilePlan(
      q,
      (slotId) => (table.get(slotId) as SlotEntry).n,
      (text) => {
        const n = this.#lists.acquireText(text);
        texts.push(n);
        return n;
      },
    );
    const key = `${code.join(",")}|${(q.sources ?? []).join(",")}|${(q.notSources ?? []).join(",")}`;
    const same = this.#queries.get(key);
    if (same) {
      // The references just taken belong to the query already indexed.
      for (const entry of slots) table.release(entry);
      for (const n of texts) this.#lists.releaseText(n);
      same.members.push(id);
      this.#subs.set(id, same);
      this.#members.added(same, id, this.#setHeads(same));
      return;
    }
    const filtered = q.sources !== undefined || q.notSources !== undefined;
    const no = this.#freeQueries.pop() ?? this.#queryCount++;
    this.#ensureQueryCapacity(no);
    const filter = filtered ? this.#sources.encode(q.sources, q.notSources) : [];
    // By entry, not by Slot object: equal slots from different parses must not anchor a query twice.
    const anchors = [...new Set(anchorsOf(q).map((slot) => table.get(slot.id) as SlotEntry))];
    const { flags, code: record } = queryRecord(
      q,
      anchors.length,
      code,
      texts,
      filter,
      (slot) => (table.get(slot.id) as SlotEntry).n,
    );
    // A lone word's or an all-words query's matched list never changes: set once, so a match reads no mask.
    const lists = this.#lists;
    let fixed: readonly string[] | undefined;
    if (flags === RECORD_SINGLE) fixed = lists.single[texts[0] as number];
    else if (flags === RECORD_ALL) fixed = Object.freeze(texts.map((n) => lists.texts.texts[n] as string));
    lists.queryAdded(no, fixed);
    for (const entry of anchors) table.appendRecord(entry.n, no, flags, firstCell(id), record);
    const positional = positionalSlots(q).map((slot) => (table.get(slot.id) as SlotEntry).n);
    for (const n of positional) table.usePositions(n, 1);
    const info: QueryInfo = { no, key, texts, slots, anchors, filter, flags, members: [id], positional };
    this.#members.created(no, id);
    this.#queries.set(key, info);
    this.#subs.set(id, info);
  }

  /** Removes the subscription `id`; unknown ids are ignored. */
  remove(id: number): void {
    const info = this.#subs.get(id);
    if (!info) return;
    this.#subs.delete(id);
    swapRemove(info.members, info.members.indexOf(id));
    if (info.members.length > 0) {
      this.#members.removed(info, id, this.#setHeads(info));
      return;
    }
    this.#queries.delete(info.key);
    for (const entry of info.anchors) this.#table.removeRecord(entry.n, info.no);
    for (const n of info.positional) this.#table.usePositions(n, -1);
    for (const entry of info.slots) this.#table.release(entry);
    for (const n of info.texts) this.#lists.releaseText(n);
    this.#sources.release(info.filter);
    this.#members.dropped(info.no);
    this.#lists.queryRemoved(info.no);
    this.#freeQueries.push(info.no);
  }

  /** Number of subscriptions in the index. */
  get size(): number {
    return this.#subs.size;
  }

  /** Number of distinct queries among them. */
  get queryCount(): number {
    return this.#queries.size;
  }

  /** Every subscription the item matches, with its matched terms (in no particular order). */
  match(item: MatchInput): Array<{ id: number; matched: readonly string[] }> {
    const list = this.matches(item);
    const out: Array<{ id: number; matched: readonly string[] }> = [];
    for (let i = 0; i < list.count; i++) out.push({ id: list.ids[i] as number, matched: list.matched(i) });
    return out;
  }

  /** match() without an object per match: the list is reused by the next call. */
  matches(item: MatchInput): MatchList {
    const stamp = this.#nextStamp();
    const table = this.#table;
    const tokens = this.#tokens;
    tokens.fill(item.title, item.summary, item.body);
    const state = table.scan(tokens);
    const { hits, hitCount } = state;
    // Between items is when member segments may move.
    const members = this.#members;
    members.compact();
    const lists = this.#lists;
    lists.gatherIfScattered();
    const masks = lists.masks;
    const memberStart = members.start;
    const evaluated = this.#evaluated;
    let marked = this.#marked;
    let markedCount = 0;
    const memberCells = members.lists.cells;
    const sources = this.#sources;
    // Lower-cased once per item, and only if a filtered query gets this far.
    let sourceReady = false;
    const out = this.#out;
    let outIds = out.ids;
    let outQueries = out.queries;
    let count = 0;
    const records = table.arena;
    const bounds = table.bounds;
    const present = state.present;
    for (let h = 0; h < hitCount; h++) {
      const at0 = (hits[h] as number) << BOUND_SHIFT;
      const end = bounds[at0 + 1] as number;
      for (let at = bounds[at0] as number; at < end; at += RECORD_HEAD + (records[at + 2] as number)) {
        const no = records[at] as number;
        const flags = records[at + 1] as number;
        // A lone word matches wherever it is anchored. Its and an all-words query's matched list is fixed;
        // another query's is set when its terms change.
        if ((flags & RECORD_ALL) !== 0) {
          const last = at + RECORD_HEAD + (records[at + RECORD_HEAD] as number);
          let missing = false;
          for (let p = at + RECORD_HEAD + 1; p <= last; p++) {
            const s = records[p] as number;
            if (((present[s >> 5] as number) & (1 << (s & 31))) === 0) {
              missing = true;
              break;
            }
          }
          if (missing) continue;
        } else if ((flags & RECORD_SINGLE) === 0) {
          if ((flags & RECORD_ELSEWHERE) !== 0) {
            const word = no >> 5;
            const bits = evaluated[word] as number;
            if ((bits & (1 << (no & 31))) !== 0) continue;
            if (bits === 0) {
              if (markedCount === marked.length) marked = this.#marked = growInt32(marked, markedCount * 2);
              marked[markedCount++] = word;
            }
            evaluated[word] = bits | (1 << (no & 31));
          }
          const filtered = (flags & RECORD_FILTERED) !== 0;
          const head = at + RECORD_HEAD;
          const plan = filtered ? head + 1 + (records[head] as number) : head;
          const mask = runPlan(records, plan, state);
          if (mask < 0) continue;
          if (filtered) {
            if (!sourceReady) {
              sources.begin((item.source ?? "").toLowerCase(), stamp);
              sourceReady = true;
            }
            if (!sources.passes(records, head)) continue;
          }
          if (masks[no] !== mask) lists.switchTo(no, mask, records, plan);
        }
        if ((flags & RECORD_SHARED) === 0) {
          if (count === outIds.length) {
            out.grow(count + 1);
            outIds = out.ids;
            outQueries = out.queries;
          }
          const first = records[at + 3] as number;
          outIds[count] = members.idOf(no, first);
          outQueries[count++] = no;
          continue;
        }
        const start = memberStart[no] as number;
        const n = memberCells[start + 1] as number;
        if (count + n > outIds.length) {
          out.grow(count + n);
          outIds = out.ids;
          outQueries = out.queries;
        }
        for (let k = start + 3; k < start + 3 + n; k++) {
          outIds[count] = memberCells[k] as number;
          outQueries[count++] = no;
        }
      }
    }
    for (let k = 0; k < markedCount; k++) evaluated[marked[k] as number] = 0;
    out.count = count;
    return out;
  }

  // Rewrites the head of every record of a query (one per anchor).
  #setHeads(info: QueryInfo): SetRecordHeads {
    return (flags, first) => {
      for (const entry of info.anchors) this.#table.setRecordHead(entry.n, info.no, flags, first);
    };
  }

  #nextStamp(): number {
    // After 2 billion items start over (source filters keep stamps in an Int32Array and reset at 1).
    if (this.#stamp === 0x7fffffff) this.#stamp = 0;
    return ++this.#stamp;
  }

  #ensureQueryCapacity(no: number): void {
    if (no >= this.#evaluated.length * 32)
      this.#evaluated = growInt32(this.#evaluated, this.#evaluated.length * 2);
  }
}
