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
  "0003_delivery": async (db) => {
    await db.schema.alterTable("outbox").addColumn("claimed_until", "bigint").execute();
    await db.schema
      .alterTable("outbox")
      .addColumn("subscription_ids", "text", (c) => c.notNull().defaultTo("[]"))
      .execute();
    // A chat's turn claims its own pending rows.
    await db.schema.createIndex("outbox_chat_pending").on("outbox").columns(["chat_id", "status"]).execute();
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
  const { error } = await new Migrator({ db, provider }).migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
}
