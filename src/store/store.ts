import { sql } from "kysely";
import { ChatStore } from "./chats.js";
import { ClusterStore } from "./cluster.js";
import { type Connection, connect, type DialectName } from "./db.js";
import { FeedStore } from "./feeds.js";
import { ItemStore } from "./items.js";
import { migrate } from "./migrations.js";
import { OutboxStore } from "./outbox.js";
import { StatsStore } from "./stats.js";
import { StoryStore } from "./stories.js";
import { SubscriptionStore } from "./subscriptions.js";

/** All persistent state, over SQLite or PostgreSQL with the same queries. */
export class Store {
  private constructor(
    private readonly conn: Connection,
    readonly chats = new ChatStore(conn.db),
    readonly subscriptions = new SubscriptionStore(conn.db),
    readonly feeds = new FeedStore(conn.db),
    readonly items = new ItemStore(conn.db),
    readonly outbox = new OutboxStore(conn.db, conn.dialect),
    readonly stories = new StoryStore(conn.db),
    readonly cluster = new ClusterStore(conn.db),
    readonly stats = new StatsStore(conn.db),
  ) {}

  /** Opens the database named by DATABASE_URL and brings its schema up to date. */
  static async open(url: string): Promise<Store> {
    const conn = await connect(url);
    try {
      await migrate(conn.db, conn.dialect);
    } catch (err) {
      await conn.db.destroy();
      throw err;
    }
    return new Store(conn);
  }

  /** Which engine is behind this store. */
  get dialect(): DialectName {
    return this.conn.dialect;
  }

  /** True when the database answers. */
  async ping(): Promise<boolean> {
    try {
      await sql`select 1`.execute(this.conn.db);
      return true;
    } catch {
      return false;
    }
  }

  /** The DATABASE_URL this store was opened with (cluster coordination opens its own sessions to it). */
  get url(): string {
    return this.conn.url;
  }

  /** Closes the connection (pool). */
  async close(): Promise<void> {
    await this.conn.db.destroy();
  }
}
