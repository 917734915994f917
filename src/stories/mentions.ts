/** Whether an item mentions a word of another's headline: as is, transliterated, or in a form of its family. */
import type { StoryFeatures } from "./features.js";

// Latin letters as Russian wires transliterate names (OPEC → ОПЕК, Brent → Брент), for comparing names only.
const LATIN_TO_CYRILLIC: Record<string, string> = {
  a: "а",
  b: "б",
  c: "к",
  d: "д",
  e: "е",
  f: "ф",
  g: "г",
  h: "х",
  i: "и",
  j: "дж",
  k: "к",
  l: "л",
  m: "м",
  n: "н",
  o: "о",
  p: "п",
  q: "к",
  r: "р",
  s: "с",
  t: "т",
  u: "у",
  v: "в",
  w: "у",
  x: "кс",
  y: "и",
  z: "з",
};

function transliterate(word: string): string {
  let out = "";
  for (const ch of word) out += LATIN_TO_CYRILLIC[ch] ?? ch;
  return out;
}

/** Whether the item uses the name, its transliteration or a word of its family (Томтор, томторский). */
export function mentions(f: StoryFeatures, name: string): boolean {
  if (f.lemmas.has(name)) return true;
  if (/^[a-z]+$/.test(name) && f.lemmas.has(transliterate(name))) return true;
  if (name.length < 5) return false;
  for (const lemma of f.lemmas.keys()) {
    let common = 0;
    const max = Math.min(lemma.length, name.length);
    while (common < max && lemma.charCodeAt(common) === name.charCodeAt(common)) common++;
    if (common >= 5 && common >= max - 3) return true;
  }
  return false;
}
