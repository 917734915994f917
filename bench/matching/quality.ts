/**
 * Matching quality on the labelled table of test/matching/cases.ts, for the design notes: how the
 * strategies peer bots and search engines use compare with ours on the same plain-word queries.
 */
import { stemmer as englishStem } from "@orama/stemmers/english";
import { stemmer as russianStem } from "@orama/stemmers/russian";
import { matchQuery } from "../../src/matching/query/matcher.js";
import { parseQuery } from "../../src/matching/query/query.js";
import { tokenizeItem } from "../../src/matching/text/normalize.js";
import { nameOnlyQuery } from "../../src/matching/words/name-only.js";
import { CASES, type Case } from "../../test/matching/cases.js";
import { HOMONYM_CASES, HOMONYM_HOLDOUT } from "../../test/matching/homonym-cases.js";
import { HOMONYM_HOLDOUT_2 } from "../../test/matching/homonym-holdout-2.js";
import { HOMONYM_HOLDOUT_3 } from "../../test/matching/homonym-holdout-3.js";
import { HOMONYM_HOLDOUT_4 } from "../../test/matching/homonym-holdout-4.js";
import { HOMONYM_HOLDOUT_5 } from "../../test/matching/homonym-holdout-5.js";
import { HOLDOUT } from "./holdout.js";

type Strategy = (query: string, title: string, summary: string) => boolean;

const fold = (s: string) => s.toLowerCase().replaceAll("ё", "е");
const words = (query: string) => query.split(/\s+/).filter(Boolean);
const stem = (w: string) => (/^[a-z]+$/.test(w) ? englishStem(w) : russianStem(w));
const itemForms = (title: string, summary: string) =>
  tokenizeItem(title, summary)
    .filter((t) => !t.compound)
    .map((t) => t.form);

/** Every strategy compared; all get the same cleaned text except the substring one, which gets raw text. */
export const STRATEGIES: Record<string, Strategy> = {
  "substring (peer bots)": (q, title, summary) => {
    const text = fold(`${title} ${summary}`);
    return words(q).every((w) => text.includes(fold(w)));
  },
  "Snowball stem = stem": (q, title, summary) => {
    const stems = new Set(itemForms(title, summary).map(stem));
    return words(q).every((w) => stems.has(stem(fold(w))));
  },
  "Snowball stem or exact form": (q, title, summary) => {
    const forms = itemForms(title, summary);
    const keys = new Set([...forms, ...forms.map((f) => `~${stem(f)}`)]);
    return words(q).every((w) => keys.has(fold(w)) || keys.has(`~${stem(fold(w))}`));
  },
  "newsalert (dictionary forms + rules)": (q, title, summary) =>
    matchQuery(parseQuery(q), { title, summary }) !== null,
  // What a user gets who takes /subscribe's 🔤 button (names on request) wherever it is offered.
  "newsalert, 🔤 name button taken": (q, title, summary) => {
    const query = parseQuery(q);
    const named = nameOnlyQuery(query);
    return matchQuery(named ? parseQuery(named.text) : query, { title, summary }) !== null;
  },
};

/** A strategy's confusion counts and its wrong answers. */
export interface QualityRow {
  name: string;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  errors: string[];
}

/** The labelled sets: issue 3's table and held-out cases, issue 11's homonym table and five held-out batches. */
export type QualitySet =
  | "tests"
  | "holdout"
  | "homonyms"
  | "homonyms-holdout"
  | "homonyms-holdout-2"
  | "homonyms-holdout-3"
  | "homonyms-holdout-4"
  | "homonyms-holdout-5";

const HOMONYM_SETS = {
  homonyms: HOMONYM_CASES,
  "homonyms-holdout": HOMONYM_HOLDOUT,
  "homonyms-holdout-2": HOMONYM_HOLDOUT_2,
  "homonyms-holdout-3": HOMONYM_HOLDOUT_3,
  "homonyms-holdout-4": HOMONYM_HOLDOUT_4,
  "homonyms-holdout-5": HOMONYM_HOLDOUT_5,
} as const;

/** The cases of a set, as [query, title, summary, expected]. */
export function qualityCases(set: QualitySet): readonly Case[] {
  if (set === "tests") return Object.values(CASES).flat();
  if (set === "holdout") return HOLDOUT;
  return HOMONYM_SETS[set].map(([q, text, hit]) => [q, text, "", hit ? [q] : null] as const);
}

/** Precision/recall per strategy on plain-word cases (no quotes, *, OR, -, !) of a labelled set. */
export function qualityTable(set: QualitySet): QualityRow[] {
  const cases = qualityCases(set);
  const plain = cases.filter(([q]) => !/["«»*!]|(^|\s)-|\bOR\b/.test(q));
  return Object.entries(STRATEGIES).map(([name, run]) => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    let tn = 0;
    const errors: string[] = [];
    for (const [q, title, summary, expected] of plain) {
      const got = run(q, title, summary);
      const want = expected !== null;
      if (got && want) tp++;
      else if (got) fp++;
      else if (want) fn++;
      else tn++;
      if (got !== want) errors.push(`${want ? "missed" : "false"}: ${q} ← ${title} ${summary}`.trim());
    }
    return { name, tp, fp, fn, tn, errors };
  });
}

/** The word pairs issue 3 names, stemmed, to show where a stemmer alone splits or collapses. */
export function stemPairs(): string[] {
  const pairs = [
    ["шанхай", "шанхая"],
    ["иванов", "иванова"],
    ["росатом", "росатома"],
    ["литий", "лить", "литой"],
    ["сталь", "стала"],
    ["медь", "мед"],
    ["газ", "газпром"],
    ["литва", "литий"],
    ["gas", "gases"],
    ["news", "new"],
  ];
  return pairs.map((group) => group.map((w) => `${w}→${stem(w)}`).join(" "));
}
