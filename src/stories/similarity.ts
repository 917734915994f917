/** How alike two items are as reports of one event: IDF-weighted cosine of lemmas, checked on numbers and names. */
import type { StoryFeatures } from "./features.js";
import { sameNumber } from "./numbers.js";

/** The knobs of the similarity, tuned on test/stories/pairs.ts (tuning part only). */
export interface SimilarityParams {
  /** pseudo-count of documents added to the window when computing IDF, so a young window is not all-rare */
  priorDocs: number;
  /** factor applied when each headline carries a number the other item lacks */
  numberConflict: number;
  /** factor applied when each headline names someone or something the other item never mentions */
  nameConflict: number;
  /** factor applied when the headlines are one template with a word swapped (бензин / дизельное топливо) */
  swapConflict: number;
  /** score at or above which two items are one story */
  threshold: number;
}

/** Tuned values (see src/stories/README.md for how they were chosen). */
export const DEFAULT_PARAMS: SimilarityParams = {
  priorDocs: 30,
  numberConflict: 0.2,
  nameConflict: 0.2,
  swapConflict: 0.7,
  threshold: 0.27,
};

/** Inverse document frequency of a lemma in the current window. */
export type Idf = (lemma: string) => number;

/** The IDF of a lemma seen in `df` of `docs` items, smoothed by the prior. */
export function idfOf(df: number, docs: number, priorDocs: number): number {
  return Math.log((docs + priorDocs + 1) / (df + 1));
}

/** Length of an item's IDF-weighted lemma vector. */
export function storyNorm(f: StoryFeatures, idf: Idf): number {
  let sum = 0;
  for (const [lemma, w] of f.lemmas) {
    const v = w * idf(lemma);
    sum += v * v;
  }
  return Math.sqrt(sum);
}

function someMissing(from: ReadonlySet<string>, has: (x: string) => boolean): boolean {
  for (const x of from) if (!has(x)) return true;
  return false;
}

/** Whether the item has the figure, exactly or rounded (10,98 and 11 рублей). */
function mentionsNumber(f: StoryFeatures, n: string): boolean {
  if (f.numbers.has(n)) return true;
  const x = Number(n);
  for (const m of f.numbers) if (sameNumber(x, Number(m))) return true;
  return false;
}

/** Whether each headline has a number the other item does not mention (another rate, sum, count). */
export function numbersConflict(a: StoryFeatures, b: StoryFeatures): boolean {
  const aMisses = b.numbers.size > 0 && someMissing(a.titleNumbers, (n) => mentionsNumber(b, n));
  const bMisses = a.numbers.size > 0 && someMissing(b.titleNumbers, (n) => mentionsNumber(a, n));
  return aMisses && bMisses;
}

// Latin letters as Russian wires transliterate names (OPEC → ОПЕК, Brent → Брент), for comparing names only.
const LATIN_TO_CYRILLIC: Record<string, string> = {
  a: "а",
  b: "б",
  c: "к",
  d: "д",
  e: "е",
  f: "ф",
  g: "г",
  h: "х",
  i: "и",
  j: "дж",
  k: "к",
  l: "л",
  m: "м",
  n: "н",
  o: "о",
  p: "п",
  q: "к",
  r: "р",
  s: "с",
  t: "т",
  u: "у",
  v: "в",
  w: "у",
  x: "кс",
  y: "и",
  z: "з",
};

function transliterate(word: string): string {
  let out = "";
  for (const ch of word) out += LATIN_TO_CYRILLIC[ch] ?? ch;
  return out;
}

/** Whether the item uses the name, its transliteration or a word of its family (Томтор, томторский). */
function mentions(f: StoryFeatures, name: string): boolean {
  if (f.lemmas.has(name)) return true;
  if (/^[a-z]+$/.test(name) && f.lemmas.has(transliterate(name))) return true;
  if (name.length < 5) return false;
  for (const lemma of f.lemmas.keys()) {
    let common = 0;
    const max = Math.min(lemma.length, name.length);
    while (common < max && lemma.charCodeAt(common) === name.charCodeAt(common)) common++;
    if (common >= 5 && common >= max - 3) return true;
  }
  return false;
}

/**
 * Whether `other` mentions a name of `owner`'s headline, directly or, for an institution, through the head
 * either item names with it: «Минсельхоз» is mentioned by «Лут: …» when one of the two says «министр
 * сельского хозяйства Оксана Лут». Only this way round: a person is not mentioned by their body, whose
 * other officials make other statements.
 */
function mentionsName(owner: StoryFeatures, other: StoryFeatures, name: string): boolean {
  if (mentions(other, name)) return true;
  for (const f of [owner, other]) {
    const people = f.affiliates.get(name);
    if (people) for (const person of people) if (other.lemmas.has(person)) return true;
  }
  return false;
}

/** Whether each headline names something the other item never mentions (another body, company, person). */
export function namesConflict(a: StoryFeatures, b: StoryFeatures): boolean {
  return (
    someMissing(a.titleNames, (n) => mentionsName(a, b, n)) &&
    someMissing(b.titleNames, (n) => mentionsName(b, a, n))
  );
}

/**
 * Whether the headlines are one template with a slot filled differently: most title words shared, and each
 * title keeping a word the other item never uses. Wires reword a re-report; a recurring event (a rate, a
 * launch, a ban, an appointment) reuses the template with another subject.
 */
export function templateSwap(a: StoryFeatures, b: StoryFeatures): boolean {
  let shared = 0;
  for (const w of a.titleWords) if (b.titleWords.has(w)) shared++;
  if (shared * 2 < Math.min(a.titleWords.size, b.titleWords.size)) return false;
  return someMissing(a.titleWords, (w) => mentions(b, w)) && someMissing(b.titleWords, (w) => mentions(a, w));
}

/**
 * Similarity in [0, 1] of two items as reports of one event. The vector lengths may be given when the
 * caller keeps them (the detector does, per item).
 */
export function storySimilarity(
  a: StoryFeatures,
  b: StoryFeatures,
  idf: Idf,
  params: SimilarityParams = DEFAULT_PARAMS,
  normA = storyNorm(a, idf),
  normB = storyNorm(b, idf),
): number {
  const [small, large] = a.lemmas.size <= b.lemmas.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [lemma, w] of small.lemmas) {
    const other = large.lemmas.get(lemma);
    if (other === undefined) continue;
    const i = idf(lemma);
    dot += w * other * i * i;
  }
  if (dot === 0) return 0;
  let score = dot / (normA * normB);
  // The checks only lower a score: one already below the threshold needs none of them.
  if (score < params.threshold) return score;
  if (numbersConflict(a, b)) score *= params.numberConflict;
  if (namesConflict(a, b)) score *= params.nameConflict;
  if (templateSwap(a, b)) score *= params.swapConflict;
  return score;
}
