/** How alike two items are as reports of one event: IDF-weighted cosine of lemmas, checked on numbers and names. */
import {
  actionsConflict,
  causesConflict,
  followUpConflict,
  polarityConflict,
  scopesConflict,
} from "./actions.js";
import type { StoryFeatures } from "./features.js";
import { mentions } from "./mentions.js";
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
  /** further factor when that template is kept word for word and in order, a noun swapped (энергетики / вейпы) */
  slotSwap: number;
  /** factor applied when the headlines' main verbs are two actions neither item reports of the other */
  actionConflict: number;
  /** factor applied when one headline says its action did not happen and the other's did («отказался», «перенес») */
  polarityConflict: number;
  /** factor applied when one headline is a follow-up (продлил, обжаловал, повторно) the other item never tells */
  followUpConflict: number;
  /** factor applied when the headlines give two causes («из-за сбоя» / «из-за роста цены») */
  causeConflict: number;
  /** factor applied when one headline is about all of something and the other about one or some */
  scopeConflict: number;
  /** score at or above which two items are one story */
  threshold: number;
}

/** Tuned values (see src/stories/README.md for how they were chosen). */
export const DEFAULT_PARAMS: SimilarityParams = {
  priorDocs: 30,
  numberConflict: 0.2,
  nameConflict: 0.2,
  swapConflict: 0.7,
  slotSwap: 0.5,
  actionConflict: 0.5,
  polarityConflict: 0.3,
  followUpConflict: 0.3,
  causeConflict: 0.5,
  scopeConflict: 0.5,
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
export function mentionsNumber(f: StoryFeatures, n: string): boolean {
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

/** The words of a title that the other item never uses. */
function kept(owner: StoryFeatures, other: StoryFeatures): string[] {
  return [...owner.titleWords].filter((w) => !mentions(other, w));
}

// A template kept word for word: this share of the longer title's words, in the same order, in both.
const SLOT_ORDER_SHARE = 0.8;

/** Length of the longest common subsequence of two short word sequences. */
function commonOrder(a: readonly string[], b: readonly string[]): number {
  let prev = new Array<number>(b.length + 1).fill(0);
  for (const x of a) {
    const row = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++)
      row[j] =
        x === b[j - 1] ? (prev[j - 1] as number) + 1 : Math.max(prev[j] as number, row[j - 1] as number);
    prev = row;
  }
  return prev[b.length] as number;
}

/**
 * Whether the headlines are one template with a slot filled differently: most title words shared, and each
 * title keeping a word the other item never uses. Wires reword a re-report; a recurring event (a rate, a
 * launch, a ban, an appointment) reuses the template with another subject. "slot" when the template is kept
 * in order almost word for word and what each keeps is not just its verb: another object in one frame
 * («о запрете продажи энергетиков / вейпов детям»), which a re-report by another wire never is.
 */
export function templateSwap(a: StoryFeatures, b: StoryFeatures): "slot" | "swap" | null {
  let shared = 0;
  for (const w of a.titleWords) if (b.titleWords.has(w)) shared++;
  if (shared * 2 < Math.min(a.titleWords.size, b.titleWords.size)) return null;
  const keptA = kept(a, b);
  const keptB = kept(b, a);
  if (keptA.length === 0 || keptB.length === 0) return null;
  // The verbs are left out of the order: a template reused for another event may change its verb too.
  const seqA = a.titleSequence.filter((w) => w !== a.titlePredicate);
  const seqB = b.titleSequence.filter((w) => w !== b.titlePredicate);
  const inOrder = commonOrder(seqA, seqB) >= Math.max(seqA.length, seqB.length) * SLOT_ORDER_SHARE;
  const slot = keptA.some((w) => w !== a.titlePredicate) && keptB.some((w) => w !== b.titlePredicate);
  return inOrder && slot ? "slot" : "swap";
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
  const swap = templateSwap(a, b);
  if (swap) score *= swap === "slot" ? params.swapConflict * params.slotSwap : params.swapConflict;
  if (actionsConflict(a, b, mentionsNumber)) score *= params.actionConflict;
  if (polarityConflict(a, b)) score *= params.polarityConflict;
  if (followUpConflict(a, b)) score *= params.followUpConflict;
  if (causesConflict(a, b)) score *= params.causeConflict;
  if (scopesConflict(a, b)) score *= params.scopeConflict;
  return score;
}
