/**
 * A subscription's query flattened into an Int32Array record of slot numbers, stored next to the other
 * records anchored on the same slot, so evaluating the candidates of an item reads memory in a row
 * instead of chasing a tree of small objects across a large heap — with 100,000 subscriptions that
 * pointer chasing, not the logic, was most of the matching time.
 *
 * Record layout: notCount, [len, slot × len] × notCount, clauseCount,
 *                [altCount, [len, text number, slot × len] × altCount] × clauseCount
 * A NEAR/n term has len = -n and two slots.
 * Texts are numbered in a pool shared by all subscriptions (most users type the same few words).
 */
import type { Query, Term } from "../query/query.js";
import type { ItemSlots } from "./item-slots.js";

/** Compiles a query into its record, numbering slots and matched-term texts with the index's pools. */
export function compilePlan(
  q: Query,
  slotNumber: (slotId: string) => number,
  textNumber: (text: string) => number,
): number[] {
  const code: number[] = [q.not.length];
  const term = (t: Term, withText: boolean): void => {
    code.push(t.near === undefined ? t.slots.length : -t.near);
    if (withText) code.push(textNumber(t.text));
    for (const slot of t.slots) code.push(slotNumber(slot.id));
  };
  for (const t of q.not) term(t, false);
  code.push(q.must.length);
  for (const clause of q.must) {
    code.push(clause.alternatives.length);
    for (const t of clause.alternatives) term(t, true);
  }
  return code;
}

/** Per-item slot state kept by the index (item-slots.ts): presence bits, and positions of present slots. */
export type SlotState = Pick<ItemSlots, "present" | "local" | "heads" | "poolPos" | "poolNext">;

/** Slots a term occupies in a record: its length, or 2 for NEAR (stored as minus the distance). */
function slotCount(length: number): number {
  return length < 0 ? 2 : length;
}

// NEAR/n: two distinct positions at most n apart; chains are descending, so each inner walk stops
// once it is more than n below.
function nearHits(a: number, b: number, distance: number, state: SlotState): boolean {
  const { local, heads, poolPos, poolNext } = state;
  const bHead = heads[local[b] as number] as number;
  for (let i = heads[local[a] as number] as number; i >= 0; i = poolNext[i] as number) {
    const p = poolPos[i] as number;
    for (let j = bHead; j >= 0; j = poolNext[j] as number) {
      const q = poolPos[j] as number;
      if (q < p - distance) break;
      if (q !== p && q <= p + distance) return true;
    }
  }
  return false;
}

function termHits(code: Int32Array, at: number, length: number, state: SlotState): boolean {
  const present = state.present;
  if (length < 0) {
    const a = code[at] as number;
    const b = code[at + 1] as number;
    if (((present[a >> 5] as number) & (1 << (a & 31))) === 0) return false;
    if (((present[b >> 5] as number) & (1 << (b & 31))) === 0) return false;
    return nearHits(a, b, -length, state);
  }
  for (let i = 0; i < length; i++) {
    const s = code[at + i] as number;
    if (((present[s >> 5] as number) & (1 << (s & 31))) === 0) return false;
  }
  return length === 1 || phraseHits(code, at, length, state);
}

// Phrase: some start p with slot i at p + i for every i. Position chains are strictly descending
// (built in token order, newest first), so each word is a linear merge against the surviving starts:
// O(words × positions), whatever a user puts in a phrase and however long the item is.
// The surviving starts, filtered in place word by word; module-level so a phrase allocates nothing.
let starts = new Int32Array(256);

function phraseHits(code: Int32Array, at: number, length: number, state: SlotState): boolean {
  const { local, heads, poolPos, poolNext } = state;
  let count = 0;
  for (let c = heads[local[code[at] as number] as number] as number; c >= 0; c = poolNext[c] as number) {
    if (count === starts.length) {
      const grown = new Int32Array(count * 2);
      grown.set(starts);
      starts = grown;
    }
    starts[count++] = poolPos[c] as number;
  }
  for (let i = 1; i < length && count > 0; i++) {
    let kept = 0;
    let s = 0;
    let c = heads[local[code[at + i] as number] as number] as number;
    while (s < count && c >= 0) {
      const want = (starts[s] as number) + i;
      const have = poolPos[c] as number;
      if (have === want) {
        starts[kept++] = starts[s] as number;
        s++;
        c = poolNext[c] as number;
      } else if (have > want) {
        c = poolNext[c] as number;
      } else {
        s++;
      }
    }
    count = kept;
  }
  return count > 0;
}

/**
 * Which terms of the record at `at` matched the current item, as a mask (term k of the required clauses,
 * counted across all clauses, adds 2^k; queries have at most MAX_TERMS words), or -1 when it does not
 * match. A mask, not a list: the index turns it into a shared list (matchedTexts) and allocates nothing
 * per match when a subscription matches with the same terms as last time.
 */
export function runPlan(code: Int32Array, at: number, state: SlotState): number {
  let p = at;
  const notCount = code[p++] as number;
  for (let n = 0; n < notCount; n++) {
    const length = code[p++] as number;
    if (termHits(code, p, length, state)) return -1;
    p += slotCount(length);
  }
  const clauseCount = code[p++] as number;
  let mask = 0;
  let bit = 1;
  for (let c = 0; c < clauseCount; c++) {
    const altCount = code[p++] as number;
    let any = false;
    for (let a = 0; a < altCount; a++) {
      const length = code[p++] as number;
      p++; // text number
      if (termHits(code, p, length, state)) {
        mask += bit;
        any = true;
      }
      bit *= 2;
      p += slotCount(length);
    }
    if (!any) return -1;
  }
  return mask;
}

/** The texts of the terms in `mask` (from runPlan) of the record at `at`, in query order. */
export function matchedTexts(code: Int32Array, at: number, mask: number, texts: readonly string[]): string[] {
  let p = at;
  const notCount = code[p++] as number;
  for (let n = 0; n < notCount; n++) p += 1 + slotCount(code[p] as number);
  const clauseCount = code[p++] as number;
  const matched: string[] = [];
  let rest = mask;
  for (let c = 0; c < clauseCount; c++) {
    const altCount = code[p++] as number;
    for (let a = 0; a < altCount; a++) {
      const length = code[p++] as number;
      if (rest % 2 === 1) matched.push(texts[code[p] as number] as string);
      rest = Math.floor(rest / 2);
      p += 1 + slotCount(length);
    }
  }
  return matched;
}
