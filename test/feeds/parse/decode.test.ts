import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import {
  charsetFromContentType,
  charsetFromProlog,
  decodeFeed,
  detectFeedEncoding,
  guessSingleByteCharset,
} from "../../../src/feeds/parse/decode.js";

const ru = "Первая новость: литий и никель дорожают, рынок ждёт решения ЦБ";
const xml = (encoding: string | null, title: string) =>
  `<?xml version="1.0"${encoding ? ` encoding="${encoding}"` : ""}?><rss version="2.0"><channel><title>${title}</title></channel></rss>`;

describe("decodeFeed", () => {
  it("strips a UTF-8 BOM", () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(xml(null, ru))]);
    expect(decodeFeed(bytes)).toBe(xml(null, ru));
  });

  it("reads UTF-16 with and without a BOM", () => {
    const text = xml("UTF-16", ru);
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    expect(decodeFeed(le)).toBe(text);
    const be = Buffer.from(text, "utf16le").swap16();
    expect(decodeFeed(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toBe(text);
    expect(decodeFeed(Buffer.from(text, "utf16le"))).toBe(text);
  });

  it("takes valid UTF-8 as UTF-8 whatever the prolog or header says", () => {
    const bytes = Buffer.from(xml("windows-1251", ru));
    expect(decodeFeed(bytes, "text/xml; charset=windows-1251")).toBe(xml("windows-1251", ru));
  });

  it.each([
    ["windows-1251", "windows-1251"],
    ["koi8-r", "koi8-r"],
    ["iso-8859-5", "iso-8859-5"],
    ["x-mac-cyrillic", "maccyrillic"],
    ["win-1251", "windows-1251"],
    ["CP1251", "windows-1251"],
  ])("decodes %s declared in the prolog", (label, enc) => {
    const bytes = iconv.encode(xml(label, ru), enc);
    expect(decodeFeed(bytes)).toBe(xml(label, ru));
  });

  it("prefers a specific Content-Type charset over the prolog", () => {
    const bytes = iconv.encode(xml("koi8-r", ru), "windows-1251");
    expect(decodeFeed(bytes, "application/rss+xml; charset=windows-1251")).toContain(ru);
  });

  it("prefers a specific prolog over a generic default charset in the header", () => {
    const bytes = iconv.encode(xml("windows-1251", ru), "windows-1251");
    expect(decodeFeed(bytes, "text/xml; charset=ISO-8859-1")).toContain(ru);
    expect(decodeFeed(bytes, "text/xml; charset=utf-8")).toContain(ru);
  });

  it("guesses windows-1251 and KOI8-R when nothing is declared", () => {
    expect(decodeFeed(iconv.encode(xml(null, ru), "windows-1251"))).toContain(ru);
    expect(decodeFeed(iconv.encode(xml(null, ru), "koi8-r"))).toContain(ru);
  });

  it("falls back to windows-1252 for undeclared Western text", () => {
    const text = xml(null, "Últimas Notícias – Café “français”, informações");
    expect(decodeFeed(iconv.encode(text, "windows-1252"))).toBe(text);
  });

  /** A small undeclared feed: a channel title and two items, as a local news site would publish. */
  const feed = (title: string, first: string, second: string) =>
    `<?xml version="1.0"?><rss version="2.0"><channel><title>${title}</title>` +
    `<item><title>${first}</title><link>https://news.example/1</link></item>` +
    `<item><title>${second}</title><link>https://news.example/2</link></item></channel></rss>`;

  it.each([
    [
      "euc-kr",
      "연합뉴스",
      "서울 시장은 오늘 새로운 교통 정책을 발표했다",
      "한국 경제 성장률이 예상보다 높게 나타났다",
    ],
    ["gb2312", "新华网", "北京市政府今天宣布了新的交通政策", "中国经济增长速度超过了预期"],
    [
      "shift_jis",
      "毎日新聞",
      "東京都は本日、新しい交通政策を発表しました",
      "日本経済の成長率は予想を上回りました",
    ],
    ["tis-620", "ข่าวไทย", "รัฐบาลประกาศนโยบายการขนส่งใหม่ในวันนี้", "เศรษฐกิจไทยเติบโตเร็วกว่าที่คาดการณ์ไว้"],
    ["big5", "中央社", "台北市政府今天宣布了新的交通政策", "台灣經濟成長速度超過了預期"],
  ])(
    "reads an undeclared %s feed (no header charset, no prolog encoding)",
    (charset, title, first, second) => {
      const text = feed(title, first, second);
      const decoded = decodeFeed(iconv.encode(text, charset), "application/rss+xml");
      expect(decoded).toBe(text);
    },
  );

  it.each([
    [
      "Spanish",
      "Últimas noticias: el Gobierno aprobó hoy la reforma",
      "Año récord para la economía española",
    ],
    ["German", "Große Pläne für München: Bürger stimmen über Straßenbahn ab", "Börse schließt höher"],
    [
      "French",
      "Météo : des pluies prévues demain sur l'ensemble du pays",
      "Élection à Besançon, résultats déçus",
    ],
  ])("still reads undeclared %s text as windows-1252", (_language, first, second) => {
    const text = feed("Nachrichten", first, second);
    expect(decodeFeed(iconv.encode(text, "windows-1252"))).toBe(text);
  });

  it("keeps mostly-valid UTF-8 as UTF-8 despite one broken byte", () => {
    const good = Buffer.from(xml("utf-8", `${ru} ${ru}`));
    const broken = Buffer.concat([good.subarray(0, 60), Buffer.from([0xff]), good.subarray(60)]);
    const text = decodeFeed(broken);
    expect(text).toContain("ЦБ");
    expect(text).not.toContain("Ð");
  });

  it("ignores a UTF-16 prolog on 8-bit bytes", () => {
    const bytes = iconv.encode(xml("UTF-16", ru), "windows-1251");
    expect(decodeFeed(bytes)).toContain(ru);
  });

  it("treats overlong and surrogate sequences as not UTF-8", () => {
    const bytes = Buffer.concat([Buffer.from(xml(null, "Caf")), Buffer.from([0xed, 0xa0, 0x80, 0xe9])]);
    expect(decodeFeed(bytes)).not.toContain("\uFFFD");
  });

  it("never throws, even on garbage", () => {
    expect(() => decodeFeed(Buffer.from([0xff, 0xfe, 0x00]))).not.toThrow();
    expect(decodeFeed(new Uint8Array())).toBe("");
  });
});

describe("charset sources", () => {
  it("reads the charset parameter", () => {
    expect(charsetFromContentType('text/xml; charset="windows-1251"')).toBe("windows-1251");
    expect(charsetFromContentType("application/rss+xml;charset=KOI8-R")).toBe("KOI8-R");
    expect(charsetFromContentType("text/xml")).toBeNull();
    expect(charsetFromContentType(null)).toBeNull();
  });

  it("reads the prolog encoding", () => {
    expect(charsetFromProlog(Buffer.from(xml("KOI8-R", "x")))).toBe("KOI8-R");
    expect(charsetFromProlog(Buffer.from("<rss/>"))).toBeNull();
  });

  it("ignores labels iconv does not know", () => {
    const bytes = iconv.encode(xml("invalid", ru), "windows-1251");
    expect(detectFeedEncoding(bytes)).toBe("windows-1251");
  });

  it("tells Cyrillic from Western single-byte text", () => {
    expect(guessSingleByteCharset(iconv.encode(ru, "windows-1251"))).toBe("windows-1251");
    expect(guessSingleByteCharset(iconv.encode(ru, "koi8-r"))).toBe("koi8-r");
    expect(guessSingleByteCharset(iconv.encode("Jürgen et Anaïs à Noël", "latin1"))).toBe("windows-1252");
  });
});
