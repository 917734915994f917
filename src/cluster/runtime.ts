import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import type { Bot } from "grammy";
import type { Update } from "grammy/types";
import { botApiReachable, botApiStatus, isUnauthorized } from "../api-monitor.js";
import type { BotContext } from "../bot/context.js";
import type { Config } from "../config.js";
import type { AlertRouter } from "../delivery/router.js";
import type { InstanceHealth } from "../health.js";
import type { Logger } from "../log.js";
import { isLeader } from "../metrics.js";
import type { Store } from "../store/store.js";
import { createLeadership, type Leadership, type LeaderWork, type Role } from "./index.js";
import type { SubscriptionSync } from "./subscription-sync.js";
import { type WebhookEndpoint, webhookEndpoint } from "./webhook.js";

/** The update types the bot handles (for getUpdates and setWebhook alike). */
export const ALLOWED_UPDATES = ["message", "channel_post", "callback_query", "my_chat_member"] as const;

const HEARTBEAT_MS = 10_000;
const WEBHOOK_RETRY_MS = 5_000;
const PROBE_AFTER_MS = 30_000;
const DAY_MS = 24 * 60 * 60_000;

/** What the cluster runtime coordinates. */
export interface ClusterDeps {
  config: Config;
  store: Store;
  bot: Bot<BotContext>;
  router: AlertRouter;
  log: Logger;
  /** The feed and delivery pipeline: runs on the leader only. */
  pipeline: LeaderWork;
  /** Settles true once the Bot API answered getMe (retried elsewhere); updates start only then. */
  connected: Promise<boolean>;
  /** Told once this instance receives updates (long polling started, or the webhook registered). */
  onOnline?: () => void;
  /** Told when leadership was lost while running (the leader's work is already stopped). */
  onLost: () => void;
  /** Election timings (tests shorten them). */
  retryMs?: number;
}

/** This instance's part in a deployment: role, updates, the shared matching index, heartbeat. */
export interface ClusterRuntime {
  readonly role: Role;
  /** The webhook endpoint, when updates arrive by webhook. */
  readonly webhook: { path: string; serve: WebhookEndpoint["serve"] } | null;
  /** For /healthz. */
  health(): InstanceHealth;
  /** Records a finished poll cycle. */
  pollCycleDone(): void;
  /** Starts contending for leadership, listening for subscription changes, and the heartbeat. */
  start(): Promise<void>;
  /** Stops leader work (if leading), hands leadership over, and waits for webhook updates in hand. */
  stop(): Promise<void>;
}

/**
 * Runs one instance of a deployment. The leader (one per database, elected in src/cluster/leader.ts)
 * receives updates by long polling, or registers the webhook, and runs the pipeline; every instance
 * serves webhook requests (each update handled once), keeps its matching index in step with the
 * database, and reports itself in the instances table.
 */
export async function createClusterRuntime(deps: ClusterDeps): Promise<ClusterRuntime> {
  const { config, store, bot, log } = deps;
  const id = `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
  const startedAt = Date.now();
  let lastPollAt: number | null = null;
  let pollingFailed = false;
  let polling: Promise<void> | null = null;
  let webhookRetry: NodeJS.Timeout | undefined;

  const leadership: Leadership = await createLeadership(config.databaseUrl, {
    log: log.child({ stage: "cluster" }),
    retryMs: deps.retryMs,
    onLost: deps.onLost,
  });

  const endpoint =
    config.webhookUrl && config.webhookSecret
      ? webhookEndpoint({
          secret: config.webhookSecret,
          claim: (updateId) => store.cluster.claimUpdate(updateId),
          handle: (update: Update) => bot.handleUpdate(update),
          log: log.child({ stage: "webhook" }),
        })
      : null;

  const receiveUpdates = async () => {
    if (config.webhookUrl) {
      const url = config.webhookUrl;
      // Retried in the background: a Bot API that is down at start must not keep the pipeline from running.
      const register = async (): Promise<void> => {
        try {
          await bot.api.setWebhook(url, {
            secret_token: config.webhookSecret ?? undefined,
            allowed_updates: [...ALLOWED_UPDATES],
          });
          log.info("webhook registered; updates arrive on HTTP_PORT");
          deps.onOnline?.();
        } catch (err) {
          // A refused token is final: the app reports it once and stops (src/app.ts).
          if (isUnauthorized(err)) return;
          log.warn({ err }, "setWebhook failed; retrying in 5 s");
          if (leadership.role !== "standby") webhookRetry = setTimeout(register, WEBHOOK_RETRY_MS);
        }
      };
      await register();
      return;
    }
    pollingFailed = false;
    // bot.start deletes a webhook left from webhook mode before it polls.
    polling = bot.start({
      allowed_updates: [...ALLOWED_UPDATES],
      onStart: (me) => {
        log.info({ bot: me.username }, "receiving updates by long polling");
        deps.onOnline?.();
      },
    });
    polling.catch((err) => {
      pollingFailed = true;
      if (isUnauthorized(err)) return; // reported once by the app, which stops
      log.fatal({ err }, "receiving updates failed; /healthz reports 503");
    });
  };

  leadership.onLeader({
    start: async () => {
      isLeader.set(1);
      await deps.pipeline.start();
      // Not awaited: with Telegram unreachable the pipeline still polls and queues meanwhile.
      void deps.connected.then((ok) => (ok && leadership.role !== "standby" ? receiveUpdates() : undefined));
      void heartbeat();
    },
    stop: async () => {
      isLeader.set(0);
      clearTimeout(webhookRetry);
      await Promise.allSettled([bot.isRunning() ? bot.stop() : undefined, deps.pipeline.stop()]);
    },
  });

  let sync: SubscriptionSync | null = null;
  if (store.dialect === "postgres") {
    const { SubscriptionSync, routerTarget } = await import("./subscription-sync.js");
    sync = new SubscriptionSync(config.databaseUrl, routerTarget(store.subscriptions, deps.router), {
      log: log.child({ stage: "cluster" }),
    });
  }

  const heartbeat = async () => {
    try {
      await store.cluster.heartbeat({
        id,
        role: leadership.role,
        host: hostname(),
        startedAt,
        lastPollAt,
      });
      if (leadership.role !== "standby") {
        await store.cluster.pruneUpdates(Date.now() - DAY_MS);
        await store.cluster.removeInstances({ silentBefore: Date.now() - DAY_MS });
      }
      // A standby makes no Bot API calls of its own; ask now and then so /healthz knows.
      const api = botApiStatus(bot.api);
      if (Math.max(api.lastAnswerAt, api.lastFailureAt) < Date.now() - PROBE_AFTER_MS)
        await bot.api.getMe().catch(() => {});
    } catch (err) {
      log.warn({ err }, "instance heartbeat failed");
    }
  };
  const beating = setInterval(heartbeat, HEARTBEAT_MS);
  beating.unref();

  return {
    get role() {
      return leadership.role;
    },
    webhook: endpoint && {
      path: new URL(config.webhookUrl as string).pathname,
      serve: endpoint.serve,
    },
    health: () => ({
      role: leadership.role,
      lastPollAt,
      botApi: botApiReachable(botApiStatus(bot.api)),
      updates: endpoint
        ? "webhook"
        : leadership.role === "standby"
          ? "none"
          : pollingFailed
            ? "stopped"
            : "polling",
    }),
    pollCycleDone: () => {
      lastPollAt = Date.now();
    },
    async start() {
      await sync?.start();
      await heartbeat();
      await leadership.begin();
    },
    async stop() {
      clearInterval(beating);
      await leadership.close();
      await endpoint?.drain();
      await sync?.stop();
      await store.cluster.removeInstances({ id }).catch(() => {});
    },
  };
}
