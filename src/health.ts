import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "./log.js";
import { activeChats, queuedAlerts, registry } from "./metrics.js";
import type { Store } from "./store/store.js";

/** The /healthz and /metrics endpoint, for orchestrators and Prometheus. */
export interface HealthServer {
  port: number;
  close(): Promise<void>;
}

/** Starts the endpoint on a port (0 = any free one); a port already taken is logged and skipped, not fatal. */
export async function startHealthServer(
  port: number,
  store: Store,
  log: Logger,
): Promise<HealthServer | null> {
  const server: Server = createServer(async (req, res) => {
    try {
      if (req.url === "/healthz" || req.url === "/health") {
        const ok = await store.ping();
        res.writeHead(ok ? 200 : 503, { "content-type": "application/json" });
        res.end(JSON.stringify({ ok, database: store.dialect }));
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
