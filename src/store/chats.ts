import { type Kysely, sql } from "kysely";
import { chunks } from "./chunks.js";
import type { Chat, Database } from "./schema.js";

/** The per-chat settings the chat commands change. */
export type ChatSettingsPatch = Partial<
  Pick<Chat, "lang" | "tz" | "quiet_from" | "quiet_to" | "digest" | "manages">
>;

/**
 * Gives a group's subscriptions numbers after those its supergroup already has, in their old order, so
 * that /list and /unsubscribe N never see two with one number. Into a supergroup with none, the numbers
 * the group's /list showed are kept.
 */
async function renumberMoved(tx: Kysely<Database>, from: number, to: number): Promise<void> {
  const top = await tx
    .selectFrom("subscriptions")
    .select((eb) => eb.fn.max("num").as("num"))
    .where("chat_id", "=", to)
    .executeTakeFirst();
  const base = Number(top?.num ?? 0);
  if (base === 0) return;
  const moved = await tx
    .selectFrom("subscriptions")
    .select("id")
    .where("chat_id", "=", from)
    .orderBy("num")
    .orderBy("id")
    .execute();
  // One row at a time: a chat has at most a hundred queries, and this happens once per group.
  for (const [i, { id }] of moved.entries())
    await tx
      .updateTable("subscriptions")
      .set({ num: base + i + 1 })
      .where("id", "=", id)
      .execute();
}

/** Chats the bot serves and their switches. */
export class ChatStore {
  constructor(private readonly db: Kysely<Database>) {}

  /** Records a chat (or refreshes its title and reactivates it); tells whether it is new. */
  async upsert(chat: { id: number; type: string; title: string | null }, now = Date.now()): Promise<boolean> {
    const inserted = await this.db
      .insertInto("chats")
      .values({ ...chat, paused: 0, active: 1, created_at: now })
      .onConflict((oc) => oc.column("id").doNothing())
      .returning("id")
      .executeTakeFirst();
    if (inserted) return true;
    await this.db
      .updateTable("chats")
      .set({ type: chat.type, title: chat.title, active: 1 })
      .where("id", "=", chat.id)
      .execute();
    return false;
  }

  /** One chat, or undefined. */
  get(id: number): Promise<Chat | undefined> {
    return this.db.selectFrom("chats").selectAll().where("id", "=", id).executeTakeFirst();
  }

  /** Pauses or resumes alerts for a chat; a pause with `until` ends by itself at that time. */
  async setPaused(id: number, paused: boolean, until: number | null = null): Promise<void> {
    await this.db
      .updateTable("chats")
      .set({ paused: paused ? 1 : 0, paused_until: paused ? until : null })
      .where("id", "=", id)
      .execute();
  }

  /** Changes a chat's language, time zone, quiet hours, digest or managed channel. */
  async setSettings(id: number, patch: ChatSettingsPatch): Promise<void> {
    await this.db.updateTable("chats").set(patch).where("id", "=", id).execute();
  }

  /** Marks a chat the bot can no longer write to (or can again). */
  async setActive(id: number, active: boolean): Promise<void> {
    await this.db
      .updateTable("chats")
      .set({ active: active ? 1 : 0 })
      .where("id", "=", id)
      .execute();
  }

  /** Ends every timed pause whose time is over, so that routing and delivery see those chats as receiving. */
  async endPauses(now = Date.now()): Promise<void> {
    await this.db
      .updateTable("chats")
      .set({ paused: 0, paused_until: null })
      .where("paused", "=", 1)
      .where("paused_until", "<=", now)
      .execute();
  }

  /** Those of the given chats that should receive alerts now (active and not paused; timed pauses that are over end here). */
  async filterReceiving(ids: readonly number[], now = Date.now()): Promise<number[]> {
    await this.endPauses(now);
    const out: number[] = [];
    for (const part of chunks(ids, 500)) {
      const rows = await this.db
        .selectFrom("chats")
        .select("id")
        .where("id", "in", part)
        .where("active", "=", 1)
        .where("paused", "=", 0)
        .execute();
      out.push(...rows.map((r) => r.id));
    }
    return out;
  }

  /** Moves everything of a group to the supergroup Telegram upgraded it to. */
  async migrateId(from: number, to: number): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      const old = await tx.selectFrom("chats").selectAll().where("id", "=", from).executeTakeFirst();
      if (!old) return;
      await tx
        .insertInto("chats")
        .values({ ...old, id: to, type: "supergroup" })
        .onConflict((oc) => oc.column("id").doNothing())
        .execute();
      // What the supergroup already has wins: the group's copies would break the unique keys.
      const keys = [
        ["subscriptions", "query"],
        ["chat_feeds", "feed_id"],
        ["outbox", "story_key"],
      ] as const;
      for (const [table, key] of keys) {
        await sql`delete from ${sql.table(table)} where chat_id = ${from}
          and ${sql.ref(key)} in (select ${sql.ref(key)} from ${sql.table(table)} where chat_id = ${to})`.execute(
          tx,
        );
        if (table === "subscriptions") await renumberMoved(tx, from, to);
        await tx.updateTable(table).set({ chat_id: to }).where("chat_id", "=", from).execute();
      }
      await tx.deleteFrom("chats").where("id", "=", from).execute();
    });
  }

  /** Counts for health output. */
  async counts(): Promise<{ chats: number; active: number }> {
    const r = await this.db
      .selectFrom("chats")
      .select((eb) => [eb.fn.countAll<number>().as("chats"), eb.fn.sum<number>("active").as("active")])
      .executeTakeFirstOrThrow();
    return { chats: Number(r.chats), active: Number(r.active ?? 0) };
  }
}
