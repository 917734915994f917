import type { Kysely } from "kysely";
import type { Database } from "./schema.js";

/** The figures /stats shows an operator. */
export interface OperatorStats {
  chatsActive: number;
  chatsInactive: number;
  queries: number;
  feeds: number;
  failingFeeds: number;
  alertsSince: number;
  pending: number;
  failed: number;
}

/** Whole-database counts for operators; cheap aggregate queries, run on demand only. */
export class StatsStore {
  constructor(private readonly db: Kysely<Database>) {}

  /** Counts now; `since` bounds "alerts sent today". A feed is failing when its last fetch failed. */
  async snapshot(since: number): Promise<OperatorStats> {
    const count = <T>(q: { executeTakeFirstOrThrow(): Promise<T> }) => q.executeTakeFirstOrThrow();
    const [chats, queries, feeds, sent, queue] = await Promise.all([
      count(
        this.db
          .selectFrom("chats")
          .select((eb) => [eb.fn.countAll<number>().as("all"), eb.fn.sum<number>("active").as("active")]),
      ),
      count(this.db.selectFrom("subscriptions").select((eb) => eb.fn.countAll<number>().as("n"))),
      count(
        this.db
          .selectFrom("feeds")
          .select((eb) => [
            eb.fn.countAll<number>().as("all"),
            eb.fn
              .sum<number>(eb.case().when("consecutive_failures", ">", 0).then(1).else(0).end())
              .as("failing"),
          ]),
      ),
      count(
        this.db
          .selectFrom("outbox")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .where("status", "=", "sent")
          .where("sent_at", ">=", since),
      ),
      this.db
        .selectFrom("outbox")
        .select((eb) => ["status", eb.fn.countAll<number>().as("n")])
        .where("status", "in", ["pending", "failed"])
        .groupBy("status")
        .execute(),
    ]);
    const by = Object.fromEntries(queue.map((r) => [r.status, Number(r.n)]));
    const active = Number(chats.active ?? 0);
    return {
      chatsActive: active,
      chatsInactive: Number(chats.all) - active,
      queries: Number(queries.n),
      feeds: Number(feeds.all),
      failingFeeds: Number(feeds.failing ?? 0),
      alertsSince: Number(sent.n),
      pending: by.pending ?? 0,
      failed: by.failed ?? 0,
    };
  }
}
