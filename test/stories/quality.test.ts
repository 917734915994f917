import { describe, expect, it } from "vitest";
import {
  ALL_PAIRS,
  HELD_OUT,
  HELD_OUT_2,
  HELD_OUT_3,
  HELD_OUT_4,
  HELD_OUT_5,
  HELD_OUT_6,
  TUNING,
} from "./labelled.js";
import { evaluatePairs } from "./quality.js";

describe("story detector quality on the labelled pairs", () => {
  it("has enough pairs, with hard negatives and two held-out parts", () => {
    expect(ALL_PAIRS.length).toBeGreaterThanOrEqual(130);
    expect(HELD_OUT.length).toBeGreaterThanOrEqual(15);
    expect(HELD_OUT_2.length).toBeGreaterThanOrEqual(20);
    expect(HELD_OUT_2.filter((p) => p.same).length * 2).toBe(HELD_OUT_2.length);
    expect(HELD_OUT_3.length).toBeGreaterThanOrEqual(24);
    expect(HELD_OUT_3.filter((p) => p.same).length * 2).toBe(HELD_OUT_3.length);
    expect(HELD_OUT_4.length).toBeGreaterThanOrEqual(30);
    expect(HELD_OUT_4.filter((p) => p.same).length * 2).toBe(HELD_OUT_4.length);
    expect(HELD_OUT_5.length).toBeGreaterThanOrEqual(36);
    expect(HELD_OUT_5.filter((p) => p.same).length * 2).toBe(HELD_OUT_5.length);
    expect(HELD_OUT_6.length).toBeGreaterThanOrEqual(34);
    expect(HELD_OUT_6.filter((p) => p.same).length * 2).toBe(HELD_OUT_6.length);
    expect(ALL_PAIRS.filter((p) => !p.same).length).toBeGreaterThanOrEqual(60);
  });

  it("reaches precision ≥ 0.95 and recall ≥ 0.95 on the tuning pairs", () => {
    const q = evaluatePairs(TUNING, ALL_PAIRS);
    expect(q.precision).toBeGreaterThanOrEqual(0.95);
    expect(q.recall).toBeGreaterThanOrEqual(0.95);
  });

  it("finds the re-reports of the first held-out batch without merging a look-alike", () => {
    // Before institution names, rounded figures and numbers as words: recall 0.556 here.
    const q = evaluatePairs(HELD_OUT, ALL_PAIRS);
    expect(q.precision).toBeGreaterThanOrEqual(0.95);
    expect(q.recall).toBeGreaterThanOrEqual(0.9);
  });

  it("reaches precision ≥ 0.95 and recall ≥ 0.90 on every labelled pair, held-out batches included", () => {
    // Before the action, cause, scope and slot checks: precision 0.874 on the first 162 pairs; with the fourth
    // batch (194), P 0.948 / R 0.958 before the region table and the polarity check; with the fifth (230),
    // P 0.945 / R 0.920 before the follow-up check, ordinals, commodities and the wording table; with the sixth
    // (264), P 0.968 / R 0.931 before converse verbs, verdicts, «еще на <срок>» and ordinals read off the text.
    const q = evaluatePairs(ALL_PAIRS, ALL_PAIRS);
    expect(q.precision).toBeGreaterThanOrEqual(0.95);
    expect(q.recall).toBeGreaterThanOrEqual(0.9);
  });

  it("merges no look-alike of the second held-out batch (same body, same object, another action)", () => {
    // Before the action and cause checks: two merged («отменил аукционы ОФЗ», a halt for another reason).
    expect(evaluatePairs(HELD_OUT_2, ALL_PAIRS).falsePositives).toBe(0);
  });

  it("merges none of the third batch's look-alikes and finds its re-reports naming a region two ways", () => {
    // Before the polarity check and the region table: «суд отказался оштрафовать» and «ВТБ перенес решение»
    // merged, «Приангарье» / «Иркутская область» missed.
    const q = evaluatePairs(HELD_OUT_3, ALL_PAIRS);
    expect(q.falsePositives).toBe(0);
    expect(q.falseNegatives).toBe(0);
  });

  it("keeps the fourth batch (unseen: P 0.875 / R 0.875) at precision ≥ 0.9 and recall ≥ 0.85", () => {
    const q = evaluatePairs(HELD_OUT_4, ALL_PAIRS);
    expect(q.precision).toBeGreaterThanOrEqual(0.9);
    expect(q.recall).toBeGreaterThanOrEqual(0.85);
  });

  it("keeps the fifth batch (unseen: P 0.688 / R 0.611; tuned on since) at precision 1 and recall ≥ 0.9", () => {
    // A tuning figure now: the follow-up check, ordinals, commodities and wordings came from its errors.
    // Round 6's converse verbs, verdicts and «еще на <срок>» found three of its four other-party misses
    // (R 0.778 → 0.944); «ушел в отставку» / «Путин отправил в отставку» is still missed (see the README).
    const q = evaluatePairs(HELD_OUT_5, ALL_PAIRS);
    expect(q.falsePositives).toBe(0);
    expect(q.recall).toBeGreaterThanOrEqual(0.9);
  });

  it("keeps the sixth batch (unseen: P 0.750 / R 0.706; tuned on since) at precision ≥ 0.85 and recall ≥ 0.9", () => {
    // A tuning figure now: converse verbs, verdicts, «еще на <срок>» and ordinals read off the text came from
    // its errors. Two look-alikes still merge and one re-report is missed (see the README).
    const q = evaluatePairs(HELD_OUT_6, ALL_PAIRS);
    expect(q.precision).toBeGreaterThanOrEqual(0.85);
    expect(q.recall).toBeGreaterThanOrEqual(0.9);
  });
});
