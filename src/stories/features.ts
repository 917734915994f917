/**
 * What an item says, reduced to what decides whether two items report the same event: the lemmas of its
 * title and lead (through the matching normaliser and the OpenCorpora dictionary), its numbers and its names.
 */
import { cleanForTokens, foldWord, readWord } from "../matching/index.js";
import { LIGHT_VERBS } from "./actions.js";
import { type AliasTable, aliasAt, buildAliases } from "./aliases.js";
import {
  CAUSE,
  COMMODITIES,
  ordinalsIn,
  ordinalsOf,
  PART,
  prolongs,
  type Scope,
  scopeOf,
  WHOLE,
} from "./markers.js";
import { numbersOf, numberWord } from "./numbers.js";

/** The comparable parts of one item. */
export interface StoryFeatures {
  /** content-word lemma → 2 when it is in the title, 1 when only in the lead */
  readonly lemmas: ReadonlyMap<string, number>;
  /** every number of title and lead (7,5 and 7.5 are both «7.5») */
  readonly numbers: ReadonlySet<string>;
  /** the numbers of the title: a different rate or sum in the headline is a different story */
  readonly titleNumbers: ReadonlySet<string>;
  /** lemmas of the names in the title: people, places, organisations, abbreviations, brands */
  readonly titleNames: ReadonlySet<string>;
  /** lemmas of the title's content words (speaker attribution left out) */
  readonly titleWords: ReadonlySet<string>;
  /** the title's content-word lemmas in order: a reused template keeps the order, a re-report rarely does */
  readonly titleSequence: readonly string[];
  /** the title's main verb (light verbs such as «заявил», «может», «провел» skipped), or null */
  readonly titlePredicate: string | null;
  /** whether the title says its action did not happen: negated («не стал штрафовать», «не будет платить») */
  readonly titleNegated: boolean;
  /** the head noun of the cause the title gives («из-за технического сбоя» → сбой), or null */
  readonly titleCause: string | null;
  /** whether the title is about the whole («всеми инструментами») or a part («одной акцией»), or null */
  readonly titleScope: Scope | null;
  /** the scopes title and lead mention */
  readonly scopes: ReadonlySet<Scope>;
  /** where the item tells a prolongation without «продлить» («сохранит лимит еще на полгода»), or null */
  readonly prolongation: "title" | "lead" | null;
  /** institution token → lemmas of the people the item names as its head (a re-report may name either) */
  readonly affiliates: ReadonlyMap<string, ReadonlySet<string>>;
}

export type { Scope };

// Function words carry no event: prepositions, conjunctions, particles, interjections, pronouns.
const FUNCTION_POS = new Set(["PREP", "CONJ", "PRCL", "INTJ", "NPRO"]);
// Case endings stripped from words the dictionary does not know (brands, foreign names): Норникеля → норникел.
const ENDINGS = [
  "ами",
  "ями",
  "ого",
  "его",
  "ому",
  "ему",
  "ой",
  "ей",
  "ом",
  "ем",
  "ов",
  "ев",
  "ах",
  "ях",
  "а",
  "я",
  "у",
  "ю",
  "е",
  "ы",
  "и",
  "ь",
];
const WORD = /[\p{L}\p{N}]+/gu;
const SENTENCE_END = /[.!?…:]\s*$/;

function stripEnding(form: string): string {
  for (const end of ENDINGS) {
    if (form.length - end.length >= 4 && form.endsWith(end)) return form.slice(0, -end.length);
  }
  return form;
}

// Twice, so every case of a brand ending like a case meets on one stem: Росатом, Росатома, Росатомом → росат.
function stem(form: string): string {
  return stripEnding(stripEnding(form));
}

interface TitleParts {
  names: Set<string>;
  words: Set<string>;
  sequence: string[];
  predicate: string | null;
  /** a verb that holds an event named by its noun was seen: «провел телефонный разговор» → разговор */
  support: boolean;
  /** «не» before the predicate or a light verb ahead of it («не стал», «не будет», «не смог») */
  negated: boolean;
}

// «Провести» holds the event in its object: a call, a meeting, an IPO, an exercise.
const EVENT_SUPPORT = new Set(["провести", "проводить"]);

// Parts of speech a headline's action is told in: «снизил», «снизить», «снижен».
const VERB_POS = new Set(["VERB", "INFN", "PRTS"]);
/** The first noun of a phrase, or a word the dictionary does not know (ДТП, a brand); null if none. */
function headNoun(tokens: readonly Token[]): string | null {
  for (const t of tokens) if (t.pos === "NOUN" || t.pos === null) return t.lemma;
  return null;
}

/** A content word of a text as read: its lemma, the lemma institution forms are matched on, and whether it names. */
interface Token {
  lemma: string;
  /** lemma of the word read without its capital, as the alias table is read */
  plain: string;
  /** a name: counts in a title, and after an institution's title it is the head («министр финансов Силуанов») */
  name: boolean;
  /** part of speech of the reading, null for a word the dictionary does not know */
  pos: string | null;
  /** right after «не»: a negated verb */
  negated: boolean;
}

function readTokens(text: string): Token[] {
  const tokens: Token[] = [];
  let afterNot = false;
  for (const m of text.matchAll(WORD)) {
    const run = m[0];
    const negated = afterNot;
    afterNot = run === "не" || run === "Не";
    if (/\d/.test(run)) continue; // numbers are compared on their own
    const { form, caps } = foldWord(run);
    if (form.length < 2) continue;
    const first = run.charAt(0);
    const capitalised = first !== first.toLowerCase();
    const reading = readWord(form, capitalised);
    if (reading.pos !== null && FUNCTION_POS.has(reading.pos)) continue;
    const lemma = reading.pos === null ? stem(form) : reading.lemma;
    // Only a capital that picked a name's reading can read otherwise without it (the table is read without).
    const plainReading = capitalised && reading.proper ? readWord(form, false) : reading;
    const plain =
      plainReading === reading ? lemma : plainReading.pos === null ? stem(form) : plainReading.lemma;
    // A capital at the start of a sentence says nothing; a dictionary name or an unknown word still is one.
    const name =
      capitalised &&
      (caps !== null ||
        reading.proper ||
        reading.pos === null ||
        (m.index !== 0 && !SENTENCE_END.test(text.slice(Math.max(0, m.index - 3), m.index))));
    tokens.push({ lemma, plain, name, pos: reading.pos, negated });
  }
  return tokens;
}

let aliases: AliasTable | null = null;

function aliasTable(): AliasTable {
  aliases ??= buildAliases((text) => readTokens(cleanForTokens(text)).map((t) => t.plain));
  return aliases;
}

// People named right after an institution's title («министр финансов России Антон Силуанов»): country, first name, surname.
const AFFILIATE_SPAN = 3;

/** Folds institution forms into one token each and notes the people named as their heads. */
function foldInstitutions(tokens: Token[], affiliates: Map<string, Set<string>>): Token[] {
  const table = aliasTable();
  const plains = tokens.map((t) => t.plain);
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; ) {
    const alias = aliasAt(table, plains, i);
    if (!alias) {
      out.push(tokens[i] as Token);
      i++;
      continue;
    }
    const at = tokens[i] as Token;
    if (!alias.name) {
      // A wording: one word keeps its part of speech and negation, so a verb is still the headline's action.
      const single = alias.length === 1;
      out.push({
        lemma: alias.token,
        plain: alias.token,
        name: false,
        pos: single ? at.pos : "NOUN",
        negated: single && at.negated,
      });
      i += alias.length;
      continue;
    }
    out.push({ lemma: alias.token, plain: alias.token, name: true, pos: "NOUN", negated: false });
    i += alias.length;
    for (let j = i; j < Math.min(tokens.length, i + AFFILIATE_SPAN) && (tokens[j] as Token).name; j++) {
      const people = affiliates.get(alias.token) ?? new Set<string>();
      people.add((tokens[j] as Token).lemma);
      affiliates.set(alias.token, people);
    }
  }
  return out;
}

function addWords(
  text: string,
  weight: number,
  lemmas: Map<string, number>,
  title: TitleParts | null,
  affiliates: Map<string, Set<string>>,
): void {
  for (const token of foldInstitutions(readTokens(text), affiliates)) {
    const lemma = token.lemma;
    if ((lemmas.get(lemma) ?? 0) < weight) lemmas.set(lemma, weight);
    if (!title) continue;
    title.words.add(lemma);
    title.sequence.push(lemma);
    if (token.name || COMMODITIES.has(lemma)) title.names.add(lemma);
    if (title.predicate !== null) continue;
    if (title.support && (token.pos === "NOUN" || token.pos === null)) title.predicate = lemma;
    else if (token.pos !== null && VERB_POS.has(token.pos)) {
      if (token.negated) title.negated = true;
      if (EVENT_SUPPORT.has(lemma)) title.support = true;
      else if (!LIGHT_VERBS.has(lemma)) title.predicate = lemma;
    }
  }
}

/** Reduces an item's title and lead (HTML allowed) to the features stories are compared on. */
export function storyFeatures(headline: string, summary: string): StoryFeatures {
  const head = cleanForTokens(headline ?? "");
  const lead = cleanForTokens(summary ?? "");
  const lemmas = new Map<string, number>();
  const title: TitleParts = {
    names: new Set(),
    words: new Set(),
    sequence: [],
    predicate: null,
    support: false,
    negated: false,
  };
  const affiliates = new Map<string, Set<string>>();
  // «Песков: …», «Bloomberg: …»: the speaker before a headline colon is attribution, which re-reports drop.
  const colon = head.indexOf(": ");
  const attributed = colon > 0 && colon < 40;
  const told = attributed ? head.slice(colon + 2) : head;
  if (attributed) addWords(head.slice(0, colon), 2, lemmas, null, affiliates);
  addWords(told, 2, lemmas, title, affiliates);
  addWords(lead, 1, lemmas, null, affiliates);
  const titleNumbers = new Set<string>();
  numbersOf(head, titleNumbers);
  const numbers = new Set(titleNumbers);
  numbersOf(lead, numbers);
  ordinalsOf(title.words, titleNumbers);
  ordinalsIn(told, titleNumbers);
  for (const n of titleNumbers) numbers.add(n);
  ordinalsOf(lemmas.keys(), numbers);
  ordinalsIn(lead, numbers);
  for (const n of numbers) {
    const word = numberWord(n);
    const weight = titleNumbers.has(n) ? 2 : 1;
    if ((lemmas.get(word) ?? 0) < weight) lemmas.set(word, weight);
  }
  const cause = CAUSE.exec(told)?.[1];
  const titleScope = scopeOf(told);
  const scopes = new Set<Scope>();
  if (WHOLE.test(told) || WHOLE.test(lead)) scopes.add("whole");
  if (PART.test(told) || PART.test(lead)) scopes.add("part");
  return {
    lemmas,
    numbers,
    titleNumbers,
    titleNames: title.names,
    titleWords: title.words,
    titleSequence: title.sequence,
    titlePredicate: title.predicate,
    titleNegated: title.predicate !== null && title.negated,
    titleCause: cause ? headNoun(readTokens(cause)) : null,
    titleScope,
    scopes,
    prolongation: prolongs(told) ? "title" : prolongs(lead) ? "lead" : null,
    affiliates,
  };
}
