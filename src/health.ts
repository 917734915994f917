import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "./log.js";
import { activeChats, queuedAlerts, registry } from "./metrics.js";
import type { Store } from "./store/store.js";

/** The /healthz and /metrics endpoint, for orchestrators and Prometheus. */
export interface HealthServer {
  port: number;
  close(): Promise<void>;
}

/** What the instance reports about itself beyond the store (see src/cluster/runtime.ts). */
export interface InstanceHealth {
  role: string;
  /** When this instance (as leader) last finished a poll cycle; null if it has not. */
  lastPollAt: number | null;
  /** Whether the Bot API answered lately; null when not known yet. */
  botApi: boolean | null;
  /** How updates arrive here: "polling", "webhook", "none" (a standby), or "stopped" when they should but do not. */
  updates: "polling" | "webhook" | "none" | "stopped";
}

/** Extra duties of the endpoint: the instance's own health, and webhook requests on their path. */
export interface HealthOptions {
  instance?: () => InstanceHealth;
  webhook?: { path: string; serve(req: IncomingMessage, res: ServerResponse): Promise<void> };
}

/** Starts the endpoint on a port (0 = any free one); a port already taken is logged and skipped, not fatal. */
export async function startHealthServer(
  port: number,
  store: Store,
  log: Logger,
  opts: HealthOptions = {},
): Promise<HealthServer | null> {
  const server: Server = createServer(async (req, res) => {
    try {
      const path = (req.url ?? "").split("?")[0];
      if (opts.webhook && path === opts.webhook.path) {
        await opts.webhook.serve(req, res);
      } else if (req.url === "/healthz" || req.url === "/health") {
        const storeOk = await store.ping();
        const instance = opts.instance?.();
        // Unhealthy = cannot do its job: no store, or updates that should arrive and do not (e.g. a 409).
        const ok = storeOk && instance?.updates !== "stopped";
        const lastPoll = instance?.lastPollAt ?? null;
        res.writeHead(ok ? 200 : 503, { "content-type": "application/json" });
        res.end(
          JSON.stringify({
            ok,
            database: store.dialect,
            store: storeOk,
            ...(instance && {
              role: instance.role,
              updates: instance.updates,
              botApi: instance.botApi,
              lastPollAgeSeconds: lastPoll === null ? null : Math.round((Date.now() - lastPoll) / 1000),
            }),
          }),
        );
      } else if (req.url === "/metrics") {
        // Only the queue is read at a scrape (an indexed count); sent and failed messages are counters.
        queuedAlerts.set({ status: "pending" }, await store.outbox.pending());
        activeChats.set((await store.chats.counts()).active);
        res.writeHead(200, { "content-type": registry.contentType });
        res.end(await registry.metrics());
      } else {
        res.writeHead(404).end();
      }
    } catch (err) {
      log.error({ err }, "health endpoint failed");
      if (!res.headersSent) res.writeHead(500);
      res.end();
    }
  });
  const listening = await new Promise<boolean>((resolve) => {
    server.once("error", (err) => {
      log.warn({ err, port }, "health/metrics endpoint not started");
      resolve(false);
    });
    server.listen(port, () => resolve(true));
  });
  if (!listening) return null;
  const actual = (server.address() as AddressInfo).port;
  log.info({ port: actual }, "health and metrics on /healthz and /metrics");
  return {
    port: actual,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
