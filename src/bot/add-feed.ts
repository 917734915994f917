import { isFeedError } from "../feeds/errors.js";
import { loadFeed } from "../feeds/load.js";
import type { Feed } from "../store/schema.js";
import type { BotContext } from "./context.js";
import type { BotDeps } from "./deps.js";

/** Most feeds one chat may add on top of the shared ones. */
export const MAX_OWN_FEEDS = 20;

/** What became of a request to add a feed to a chat. */
export type AddFeedResult =
  | { kind: "added"; feed: Feed; items: number }
  | { kind: "exists" }
  | { kind: "shared" }
  | { kind: "limit" }
  | { kind: "not-http" }
  | { kind: "page"; discovered: string[] }
  | { kind: "failed"; reason: string }
  /** Refused, timed out or unknown host: one answer for all, so the bot is no port scanner. */
  | { kind: "unreachable" };

/**
 * Adds a feed to a chat's own list after fetching it once through the URL guard: only a real feed
 * on a public address gets in. Used by /addfeed and by OPML import.
 */
export async function addChatFeed(deps: BotDeps, chatId: number, raw: string): Promise<AddFeedResult> {
  if (!/^https?:\/\//i.test(raw)) return { kind: "not-http" };
  if ((await deps.store.feeds.countForChat(chatId)) >= MAX_OWN_FEEDS) return { kind: "limit" };
  let loaded: Awaited<ReturnType<typeof loadFeed>>;
  try {
    loaded = await loadFeed(raw, {
      allowPrivate: deps.config.allowPrivateUrls,
      timeoutMs: 15_000,
      signal: deps.tasks.signal,
    });
  } catch (err) {
    // Anything but a FeedError is our failure, not the address's: the caller logs it and says so.
    if (!isFeedError(err)) throw err;
    if (err.discovered?.length) return { kind: "page", discovered: err.discovered };
    // Refused, timed out, unreachable and unknown hosts read the same, so that answers to addresses
    // on someone else's network tell nothing about which ports or hosts are there.
    if (err.kind === "network" || err.kind === "timeout") return { kind: "unreachable" };
    return { kind: "failed", reason: err.message };
  }
  const url =
    loaded.outcome.kind === "ok" ? (loaded.outcome.movedPermanentlyTo ?? loaded.outcome.finalUrl) : raw;
  // Checks run side by side during an OPML import; the count-then-add below must not interleave.
  return oneAtATime(chatId, () => commit(deps, chatId, url, loaded));
}

/** Adds a checked feed unless it is known or the chat is at its limit. */
async function commit(
  deps: BotDeps,
  chatId: number,
  url: string,
  loaded: Awaited<ReturnType<typeof loadFeed>>,
): Promise<AddFeedResult> {
  const known = (await deps.store.feeds.listForChat(chatId)).find((f) => f.url === url);
  if (known && !known.own) return { kind: "shared" };
  if (known) return { kind: "exists" };
  // Checked again: the fetch took a while, and another add may have landed meanwhile.
  if ((await deps.store.feeds.countForChat(chatId)) >= MAX_OWN_FEEDS) return { kind: "limit" };
  const { feed, created } = await deps.store.feeds.addForChat(chatId, url, loaded.feed?.title ?? null);
  return created ? { kind: "added", feed, items: loaded.feed?.items.length ?? 0 } : { kind: "exists" };
}

/** The last commit queued per chat; each waits for the one before. */
const commits = new Map<number, Promise<unknown>>();

function oneAtATime<T>(chatId: number, task: () => Promise<T>): Promise<T> {
  const before = commits.get(chatId) ?? Promise.resolve();
  const mine = before.then(task, task);
  const settled = mine.catch(() => undefined);
  commits.set(chatId, settled);
  void settled.then(() => {
    if (commits.get(chatId) === settled) commits.delete(chatId);
  });
  return mine;
}

/** Chats with a feed check running. */
const checking = new Set<number>();

/**
 * Runs a slow feed check beside grammY's update loop (which handles updates one at a time), so one
 * slow or hostile URL cannot hold up every other chat; one check per chat at a time. Returns false,
 * having told the chat, when a check is already running there.
 */
export async function checkInBackground(
  ctx: BotContext,
  deps: BotDeps,
  task: () => Promise<unknown>,
): Promise<boolean> {
  const chatId = ctx.chat?.id as number;
  if (checking.has(chatId)) {
    await ctx.reply(ctx.t("feed-busy"));
    return false;
  }
  checking.add(chatId);
  deps.tasks.run(
    () => task().finally(() => checking.delete(chatId)),
    async (err) => {
      deps.log.error({ err, chatId }, "feed check failed");
      await ctx.reply(ctx.t("error")).catch(() => undefined);
    },
  );
  return true;
}
