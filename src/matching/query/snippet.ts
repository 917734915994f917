/**
 * The sentence an alert quotes when the match is not in the headline (issue 11): found at match time in
 * the summary or the full text, at most SNIPPET_MAX_CHARS long, matched words marked for bold.
 */

import { BODY_MAX_CHARS, cleanText, foldWord, tokenize, tokenizeItem } from "../text/normalize.js";
import type { Slot } from "../words/terms.js";
import { slotAccepts } from "./evaluate.js";
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

// Where the words to bold are, as [start, end) offsets in the sentence. Each word is judged as matching
// judges it, homonym guards included, so «Германия … германия» bolds only the metal; when the sentence's
// words and its tokens do not line up one to one (rare markup), by its form alone.
function boldSpans(sentence: string, slots: readonly Slot[]): Array<[number, number]> {
  const tokens = tokenize(sentence);
  const words: number[] = [];
  tokens.forEach((token, i) => {
    if (!token.compound) words.push(i);
  });
  const found = [...sentence.matchAll(WORD)];
  const aligned = found.length === words.length;
  const spans: Array<[number, number]> = [];
  found.forEach((m, k) => {
    const hit = aligned
      ? slots.some((slot) => slotAccepts(slot, tokens, words[k] as number))
      : slots.some((slot) => wordHits(slot, m[0]));
    if (hit) spans.push([m.index, m.index + m[0].length]);
  });
  return spans;
}

// sentence[from, to) with its bold words marked.
function marked(sentence: string, from: number, to: number, spans: ReadonlyArray<[number, number]>): string {
  let out = "";
  let at = from;
  for (const [start, end] of spans) {
    if (start < from || end > to) continue;
    out += `${sentence.slice(at, start)}${BOLD_START}${sentence.slice(start, end)}${BOLD_END}`;
    at = end;
  }
  return out + sentence.slice(at, to);
}

// A long sentence is cut around its first match so that the match stays visible; whole words only.
function clip(sentence: string, slots: readonly Slot[]): string {
  const spans = boldSpans(sentence, slots);
  if (sentence.length <= SNIPPET_MAX_CHARS) return marked(sentence, 0, sentence.length, spans);
  const first = spans[0]?.[0] ?? 0;
  let from = Math.max(0, Math.min(first - 60, sentence.length - (SNIPPET_MAX_CHARS - 2)));
  let to = from + SNIPPET_MAX_CHARS - 2;
  const window = sentence.slice(from, to);
  if (from > 0) from += (/^[\p{L}\p{N}]*\s*/u.exec(window)?.[0] ?? "").length;
  const cutEnd = to < sentence.length;
  if (cutEnd) to -= (/\s*[\p{L}\p{N}]*$/u.exec(window)?.[0] ?? "").length;
  return `${from > 0 ? "…" : ""}${marked(sentence, from, Math.max(from, to), spans)}${cutEnd ? "…" : ""}`;
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
