import {
  type CreateTableBuilder,
  type Kysely,
  type Migration,
  type MigrationProvider,
  Migrator,
  sql,
} from "kysely";
import type { DialectName } from "./db.js";
import type { Database } from "./schema.js";

// Migrations are append-only: a released one is never edited, a change is a new entry.
type Step = (db: Kysely<Database>, dialect: DialectName) => Promise<void>;

function withId<T extends string>(t: CreateTableBuilder<T, never>, dialect: DialectName) {
  return dialect === "postgres"
    ? t.addColumn("id", "bigserial", (c) => c.primaryKey())
    : t.addColumn("id", "integer", (c) => c.primaryKey().autoIncrement());
}

const steps: Record<string, Step> = {
  "0001_initial": async (db, dialect) => {
    await db.schema
      .createTable("chats")
      .addColumn("id", "bigint", (c) => c.primaryKey())
      .addColumn("type", "text", (c) => c.notNull())
      .addColumn("title", "text")
      .addColumn("paused", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("active", "integer", (c) => c.notNull().defaultTo(1))
      .addColumn("created_at", "bigint", (c) => c.notNull())
      .execute();

    await withId(db.schema.createTable("subscriptions"), dialect)
      .addColumn("chat_id", "bigint", (c) => c.notNull().references("chats.id").onDelete("cascade"))
      .addColumn("query", "text", (c) => c.notNull())
      .addColumn("created_at", "bigint", (c) => c.notNull())
      .addUniqueConstraint("subscriptions_chat_query", ["chat_id", "query"])
      .execute();

    await withId(db.schema.createTable("feeds"), dialect)
      .addColumn("url", "text", (c) => c.notNull().unique())
      .addColumn("title", "text")
      .addColumn("shared", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("initialized", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("etag", "text")
      .addColumn("last_modified", "text")
      .addColumn("next_check_at", "bigint", (c) => c.notNull().defaultTo(0))
      .addColumn("last_polled_at", "bigint")
      .addColumn("last_success_at", "bigint")
      .addColumn("last_error", "text")
      .addColumn("last_error_at", "bigint")
      .addColumn("consecutive_failures", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("items_seen", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("created_at", "bigint", (c) => c.notNull())
      .execute();

    await db.schema
      .createTable("chat_feeds")
      .addColumn("chat_id", "bigint", (c) => c.notNull().references("chats.id").onDelete("cascade"))
      .addColumn("feed_id", "bigint", (c) => c.notNull().references("feeds.id").onDelete("cascade"))
      .addColumn("created_at", "bigint", (c) => c.notNull())
      .addPrimaryKeyConstraint("chat_feeds_pk", ["chat_id", "feed_id"])
      .execute();

    await withId(db.schema.createTable("items"), dialect)
      .addColumn("feed_id", "bigint", (c) => c.notNull().references("feeds.id").onDelete("cascade"))
      .addColumn("key", "text", (c) => c.notNull())
      .addColumn("link_key", "text")
      .addColumn("title", "text", (c) => c.notNull())
      .addColumn("link", "text")
      .addColumn("summary", "text", (c) => c.notNull())
      .addColumn("published_at", "bigint", (c) => c.notNull())
      .addColumn("fetched_at", "bigint", (c) => c.notNull())
      .addColumn("routed", "integer", (c) => c.notNull().defaultTo(0))
      .addUniqueConstraint("items_feed_key", ["feed_id", "key"])
      .execute();
    await db.schema.createIndex("items_feed_link").on("items").columns(["feed_id", "link_key"]).execute();
    await db.schema.createIndex("items_fetched").on("items").column("fetched_at").execute();
    await db.schema.createIndex("items_unrouted").on("items").column("routed").execute();

    await withId(db.schema.createTable("outbox"), dialect)
      .addColumn("chat_id", "bigint", (c) => c.notNull().references("chats.id").onDelete("cascade"))
      .addColumn("item_id", "bigint", (c) => c.notNull().references("items.id").onDelete("cascade"))
      .addColumn("story_key", "text", (c) => c.notNull())
      .addColumn("matched", "text", (c) => c.notNull())
      .addColumn("status", "text", (c) => c.notNull().defaultTo(sql`'pending'`))
      .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("next_attempt_at", "bigint", (c) => c.notNull())
      .addColumn("last_error", "text")
      .addColumn("message_id", "bigint")
      .addColumn("created_at", "bigint", (c) => c.notNull())
      .addColumn("sent_at", "bigint")
      .addUniqueConstraint("outbox_chat_story", ["chat_id", "story_key"])
      .execute();
    await db.schema.createIndex("outbox_due").on("outbox").columns(["status", "next_attempt_at"]).execute();
  },
  "0002_hardening": async (db) => {
    // Deleting an item cascades into the outbox: without this index every deleted item scans the outbox.
    await db.schema.createIndex("outbox_item").on("outbox").column("item_id").execute();
    // Pending alerts are few, sent ones pile up for 90 days: queue figures count only the pending part.
    await db.schema
      .createIndex("outbox_pending_chat")
      .on("outbox")
      .column("chat_id")
      .where(sql.ref("status"), "=", "pending")
      .execute();
    // When the feed last carried the story: a story still in its feed is never forgotten (undated ones
    // would otherwise come back as news after the retention period).
    await db.schema
      .alterTable("items")
      .addColumn("last_seen_at", "bigint", (c) => c.notNull().defaultTo(0))
      .execute();
    await db
      .updateTable("items")
      .set((eb) => ({ last_seen_at: eb.ref("fetched_at") }))
      .execute();
    await db.schema.createIndex("items_last_seen").on("items").columns(["last_seen_at", "id"]).execute();
    await db.schema
      .createIndex("items_feed_last_seen")
      .on("items")
      .columns(["feed_id", "last_seen_at"])
      .execute();
  },
  "0003_delivery": async (db) => {
    await db.schema.alterTable("outbox").addColumn("claimed_until", "bigint").execute();
    await db.schema
      .alterTable("outbox")
      .addColumn("subscription_ids", "text", (c) => c.notNull().defaultTo("[]"))
      .execute();
    // A chat's turn claims its own pending rows through outbox_pending_chat (0002, pending rows only).
  },
  "0004_stories": async (db) => {
    // The id of the first item of the story an item reports (null for items stored before stories existed).
    await db.schema.alterTable("items").addColumn("story_id", "bigint").execute();
    await db.schema.createIndex("items_story").on("items").column("story_id").execute();
    // The same canonical link is the same story across feeds, also beyond the detector's window.
    await db.schema.createIndex("items_link").on("items").column("link_key").execute();
  },
  // Issue 11: an item's full text until it is routed; the quoted sentence of an alert.
  "0005_matching": async (db) => {
    await db.schema.alterTable("items").addColumn("body", "text").execute();
    await db.schema.alterTable("outbox").addColumn("snippet", "text").execute();
  },
  "0006_chat": async (db) => {
    // Per-chat language, time zone and pace; the channel a private chat manages; topic and mute per query.
    const chatColumns: Array<[string, "text" | "integer" | "bigint"]> = [
      ["lang", "text"],
      ["tz", "text"],
      ["paused_until", "bigint"],
      ["quiet_from", "integer"],
      ["quiet_to", "integer"],
      ["digest", "text"],
      ["manages", "bigint"],
    ];
    for (const [name, type] of chatColumns) {
      await db.schema.alterTable("chats").addColumn(name, type).execute();
    }
    await db.schema.alterTable("subscriptions").addColumn("thread_id", "bigint").execute();
    await db.schema
      .alterTable("subscriptions")
      .addColumn("muted", "integer", (c) => c.notNull().defaultTo(0))
      .execute();
    // A number per chat that never shifts: /unsubscribe 3 means what /list showed as 3, also after removals.
    await db.schema.alterTable("subscriptions").addColumn("num", "integer").execute();
    await sql`update subscriptions set num = (select count(*) from subscriptions s2
      where s2.chat_id = subscriptions.chat_id and s2.id <= subscriptions.id)`.execute(db);
  },
  "0007_cluster": async (db, dialect) => {
    // Which processes run and what each does, for /stats and operators; rows are refreshed by heartbeats.
    await db.schema
      .createTable("instances")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("role", "text", (c) => c.notNull())
      .addColumn("host", "text", (c) => c.notNull())
      .addColumn("started_at", "bigint", (c) => c.notNull())
      .addColumn("seen_at", "bigint", (c) => c.notNull())
      .addColumn("last_poll_at", "bigint")
      .execute();
    // Webhook updates already taken by some instance: Telegram may deliver one to several instances.
    await db.schema
      .createTable("processed_updates")
      .addColumn("update_id", "bigint", (c) => c.primaryKey())
      .addColumn("received_at", "bigint", (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex("processed_updates_received")
      .on("processed_updates")
      .column("received_at")
      .execute();
    if (dialect !== "postgres") return;
    // Every change to subscriptions, whichever code path made it (commands, chat migration, cascades),
    // is announced to every instance's matching index; the channel carries the schema so that
    // databases shared by several schemas (tests) do not hear each other.
    await sql`
      create or replace function newsalert_subscription_changed() returns trigger language plpgsql as $$
      begin
        perform pg_notify(
          'newsalert_subscriptions:' || TG_TABLE_SCHEMA,
          json_build_object(
            'op', TG_OP,
            'id', coalesce(NEW.id, OLD.id),
            'chat', coalesce(NEW.chat_id, OLD.chat_id)
          )::text
        );
        return null;
      end $$`.execute(db);
    await sql`
      create trigger subscriptions_notify after insert or update or delete on subscriptions
      for each row execute function newsalert_subscription_changed()`.execute(db);
  },
};

/** Brings the schema up to date; safe to call at every start-up and from several processes. */
export async function migrate(db: Kysely<Database>, dialect: DialectName): Promise<void> {
  const provider: MigrationProvider = {
    async getMigrations() {
      const all: Record<string, Migration> = {};
      for (const [name, step] of Object.entries(steps)) all[name] = { up: (d) => step(d, dialect) };
      return all;
    },
  };
  // Kysely looks for its migration tables in every schema unless told which: a database shared by
  // several schemas (another app's, or each test's) would find another schema's and skip creating ours.
  const migrationTableSchema =
    dialect === "postgres"
      ? (await sql<{ name: string }>`select current_schema() as name`.execute(db)).rows[0]?.name
      : undefined;
  const { error } = await new Migrator({
    db,
    provider,
    ...(migrationTableSchema ? { migrationTableSchema } : {}),
  }).migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
}
