/**
 * Numbers as wires write them: «14 500», «14,5 тыс.», «10,98» — and rounded by a re-report («11 рублей»,
 * «около 32 млрд»). A number is compared as a value, equal to another when one is the other rounded.
 */

// «14 500», «14,5 тыс.» and «14500» are one number; the scale word is folded into the value.
const NUMBER = /(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+(?:[.,]\d+)?)(?:\s*(тыс|млн|млрд|трлн))?/giu;
const SCALE: Record<string, number> = { тыс: 1e3, млн: 1e6, млрд: 1e9, трлн: 1e12 };
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
