/**
 * What /subscribe answers: the query as the bot understood it, in plain Russian (the caller escapes
 * HTML). Showing the actual forms lets a user see at once that «литий» will not catch «литой».
 */

import type { Slot } from "../words/terms.js";
import type { Query, Term } from "./query.js";

const SHOWN_FORMS = 6;

function describeSlot(slot: Slot): string {
  const described = describeForms(slot);
  const rivals = rivalLine(slot);
  return rivals ? `${described}\n     ${rivals}` : described;
}

/** The one line that names the words sharing a form with a query word, or null when there are none. */
export function rivalLine(slot: Slot): string | null {
  if (!slot.rivals || slot.rivals.length === 0) return null;
  const word = slot.text.replace(/^!/, "");
  return `${word} — не путаю с ${slot.rivals.map((r) => `«${r}»`).join(", ")}`;
}

function describeForms(slot: Slot): string {
  const word = slot.text.replace(/^!/, "");
  switch (slot.kind) {
    case "abbr":
      if (slot.guards)
        return `${word} — сокращение: отдельным словом, заглавными буквами или с заглавной (${slot.keys[0]?.slice(0, 1).toUpperCase()}${slot.keys[0]?.slice(1)}), но не «${slot.keys[0]}»`;
      return `${word} — сокращение: только отдельным словом, написанным заглавными буквами (не внутри других слов и не «${slot.keys[0]}»)`;
    case "prefix":
      return `${word} — любое слово, которое начинается на «${slot.keys[0]}»`;
    case "exact":
      return `${word} — только эта форма: «${slot.keys[0]}»`;
    default:
      break;
  }
  if (slot.keys.length === 1) return `${word} — только это слово целиком`;
  const forms = slot.keys.slice(0, SHOWN_FORMS).join(", ");
  const more = slot.keys.length > SHOWN_FORMS ? "…" : "";
  const how =
    slot.origin === "guess" ? "формы по окончанию" : slot.origin === "english" ? "формы" : "любые формы";
  return `${word} — ${how}: ${forms}${more}`;
}

function describeTerm(term: Term): string {
  if (term.near !== undefined) {
    const words = term.slots.map((s) => `   · ${describeSlot(s)}`).join("\n");
    return `${term.text} — оба слова не дальше ${term.near} слов друг от друга, в любом порядке:\n${words}`;
  }
  if (!term.phrase) return describeSlot(term.slots[0] as Slot);
  const words = term.slots.map((s) => `   · ${describeSlot(s)}`).join("\n");
  return `${term.text} — слова подряд и в этом порядке:\n${words}`;
}

/** Multi-line Russian explanation of a parsed query. */
export function explainQuery(q: Query): string {
  const lines: string[] = [];
  const single = q.must.length === 1 && q.not.length === 0;
  lines.push(
    single
      ? "Пришлю новость, если в заголовке или тексте есть:"
      : "Пришлю новость, если в заголовке или тексте есть всё это (в любом порядке):",
  );
  for (const clause of q.must) {
    if (clause.alternatives.length === 1) {
      lines.push(`• ${describeTerm(clause.alternatives[0] as Term)}`);
      continue;
    }
    lines.push(`• одно из: ${clause.alternatives.map((t) => t.text).join(" ИЛИ ")}`);
    for (const term of clause.alternatives)
      lines.push(`   ◦ ${describeTerm(term).replaceAll("\n", "\n   ")}`);
  }
  if (q.not.length > 0) {
    lines.push("Но не пришлю, если есть:");
    for (const term of q.not) lines.push(`• ${describeTerm({ ...term, text: term.text.slice(1) })}`);
  }
  if (q.sources) lines.push(`Только из лент, в адресе или названии которых есть: ${q.sources.join(", ")}`);
  if (q.notSources) lines.push(`Кроме лент, в адресе или названии которых есть: ${q.notSources.join(", ")}`);
  return lines.join("\n");
}
