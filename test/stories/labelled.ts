/** The labelled story pairs: what the detector was tuned on, and what it never saw. */
import { HELD_OUT } from "./held-out.js";
import { HELD_OUT_2 } from "./held-out-2.js";
import { HELD_OUT_3 } from "./held-out-3.js";
import { HELD_OUT_4 } from "./held-out-4.js";
import { HELD_OUT_5 } from "./held-out-5.js";
import { HELD_OUT_6 } from "./held-out-6.js";
import { FIRST_BATCH, type LabelledPair } from "./pairs.js";
import { SECOND_BATCH } from "./pairs-2.js";

/** Every pair the parameters were chosen on. */
export const TUNING: readonly LabelledPair[] = [...FIRST_BATCH, ...SECOND_BATCH];

/**
 * Every labelled pair: tuning, the first held-out batch, the second (written before the alias features) and
 * the third (written before the action, cause, scope and slot checks were scored) and the fourth (written
 * before the region table and the polarity check were scored) and the fifth (written after round 4, before
 * the follow-up and synonym features) and the sixth (written after round 5, before converse verbs).
 */
export const ALL_PAIRS: readonly LabelledPair[] = [
  ...TUNING,
  ...HELD_OUT,
  ...HELD_OUT_2,
  ...HELD_OUT_3,
  ...HELD_OUT_4,
  ...HELD_OUT_5,
  ...HELD_OUT_6,
];

export { HELD_OUT, HELD_OUT_2, HELD_OUT_3, HELD_OUT_4, HELD_OUT_5, HELD_OUT_6 };

/** Every set by the name reports use, in the order they were written, then all of them. */
export const NAMED_SETS: ReadonlyArray<readonly [string, readonly LabelledPair[]]> = [
  ["tuning", TUNING],
  ["held-out", HELD_OUT],
  ["held-out-2", HELD_OUT_2],
  ["held-out-3", HELD_OUT_3],
  ["held-out-4", HELD_OUT_4],
  ["held-out-5", HELD_OUT_5],
  ["held-out-6", HELD_OUT_6],
  ["all", ALL_PAIRS],
];
