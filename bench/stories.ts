/**
 * Story grouping benchmark (issue 7 item 6): precision and recall of the near-duplicate detector on the
 * labelled pairs (tuning and six held-out batches), then its speed and memory with a full 36-hour window.
 * Run: npm run bench -- stories. Knobs: BENCH_WINDOW (items in the window, default 20,000),
 * BENCH_ITEMS (items timed once the window is full, default 10,000), BENCH_VERBOSE=1 (list misjudged pairs).
 */
import { loadMorphology } from "../src/matching/words/morphology.js";
import { STORY_WINDOW_MS, StoryDetector } from "../src/stories/detector.js";
import { ALL_PAIRS, NAMED_SETS } from "../test/stories/labelled.js";
import { evaluatePairs } from "../test/stories/quality.js";
import { makeItems, makeVocabulary } from "./matching/corpus.js";
import { fmt, heapMB } from "./support/measure.js";

const WINDOW = Number(process.env.BENCH_WINDOW ?? 20_000);
const TIMED = Number(process.env.BENCH_ITEMS ?? 10_000);

loadMorphology();
for (const [name, pairs] of NAMED_SETS) {
  const q = evaluatePairs(pairs, ALL_PAIRS);
  console.log(
    `${name.padEnd(10)} ${String(pairs.length).padStart(3)} pairs: precision ${fmt(q.precision, 3)}, recall ${fmt(q.recall, 3)}` +
      ` (TP ${q.truePositives}, FP ${q.falsePositives}, FN ${q.falseNegatives})`,
  );
  if (process.env.BENCH_VERBOSE)
    for (const e of q.errors)
      console.log(
        `    ${e.pair.same ? "missed" : "merged"} ${e.score.toFixed(3)} ${e.pair.a.title} | ${e.pair.b.title}`,
      );
}

// Items arrive evenly over the window, so after WINDOW items the oldest start leaving it.
const items = makeItems(WINDOW + TIMED, 11, makeVocabulary(3));
const step = STORY_WINDOW_MS / WINDOW;
const heap0 = heapMB();
const detector = new StoryDetector();
let t = performance.now();
let joined = 0;
for (let i = 0; i < WINDOW; i++) {
  const it = items[i] as { title: string; summary: string };
  if (detector.assign({ id: i + 1, ...it, linkKey: null, seenAt: i * step }).sameAs !== null) joined++;
}
const fillMs = performance.now() - t;
const heapFull = heapMB();
console.log(
  `fill: ${fmt(WINDOW)} items in ${fmt(fillMs)} ms (${fmt((WINDOW / fillMs) * 1000)} items/s, first pass warms the word cache); ` +
    `window heap ${fmt(heapFull - heap0, 1)} MB (${fmt(((heapFull - heap0) * 1e6) / WINDOW)} B/item)`,
);
t = performance.now();
// CPU time as well as wall time: on a shared machine the wall clock also counts other processes' turns.
const cpu0 = process.cpuUsage();
for (let i = WINDOW; i < WINDOW + TIMED; i++) {
  const it = items[i] as { title: string; summary: string };
  if (detector.assign({ id: i + 1, ...it, linkKey: null, seenAt: i * step }).sameAs !== null) joined++;
}
const steadyMs = performance.now() - t;
const cpu = process.cpuUsage(cpu0);
const cpuMs = (cpu.user + cpu.system) / 1000;
console.log(
  `steady state (window full, evicting): ${fmt(TIMED)} items in ${fmt(steadyMs)} ms = ${fmt((TIMED / steadyMs) * 1000)} items/s ` +
    `(${fmt((steadyMs * 1000) / TIMED, 1)} µs/item; CPU ${fmt((cpuMs * 1000) / TIMED, 1)} µs/item); window ${fmt(detector.size)} items; ` +
    `${joined} generated items joined a story; heap ${fmt(heapMB() - heap0, 1)} MB; rss ${fmt(process.memoryUsage().rss / 1e6)} MB`,
);
