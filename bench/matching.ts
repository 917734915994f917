/**
 * Matching benchmark (issue 3): 100,000 subscriptions, 10,000 items, one core.
 * Run: npx tsx bench/matching.ts   (BENCH_SUBS / BENCH_ITEMS override the sizes)
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { matchTokens } from "../src/matching/matcher.js";
import { loadMorphology } from "../src/matching/morphology.js";
import { tokenizeItem } from "../src/matching/normalize.js";
import { parseQuery, type Query } from "../src/matching/query.js";
import { SubscriptionIndex } from "../src/matching/subscription-index.js";
import { makeItems, makeQueries } from "./matching/corpus.js";

const SUBS = Number(process.env.BENCH_SUBS ?? 100_000);
const ITEMS = Number(process.env.BENCH_ITEMS ?? 10_000);
const NAIVE_ITEMS = Number(process.env.BENCH_NAIVE_ITEMS ?? 100);

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;
function heapMB(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 1e6;
}
const fmt = (n: number, digits = 0) =>
  n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });

const heap0 = heapMB();
let t = performance.now();
loadMorphology();
const dictMs = performance.now() - t;
const heapDict = heapMB();
console.log(`dictionary load: ${fmt(dictMs)} ms, heap +${fmt(heapDict - heap0, 1)} MB`);

const queriesText = makeQueries(SUBS + 1000, 42);
const items = makeItems(ITEMS, 7);

t = performance.now();
const queries: Query[] = queriesText.map((text) => parseQuery(text));
const parseMs = performance.now() - t;
const heapParsed = heapMB();

const index = new SubscriptionIndex();
t = performance.now();
for (let id = 0; id < SUBS; id++) index.add(id, queries[id] as Query);
const addMs = performance.now() - t;
const heapIndex = heapMB();
console.log(
  `build ${fmt(SUBS)} subscriptions: parse ${fmt(parseMs)} ms + index ${fmt(addMs)} ms; ` +
    `heap: queries ${fmt(heapParsed - heapDict, 1)} MB, index ${fmt(heapIndex - heapParsed, 1)} MB`,
);

// One more subscription at a time, the way /subscribe does it: parse + add.
const extra = queriesText.slice(SUBS);
t = performance.now();
extra.forEach((text, i) => {
  index.add(SUBS + i, parseQuery(text));
});
const oneAddUs = ((performance.now() - t) / extra.length) * 1000;
t = performance.now();
index.add(SUBS + extra.length, parseQuery('Кызылкумредмет OR "вольфрамовый концентрат" -Узбекистан'));
const coldAddUs = (performance.now() - t) * 1000;
for (let i = 0; i <= extra.length; i++) index.remove(SUBS + i);
console.log(
  `add one subscription (parse + add): ${fmt(oneAddUs, 1)} µs average, ${fmt(coldAddUs)} µs with unseen words; size back to ${fmt(index.size)}`,
);

// Warm up, then measure the index over every item.
for (let i = 0; i < 500; i++) index.match(items[i % items.length] as (typeof items)[number]);
let matches = 0;
t = performance.now();
for (const item of items) matches += index.match(item).length;
const indexMs = performance.now() - t;
const perSecond = ITEMS / (indexMs / 1000);
console.log(
  `index: ${fmt(ITEMS)} items in ${fmt(indexMs)} ms = ${fmt(perSecond)} items/s; ` +
    `${fmt(matches)} matches (${fmt(matches / ITEMS, 1)} per item)`,
);

// Naive loop: every subscription against every item (item tokenised once, like a fair naive bot).
const sample = items.slice(0, NAIVE_ITEMS);
let naiveMatches = 0;
let disagreements = 0;
t = performance.now();
for (const item of sample) {
  const tokens = tokenizeItem(item.title, item.summary);
  for (let id = 0; id < SUBS; id++) if (matchTokens(queries[id] as Query, tokens)) naiveMatches++;
}
const naiveMs = performance.now() - t;
for (const item of sample) {
  const tokens = tokenizeItem(item.title, item.summary);
  const expected = new Set<number>();
  for (let id = 0; id < SUBS; id++) if (matchTokens(queries[id] as Query, tokens)) expected.add(id);
  const got = index.match(item);
  if (got.length !== expected.size || got.some((m) => !expected.has(m.id))) disagreements++;
}
const naivePerSecond = sample.length / (naiveMs / 1000);
console.log(
  `naive: ${fmt(sample.length)} items × ${fmt(SUBS)} subscriptions in ${fmt(naiveMs)} ms = ${fmt(naivePerSecond, 1)} items/s ` +
    `(extrapolated ${fmt((ITEMS / naivePerSecond) * 1000)} ms for all items); ${fmt(naiveMatches)} matches`,
);
console.log(
  `index vs naive: ${fmt(perSecond / naivePerSecond)}× faster; disagreements on the sample: ${disagreements}`,
);
const ok = perSecond >= 20_000 && perSecond / naivePerSecond >= 100 && disagreements === 0;
console.log(`targets (≥ 20,000 items/s, ≥ 100× naive, no disagreement): ${ok ? "met" : "NOT met"}`);
