import { createRequire } from "node:module";

/**
 * English word forms for a query word: singular and plural, generated at subscription time and matched
 * exactly. A Porter stemmer was measured and rejected: it maps news → new and gas/gases → ga/gase.
 */

// Words whose final «s» is not a plural ending.
const NOT_PLURAL = new Set([
  "news",
  "series",
  "species",
  "gas",
  "bus",
  "us",
  "its",
  "this",
  "has",
  "was",
  "is",
  "as",
  "yes",
  "plus",
  "minus",
  "physics",
  "economics",
  "politics",
  "analysis",
  "crisis",
  "thesis",
  "basis",
  "status",
  "virus",
  "census",
  "bonus",
  "campus",
  "focus",
  "chaos",
  "atlas",
  "lens",
  "canvas",
  "alias",
  "texas",
  "paris",
  "brussels",
  "athens",
  "wales",
  "mars",
  "jones",
  "davos",
  "emirates",
  "philippines",
  "netherlands",
  "bahamas",
  "means",
  "always",
  "perhaps",
]);
const VOWEL = /[aeiou]/;

function plural(word: string): string[] {
  if (/(s|x|z|ch|sh)$/.test(word)) return [`${word}es`];
  if (/[^aeiou]y$/.test(word)) return [`${word.slice(0, -1)}ies`];
  if (word.endsWith("fe")) return [`${word}s`, `${word.slice(0, -2)}ves`];
  if (word.endsWith("f")) return [`${word}s`, `${word.slice(0, -1)}ves`];
  return [`${word}s`];
}

function singular(word: string): string[] {
  if (word.length <= 3 || NOT_PLURAL.has(word) || /(ss|us|is)$/.test(word)) return [];
  if (word.endsWith("ies") && word.length > 4) return [`${word.slice(0, -3)}y`];
  if (word.endsWith("ves")) return [`${word.slice(0, -3)}f`, `${word.slice(0, -3)}fe`];
  if (/(s|x|z|ch|sh)es$/.test(word)) return [word.slice(0, -2)];
  if (word.endsWith("es")) return [word.slice(0, -1), word.slice(0, -2)];
  if (word.endsWith("s") && VOWEL.test(word.slice(0, -1))) return [word.slice(0, -1)];
  return [];
}

/** Forms of a lower-case Latin word: itself, its plural(s) and, if it looks plural, its singular(s). */
export function englishForms(word: string): string[] {
  if (!/^[a-z]+$/.test(word) || word.length < 3) return [word];
  const forms = new Set([word]);
  const singulars = singular(word);
  for (const s of singulars) forms.add(s);
  if (singulars.length === 0) for (const p of plural(word)) forms.add(p);
  return [...forms];
}

let words: readonly string[] | null = null;

/**
 * Whether a lower-case Latin word is an English word (fed, sec, data, turkey, shell), by binary search in
 * the sorted word list of the `an-array-of-english-words` package (kept by require's cache, so no copy).
 */
export function isEnglishWord(word: string): boolean {
  words ??= createRequire(import.meta.url)("an-array-of-english-words") as readonly string[];
  let lo = 0;
  let hi = words.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const at = words[mid] as string;
    if (at === word) return true;
    if (at < word) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}
