import type { Logger } from "../log.js";
import { isPostgresUrl, sqliteFile } from "../store/db.js";
import type { ElectionOptions, Leadership } from "./leader.js";
import { SingleInstance } from "./single.js";

export type { Leadership, LeaderWork, Role } from "./leader.js";
export { InstanceConflictError } from "./single.js";

/**
 * The leadership that fits the database: an advisory-lock election on PostgreSQL (several instances),
 * a one-process guard on SQLite. Throws InstanceConflictError when SQLite is already in use.
 */
export async function createLeadership(
  databaseUrl: string,
  opts: ElectionOptions & { log: Logger },
): Promise<Leadership> {
  if (!isPostgresUrl(databaseUrl)) {
    const file = sqliteFile(databaseUrl);
    return new SingleInstance(file === ":memory:" ? null : file);
  }
  // Loaded only on PostgreSQL, like the driver itself.
  const { PgLeaderElection } = await import("./leader.js");
  return new PgLeaderElection(databaseUrl, opts);
}
