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

/** Failures to match or queue stored items (a store error): they are retried every cycle, apart from feed health. */
export const routingErrors = new Counter({
  name: "newsalert_routing_errors_total",
  help: "Routing (matching and queueing) failures; the items are retried at the next poll cycle",
  registers: [registry],
});
