/**
 * htmlToText for TokenBuffer in one pass over the raw text into a reused UTF-16 buffer: the text copied
 * natively, tags stripped and entities decoded in place (decoded characters cleaned as cleanForTokens
 * would), no strings built. Characters outside markup stay as written; TokenBuffer judges them with
 * char-class.ts. Markup whose result could depend on more than what is at hand (a second round of
 * decoding, comments, scripts, «<» in attributes) makes it give up, and the caller runs cleanForTokens.
 * Tests compare the two on tables and random markup.
 */
import { NAMED_ENTITIES } from "./html.js";
import { cleanForTokens, isPlainText } from "./normalize.js";

/** What a code unit below CLEAN_END does: give up, copy, tag, entity, or replace by CLEAN_AS. */
const GIVE_UP = 0;
const COPY = 1;
const TAG = 2;
const ENTITY = 3;
const REPLACE = 4;
const CLEAN_END = 0x20d0;
const ACTION = new Uint8Array(CLEAN_END);
// Each replaced character's text: what cleanForTokens makes of it alone (" " for nbsp, "..." for «…», ""
// for a soft hyphen). Only where no neighbour can change that: no combining marks, and a result made of
// characters NFKC leaves alone (tests check every pair with plain neighbours).
const CLEAN_AS: string[] = [];
for (const [from, to] of [
  [0x0000, 0x052f],
  [0x2000, 0x20cf],
]) {
  for (let c = from as number; c <= (to as number); c++) {
    const ch = String.fromCharCode(c);
    if (c === 60 /* < */) ACTION[c] = TAG;
    else if (c === 38 /* & */) ACTION[c] = ENTITY;
    else if (isPlainText(ch)) ACTION[c] = COPY;
    else if (/\p{M}/u.test(ch)) ACTION[c] = GIVE_UP;
    else {
      const as = cleanForTokens(ch);
      if (!isPlainText(as) || as.includes("<") || as.includes("&")) continue;
      ACTION[c] = REPLACE;
      CLEAN_AS[c] = as;
    }
  }
}

// Inline elements join the letters around them (html.ts INLINE_TAG); other tags become a space.
const INLINE = new Set("a b i u s em strong span font mark small sub sup abbr".split(" "));

function isAsciiLetter(c: number): boolean {
  return (c | 32) >= 97 && (c | 32) <= 122;
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isHex(c: number): boolean {
  return isDigit(c) || ((c | 32) >= 97 && (c | 32) <= 102);
}

/**
 * What a code unit is once cleaned on its own: itself (plain), its NFKC text (" " for nbsp, "..." for
 * «…», "" for a soft hyphen), or null when that depends on its neighbours or is not worth knowing.
 */
export function cleanedAs(c: number): string | null {
  if (c >= CLEAN_END) return null;
  const action = ACTION[c] as number;
  if (action === REPLACE) return CLEAN_AS[c] as string;
  return action === GIVE_UP ? null : String.fromCharCode(c);
}

/**
 * Writes raw.slice(0, limit) into `out` (bytes: the same memory as a Buffer, ≥ 2 × limit bytes) with tags
 * stripped and entities decoded as htmlToText would, the decoded text cleaned as cleanForTokens would;
 * returns the length, or -1 when the markup needs the general path. Other characters are copied as they
 * are: the caller judges them (cleanedAs), since text outside markup is copied natively.
 */
export function cleanInto(raw: string, limit: number, out: Uint16Array, bytes: Buffer): number {
  bytes.write(raw, 0, limit * 2, "utf16le");
  let lt = nextOf(raw, "<", 0, limit);
  let amp = nextOf(raw, "&", 0, limit);
  // Markup never gets longer once decoded, so the text is compacted in place behind the reading point.
  let o = 0;
  let i = 0;
  for (;;) {
    const at = Math.min(lt, amp);
    if (o !== i) out.copyWithin(o, i, at);
    o += at - i;
    if (at === limit) return o;
    if (at === lt) {
      const kind = tagKind(raw, at, limit);
      if (kind < 0) return -1;
      if (kind === 1) out[o++] = 32;
      i = tagStop;
    } else {
      o = entity(raw, at, limit, out, o);
      if (o < 0) return -1;
      i = entityStop;
    }
    if (lt < i) lt = nextOf(raw, "<", i, limit);
    if (amp < i) amp = nextOf(raw, "&", i, limit);
  }
}

function nextOf(raw: string, ch: string, from: number, limit: number): number {
  const at = raw.indexOf(ch, from);
  return at < 0 || at > limit ? limit : at;
}

// Where the last tag or entity read ended (module state instead of an object per call).
let tagStop = 0;
let entityStop = 0;

/**
 * Reads the tag at raw[i] = "<" as html.ts's INLINE_TAG/TAG would: 0 for an inline tag, 1 for another,
 * -1 when that pass could treat it differently (no tag, «<» inside it, a quote holding «<» or «>»,
 * comments, CDATA, script and style); sets tagStop after its «>».
 */
function tagKind(raw: string, i: number, limit: number): number {
  let j = i + 1;
  if (j < limit && raw.charCodeAt(j) === 47 /* / */) j++;
  const nameStart = j;
  if (j >= limit || !isAsciiLetter(raw.charCodeAt(j))) return -1;
  for (j++; j < limit; j++) {
    const c = raw.charCodeAt(j);
    if (!isAsciiLetter(c) && !isDigit(c) && c !== 45) break;
  }
  const name = raw.slice(nameStart, j).toLowerCase();
  if (name.startsWith("script") || name.startsWith("style")) return -1;
  for (; j < limit; j++) {
    const c = raw.charCodeAt(j);
    if (c === 62 /* > */) {
      tagStop = j + 1;
      return INLINE.has(name) ? 0 : 1;
    }
    if (c === 60) return -1;
    if (c === 34 || c === 39) {
      const close = raw.indexOf(c === 34 ? '"' : "'", j + 1);
      if (close < 0 || close >= limit) return -1;
      for (let k = j + 1; k < close; k++) {
        const q = raw.charCodeAt(k);
        if (q === 60 || q === 62) return -1;
      }
      j = close;
    }
  }
  return -1;
}

function put(text: string, out: Uint16Array, o: number): number {
  for (let k = 0; k < text.length; k++) out[o++] = text.charCodeAt(k);
  return o;
}

/** Writes decoded text as cleanForTokens would have it: -1 for «<», «&» (a second round) or anything not per character. */
function putDecoded(text: string, out: Uint16Array, o: number): number {
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    const action = c < CLEAN_END ? (ACTION[c] as number) : GIVE_UP;
    if (action === COPY) out[o++] = c;
    else if (action === REPLACE) o = put(CLEAN_AS[c] as string, out, o);
    else return -1;
  }
  return o;
}

/**
 * Decodes the entity at raw[i] = "&" as html.ts's decodeEntities would, after the tag pass and with the
 * second round in mind; sets entityStop. Returns the new output length, or -1 for the general path:
 * an entity that a tag may continue, one that decodes to «<» or «&», a bare «&» that a second round
 * could read differently.
 */
function entity(raw: string, i: number, limit: number, out: Uint16Array, o: number): number {
  let j = i + 1;
  const first = j < limit ? raw.charCodeAt(j) : -1;
  if (first === 35 /* # */) {
    const hex = j + 1 < limit && (raw.charCodeAt(j + 1) | 32) === 120 /* x */;
    j += hex ? 2 : 1;
    const from = j;
    const max = from + (hex ? 6 : 7);
    while (j < limit && j < max && (hex ? isHex(raw.charCodeAt(j)) : isDigit(raw.charCodeAt(j)))) j++;
    if (j === from) return -1;
    const code = Number.parseInt(raw.slice(from, j), hex ? 16 : 10);
    if (!semicolon(raw, j, limit)) return -1;
    if (code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) {
      out[o] = 32;
      return o + 1;
    }
    if (code > 0xffff) return -1;
    return putDecoded(String.fromCharCode(code), out, o);
  }
  if (first >= 0 && isAsciiLetter(first)) {
    const max = j + 11;
    for (j++; j < limit && j < max; j++) {
      const c = raw.charCodeAt(j);
      if (!isAsciiLetter(c) && !isDigit(c)) break;
    }
    const next = j < limit ? raw.charCodeAt(j) : -1;
    if (j - i < 3) {
      // «&T» (AT&T) is no entity; a second round sees the same letter and the same non-letter after it.
      if (next === 60 || next === 38) return -1;
      entityStop = i + 1;
      out[o] = 38;
      return o + 1;
    }
    const body = raw.slice(i + 1, j);
    const named = NAMED_ENTITIES[body] ?? NAMED_ENTITIES[body.toLowerCase()];
    if (!semicolon(raw, j, limit)) return -1;
    if (typeof named === "string") return putDecoded(named, out, o);
    if (named !== undefined) return -1;
    if (next === 59) {
      out[o] = 32;
      return o + 1;
    }
    // Kept as text, «&» included: a second round reads the same letters unless «&» follows.
    if (next === 38) return -1;
    entityStop = j;
    out[o++] = 38;
    for (let k = i + 1; k < j; k++) out[o++] = raw.charCodeAt(k);
    return o;
  }
  // A bare «&»: a second round sees the same next character unless a tag or an entity produced it.
  if (first === 60 || first === 38) return -1;
  entityStop = j;
  out[o] = 38;
  return o + 1;
}

/** Sets entityStop after the optional «;» at raw[j]; false when a tag follows that could hide one. */
function semicolon(raw: string, j: number, limit: number): boolean {
  const c = j < limit ? raw.charCodeAt(j) : -1;
  if (c === 60) return false;
  entityStop = c === 59 ? j + 1 : j;
  return true;
}
