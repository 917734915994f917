import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";

/** The Prometheus registry /metrics serves; stages count into the metrics below. */
export const registry = new Registry();
collectDefaultMetrics({ register: registry });

/** Feed fetches by outcome: ok, not-modified, or the FeedError kind. */
export const feedFetches = new Counter({
  name: "newsalert_feed_fetches_total",
  help: "Feed fetches by outcome",
  labelNames: ["outcome"] as const,
  registers: [registry],
});

/** New stories stored, and how many of them were news (not a first poll's backlog or history). */
export const itemsStored = new Counter({
  name: "newsalert_items_new_total",
  help: "New items stored, by whether they were alerted on",
  labelNames: ["kind"] as const,
  registers: [registry],
});

/** Wall time of whole poll cycles. */
export const pollCycleSeconds = new Histogram({
  name: "newsalert_poll_cycle_seconds",
  help: "Duration of one poll cycle over all due feeds",
  buckets: [0.1, 0.5, 1, 2, 5, 10, 20, 30, 60, 120],
  registers: [registry],
});

/** Alert messages by delivery outcome. */
export const alertMessages = new Counter({
  name: "newsalert_alert_messages_total",
  help: "Alert messages by outcome: sent, retry, failed, chat-gone",
  labelNames: ["outcome"] as const,
  registers: [registry],
});

/** Alerts in the outbox by status, read from the store when /metrics is scraped. */
export const queuedAlerts = new Gauge({
  name: "newsalert_alerts",
  help: "Alerts by delivery status",
  labelNames: ["status"] as const,
  registers: [registry],
});

/** Chats the bot can still write to, read from the store when /metrics is scraped. */
export const activeChats = new Gauge({
  name: "newsalert_chats_active",
  help: "Chats the bot can write to",
  registers: [registry],
});

/** Alerts given up because Telegram could not take them within ALERT_MAX_AGE. */
export const alertsExpired = new Counter({
  name: "newsalert_alerts_expired_total",
  help: "Alerts dropped undelivered after ALERT_MAX_AGE (outage, flood waits)",
  registers: [registry],
});

/** Alert rows recorded as sent only after a retry (the database failed right after Telegram's answer). */
export const alertRecordRetries = new Counter({
  name: "newsalert_alert_record_retries_total",
  help: "Failed attempts to record an alert Telegram had accepted (kept in memory and retried, never resent)",
  registers: [registry],
});
