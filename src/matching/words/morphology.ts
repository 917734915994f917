/**
 * Russian word forms from the OpenCorpora dictionary shipped in the `az` package (pymorphy2 format).
 * Used only when a query is compiled, never per news item: a query word is expanded into the exact
 * forms of its lexeme, so «литий» matches «литием» but not «литой» or «лить», which a stemmer
 * would all cut to «лит».
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

interface AzTag {
  readonly POST?: string;
  readonly Abbr?: boolean;
  readonly Name?: boolean;
  readonly Surn?: boolean;
  readonly Patr?: boolean;
  readonly Geox?: boolean;
  readonly Orgn?: boolean;
  readonly Trad?: boolean;
  toString(): string;
}
interface AzParse {
  readonly tag: AzTag;
  readonly formCnt?: number;
  readonly paradigmIdx?: number;
  normalize(): AzParse;
  inflect(formIdx: number): AzParse | false;
  toString(): string;
}
interface AzModule {
  load: (url: string, type: string, cb: (err: Error | null, data?: unknown) => void) => void;
  Morph: ((word: string, config: object) => AzParse[]) & {
    init: (dir: string, cb: (err: Error | null) => void) => void;
  };
}

const require = createRequire(import.meta.url);
let morph: AzModule["Morph"] | null = null;
let loadError: Error | null = null;

/** Why the dictionary could not be loaded (queries then fall back to ending rules), or null. */
export function morphologyError(): Error | null {
  return loadError;
}

/** Loads the dictionary synchronously (≈ 0.2 s, ≈ 35 MB) the first time a query needs it. */
export function loadMorphology(): void {
  if (morph) return;
  const az = require("az") as AzModule;
  // az loads with async fs callbacks; queue them and run them after init() has counted them all,
  // which makes loading synchronous so parseQuery can stay synchronous.
  const queue: Array<() => void> = [];
  az.load = (url, type, cb) => {
    queue.push(() => {
      const data = readFileSync(url, type === "json" ? "utf8" : null);
      if (typeof data === "string") cb(null, JSON.parse(data));
      else cb(null, data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength));
    });
  };
  let failure: Error | null = null;
  const dir = path.join(path.dirname(require.resolve("az")), "..", "dicts");
  az.Morph.init(dir, (err) => {
    failure = err;
  });
  while (queue.length > 0) (queue.shift() as () => void)();
  if (failure) throw failure;
  morph = az.Morph;
}

const CONFIG = { ignoreCase: true, stutter: 0, typos: 0, parsers: ["Dictionary"], replacements: { е: "ё" } };
const NOMINAL = new Set(["NOUN", "ADJF", "ADJS", "COMP", "NUMR", "NPRO"]);
const cache = new Map<string, readonly string[] | null>();

function isProper(tag: AzTag): boolean {
  return Boolean(tag.Name || tag.Surn || tag.Patr || tag.Geox || tag.Orgn || tag.Trad);
}

function fold(word: string): string {
  return word.toLowerCase().replaceAll("ё", "е");
}

const plainWords = new Map<string, boolean>();

/**
 * Whether a lower-case word is an ordinary dictionary word: the dictionary knows it and none of its
 * readings is an abbreviation. ЛИТИЙ, НЕФТЬ, ЦЕНЫ typed in capitals are such words; ОПЕК is not (besides
 * «опек», the genitive of «опека», it is the abbreviation), nor are РАН, ФРС, НАТО or unknown РЗМ.
 */
export function isPlainDictionaryWord(word: string): boolean {
  const hit = plainWords.get(word);
  if (hit !== undefined) return hit;
  if (!ensureLoaded()) return false;
  const parses = parse(word);
  const plain = parses.length > 0 && parses.every((p) => !p.tag.Abbr);
  if (plainWords.size > 50_000) plainWords.clear();
  plainWords.set(word, plain);
  return plain;
}

function ensureLoaded(): boolean {
  if (morph) return true;
  if (loadError) return false;
  try {
    loadMorphology();
    return true;
  } catch (error) {
    // A broken install must not take /subscribe down: unknown-word rules still give usable forms.
    loadError = error instanceof Error ? error : new Error(String(error));
    return false;
  }
}

function parse(word: string): AzParse[] {
  return (morph as AzModule["Morph"])(word, CONFIG).filter((p) => (p.formCnt ?? 0) > 0);
}

function lexemeKey(p: AzParse): string {
  return `${p.paradigmIdx}:${fold(p.normalize().toString())}`;
}

/**
 * The lexemes a query word stands for. A word typed with a capital (`proper`) prefers names, places and
 * organisations (Путина → Путин, not the fishing season). Then, when the word is itself a lemma only
 * those lexemes are used (Иванов the surname, not the genitive plural of Иван); among several, common
 * words over names (лев the animal; Лев is the rival) and nouns/adjectives over verbs (печь the
 * furnace): people subscribe to things, not actions — the same rule that makes стали mean сталь.
 */
function chooseLexemes(word: string, proper: boolean): AzParse[] {
  let parses = parse(word);
  // Lower-case «ран» means wounds; the Academy is reached by typing РАН (see abbreviations).
  const full = parses.filter((p) => !p.tag.Abbr);
  if (full.length > 0) parses = full;
  const names = proper ? parses.filter((p) => isProper(p.tag)) : [];
  if (names.length > 0) parses = names;
  const lemmas = parses.filter((p) => fold(p.normalize().toString()) === word);
  if (lemmas.length > 0) parses = lemmas;
  if (!proper && parses.length > 1) {
    const common = parses.filter((p) => !isProper(p.tag));
    if (common.length > 0) parses = common;
  }
  const nominal = parses.filter((p) => NOMINAL.has(p.tag.POST ?? ""));
  if (nominal.length > 0) parses = nominal;
  return parses;
}

/** Whether the dictionary knows a lower-case word in some reading that is not an abbreviation (опек). */
export function hasOrdinaryReading(word: string): boolean {
  return ensureLoaded() && parse(word).some((p) => !p.tag.Abbr);
}

/** A reading of a word form in the dictionary, reduced to what homonym decisions need. */
export interface Reading {
  /** paradigm and lemma: equal keys are the same lexeme */
  readonly lexeme: string;
  readonly lemma: string;
  /** part of speech (NOUN, VERB, INFN, ADVB…) */
  readonly pos: string;
  /** a name, surname, place or organisation */
  readonly proper: boolean;
  /** a person's name or surname (Лев Толстой: the next capitalised word is a surname) */
  readonly person: boolean;
  readonly nominative: boolean;
  /** its case as one bit (16 << index in nomn, gent, datv, accs, ablt, loct; 0 when it has none), for
   * adjective–noun agreement */
  readonly cases: number;
  /** AGREE_* bits of its gender and number (0 when it has neither), for subject–verb agreement */
  readonly agree: number;
  /** a living being (уборщица, производитель): the subject a transitive past form needs */
  readonly animate: boolean;
}

/** Reading.agree bits: a singular's gender, or plural. «Ms-f» nouns (коллега) carry both genders. */
export const AGREE_MASC = 1;
/** Reading.agree: feminine singular. */
export const AGREE_FEMN = 2;
/** Reading.agree: neuter singular. */
export const AGREE_NEUT = 4;
/** Reading.agree: plural. */
export const AGREE_PLUR = 8;

// Reading.cases: one bit per case above the AGREE_* bits (nomn 16 … loct 512); gen2/acc2/loc2 are their main case.
const CASES = ["nomn", "gent", "datv", "accs", "ablt", "loct"];
const NOMINATIVE = 16;
/** Reading.cases of the accusative. */
export const CASE_ACCUSATIVE = 16 << 3;
function caseOf(tag: string): number {
  const found = /\b(nomn|gen|datv|acc|ablt|loc)[t12s]?\b/.exec(tag);
  const i = found ? CASES.findIndex((c) => c.startsWith(found[1] as string)) : -1;
  return i < 0 ? 0 : 16 << i;
}

function agreement(tag: string): number {
  if (/\bplur\b/.test(tag)) return AGREE_PLUR;
  let bits = 0;
  if (/\bmasc\b/.test(tag)) bits |= AGREE_MASC;
  if (/\bfemn\b/.test(tag)) bits |= AGREE_FEMN;
  if (/\bneut\b/.test(tag)) bits |= AGREE_NEUT;
  if (/\bMs-f\b/.test(tag)) bits |= AGREE_MASC | AGREE_FEMN;
  // A present-tense third person singular agrees with a subject of any gender (дорожает).
  if (bits === 0 && /\bsing\b/.test(tag) && /\b3per\b/.test(tag)) bits = AGREE_MASC | AGREE_FEMN | AGREE_NEUT;
  return bits;
}

const readingCache = new Map<string, readonly Reading[]>();

/** Every dictionary reading of a lower-case word form (empty when unknown or without a dictionary). */
export function readingsOf(word: string): readonly Reading[] {
  const hit = readingCache.get(word);
  if (hit) return hit;
  const out: Reading[] = [];
  if (ensureLoaded()) {
    for (const p of parse(word)) {
      const tag = p.tag;
      const text = tag.toString();
      const cases = caseOf(text);
      out.push({
        lexeme: lexemeKey(p),
        lemma: fold(p.normalize().toString()),
        pos: tag.POST ?? "",
        proper: isProper(tag),
        person: Boolean(tag.Name || tag.Surn || tag.Patr),
        nominative: cases === NOMINATIVE,
        cases,
        agree: agreement(text),
        animate: /\banim\b/.test(text),
      });
    }
  }
  if (readingCache.size > 50_000) readingCache.clear();
  readingCache.set(word, out);
  return out;
}

/** The lexemes (keys as in Reading.lexeme) a query word stands for; empty when the dictionary lacks it. */
export function queryLexemes(word: string, proper = false): ReadonlySet<string> {
  if (!ensureLoaded()) return new Set();
  return new Set(chooseLexemes(word, proper).map(lexemeKey));
}

/** All forms (ё folded) of the lexemes a lower-case query word stands for, or null when unknown. */
export function lexemeForms(word: string, proper = false): readonly string[] | null {
  const key = proper ? `^${word}` : word;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  if (!ensureLoaded()) return null;
  const parses = chooseLexemes(word, proper);
  let result: readonly string[] | null = null;
  if (parses.length > 0) {
    const forms = new Set<string>([word]);
    const seen = new Set<string>();
    for (const p of parses) {
      // The same lexeme comes back once per case it can be (nomn, accs…): expand it once.
      const lexeme = lexemeKey(p);
      if (seen.has(lexeme)) continue;
      seen.add(lexeme);
      for (let i = 0; i < (p.formCnt ?? 0); i++) {
        const f = p.inflect(i);
        if (f) forms.add(fold(f.toString()));
      }
    }
    result = Object.freeze([...forms]);
  }
  if (cache.size > 50_000) cache.clear();
  cache.set(key, result);
  return result;
}

/** What the dictionary says about one word of an item: its lemma, part of speech and whether it names something. */
export interface WordReading {
  /** normal form (ё folded), or the word itself when the dictionary does not know it */
  readonly lemma: string;
  /** OpenCorpora part of speech (NOUN, VERB, PREP…), null for an unknown word */
  readonly pos: string | null;
  /** a name, surname, place or organisation in its most likely reading */
  readonly proper: boolean;
}

const readings = new Map<string, WordReading>();

/**
 * The most likely reading of a lower-case word (ё folded); `capitalised` prefers a name reading. Used by story grouping, where «повысил» and
 * «повышает» must meet as «повысить»; unlike query compilation it picks one reading, as a tagger would.
 */
export function readWord(word: string, capitalised = false): WordReading {
  const key = capitalised ? `^${word}` : word;
  const hit = readings.get(key);
  if (hit !== undefined) return hit;
  let reading: WordReading = { lemma: word, pos: null, proper: false };
  if (!loadError) {
    try {
      loadMorphology();
      const parses = (morph as AzModule["Morph"])(word, CONFIG).filter((p) => (p.formCnt ?? 0) > 0);
      // A capitalised word mid-sentence is a name first: Песков the spokesman, not sand.
      const best = (capitalised ? parses.find((p) => isProper(p.tag)) : undefined) ?? parses[0];
      if (best)
        reading = {
          lemma: fold(best.normalize().toString()),
          pos: best.tag.POST ?? null,
          proper: isProper(best.tag),
        };
    } catch (error) {
      loadError = error instanceof Error ? error : new Error(String(error));
    }
  }
  if (readings.size > 200_000) readings.clear();
  readings.set(key, reading);
  return reading;
}
