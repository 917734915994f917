import type { Kysely } from "kysely";
import type { Database, Subscription } from "./schema.js";

/** The queries chats follow. */
export class SubscriptionStore {
  constructor(private readonly db: Kysely<Database>) {}

  /** Adds a query to a chat; `created` is false when the chat already had it. */
  async add(
    chatId: number,
    query: string,
    now = Date.now(),
  ): Promise<{ sub: Subscription; created: boolean }> {
    const inserted = await this.db
      .insertInto("subscriptions")
      .values({ chat_id: chatId, query, created_at: now })
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

  /** A chat's subscriptions in the order they were added. */
  listForChat(chatId: number): Promise<Subscription[]> {
    return this.db
      .selectFrom("subscriptions")
      .selectAll()
      .where("chat_id", "=", chatId)
      .orderBy("id")
      .execute();
  }

  /** Every subscription, to build the matching index at start-up. */
  listAll(): Promise<Subscription[]> {
    return this.db.selectFrom("subscriptions").selectAll().orderBy("id").execute();
  }
}
