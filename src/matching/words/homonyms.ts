/**
 * One word is not another that shares a form (issue 11): «германия» is a form of германий and the name of
 * a country, «стали» is steel and the verb «стать». When a query word is compiled, each of its forms that
 * another dictionary lexeme shares gets a guard; when an item is matched, a guarded form's occurrence is
 * judged by its spelling (a capital inside a sentence) and its neighbours (стали + infinitive). The other
 * reading wins only where it is clearly the likelier one, so «выплавка стали» and «цены на германий»
 * still match. Guards are looked at only when a guarded form occurs, so they cost nothing elsewhere.
 */
import {
  AGREE_MASC,
  AGREE_PLUR,
  CASE_ACCUSATIVE,
  queryLexemes,
  type Reading,
  readingsOf,
} from "./morphology.js";

/** Token shape bit: the first letter is a capital and the next is not (Германия, not ГЕРМАНИЯ). */
export const SHAPE_TITLE = 1;
/** Token shape bit: starts a text or a sentence, or follows an opening quote, bracket, colon or dash. */
export const SHAPE_INITIAL = 2;
/** Token shape bit: two or more leading capitals (ОПЕК, МИДа). */
export const SHAPE_CAPS = 4;

/** How an occurrence of a guarded form is judged. */
export interface Guard {
  /** the query is a common word; the form is also a name or place (Германия, Лев, Бор) */
  readonly proper?: {
    /** at a sentence start too, when only the name reading is nominative (Германия, not Бор) */
    readonly initial: boolean;
    /** the rival is a person's name: a capitalised next word (Лев Толстой) decides */
    readonly person: boolean;
    /** AGREE_* bits of the name's nominative readings and of the query word's own, at this form */
    readonly nameAgree: number;
    readonly ownAgree: number;
  };
  /** the query is a name or place; the form is also a common word, so lower case means that word */
  readonly common?: boolean;
  /**
   * with common, where the form is the name only in the nominative (Волков, not Волкова): AGREE_* bits of
   * those readings. At a sentence start a finite verb right after that does not agree means the common
   * word («Волков стало больше», «Соколов начнут разводить»), not the name as the subject.
   */
  readonly subject?: number;
  /** with common: the form is also an adjective, as cases | AGREE_* codes of its readings (мирный, белых) */
  readonly attributive?: readonly number[];
  /** the form is also a finite verb (стали, мыла): verb company decides */
  readonly verb?: boolean;
  /** AGREE_* bits of the form's past-tense verb readings (стали: plural, мыла: feminine), 0 if none */
  readonly verbAgree?: number;
  /** the form is also a short adjective (рада ~ рад): an infinitive after or a degree word before decides */
  readonly predicative?: boolean;
  /** the form is also an infinitive (печь, течь): a verb before it decides */
  readonly infinitive?: boolean;
  /** an abbreviation also spelled in title case (OPEC ↔ Opec): only a capitalised word counts */
  readonly title?: boolean;
}

/** An occurrence of a form: its shape and its neighbours in the same sentence (lower-case forms). */
export interface Occurrence {
  readonly shape: number;
  readonly prev: string | null;
  readonly next: string | null;
  readonly nextShape: number;
  readonly next2: string | null;
}

/** What a slot needs from its query word: per-form guards and the rival words to name to the user. */
export interface Rivals {
  readonly guards: ReadonlyMap<string, Guard>;
  /** lemmas of the other words, capitalised when they are names («Германия», «стать») */
  readonly words: readonly string[];
}

const VERBAL = new Set(["VERB", "INFN", "PRTF", "PRTS", "GRND"]);
const NOUNISH = new Set(["NOUN", "ADJF", "ADJS", "COMP", "NUMR", "NPRO"]);

function nominativeAgreement(readings: readonly Reading[]): number {
  let bits = 0;
  for (const r of readings) if (r.nominative) bits |= r.agree;
  return bits;
}

function capitalise(word: string): string {
  return word.slice(0, 1).toUpperCase() + word.slice(1);
}

/** Guards for the forms of a dictionary query word that other lexemes share; null when there are none. */
export function rivalsOf(word: string, proper: boolean, forms: readonly string[]): Rivals | null {
  const own = queryLexemes(word, proper);
  if (own.size === 0) return null;
  const ownReadings = readingsOf(word).filter((r) => own.has(r.lexeme));
  const queryProper = ownReadings.some((r) => r.proper);
  const queryNominal = ownReadings.some((r) => NOUNISH.has(r.pos));
  const guards = new Map<string, Guard>();
  const words = new Set<string>();
  for (const form of forms) {
    const readings = readingsOf(form);
    const mine = readings.filter((r) => own.has(r.lexeme));
    const others = readings.filter((r) => !own.has(r.lexeme));
    if (mine.length === 0 || others.length === 0) continue;
    const guard: { -readonly [K in keyof Guard]: Guard[K] } = {};
    const names = others.filter((r) => r.proper);
    if (!queryProper && names.length > 0) {
      guard.proper = {
        initial: names.some((r) => r.nominative) && !mine.some((r) => r.nominative),
        person: names.some((r) => r.person),
        nameAgree: nominativeAgreement(names),
        ownAgree: nominativeAgreement(mine),
      };
      for (const r of names) words.add(capitalise(r.lemma));
    }
    if (queryProper && others.some((r) => !r.proper && NOUNISH.has(r.pos))) {
      guard.common = true;
      if (mine.every((r) => r.nominative)) guard.subject = nominativeAgreement(mine);
      for (const r of others) if (!r.proper && NOUNISH.has(r.pos)) words.add(r.lemma);
      const adjectives = others.filter((r) => !r.proper && r.pos === "ADJF" && r.cases !== 0);
      if (adjectives.length > 0) guard.attributive = adjectives.map((r) => r.cases | r.agree);
    }
    if (queryNominal && !mine.some((r) => VERBAL.has(r.pos))) {
      const verbs = others.filter((r) => VERBAL.has(r.pos));
      if (verbs.some((r) => r.pos === "VERB")) {
        guard.verb = true;
        guard.verbAgree = verbs.reduce((bits, r) => (r.pos === "VERB" ? bits | r.agree : bits), 0);
      }
      if (verbs.some((r) => r.pos === "INFN")) guard.infinitive = true;
      for (const r of verbs) words.add(r.lemma);
    }
    if (queryNominal && !mine.some((r) => r.pos === "ADJS")) {
      // Masculine short forms are left out: «литиев», «уранов» are genitive plurals far more than adjectives.
      const short = others.filter((r) => r.pos === "ADJS" && !r.proper && (r.agree & AGREE_MASC) === 0);
      if (short.length > 0) guard.predicative = true;
      for (const r of short) words.add(r.lemma);
    }
    if (Object.keys(guard).length > 0) guards.set(form, Object.freeze(guard));
  }
  words.delete(word);
  return guards.size === 0 ? null : { guards, words: [...words] };
}

function has(word: string | null, pos: ReadonlySet<string> | string): boolean {
  if (word === null) return false;
  return readingsOf(word).some((r) => (typeof pos === "string" ? r.pos === pos : pos.has(r.pos)));
}

const PREDICATE = new Set(["ADJS", "PRTS", "COMP"]);
const NOUN_BEFORE = new Set(["PREP", "ADJF", "PRTF"]);
// Words before a past-tense form that make it the verb: «они стали», «не стали», «уже стали».
const VERB_BEFORE = new Set(["не", "уже", "тоже", "также", "они", "мы", "вы", "она", "оно", "он", "вновь"]);
// Words before an infinitive that make it the verb: «будут печь», «можно печь».
const MODAL = new Set(["можно", "нужно", "надо", "нельзя", "стоит", "начали", "начнут", "будут", "будет"]);

// A link verb agrees with its predicate: «стали известны» (both plural), not «завод мыла закрыт».
function predicateAgrees(word: string | null, agree: number): boolean {
  if (word === null) return false;
  return readingsOf(word).some(
    (r) => PREDICATE.has(r.pos) && (r.pos === "COMP" || agree === 0 || (r.agree & agree) !== 0),
  );
}

// «Уборщица мыла полы»: a living subject in the nominative that agrees with a singular past form is
// doing it. Plural forms are left out: «производители стали» is a trade, not people who became.
function subjectBefore(at: Occurrence, agree: number): boolean {
  if (at.prev === null || agree === 0 || (agree & AGREE_PLUR) !== 0 || has(at.next, "VERB")) return false;
  return readingsOf(at.prev).some(
    (r) => r.pos === "NOUN" && r.animate && r.nominative && (r.agree & agree) !== 0,
  );
}

const OBJECT = new Set(["NOUN", "ADJF", "PRTF", "NPRO"]);

// «ели шаурму», «жгут сухую траву»: a word right after that can only be accusative is the verb's object;
// after a noun's form it would be a different case («выплавка стали в марте», «запасы ели в лесхозе»).
function objectAfter(at: Occurrence): boolean {
  if (at.next === null) return false;
  const readings = readingsOf(at.next);
  return readings.length > 0 && readings.every((r) => OBJECT.has(r.pos) && r.cases === CASE_ACCUSATIVE);
}

// «стали расти», «стали известны», «стали заметно дороже», «они стали», «ели шаурму»: the verb.
function verbCompany(at: Occurrence, agree: number): boolean {
  if (has(at.next, "INFN") || objectAfter(at)) return true;
  const nounBefore = has(at.prev, NOUN_BEFORE);
  if (!nounBefore && predicateAgrees(at.next, agree) && !has(at.next, "NOUN")) return true;
  if (subjectBefore(at, agree)) return true;
  // «стали заметно дороже», «стали чаще увольнять» (чаще is also a case of чаща, so look one further).
  const adverbial = has(at.next, "ADVB") || has(at.next, PREDICATE);
  if (adverbial && (has(at.next2, "INFN") || has(at.next2, PREDICATE))) return true;
  return at.prev !== null && VERB_BEFORE.has(at.prev);
}

// Verbs that take an infinitive: «начали печь», «продолжит течь», «обязали печь хлеб»; «устранили течь» is
// the noun.
const TAKES_INFINITIVE = new Set([
  "обязать",
  "обязывать",
  "заставить",
  "заставлять",
  "разрешить",
  "разрешать",
  "позволить",
  "позволять",
  "пытаться",
  "попытаться",
  "собираться",
  "намереваться",
  "отказаться",
  "начать",
  "начинать",
  "продолжить",
  "продолжать",
  "перестать",
  "прекратить",
  "хотеть",
  "мочь",
  "уметь",
  "быть",
  "стать",
  "решить",
  "планировать",
]);

// Words before a short adjective that make it one: «очень рада», «она права», «не рада».
const DEGREE = new Set(["очень", "так", "столь", "вполне", "совсем", "весьма", "крайне", "не", "я", "ты"]);
const PRONOUN = new Set(["он", "она", "оно", "мы", "вы", "они"]);

// «рада вернуться», «очень рада»: the short adjective рад, not the Rada.
function predicativeCompany(at: Occurrence): boolean {
  if (has(at.next, "INFN")) return true;
  return at.prev !== null && (DEGREE.has(at.prev) || PRONOUN.has(at.prev));
}

function infinitiveCompany(at: Occurrence): boolean {
  if (at.prev === null) return false;
  if (MODAL.has(at.prev)) return true;
  const readings: readonly Reading[] = readingsOf(at.prev);
  return readings.some((r) => r.pos === "VERB" && TAKES_INFINITIVE.has(r.lemma));
}

// The finite verb right after a sentence's first word agrees with it if it is the subject: «САХАРА
// ЗАЦВЕЛА» is the desert (сахара, the sugars, would be «зацвели»), «Газа стало меньше» is the gas.
// 1: only the name agrees; -1: the name does not; 0: no finite verb follows, or both agree.
function subjectVerdict(at: Occurrence, nameAgree: number, ownAgree: number): number {
  if (at.next === null) return 0;
  let verb = 0;
  for (const r of readingsOf(at.next)) if (r.pos === "VERB") verb |= r.agree;
  if (verb === 0) return 0;
  const name = (verb & nameAgree) !== 0;
  if (!name) return -1;
  return (verb & ownAgree) === 0 ? 1 : 0;
}

// Whether a finite verb right after could have the word (AGREE_* bits `agree`) as its subject; true when no
// finite verb follows.
function agreesWithNext(at: Occurrence, agree: number): boolean {
  if (at.next === null) return true;
  let verb = 0;
  for (const r of readingsOf(at.next)) if (r.pos === "VERB") verb |= r.agree;
  return verb === 0 || (verb & agree) !== 0;
}

// «Мирный атом», «Белых медведей» at a sentence start: a noun right after that agrees with the adjective
// reading in case, gender and number makes the capital the sentence's, not the name's.
function attributiveCompany(codes: readonly number[], at: Occurrence): boolean {
  if (at.next === null) return false;
  for (const r of readingsOf(at.next)) {
    if (r.pos !== "NOUN" || r.proper) continue;
    for (const code of codes) if ((code & r.cases) !== 0 && (code & r.agree) !== 0) return true;
  }
  return false;
}

/** Whether an occurrence of a guarded form counts as the query's word. */
export function guardAccepts(guard: Guard, at: Occurrence): boolean {
  const title = (at.shape & SHAPE_TITLE) !== 0;
  if (guard.title) return title;
  const initial = (at.shape & SHAPE_INITIAL) !== 0;
  // An all-capitals headline says nothing by its capitals, but its first word is a sentence start like
  // any other: «ГАЗА: ЧИСЛО ПОГИБШИХ…» is Gaza, as «Газа осталась…» would be.
  const capsInitial = initial && (at.shape & SHAPE_CAPS) !== 0;
  if (guard.proper && (title || capsInitial)) {
    if (!initial) return false;
    const subject = subjectVerdict(at, guard.proper.nameAgree, guard.proper.ownAgree);
    if (subject === 1) return false;
    if (subject === 0 && guard.proper.initial) return false;
    if (title && guard.proper.person && (at.nextShape & SHAPE_TITLE) !== 0) return false;
  }
  if (guard.common && (at.shape & (SHAPE_TITLE | SHAPE_CAPS)) === 0) return false;
  if (guard.subject && initial && !agreesWithNext(at, guard.subject)) return false;
  const unmarked = initial || (at.shape & SHAPE_CAPS) !== 0;
  if (guard.attributive && unmarked && attributiveCompany(guard.attributive, at)) return false;
  if (guard.verb && verbCompany(at, guard.verbAgree ?? 0)) return false;
  if (guard.predicative && predicativeCompany(at)) return false;
  if (guard.infinitive && infinitiveCompany(at)) return false;
  return true;
}
