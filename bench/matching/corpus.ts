/**
 * Deterministic synthetic news and subscriptions for the matching benchmark: Russian and English
 * headlines with inflected words, and a realistic mix of query shapes over a Zipf-like vocabulary.
 */
import { lexemeForms } from "../../src/matching/morphology.js";

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
const LONG_RU = RU.filter((w) => w.length >= 6);
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
  const forms = lexemeForms(word.toLowerCase()) ?? [word.toLowerCase()];
  const capital = word[0] !== word[0]?.toLowerCase();
  return capital ? forms.map((f) => f[0]?.toUpperCase() + f.slice(1)) : forms;
}

/** Picks with a Zipf-like skew: low indexes are much more frequent, like real news vocabulary. */
function zipf(next: () => number, n: number): number {
  return Math.min(n - 1, Math.floor(n ** next() - 1));
}

/** 10,000-style items: headline + summary, 70 % Russian, 30 % English. */
export function makeItems(count: number, seed: number): Array<{ title: string; summary: string }> {
  const next = rng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const ruForms = RU.map(formsOf);
  const enForms = EN.map(formsOf);
  const items: Array<{ title: string; summary: string }> = [];
  for (let i = 0; i < count; i++) {
    const english = next() < 0.3;
    const sentence = (words: number): string => {
      const out: string[] = [];
      for (let w = 0; w < words; w++) {
        const r = next();
        if (r < 0.35) out.push(pick(english ? FILLER_EN : FILLER_RU));
        else if (r < 0.42) out.push(pick(english ? EN_ABBR : ABBR));
        else if (r < 0.46 && !english) out.push(...pick(RU_ADJ_NOUN));
        else
          out.push(
            pick(
              (english ? enForms : ruForms)[zipf(next, english ? EN.length : RU.length)] as readonly string[],
            ),
          );
      }
      return out.join(" ");
    };
    const title = sentence(7 + Math.floor(next() * 6));
    const summary = `<p>${sentence(20 + Math.floor(next() * 25))}.&nbsp;${sentence(10 + Math.floor(next() * 10))}.</p>`;
    items.push({ title, summary });
  }
  return items;
}

/** Subscriptions in a realistic mix of shapes: words, pairs, phrases, prefixes, exclusions, OR, abbreviations. */
export function makeQueries(count: number, seed: number): string[] {
  const next = rng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const word = (): string => {
    const r = next();
    if (r < 0.12) return pick(ABBR);
    if (r < 0.27) return (EN[zipf(next, EN.length)] as string).toLowerCase();
    if (r < 0.3) return pick(EN_ABBR);
    return RU[zipf(next, RU.length)] as string;
  };
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const r = next();
    if (r < 0.4) out.push(word());
    else if (r < 0.62) out.push(`${word()} ${word()}`);
    else if (r < 0.72) out.push(`"${pick(RU_ADJ_NOUN).join(" ")}"`);
    else if (r < 0.8)
      out.push(`${(LONG_RU[zipf(next, LONG_RU.length)] as string).slice(0, 4 + Math.floor(next() * 3))}*`);
    else if (r < 0.9) out.push(`${word()} -${word()}`);
    else if (r < 0.97) out.push(`${word()} OR ${word()}`);
    else out.push(`${word()} ${word()} ${word()}`);
  }
  return out;
}
