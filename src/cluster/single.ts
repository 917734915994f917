import SQLite from "better-sqlite3";
import type { Leadership, LeaderWork, Role } from "./leader.js";

/** Thrown when a second process opens a SQLite database another newsalert process is running on. */
export class InstanceConflictError extends Error {}

/**
 * SQLite is one process's database: this instance is always the leader, and a second process on the
 * same file is refused at start. The guard is an exclusive SQLite lock on a companion file
 * (`<db>.instance`), which the operating system releases when the process dies, however it dies.
 */
export class SingleInstance implements Leadership {
  private work: LeaderWork | null = null;
  private running = false;
  private readonly guard: SQLite.Database | null = null;

  /** `file` null: an in-memory database, which no other process can open anyway. */
  constructor(file: string | null) {
    if (file === null) return;
    this.guard = new SQLite(`${file}.instance`, { timeout: 0 });
    try {
      this.guard.pragma("locking_mode = EXCLUSIVE");
      this.guard.exec("begin exclusive");
    } catch (err) {
      this.guard.close();
      if ((err as { code?: string }).code?.startsWith("SQLITE_BUSY"))
        throw new InstanceConflictError(
          `another newsalert process is already running on ${file}: SQLite serves one instance; ` +
            "stop the other one, or use PostgreSQL (DATABASE_URL=postgres://...) to run several",
        );
      throw err;
    }
  }

  get role(): Role {
    return "single";
  }

  onLeader(work: LeaderWork): void {
    this.work = work;
  }

  async begin(): Promise<void> {
    this.running = true;
    await this.work?.start();
  }

  async close(): Promise<void> {
    if (this.running) {
      this.running = false;
      await this.work?.stop();
    }
    if (this.guard?.open) this.guard.close();
  }
}
