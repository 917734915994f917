import cron from "node-cron";
import { z } from "zod";

/** The built-in feeds every chat gets when the operator sets no FEEDS: major Russian newswires. */
export const DEFAULT_FEEDS = [
  "https://www.interfax.ru/rss.asp",
  "https://tass.ru/rss/v2.xml",
  "https://ria.ru/export/rss2/archive/index.xml",
  "https://www.kommersant.ru/RSS/news.xml",
  "https://rssexport.rbc.ru/rbcnews/news/30/full.rss",
  "https://lenta.ru/rss/news",
  "https://www.vedomosti.ru/rss/news",
] as const;

const bool = z
  .string()
  .trim()
  .toLowerCase()
  .refine(
    (v) => ["true", "false", "1", "0", "yes", "no", "on", "off", ""].includes(v),
    "expected true or false",
  )
  .transform((v) => ["true", "1", "yes", "on"].includes(v));

const httpUrl = (what: string) =>
  z
    .string()
    .trim()
    .refine((v) => {
      try {
        const u = new URL(v);
        return u.protocol === "http:" || u.protocol === "https:";
      } catch {
        return false;
      }
    }, `${what} must be an http(s) URL`);

/** A separated list; blanks around entries and empty entries are dropped. */
const listOf = (separator: string) =>
  z
    .string()
    .default("")
    .transform((v) =>
      v
        .split(separator)
        .map((s) => s.trim())
        .filter(Boolean),
    );

const schema = z.object({
  BOT_TOKEN: z
    .string({ error: "BOT_TOKEN is not set: get a token from @BotFather and put BOT_TOKEN=... in .env" })
    .trim()
    .min(1, {
      error: "BOT_TOKEN is empty: get a token from @BotFather and put BOT_TOKEN=... in .env",
      abort: true,
    })
    .regex(/^\d+:[\w-]+$/, "BOT_TOKEN does not look like a bot token (expected 123456:ABC...)"),
  BOT_API_ROOT: httpUrl("BOT_API_ROOT")
    .default("https://api.telegram.org")
    .transform((v) => v.replace(/\/+$/, "")),
  DATABASE_URL: z.string().trim().min(1).default("data/newsalert.db"),
  FEEDS: z
    .string()
    .optional()
    .transform((v) =>
      v === undefined || v.trim() === ""
        ? [...DEFAULT_FEEDS]
        : v
            .split(",")
            .map((s) => s.trim())
            .filter(Boolean),
    )
    .pipe(z.array(httpUrl("every FEEDS entry")).min(1, "FEEDS has no URL")),
  POLL_CRON: z
    .string()
    .trim()
    .default("* * * * *")
    .refine((v) => cron.validate(v), "POLL_CRON is not a valid cron expression (e.g. '* * * * *')"),
  DEFAULT_KEYWORDS: listOf(";"),
  ALLOW_PRIVATE_URLS: bool.default(false),
  HTTP_PORT: z
    .string()
    .trim()
    .default("8080")
    .refine(
      (v) => v === "" || v.toLowerCase() === "off" || /^\d+$/.test(v),
      "HTTP_PORT must be a port number or off",
    )
    .transform((v) => (v === "" || v.toLowerCase() === "off" ? null : Number(v)))
    .refine((v) => v === null || v <= 65535, "HTTP_PORT must be at most 65535"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  TZ: z
    .string()
    .trim()
    .default("Europe/Moscow")
    .refine((tz) => {
      try {
        new Intl.DateTimeFormat("ru-RU", { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, "TZ is not a known time zone (e.g. Europe/Moscow)"),
  WEBHOOK_URL: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || /^https:\/\/[^/]/i.test(v), "WEBHOOK_URL must be an https:// URL"),
  WEBHOOK_SECRET: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : null))
    .refine(
      (v) => v === null || /^[A-Za-z0-9_-]{1,256}$/.test(v),
      "WEBHOOK_SECRET must be 1-256 characters of A-Z, a-z, 0-9, _ and -",
    ),
  ADMIN_IDS: listOf(",")
    .refine(
      (ids) => ids.every((id) => /^\d+$/.test(id)),
      "ADMIN_IDS must be comma-separated Telegram user ids",
    )
    .transform((ids) => ids.map(Number)),
  USER_RATE_LIMIT: z
    .string()
    .trim()
    .default("20/60s")
    .transform((v) => /^(\d{1,6})\s*\/\s*(\d{1,6})\s*(s|m)?$/i.exec(v))
    .refine((m) => m !== null && Number(m[1]) > 0 && Number(m[2]) > 0, {
      error: "USER_RATE_LIMIT must look like 20/60s (updates per user per window of seconds or minutes)",
      abort: true,
    })
    .transform((m) => {
      const [, count, span, unit] = m as RegExpExecArray;
      return { limit: Number(count), windowMs: Number(span) * (unit?.toLowerCase() === "m" ? 60_000 : 1000) };
    }),
  SEND_RATE: z
    .string()
    .trim()
    .default("30")
    .refine(
      (v) => /^\d+(\.\d+)?$/.test(v) && Number(v) > 0,
      "SEND_RATE must be a positive number of messages a second",
    )
    .transform(Number),
  ALERT_MAX_AGE: z
    .string()
    .trim()
    .default("24h")
    .transform((v) => parseDuration(v))
    .refine(
      (v) => v !== null && v >= 60_000,
      "ALERT_MAX_AGE must be a duration of at least a minute, e.g. 24h, 90m or 3600s",
    )
    .transform((v) => v as number),
});

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Milliseconds in a duration such as "24h", "90m", "3600s" or "1d" (a bare number is seconds); null if malformed. */
export function parseDuration(text: string): number | null {
  const m = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?$/i.exec(text.trim());
  if (!m) return null;
  return Number(m[1]) * (UNIT_MS[(m[2] ?? "s").toLowerCase()] as number);
}

/** The validated, typed configuration of one running bot. */
export interface Config {
  botToken: string;
  botApiRoot: string;
  databaseUrl: string;
  feeds: string[];
  pollCron: string;
  defaultKeywords: string[];
  allowPrivateUrls: boolean;
  httpPort: number | null;
  logLevel: z.infer<typeof schema>["LOG_LEVEL"];
  timeZone: string;
  /** Set: updates arrive by webhook at this URL (its path is served on HTTP_PORT); null: long polling. */
  webhookUrl: string | null;
  /** Required with webhookUrl: Telegram sends it with every webhook request. */
  webhookSecret: string | null;
  /** Telegram user ids allowed to use operator commands (/stats). */
  adminIds: number[];
  /** Commands and button presses one user may make per window before being asked to wait. */
  userRateLimit: { limit: number; windowMs: number };
  /** Messages a second the bot allows itself overall (SEND_RATE). */
  sendRate: number;
  /** How long an alert Telegram could not take is retried before it is dropped (ALERT_MAX_AGE). */
  alertMaxAgeMs: number;
}

/** Thrown when the environment is unusable; each entry of `problems` is one line for the operator. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join("\n"));
  }
}

/** Reads and validates the configuration from an environment; throws ConfigError naming every problem. */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => i.message));
  }
  const c = parsed.data;
  const problems: string[] = [];
  if (c.WEBHOOK_URL && !c.WEBHOOK_SECRET)
    problems.push(
      "WEBHOOK_SECRET is not set: it is required with WEBHOOK_URL (any random string of A-Z, 0-9, _ or -)",
    );
  if (c.WEBHOOK_URL && c.HTTP_PORT === null)
    problems.push("HTTP_PORT is off but WEBHOOK_URL is set: webhook requests are served on HTTP_PORT");
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    botToken: c.BOT_TOKEN,
    botApiRoot: c.BOT_API_ROOT,
    databaseUrl: c.DATABASE_URL,
    feeds: c.FEEDS,
    pollCron: c.POLL_CRON,
    defaultKeywords: c.DEFAULT_KEYWORDS,
    allowPrivateUrls: c.ALLOW_PRIVATE_URLS,
    httpPort: c.HTTP_PORT,
    logLevel: c.LOG_LEVEL,
    timeZone: c.TZ,
    webhookUrl: c.WEBHOOK_URL,
    webhookSecret: c.WEBHOOK_SECRET,
    adminIds: c.ADMIN_IDS,
    userRateLimit: c.USER_RATE_LIMIT,
    sendRate: c.SEND_RATE,
    alertMaxAgeMs: c.ALERT_MAX_AGE,
  };
}
