import { createRequire } from "node:module";

/**
 * One-word country names in English and Russian (Turkey, China, Chile, Чили, Чад), from the ISO 3166 names
 * of the `i18n-iso-countries` package, lower case and ё → е. A country's name is always written with a
 * capital, so where it is also an ordinary word («turkey», «fine china», «перец чили») a capitalised query
 * means the country and a lower-case occurrence means the other word (terms.ts).
 */

interface CountryNames {
  readonly countries: Readonly<Record<string, string | readonly string[]>>;
}

let names: ReadonlySet<string> | null = null;

function load(): ReadonlySet<string> {
  const require = createRequire(import.meta.url);
  const found = new Set<string>();
  for (const lang of ["en", "ru"]) {
    const { countries } = require(`i18n-iso-countries/langs/${lang}.json`) as CountryNames;
    for (const value of Object.values(countries)) {
      for (const name of typeof value === "string" ? [value] : value) {
        const word = name.toLowerCase().replaceAll("ё", "е");
        if (/^(?:[a-z]+|[а-я]+)$/.test(word)) found.add(word);
      }
    }
  }
  return found;
}

/** Whether a lower-case word is a one-word country name in English or Russian. */
export function isCountryName(word: string): boolean {
  names ??= load();
  return names.has(word);
}
