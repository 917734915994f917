/**
 * How a query is stored in the index: the slots it is anchored on (its rarest required clause) and the
 * record each of them carries — a lone word's text number, the slots of plain words that must all occur,
 * or the general plan (plan-code.ts) behind its source: filter.
 */
import type { Query, Term } from "../query/query.js";
import type { Slot } from "../words/terms.js";
import { RECORD_ALL, RECORD_ELSEWHERE, RECORD_FILTERED, RECORD_SINGLE } from "./record-arena.js";

/** A query's record: its flags and its code. */
export interface QueryRecord {
  readonly flags: number;
  readonly code: readonly number[];
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

/** The required clause least likely to occur (every match contains one of its alternatives): its anchors. */
export function anchorsOf(q: Query): Slot[] {
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

/** Whether a required clause is one plain word (no alternative, phrase or NEAR). */
function isLoneWord(clause: Query["must"][number]): boolean {
  const only = clause.alternatives[0];
  return clause.alternatives.length === 1 && only?.slots.length === 1 && only.near === undefined;
}

/** The words of a query's phrase and NEAR terms, whose positions matter. */
export function positionalSlots(q: Query): Slot[] {
  const terms = [...q.not, ...q.must.flatMap((clause) => clause.alternatives)];
  return terms.filter((t) => t.near !== undefined || t.slots.length > 1).flatMap((t) => t.slots);
}

/**
 * The record of a query anchored on `anchors` slots. `plan` is its compiled plan, `texts` its matched-term
 * text numbers, `filter` its source: filter cells, `slotNumber` a slot's number in the table.
 */
export function queryRecord(
  q: Query,
  anchors: number,
  plan: readonly number[],
  texts: readonly number[],
  filter: readonly number[],
  slotNumber: (slot: Slot) => number,
): QueryRecord {
  const filtered = filter.length > 0;
  const only = q.must.length === 1 && q.not.length === 0 && !filtered ? q.must[0]?.alternatives : undefined;
  if (only?.length === 1 && only[0]?.slots.length === 1)
    return { flags: RECORD_SINGLE, code: [texts[0] as number] };
  if (!filtered && q.not.length === 0 && q.must.every(isLoneWord)) {
    const slots = q.must.map((clause) => slotNumber(clause.alternatives[0]?.slots[0] as Slot));
    return { flags: RECORD_ALL, code: [slots.length, ...slots] };
  }
  const flags = (anchors > 1 ? RECORD_ELSEWHERE : 0) | (filtered ? RECORD_FILTERED : 0);
  // A filtered record's code starts with its filter (source-filter.ts), then the plan.
  return { flags, code: filter.concat(plan) };
}
