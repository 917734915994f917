/**
 * The sentence an alert quotes when the match is not in the headline (issue 11): found at match time in
 * the summary or the full text, at most SNIPPET_MAX_CHARS long, matched words marked for bold.
 */

import { BODY_MAX_CHARS, cleanText, foldWord, tokenizeItem } from "../text/normalize.js";
import type { Slot } from "../words/terms.js";
import { matchTokens } from "./matcher.js";
import { parseQuery, type Query } from "./query.js";

/** Longest quoted sentence, in characters. */
export const SNIPPET_MAX_CHARS = 200;
/** Marks the start and end of a matched word inside a snippet; format.ts turns them into <b>…</b>. */
export const BOLD_START = "\u0002";
export const BOLD_END = "\u0003";

const SENTENCE = /[^.!?…]+[.!?…]*/gu;
const WORD = /[\p{L}\p{N}]+/gu;
const queries = new Map<string, Query | null>();

// The matched terms as one query of alternatives; they are canonical query text, so they parse again.
function termsQuery(matched: readonly string[]): Query | null {
  const key = matched.join("\n");
  let q = queries.get(key);
  if (q === undefined) {
    try {
      q = parseQuery(matched.join(" OR "));
    } catch {
      q = null;
    }
    if (queries.size > 10_000) queries.clear();
    queries.set(key, q);
  }
  return q;
}

function wordHits(slot: Slot, word: string): boolean {
  const { form, caps } = foldWord(word);
  if (slot.kind === "abbr") return caps === slot.keys[0] || (slot.guards?.has(form) ?? false);
  if (slot.kind === "prefix") return form.startsWith(slot.keys[0] as string);
  return slot.keys.includes(form);
}

function bold(sentence: string, slots: readonly Slot[]): string {
  return sentence.replace(WORD, (word) =>
    slots.some((s) => wordHits(s, word)) ? `${BOLD_START}${word}${BOLD_END}` : word,
  );
}

// A long sentence is cut around its first match so that the match stays visible.
function clip(sentence: string, slots: readonly Slot[]): string {
  if (sentence.length <= SNIPPET_MAX_CHARS) return bold(sentence, slots);
  let first = 0;
  for (const m of sentence.matchAll(WORD)) {
    if (slots.some((s) => wordHits(s, m[0]))) {
      first = m.index;
      break;
    }
  }
  const from = Math.max(0, Math.min(first - 60, sentence.length - (SNIPPET_MAX_CHARS - 2)));
  let part = sentence.slice(from, from + SNIPPET_MAX_CHARS - 2);
  // Whole words only: drop the cut pieces at either end.
  if (from > 0) part = `…${part.replace(/^[\p{L}\p{N}]*\s*/u, "")}`;
  if (from + SNIPPET_MAX_CHARS - 2 < sentence.length) part = `${part.replace(/\s*[\p{L}\p{N}]*$/u, "")}…`;
  return bold(part, slots);
}

/**
 * The first sentence of the summary or full text that matches one of the matched terms, or null when
 * the headline already shows the match (or no single sentence holds it, e.g. words far apart).
 */
export function matchedSentence(
  item: { title: string; summary: string; body?: string | null },
  matched: readonly string[],
): string | null {
  const q = termsQuery(matched);
  if (!q) return null;
  if (matchTokens(q, tokenizeItem(item.title, "")) !== null) return null;
  const slots = q.must.flatMap((c) => c.alternatives.flatMap((t) => t.slots));
  for (const text of [item.summary, (item.body ?? "").slice(0, BODY_MAX_CHARS)]) {
    const clean = cleanText(text ?? "")
      .replaceAll(BOLD_START, "")
      .replaceAll(BOLD_END, "");
    for (const m of clean.matchAll(SENTENCE)) {
      const sentence = m[0].trim();
      if (sentence && matchTokens(q, tokenizeItem(sentence, "")) !== null) return clip(sentence, slots);
    }
  }
  return null;
}
