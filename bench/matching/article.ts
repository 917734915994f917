/**
 * Full texts for the matching benchmark, written the way an article is: about its headline's subject,
 * which it names again and again, in prose made mostly of words nobody subscribes to. The first bodies
 * (issue 11, rounds 1–3) drew every content word from the subscription vocabulary, so each article named
 * ≈ 250 different followed words and matched ≈ 1 % of all subscriptions; that body is kept as the
 * "stress" kind.
 */

/** Common Russian news prose (lemmas): reporting verbs, time, quantity and generic nouns — no bench query uses them. */
const PROSE_RU =
  `заявить сообщить отметить подчеркнуть добавить уточнить рассказать пояснить напомнить считать
говорить ожидать планировать составить увеличиться снизиться вырасти сократиться достигнуть превысить остаться
начать продолжить завершить получить принять рассмотреть обсудить предложить подписать объявить провести
год месяц неделя день время период квартал начало конец середина итог результат уровень показатель объем
рост снижение изменение число количество доля часть половина процент тысяча миллион миллиард триллион
вопрос решение проект план работа система условие мера срок этап случай ситуация положение задача цель
данные информация источник представитель эксперт аналитик специалист участник сторона организация ведомство
собеседник агентство издание сайт заявление документ письмо сообщение отчет оценка прогноз мнение позиция
ранее позднее также однако кроме поэтому сейчас сегодня вчера накануне примерно почти лишь только еще
новый прошлый текущий следующий первый второй крупный основной значительный высокий низкий общий местный`
    .split(/\s+/)
    .filter(Boolean);
const PROSE_EN = `say said tell add note expect plan reach rise fall remain begin continue receive agree
year month week day time period quarter start end result level volume growth decline change number share
part percent thousand million billion question decision project work system condition measure term stage
data information source spokesperson analyst expert official statement document letter estimate forecast
earlier later also however since before while during about nearly only still first second major main high low`
  .split(/\s+/)
  .filter(Boolean);

/** What a body is made of: the shares of its words, in order of the draw. */
export interface BodyMix {
  /** function words (в, на, the, of…) */
  readonly filler: number;
  /** prose words from the lists above */
  readonly prose: number;
  /** the headline's own followed words named again */
  readonly subject: number;
  /** the rest: other followed words from the vocabulary, as headlines draw them */
}

/** An article: a third function words, 40 % prose, 12 % the subject again, 13 % other followed words. */
export const ARTICLE: BodyMix = { filler: 0.35, prose: 0.4, subject: 0.12 };
/** The first bodies: every content word a followed word, as in the headline generator. */
export const STRESS: BodyMix = { filler: 0.35, prose: 0, subject: 0 };

/** The body kinds by name, for BENCH_BODY. */
export const BODY_KINDS = { article: ARTICLE, stress: STRESS } as const;

/** What a body word is, drawn with r ∈ [0, 1): function word, prose word, the subject again or another followed word. */
export function bodyWordKind(mix: BodyMix, r: number): "filler" | "prose" | "subject" | "other" {
  if (r < mix.filler) return "filler";
  if (r < mix.filler + mix.prose) return "prose";
  return r < mix.filler + mix.prose + mix.subject ? "subject" : "other";
}

/** The prose lemmas of a language. */
export function proseWords(english: boolean): readonly string[] {
  return english ? PROSE_EN : PROSE_RU;
}
