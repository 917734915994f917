/**
 * Markers read off a headline's text or its lemmas, not its dictionary readings: commodities as names, ordinals
 * as figures, the cause and the scope a title gives, and a prolongation told without «продлить».
 */

/** What a headline's action covers: everything of its kind, or one or some of them. */
export type Scope = "whole" | "part";

/**
 * Commodities a headline is about: another metal or fuel at the same high is another story, as another
 * company is, so in a title they count as names (алюминий / медь on one exchange, in one template).
 */
export const COMMODITIES: ReadonlySet<string> = new Set(
  (
    "нефть газ уголь бензин золото серебро платина палладий медь алюминий никель цинк олово свинец литий " +
    "уран кобальт пшеница кукуруза сахар кофе какао"
  ).split(" "),
);

// Ordinals name a figure too: «вышел во второй круг» / «в третий круг», «второй раунд». The dictionary reads
// an ordinal as its cardinal (второй → два), so these lemmas are figures whether ordinal or counted in words.
// «Первый» counts only before a step of a series (первое чтение, первый квартал, see ordinalsIn): alone it
// is mostly «the first ever» (первый в России), which a re-report may say without it.
const ORDINALS: ReadonlyMap<string, number> = new Map(
  ["два", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять", "десять"].map((w, i) => [w, i + 2]),
);

/** Adds the ordinals the dictionary read as cardinals (второй → два) to `into` as figures. */
export function ordinalsOf(lemmas: Iterable<string>, into: Set<string>): void {
  for (const lemma of lemmas) {
    const ordinal = ORDINALS.get(lemma);
    if (ordinal !== undefined) into.add(String(ordinal));
  }
}

// The dictionary reads some ordinals as other words («третьем» → третье, the course; «шестом» → шест, a pole),
// so they are read off the text as well. «Первый» only before a step of a series.
const ORDINAL_STEMS = ["втор", "трет", "четв[её]рт", "пят", "шест", "седьм", "восьм", "девят", "десят"];
const ORDINAL_TEXT = new RegExp(
  `(?<!\\p{L})(перв|${ORDINAL_STEMS.join("|")})(?:ый|ой|ого|ому|ым|ом|ая|ую|ое|ые|ых|ыми|ий|ьего|ьему|ьим|ьем|ья|ью|ье|ьи|ьих|ьими)` +
    "(?!\\p{L})(\\s+(?:чтени|круг|раунд|тур|этап|матч|игр|сет|квартал|полугоди|инстанци|пакет|волн|транш))?",
  "giu",
);

/** Adds the ordinals written in a text to `into` as figures («в шестом матче» → 6, «в первом чтении» → 1). */
export function ordinalsIn(text: string, into: Set<string>): void {
  for (const m of text.matchAll(ORDINAL_TEXT)) {
    const stem = (m[1] as string).toLowerCase().replace("ё", "е");
    if (stem === "перв") {
      if (m[2] !== undefined) into.add("1");
      continue;
    }
    into.add(String(ORDINAL_STEMS.indexOf(stem.startsWith("четв") ? "четв[её]рт" : stem) + 2));
  }
}

/** The cause a title gives: «из-за технического сбоя», «в связи с паводком», «на фоне роста цен», to the end of the clause. */
export const CAUSE = /(?:^|\s)(?:из-за|в связи с|на фоне|вследствие|ввиду|по причине)\s+([^,.;:!?()—–]+)/iu;
/** A title about all of something. */
export const WHOLE = /(?<!\p{L})(?:все|всех|всем|всеми|весь|вся|всю|всей|полностью|целиком)(?!\p{L})/iu;
/** A title about one or some. */
export const PART = /(?<!\p{L})(?:одн(?:а|ой|у|ого|им|ом)|отдельн\p{L}*|частично)(?!\p{L})/iu;

/** Whether a title is about the whole or a part, or neither (or both). */
export function scopeOf(text: string): Scope | null {
  const whole = WHOLE.test(text);
  const part = PART.test(text);
  return whole === part ? null : whole ? "whole" : "part";
}

// «сохранит лимит еще на шесть месяцев», «ограничения останутся еще на год»: a term added to one running —
// a prolongation told without «продлить». «Еще» alone is no marker («нефть еще подешевела»).
const PROLONGATION =
  /(?<!\p{L})ещ[её]\s+на\s+(?:\S+\s+){0,2}?(?:полгода|полтора|год|года|лет|месяц\p{L}*|недел\p{L}*|дн\p{L}*|сутки|квартал\p{L}*|срок)(?!\p{L})/iu;

/** Whether a text tells a prolongation without its verb: «еще на полгода», «еще на три месяца». */
export function prolongs(text: string): boolean {
  return PROLONGATION.test(text);
}
