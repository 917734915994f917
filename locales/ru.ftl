# Russian texts of the bot. Values are Telegram HTML; variables arrive already escaped.

## Greeting and help
start-intro =
    👋 Я присылаю сюда новости по вашим темам из { $sources } — в течение минуты-двух, без повторов.
    Нажмите тему, чтобы подписаться, или напишите свою — я сразу покажу, что нашлось бы. Синтаксис — /help.
sources-builtin = лент Интерфакса, ТАСС, РИА, Коммерсанта, РБК, Ленты и Ведомостей
sources-count = { $count } { $count ->
    [one] источника
   *[other] источников
}
start-defaults = Для начала я подписал этот чат на: { $queries }. Список — /list.
start-returning = С возвращением! Запросы этого чата ({ $count }):
start-group-member = Я присылаю в этот чат новости по темам, которые выбрали администраторы. Свои темы можно завести в личном чате со мной: @{ $bot }
btn-own-query = ✏️ Свой запрос
btn-manage = ⚙️ Управлять запросами
ask-query = Напишите, за чем следить: одно или несколько слов, например <code>литий</code> или <code>ставка ЦБ</code>.
ask-query-placeholder = например: литий
help =
    <b>Как писать запросы</b>
    <code>литий</code> — слово в любой форме (литий, лития, литием), регистр и ё не важны
    <code>редкоземельные металлы</code> — все слова, в любом порядке
    <code>"ставка ЦБ"</code> — слова подряд, в этом порядке
    <code>редкоземельн*</code> — начало слова
    <code>литий OR никель</code> — любое из слов
    <code>РЗМ -Китай</code> — но не если есть второе слово
    <code>"Магнит"</code> — слово с заглавной в кавычках: только имя, не «магнит»
    <code>!стали</code> — только эта форма слова
    <code>литий NEAR/5 Китай</code> — оба слова не дальше 5 слов друг от друга
    <code>source:interfax РЗМ</code> — только из источника

    <b>Команды</b>
    /subscribe &lt;запрос&gt; — подписаться (или /add); в личном чате можно просто написать запрос
    /unsubscribe &lt;запрос, номер или «все»&gt; — отписаться (или /remove)
    /list — запросы с кнопками: пауза, удаление
    /feeds — источники и их состояние
    /addfeed &lt;адрес&gt; · /removefeed &lt;адрес или номер&gt; — свои ленты
    /export — источники файлом OPML; пришлите .opml-файл, чтобы добавить ленты из него
    /pause · /resume — приостановить и возобновить уведомления
    /quiet 23:00-08:00 · /quiet off — тихие часы
    /digest hourly · /digest daily 09:00 · /digest off — сводка вместо мгновенных уведомлений
    /tz &lt;пояс или город&gt; — часовой пояс чата
    /lang ru|en — язык
    /channel — управлять каналом из этого чата
    /status — настройки чата и состояние бота

    В группах менять настройки могут только администраторы.

## Errors and refusals
not-admin = Менять настройки в этом чате могут только администраторы.
unknown-command = Не знаю такой команды. Список команд — /help.
error = Что-то пошло не так, попробуйте ещё раз чуть позже.
rate-limited = Слишком много команд подряд — подождите минуту, и я снова отвечу.
menu-outdated = Это меню устарело — откройте /list заново.

## Subscribing
bad-query = Не понял запрос: { $why }
    Синтаксис — /help.
subscribed = ✅ Подписка №{ $n }.
    { $explanation }
already-subscribed = Такая подписка уже есть (№{ $n }). Список — /list.
too-many-subscriptions = В чате уже { $max } подписок — это максимум. Удалите лишние: /list.
recent-matches = Из последних новостей подошли бы:
no-recent-matches = Среди новостей последних суток совпадений пока нет — пришлю, как только появятся.
paused-note = ⏸ Уведомления сейчас на паузе: /resume.
try-understood = 🔎 <code>{ $query }</code>
    { $explanation }
btn-subscribe = ✅ Подписаться
btn-syntax = ❓ Синтаксис
subscribed-in-topic = Уведомления по нему будут приходить в эту тему.

## The list menu
list-empty = Подписок пока нет. Напишите запрос или: <code>/subscribe литий</code>
list-header = <b>Запросы этого чата</b>
list-page = стр. { $page } из { $pages }
list-line = { $n }. <code>{ $query }</code>
list-stats-none = { $muted }за 7 дней: ничего
list-stats = { $muted }за 7 дней: { $hits }, последнее { $last }
list-muted = 🔕 заглушен ·{" "}
btn-prev = ‹ Назад
btn-next = Дальше ›
btn-mute-n = 🔕 { $n }
btn-unmute-n = 🔔 { $n }
btn-delete-n = 🗑 { $n }
btn-delete-all = 🗑 Удалить все
btn-delete-all-confirm = Да, удалить все
btn-cancel = Отмена
delete-all-confirm = Удалить все запросы этого чата ({ $count })? Это не отменить.
deleted-all = 🗑 Удалены все запросы ({ $count }).
unsubscribe-none = Удалять нечего: подписок нет.
unsubscribed = 🗑 Подписка «{ $query }» удалена.
unsubscribe-gone = Этой подписки уже нет. Список — /list.
unsubscribe-not-found = Не нашёл подписку «{ $what }». Список с номерами — /list.
muted = 🔕 Запрос «{ $query }» заглушен: остаётся в /list, уведомлений по нему не будет.
unmuted = 🔔 Запрос «{ $query }» снова присылает новости.

## Alerts
btn-mute-query = 🔕 { $query }
btn-pause-8h = ⏸ Пауза 8 ч

## Pace
pause-ask = На сколько приостановить уведомления? Новости, вышедшие за время паузы, не придут: после неё — только новые. Запросы сохранятся.
btn-pause-1h = 1 ч
btn-pause-8h-short = 8 ч
btn-pause-forever = До /resume
paused-until = ⏸ Уведомления на паузе до { $until }. Новости за это время не придут — после паузы только новые. /resume — включить раньше.
paused-forever = ⏸ Уведомления на паузе до /resume. Новости за это время не придут — после паузы только новые. Запросы сохранены.
pause-usage = Пауза: <code>/pause 1h</code>, <code>/pause 8h</code> или <code>/pause off</code> (до /resume).
resumed = ▶️ Уведомления снова включены.
not-paused = Уведомления и так включены.
quiet-set = 🌙 Тихие часы { $from }–{ $to } ({ $zone }): новости за это время придут одним сообщением в { $to }.
quiet-off = Тихие часы выключены: уведомления приходят сразу.
quiet-usage = Тихие часы: <code>/quiet 23:00-08:00</code> или <code>/quiet off</code>.
digest-hourly = 📰 Сводка раз в час: вместо отдельных уведомлений — одно сообщение в начале каждого часа ({ $zone }).
digest-daily = 📰 Сводка раз в день в { $at } ({ $zone }): вместо отдельных уведомлений — одно сообщение со всем найденным.
digest-off = Сводка выключена: уведомления приходят сразу.
digest-usage = Сводка: <code>/digest hourly</code>, <code>/digest daily 09:00</code> или <code>/digest off</code>.
tz-set = 🕐 Часовой пояс чата: { $zone }, сейчас там { $now }.
tz-unknown = Не знаю такого пояса или города: «{ $what }». Пример: <code>/tz Europe/Moscow</code> или <code>/tz Новосибирск</code>.
tz-usage = Часовой пояс чата сейчас { $zone }. Сменить: <code>/tz Europe/Moscow</code> или <code>/tz Екатеринбург</code>.
lang-set = Язык чата: русский.
lang-usage = Язык: <code>/lang ru</code> или <code>/lang en</code>.

## Channels
channel-ask = Выберите канал, где я администратор, — его запросами можно будет управлять отсюда.
btn-pick-channel = 📢 Выбрать канал
channel-selected = 📢 Теперь команды здесь управляют каналом «{ $title }»: /subscribe, /list, /pause… Вернуться к этому чату — /channel off.
channel-not-admin = Управлять каналом «{ $title }» могут только его администраторы.
channel-bot-not-admin = Сначала сделайте меня администратором канала «{ $title }», чтобы я мог туда писать.
channel-off = Команды снова относятся к этому чату.
channel-only-private = Выбрать канал можно в личном чате со мной.
managing-channel = 📢 Канал «{ $title }».

## Status
status-chat = <b>Этот чат</b>
status-alerts-on = Уведомления: ▶️ включены
status-alerts-paused = Уведомления: ⏸ на паузе (/resume)
status-subscriptions = Подписок: { $count } (/list)
status-feeds = Источников: { $count }, из них своих: { $own } (/feeds)
status-zone = Часовой пояс: { $zone }
status-quiet = Тихие часы: { $from }–{ $to }
status-digest-hourly = Сводка: раз в час
status-digest-daily = Сводка: раз в день в { $at }
status-bot = <b>Бот</b>
status-failing = Источники с ошибками: { $failing } из { $count }
status-last-poll = Последний опрос: { $when }
status-never = ещё не было
status-queue = Ждут отправки в этот чат: { $pending }

## Feeds
feeds-shared = <b>Общие источники</b>
feeds-own = <b>Свои источники</b>
feeds-no-own = Своих источников нет: /addfeed &lt;адрес ленты&gt;
feed-failing = ⚠️ { $error } ({ $count } { $count ->
    [one] раз
    [few] раза
   *[many] раз
} подряд{ $since })
feed-last-success = , последний успех { $when }
feed-error = ошибка
feed-ok = ✅ { $when }, новостей: { $items }
feed-never = ⏳ ещё не опрашивался
addfeed-usage = Пришлите адрес ленты: <code>/addfeed https://example.ru/rss</code>
removefeed-usage = Укажите адрес или номер своей ленты из /feeds: <code>/removefeed 1</code>
removefeed-not-found = Такой своей ленты нет. Общие источники удалить нельзя; список — /feeds.
feed-removed = 🗑 Лента «{ $name }» удалена.
feed-added = ✅ Лента «{ $name }» добавлена (сейчас в ней { $items } { $items ->
    [one] запись
    [few] записи
   *[many] записей
}). Новые материалы начну проверять со следующего опроса.
feed-page = Это страница, а не лента. На ней нашлись ленты:
feed-failed = Не получилось добавить ленту: { $reason }
feed-not-http = Не получилось добавить ленту: нужен адрес вида https://…
feed-limit = У чата уже { $max } своих источников — это максимум. /removefeed — удалить лишний.
feed-shared = Эта лента уже есть среди общих источников — добавлять не нужно.
feed-exists = Эта лента уже добавлена. Список — /feeds.
feed-busy = Ещё проверяю предыдущую ленту — подождите ответа.

## OPML
opml-unreadable = Не получилось прочитать файл: { $reason }
opml-empty = В файле нет ни одной ленты (элементов outline с xmlUrl).
opml-too-big = Файл слишком большой: OPML до 1 МиБ.
opml-checking = Нашёл { $count } { $count ->
    [one] ленту
    [few] ленты
   *[many] лент
}, проверяю…
opml-summary = <b>Импорт OPML: добавлено { $added } из { $count }</b>
opml-added = добавлена
opml-exists = уже добавлена
opml-shared = уже среди общих
opml-limit = достигнут предел в { $max } своих лент
opml-not-http = не http(s)-адрес
opml-progress = { $finished ->
    [yes] Проверил
   *[other] Проверяю
} ленты из файла: { $done } из { $total }, добавлено { $added }{ $finished ->
    [yes] .
   *[other] …
}
opml-too-many = В файле { $total } лент; проверю первые { $max } — остальные пришлите отдельным файлом.
opml-page = это страница, а не лента
feed-unreachable = сервер не ответил или недоступен

## Command menu
cmd-subscribe = Подписаться на тему: /subscribe литий
cmd-unsubscribe = Отписаться
cmd-list = Мои запросы
cmd-feeds = Источники и их состояние
cmd-addfeed = Добавить свою ленту
cmd-removefeed = Удалить свою ленту
cmd-export = Выгрузить источники в OPML
cmd-pause = Приостановить уведомления
cmd-resume = Возобновить уведомления
cmd-quiet = Тихие часы
cmd-digest = Сводка вместо мгновенных уведомлений
cmd-tz = Часовой пояс
cmd-lang = Язык / Language
cmd-channel = Управлять каналом
cmd-status = Настройки и состояние
cmd-help = Синтаксис запросов и команды
export-caption = Свои источники этого чата: { $own }. Файл можно импортировать в любую читалку RSS или прислать сюда.{ $shared ->
    [0] {""}
   *[other] {"\u000A"}Общие источники бота ({ $shared }) не выгружаются: их адреса знает только владелец бота, названия — в /feeds.
}

## Operators (/stats)
stats-operators-only = Команда /stats доступна только операторам бота.
stats-header = <b>Состояние бота</b>
stats-chats = Чаты: { $active } активных, { $inactive } недоступных
stats-queries = Подписок: { $count }
stats-feeds = Источников: { $all }, с ошибками: { $failing }
stats-alerts-today = Уведомлений отправлено сегодня: { $count }
stats-queue = В очереди: { $pending }, не доставлено: { $failed }
stats-instances = Экземпляров бота: { $count }
stats-instance = • <code>{ $id }</code> — { $role ->
    [leader] ведущий
    [standby] резерв
   *[single] единственный
}{ $lastPoll ->
    [none] {""}
   *[other] , опрос лент { $lastPoll }
}

## Why a feed failed (/addfeed, /feeds, OPML); plain text, the bot escapes it
feed-why-not-url = это не похоже на адрес (URL)
feed-why-scheme = поддерживаются только адреса http и https
feed-why-credentials = адрес с логином или паролем не поддерживается
feed-why-no-host = в адресе нет имени сервера
feed-why-private = адрес ведёт в частную сеть
feed-why-dns = сервер { $host } не найден (DNS)
feed-why-port = порт { $port } не разрешён: ленты принимаются на портах { $ports }
feed-why-compression = сервер сжал ответ неизвестным способом ({ $coding })
feed-why-stopping = опрос прерван: бот останавливается
feed-why-bad-redirect = сервер перенаправил на негодный адрес
feed-why-redirect-loop = перенаправления зациклились
feed-why-too-many-redirects = больше { $max } перенаправлений подряд
feed-why-media = по адресу не лента, а файл { $type }
feed-why-no-answer = сервер не ответил за { $seconds } с
feed-why-slow-body = сервер слишком медленно отдаёт ленту: не уложился в { $seconds } с
feed-why-too-large = лента больше { $size } { $unit ->
        [mib] МиБ
        [kib] КиБ
       *[b] Б
    }
feed-why-refused = сервер отклонил соединение
feed-why-reset = соединение оборвалось
feed-why-dns-failed = сервер не найден (DNS)
feed-why-dns-timeout = DNS не ответил, сервер не найден
feed-why-host-unreachable = сервер недоступен
feed-why-net-unreachable = сеть недоступна
feed-why-tls = ошибка TLS-сертификата сервера
feed-why-not-http = сервер ответил не по протоколу HTTP
feed-why-corrupt = сжатый ответ сервера повреждён
feed-why-network = ошибка сети: { $code }
feed-why-http = HTTP { $status }{ $hint ->
        [auth] : нужна авторизация
        [forbidden] : доступ запрещён
        [not-found] : страница не найдена
        [gone] : лента удалена
        [too-many] : слишком много запросов
        [legal] : недоступно по юридическим причинам
        [unavailable] : сервис временно недоступен
        [server] : ошибка сервера
       *[none] {""}
    }
feed-why-http-retry = HTTP { $status }{ $hint ->
        [too-many] : слишком много запросов
        [unavailable] : сервис временно недоступен
       *[other] {""}
    }, повтор через { $retry } с
feed-why-empty = сервер вернул пустой ответ вместо ленты
feed-why-web-page = это веб-страница, а не RSS/Atom-лента
feed-why-json = это JSON, а не RSS/Atom-лента
feed-why-not-xml = ответ не похож на RSS/Atom-ленту
feed-why-not-rss = документ не похож на RSS или Atom
feed-why-unknown-format = лента в непонятном формате: нет ожидаемых элементов RSS/Atom
feed-why-broken-xml = лента повреждена: ошибка XML
feed-why-broken-xml-at = лента повреждена: ошибка XML в строке { $line }
feed-why-feed-found = это веб-страница, а не лента; похоже, лента здесь: { $url }
feed-why-opml-not-xml = файл не похож на OPML: это не XML
feed-why-opml-no-body = файл не похож на OPML: нет <opml><body>
feed-why-file-url = негодный адрес файла
feed-why-file-not-found = файл не найден: { $path }
feed-why-file-not-found-web = файл не найден: { $path } (для адреса в сети укажите https://)
feed-why-file-open = не удалось открыть файл: { $path }
feed-why-file-read = не удалось прочитать файл: { $path }
feed-why-file-scheme = поддерживаются только адреса http и https и локальные файлы
feed-why-internal = внутренняя ошибка: { $error }

## Query errors (plain text, the bot escapes it)
query-empty = Пустой запрос: напишите хотя бы одно слово, например «литий».
query-too-long = Слишком длинный запрос: не больше { $max } символов, а в этом { $length }.
query-no-words = В запросе нет ни одного слова: нужны буквы или цифры, например «литий».
query-unclosed-quote = Незакрытая кавычка: закройте фразу второй кавычкой, например "ставка ЦБ".
query-empty-phrase = Пустые кавычки: внутри фразы должно быть хотя бы одно слово.
query-only-exclusions = В запросе только исключения: добавьте, что искать, например «РЗМ -Китай».
query-or-usage = OR должно стоять между двумя словами или фразами, например «литий OR никель».
query-not-after-or = Исключение (-слово) нельзя ставить после OR: OR соединяет только то, что ищем.
query-star-not-at-end = Звёздочка ставится только в конце слова, например «редкоземельн*», а не «{ $word }».
query-short-prefix = Перед звёздочкой нужно хотя бы { $min } буквы: «{ $word }» слишком короткое начало.
query-too-many-words = Слишком много слов: не больше { $max } в одном запросе.
query-near-usage = NEAR/n ставится между двумя отдельными словами (не фразами, не исключениями), например «литий NEAR/5 Китай».
query-near-range = NEAR/n: n от 1 до { $max }, например «литий NEAR/5 Китай».
query-source-usage = source: пишется со словом из адреса или названия ленты, например «source:interfax».

## Query explanation (/subscribe and a tried query); plain text, the bot escapes it
explain-one = Пришлю новость, если в заголовке или тексте есть:
explain-all = Пришлю новость, если в заголовке или тексте есть всё это (в любом порядке):
explain-any-of = одно из: { $terms }
explain-or = ИЛИ
explain-not = Но не пришлю, если есть:
explain-sources = Только из лент, в адресе или названии которых есть: { $sources }
explain-not-sources = Кроме лент, в адресе или названии которых есть: { $sources }
explain-near = { $term } — оба слова не дальше { $n } слов друг от друга, в любом порядке:
explain-phrase = { $term } — слова подряд и в этом порядке:
explain-abbr-title = { $word } — сокращение: отдельным словом, заглавными буквами или с заглавной ({ $title }), но не «{ $lower }»
explain-abbr = { $word } — сокращение: только отдельным словом, написанным заглавными буквами (не внутри других слов и не «{ $lower }»)
explain-prefix = { $word } — любое слово, которое начинается на «{ $prefix }»
explain-exact = { $word } — только эта форма: «{ $form }»
explain-whole = { $word } — только это слово целиком
explain-forms = { $word } — { $how ->
        [guess] формы по окончанию
        [english] формы
       *[dictionary] любые формы
    }: { $forms }
explain-name = { $word } — только с заглавной буквы, как имя: не «{ $lower }»
explain-rivals = { $word } — не путаю с { $rivals }

## Derived words (/subscribe)
widen-button = ➕ Ещё и { $words }
widened = Запрос расширен: <code>{ $query }</code>
widen-gone = Этой подписки уже нет или расширять нечего. Список — /list.
name-button = 🔤 Только { $names } с заглавной буквы
named = Теперь только с заглавной: <code>{ $query }</code>
name-gone = Этой подписки уже нет или уточнять нечего. Список — /list.

## Alert batches
alert-batch-header = 📰 <b>{ $count } { $count ->
    [one] новость
    [few] новости
   *[many] новостей
}</b> · { $queries }
alert-backlog-header = 📋 <b>Накопилось много — { $count } { $count ->
    [one] новость
    [few] новости
   *[many] новостей
} списком</b> · { $queries }
alert-digest-header = 🗞 <b>Сводка: { $count } { $count ->
    [one] новость
    [few] новости
   *[many] новостей
}</b> · { $queries }
alert-untitled = (без заголовка)
