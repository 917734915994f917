/**
 * Deterministic synthetic news and subscriptions for the matching benchmark: Russian and English
 * headlines with inflected words, and a realistic mix of query shapes over a Zipf-like vocabulary.
 */
import { guessForms } from "../../src/matching/words/guess-forms.js";
import { lexemeForms } from "../../src/matching/words/morphology.js";
import { ARTICLE, type BodyMix, bodyWordKind, proseWords } from "./article.js";

/** Mulberry32: tiny, fast, seeded, good enough for test data. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const RU =
  `нефть газ литий никель медь сталь золото серебро уголь алюминий кобальт уран платина палладий пшеница
ставка инфляция рубль доллар юань евро биржа акция облигация дивиденд кредит ипотека банк бюджет налог пошлина
санкция экспорт импорт поставка добыча месторождение завод комбинат шахта рудник трубопровод танкер порт
электростанция энергетика реактор аккумулятор батарея автомобиль электромобиль самолет вагон металл руда
правительство министр президент губернатор депутат суд прокуратура полиция армия граница выборы закон указ
компания корпорация холдинг концерн стартап инвестиция сделка слияние прибыль выручка убыток отчетность
Россия Китай США Индия Турция Казахстан Белоруссия Украина Германия Франция Япония Иран Чили Австралия
Москва Петербург Шанхай Пекин Лондон Вашингтон Казань Новосибирск Екатеринбург Владивосток Мурманск Норильск
Газпром Роснефть Лукойл Новатэк Сбербанк ВТБ Росатом Норникель Русал Северсталь Аэрофлот Яндекс Сибур Полюс
Путин Мишустин Набиуллина Силуанов Лавров Трамп Байден Макрон Си Моди Эрдоган Иванов Петров Сечин Миллер
кластер технология искусственный интеллект спутник ракета космодром вакцина больница школа университет
редкоземельный ключевой цифровой нефтяной газовый угольный атомный ядерный арктический федеральный
погода наводнение пожар землетрясение авария урожай засуха морской северный южный`
    .split(/\s+/)
    .filter(Boolean);
const ABBR = "ЦБ РЗМ ИИ РАН МИД ФРС ОПЕК ЕС НАТО ВВП НДС СПГ АЭС ГЭС ФАС МВФ ВТО РЖД ФНС ЦИК".split(" ");
const EN = `oil gas lithium nickel copper steel gold silver coal aluminium cobalt uranium wheat rate inflation
dollar yuan euro market stock bond dividend credit mortgage bank budget tax tariff sanction export import supply
mining deposit plant mine pipeline tanker port reactor battery car vehicle aircraft metal ore rare earth magnet
government minister president governor court police army border election law company corporation startup
investment deal merger profit revenue loss report China India Russia Japan Germany France Chile Australia
London Washington Beijing Shanghai chip semiconductor satellite rocket vaccine hospital school university`
  .split(/\s+/)
  .filter(Boolean);
const EN_ABBR = "AI MGC IMF ECB WTO OPEC EU NATO GDP LNG EV".split(" ");
const FILLER_RU = "в на и с по за что не из о от до для как уже также после более около при".split(" ");
const FILLER_EN = "the a of in on and to for with from by as at after over new says will".split(" ");
const RU_ADJ_NOUN: Array<[string, string]> = [
  ["редкоземельные", "металлы"],
  ["ключевая", "ставка"],
  ["искусственный", "интеллект"],
  ["атомная", "электростанция"],
  ["цифровой", "рубль"],
  ["нефтяная", "компания"],
  ["морской", "порт"],
  ["федеральный", "бюджет"],
];

function formsOf(word: string): readonly string[] {
  if (/^[A-Za-z]/.test(word))
    return /^[A-Z]{2,}$/.test(word) ? [word] : [word.toLowerCase(), `${word.toLowerCase()}s`];
  if (/^[А-Я]{2,}$/.test(word)) return [word];
  const lower = word.toLowerCase();
  const forms = lexemeForms(lower) ?? guessForms(lower);
  const capital = word[0] !== word[0]?.toLowerCase();
  return capital ? forms.map((f) => f[0]?.toUpperCase() + f.slice(1)) : forms;
}

/**
 * The long tail real subscriptions live in (companies, people, places, products): pseudo-words built
 * from syllables, declined like unknown names, half of them capitalised.
 */
function syntheticWords(count: number, latin: boolean, next: () => number): string[] {
  const consonants = latin ? "bcdfgklmnprstvz" : "бвгдзклмнпрстфхш";
  const vowels = latin ? "aeiou" : "аоуиеы";
  const endings = latin ? ["", "n", "r", "x", "s"] : ["", "н", "р", "к", "ов", "ин", "а", "ия", "ск"];
  const seen = new Set<string>();
  while (seen.size < count) {
    let w = "";
    const syllables = 2 + Math.floor(next() * 3);
    for (let i = 0; i < syllables; i++) {
      w += consonants[Math.floor(next() * consonants.length)];
      w += vowels[Math.floor(next() * vowels.length)];
    }
    w += endings[Math.floor(next() * endings.length)];
    if (next() < 0.5) w = (w[0] as string).toUpperCase() + w.slice(1);
    seen.add(w);
  }
  return [...seen];
}

/** Vocabulary: real news words at the head (rank order), then the synthetic long tail. */
export interface Vocabulary {
  readonly ru: readonly string[];
  readonly en: readonly string[];
}

/** Builds the shared vocabulary deterministically; `head: false` leaves out the real news words. */
export function makeVocabulary(seed: number, tail = 30_000, head = true): Vocabulary {
  const next = rng(seed);
  const ru = syntheticWords(tail, false, next);
  const en = syntheticWords(tail / 3, true, next);
  return head ? { ru: [...RU, ...ru], en: [...EN, ...en] } : { ru, en };
}

/** Rank r drawn with P ∝ 1 / (r + offset): Zipf-like, flattened at the head. */
function zipf(next: () => number, n: number, offset: number): number {
  const r = Math.floor(offset * ((n + offset) / offset) ** next() - offset);
  return Math.min(n - 1, Math.max(0, r));
}

/**
 * Items: headline + summary with HTML, 70 % Russian, 30 % English, words in random inflected forms;
 * `extras: false` leaves out abbreviations and set phrases. With `bodyChars` > 0 each carries a full text
 * of about that many characters of HTML, made as `body` says (article.ts).
 */
export function makeItems(
  count: number,
  seed: number,
  vocab: Vocabulary,
  extras = true,
  bodyChars = 0,
  body: BodyMix = ARTICLE,
): GeneratedItem[] {
  const next = rng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const formCache = new Map<string, readonly string[]>();
  const forms = (w: string) => formCache.get(w) ?? (formCache.set(w, formsOf(w)).get(w) as readonly string[]);
  const items: GeneratedItem[] = [];
  for (let i = 0; i < count; i++) {
    const english = next() < 0.3;
    const words = english ? vocab.en : vocab.ru;
    const filler = english ? FILLER_EN : FILLER_RU;
    // The followed words the headline names: what its article is about.
    const subject: string[] = [];
    const followed = (): string => {
      const word = words[zipf(next, words.length, 50)] as string;
      subject.push(word);
      return pick(forms(word));
    };
    const sentence = (length: number): string => {
      const out: string[] = [];
      for (let w = 0; w < length; w++) {
        const r = next();
        if (r < 0.35) out.push(pick(filler));
        else if (r < 0.36 && extras) out.push(pick(english ? EN_ABBR : ABBR));
        else if (r < 0.365 && extras && !english) out.push(...pick(RU_ADJ_NOUN));
        else out.push(followed());
      }
      return out.join(" ");
    };
    const title = sentence(7 + Math.floor(next() * 6));
    const about = subject.slice();
    const summary = `<p>${sentence(20 + Math.floor(next() * 25))}.&nbsp;${sentence(10 + Math.floor(next() * 10))}.</p>`;
    const source = pick(SOURCES);
    if (bodyChars === 0) {
      items.push({ title, summary, source });
      continue;
    }
    const articleSentence = (length: number): string => {
      const out: string[] = [];
      for (let w = 0; w < length; w++) {
        const kind = bodyWordKind(body, next());
        if (kind === "filler") out.push(pick(filler));
        else if (kind === "prose")
          out.push(english ? pick(proseWords(true)) : pick(forms(pick(proseWords(false)))));
        else if (kind === "subject" && about.length > 0) out.push(pick(forms(pick(about))));
        else if (next() < 0.01 && extras) out.push(pick(english ? EN_ABBR : ABBR));
        else out.push(followed());
      }
      return out.join(" ");
    };
    // The stress body is made exactly as the first rounds made it, so their figures compare.
    const bodySentence = body.prose === 0 && body.subject === 0 ? sentence : articleSentence;
    // A full article: paragraphs of sentences up to about bodyChars characters of HTML.
    const paragraphs: string[] = [];
    let size = 0;
    while (size < bodyChars) {
      const p = `<p>${bodySentence(12 + Math.floor(next() * 14))}. ${bodySentence(8 + Math.floor(next() * 10))}.</p>`;
      paragraphs.push(p);
      size += p.length;
    }
    items.push({ title, summary, source, body: paragraphs.join("\n") });
  }
  return items;
}

/** A generated news item; `source` is its feed's host and title, `body` the full text when asked for. */
export interface GeneratedItem {
  title: string;
  summary: string;
  source: string;
  body?: string;
}

/** Feed hosts and titles items come from, and the words source: filters use. */
const SOURCES = ["interfax.ru Интерфакс", "lenta.ru Лента.ру", "tass.ru ТАСС", "rbc.ru РБК", "ria.ru РИА"];
const SOURCE_WORDS = ["interfax", "lenta", "tass", "rbc", "ria", "рбк"];

/**
 * Subscriptions in a realistic mix of shapes (words, pairs, phrases, prefixes, exclusions, OR,
 * abbreviations). Words: by default 90 % anywhere in the vocabulary (people follow specific things),
 * 10 % skewed to popular news words; `popular` changes that share.
 */
export function makeQueries(
  count: number,
  seed: number,
  vocab: Vocabulary,
  popular = 0.1,
  operators = false,
): string[] {
  const next = rng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const fromVocab = (words: readonly string[]): string =>
    (next() >= popular ? pick(words) : words[zipf(next, words.length, 500)]) as string;
  const word = (): string => {
    const r = next();
    if (r < 0.02) return pick(ABBR);
    if (r < 0.16) return fromVocab(vocab.en).toLowerCase();
    if (r < 0.165) return pick(EN_ABBR);
    return fromVocab(vocab.ru);
  };
  const long = vocab.ru.filter((w) => w.length >= 6);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const r = next();
    if (r < 0.4) out.push(word());
    else if (r < 0.62) out.push(`${word()} ${word()}`);
    else if (r < 0.625) out.push(`"${pick(RU_ADJ_NOUN).join(" ")}"`);
    else if (r < 0.7) out.push(`"${fromVocab(vocab.ru)} ${fromVocab(vocab.ru)}"`);
    else if (r < 0.78) out.push(`${fromVocab(long).slice(0, 4 + Math.floor(next() * 3))}*`);
    else if (r < 0.88) out.push(`${word()} -${word()}`);
    else if (r < 0.96) out.push(`${word()} OR ${word()}`);
    else out.push(`${word()} ${word()} ${word()}`);
    if (!operators) continue;
    // The operators of issue 11: 5 % NEAR instead, 5 % with a source: filter added.
    const o = next();
    if (o < 0.05) out[out.length - 1] = `${word()} NEAR/${1 + Math.floor(next() * 8)} ${word()}`;
    else if (o < 0.1) out[out.length - 1] += ` ${next() < 0.5 ? "-" : ""}source:${pick(SOURCE_WORDS)}`;
  }
  return out;
}
