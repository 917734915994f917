/** Precision and recall of the story similarity on labelled pairs; shared by the test and the bench. */
import { type StoryFeatures, storyFeatures } from "../../src/stories/features.js";
import {
  DEFAULT_PARAMS,
  idfOf,
  type SimilarityParams,
  storySimilarity,
} from "../../src/stories/similarity.js";
import type { Headline, LabelledPair } from "./pairs.js";

/** Counts and rates of one evaluation. */
export interface Quality {
  precision: number;
  recall: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  /** the pairs judged wrongly, for reading */
  errors: Array<{ pair: LabelledPair; score: number }>;
}

/**
 * Scores every pair with document frequencies taken from all the items of `corpus` (as the detector
 * takes them from its window) and counts the judgements against the labels.
 */
export function evaluatePairs(
  pairs: readonly LabelledPair[],
  corpus: readonly LabelledPair[],
  params: SimilarityParams = DEFAULT_PARAMS,
): Quality {
  const features = new Map<string, StoryFeatures>();
  const of = (h: Headline) => {
    const key = `${h.title}\n${h.lead}`;
    let f = features.get(key);
    if (!f) {
      f = storyFeatures(h.title, h.lead);
      features.set(key, f);
    }
    return f;
  };
  for (const p of corpus) {
    of(p.a);
    of(p.b);
  }
  const df = new Map<string, number>();
  for (const f of features.values())
    for (const lemma of f.lemmas.keys()) df.set(lemma, (df.get(lemma) ?? 0) + 1);
  const docs = features.size;
  const idf = (lemma: string) => idfOf(df.get(lemma) ?? 0, docs, params.priorDocs);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const errors: Quality["errors"] = [];
  for (const pair of pairs) {
    const score = storySimilarity(of(pair.a), of(pair.b), idf, params);
    const same = score >= params.threshold;
    if (same && pair.same) tp++;
    else if (same) fp++;
    else if (pair.same) fn++;
    if (same !== pair.same) errors.push({ pair, score });
  }
  return {
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    recall: tp + fn === 0 ? 1 : tp / (tp + fn),
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    errors,
  };
}
