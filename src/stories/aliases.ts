/**
 * Names of major Russian (and a few foreign) institutions that wires write in several ways: an abbreviation,
 * a compound («Мосбиржа»), the full name, or the title of the body's head («министр финансов»). Each way is
 * folded into one token, so «Минфин» and «Министерство финансов» are the same word to the detector.
 */

import { REGIONS } from "./regions.js";

/**
 * Each line is one institution: its written forms, the first being the one its token is named after.
 * Forms are plain text, lemmatised the same way as items, so any case or number of them matches.
 * The head's title («министр финансов») is listed where wires name a body by its head: a re-report often
 * says «Минфин» where the first said «министр финансов Антон Силуанов».
 */
const INSTITUTIONS: readonly (readonly string[])[] = [
  ["ЦБ", "Центробанк", "Банк России", "Центральный банк", "председатель Банка России"],
  ["Минфин", "Министерство финансов", "министр финансов"],
  ["Минэкономразвития", "Министерство экономического развития", "министр экономического развития", "МЭР"],
  ["Минсельхоз", "Министерство сельского хозяйства", "министр сельского хозяйства"],
  ["Минобороны", "Министерство обороны", "министр обороны"],
  ["МИД", "Министерство иностранных дел", "министр иностранных дел"],
  ["Минздрав", "Министерство здравоохранения", "министр здравоохранения"],
  ["Минпромторг", "Министерство промышленности и торговли", "министр промышленности и торговли"],
  ["Минэнерго", "Министерство энергетики", "министр энергетики"],
  ["Минтранс", "Министерство транспорта", "министр транспорта"],
  ["Минюст", "Министерство юстиции", "министр юстиции"],
  ["Минтруд", "Министерство труда", "министр труда"],
  ["Минцифры", "Министерство цифрового развития", "министр цифрового развития"],
  ["Минпросвещения", "Министерство просвещения", "министр просвещения"],
  ["Минобрнауки", "Министерство науки и высшего образования", "министр науки и высшего образования"],
  ["МВД", "Министерство внутренних дел", "министр внутренних дел"],
  ["МЧС", "Министерство по чрезвычайным ситуациям", "министр по чрезвычайным ситуациям"],
  ["Мосбиржа", "Московская биржа"],
  ["Росстат", "Федеральная служба государственной статистики"],
  ["ФНС", "Федеральная налоговая служба"],
  ["ФАС", "Федеральная антимонопольная служба"],
  ["Росавиация", "Федеральное агентство воздушного транспорта"],
  ["Госдума", "Государственная дума"],
  ["Совфед", "Совет Федерации"],
  ["СК", "Следственный комитет", "СКР"],
  ["Генпрокуратура", "Генеральная прокуратура", "генеральный прокурор", "генпрокурор"],
  ["Сбербанк", "Сбер"],
  ["Норникель", "Норильский никель"],
  ["РЖД", "Российские железные дороги"],
  ["ОФЗ", "облигации федерального займа"],
  ["ВВП", "валовой внутренний продукт"],
  ["ЕС", "Евросоюз", "Европейский союз"],
  ["ЕЦБ", "Европейский центральный банк"],
  ["ФРС", "Федеральная резервная система"],
  ["Китай", "КНР"],
  // «Лондонская фондовая биржа» (LSE) has a word between, so it does not fold here.
  ["LME", "Лондонская биржа металлов", "Лондонская биржа"],
];

/**
 * Words wires use for one thing, which are not names: the sanctions list by its several names, a road crash
 * as «ДТП» or «столкновение», a ban as a noun or a verb («ввели запрет» / «запрещен»), a price peak. Folded
 * like an institution, but the token is no headline name and a verb keeps its part of speech, so the
 * headline's action is still read from it («экспорт запрещен» → the action «запрет»). Only equivalents:
 * «авария» is any accident (a heating plant's too), so it is not a crash.
 */
const WORDINGS: readonly (readonly string[])[] = [
  ["санкции", "санкционный список", "SDN-лист", "список SDN", "санкционный"],
  ["ДТП", "дорожно-транспортное происшествие", "столкновение", "столкнуться"],
  ["запрет", "запретить"],
  ["максимум", "пик"],
];

/** One written form: its lemmas, the token it folds into and whether that token is a name. */
export interface AliasForm {
  readonly lemmas: readonly string[];
  readonly token: string;
  /** institutions and regions are names; a wording (sanctions, crash, ban) is not */
  readonly name: boolean;
}

/** One institution's written forms, each as the lemmas an item's text is read into. */
export interface AliasTable {
  /** first lemma of a form → the forms starting with it (longest first) and the token they fold into */
  readonly byFirst: ReadonlyMap<string, ReadonlyArray<AliasForm>>;
}

/** Builds the table with the item lemmatiser, so forms fold exactly as item text does. */
export function buildAliases(lemmatise: (text: string) => string[]): AliasTable {
  const byFirst = new Map<string, AliasForm[]>();
  const lines = [
    ...[...INSTITUTIONS, ...REGIONS].map((forms) => ({ forms, name: true })),
    ...WORDINGS.map((forms) => ({ forms, name: false })),
  ];
  for (const { forms, name } of lines) {
    const token = lemmatise(forms[0] as string).join(" ");
    for (const form of forms) {
      const lemmas = lemmatise(form);
      const first = lemmas[0];
      if (first === undefined) continue;
      const list = byFirst.get(first) ?? [];
      list.push({ lemmas, token, name });
      list.sort((x, y) => y.lemmas.length - x.lemmas.length);
      byFirst.set(first, list);
    }
  }
  return { byFirst };
}

/**
 * The token, length and kind of the longest institution form starting at `at` in a lemma sequence, or null.
 */
export function aliasAt(
  table: AliasTable,
  lemmas: readonly string[],
  at: number,
): { token: string; length: number; name: boolean } | null {
  const forms = table.byFirst.get(lemmas[at] as string);
  if (!forms) return null;
  for (const form of forms) {
    let i = 1;
    while (i < form.lemmas.length && lemmas[at + i] === form.lemmas[i]) i++;
    if (i === form.lemmas.length) return { token: form.token, length: i, name: form.name };
  }
  return null;
}
