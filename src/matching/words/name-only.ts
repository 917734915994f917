/**
 * Names on request: «Магнит» typed with a capital may be the retailer or a keyboard's capital on «магнит»,
 * so by itself it matches both. Where the lower-case word means something of its own, /subscribe offers
 * one button that keeps the word to the name — «"Магнит"» in quotes, which matches «Магнит», «МАГНИТА»
 * but not «сверхпроводящий магнит». Nothing narrows silently.
 */

import { formatQuery, parseQuery, type Query, type Term } from "../query/query.js";
import { compilePiece, wordPieces } from "./terms.js";

// The term kept to the name `typed` (as the user wrote it), or null when quoting it would change nothing.
function named(term: Term, typed: string): Term | null {
  const piece = wordPieces(typed)[0];
  const slot = term.slots[0];
  if (piece === undefined || slot === undefined || term.phrase || term.near !== undefined) return null;
  // The stored query may have lost the capital: the typed word must still be this term's word.
  if (compilePiece(piece, { exact: false, prefix: false }).id !== slot.id) return null;
  const name = compilePiece(piece, { exact: false, prefix: false, name: true });
  return name.id === slot.id ? null : { ...term, slots: [name], text: `"${name.text}"`, phrase: true };
}

/**
 * The query with capitalised required words kept to their names (Магнит → «"Магнит"»), as canonical text
 * to store, with the names; null when no word changes. `typed`: the names to keep (from a button, the
 * stored query having lost their capitals); by default every word the user typed with a capital.
 */
export function nameOnlyQuery(q: Query, typed?: readonly string[]): { text: string; names: string[] } | null {
  const names: string[] = [];
  const must = q.must.map((clause) => ({
    alternatives: clause.alternatives.map((term) => {
      for (const word of typed ?? (term.capitalised === undefined ? [] : [term.capitalised])) {
        const name = named(term, word);
        if (!name) continue;
        names.push(name.slots[0]?.text as string);
        return name;
      }
      return term;
    }),
  }));
  if (names.length === 0) return null;
  // Parsed again so the stored text is canonical and the limits are checked (throws QueryError).
  return { text: formatQuery(parseQuery(formatQuery({ ...q, must }))), names };
}
