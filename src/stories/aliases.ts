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
];

/** One institution's written forms, each as the lemmas an item's text is read into. */
export interface AliasTable {
  /** first lemma of a form → the forms starting with it (longest first) and the token they fold into */
  readonly byFirst: ReadonlyMap<string, ReadonlyArray<{ lemmas: readonly string[]; token: string }>>;
}

/** Builds the table with the item lemmatiser, so forms fold exactly as item text does. */
export function buildAliases(lemmatise: (text: string) => string[]): AliasTable {
  const byFirst = new Map<string, Array<{ lemmas: string[]; token: string }>>();
  for (const forms of [...INSTITUTIONS, ...REGIONS]) {
    const token = lemmatise(forms[0] as string).join(" ");
    for (const form of forms) {
      const lemmas = lemmatise(form);
      const first = lemmas[0];
      if (first === undefined) continue;
      const list = byFirst.get(first) ?? [];
      list.push({ lemmas, token });
      list.sort((x, y) => y.lemmas.length - x.lemmas.length);
      byFirst.set(first, list);
    }
  }
  return { byFirst };
}

/**
 * The token and length of the longest institution form starting at `at` in a lemma sequence, or null.
 */
export function aliasAt(
  table: AliasTable,
  lemmas: readonly string[],
  at: number,
): { token: string; length: number } | null {
  const forms = table.byFirst.get(lemmas[at] as string);
  if (!forms) return null;
  for (const form of forms) {
    let i = 1;
    while (i < form.lemmas.length && lemmas[at + i] === form.lemmas[i]) i++;
    if (i === form.lemmas.length) return { token: form.token, length: i };
  }
  return null;
}
