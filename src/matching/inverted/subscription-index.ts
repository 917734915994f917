/**
 * Inverted index over subscriptions: token → slot entries (slot-table.ts) → subscriptions anchored on
 * them. Per item: one hash probe per token, then one evaluation per subscription whose rarest required
 * word is present. Subscriptions that cannot match cost nothing, so the time per item follows the item's
 * length and its matches, not the number of subscriptions. Queries are kept as flat Int32Array records
 * beside their anchor slot (plan-code.ts) and per-item state in typed arrays, which keeps the CPU cache warm.
 */
import { querySlots, sourcePasses } from "../query/evaluate.js";
import type { MatchInput } from "../query/matcher.js";
import type { Query, Term } from "../query/query.js";
import { TokenBuffer } from "../text/token-buffer.js";
import type { Slot } from "../words/terms.js";
import { compilePlan, matchedTexts, runPlan } from "./plan-code.js";
import {
  RECORD_ELSEWHERE,
  RECORD_FILTERED,
  RECORD_SINGLE,
  SLOT_SHIFT,
  type SlotEntry,
  SlotTable,
} from "./slot-table.js";
import { growUint32 } from "./typed.js";

interface SubInfo {
  /** subscription number: index into the per-subscription typed arrays */
  readonly no: number;
  readonly texts: readonly number[];
  readonly single: boolean;
  readonly slots: readonly SlotEntry[];
  readonly anchors: readonly SlotEntry[];
}

// Longer words are rarer in news text. Abbreviations are short and frequent (ЦБ, США, РФ); a prefix
// matches more than the word it starts.
function rarity(slot: Slot): number {
  const length = (slot.keys[0] ?? "").length;
  return slot.kind === "prefix" ? length - 1 : length;
}

function anchorOf(term: Term): Slot {
  let best = term.slots[0] as Slot;
  for (const slot of term.slots) if (rarity(slot) > rarity(best)) best = slot;
  return best;
}

// The required clause least likely to occur: every match contains one of its alternatives.
function anchorsOf(q: Query): Slot[] {
  let anchors: Slot[] = [];
  let bestScore = -1;
  for (const clause of q.must) {
    const candidates = clause.alternatives.map(anchorOf);
    const score = Math.min(...candidates.map(rarity));
    if (score > bestScore) {
      bestScore = score;
      anchors = candidates;
    }
  }
  return anchors;
}

const EMPTY_LIST: readonly string[] = Object.freeze([]);

/** Every subscription as one index; add/remove are incremental. */
export class SubscriptionIndex {
  readonly #subs = new Map<number, SubInfo>();
  readonly #table = new SlotTable();
  // Matched-term texts, numbered and shared: one small array instead of one per subscription.
  readonly #textPool: string[] = [];
  // The matched list of a lone-word subscription, one frozen array per text, shared by all its matches.
  readonly #textLists: Array<readonly string[]> = [];
  readonly #textNumbers = new Map<string, number>();
  readonly #textRefs: number[] = [];
  readonly #freeTexts: number[] = [];
  // Per subscription number: id and the stamp that dedups subscriptions anchored on several slots.
  readonly #ids: number[] = [];
  // Per subscription number: its source: filters when it has any (checked only once it matches), all of
  // one shape so that the check stays monomorphic.
  readonly #filters: Array<Pick<Query, "sources" | "notSources"> | undefined> = [];
  readonly #freeSubs: number[] = [];
  // Per subscription number: its last matched terms (runPlan's mask) and their frozen list, handed out
  // again while the same terms match, so a match allocates no list.
  readonly #lastMask: number[] = [];
  readonly #lastList: Array<readonly string[]> = [];
  #subStamps: Uint32Array = new Uint32Array(1024);
  #stamp = 0;
  readonly #tokens = new TokenBuffer();

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
        const n = this.#acquireText(text);
        texts.push(n);
        return n;
      },
    );
    const filtered = q.sources !== undefined || q.notSources !== undefined;
    const only = q.must.length === 1 && q.not.length === 0 && !filtered ? q.must[0]?.alternatives : undefined;
    const single = only?.length === 1 && only[0]?.slots.length === 1;
    const no = this.#freeSubs.pop() ?? this.#ids.length;
    this.#ensureSubCapacity(no);
    this.#ids[no] = id;
    this.#filters[no] = filtered ? { sources: q.sources, notSources: q.notSources } : undefined;
    this.#subStamps[no] = 0;
    this.#lastMask[no] = -1;
    this.#lastList[no] = EMPTY_LIST;
    // By entry, not by Slot object: equal slots from different parses must not anchor a subscription twice.
    const anchors = [...new Set(anchorsOf(q).map((slot) => table.get(slot.id) as SlotEntry))];
    const flags = single
      ? RECORD_SINGLE
      : (anchors.length > 1 ? RECORD_ELSEWHERE : 0) | (filtered ? RECORD_FILTERED : 0);
    for (const entry of anchors) table.appendRecord(entry.n, no, flags, single ? [texts[0] as number] : code);
    this.#subs.set(id, { no, texts, single, slots, anchors });
  }

  /** Removes the subscription `id`; unknown ids are ignored. */
  remove(id: number): void {
    const sub = this.#subs.get(id);
    if (!sub) return;
    this.#subs.delete(id);
    for (const entry of sub.anchors) this.#table.removeRecord(entry.n, sub.no);
    for (const entry of sub.slots) this.#table.release(entry);
    for (const n of sub.texts) this.#releaseText(n);
    this.#filters[sub.no] = undefined;
    this.#lastMask[sub.no] = -1;
    this.#lastList[sub.no] = EMPTY_LIST;
    this.#freeSubs.push(sub.no);
  }

  /** Number of subscriptions in the index. */
  get size(): number {
    return this.#subs.size;
  }

  /** Every subscription the item matches, with its matched terms (in no particular order). */
  match(item: MatchInput): Array<{ id: number; matched: readonly string[] }> {
    const stamp = this.#nextStamp();
    const table = this.#table;
    const tokens = this.#tokens;
    tokens.fill(item.title, item.summary, item.body);
    const filters = this.#filters;
    const { hits, hitCount, state } = table.scan(tokens, stamp);
    const subStamps = this.#subStamps;
    const textPool = this.#textPool;
    const textLists = this.#textLists;
    const ids = this.#ids;
    const lastMask = this.#lastMask;
    const lastList = this.#lastList;
    // Lower-cased once per item, and only if a filtered subscription gets this far.
    let source: string | null = null;
    const out: Array<{ id: number; matched: readonly string[] }> = [];
    const records = table.arena;
    const slots = state.slots;
    for (let h = 0; h < hitCount; h++) {
      const at0 = (hits[h] as number) << SLOT_SHIFT;
      const end = slots[at0 + 4] as number;
      for (let at = slots[at0 + 3] as number; at < end; at += 3 + (records[at + 2] as number)) {
        const no = records[at] as number;
        const flags = records[at + 1] as number;
        if (flags === RECORD_SINGLE) {
          out.push({
            id: ids[no] as number,
            matched: textLists[records[at + 3] as number] as readonly string[],
          });
          continue;
        }
        if ((flags & RECORD_ELSEWHERE) !== 0) {
          if (subStamps[no] === stamp) continue;
          subStamps[no] = stamp;
        }
        const mask = runPlan(records, at + 3, state);
        if (mask < 0) continue;
        if ((flags & RECORD_FILTERED) !== 0) {
          source ??= (item.source ?? "").toLowerCase();
          if (!sourcePasses(filters[no] as Pick<Query, "sources">, source)) continue;
        }
        if (lastMask[no] !== mask) {
          lastMask[no] = mask;
          lastList[no] = Object.freeze(matchedTexts(records, at + 3, mask, textPool));
        }
        out.push({ id: ids[no] as number, matched: lastList[no] as readonly string[] });
      }
    }
    return out;
  }

  #nextStamp(): number {
    if (this.#stamp === 0x7fffffff) {
      // After 2 billion items start over (stamps live in Int32Arrays); stale stamps must not look current
      // (the table resets at 1).
      this.#subStamps.fill(0);
      this.#stamp = 0;
    }
    return ++this.#stamp;
  }

  #ensureSubCapacity(no: number): void {
    if (no < this.#subStamps.length) return;
    this.#subStamps = growUint32(this.#subStamps, this.#subStamps.length * 2);
  }

  #acquireText(text: string): number {
    let n = this.#textNumbers.get(text);
    if (n === undefined) {
      n = this.#freeTexts.pop() ?? this.#textPool.length;
      this.#textPool[n] = text;
      this.#textLists[n] = Object.freeze([text]);
      this.#textRefs[n] = 0;
      this.#textNumbers.set(text, n);
    }
    this.#textRefs[n] = (this.#textRefs[n] as number) + 1;
    return n;
  }

  #releaseText(n: number): void {
    const refs = (this.#textRefs[n] as number) - 1;
    this.#textRefs[n] = refs;
    if (refs > 0) return;
    this.#textNumbers.delete(this.#textPool[n] as string);
    this.#textPool[n] = "";
    this.#textLists[n] = EMPTY_LIST;
    this.#freeTexts.push(n);
  }
}
