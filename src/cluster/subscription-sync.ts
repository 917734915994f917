import pg from "pg";
import type { AlertRouter } from "../delivery/router.js";
import type { Logger } from "../log.js";
import type { Subscription } from "../store/schema.js";
import type { SubscriptionStore } from "../store/subscriptions.js";

/** A subscription change as the database trigger (migration 0007) announces it. */
export interface SubscriptionChange {
  op: "INSERT" | "UPDATE" | "DELETE";
  id: number;
  chat: number;
}

/** Where changes are applied: the instance's matching index and the store it reads rows from. */
export interface SubscriptionTarget {
  /** The stored subscription, or undefined once it is gone. */
  get(id: number): Promise<Subscription | undefined>;
  listAll(): Promise<Subscription[]>;
  apply(sub: Subscription): void;
  remove(id: number): void;
  resync(subs: readonly Subscription[]): number;
}

/** The usual target: rows from the store, applied to the instance's alert router. */
export function routerTarget(subscriptions: SubscriptionStore, router: AlertRouter): SubscriptionTarget {
  return {
    get: (id) => subscriptions.byId(id),
    listAll: () => subscriptions.listAll(),
    apply: (sub) => router.apply(sub),
    remove: (id) => router.remove(id),
    resync: (subs) => router.resync(subs),
  };
}

/** How the listener behaves; tests shorten the intervals. */
export interface SyncOptions {
  log: Logger;
  /** A full comparison with the database this often, in case a notification was missed. */
  resyncMs?: number;
  /** Wait before reconnecting after the listening session broke. */
  reconnectMs?: number;
}

/**
 * Keeps this instance's matching index equal to the subscriptions table while several instances
 * change it: each change is NOTIFYed by a trigger and applied here within moments; after a lost
 * connection (notifications missed meanwhile) and periodically, the whole set is compared.
 */
export class SubscriptionSync {
  private client: pg.Client | null = null;
  private timer: NodeJS.Timeout | null = null;
  private resyncing: NodeJS.Timeout | null = null;
  private closed = false;
  /** Changes are applied one at a time, in the order they were announced. */
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly url: string,
    private readonly target: SubscriptionTarget,
    private readonly opts: SyncOptions,
  ) {}

  /** Connects and listens; resolves once listening (a failure is retried in the background). */
  async start(): Promise<void> {
    this.resyncing = setInterval(() => this.enqueue(() => this.resync()), this.opts.resyncMs ?? 60_000);
    this.resyncing.unref();
    await this.listen();
  }

  /** Stops listening. */
  async stop(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.resyncing) clearInterval(this.resyncing);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => {});
    await this.chain;
  }

  private async listen(): Promise<void> {
    if (this.closed) return;
    const client = new pg.Client({ connectionString: this.url, keepAlive: true });
    client.on("error", (err) => this.broken(client, err));
    client.on("end", () => this.broken(client, new Error("listening session ended")));
    client.on("notification", (msg) => {
      const change = parseChange(msg.payload);
      if (change) this.enqueue(() => this.applyChange(change));
      else this.opts.log.warn({ payload: msg.payload }, "unreadable subscription notification ignored");
    });
    try {
      await client.connect();
      const { rows } = await client.query<{ channel: string }>(
        "select 'newsalert_subscriptions:' || current_schema() as channel",
      );
      await client.query(`listen ${client.escapeIdentifier(rows[0]?.channel ?? "")}`);
      this.client = client;
      // Changes made while nobody listened (before start, during a reconnect) are caught by a full comparison.
      this.enqueue(() => this.resync());
    } catch (err) {
      this.opts.log.warn({ err }, "subscription listener could not connect; retrying");
      await client.end().catch(() => {});
      this.retry();
    }
  }

  private broken(client: pg.Client, err: unknown): void {
    if (this.closed || client !== this.client) return;
    this.client = null;
    this.opts.log.warn({ err }, "subscription listener lost its session; reconnecting");
    void client.end().catch(() => {});
    this.retry();
  }

  private retry(): void {
    if (this.closed) return;
    this.timer = setTimeout(() => void this.listen(), this.opts.reconnectMs ?? 2_000);
  }

  private enqueue(task: () => Promise<void>): void {
    this.chain = this.chain.then(task).catch((err) => {
      this.opts.log.warn({ err }, "applying a subscription change failed; the next resync repairs it");
    });
  }

  private async applyChange(change: SubscriptionChange): Promise<void> {
    if (change.op === "DELETE") return this.target.remove(change.id);
    const sub = await this.target.get(change.id);
    if (sub) this.target.apply(sub);
    else this.target.remove(change.id);
  }

  private async resync(): Promise<void> {
    const changed = this.target.resync(await this.target.listAll());
    if (changed > 0) this.opts.log.info({ changed }, "matching index caught up with the database");
  }
}

/** Reads a notification payload; null when it is not one of ours. */
export function parseChange(payload: string | undefined): SubscriptionChange | null {
  try {
    const v = JSON.parse(payload ?? "") as Partial<SubscriptionChange>;
    if (
      (v.op === "INSERT" || v.op === "UPDATE" || v.op === "DELETE") &&
      typeof v.id === "number" &&
      typeof v.chat === "number"
    )
      return { op: v.op, id: v.id, chat: v.chat };
  } catch {
    // Fall through: not JSON.
  }
  return null;
}
