import type { Kysely } from "kysely";
import { chunks } from "./chunks.js";
import type { Database, Subscription } from "./schema.js";

/** The queries chats follow. */
export class SubscriptionStore {
  constructor(private readonly db: Kysely<Database>) {}

  /** Adds a query to a chat (inside a forum topic with `threadId`); `created` is false when the chat had it. */
  async add(
    chatId: number,
    query: string,
    now = Date.now(),
    threadId: number | null = null,
  ): Promise<{ sub: Subscription; created: boolean }> {
    const top = await this.db
      .selectFrom("subscriptions")
      .select((eb) => eb.fn.max("num").as("num"))
      .where("chat_id", "=", chatId)
      .executeTakeFirst();
    const num = Number(top?.num ?? 0) + 1;
    const inserted = await this.db
      .insertInto("subscriptions")
      .values({ chat_id: chatId, query, created_at: now, thread_id: threadId, num })
      .onConflict((oc) => oc.columns(["chat_id", "query"]).doNothing())
      .returningAll()
      .executeTakeFirst();
    if (inserted) return { sub: inserted, created: true };
    const existing = await this.db
      .selectFrom("subscriptions")
      .selectAll()
      .where("chat_id", "=", chatId)
      .where("query", "=", query)
      .executeTakeFirstOrThrow();
    return { sub: existing, created: false };
  }

  /** Removes one of a chat's subscriptions; returns it, or undefined if the chat had no such one. */
  async remove(chatId: number, id: number): Promise<Subscription | undefined> {
    return this.db
      .deleteFrom("subscriptions")
      .where("chat_id", "=", chatId)
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirst();
  }

  /** One of a chat's subscriptions, or undefined. */
  get(chatId: number, id: number): Promise<Subscription | undefined> {
    return this.db
      .selectFrom("subscriptions")
      .selectAll()
      .where("chat_id", "=", chatId)
      .where("id", "=", id)
      .executeTakeFirst();
  }

  /** Mutes (kept, not matched) or unmutes one of a chat's subscriptions; returns it as it is now. */
  async setMuted(chatId: number, id: number, muted: boolean): Promise<Subscription | undefined> {
    return this.db
      .updateTable("subscriptions")
      .set({ muted: muted ? 1 : 0 })
      .where("chat_id", "=", chatId)
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirst();
  }

  /** Changes the query of one of a chat's subscriptions; returns it, or undefined if there is no such one. */
  async replaceQuery(chatId: number, id: number, query: string): Promise<Subscription | undefined> {
    return this.db
      .updateTable("subscriptions")
      .set({ query })
      .where("chat_id", "=", chatId)
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirst();
  }

  /** Removes every subscription of a chat; returns the removed ones. */
  removeAll(chatId: number): Promise<Subscription[]> {
    return this.db.deleteFrom("subscriptions").where("chat_id", "=", chatId).returningAll().execute();
  }

  /** The forum topic each of the given subscriptions alerts into (absent: the chat itself). */
  async threads(ids: readonly number[]): Promise<Map<number, number>> {
    const out = new Map<number, number>();
    for (const part of chunks(ids, 500)) {
      const rows = await this.db
        .selectFrom("subscriptions")
        .select(["id", "thread_id"])
        .where("id", "in", part)
        .where("thread_id", "is not", null)
        .execute();
      for (const r of rows) out.set(Number(r.id), Number(r.thread_id));
    }
    return out;
  }

  /** A chat's subscriptions by their number (the order they were added; a migrated group's follow the supergroup's own). */
  listForChat(chatId: number): Promise<Subscription[]> {
    return this.db
      .selectFrom("subscriptions")
      .selectAll()
      .where("chat_id", "=", chatId)
      .orderBy("num")
      .orderBy("id")
      .execute();
  }

  /** Every subscription that is not muted, to build the matching index at start-up. */
  listAll(): Promise<Subscription[]> {
    return this.db.selectFrom("subscriptions").selectAll().where("muted", "=", 0).orderBy("id").execute();
  }

  /** One subscription by id, whichever chat it belongs to (undefined once removed). */
  byId(id: number): Promise<Subscription | undefined> {
    return this.db.selectFrom("subscriptions").selectAll().where("id", "=", id).executeTakeFirst();
  }
}
