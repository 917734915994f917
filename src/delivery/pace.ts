// When a chat's alerts may go out: quiet hours hold them until the quiet time ends, a digest holds them
// until the next digest time. Pure functions of the chat's settings and a clock, so the sender (and tests
// on a fake clock) get the same answer for the same instant.

const MINUTE = 60_000;
const DAY_MINUTES = 24 * 60;

/** How a chat wants its alerts paced; minutes count from local midnight in `timeZone`. */
export interface PaceSettings {
  timeZone: string;
  quietFrom: number | null;
  quietTo: number | null;
  digest: Digest | null;
}

/** Instead of instant alerts: one message every hour, or one a day at a local time. */
export type Digest = { kind: "hourly" } | { kind: "daily"; at: number };

/** What the sender does with an alert matched at a given instant. */
export interface DeliveryWindow {
  /** Hold the alert until this instant (epoch ms); null: send now. */
  holdUntil: number | null;
  /** Send everything due together as one message with a header (digest or end of quiet hours). */
  digest: boolean;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-GB", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock fields of an instant in a zone. */
function wallClock(t: number, timeZone: string) {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(t))) {
    if (p.type !== "literal") parts[p.type] = Number(p.value);
  }
  return {
    year: parts.year as number,
    month: parts.month as number,
    day: parts.day as number,
    minute: (parts.hour as number) * 60 + (parts.minute as number),
    second: parts.second as number,
  };
}

/** The zone's offset from UTC at instant `t`, in ms. */
function offset(t: number, timeZone: string): number {
  const w = wallClock(t, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, 0, w.minute, w.second);
  return asUtc - Math.floor(t / 1000) * 1000;
}

/** The instant a local wall-clock time (day + minute of day) happens in the zone. */
function fromWallClock(year: number, month: number, day: number, minute: number, timeZone: string): number {
  const naive = Date.UTC(year, month - 1, day, 0, minute);
  // Two rounds settle the offset also on the day it changes.
  let t = naive - offset(naive, timeZone);
  t = naive - offset(t, timeZone);
  return t;
}

/** The instant the local day containing `t` began in the zone (its midnight). */
export function startOfLocalDay(t: number, timeZone: string): number {
  const w = wallClock(t, timeZone);
  return fromWallClock(w.year, w.month, w.day, 0, timeZone);
}

/** The local minute of day (0…1439) at instant `t`. */
export function localMinute(t: number, timeZone: string): number {
  return wallClock(t, timeZone).minute;
}

/** The first instant after `t` at which the local time reads `minuteOfDay`. */
export function nextLocalTime(t: number, timeZone: string, minuteOfDay: number): number {
  const w = wallClock(t, timeZone);
  for (let addDays = 0; addDays < 3; addDays++) {
    const candidate = fromWallClock(w.year, w.month, w.day + addDays, minuteOfDay, timeZone);
    if (candidate > t) return candidate;
  }
  return t + DAY_MINUTES * MINUTE;
}

/** Whether local minute `m` lies in the quiet window [from, to), which may cross midnight. */
export function inQuietWindow(m: number, from: number, to: number): boolean {
  if (from === to) return false;
  return from < to ? m >= from && m < to : m >= from || m < to;
}

/** Decides whether an alert matched at `now` goes out now or is held, and whether it joins a digest. */
export function deliveryWindow(settings: PaceSettings, now: number): DeliveryWindow {
  const { timeZone, quietFrom, quietTo, digest } = settings;
  let holdUntil: number | null = null;
  if (digest?.kind === "hourly") {
    holdUntil = nextLocalTime(
      now,
      timeZone,
      (Math.floor(localMinute(now, timeZone) / 60) * 60 + 60) % DAY_MINUTES,
    );
  } else if (digest?.kind === "daily") {
    holdUntil = nextLocalTime(now, timeZone, digest.at);
  }
  if (quietFrom !== null && quietTo !== null) {
    // A digest that falls due inside quiet hours waits for them to end as well.
    const at = holdUntil ?? now;
    if (inQuietWindow(localMinute(at, timeZone), quietFrom, quietTo)) {
      holdUntil = nextLocalTime(at, timeZone, quietTo);
    }
  }
  return { holdUntil, digest: holdUntil !== null };
}

/** The digest setting as stored ("hourly", "daily:540"); null for anything else. */
export function parseDigest(stored: string | null): Digest | null {
  if (stored === "hourly") return { kind: "hourly" };
  const m = /^daily:(\d{1,4})$/.exec(stored ?? "");
  if (m && Number(m[1]) < DAY_MINUTES) return { kind: "daily", at: Number(m[1]) };
  return null;
}

/** The pace of a stored chat row (columns tz, quiet_from, quiet_to, digest), with the operator's zone as default. */
export function paceOf(
  chat: { tz: string | null; quiet_from: number | null; quiet_to: number | null; digest: string | null },
  defaultZone: string,
): PaceSettings {
  return {
    timeZone: chat.tz ?? defaultZone,
    quietFrom: chat.quiet_from,
    quietTo: chat.quiet_to,
    digest: parseDigest(chat.digest),
  };
}

/**
 * When an alert queued at `createdAt` may go out, seen at `now`: held until its quiet hours or digest
 * time has passed, and (a retry or a flood wait that fell into quiet hours) until they end. `digest`:
 * it goes out with the others held beside it, under a header.
 */
export function holdAt(settings: PaceSettings, createdAt: number, now: number): DeliveryWindow {
  const queued = deliveryWindow(settings, createdAt);
  if (queued.holdUntil !== null && queued.holdUntil > now) return queued;
  const quiet = deliveryWindow({ ...settings, digest: null }, now).holdUntil;
  return { holdUntil: quiet !== null && quiet > now ? quiet : null, digest: queued.digest };
}
