import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createLeadership, InstanceConflictError, type Leadership } from "../../src/cluster/index.js";
import { createLogger } from "../../src/log.js";
import { pgTest } from "./pg.js";

const log = createLogger("silent");

/** A leadership whose work records when it runs. */
async function contender(url: string, onLost?: () => void) {
  const events: string[] = [];
  const l = await createLeadership(url, { log, retryMs: 100, checkMs: 100, onLost });
  l.onLeader({
    start: async () => void events.push("start"),
    stop: async () => void events.push("stop"),
  });
  return { l, events };
}

async function until(cond: () => boolean, ms = 5_000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe.skipIf(pgTest.skip)("leader election on PostgreSQL", () => {
  let url: string;
  let drop: () => Promise<void>;
  const open: Leadership[] = [];
  beforeEach(async () => {
    ({ url, drop } = await pgTest.create());
  });
  afterEach(async () => {
    for (const l of open.splice(0)) await l.close();
    await drop();
  });

  it("elects exactly one leader, and the standby takes over when the leader closes", async () => {
    const a = await contender(url);
    const b = await contender(url);
    open.push(a.l, b.l);
    await a.l.begin();
    await b.l.begin();
    expect([a.l.role, b.l.role]).toEqual(["leader", "standby"]);
    expect(b.events).toEqual([]);
    await a.l.close();
    expect(a.events).toEqual(["start", "stop"]);
    await until(() => b.l.role === "leader");
    expect(b.events).toEqual(["start"]);
  });

  it("a leader whose lock session is cut stops its work at once and another takes over", async () => {
    let lost = 0;
    const a = await contender(url, () => lost++);
    const b = await contender(url);
    open.push(a.l, b.l);
    await a.l.begin();
    await b.l.begin();
    expect(a.l.role).toBe("leader");
    // As when the connection dies (server restart, network): the server ends the session.
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    const { rows } = await admin.query(
      `select pg_terminate_backend(pid) from pg_locks
       where locktype = 'advisory' and granted and database = (select oid from pg_database where datname = current_database())
         and objid = ((hashtext('newsalert leader ' || current_schema())::bigint & 4294967295)::text)::oid`,
    );
    await admin.end();
    expect(rows.length).toBe(1);
    await until(() => lost === 1);
    expect(a.events).toEqual(["start", "stop"]);
    expect(a.l.role).toBe("standby");
    await until(() => b.l.role === "leader");
  });

  it("deployments in different schemas of one database elect their own leaders", async () => {
    const other = await pgTest.create();
    try {
      const a = await contender(url);
      const b = await contender(other.url);
      open.push(a.l, b.l);
      await a.l.begin();
      await b.l.begin();
      expect([a.l.role, b.l.role]).toEqual(["leader", "leader"]);
    } finally {
      for (const l of open.splice(0)) await l.close();
      await other.drop();
    }
  });
});

describe("one process per SQLite file", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "newsalert-single-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("a second instance on the same file is refused with a clear error; after the first stops it may run", async () => {
    const file = join(dir, "bot.db");
    const first = await contender(file);
    await first.l.begin();
    expect(first.l.role).toBe("single");
    expect(first.events).toEqual(["start"]);
    const second = createLeadership(file, { log });
    await expect(second).rejects.toThrow(InstanceConflictError);
    await expect(second).rejects.toThrow(
      /another newsalert process is already running on .*bot\.db.*PostgreSQL/,
    );
    await first.l.close();
    expect(first.events).toEqual(["start", "stop"]);
    const third = await contender(file);
    await third.l.close();
  });
});
