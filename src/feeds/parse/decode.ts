import { isUtf8 } from "node:buffer";
import iconv from "iconv-lite";
import { detect as detectCharset } from "jschardet";

const lossyUtf8 = new TextDecoder("utf-8");

// Charsets servers and generators stamp by default whether or not they are true; a specific charset
// in the XML prolog is better evidence than one of these in Content-Type.
const GENERIC_CHARSETS = new Set(["utf-8", "utf8", "iso-8859-1", "latin1", "us-ascii", "ascii"]);

/** Normalises a charset label to one iconv-lite knows, or null. Latin-1 labels mean windows-1252 (as in WHATWG). */
export function normaliseCharset(label: string | null | undefined): string | null {
  if (!label) return null;
  const name = label
    .trim()
    .replace(/^["']|["']$/g, "")
    .toLowerCase();
  if (!name) return null;
  if (
    ["iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii", "iso_8859-1"].includes(name)
  ) {
    return "windows-1252";
  }
  if (name === "utf8") return "utf-8";
  // Labels seen in the wild that iconv-lite spells differently.
  const candidates = [
    name,
    name.replace(/^x-mac-/, "mac"),
    name.replace(/^x-/, ""),
    name.replace(/^win-?(\d+)$/, "windows-$1"),
  ];
  return candidates.find((c) => iconv.encodingExists(c)) ?? null;
}

/** The charset parameter of a Content-Type header, or null. */
export function charsetFromContentType(contentType: string | null | undefined): string | null {
  const match = /;\s*charset\s*=\s*("?)([^";,\s]+)\1/i.exec(contentType ?? "");
  return match?.[2] ?? null;
}

/** The encoding pseudo-attribute of an XML declaration at the start of the bytes, or null. */
export function charsetFromProlog(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString("latin1");
  const match = /^[\s\S]{0,200}?<\?xml[^>]*?\sencoding\s*=\s*["']([^"']+)["']/.exec(head);
  return match?.[1] ?? null;
}

function bomEncoding(bytes: Uint8Array): { encoding: string; skip: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: "utf-8", skip: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: "utf-16le", skip: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: "utf-16be", skip: 2 };
  // UTF-16 without a BOM still has to start with "<" (XML 1.0 appendix F), which gives it away.
  if (bytes[0] === 0x3c && bytes[1] === 0x00 && bytes[2] !== 0x00) return { encoding: "utf-16le", skip: 0 };
  if (bytes[0] === 0x00 && bytes[1] === 0x3c && bytes[2] === 0x00) return { encoding: "utf-16be", skip: 0 };
  return null;
}

/** Counts well-formed multi-byte UTF-8 sequences and stray bytes that break UTF-8. */
function utf8Evidence(bytes: Uint8Array): { multi: number; broken: number } {
  let multi = 0;
  let broken = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) continue;
    const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let ok = len > 0 && i + len <= bytes.length;
    for (let k = 1; ok && k < len; k++) ok = ((bytes[i + k] ?? 0) & 0xc0) === 0x80;
    // Overlong forms, surrogates and code points past U+10FFFF are not UTF-8 either.
    const next = bytes[i + 1] ?? 0;
    if (ok && b === 0xe0) ok = next >= 0xa0;
    else if (ok && b === 0xed) ok = next <= 0x9f;
    else if (ok && b === 0xf0) ok = next >= 0x90;
    else if (ok && b === 0xf4) ok = next <= 0x8f;
    if (ok) {
      multi++;
      i += len - 1;
    } else {
      broken++;
    }
  }
  return { multi, broken };
}

/**
 * Guesses the single-byte charset of undeclared non-UTF-8 text. Russian words are runs of high bytes,
 * Western European text has high bytes mostly alone; Russian text is mostly lower case, which sits in
 * 0xE0–0xFF in windows-1251 but in 0xC0–0xDF in KOI8-R.
 */
export function guessSingleByteCharset(bytes: Uint8Array): "windows-1251" | "koi8-r" | "windows-1252" {
  let high = 0;
  let paired = 0;
  let upperHalf = 0;
  let lowerHalf = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) continue;
    high++;
    if ((bytes[i - 1] ?? 0) >= 0x80 || (bytes[i + 1] ?? 0) >= 0x80) paired++;
    if (b >= 0xe0) upperHalf++;
    else if (b >= 0xc0) lowerHalf++;
  }
  if (high < 4 || paired / high < 0.6 || upperHalf + lowerHalf < high * 0.7) return "windows-1252";
  return upperHalf >= lowerHalf ? "windows-1251" : "koi8-r";
}

/** Enough text for the detector to be sure; scanning a whole multi-megabyte feed would only cost time. */
const DETECTOR_SAMPLE_BYTES = 64 * 1024;
/** Below this the detector is guessing; its scores for real CJK and Thai feeds start around 0.2. */
const DETECTOR_MIN_CONFIDENCE = 0.1;
/** Western labels the detector gives plain Latin text; the caller's windows-1252 is the better reading. */
const WESTERN = /^(windows-1252|iso-?8859-?(1|15)|ascii|mac-?roman|macintosh)$/i;

/**
 * Asks a charset detector about undeclared bytes that are neither UTF-8 nor clearly Cyrillic: East
 * Asian multi-byte charsets (EUC-KR, GB2312/GBK, Shift_JIS, Big5) and Thai are told apart by their
 * byte structure, which hand-written statistics cannot. Null when it has no non-Western answer.
 */
export function detectOtherCharset(bytes: Uint8Array): string | null {
  const sample = bytes.subarray(0, DETECTOR_SAMPLE_BYTES);
  const found = detectCharset(sample);
  if (!found.encoding || found.confidence < DETECTOR_MIN_CONFIDENCE || WESTERN.test(found.encoding))
    return null;
  const charset = normaliseCharset(found.encoding);
  return charset && charset !== "utf-8" && charset !== "windows-1252" ? charset : null;
}

function decodeWith(bytes: Uint8Array, encoding: string): string {
  if (encoding === "utf-8") return lossyUtf8.decode(bytes);
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding);
}

/**
 * Picks the encoding of feed bytes: BOM → valid UTF-8 → Content-Type charset → XML prolog → Cyrillic
 * guess → charset detector.
 * Returned separately so callers and tests can see why a feed decoded the way it did.
 */
export function detectFeedEncoding(bytes: Uint8Array, contentType?: string | null): string {
  const bom = bomEncoding(bytes);
  if (bom) return bom.encoding;
  // Native check first: almost every feed is UTF-8 and this is the hot path of every poll.
  if (isUtf8(bytes)) return "utf-8";
  const evidence = utf8Evidence(bytes);
  if (evidence.broken === 0) return "utf-8";
  const headerRaw = (charsetFromContentType(contentType) ?? "").toLowerCase();
  // Only 8-bit charsets can be meant here: UTF-8 has just failed, and UTF-16/32 text would have
  // shown itself by its BOM or zero bytes before we could read an ASCII prolog.
  const usable = (c: string | null) => (c && c !== "utf-8" && !/^utf-?(16|32)|^ucs-?[24]/.test(c) ? c : null);
  const fromHeader = usable(normaliseCharset(headerRaw));
  const fromProlog = usable(normaliseCharset(charsetFromProlog(bytes)));
  // A charset servers stamp by default loses to a specific one the document declares itself.
  const declared =
    fromHeader && !(GENERIC_CHARSETS.has(headerRaw) && fromProlog) ? fromHeader : (fromProlog ?? fromHeader);
  if (declared) return declared;
  // Declared (or assumed) UTF-8 with a few damaged sequences is still UTF-8; a lone bad byte should
  // not turn a whole Cyrillic feed into mojibake.
  if (evidence.multi >= 8 && evidence.multi >= evidence.broken * 10) return "utf-8";
  const guess = guessSingleByteCharset(bytes);
  // Cyrillic is this bot's home ground and its guess is trusted; anything else goes to the detector.
  return guess === "windows-1252" ? (detectOtherCharset(bytes) ?? guess) : guess;
}

/** Decodes feed bytes to text without ever throwing; strips any BOM. */
export function decodeFeed(bytes: Uint8Array, contentType?: string | null): string {
  try {
    const encoding = detectFeedEncoding(bytes, contentType);
    const bom = bomEncoding(bytes);
    return decodeWith(bom ? bytes.subarray(bom.skip) : bytes, encoding).replace(/^\uFEFF/, "");
  } catch {
    return lossyUtf8.decode(bytes);
  }
}
