/** Major cities by their Russian and English names (lower case, ё as е) → IANA time zone. */
const CITIES: Record<string, string> = {
  москва: "Europe/Moscow",
  moscow: "Europe/Moscow",
  "санкт-петербург": "Europe/Moscow",
  петербург: "Europe/Moscow",
  питер: "Europe/Moscow",
  "saint petersburg": "Europe/Moscow",
  "st petersburg": "Europe/Moscow",
  калининград: "Europe/Kaliningrad",
  kaliningrad: "Europe/Kaliningrad",
  самара: "Europe/Samara",
  samara: "Europe/Samara",
  казань: "Europe/Moscow",
  kazan: "Europe/Moscow",
  екатеринбург: "Asia/Yekaterinburg",
  yekaterinburg: "Asia/Yekaterinburg",
  челябинск: "Asia/Yekaterinburg",
  пермь: "Asia/Yekaterinburg",
  уфа: "Asia/Yekaterinburg",
  омск: "Asia/Omsk",
  omsk: "Asia/Omsk",
  новосибирск: "Asia/Novosibirsk",
  novosibirsk: "Asia/Novosibirsk",
  красноярск: "Asia/Krasnoyarsk",
  krasnoyarsk: "Asia/Krasnoyarsk",
  иркутск: "Asia/Irkutsk",
  irkutsk: "Asia/Irkutsk",
  якутск: "Asia/Yakutsk",
  yakutsk: "Asia/Yakutsk",
  владивосток: "Asia/Vladivostok",
  vladivostok: "Asia/Vladivostok",
  магадан: "Asia/Magadan",
  magadan: "Asia/Magadan",
  "петропавловск-камчатский": "Asia/Kamchatka",
  минск: "Europe/Minsk",
  minsk: "Europe/Minsk",
  киев: "Europe/Kyiv",
  kyiv: "Europe/Kyiv",
  kiev: "Europe/Kyiv",
  алматы: "Asia/Almaty",
  almaty: "Asia/Almaty",
  астана: "Asia/Almaty",
  astana: "Asia/Almaty",
  ташкент: "Asia/Tashkent",
  tashkent: "Asia/Tashkent",
  тбилиси: "Asia/Tbilisi",
  tbilisi: "Asia/Tbilisi",
  ереван: "Asia/Yerevan",
  yerevan: "Asia/Yerevan",
  баку: "Asia/Baku",
  baku: "Asia/Baku",
  стамбул: "Europe/Istanbul",
  istanbul: "Europe/Istanbul",
  дубай: "Asia/Dubai",
  dubai: "Asia/Dubai",
  лондон: "Europe/London",
  london: "Europe/London",
  берлин: "Europe/Berlin",
  berlin: "Europe/Berlin",
  париж: "Europe/Paris",
  paris: "Europe/Paris",
  "нью-йорк": "America/New_York",
  "new york": "America/New_York",
  пекин: "Asia/Shanghai",
  beijing: "Asia/Shanghai",
  шанхай: "Asia/Shanghai",
  shanghai: "Asia/Shanghai",
  токио: "Asia/Tokyo",
  tokyo: "Asia/Tokyo",
  сингапур: "Asia/Singapore",
  singapore: "Asia/Singapore",
};

/** Whether Intl knows `zone` as a time zone. */
function isZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The IANA zone for a zone name ("Europe/Berlin", "UTC") or a major city's Russian or English name. */
export function resolveZone(input: string): string | undefined {
  const text = input.trim();
  if (!text || text.length > 64) return undefined;
  const city = CITIES[text.toLowerCase().replaceAll("ё", "е").replace(/\s+/g, " ")];
  if (city) return city;
  if (!/^[A-Za-z_+\-/0-9]+$/.test(text) || !isZone(text)) return undefined;
  // Intl accepts any case ("europe/berlin"); the canonical spelling is what /status shows back.
  return new Intl.DateTimeFormat("en", { timeZone: text }).resolvedOptions().timeZone;
}

/** "23:00" → minutes after midnight, or undefined. */
export function parseClock(text: string): number | undefined {
  const m = /^([01]?\d|2[0-3])[:.]([0-5]\d)$/.exec(text.trim());
  return m ? Number(m[1]) * 60 + Number(m[2]) : undefined;
}

/** Minutes after midnight → "08:00". */
export function formatClock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}
