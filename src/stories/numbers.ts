/**
 * Numbers as wires write them: «14 500», «14,5 тыс.», «10,98» — and rounded by a re-report («11 рублей»,
 * «около 32 млрд»). A number is compared as a value, equal to another when one is the other rounded.
 */

// «14 500», «14,5 тыс.», «14,5 тысячи» and «14500» are one number; the scale word, abbreviated or written
// out in any case («45 млрд», «45 миллиардов»), is folded into the value.
const SCALE_WORD = "(тыс|млн|млрд|трлн|миллион|миллиард|триллион)";
const NUMBER = new RegExp(
  `(\\d{1,3}(?:[ \\u00a0\\u202f]\\d{3})+|\\d+(?:[.,]\\d+)?)(?:\\s*${SCALE_WORD})?`,
  "giu",
);
const SCALE: Record<string, number> = {
  тыс: 1e3,
  млн: 1e6,
  млрд: 1e9,
  трлн: 1e12,
  миллион: 1e6,
  миллиард: 1e9,
  триллион: 1e12,
};
// A rounded figure is within 1 % of the exact one (10,98 → 11, 31,8 → 32); 16 and 16,25 % are two rates.
const ROUNDING_ERROR = 0.01;
// Integers below this are counts, years and small sums: exact in the word vector (2025 is not 2026).
const EXACT_BELOW = 10_000;

/** Adds the values of the numbers in `text` (as «7.5», «14500», «38800000000») to `into`. */
export function numbersOf(text: string, into: Set<string>): void {
  for (const m of text.matchAll(NUMBER)) {
    const digits = (m[1] as string).replace(/[ \u00a0\u202f]/g, "").replace(",", ".");
    const scale = m[2] ? (SCALE[m[2].toLowerCase()] ?? 1) : 1;
    into.add(String(Math.round(Number(digits) * scale * 1000) / 1000));
  }
  spelledNumbersOf(text, into);
}

function roundSignificant(x: number, digits: number): number {
  if (x === 0) return 0;
  const scale = 10 ** (digits - Math.floor(Math.log10(Math.abs(x))) - 1);
  return Math.round(x * scale) / scale;
}

function isExact(x: number): boolean {
  return Number.isInteger(x) && Math.abs(x) < EXACT_BELOW;
}

/** Significant digits as written: 600 has one, 600,1 four, 0,11 two. */
function significantDigits(x: number): number {
  return String(x)
    .replace(/[^0-9]/g, "")
    .replace(/^0+/, "")
    .replace(/0+$/, "").length;
}

/**
 * Whether two values are one figure, exactly or rounded: both agree to the precision of the less precise
 * one (at least two significant digits) and differ by no more than rounding does.
 */
export function sameNumber(a: number, b: number): boolean {
  if (a === b) return true;
  // Counts and years are written exactly: 2020 is not 2024 rounded.
  if (isExact(a) && isExact(b)) return false;
  const larger = Math.max(Math.abs(a), Math.abs(b));
  if (Math.abs(a - b) > larger * ROUNDING_ERROR) return false;
  const digits = Math.max(2, Math.min(significantDigits(a), significantDigits(b)));
  return Math.abs(roundSignificant(a, digits) - roundSignificant(b, digits)) <= larger * 1e-9;
}

/**
 * The word a number adds to the item's vector: a shared figure is evidence of one event. Fractions and
 * large sums are kept to two significant digits so a rounded re-report shares the word; the checks on
 * the headline numbers decide, with `sameNumber`, whether the figures really agree.
 */
export function numberWord(value: string): string {
  const x = Number(value);
  if (isExact(x)) return `#${value}`;
  return `#${roundSignificant(x, 2)}`;
}

// Numbers written as words, as wires write small counts and round sums: «два месяца», «девять месяцев»,
// «сорок пять миллиардов», «на один процент». Value → its forms in the cases a headline uses.
const NUMERAL_FORMS: ReadonlyArray<readonly [number, string]> = [
  [1, "один одного одному одним одном одна одной одну одно"],
  [2, "два две двух двум двумя"],
  [3, "три трех трем тремя"],
  [4, "четыре четырех четырем четырьмя"],
  [5, "пять пяти пятью"],
  [6, "шесть шести шестью"],
  [7, "семь семи"], // not «семью», which is mostly «family»
  [8, "восемь восьми восемью"],
  [9, "девять девяти девятью"],
  [10, "десять десяти десятью"],
  [11, "одиннадцать одиннадцати"],
  [12, "двенадцать двенадцати"],
  [13, "тринадцать тринадцати"],
  [14, "четырнадцать четырнадцати"],
  [15, "пятнадцать пятнадцати"],
  [16, "шестнадцать шестнадцати"],
  [17, "семнадцать семнадцати"],
  [18, "восемнадцать восемнадцати"],
  [19, "девятнадцать девятнадцати"],
  [20, "двадцать двадцати"],
  [30, "тридцать тридцати"],
  [40, "сорок сорока"],
  [50, "пятьдесят пятидесяти"],
  [60, "шестьдесят шестидесяти"],
  [70, "семьдесят семидесяти"],
  [80, "восемьдесят восьмидесяти"],
  [90, "девяносто девяноста"],
  [100, "сто ста"],
  [200, "двести двухсот"],
  [300, "триста трехсот"],
  [400, "четыреста четырехсот"],
  [500, "пятьсот пятисот"],
  [600, "шестьсот шестисот"],
  [700, "семьсот семисот"],
  [800, "восемьсот восьмисот"],
  [900, "девятьсот девятисот"],
];
const NUMERALS = new Map<string, number>();
for (const [value, forms] of NUMERAL_FORMS) for (const form of forms.split(" ")) NUMERALS.set(form, value);
const SPELLED_SCALE: ReadonlyArray<readonly [string, number]> = [
  ["тысяч", 1e3],
  ["миллион", 1e6],
  ["миллиард", 1e9],
  ["триллион", 1e12],
];
const LETTERS = /\p{L}+/gu;
// Most items write no number in words: one search for any numeral spares them splitting the text into words.
const ANY_NUMERAL = new RegExp(`(?<!\\p{L})(?:${[...NUMERALS.keys()].join("|")})(?!\\p{L})`, "iu");

function scaleOf(word: string | undefined): number {
  if (word === undefined) return 1;
  for (const [stem, scale] of SPELLED_SCALE) if (word.startsWith(stem)) return scale;
  return 1;
}

/**
 * Adds the numbers written as words to `into`: a run of numerals summed by place («сорок пять» = 45),
 * times a following scale word («сорок пять миллиардов»). «Один» alone is too often «one of» or «a single»
 * to count: only before a scale word or «процент».
 */
function spelledNumbersOf(text: string, into: Set<string>): void {
  if (!ANY_NUMERAL.test(text)) return;
  const words = (text.toLowerCase().replace(/ё/g, "е").match(LETTERS) ?? []) as string[];
  for (let i = 0; i < words.length; i++) {
    let value = NUMERALS.get(words[i] as string);
    if (value === undefined) continue;
    let last = value;
    let j = i + 1;
    // «сто сорок пять»: each next numeral is of a lower place than the one before.
    for (
      let next = NUMERALS.get(words[j] ?? "");
      next !== undefined && next < last && next < 10 ** Math.floor(Math.log10(last));
      next = NUMERALS.get(words[j] ?? "")
    ) {
      value += next;
      last = next;
      j++;
    }
    const scale = scaleOf(words[j]);
    if (value === 1 && scale === 1 && !(words[j] ?? "").startsWith("процент")) continue;
    into.add(String(value * scale));
    i = j - 1;
  }
}
