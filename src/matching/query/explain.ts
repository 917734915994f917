/**
 * What /subscribe answers: the query as the bot understood it, in plain words (the caller escapes
 * HTML). Showing the actual forms lets a user see at once that «литий» will not catch «литой».
 */

import type { Say } from "../../locale.js";
import type { Slot } from "../words/terms.js";
import type { Query, Term } from "./query.js";

const SHOWN_FORMS = 6;

function describeSlot(slot: Slot, say: Say): string {
  const described = describeForms(slot, say);
  const rivals = rivalLine(slot, say);
  return rivals ? `${described}\n     ${rivals}` : described;
}

/** The one line that names the words sharing a form with a query word, or null when there are none. */
export function rivalLine(slot: Slot, say: Say): string | null {
  if (!slot.rivals || slot.rivals.length === 0) return null;
  const word = slot.text.replace(/^!/, "");
  if (slot.name) return say("explain-name", { word, lower: slot.keys[0] ?? word.toLowerCase() });
  return say("explain-rivals", { word, rivals: slot.rivals.map((r) => `«${r}»`).join(", ") });
}

function describeForms(slot: Slot, say: Say): string {
  const word = slot.text.replace(/^!/, "");
  const lower = slot.keys[0] ?? "";
  switch (slot.kind) {
    case "abbr":
      if (slot.guards)
        return say("explain-abbr-title", {
          word,
          title: `${lower.slice(0, 1).toUpperCase()}${lower.slice(1)}`,
          lower,
        });
      return say("explain-abbr", { word, lower });
    case "prefix":
      return say("explain-prefix", { word, prefix: lower });
    case "exact":
      return say("explain-exact", { word, form: lower });
    default:
      break;
  }
  if (slot.keys.length === 1) return say("explain-whole", { word });
  const forms = slot.keys.slice(0, SHOWN_FORMS).join(", ");
  const more = slot.keys.length > SHOWN_FORMS ? "…" : "";
  const how = slot.origin === "guess" || slot.origin === "english" ? slot.origin : "dictionary";
  return say("explain-forms", { word, how, forms: `${forms}${more}` });
}

function describeTerm(term: Term, say: Say): string {
  if (term.near !== undefined) {
    const words = term.slots.map((s) => `   · ${describeSlot(s, say)}`).join("\n");
    return `${say("explain-near", { term: term.text, n: term.near })}\n${words}`;
  }
  // A word alone in quotes is that word (a name, when capitalised): no «next to each other» to explain.
  if (!term.phrase || term.slots.length === 1) return describeSlot(term.slots[0] as Slot, say);
  const words = term.slots.map((s) => `   · ${describeSlot(s, say)}`).join("\n");
  return `${say("explain-phrase", { term: term.text })}\n${words}`;
}

/** Multi-line explanation of a parsed query, in the language of `say`. */
export function explainQuery(q: Query, say: Say): string {
  const lines: string[] = [];
  const single = q.must.length === 1 && q.not.length === 0;
  lines.push(say(single ? "explain-one" : "explain-all"));
  for (const clause of q.must) {
    if (clause.alternatives.length === 1) {
      lines.push(`• ${describeTerm(clause.alternatives[0] as Term, say)}`);
      continue;
    }
    const or = ` ${say("explain-or")} `;
    lines.push(`• ${say("explain-any-of", { terms: clause.alternatives.map((t) => t.text).join(or) })}`);
    for (const term of clause.alternatives)
      lines.push(`   ◦ ${describeTerm(term, say).replaceAll("\n", "\n   ")}`);
  }
  if (q.not.length > 0) {
    lines.push(say("explain-not"));
    for (const term of q.not) lines.push(`• ${describeTerm({ ...term, text: term.text.slice(1) }, say)}`);
  }
  if (q.sources) lines.push(say("explain-sources", { sources: q.sources.join(", ") }));
  if (q.notSources) lines.push(say("explain-not-sources", { sources: q.notSources.join(", ") }));
  return lines.join("\n");
}
