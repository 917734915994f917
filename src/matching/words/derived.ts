/**
 * Derived words on request (issue 11): «литий» does not match «литиевых» by itself — a different word —
 * but /subscribe offers the dictionary's adjectives built on the same stem (литий → литиевый, никель →
 * никелевый) as one button that widens the query explicitly. Nothing widens silently.
 */

import { formatQuery, parseQuery, type Query } from "../query/query.js";
import { readingsOf } from "./morphology.js";

// Adjective suffixes that derive «made of / about X» from a noun. A bare -ой/-ый is left out: it would
// offer «литой» for «литий», exactly the confusion the dictionary forms avoid.
// In order of preference; only the first the dictionary knows is offered (медь → медный, not медовый).
const SUFFIXES = ["евый", "ный", "ьный", "ной", "ьной", "яной", "овый", "ский"];
const VOWEL_END = /[аеиоуыэюяйь]$/u;

/** Adjectives the dictionary knows on the stem of a lower-case noun, e.g. литий → [литиевый]. */
export function derivedWords(word: string): string[] {
  if (!/^[а-я]{3,}$/u.test(word)) return [];
  if (!readingsOf(word).some((r) => r.pos === "NOUN" && r.lemma === word && !r.proper)) return [];
  // Only the last letter goes (литий → лити-евый): a shorter stem finds other words' adjectives
  // (лит- → литический, герман- → германский).
  const stem = VOWEL_END.test(word) ? word.slice(0, -1) : word;
  for (const suffix of SUFFIXES) {
    const candidate = stem + suffix;
    if (readingsOf(candidate).some((r) => r.pos === "ADJF" && r.lemma === candidate)) return [candidate];
  }
  return [];
}

/**
 * The query with each required word joined by its derived word as an alternative (литий →
 * «литий OR литиевый»), as canonical text to store, or null when no word has one.
 */
export function widenQuery(q: Query): { text: string; added: string[] } | null {
  const added: string[] = [];
  const clauses = q.must.map((clause) => {
    const texts = clause.alternatives.map((t) => t.text);
    for (const term of clause.alternatives) {
      const slot = term.slots[0];
      if (term.phrase || term.near !== undefined || !slot || slot.kind !== "forms") continue;
      for (const extra of derivedWords(slot.text)) {
        if (texts.includes(extra)) continue;
        texts.push(extra);
        added.push(extra);
      }
    }
    return texts.join(" OR ");
  });
  if (added.length === 0) return null;
  const rest = [
    ...q.not.map((t) => t.text),
    ...(q.sources ?? []).map((s) => `source:${s}`),
    ...(q.notSources ?? []).map((s) => `-source:${s}`),
  ];
  // Parsed again so the stored text is canonical and the limits are checked (throws QueryError).
  return { text: formatQuery(parseQuery([...clauses, ...rest].join(" "))), added };
}
