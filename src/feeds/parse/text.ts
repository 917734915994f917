import { decodeHTML } from "entities";

// Tags whose boundaries separate words; every other tag (b, a, span...) is glued to its neighbours.
const BLOCK_TAGS = new Set(
  (
    "address article aside blockquote br dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 header hr " +
    "img li main nav ol p pre section table tbody td tfoot th thead tr ul"
  ).split(" "),
);

/**
 * Replaces every opener…closer section in one linear pass (hostile input must not make it quadratic);
 * an unterminated section runs to the end of the text.
 */
export function replaceSections(
  text: string,
  opener: RegExp,
  closerFor: (open: RegExpExecArray) => RegExp,
  replacement: string,
): string {
  const out: string[] = [];
  let pos = 0;
  opener.lastIndex = 0;
  for (let m = opener.exec(text); m; m = opener.exec(text)) {
    const closer = closerFor(m);
    closer.lastIndex = m.index + m[0].length;
    const close = closer.exec(text);
    out.push(text.slice(pos, m.index), replacement);
    pos = close ? close.index + close[0].length : text.length;
    if (!close) break;
    opener.lastIndex = pos;
  }
  out.push(text.slice(pos));
  return out.join("");
}

const RAW_TEXT_CLOSERS: Record<string, RegExp> = {};

/** Turns an HTML fragment (or plain text with entities) into one line of clean plain text. */
export function htmlToText(html: string): string {
  if (!html) return "";
  let text = replaceSections(html, /<!--/g, () => /-->/g, " ");
  text = replaceSections(
    text,
    /<(script|style|noscript|template)\b[^<>]*>/gi,
    (m) => {
      const tag = (m[1] ?? "").toLowerCase();
      RAW_TEXT_CLOSERS[tag] ??= new RegExp(`</${tag}\\s*>`, "gi");
      return RAW_TEXT_CLOSERS[tag];
    },
    " ",
  );
  // [^<>] rather than [^>]: a failed match then stops at the next "<", which keeps the pass linear.
  text = text
    .replaceAll("<![CDATA[", "")
    .replaceAll("]]>", "")
    .replace(/<\/?([a-zA-Z][\w:-]*)\b[^<>]*>/g, (_m, tag: string) =>
      BLOCK_TAGS.has(tag.toLowerCase()) ? " " : "",
    );
  return collapseWhitespace(decodeHTML(text));
}

/** Collapses all whitespace (including NBSP and line separators) to single spaces and drops invisible marks. */
export function collapseWhitespace(text: string): string {
  return text
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, "")
    .replace(/[\s\u0085]+/g, " ")
    .trim();
}

/**
 * Cuts text to at most max characters (code points, so an emoji is never split) on a word boundary when
 * one is near, marking the cut with an ellipsis. Shared by feed parsing, alerts and chat replies.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  const cut = chars.slice(0, max - 1).join("");
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

const XML_ENTITIES = new Set(["amp", "lt", "gt", "quot", "apos"]);

function validCodePoint(cp: number): boolean {
  return (
    cp === 0x9 ||
    cp === 0xa ||
    cp === 0xd ||
    (cp >= 0x20 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd) ||
    (cp >= 0x10000 && cp <= 0x10ffff)
  );
}

function numericRefs(text: string): string {
  return [...text].map((ch) => `&#${ch.codePointAt(0)};`).join("");
}

/**
 * Repairs the everyday breakage of feeds so a strict XML parser accepts them: junk before the root
 * and after it, raw "&", HTML entities XML does not know, references to forbidden characters and
 * control characters. CDATA sections and comments are left exactly as they are.
 */
export function repairXml(xml: string): string {
  let text = xml.replace(/^\uFEFF/, "");
  // Whatever precedes the prolog or root (PHP warnings, stray text, comments, a DOCTYPE) is dropped,
  // and so is whatever follows the last closing root tag: neither can carry a story.
  const start = /<\?xml\b|<(?:rss|feed|rdf:RDF|RDF)\b/i.exec(text);
  if (start && start.index > 0) text = text.slice(start.index);
  let lastClose = -1;
  for (const m of text.matchAll(/<\/(?:rss|feed|rdf:RDF|RDF)\s*>/gi)) lastClose = m.index + m[0].length;
  if (lastClose > 0) text = text.slice(0, lastClose);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing forbidden XML control characters is the point
  text = text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "");
  const out: string[] = [];
  let pos = 0;
  const re = /<!\[CDATA\[|<!--|&(?:#(\d{1,8})|#[xX]([0-9a-fA-F]{1,8})|([A-Za-z][A-Za-z0-9]{0,31}))?(;?)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0] === "<![CDATA[" || m[0] === "<!--") {
      // Sections are skipped with indexOf, so an unterminated one costs one scan, not one per opener.
      const close = m[0] === "<!--" ? "-->" : "]]>";
      const end = text.indexOf(close, re.lastIndex);
      if (end < 0) break;
      re.lastIndex = end + close.length;
      continue;
    }
    out.push(text.slice(pos, m.index), fixReference(m[0], m[1], m[2], m[3], m[4]));
    pos = re.lastIndex;
  }
  out.push(text.slice(pos));
  return out.join("");
}

function fixReference(ref: string, dec?: string, hex?: string, name?: string, semi?: string): string {
  if (!semi) return `&amp;${ref.slice(1)}`;
  if (dec !== undefined || hex !== undefined) {
    const cp = dec !== undefined ? Number(dec) : Number.parseInt(hex ?? "", 16);
    return validCodePoint(cp) ? ref : "&#xFFFD;";
  }
  if (name === undefined) return `&amp;${ref.slice(1)}`;
  if (XML_ENTITIES.has(name)) return ref;
  const decoded = decodeHTML(ref);
  return decoded !== ref ? numericRefs(decoded) : `&amp;${ref.slice(1)}`;
}

// Time-zone abbreviations V8's Date.parse does not know but feeds use (Russian ones above all).
const ZONES: Record<string, string> = {
  MSK: "+0300",
  MSD: "+0400",
  CET: "+0100",
  CEST: "+0200",
  EET: "+0200",
  EEST: "+0300",
  WET: "+0000",
  WEST: "+0100",
  BST: "+0100",
  IST: "+0530",
  JST: "+0900",
  KST: "+0900",
  AEST: "+1000",
  AEDT: "+1100",
  YEKT: "+0500",
  OMST: "+0600",
  KRAT: "+0700",
  IRKT: "+0800",
  VLAT: "+1000",
  SAMT: "+0400",
};

// Month abbreviations in the languages our feeds come in, where they differ from English.
const MONTHS: Record<string, string> = {
  янв: "Jan",
  фев: "Feb",
  мар: "Mar",
  апр: "Apr",
  мая: "May",
  май: "May",
  июн: "Jun",
  июл: "Jul",
  авг: "Aug",
  сен: "Sep",
  окт: "Oct",
  ноя: "Nov",
  дек: "Dec",
  fev: "Feb",
  abr: "Apr",
  mai: "May",
  ago: "Aug",
  set: "Sep",
  out: "Oct",
  dez: "Dec",
  ene: "Jan",
  dic: "Dec",
  okt: "Oct",
  mär: "Mar",
  mrz: "Mar",
};

/** Parses a feed date (RFC 822, RFC 3339 and common deviations); null when it cannot be read. */
export function parseFeedDate(value: unknown): Date | null {
  if (typeof value !== "string") return null;
  const text = value.trim();
  if (text.length > 200) return null; // no real date is that long, and the regexes below need not see it
  // Year 0001 is the usual "no date" placeholder, and V8's legacy parser would read it as 2001.
  if (!text || /(?:^|[^\d:+-])0\d{3}(?:[^\d:]|$)/.test(text)) return null;
  const fixed = text
    .replace(/\b([A-Z]{3,4})$/, (zone) => ZONES[zone] ?? zone)
    .replace(/^[^\d,]*,\s*/, "") // weekday names in any language
    .replace(
      /(?<![\p{L}])([\p{L}]{3})[\p{L}]*\.?/gu,
      (word, stem: string) => MONTHS[stem.toLowerCase()] ?? word,
    )
    .replace(/ (\d{2})(\d{2})( (?:GMT|UT|UTC|Z|[+-]\d{4}))$/, " $1:$2$3") // "1500 GMT"
    .replace(/(\d{1,2}:\d{2})\.(\d{2})/, "$1:$2")
    .replace(/([+-]\d{2}):?(\d{2})$/, " $1$2")
    .replace(/\s+/g, " ");
  // The repaired form goes first: V8 "parses" some broken forms (like "1500 GMT") into the wrong time.
  for (const candidate of fixed === text ? [text] : [fixed, text]) {
    const ms = Date.parse(candidate);
    if (!Number.isNaN(ms)) {
      const date = new Date(ms);
      const year = date.getUTCFullYear();
      if (year >= 1970 && year <= 9999) return date;
    }
  }
  return null;
}
