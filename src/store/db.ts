import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect } from "kysely";
import type { Database } from "./schema.js";

/** Which SQL engine a store runs on. */
export type DialectName = "sqlite" | "postgres";

/** An open database and the engine behind it. */
export interface Connection {
  db: Kysely<Database>;
  dialect: DialectName;
  /** The URL it was opened with. */
  url: string;
}

/** True when DATABASE_URL names PostgreSQL rather than a SQLite file. */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

/** The file a SQLite DATABASE_URL names (a `sqlite:` prefix is allowed). */
export function sqliteFile(url: string): string {
  return url.replace(/^sqlite:(\/\/)?/i, "");
}

/** Opens SQLite (creating the file and its folder) or PostgreSQL, by the shape of the URL. */
export async function connect(url: string): Promise<Connection> {
  if (isPostgresUrl(url)) {
    // Loaded only when used: the driver costs ~15 MiB of resident memory a SQLite deployment never needs.
    const { default: pg } = await import("pg");
    // int8 (ids, chat ids, epoch ms) would otherwise arrive as strings; all our values fit a double.
    pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
    const pool = new pg.Pool({ connectionString: url, max: 10 });
    return { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), dialect: "postgres", url };
  }
  const file = sqliteFile(url);
  if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  // WAL lets the bot read while the poller writes; NORMAL sync is durable across process crashes.
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  return {
    db: new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) }),
    dialect: "sqlite",
    url,
  };
}
