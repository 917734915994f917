/**
 * Matching one query against one item, for previews and for «recent matches» after /subscribe.
 * Alerting uses SubscriptionIndex, which gives the same answers without looking at every query.
 */

import { type Token, tokenizeItem } from "../text/normalize.js";
import { evaluate, planOf, querySlots, slotAccepts, sourceAllowed } from "./evaluate.js";
import type { Query } from "./query.js";

/** A news item as matching sees it; text fields may contain HTML. */
export interface MatchInput {
  title: string;
  summary: string;
  /** the article's full text where the feed carries it (matched up to BODY_MAX_CHARS) */
  body?: string | null;
  /** the feed's host and title, for source: filters */
  source?: string;
}

/** The matched terms (canonical query text) when the item matches the query, else null. */
export function matchQuery(q: Query, item: MatchInput): string[] | null {
  if (!sourceAllowed(q, item.source)) return null;
  return matchTokens(q, tokenizeItem(item.title, item.summary, item.body));
}

/** matchQuery on an already tokenised item (lets a caller tokenise once for many queries). */
export function matchTokens(q: Query, tokens: readonly Token[]): string[] | null {
  const present = new Map<string, number[]>();
  for (const slot of querySlots(q)) {
    if (present.has(slot.id)) continue;
    const positions: number[] = [];
    for (let i = 0; i < tokens.length; i++) {
      if (slotAccepts(slot, tokens, i)) positions.push((tokens[i] as Token).pos);
    }
    if (positions.length > 0) present.set(slot.id, positions);
  }
  return evaluate(planOf(q), (slot) => present.get(slot.id));
}
