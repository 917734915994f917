/** The labelled story pairs: what the detector was tuned on, and what it never saw. */
import { HELD_OUT } from "./held-out.js";
import { FIRST_BATCH, type LabelledPair } from "./pairs.js";
import { SECOND_BATCH } from "./pairs-2.js";

/** Every pair the parameters were chosen on. */
export const TUNING: readonly LabelledPair[] = [...FIRST_BATCH, ...SECOND_BATCH];

export { HELD_OUT };
