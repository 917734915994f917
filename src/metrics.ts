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

/** Alerts waiting in the outbox (status="pending"), read from the store when /metrics is scraped. */
export const queuedAlerts = new Gauge({
  name: "newsalert_alerts",
  help: "Alerts waiting to be sent (status=pending); delivered and failed ones are counted by newsalert_alert_messages_total",
  labelNames: ["status"] as const,
  registers: [registry],
});

/** Chats the bot can still write to, read from the store when /metrics is scraped. */
export const activeChats = new Gauge({
  name: "newsalert_chats_active",
  help: "Chats the bot can write to",
  registers: [registry],
});

/** Alerts matching queued, i.e. (chat, story) pairs a poll produced. */
export const matchesQueued = new Counter({
  name: "newsalert_matches_total",
  help: "Alerts queued by matching (one per chat and story)",
  registers: [registry],
});

/** Bot API calls Telegram answered with 429 Too Many Requests, by method. */
export const telegramTooManyRequests = new Counter({
  name: "newsalert_telegram_429_total",
  help: "Bot API calls answered 429 Too Many Requests",
  labelNames: ["method"] as const,
  registers: [registry],
});

/** Duration of Bot API calls that send or edit messages (the send latency). */
export const botApiSeconds = new Histogram({
  name: "newsalert_bot_api_request_seconds",
  help: "Duration of Bot API calls, by method (getUpdates long polls excluded)",
  labelNames: ["method"] as const,
  buckets: [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30],
  registers: [registry],
});

/** From a story's publication to Telegram accepting its alert. */
export const alertDelaySeconds = new Histogram({
  name: "newsalert_alert_delay_seconds",
  help: "Time from a story's publication (feed date) to its alert being accepted by Telegram",
  buckets: [5, 15, 30, 60, 120, 300, 600, 1800, 3600, 4 * 3600, 24 * 3600],
  registers: [registry],
});

/** The sender calls this for every alert Telegram accepted: publication → delivery latency. */
export function observeAlertDelivered(publishedAt: number, deliveredAt: number): void {
  alertDelaySeconds.observe(Math.max(0, deliveredAt - publishedAt) / 1000);
}

/** Alerts given up without being sent (too old, chat gone), by reason. */
export const alertsDropped = new Counter({
  name: "newsalert_alerts_dropped_total",
  help: "Alerts dropped without being sent, by reason",
  labelNames: ["reason"] as const,
  registers: [registry],
});

/** 1 while this instance is the leader (receives updates, polls, sends); 0 on a standby. */
export const isLeader = new Gauge({
  name: "newsalert_leader",
  help: "1 while this instance leads (updates, polling, delivery)",
  registers: [registry],
});

/** Failures to match or queue stored items (a store error): they are retried every cycle, apart from feed health. */
export const routingErrors = new Counter({
  name: "newsalert_routing_errors_total",
  help: "Routing (matching and queueing) failures; the items are retried at the next poll cycle",
  registers: [registry],
});

/** Alert rows recorded as sent only after a retry (the database failed right after Telegram's answer). */
export const alertRecordRetries = new Counter({
  name: "newsalert_alert_record_retries_total",
  help: "Failed attempts to record an alert Telegram had accepted (kept in memory and retried, never resent)",
  registers: [registry],
});
