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
]);

/**
 * Verbs that report one action in other words: a re-report swaps «сохранил» for «оставил», «снизилась»
 * for «сократила», and names a match or a vote from either side (обыграл / проиграл). Each line is one
 * action; direction matters (вырос and снизился are two events), the wording within a line does not.
 */
const SAME_ACTION: readonly string[] = [
  "увеличить увеличиться вырасти расти повысить повыситься поднять подняться подорожать превысить нарастить ускориться прибавить укрепиться улучшить",
  "снизить снизиться сократить сократиться понизить понизиться уменьшить уменьшиться упасть подешеветь опуститься замедлиться ослабнуть ухудшить потерять",
  "сохранить оставить",
  "разместить продать",
  "остановить остановиться приостановить прекратить прервать",
  "прибыть прилететь приехать",
  "победить побеждать выиграть обыграть проиграть уступить лидировать",
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

/** Whether a figure of one headline is mentioned by the other item: a shared figure is one event. */
function shareFigure(
  a: StoryFeatures,
  b: StoryFeatures,
  mentionsNumber: (f: StoryFeatures, n: string) => boolean,
) {
  for (const n of a.titleNumbers) if (mentionsNumber(b, n)) return true;
  for (const n of b.titleNumbers) if (mentionsNumber(a, n)) return true;
  return false;
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
  if (mentionsAction(b, va) || mentionsAction(a, vb)) return false;
  return !shareFigure(a, b, mentionsNumber);
}

/**
 * Whether the headlines give two causes: each names one («из-за технического сбоя» / «из-за резкого роста
 * цены») and neither item mentions a word of the other's. A halt for a failure and a halt for a price jump
 * are two halts.
 */
export function causesConflict(a: StoryFeatures, b: StoryFeatures): boolean {
  if (a.titleCause.size === 0 || b.titleCause.size === 0) return false;
  for (const w of a.titleCause) if (mentions(b, w)) return false;
  for (const w of b.titleCause) if (mentions(a, w)) return false;
  return true;
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
