import { escapeHtml } from "../delivery/format.js";

/** The Russian plural form for `n`: plural(2, "запись", "записи", "записей") → "записи". */
export function plural(n: number, one: string, few: string, many: string): string {
  const mod10 = n % 10;
  const mod100 = n % 100;
  if (mod10 === 1 && mod100 !== 11) return one;
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return few;
  return many;
}

// All chat-facing wording lives here so the voice stays consistent and a second language is one file away.

/** Russian texts the bot answers with; values that take input escape it for Telegram HTML. */
export const ru = {
  start: (examples: string[], sources: string) =>
    [
      `👋 Я слежу за ${sources} и присылаю сюда заголовки по вашим темам — в течение минуты-двух, без повторов.`,
      "Добавьте тему командой /subscribe, например:",
      ...examples.map((e) => `• <code>/subscribe ${escapeHtml(e)}</code>`),
      "",
      "Синтаксис и все команды — /help.",
    ].join("\n"),
  /** How /start names the sources: the newswires by name for the built-in list, else a count. */
  sources: (builtIn: boolean, count: number) =>
    builtIn
      ? "лентами новостей (Интерфакс, ТАСС, РИА, Коммерсантъ, РБК, Лента, Ведомости)"
      : `лентами новостей (${count} ${plural(count, "источник", "источника", "источников")})`,
  startDefaults: (queries: string[]) =>
    `Для начала я подписал этот чат на: ${queries.map((q) => `<b>${escapeHtml(q)}</b>`).join(", ")}. Список — /list.`,
  help: [
    "<b>Как писать запросы</b>",
    "<code>литий</code> — слово в любой форме (литий, лития, литием), регистр и ё не важны",
    "<code>редкоземельные металлы</code> — все слова, в любом порядке",
    '<code>"ставка ЦБ"</code> — слова подряд, в этом порядке',
    "<code>редкоземельн*</code> — начало слова",
    "<code>литий OR никель</code> — любое из слов",
    "<code>РЗМ -Китай</code> — но не если есть второе слово",
    "<code>!стали</code> — только эта форма слова",
    "",
    "<b>Команды</b>",
    "/subscribe &lt;запрос&gt; — подписаться (или /add)",
    "/unsubscribe &lt;запрос или номер&gt; — отписаться (или /remove)",
    "/list — мои подписки",
    "/feeds — источники и их состояние",
    "/addfeed &lt;адрес&gt; · /removefeed &lt;адрес или номер&gt; — свои ленты",
    "/export — источники файлом OPML; пришлите .opml-файл, чтобы добавить ленты из него",
    "/pause · /resume — приостановить и возобновить уведомления",
    "/status — настройки чата и состояние бота",
    "",
    "В группах менять настройки могут только администраторы.",
  ].join("\n"),
  notAdmin: "Менять настройки в этом чате могут только администраторы.",
  subscribeUsage: "Напишите, за чем следить, например: <code>/subscribe литий</code>. Синтаксис — /help.",
  badQuery: (why: string) => `Не понял запрос: ${escapeHtml(why)}\nСинтаксис — /help.`,
  subscribed: (n: number, explanation: string) => `✅ Подписка №${n}.\n${escapeHtml(explanation)}`,
  alreadySubscribed: (n: number) => `Такая подписка уже есть (№${n}). Список — /list.`,
  tooManySubscriptions: (max: number) =>
    `В чате уже ${max} подписок — это максимум. Удалите лишние: /unsubscribe.`,
  recentMatches: "Из последних новостей подошли бы:",
  noRecentMatches: "Среди новостей последних суток совпадений пока нет — пришлю, как только появятся.",
  paused: "Уведомления приостановлены. Подписки сохранены; /resume — возобновить.",
  pausedNote: "⏸ Уведомления сейчас на паузе: /resume.",
  alreadyPaused: "Уведомления уже на паузе. /resume — возобновить.",
  resumed: "▶️ Уведомления снова включены.",
  notPaused: "Уведомления и так включены.",
  listEmpty: "Подписок пока нет. Добавьте: <code>/subscribe литий</code>",
  listHeader: "<b>Подписки этого чата</b>",
  unsubscribeChoose: "Какую подписку удалить?",
  unsubscribeNone: "Удалять нечего: подписок нет.",
  unsubscribed: (q: string) => `🗑 Подписка «${escapeHtml(q)}» удалена.`,
  unsubscribeGone: "Этой подписки уже нет. Список — /list.",
  unsubscribeNotFound: (what: string) =>
    `Не нашёл подписку «${escapeHtml(what)}». Список с номерами — /list.`,
  feedLimit: (max: number) =>
    `У чата уже ${max} своих источников — это максимум. /removefeed — удалить лишний.`,
  unknownCommand: "Не знаю такой команды. Список команд — /help.",
  error: "Что-то пошло не так, попробуйте ещё раз чуть позже.",
  alertBatchHeader: (n: number, queries: string) =>
    `📰 <b>${n} ${plural(n, "новость", "новости", "новостей")}</b> · ${escapeHtml(queries)}`,
  alertBacklogHeader: (n: number, queries: string) =>
    `📋 <b>Накопилось много — ${n} ${plural(n, "новость", "новости", "новостей")} списком</b> · ${escapeHtml(queries)}`,
} as const;
