// Telegram Bot API input rules mimicked by the fake server: parse_mode "HTML", text limits, inline keyboards.
// Stricter than real Telegram in one way: a bare `&` or `>` in HTML text is rejected (Telegram tolerates them).

const ALLOWED_TAGS = new Set([
  "b",
  "strong",
  "i",
  "em",
  "u",
  "ins",
  "s",
  "strike",
  "del",
  "a",
  "code",
  "pre",
  "tg-spoiler",
  "span",
  "blockquote",
  "tg-emoji",
]);

const NAMED_ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"' };

/** Result of parsing Telegram HTML: the visible text, or the "can't parse entities" reason. */
export type HtmlParseResult = { ok: true; text: string } | { ok: false; error: string };

/** Parses `html` like Telegram does for parse_mode "HTML", returning the visible text or an error reason. */
export function parseTelegramHtml(html: string): HtmlParseResult {
  const stack: string[] = [];
  let out = "";
  const at = (i: number) => `at byte offset ${Buffer.byteLength(html.slice(0, i), "utf8")}`;
  const fail = (error: string): HtmlParseResult => ({ ok: false, error });
  let i = 0;
  while (i < html.length) {
    const ch = html[i] as string;
    if (ch === "&") {
      const decoded = decodeEntity(html, i);
      if (!decoded) return fail(`Character '&' must be escaped as "&amp;" ${at(i)}`);
      out += decoded.value;
      i = decoded.end;
      continue;
    }
    if (ch === ">") return fail(`Character '>' must be escaped as "&gt;" ${at(i)}`);
    if (ch !== "<") {
      out += ch;
      i++;
      continue;
    }
    const end = findTagEnd(html, i + 1);
    if (end < 0) return fail(`Unclosed start tag ${at(i)}`);
    const inner = html.slice(i + 1, end);
    if (inner.startsWith("/")) {
      const name = inner.slice(1).trim().toLowerCase();
      const top = stack[stack.length - 1];
      if (top === undefined) return fail(`Unexpected end tag ${at(i)}`);
      if (top !== name) return fail(`Unmatched end tag ${at(i)}, expected "</${top}>", found "</${name}>"`);
      stack.pop();
    } else {
      const m = /^([a-zA-Z][a-zA-Z0-9-]*)([\s\S]*)$/.exec(inner);
      if (!m) return fail(`Unsupported start tag ${at(i)}`);
      const name = (m[1] as string).toLowerCase();
      if (!ALLOWED_TAGS.has(name)) return fail(`Unsupported start tag "${name}" ${at(i)}`);
      const attrs = parseAttributes(m[2] as string);
      if (!attrs) return fail(`Can't parse attributes of tag "${name}" ${at(i)}`);
      if (name === "span" && attrs.get("class") !== "tg-spoiler") {
        return fail(`Tag "span" must have class "tg-spoiler" ${at(i)}`);
      }
      if (name === "tg-emoji" && !attrs.get("emoji-id")) {
        return fail(`Tag "tg-emoji" must have attribute "emoji-id" ${at(i)}`);
      }
      stack.push(name);
    }
    i = end + 1;
  }
  const open = stack[stack.length - 1];
  if (open !== undefined) return fail(`Can't find end tag corresponding to start tag "${open}"`);
  return { ok: true, text: out };
}

function decodeEntity(html: string, i: number): { value: string; end: number } | undefined {
  const m = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z]+));/y;
  m.lastIndex = i;
  const r = m.exec(html);
  if (!r) return undefined;
  const end = m.lastIndex;
  if (r[3] !== undefined) {
    const value = NAMED_ENTITIES[r[3]];
    return value === undefined ? undefined : { value, end };
  }
  const code = r[1] !== undefined ? Number.parseInt(r[1], 10) : Number.parseInt(r[2] as string, 16);
  if (code <= 0 || code > 0x10ffff) return undefined;
  return { value: String.fromCodePoint(code), end };
}

function findTagEnd(html: string, from: number): number {
  let quote: string | undefined;
  for (let j = from; j < html.length; j++) {
    const c = html[j];
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === "<") return -1;
    else if (c === ">") return j;
  }
  return -1;
}

function parseAttributes(rest: string): Map<string, string> | undefined {
  const attrs = new Map<string, string>();
  const re = /\s+([a-zA-Z_][a-zA-Z0-9_-]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/y;
  let pos = 0;
  while (pos < rest.length) {
    if (/^\s*$/.test(rest.slice(pos))) break;
    re.lastIndex = pos;
    const m = re.exec(rest);
    if (!m) return undefined;
    const raw = m[2] ?? m[3] ?? m[4] ?? "";
    attrs.set(
      (m[1] as string).toLowerCase(),
      raw.replace(/&(lt|gt|amp|quot);/g, (_, n: string) => NAMED_ENTITIES[n] ?? ""),
    );
    pos = re.lastIndex;
  }
  return attrs;
}

/** Checks an inline keyboard like Telegram (callback_data 1-64 bytes); returns the error reason or undefined. */
export function checkInlineKeyboard(markup: unknown): string | undefined {
  const rows = (markup as { inline_keyboard?: unknown } | undefined)?.inline_keyboard;
  if (!Array.isArray(rows)) return undefined;
  for (const row of rows) {
    for (const button of Array.isArray(row) ? (row as Array<Record<string, unknown>>) : []) {
      const data = button.callback_data;
      if (typeof data === "string" && (data.length === 0 || Buffer.byteLength(data) > 64))
        return "BUTTON_DATA_INVALID";
    }
  }
  return undefined;
}

/** Validates sendMessage/editMessageText input; on success returns the visible text, else the reason after "Bad Request: ". */
export function validateMessage(text: string, parseMode: unknown, replyMarkup: unknown): HtmlParseResult {
  let visible = text;
  if (typeof parseMode === "string" && parseMode.toLowerCase() === "html") {
    const parsed = parseTelegramHtml(text);
    if (!parsed.ok) return { ok: false, error: `can't parse entities: ${parsed.error}` };
    visible = parsed.text;
  }
  if (visible.trim() === "") return { ok: false, error: "message text is empty" };
  if (visible.length > 4096) return { ok: false, error: "message is too long" };
  const markupError = checkInlineKeyboard(replyMarkup);
  return markupError ? { ok: false, error: markupError } : { ok: true, text: visible };
}

/** The bot_command entities Telegram attaches to `text` ("/cmd" or "/cmd@BotName" at start or after whitespace). */
export function commandEntities(
  text: string,
): Array<{ type: "bot_command"; offset: number; length: number }> {
  return [...text.matchAll(/(?<=^|\s)\/[a-zA-Z0-9_]{1,32}(?:@[a-zA-Z0-9_]{3,32})?/g)].map((m) => ({
    type: "bot_command" as const,
    offset: m.index,
    length: m[0].length,
  }));
}
