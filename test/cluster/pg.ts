import { type TestDatabase, testDatabases } from "../store/databases.js";

const entry = testDatabases.find((d) => d.db.name === "postgres") as { db: TestDatabase; skip: boolean };

/** The PostgreSQL test database (a fresh schema per create), and whether its tests are skipped. */
export const pgTest = { skip: entry.skip, create: () => entry.db.create() };
