/** TokenBuffer and tokenizeItem seen the same way, for the tests that compare them. */
import { tokenizeItem } from "../../src/matching/text/normalize.js";
import type { TokenBuffer } from "../../src/matching/text/token-buffer.js";

/** Every token of a filled TokenBuffer as a plain object. */
export const view = (buffer: TokenBuffer) =>
  Array.from({ length: buffer.count }, (_, t) => ({
    form: buffer.form(t),
    caps: buffer.caps[t] ?? null,
    pos: buffer.pos[t],
    compound: buffer.compound[t] === 1,
    shape: buffer.shape[t],
  }));

/** The reference tokenizer's tokens in the same shape. */
export const reference = (title: string, summary: string, body?: string) =>
  tokenizeItem(title, summary, body).map(({ form, caps, pos, compound, shape }) => ({
    form,
    caps,
    pos,
    compound,
    shape,
  }));
