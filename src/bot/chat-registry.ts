import type { Context } from "grammy";
import { formatQuery, parseQuery } from "../matching/index.js";
import type { BotDeps } from "./deps.js";

/** The title a chat is remembered by. */
export function chatTitle(ctx: Context): string | null {
  const chat = ctx.chat;
  if (!chat) return null;
  if ("title" in chat && chat.title) return chat.title;
  if ("username" in chat && chat.username) return `@${chat.username}`;
  if ("first_name" in chat && chat.first_name) return chat.first_name;
  return null;
}

/**
 * Records the chat of an update. With `defaults` (only /start: SPEC gives DEFAULT_KEYWORDS "on /start"),
 * a chat seen for the first time gets the operator's default queries; a chat whose first command was,
 * say, /subscribe gets just what it asked for. Returns the default queries that were added.
 */
export async function registerChat(
  ctx: Context,
  deps: BotDeps,
  opts: { defaults?: boolean } = {},
): Promise<string[]> {
  const chat = ctx.chat;
  if (!chat) return [];
  const created = await deps.store.chats.upsert({ id: chat.id, type: chat.type, title: chatTitle(ctx) });
  if (!created || !opts.defaults) return [];
  const added: string[] = [];
  for (const text of deps.config.defaultKeywords) {
    try {
      const query = parseQuery(text);
      const { sub } = await deps.store.subscriptions.add(chat.id, formatQuery(query));
      deps.router.add(sub, query);
      added.push(sub.query);
    } catch (err) {
      deps.log.warn({ query: text, err }, "a DEFAULT_KEYWORDS query does not parse; skipped");
    }
  }
  return added;
}
