/**
 * The reference evaluation of a query, used by matchQuery: plain, obviously correct code over a map of
 * where each slot occurs. The SubscriptionIndex has its own compact evaluator (plan-code.ts) for speed;
 * the two are tested against each other on tables and on generated data.
 */

import type { Token } from "../text/normalize.js";
import { guardAccepts, type Occurrence } from "../words/homonyms.js";
import type { Slot } from "../words/terms.js";
import type { Query } from "./query.js";

/** A term over slot handles S: slots at consecutive positions; text is what alerts show. */
export interface PlanTerm<S> {
  readonly slots: readonly S[];
  readonly text: string;
  /** NEAR/n: the two slots at distinct positions at most n apart */
  readonly near?: number;
}

/** A query over slot handles S: every clause needs one alternative; any exclusion vetoes. */
export interface Plan<S> {
  readonly must: ReadonlyArray<ReadonlyArray<PlanTerm<S>>>;
  readonly not: ReadonlyArray<PlanTerm<S>>;
}

/** Where a slot occurs in the current item (ascending positions), or undefined when absent. */
export type PositionsOf<S> = (slot: S) => readonly number[] | undefined;

function termMatches<S>(term: PlanTerm<S>, positionsOf: PositionsOf<S>): boolean {
  const first = positionsOf(term.slots[0] as S);
  if (!first) return false;
  const count = term.slots.length;
  if (count === 1) return true;
  if (term.near !== undefined) {
    const second = positionsOf(term.slots[1] as S);
    const near = term.near;
    return second !== undefined && first.some((a) => second.some((b) => a !== b && Math.abs(a - b) <= near));
  }
  // Sets keep a phrase of many repeated common words linear in the item's length.
  const rest: Array<Set<number>> = [];
  for (let i = 1; i < count; i++) {
    const positions = positionsOf(term.slots[i] as S);
    if (!positions) return false;
    rest.push(new Set(positions));
  }
  return first.some((start) => rest.every((positions, i) => positions.has(start + i + 1)));
}

/** The matched terms' texts when the plan matches, else null. */
export function evaluate<S>(plan: Plan<S>, positionsOf: PositionsOf<S>): string[] | null {
  for (const term of plan.not) if (termMatches(term, positionsOf)) return null;
  const matched: string[] = [];
  for (const clause of plan.must) {
    let any = false;
    for (const term of clause) {
      if (termMatches(term, positionsOf)) {
        matched.push(term.text);
        any = true;
      }
    }
    if (!any) return null;
  }
  return matched;
}

/** The query as a plan over its own slots. */
export function planOf(q: Query): Plan<Slot> {
  return { must: q.must.map((c) => c.alternatives), not: q.not };
}

/** Every slot of a query: required ones and exclusions. */
export function querySlots(q: Query): Slot[] {
  const slots: Slot[] = [];
  for (const clause of q.must) for (const term of clause.alternatives) slots.push(...term.slots);
  for (const term of q.not) slots.push(...term.slots);
  return slots;
}

/** Whether a story from a feed (`source`: its host and title) passes the query's source: filters. */
export function sourceAllowed(q: Query, source: string | undefined): boolean {
  return sourcePasses(q, (source ?? "").toLowerCase());
}

/** sourceAllowed with the source already lower-cased (the index does that once per item). */
export function sourcePasses(q: Pick<Query, "sources" | "notSources">, where: string): boolean {
  // Loops, not some() with a closure: the index calls this on every match of a filtered subscription.
  const { sources, notSources } = q;
  if (notSources) for (const site of notSources) if (where.includes(site)) return false;
  if (!sources) return true;
  for (const site of sources) if (where.includes(site)) return true;
  return false;
}

/** Whether token `i` of an item satisfies one slot. */
export function slotAccepts(slot: Slot, tokens: readonly Token[], i: number): boolean {
  const token = tokens[i] as Token;
  switch (slot.kind) {
    case "abbr": {
      if (token.caps === slot.keys[0]) return true;
      const guard = slot.guards?.get(token.form);
      return guard !== undefined && guardAccepts(guard, occurrenceOf(tokens, i));
    }
    case "prefix":
      return !token.compound && token.form.startsWith(slot.keys[0] as string);
    default: {
      if (!slot.keys.includes(token.form)) return false;
      const guard = slot.guards?.get(token.form);
      return guard === undefined || guardAccepts(guard, occurrenceOf(tokens, i));
    }
  }
}

// The word at `pos` in the same sentence (compound wholes skipped), searching from token `from`.
function wordAt(tokens: readonly Token[], from: number, step: number, pos: number): Token | null {
  for (let j = from; j >= 0 && j < tokens.length; j += step) {
    const t = tokens[j] as Token;
    if (t.compound) continue;
    if (t.pos === pos) return t;
    if (step > 0 ? t.pos > pos : t.pos < pos) return null;
  }
  return null;
}

/** Token `i` with its neighbours, as homonym guards judge it. */
export function occurrenceOf(tokens: readonly Token[], i: number): Occurrence {
  const token = tokens[i] as Token;
  const prev = wordAt(tokens, i - 1, -1, token.pos - 1);
  const next = wordAt(tokens, i + 1, 1, token.pos + 1);
  const next2 = wordAt(tokens, i + 1, 1, token.pos + 2);
  return {
    shape: token.shape,
    prev: prev?.form ?? null,
    next: next?.form ?? null,
    nextShape: next?.shape ?? 0,
    next2: next2?.form ?? null,
  };
}
