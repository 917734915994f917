/**
 * Word forms for Russian words the dictionary does not know — mostly names and brands (Росатом,
 * Байден, Набиуллина). Snowball cuts such words inconsistently (Росатом → росат, Росатома → росатом),
 * so instead the query word is declined by its ending into a closed list of exact forms.
 */

// Each rule: the ending to cut, and the endings that replace it. Longest ending first.
const RULES: Array<[string, readonly string[]]> = [
  // Surnames and towns in -ов/-ев/-ин: Путин, Путина, Путиным, Путине; no «-ом» (that is a noun ending).
  ["ов", ["ов", "ова", "ову", "овым", "ове", "овы", "овых", "овыми", "овой"]],
  ["ев", ["ев", "ева", "еву", "евым", "еве", "евы", "евых", "евыми", "евой"]],
  ["ин", ["ин", "ина", "ину", "иным", "ине", "ины", "иных", "иными", "иной", "ином"]],
  ["ова", ["ова", "овой", "ову", "овы", "овых"]],
  ["ева", ["ева", "евой", "еву", "евы", "евых"]],
  ["ина", ["ина", "иной", "ину", "ины", "иных"]],
  // Adjective-like names: Сбербанковский, Газпромовская…
  [
    "ский",
    ["ский", "ского", "скому", "ским", "ском", "ская", "ской", "скую", "ское", "ские", "ских", "скими"],
  ],
  ["ская", ["ская", "ской", "скую", "ские", "ских", "скими"]],
  ["ий", ["ий", "ия", "ию", "ием", "ии", "иев", "иям", "иями", "иях", "ие"]],
  ["ия", ["ия", "ии", "ию", "ией", "ий", "иям", "иями", "иях"]],
  ["ай", ["ай", "ая", "аю", "аем", "ае", "аи", "аев", "аям", "аями", "аях"]],
  ["ей", ["ей", "ея", "ею", "еем", "ее", "еи", "еев", "еям", "еями", "еях"]],
  ["ой", ["ой", "оя", "ою", "оем", "ое", "ои", "оев", "оям", "оями", "оях"]],
  ["й", ["й", "я", "ю", "ем", "е", "и", "ев", "ям", "ями", "ях"]],
  ["ь", ["ь", "я", "ю", "ем", "е", "и", "ей", "ям", "ями", "ях", "ью"]],
  ["а", ["а", "ы", "и", "е", "у", "ой", "ою", "ам", "ами", "ах", ""]],
  ["я", ["я", "и", "е", "ю", "ей", "ею", "ям", "ями", "ях", "ь"]],
];

const CONSONANT_ENDINGS = ["", "а", "у", "ом", "е", "ы", "ов", "ам", "ами", "ах"];
// After ж ш ч щ ц the unstressed endings are spelt differently (Кац → Кацем, Бадж → Баджи).
const SIBILANT_ENDINGS = ["", "а", "у", "ом", "ем", "е", "и", "ы", "ей", "ев", "ов", "ам", "ами", "ах"];
const VELAR_ENDINGS = ["", "а", "у", "ом", "е", "и", "ов", "ам", "ами", "ах"];
const CONSONANT = /[бвгджзклмнпрстфхцчшщ]$/;

/**
 * Declines an unknown lower-case Cyrillic word by its ending. Words ending in a vowel other than
 * а/я (Токио, Рено, Сочи) are usually indeclinable and keep only their own form; so do short words,
 * where a guessed ending would too easily hit another real word.
 */
export function guessForms(word: string): string[] {
  if (word.length < 4 || !/^[а-я]+$/.test(word)) return [word];
  for (const [ending, replacements] of RULES) {
    if (!word.endsWith(ending)) continue;
    const stem = word.slice(0, word.length - ending.length);
    if (stem.length < 2) break;
    return unique(
      replacements.map((r) => stem + r),
      word,
    );
  }
  if (!CONSONANT.test(word)) return [word];
  const last = word[word.length - 1] as string;
  const endings = "жшчщц".includes(last)
    ? SIBILANT_ENDINGS
    : "гкх".includes(last)
      ? VELAR_ENDINGS
      : CONSONANT_ENDINGS;
  return unique(
    endings.map((e) => word + e),
    word,
  );
}

function unique(forms: string[], word: string): string[] {
  const set = new Set(forms.filter((f) => f.length >= 3));
  set.add(word);
  return [...set];
}
