/**
 * Query words compiled into slots: each slot is the closed set of token keys that satisfy one word
 * position. Everything expensive (dictionary look-ups, declension) happens here, once per subscription,
 * so matching an item is only hash look-ups of its tokens.
 */

import { cleanText, foldWord } from "../text/normalize.js";
import { isCountryName } from "./countries.js";
import { englishForms, isEnglishWord } from "./english.js";
import { guessForms } from "./guess-forms.js";
import { type Guard, type Rivals, rivalsOf } from "./homonyms.js";
import { hasOrdinaryReading, isPlainDictionaryWord, lexemeForms, readingsOf } from "./morphology.js";

/** How a slot matches a token: any listed form, only capitals, or a prefix. */
export type SlotKind = "forms" | "exact" | "abbr" | "prefix";

/** Where a `forms` slot got its forms, for the explanation shown to the user. */
export type FormsSource = "dictionary" | "guess" | "english" | "literal";

/** One word position of a query term. */
export interface Slot {
  /** equal ids match exactly the same tokens; the index shares work between subscriptions by id */
  readonly id: string;
  readonly kind: SlotKind;
  /** forms/exact: token forms; abbr: the capitals' form; prefix: the prefix */
  readonly keys: readonly string[];
  readonly origin: FormsSource;
  /** canonical text of this word as it appears in formatQuery */
  readonly text: string;
  /** forms another word shares, matched only where the occurrence is this word's (homonyms.ts) */
  readonly guards?: ReadonlyMap<string, Guard>;
  /** the other words, for the /subscribe answer («германий — не путаю с «Германия»») */
  readonly rivals?: readonly string[];
  /** the name only («"Магнит"»): no form counts in lower case */
  readonly name?: true;
}

/** An abbreviation of this many letters or more also matches its title-case spelling (OPEC ↔ Opec) when
 * the lower-case word means nothing of its own; shorter ones (ЦБ, ФРС) stay capitals-only. */
export const MIN_TITLE_ABBR = 4;
const TITLE_GUARD: Guard = Object.freeze({ title: true });

/** Shortest prefix accepted before `*`, so «а*» cannot mean «every word». */
export const MIN_PREFIX = 3;
/** Longest all-capital word treated as an abbreviation (РАН, ОПЕК, NATO); longer ones are shouting. */
export const MAX_ABBR = 5;
/**
 * Shortest all-capital Russian word that may be an ordinary word rather than an abbreviation: from this
 * length, a word the dictionary knows with no abbreviation reading (ЛИТИЙ, НЕФТЬ) is taken as that word
 * in any form and case. Shorter ones (РАН, ЦБ, СМИ, МИД) always stay abbreviations.
 */
export const MIN_CAPS_WORD = 4;

const PIECE = /[\p{L}\p{N}]+/gu;
const HAS_DIGIT = /\p{N}/u;

/** Options a query word carries from its markers. */
export interface WordMarks {
  readonly exact: boolean;
  readonly prefix: boolean;
  /** a capitalised word typed in quotes («"Магнит"»): the name only, never its lower-case namesake */
  readonly name?: boolean;
}

/** Splits a raw query word into its letter/digit pieces (hyphens, dots, «&» all separate). */
export function wordPieces(raw: string): string[] {
  return cleanText(raw).match(PIECE) ?? [];
}

// Slots are immutable, so equal pieces share one object: 100,000 stored queries use a few thousand words.
const compiled = new Map<string, Slot>();

/** Compiles one piece of a query word into a slot (memoised). */
export function compilePiece(piece: string, marks: WordMarks): Slot {
  const key = `${marks.exact ? "!" : ""}${marks.prefix ? "*" : ""}${marks.name ? '"' : ""}${piece}`;
  let slot = compiled.get(key);
  if (!slot) {
    const fresh = compileFresh(piece, marks);
    // Frozen: slots are shared by every query that uses the word.
    slot = Object.freeze(marks.name ? nameOnly(fresh, piece) : fresh);
    if (compiled.size >= 100_000) compiled.clear();
    compiled.set(key, slot);
  }
  return slot;
}

function compileFresh(piece: string, marks: WordMarks): Slot {
  const { form, caps, latin } = foldWord(piece);
  if (marks.prefix) {
    return { id: `p:${form}`, kind: "prefix", keys: [form], origin: "literal", text: `${form}*` };
  }
  const letters = [...form].length;
  if (
    caps === form &&
    letters >= 2 &&
    letters <= MAX_ABBR &&
    !HAS_DIGIT.test(form) &&
    !(letters >= MIN_CAPS_WORD && /^[а-я]+$/.test(form) && isPlainDictionaryWord(form))
  ) {
    const upper = form.toUpperCase();
    const title = !marks.exact && letters >= MIN_TITLE_ABBR && !hasOwnMeaning(form, latin);
    return {
      id: title ? `at:${form}` : `a:${form}`,
      kind: "abbr",
      keys: [form],
      origin: "literal",
      text: marks.exact ? `!${upper}` : upper,
      ...(title ? { guards: new Map([[form, TITLE_GUARD]]) } : {}),
    };
  }
  if (marks.exact)
    return { id: `x:${form}`, kind: "exact", keys: [form], origin: "literal", text: `!${form}` };
  if (HAS_DIGIT.test(form))
    return { id: `x:${form}`, kind: "forms", keys: [form], origin: "literal", text: form };
  // «Путина» typed with a capital means the man, not the fishing season; «Turkey» the country, not the bird.
  const first = piece.slice(0, 1);
  const proper = first !== first.toLowerCase() && piece.slice(1) === piece.slice(1).toLowerCase();
  const titled = first + form.slice(1);
  if (latin) {
    const slot = formsSlot(form, englishForms(form), "english");
    if (!proper || !isCountryName(form)) return slot;
    return withRivals({ ...slot, text: titled }, countryRivals(form, slot.keys, isEnglishWord(form)), true);
  }
  if (/^[а-я]+$/.test(form)) {
    const known = lexemeForms(form, proper);
    if (known) {
      const rivals = rivalsOf(form, proper, known);
      // A country whose name is also a common word the dictionary knows only without the country, or an
      // indeclinable foreign name (Чили, Джерси, Макао), whose lower-case twin is often a borrowed word the
      // dictionary lacks (the pepper, the cloth, the parrot): lower case is not the country.
      const common = rivals === null && readingsOf(form).some((r) => !r.proper);
      const country = rivals === null && proper && isCountryName(form) && (common || known.length === 1);
      // Keep the capital in the canonical text only where it changed the meaning, so it survives re-parsing.
      const plain = proper ? lexemeForms(form, false) : known;
      const same = plain !== null && plain.length === known.length && plain.every((f, i) => f === known[i]);
      const text = same && !country ? form : titled;
      const slot = formsSlot(form, known, "dictionary", text);
      return withRivals(slot, country ? countryRivals(form, known, common) : rivals, proper);
    }
    return formsSlot(form, guessForms(form), "guess");
  }
  return { id: `x:${form}`, kind: "forms", keys: [form], origin: "literal", text: form };
}

// NATO and OPEC mean nothing in lower case, so «Nato» and «Opec+» are them; ОПЕК is also «опек» (опека).
function hasOwnMeaning(form: string, latin: boolean): boolean {
  if (latin) return isEnglishWord(form);
  return /^[а-я]+$/.test(form) ? hasOrdinaryReading(form) : true;
}

const COMMON_GUARD: Guard = Object.freeze({ common: true });

/** Whether `piece` is written as a name: a capital, then small letters (Магнит, Shell; not SHELL). */
export function isTitleCase(piece: string): boolean {
  const first = piece.slice(0, 1);
  const rest = piece.slice(1);
  return first !== first.toLowerCase() && rest === rest.toLowerCase() && rest !== rest.toUpperCase();
}

// «"Магнит"», «"Shell"»: the user asked for the name, so no form counts in lower case (магнит, artillery
// shell). Only where the lower-case word means something of its own; otherwise the slot is unchanged.
function nameOnly(slot: Slot, piece: string): Slot {
  if (slot.kind !== "forms" || !isTitleCase(piece)) return slot;
  const { form, latin } = foldWord(piece);
  // Already kept from its lower-case namesake (Turkey the country; Путин, whose «путина» is guarded).
  if (slot.guards?.get(form)?.common) return slot;
  const common = latin ? isEnglishWord(form) : readingsOf(form).some((r) => !r.proper);
  if (!common) return slot;
  const guards = new Map<string, Guard>();
  for (const key of slot.keys) {
    const guard = slot.guards?.get(key);
    guards.set(key, guard ? Object.freeze({ ...guard, common: true }) : COMMON_GUARD);
  }
  const rivals = [...new Set([...(slot.rivals ?? []), form])];
  const text = piece.slice(0, 1) + form.slice(1);
  return { ...slot, id: `${slot.id}|n`, text, guards, rivals, name: true };
}

// A country's name is always written with a capital, so a lower-case form is some other word (turkey,
// перец чили) or none at all; `named`: the lower-case word is one of its own, to name to the user.
function countryRivals(word: string, forms: readonly string[], named: boolean): Rivals {
  return { guards: new Map(forms.map((f) => [f, COMMON_GUARD])), words: named ? [word] : [] };
}

function withRivals(slot: Slot, rivals: Rivals | null, proper: boolean): Slot {
  if (!rivals) return slot;
  // Equal forms judged differently are different slots: «Лев» (the name) is not «лев» (the animal).
  return { ...slot, id: `${slot.id}|${proper ? "p" : "c"}`, guards: rivals.guards, rivals: rivals.words };
}

function formsSlot(form: string, forms: readonly string[], origin: FormsSource, text = form): Slot {
  const keys = forms.length === 0 ? [form] : forms;
  const id = keys.length === 1 ? `x:${form}` : `f:${[...keys].sort().join(",")}`;
  return { id, kind: "forms", keys, origin: keys.length === 1 ? "literal" : origin, text };
}
