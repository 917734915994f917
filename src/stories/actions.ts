/**
 * What a headline says happened, beyond who and how much: its main verb, the cause it gives and its
 * scope. One body doing another thing with the same object («Минфин разместил ОФЗ» / «Минфин отменил
 * аукционы ОФЗ») shares most words with a re-report; these are what tell the two apart.
 */
import type { StoryFeatures } from "./features.js";
import { mentions } from "./mentions.js";

/**
 * Verbs that carry no action of their own: speech and attribution (сообщить, заявить), modality and
 * intention (мочь, планировать, договориться), phase (начать), copulas and values (стать, составить),
 * occurrence (произойти) and support verbs whose noun is the action (провести переговоры, потерпеть
 * крушение, отправить в отставку, получить штраф). The headline's action is the next verb, or none.
 */
export const LIGHT_VERBS: ReadonlySet<string> = new Set([
  "быть",
  "стать",
  "являться",
  "оказаться",
  "составить",
  "составлять",
  "сообщить",
  "сообщать",
  "заявить",
  "заявлять",
  "рассказать",
  "назвать",
  "считать",
  "мочь",
  "начать",
  "начинать",
  "продолжить",
  "планировать",
  "намереваться",
  "собираться",
  "решить",
  "хотеть",
  "договориться",
  "произойти",
  "случиться",
  "провести",
  "проводить",
  "получить",
  "получать",
  "совершить",
  "потерпеть",
  "отправить",
  "взять",
  "дать",
  "оказать",
  // «подвергся атаке», «подвергся обстрелу»: the passive of the noun's action, told from the target's side.
  "подвергнуться",
  "подвергаться",
]);

/**
 * Verbs that report one action in other words: a re-report swaps «сохранил» for «оставил», «снизилась»
 * for «сократила», and names a match, a deal or a term from either side: the winner's and the loser's verb
 * (обыграл / проиграл / одолел), the seller's and the buyer's (продал / купил), a term kept or prolonged
 * (сохранит / продлил). Each line is one action; direction matters (вырос and снизился are two events), the
 * wording within a line and the party telling it do not.
 */
const SAME_ACTION: readonly string[] = [
  "увеличить увеличиться вырасти расти повысить повыситься поднять подняться подорожать превысить нарастить ускориться прибавить укрепиться улучшить",
  "снизить снизиться сократить сократиться понизить понизиться уменьшить уменьшиться упасть подешеветь опуститься замедлиться ослабнуть ухудшить потерять",
  "сохранить оставить продлить",
  "разместить продать купить приобрести",
  "остановить остановиться приостановить прекратить прервать встать ограничить",
  "ввести объявить внести включить",
  "прибыть прилететь приехать",
  "победить побеждать выиграть обыграть проиграть уступить лидировать одолеть переиграть разгромить",
  "отозвать лишить лишиться аннулировать",
  "утвердить принять одобрить",
  "уволить покинуть уйти освободить отстранить",
  "сбить уничтожить перехватить",
  "ожидать прогнозировать спрогнозировать предсказать",
  "загореться гореть вспыхнуть",
  "стартовать запустить",
];

const ACTION_OF = new Map<string, number>();
SAME_ACTION.forEach((line, i) => {
  for (const verb of line.split(" ")) ACTION_OF.set(verb, i);
});

/** Whether the item reports the verb's action: the verb, a word of its family, or a verb of its line. */
function mentionsAction(f: StoryFeatures, verb: string): boolean {
  if (mentions(f, verb)) return true;
  const line = ACTION_OF.get(verb);
  if (line === undefined) return false;
  for (const lemma of f.lemmas.keys()) if (ACTION_OF.get(lemma) === line) return true;
  return false;
}

// The lines of a change up and of a change down: a rise and a fall are two events whatever figure they share.
const UP = 0;
const DOWN = 1;

// A year dates an event and does not identify it: «дивиденды за 2025 год» are paid or postponed.
function isYear(n: string): boolean {
  const x = Number(n);
  return Number.isInteger(x) && x >= 1900 && x <= 2100;
}

/** Whether a figure of one headline (a year aside) is mentioned by the other item: a shared figure is one event. */
function shareFigure(
  a: StoryFeatures,
  b: StoryFeatures,
  mentionsNumber: (f: StoryFeatures, n: string) => boolean,
): boolean {
  for (const n of a.titleNumbers) if (!isYear(n) && mentionsNumber(b, n)) return true;
  for (const n of b.titleNumbers) if (!isYear(n) && mentionsNumber(a, n)) return true;
  return false;
}

/** Whether one verb is a rise and the other a fall. */
function opposite(va: string, vb: string): boolean {
  const la = ACTION_OF.get(va);
  const lb = ACTION_OF.get(vb);
  return (la === UP && lb === DOWN) || (la === DOWN && lb === UP);
}

// Verbs that say an action did not happen or not yet: refused, rejected, put off, denied.
const NON_EVENTS: ReadonlySet<string> = new Set([
  "отказаться",
  "отказать",
  "отклонить",
  "воздержаться",
  "отложить",
  "перенести",
  "отсрочить",
  "опровергнуть",
]);

// A court refusing a claim or a complaint is a verdict, not a non-event: the claimant lost, the other side won.
const WIN = ACTION_OF.get("выиграть") as number;
const CLAIMS: ReadonlySet<string> = new Set(["иск", "жалоба", "требование", "претензия", "заявление"]);

/** Whether the headline is a claim refused («отказал «Мечелу» в иске», «отклонил жалобу»): a contest's outcome. */
function refusedClaim(f: StoryFeatures): boolean {
  const verb = f.titlePredicate;
  if (verb !== "отказать" && verb !== "отклонить") return false;
  for (const w of f.titleWords) if (CLAIMS.has(w)) return true;
  return false;
}

/** Whether one headline is a claim refused and the other a win or a loss: one verdict told from either side. */
function verdictPair(a: StoryFeatures, b: StoryFeatures): boolean {
  const side = (x: StoryFeatures, y: StoryFeatures) =>
    refusedClaim(x) && ACTION_OF.get(y.titlePredicate as string) === WIN;
  return side(a, b) || side(b, a);
}

// A halt or a cancellation is said either way («приостановил продажи» / «не будет продавать»): no side.
const STOP = ACTION_OF.get("остановить") as number;
const CANCEL: ReadonlySet<string> = new Set(["отменить", "отмениться"]);
// «не стал менять ставку» is «сохранил ставку»: a change negated is the keeping line.
const KEEP = ACTION_OF.get("сохранить") as number;
const CHANGES: ReadonlySet<string> = new Set(["изменить", "изменять", "менять", "поменять", "пересмотреть"]);

// Negated, these say a thing may happen: «не исключил», «не отрицает».
const DOUBLE_NEGATIVES: ReadonlySet<string> = new Set(["исключить", "исключать", "отрицать"]);

/** Whether the headline says its action did not happen: negated («не стал», «не будет») or a refusal verb. */
function negative(f: StoryFeatures): boolean {
  const verb = f.titlePredicate as string;
  return (f.titleNegated && !DOUBLE_NEGATIVES.has(verb)) || NON_EVENTS.has(verb);
}

/** Whether the headline negates a change («не стал менять», «не будет повышать»): it reports a keeping. */
function negatedChange(f: StoryFeatures): boolean {
  const verb = f.titlePredicate as string;
  const line = ACTION_OF.get(verb);
  return f.titleNegated && (CHANGES.has(verb) || line === UP || line === DOWN);
}

function neutral(verb: string): boolean {
  return ACTION_OF.get(verb) === STOP || CANCEL.has(verb);
}

// Actions that undo each other: a ban lifted, a halt resumed, an arrest ended. Each pair is judged on the two
// headlines' predicates: the undoing item names what it undoes («отменили режим ЧС, введенный…»).
const REVERSALS: readonly (readonly [string, string])[] = [
  ["ввести объявить ввестись", "отменить снять отмениться"],
  ["остановить приостановить прекратить закрыть", "возобновить открыть"],
  ["арестовать задержать", "освободить отпустить"],
];
const REVERSAL_OF = new Map<string, { pair: number; side: number }>();
REVERSALS.forEach((pair, i) => {
  pair.forEach((verbs, side) => {
    for (const verb of verbs.split(" ")) REVERSAL_OF.set(verb, { pair: i, side });
  });
});

/** Whether one headline's action undoes the other's: «ввел режим ЧС» / «отменили режим ЧС». */
export function reversalConflict(a: StoryFeatures, b: StoryFeatures): boolean {
  const ra = REVERSAL_OF.get(a.titlePredicate as string);
  const rb = REVERSAL_OF.get(b.titlePredicate as string);
  return ra !== undefined && rb !== undefined && ra.pair === rb.pair && ra.side !== rb.side;
}

/**
 * Whether one headline says its action did not happen and the other says one did: «суд оштрафовал Apple» /
 * «суд отказался оштрафовать Apple», «ВТБ выплатит дивиденды» / «ВТБ перенес решение о дивидендах». Judged
 * on the two headlines' predicates only: a lead may name the refused action («отказ», «выплата») either way.
 * A claim refused is a verdict, one with «проиграл спор» / «выиграла суд» told by the other party.
 * A halt or a cancellation takes no side, and a negated change is a keeping (не стал менять / сохранил); an
 * action undone by the other headline's («ввел» / «отменил», «приостановил» / «возобновил») is a conflict.
 */
export function polarityConflict(a: StoryFeatures, b: StoryFeatures): boolean {
  const va = a.titlePredicate;
  const vb = b.titlePredicate;
  if (va === null || vb === null) return false;
  if (reversalConflict(a, b)) return true;
  if (verdictPair(a, b)) return false;
  if (negative(a) === negative(b) || neutral(va) || neutral(vb)) return false;
  if (negatedChange(a) && ACTION_OF.get(vb) === KEEP) return false;
  if (negatedChange(b) && ACTION_OF.get(va) === KEEP) return false;
  return true;
}

/**
 * Whether the headlines report another action: each has a main verb, and neither item reports the other's
 * (in any form, its family or a verb of the same action). Not when a headline figure is shared: «ЦБ
 * установил курс 82,15» and «курс опустился до 82,15» are one event told from two sides.
 */
export function actionsConflict(
  a: StoryFeatures,
  b: StoryFeatures,
  mentionsNumber: (f: StoryFeatures, n: string) => boolean,
): boolean {
  const va = a.titlePredicate;
  const vb = b.titlePredicate;
  if (va === null || vb === null || va === vb) return false;
  if (mentionsAction(b, va) || mentionsAction(a, vb) || verdictPair(a, b)) return false;
  return opposite(va, vb) || !shareFigure(a, b, mentionsNumber);
}

// Words that tell a later step of an event already reported: prolonged, appealed, again. «еще», «вновь»,
// «снова» are left out: wires write «нефть вновь подешевела» of the same fall.
const FOLLOW_UPS: ReadonlySet<string> = new Set([
  "продлить",
  "продлевать",
  "продлиться",
  "продление",
  "апелляция",
  "апелляционный",
  "обжаловать",
  "обжаловывать",
  "обжалование",
  "кассация",
  "кассационный",
  "повторно",
  "повторный",
]);

function followsUp(words: Iterable<string>): boolean {
  for (const w of words) if (FOLLOW_UPS.has(w)) return true;
  return false;
}

// A term added without «продлить» («сохранит лимит еще на полгода», see markers.ts) is a prolongation too.
const titleFollows = (f: StoryFeatures) => followsUp(f.titleWords) || f.prolongation === "title";
const speaksOfFollowUp = (f: StoryFeatures) => followsUp(f.lemmas.keys()) || f.prolongation !== null;

/**
 * Whether one headline tells a follow-up of the event (a prolongation, an appeal, a repeat) and the other item
 * never speaks of one: «суд арестовал» / «суд продлил арест», «оштрафовал» / «повторно оштрафовали». The
 * follow-up names the first event in its own words, so it shares them all; only this marker tells it apart.
 */
export function followUpConflict(a: StoryFeatures, b: StoryFeatures): boolean {
  return (titleFollows(a) && !speaksOfFollowUp(b)) || (titleFollows(b) && !speaksOfFollowUp(a));
}

/**
 * Whether the headlines give two causes: each names one («из-за технического сбоя» / «из-за резкого роста
 * цены») and neither item mentions the other's (its head noun: сбой, рост). A halt for a failure and a halt
 * for a price jump are two halts.
 */
export function causesConflict(a: StoryFeatures, b: StoryFeatures): boolean {
  if (a.titleCause === null || b.titleCause === null) return false;
  return !mentions(b, a.titleCause) && !mentions(a, b.titleCause);
}

/**
 * Whether one headline is about the whole («торги всеми инструментами») and the other about a part
 * («торги одной акцией»), and neither item says the other's.
 */
export function scopesConflict(a: StoryFeatures, b: StoryFeatures): boolean {
  return (
    a.titleScope !== null &&
    b.titleScope !== null &&
    a.titleScope !== b.titleScope &&
    !a.scopes.has(b.titleScope) &&
    !b.scopes.has(a.titleScope)
  );
}
