# English texts of the bot. Values are Telegram HTML; variables arrive already escaped.

## Greeting and help
start-intro =
    👋 I send news on your topics here from { $sources }, within a minute or two, never twice.
    Tap a topic to subscribe, or write your own — I'll show at once what it would have caught. Syntax: /help.
sources-builtin = Interfax, TASS, RIA, Kommersant, RBC, Lenta and Vedomosti
sources-count = { $count } { $count ->
    [one] source
   *[other] sources
}
start-defaults = To begin with, I subscribed this chat to: { $queries }. The list: /list.
start-returning = Welcome back! This chat's queries ({ $count }):
start-group-member = I send this chat news on the topics its administrators chose. You can set up your own topics in a private chat with me: @{ $bot }
btn-own-query = ✏️ My own query
btn-manage = ⚙️ Manage queries
ask-query = Write what to follow: a word or a few, e.g. <code>lithium</code> or <code>ставка ЦБ</code>.
ask-query-placeholder = e.g. lithium
help =
    <b>How to write queries</b>
    <code>литий</code> — the word in any form (литий, лития, литием), case and ё don't matter
    <code>rare earth metals</code> — all the words, in any order
    <code>"ставка ЦБ"</code> — the words next to each other, in this order
    <code>редкоземельн*</code> — a word beginning
    <code>lithium OR nickel</code> — either word
    <code>РЗМ -Китай</code> — but not when the second word is there
    <code>"Shell"</code> — a word with a capital, in quotes: only the name, not «shell»
    <code>!стали</code> — this exact form only
    <code>lithium NEAR/5 China</code> — both words within 5 words of each other
    <code>source:interfax РЗМ</code> — only from that source

    <b>Commands</b>
    /subscribe &lt;query&gt; — subscribe (or /add); in a private chat just write the query
    /unsubscribe &lt;query, number or «all»&gt; — unsubscribe (or /remove)
    /list — queries with buttons: mute, delete
    /feeds — sources and their health
    /addfeed &lt;url&gt; · /removefeed &lt;url or number&gt; — your own feeds
    /export — sources as an OPML file; send an .opml file to add its feeds
    /pause · /resume — pause and resume alerts
    /quiet 23:00-08:00 · /quiet off — quiet hours
    /digest hourly · /digest daily 09:00 · /digest off — a digest instead of instant alerts
    /tz &lt;zone or city&gt; — the chat's time zone
    /lang ru|en — language
    /channel — manage a channel from this chat
    /status — the chat's settings and the bot's health

    In groups only administrators may change settings.

## Errors and refusals
not-admin = Only administrators may change settings in this chat.
unknown-command = I don't know that command. All commands: /help.
error = Something went wrong, please try again a little later.
rate-limited = Too many commands in a row — wait a minute and I'll answer again.
menu-outdated = This menu is out of date — open /list again.

## Subscribing
bad-query = I didn't understand the query: { $why }
    Syntax: /help.
subscribed = ✅ Subscription #{ $n }.
    { $explanation }
already-subscribed = This subscription already exists (#{ $n }). The list: /list.
too-many-subscriptions = This chat already has { $max } subscriptions, the maximum. Remove some: /list.
recent-matches = Among recent news these would have matched:
no-recent-matches = Nothing in the last day's news matches yet — I'll send it as soon as something does.
paused-note = ⏸ Alerts are paused now: /resume.
try-understood = 🔎 <code>{ $query }</code>
    { $explanation }
btn-subscribe = ✅ Subscribe
btn-syntax = ❓ Syntax
subscribed-in-topic = Its alerts will come to this topic.

## The list menu
list-empty = No subscriptions yet. Write a query, or: <code>/subscribe lithium</code>
list-header = <b>This chat's queries</b>
list-page = page { $page } of { $pages }
list-line = { $n }. <code>{ $query }</code>
list-stats-none = { $muted }last 7 days: nothing
list-stats = { $muted }last 7 days: { $hits }, latest { $last }
list-muted = 🔕 muted ·{" "}
btn-prev = ‹ Back
btn-next = Next ›
btn-mute-n = 🔕 { $n }
btn-unmute-n = 🔔 { $n }
btn-delete-n = 🗑 { $n }
btn-delete-all = 🗑 Delete all
btn-delete-all-confirm = Yes, delete all
btn-cancel = Cancel
delete-all-confirm = Delete all of this chat's queries ({ $count })? This cannot be undone.
deleted-all = 🗑 All queries deleted ({ $count }).
unsubscribe-none = Nothing to remove: no subscriptions.
unsubscribed = 🗑 Subscription «{ $query }» removed.
unsubscribe-gone = That subscription is already gone. The list: /list.
unsubscribe-not-found = No subscription «{ $what }». The numbered list: /list.
muted = 🔕 Query «{ $query }» muted: it stays in /list, no alerts from it.
unmuted = 🔔 Query «{ $query }» sends news again.

## Alerts
btn-mute-query = 🔕 { $query }
btn-pause-8h = ⏸ Pause 8 h

## Pace
pause-ask = Pause alerts for how long? News published during the pause will not come: afterwards only new stories. Your queries are kept.
btn-pause-1h = 1 h
btn-pause-8h-short = 8 h
btn-pause-forever = Until /resume
paused-until = ⏸ Alerts paused until { $until }. News from that time will not come — afterwards only new stories. /resume to turn them on earlier.
paused-forever = ⏸ Alerts paused until /resume. News from that time will not come — afterwards only new stories. Queries kept.
pause-usage = Pause: <code>/pause 1h</code>, <code>/pause 8h</code> or <code>/pause off</code> (until /resume).
resumed = ▶️ Alerts are on again.
not-paused = Alerts are already on.
quiet-set = 🌙 Quiet hours { $from }–{ $to } ({ $zone }): news from that time comes as one message at { $to }.
quiet-off = Quiet hours off: alerts come at once.
quiet-usage = Quiet hours: <code>/quiet 23:00-08:00</code> or <code>/quiet off</code>.
digest-hourly = 📰 Hourly digest: instead of single alerts, one message at the start of every hour ({ $zone }).
digest-daily = 📰 Daily digest at { $at } ({ $zone }): instead of single alerts, one message with everything found.
digest-off = Digest off: alerts come at once.
digest-usage = Digest: <code>/digest hourly</code>, <code>/digest daily 09:00</code> or <code>/digest off</code>.
tz-set = 🕐 The chat's time zone: { $zone }, it is { $now } there now.
tz-unknown = I don't know that zone or city: «{ $what }». For example: <code>/tz Europe/London</code> or <code>/tz Berlin</code>.
tz-usage = The chat's time zone is { $zone }. To change it: <code>/tz Europe/London</code> or <code>/tz Berlin</code>.
lang-set = Chat language: English.
lang-usage = Language: <code>/lang ru</code> or <code>/lang en</code>.

## Channels
channel-ask = Pick a channel where I am an administrator — you can manage its queries from here.
btn-pick-channel = 📢 Pick a channel
channel-selected = 📢 Commands here now manage the channel «{ $title }»: /subscribe, /list, /pause… Back to this chat: /channel off.
channel-not-admin = Only administrators of «{ $title }» may manage it.
channel-bot-not-admin = First make me an administrator of «{ $title }» so that I can post there.
channel-off = Commands apply to this chat again.
channel-only-private = A channel can be picked in a private chat with me.
managing-channel = 📢 Channel «{ $title }».

## Status
status-chat = <b>This chat</b>
status-alerts-on = Alerts: ▶️ on
status-alerts-paused = Alerts: ⏸ paused (/resume)
status-subscriptions = Subscriptions: { $count } (/list)
status-feeds = Sources: { $count }, own: { $own } (/feeds)
status-zone = Time zone: { $zone }
status-quiet = Quiet hours: { $from }–{ $to }
status-digest-hourly = Digest: hourly
status-digest-daily = Digest: daily at { $at }
status-bot = <b>Bot</b>
status-failing = Failing sources: { $failing } of { $count }
status-last-poll = Last poll: { $when }
status-never = not yet
status-queue = Waiting to be sent to this chat: { $pending }

## Feeds
feeds-shared = <b>Shared sources</b>
feeds-own = <b>Own sources</b>
feeds-no-own = No own sources: /addfeed &lt;feed url&gt;
feed-failing = ⚠️ { $error } ({ $count } { $count ->
    [one] time
   *[other] times
} in a row{ $since })
feed-last-success = , last success { $when }
feed-error = error
feed-ok = ✅ { $when }, stories: { $items }
feed-never = ⏳ not polled yet
addfeed-usage = Send the feed's address: <code>/addfeed https://example.com/rss</code>
removefeed-usage = Give the address or number of your feed from /feeds: <code>/removefeed 1</code>
removefeed-not-found = No such own feed. Shared sources cannot be removed; the list: /feeds.
feed-removed = 🗑 Feed «{ $name }» removed.
feed-added = ✅ Feed «{ $name }» added ({ $items } { $items ->
    [one] entry
   *[other] entries
} in it now). I'll check new stories from the next poll on.
feed-page = This is a page, not a feed. It links to these feeds:
feed-failed = Could not add the feed: { $reason }
feed-not-http = Could not add the feed: an address like https://… is needed
feed-limit = This chat already has { $max } own sources, the maximum. /removefeed removes one.
feed-shared = This feed is already among the shared sources — no need to add it.
feed-exists = This feed is already added. The list: /feeds.
feed-busy = Still checking the previous feed — wait for the answer.

## OPML
opml-unreadable = Could not read the file: { $reason }
opml-empty = The file has no feed (no outline elements with xmlUrl).
opml-too-big = The file is too big: OPML up to 1 MiB.
opml-checking = Found { $count } { $count ->
    [one] feed
   *[other] feeds
}, checking…
opml-summary = <b>OPML import: { $added } of { $count } added</b>
opml-added = added
opml-exists = already added
opml-shared = already among the shared ones
opml-limit = the limit of { $max } own feeds is reached
opml-not-http = not an http(s) address
opml-progress = { $finished ->
    [yes] Checked
   *[other] Checking
} the file's feeds: { $done } of { $total }, { $added } added{ $finished ->
    [yes] .
   *[other] …
}
opml-too-many = The file has { $total } feeds; I'll check the first { $max } — send the rest in another file.
opml-page = a page, not a feed
feed-unreachable = the server did not answer or is unreachable

## Command menu
cmd-subscribe = Subscribe to a topic: /subscribe lithium
cmd-unsubscribe = Unsubscribe
cmd-list = My queries
cmd-feeds = Sources and their health
cmd-addfeed = Add your own feed
cmd-removefeed = Remove your own feed
cmd-export = Export sources as OPML
cmd-pause = Pause alerts
cmd-resume = Resume alerts
cmd-quiet = Quiet hours
cmd-digest = A digest instead of instant alerts
cmd-tz = Time zone
cmd-lang = Language / Язык
cmd-channel = Manage a channel
cmd-status = Settings and health
cmd-help = Query syntax and commands
export-caption = This chat's own sources: { $own }. Import the file into any RSS reader or send it back here.{ $shared ->
    [0] {""}
   *[other] {"\u000A"}The bot's shared sources ({ $shared }) are not exported: only the bot's operator knows their addresses; their names are in /feeds.
}

## Operators (/stats)
stats-operators-only = /stats is for the bot's operators only.
stats-header = <b>Bot status</b>
stats-chats = Chats: { $active } active, { $inactive } unreachable
stats-queries = Subscriptions: { $count }
stats-feeds = Sources: { $all }, failing: { $failing }
stats-alerts-today = Alerts sent today: { $count }
stats-queue = Queued: { $pending }, undelivered: { $failed }
stats-instances = Bot instances: { $count }
stats-instance = • <code>{ $id }</code> — { $role ->
    [leader] leader
    [standby] standby
   *[single] single
}{ $lastPoll ->
    [none] {""}
   *[other] , feeds polled { $lastPoll }
}

## Why a feed failed (/addfeed, /feeds, OPML); plain text, the bot escapes it
feed-why-not-url = this does not look like an address (URL)
feed-why-scheme = only http and https addresses are supported
feed-why-credentials = addresses with a login or password are not supported
feed-why-no-host = the address has no server name
feed-why-private = the address leads into a private network
feed-why-dns = server { $host } not found (DNS)
feed-why-port = port { $port } is not allowed: feeds are accepted on ports { $ports }
feed-why-compression = the server compressed its answer in an unknown way ({ $coding })
feed-why-stopping = the check was interrupted: the bot is stopping
feed-why-bad-redirect = the server redirected to an invalid address
feed-why-redirect-loop = the redirects go round in a loop
feed-why-too-many-redirects = more than { $max } redirects in a row
feed-why-media = the address holds a { $type } file, not a feed
feed-why-no-answer = the server did not answer within { $seconds } s
feed-why-slow-body = the server sends the feed too slowly: not done within { $seconds } s
feed-why-too-large = the feed is larger than { $size } { $unit ->
        [mib] MiB
        [kib] KiB
       *[b] bytes
    }
feed-why-refused = the server refused the connection
feed-why-reset = the connection broke off
feed-why-dns-failed = server not found (DNS)
feed-why-dns-timeout = DNS did not answer, server not found
feed-why-host-unreachable = the server is unreachable
feed-why-net-unreachable = the network is unreachable
feed-why-tls = the server's TLS certificate is not valid
feed-why-not-http = the server did not answer in HTTP
feed-why-corrupt = the server's compressed answer is damaged
feed-why-network = network error: { $code }
feed-why-http = HTTP { $status }{ $hint ->
        [auth] : authorisation needed
        [forbidden] : access denied
        [not-found] : page not found
        [gone] : the feed was removed
        [too-many] : too many requests
        [legal] : unavailable for legal reasons
        [unavailable] : service temporarily unavailable
        [server] : server error
       *[none] {""}
    }
feed-why-http-retry = HTTP { $status }{ $hint ->
        [too-many] : too many requests
        [unavailable] : service temporarily unavailable
       *[other] {""}
    }, retry in { $retry } s
feed-why-empty = the server sent an empty answer instead of a feed
feed-why-web-page = this is a web page, not an RSS/Atom feed
feed-why-json = this is JSON, not an RSS/Atom feed
feed-why-not-xml = the answer does not look like an RSS/Atom feed
feed-why-not-rss = the document does not look like RSS or Atom
feed-why-unknown-format = the feed is in an unknown format: no RSS/Atom elements
feed-why-broken-xml = the feed is damaged: XML error
feed-why-broken-xml-at = the feed is damaged: XML error on line { $line }
feed-why-feed-found = this is a web page, not a feed; the feed seems to be here: { $url }
feed-why-opml-not-xml = the file does not look like OPML: it is not XML
feed-why-opml-no-body = the file does not look like OPML: no <opml><body>
feed-why-file-url = invalid file address
feed-why-file-not-found = file not found: { $path }
feed-why-file-not-found-web = file not found: { $path } (for a web address, write https://)
feed-why-file-open = could not open the file: { $path }
feed-why-file-read = could not read the file: { $path }
feed-why-file-scheme = only http and https addresses and local files are supported
feed-why-internal = internal error: { $error }

## Query errors (plain text, the bot escapes it)
query-empty = The query is empty: write at least one word, e.g. «lithium».
query-too-long = The query is too long: at most { $max } characters, this one has { $length }.
query-no-words = The query has no words: it needs letters or digits, e.g. «lithium».
query-unclosed-quote = A quote is not closed: end the phrase with a second quote, e.g. "interest rate".
query-empty-phrase = Empty quotes: a phrase needs at least one word inside.
query-only-exclusions = The query only excludes: add what to look for, e.g. «lithium -China».
query-or-usage = OR goes between two words or phrases, e.g. «lithium OR nickel».
query-not-after-or = An exclusion (-word) cannot follow OR: OR only joins what to look for.
query-star-not-at-end = The star goes only at the end of a word, e.g. «lithi*», not «{ $word }».
query-short-prefix = A star needs at least { $min } letters before it: «{ $word }» is too short a beginning.
query-too-many-words = Too many words: at most { $max } in one query.
query-near-usage = NEAR/n goes between two single words (not phrases, not exclusions), e.g. «lithium NEAR/5 China».
query-near-range = NEAR/n: n from 1 to { $max }, e.g. «lithium NEAR/5 China».
query-source-usage = source: takes a word from the feed's address or title, e.g. «source:interfax».

## Query explanation (/subscribe and a tried query); plain text, the bot escapes it
explain-one = I'll send a story if its headline or text has:
explain-all = I'll send a story if its headline or text has all of this (in any order):
explain-any-of = one of: { $terms }
explain-or = OR
explain-not = But not if it has:
explain-sources = Only from feeds whose address or title contains: { $sources }
explain-not-sources = Except feeds whose address or title contains: { $sources }
explain-near = { $term } — both words within { $n } words of each other, in either order:
explain-phrase = { $term } — the words next to each other, in this order:
explain-abbr-title = { $word } — an abbreviation: a word of its own, in capitals or with a capital ({ $title }), but not «{ $lower }»
explain-abbr = { $word } — an abbreviation: only a word of its own written in capitals (not inside other words, not «{ $lower }»)
explain-prefix = { $word } — any word that begins with «{ $prefix }»
explain-exact = { $word } — only this form: «{ $form }»
explain-whole = { $word } — only this whole word
explain-forms = { $word } — { $how ->
        [guess] forms by ending
        [english] forms
       *[dictionary] any form
    }: { $forms }
explain-name = { $word } — only with a capital, as a name: not «{ $lower }»
explain-rivals = { $word } — not to be confused with { $rivals }

## Derived words (/subscribe)
widen-button = ➕ Also { $words }
widened = Query widened: <code>{ $query }</code>
widen-gone = That subscription is gone or there is nothing to add. List: /list.
name-button = 🔤 Only { $names } with a capital
named = Now with a capital only: <code>{ $query }</code>
name-gone = That subscription is gone or there is nothing to narrow. List: /list.

## Alert batches
alert-batch-header = 📰 <b>{ $count } { $count ->
    [one] story
   *[other] stories
}</b> · { $queries }
alert-backlog-header = 📋 <b>A lot at once — { $count } { $count ->
    [one] story
   *[other] stories
} as a list</b> · { $queries }
alert-digest-header = 🗞 <b>Digest: { $count } { $count ->
    [one] story
   *[other] stories
}</b> · { $queries }
alert-untitled = (untitled)
