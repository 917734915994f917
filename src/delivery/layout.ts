import { asLocale } from "../locale.js";
import type { DueAlert } from "../store/outbox.js";
import type { Chat } from "../store/schema.js";
import { holdAt, paceOf } from "./pace.js";
import { type OutgoingMessage, packMessages } from "./pack.js";

/** A message for one chat and, in a forum, one of its topics. */
export interface TopicMessage extends OutgoingMessage {
  /** The forum topic (message_thread_id) it goes into; undefined: the chat itself. */
  threadId: number | undefined;
}

/** What a turn does with a chat's claimed alerts: send these messages, hand those back until later. */
export interface TurnPlan {
  messages: TopicMessage[];
  /** Alerts held by quiet hours or a digest, by the instant they may go out. */
  held: Map<number, number[]>;
}

/** What the plan needs to know besides the alerts. */
export interface PlanContext {
  /** The operator's zone (TZ), for chats that set none. */
  defaultZone: string;
  now: number;
  /** More alerts than this go out as a compact list. */
  backlogCap: number;
  /** The forum topic of each subscription that has one. */
  threads: ReadonlyMap<number, number>;
  queryOf?: (subscriptionId: number) => string | undefined;
}

/**
 * Lays a chat's claimed alerts out for one turn in the chat's language and zone: alerts its pace holds
 * are set aside; the rest are packed per forum topic (an alert goes to the topic of a subscription that
 * caught it, if any has one), never mixing topics in one message; released holds come as a digest with a header.
 */
export function planTurn(alerts: readonly DueAlert[], chat: Chat | undefined, ctx: PlanContext): TurnPlan {
  const pace = paceOf(chat ?? { tz: null, quiet_from: null, quiet_to: null, digest: null }, ctx.defaultZone);
  const held = new Map<number, number[]>();
  const byThread = new Map<number | undefined, DueAlert[]>();
  let digest = false;
  for (const a of alerts) {
    const w = holdAt(pace, a.createdAt, ctx.now);
    if (w.holdUntil !== null) {
      held.set(w.holdUntil, [...(held.get(w.holdUntil) ?? []), a.id]);
      continue;
    }
    digest ||= w.digest;
    const thread = a.subscriptionIds.map((id) => ctx.threads.get(id)).find((t) => t !== undefined);
    byThread.set(thread, [...(byThread.get(thread) ?? []), a]);
  }
  const ready = [...byThread.values()].reduce((n, list) => n + list.length, 0);
  const messages = [...byThread].flatMap(([threadId, list]) =>
    packMessages(list, pace.timeZone, {
      compact: ready > ctx.backlogCap,
      queryOf: ctx.queryOf,
      now: ctx.now,
      locale: asLocale(chat?.lang) ?? "ru",
      ownZone: chat?.tz != null,
      digest,
    }).map((m) => ({ ...m, threadId })),
  );
  return { messages, held };
}
