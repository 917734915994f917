import { describe, expect, it } from "vitest";
import { HELD_OUT, TUNING } from "./labelled.js";
import { evaluatePairs } from "./quality.js";

const ALL = [...TUNING, ...HELD_OUT];

describe("story detector quality on the labelled pairs", () => {
  it("has enough pairs, with hard negatives and a held-out part", () => {
    expect(ALL.length).toBeGreaterThanOrEqual(60);
    expect(HELD_OUT.length).toBeGreaterThanOrEqual(15);
    expect(ALL.filter((p) => !p.same).length).toBeGreaterThanOrEqual(30);
  });

  it("reaches precision ≥ 0.95 and recall ≥ 0.90 on the tuning pairs", () => {
    const q = evaluatePairs(TUNING, ALL);
    expect(q.precision).toBeGreaterThanOrEqual(0.95);
    expect(q.recall).toBeGreaterThanOrEqual(0.9);
  });

  it("never merges a held-out look-alike (precision ≥ 0.95 on pairs never tuned on)", () => {
    expect(evaluatePairs(HELD_OUT, ALL).precision).toBeGreaterThanOrEqual(0.95);
  });
});
