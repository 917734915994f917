import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterEach, beforeEach } from "vitest";
import { Store } from "../../src/store/store.js";

/** A database a store test runs against: a fresh SQLite file, or a fresh PostgreSQL schema. */
export interface TestDatabase {
  name: "sqlite" | "postgres";
  /** Makes a new empty database and returns its DATABASE_URL plus a cleanup. */
  create(): Promise<{ url: string; drop(): Promise<void> }>;
}

const pgUrl = process.env.TEST_DATABASE_URL;

const sqlite: TestDatabase = {
  name: "sqlite",
  async create() {
    const dir = mkdtempSync(join(tmpdir(), "newsalert-"));
    return {
      url: join(dir, "sub", "test.db"),
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  },
};

const postgres: TestDatabase = {
  name: "postgres",
  async create() {
    if (!pgUrl) throw new Error("TEST_DATABASE_URL is not set");
    const schema = `t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    const url = new URL(pgUrl);
    url.searchParams.set("options", `-c search_path=${schema}`);
    return {
      url: url.toString(),
      drop: async () => {
        const c = new pg.Client({ connectionString: pgUrl });
        await c.connect();
        await c.query(`drop schema ${schema} cascade`);
        await c.end();
      },
    };
  },
};

/** SQLite always; PostgreSQL when TEST_DATABASE_URL is set (otherwise reported as skipped). */
export const testDatabases: Array<{ db: TestDatabase; skip: boolean }> = [
  { db: sqlite, skip: false },
  { db: postgres, skip: !pgUrl },
];

/** testDatabases with a label for describe.each ("$label"): a skipped one says how to run it. */
export const labelledDatabases = testDatabases.map((d) => ({
  ...d,
  label: d.skip ? `${d.db.name} (set TEST_DATABASE_URL to run)` : d.db.name,
}));

/** The store a test works on and its DATABASE_URL; `store` may be replaced (e.g. reopened) by the test. */
export interface StoreFixture {
  store: Store;
  url: string;
}

/** Opens a fresh store on `db` before each test, closes and drops it after; read the fields inside tests. */
export function storeEachTest(db: TestDatabase): StoreFixture {
  const fixture = {} as StoreFixture;
  let drop: (() => Promise<void>) | undefined;
  beforeEach(async () => {
    const made = await db.create();
    drop = made.drop;
    fixture.url = made.url;
    fixture.store = await Store.open(made.url);
  });
  afterEach(async () => {
    // After a failed open there is no store to close, but the database is still dropped.
    await fixture.store?.close();
    await drop?.();
    drop = undefined;
    Object.assign(fixture, { store: undefined });
  });
  return fixture;
}
