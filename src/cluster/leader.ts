import pg from "pg";
import type { Logger } from "../log.js";

/** What an instance does: the leader runs updates and the pipeline; a standby waits; SQLite runs alone. */
export type Role = "leader" | "standby" | "single";

/** Work that runs only while this instance leads. */
export interface LeaderWork {
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** Decides whether this instance leads, and runs the leader's work exactly while it does. */
export interface Leadership {
  /** This instance's role now. */
  readonly role: Role;
  /** Registers the leader's work; call once, before `begin`. */
  onLeader(work: LeaderWork): void;
  /** Starts contending (or, alone, starts the work at once). */
  begin(): Promise<void>;
  /** Stops the work if running and gives up leadership so another instance takes over at once. */
  close(): Promise<void>;
}

/** Timings of the election; the defaults give a takeover within ~5 s of a leader's death. */
export interface ElectionOptions {
  log: Logger;
  /** How often a standby tries to take the lock. */
  retryMs?: number;
  /** How often the leader checks that its lock session is still alive. */
  checkMs?: number;
  /** A check slower than this counts as a lost session. */
  checkTimeoutMs?: number;
  /** Called after the work was stopped because the lock session was lost (the process should exit). */
  onLost?: (err: unknown) => void;
}

/**
 * Leader election on PostgreSQL with a session-level advisory lock held on a dedicated connection.
 * The server releases the lock when that session ends (process killed, connection cut), so a standby
 * retrying `pg_try_advisory_lock` takes over; the leader checks its session every few seconds and
 * stops its work as soon as the session is gone, so two leaders never work side by side for long.
 * The lock key includes the schema, so several deployments may share one database.
 */
export class PgLeaderElection implements Leadership {
  private current: Role = "standby";
  private work: LeaderWork | null = null;
  private client: pg.Client | null = null;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;
  private losing: Promise<void> | null = null;
  private readonly retryMs: number;
  private readonly checkMs: number;
  private readonly checkTimeoutMs: number;

  constructor(
    private readonly url: string,
    private readonly opts: ElectionOptions,
  ) {
    this.retryMs = opts.retryMs ?? 3_000;
    this.checkMs = opts.checkMs ?? 2_000;
    this.checkTimeoutMs = opts.checkTimeoutMs ?? 5_000;
  }

  get role(): Role {
    return this.current;
  }

  onLeader(work: LeaderWork): void {
    this.work = work;
  }

  async begin(): Promise<void> {
    await this.attempt();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    await this.losing;
    if (this.current === "leader") {
      this.current = "standby";
      await this.work?.stop();
    }
    // Ending the session releases the lock; a standby takes over at its next try.
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => {});
  }

  private schedule(fn: () => Promise<void>, ms: number): void {
    if (this.closed) return;
    this.timer = setTimeout(() => void fn(), ms);
  }

  private async connect(): Promise<pg.Client> {
    const client = new pg.Client({
      connectionString: this.url,
      keepAlive: true,
      query_timeout: this.checkTimeoutMs,
    });
    client.on("error", (err) => this.sessionLost(client, err));
    client.on("end", () => this.sessionLost(client, new Error("lock session ended")));
    await client.connect();
    // A leader cut off from the server stops itself within checkTimeoutMs; the server ends the
    // silent session (and frees the lock) later than that, so the two never overlap.
    await client.query("set idle_session_timeout = '20s'").catch(() => {});
    return client;
  }

  private async attempt(): Promise<void> {
    if (this.closed) return;
    try {
      this.client ??= await this.connect();
      const { rows } = await this.client.query<{ ok: boolean }>(
        "select pg_try_advisory_lock(hashtext('newsalert leader ' || current_schema())) as ok",
      );
      if (this.closed) return;
      if (rows[0]?.ok) {
        this.current = "leader";
        this.opts.log.info("this instance is now the leader: it receives updates and runs the pipeline");
        this.schedule(() => this.check(), this.checkMs);
        await this.work?.start().catch((err) => this.resign(err));
        return;
      }
    } catch (err) {
      this.opts.log.warn({ err }, "leader election: database not reachable; retrying");
      const client = this.client;
      this.client = null;
      await client?.end().catch(() => {});
    }
    this.schedule(() => this.attempt(), this.retryMs);
  }

  private async check(): Promise<void> {
    const client = this.client;
    if (this.closed || !client) return;
    try {
      await client.query("select 1");
      this.schedule(() => this.check(), this.checkMs);
    } catch (err) {
      this.sessionLost(client, err);
    }
  }

  /** The leader's work failed to start: stop it and give the lock up, as if the session were lost. */
  private resign(err: unknown): void {
    this.opts.log.error({ err }, "leader work failed to start");
    if (this.client) this.sessionLost(this.client, err);
  }

  private sessionLost(client: pg.Client, err: unknown): void {
    if (this.closed || client !== this.client) return;
    this.client = null;
    void client.end().catch(() => {});
    if (this.current !== "leader") {
      if (this.timer) clearTimeout(this.timer);
      this.schedule(() => this.attempt(), this.retryMs);
      return;
    }
    this.current = "standby";
    this.opts.log.error({ err }, "lost the leader lock's database session; stopping leader work");
    this.losing = (async () => {
      if (this.timer) clearTimeout(this.timer);
      try {
        await this.work?.stop();
      } catch (stopErr) {
        this.opts.log.error({ err: stopErr }, "stopping leader work failed");
      }
      this.opts.onLost?.(err);
    })();
  }
}
