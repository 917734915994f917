import type { Kysely } from "kysely";
import type { Database } from "./schema.js";

/** One bot process as its heartbeat last described it. */
export interface InstanceInfo {
  id: string;
  role: string;
  host: string;
  startedAt: number;
  seenAt: number;
  lastPollAt: number | null;
}

/** What the instances of one database tell each other: who runs, and which webhook updates are taken. */
export class ClusterStore {
  constructor(private readonly db: Kysely<Database>) {}

  /** Records that an instance is alive in a role (and when it last finished a poll cycle). */
  async heartbeat(i: Omit<InstanceInfo, "seenAt">, now = Date.now()): Promise<void> {
    const row = {
      id: i.id,
      role: i.role,
      host: i.host,
      started_at: i.startedAt,
      seen_at: now,
      last_poll_at: i.lastPollAt,
    };
    await this.db
      .insertInto("instances")
      .values(row)
      .onConflict((oc) =>
        oc.column("id").doUpdateSet({ role: row.role, seen_at: now, last_poll_at: row.last_poll_at }),
      )
      .execute();
  }

  /** Instances seen since a moment, leader first. */
  async listInstances(since: number): Promise<InstanceInfo[]> {
    const rows = await this.db
      .selectFrom("instances")
      .selectAll()
      .where("seen_at", ">=", since)
      .orderBy("role")
      .orderBy("started_at")
      .execute();
    return rows.map((r) => ({
      id: r.id,
      role: r.role,
      host: r.host,
      startedAt: r.started_at,
      seenAt: r.seen_at,
      lastPollAt: r.last_poll_at,
    }));
  }

  /** Forgets an instance (it stopped cleanly) or every instance silent since before a moment. */
  async removeInstances(which: { id: string } | { silentBefore: number }): Promise<void> {
    const q = this.db.deleteFrom("instances");
    await ("id" in which
      ? q.where("id", "=", which.id)
      : q.where("seen_at", "<", which.silentBefore)
    ).execute();
  }

  /** Takes a webhook update for this instance; false when another instance (or an earlier delivery) has it. */
  async claimUpdate(updateId: number, now = Date.now()): Promise<boolean> {
    const row = await this.db
      .insertInto("processed_updates")
      .values({ update_id: updateId, received_at: now })
      .onConflict((oc) => oc.column("update_id").doNothing())
      .returning("update_id")
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Forgets update ids received before a moment (Telegram stops redelivering long before); returns how many. */
  async pruneUpdates(before: number): Promise<number> {
    const r = await this.db
      .deleteFrom("processed_updates")
      .where("received_at", "<", before)
      .executeTakeFirst();
    return Number(r.numDeletedRows);
  }
}
