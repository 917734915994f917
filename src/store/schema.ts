import type { ColumnType, Generated, Insertable, Selectable } from "kysely";

// Times are epoch milliseconds and flags are 0/1 integers in both dialects, so one set of queries
// serves SQLite and PostgreSQL without per-dialect value mapping.

/** A chat the bot serves: a private chat, group, supergroup or channel. */
export interface ChatTable {
  id: number;
  type: string;
  title: string | null;
  paused: number;
  /** 0 once Telegram says the bot can no longer write there (blocked, kicked, chat gone). */
  active: number;
  created_at: number;
  /** "ru" or "en" once set by /lang; null: from the user's Telegram language. */
  lang: string | null;
  /** IANA zone set by /tz; null: the operator's TZ. */
  tz: string | null;
  /** With paused = 1: when the pause ends by itself (null: until /resume). */
  paused_until: number | null;
  /** Quiet hours as minutes after local midnight; both null when off. */
  quiet_from: number | null;
  quiet_to: number | null;
  /** "hourly", "daily:<minutes after midnight>" or null (instant alerts). */
  digest: string | null;
  /** In a private chat: the channel whose queries the commands manage now (null: this chat). */
  manages: number | null;
}

/** One query a chat follows, stored in its canonical text form. */
export interface SubscriptionTable {
  id: Generated<number>;
  chat_id: number;
  query: string;
  created_at: number;
  /** Forum topic the query was subscribed in; alerts go there (message_thread_id). */
  thread_id: number | null;
  /** 1 while muted: kept in /list, not matched. */
  muted: Generated<number>;
  /** The number /list shows, stable within the chat (null only for rows older than 0006_chat). */
  num: number | null;
}

/** A feed the bot polls, with its HTTP validators, schedule and health. */
export interface FeedTable {
  id: Generated<number>;
  url: string;
  title: string | null;
  /** 1 for the operator's FEEDS (every chat gets them); 0 for feeds only chats added. */
  shared: number;
  /** 0 until the first successful poll recorded the backlog without alerting it. */
  initialized: Generated<number>;
  etag: string | null;
  last_modified: string | null;
  next_check_at: Generated<number>;
  last_polled_at: number | null;
  last_success_at: number | null;
  last_error: string | null;
  last_error_at: number | null;
  consecutive_failures: Generated<number>;
  items_seen: Generated<number>;
  created_at: number;
}

/** A feed a chat added for itself on top of the shared ones. */
export interface ChatFeedTable {
  chat_id: number;
  feed_id: number;
  created_at: number;
}

/** A story seen in a feed; (feed_id, key) is its identity there. */
export interface ItemTable {
  id: Generated<number>;
  feed_id: number;
  key: string;
  /** Canonical link, so a story whose GUID changes is still recognised. */
  link_key: string | null;
  title: string;
  link: string | null;
  summary: string;
  published_at: number;
  fetched_at: number;
  /** 0 until the item went through matching; items left at 0 by a crash are matched again. */
  routed: Generated<number>;
  /** Id of the first item of the story this item reports, whichever feed carried it (src/stories). */
  story_id: number | null;
  /** When the feed last carried the item (refreshed at most daily); retention counts from here. */
  last_seen_at: Generated<number>;
  /**
   * The article's full text (≤ 20,000 characters) where the feed carries it, kept only until the item is
   * routed so that routing after a crash matches the same text; cleared when routed (alerts show the lead).
   */
  body: ColumnType<string | null, string | null | undefined, string | null>;
}

/** An alert owed to a chat; unique per (chat, story) so nothing is sent twice. */
export interface OutboxTable {
  id: Generated<number>;
  chat_id: number;
  item_id: number;
  story_key: string;
  /** JSON array of the query terms that hit. */
  matched: string;
  status: "pending" | "sent" | "failed";
  attempts: number;
  next_attempt_at: number;
  last_error: string | null;
  message_id: number | null;
  created_at: number;
  sent_at: number | null;
  /** The sentence where the match is when it is not in the headline (bold marks: matching/snippet.ts). */
  snippet: ColumnType<string | null, string | null | undefined, string | null>;
  /** Lease: a sender owns the row until then (null: nobody), so two processes never send the same row. */
  claimed_until: number | null;
  /** JSON array of the ids of the chat's subscriptions that matched, for per-query buttons under the alert. */
  subscription_ids: Generated<string>;
}

/** A running (or recently seen) bot process, refreshed by its heartbeat. */
export interface InstanceTable {
  id: string;
  /** "leader", "standby" or "single" (SQLite). */
  role: string;
  host: string;
  started_at: number;
  seen_at: number;
  last_poll_at: number | null;
}

/** A webhook update some instance has taken, so that no other handles it again. */
export interface ProcessedUpdateTable {
  update_id: number;
  received_at: number;
}

/** The whole database as kysely sees it. */
export interface Database {
  chats: ChatTable;
  subscriptions: SubscriptionTable;
  feeds: FeedTable;
  chat_feeds: ChatFeedTable;
  items: ItemTable;
  outbox: OutboxTable;
  instances: InstanceTable;
  processed_updates: ProcessedUpdateTable;
}

/** A chat row as read. */
export type Chat = Selectable<ChatTable>;
/** A subscription row as read. */
export type Subscription = Selectable<SubscriptionTable>;
/** A feed row as read. */
export type Feed = Selectable<FeedTable>;
/** An item row as read. */
export type Item = Selectable<ItemTable>;
/** An item as written. */
export type NewItem = Insertable<ItemTable>;
/** An outbox row as read. */
export type OutboxRow = Selectable<OutboxTable>;
