/**
 * HTML to plain text for matching: feed titles and summaries arrive with markup and entities,
 * sometimes escaped twice, and none of it may leak into tokens («nbsp», «amp», tag names).
 */

/** Named entities decoded to text (others become a space); clean-scan.ts decodes the same ones. */
export const NAMED_ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  ensp: " ",
  emsp: " ",
  thinsp: " ",
  shy: "",
  zwj: "",
  zwnj: "",
  laquo: "«",
  raquo: "»",
  ldquo: "“",
  rdquo: "”",
  bdquo: "„",
  lsquo: "‘",
  rsquo: "’",
  sbquo: "‚",
  mdash: "—",
  ndash: "–",
  minus: "−",
  hellip: "…",
  middot: "·",
  bull: "•",
  copy: "©",
  reg: "®",
  trade: "™",
  deg: "°",
  numero: "№",
  euro: "€",
  times: "×",
};

const ENTITY = /&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,10});?/g;

/** Decodes numeric and common named HTML entities; other «&name;» become a space, bare «&name» stays. */
export function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(ENTITY, (whole, body: string) => {
    if (body.charCodeAt(0) === 35 /* # */) {
      const hex = body[1] === "x" || body[1] === "X";
      const code = Number.parseInt(body.slice(hex ? 2 : 1), hex ? 16 : 10);
      // Lone surrogates and out-of-range code points would throw or corrupt the string.
      if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) {
        return " ";
      }
      return String.fromCodePoint(code);
    }
    const named = NAMED_ENTITIES[body] ?? NAMED_ENTITIES[body.toLowerCase()];
    if (named !== undefined) return named;
    // An unknown «&name;» is still markup, not a word; without «;» it may be text (S&P500).
    return whole.endsWith(";") ? " " : whole;
  });
}

// Inline elements do not separate words («ли<b>тий</b>» is one word); every other tag does. Two plain
// passes instead of one with a callback: replace() with a function is several times slower.
const INLINE_TAG =
  /<\/?(?:a|b|i|u|s|em|strong|span|font|mark|small|sub|sup|abbr)(?![a-zA-Z0-9-])(?:[^<>"']|"[^"]*"|'[^']*')*>/gi;
const TAG = /<\/?[a-zA-Z][a-zA-Z0-9-]*(?:[^<>"']|"[^"]*"|'[^']*')*>/g;
const DROPPED = /<(script|style)\b[\s\S]*?<\/\1\s*>|<!--[\s\S]*?-->/gi;
const CDATA = /<!\[CDATA\[([\s\S]*?)\]\]>/g;

function stripTags(text: string): string {
  if (!text.includes("<")) return text;
  let out = text;
  // Most summaries have only plain tags; skip the rarer patterns' passes when they cannot occur.
  if (out.includes("<![")) out = out.replace(CDATA, "$1");
  if (out.includes("<!--") || /<(script|style)/i.test(out)) out = out.replace(DROPPED, " ");
  return out.replace(INLINE_TAG, "").replace(TAG, " ");
}

/** Strips tags and decodes entities; runs twice because feeds often escape HTML inside XML once more. */
export function htmlToText(text: string): string {
  if (!text.includes("<") && !text.includes("&")) return text;
  const once = decodeEntities(stripTags(text));
  if (!once.includes("<") && !once.includes("&")) return once;
  return decodeEntities(stripTags(once));
}
