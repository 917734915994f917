import { Composer } from "grammy";
import { escapeHtml, formatTime } from "../../delivery/format.js";
import { startOfLocalDay } from "../../delivery/pace.js";
import type { BotContext } from "../context.js";
import type { BotDeps } from "../deps.js";
import { replyLines } from "../reply.js";

/** Instances silent for longer than this are not listed (heartbeats come every 10 s). */
const INSTANCE_SILENCE_MS = 60_000;

/** /stats: whole-bot figures for the operators listed in ADMIN_IDS; anyone else is refused. */
export function statsCommands(deps: BotDeps): Composer<BotContext> {
  const c = new Composer<BotContext>();
  c.command("stats", async (ctx) => {
    const userId = ctx.from?.id;
    if (userId === undefined || !deps.config.adminIds.includes(userId))
      return ctx.reply(ctx.t("stats-operators-only"));
    const now = Date.now();
    const tz = deps.config.timeZone;
    const [s, instances] = await Promise.all([
      deps.store.stats.snapshot(startOfLocalDay(now, tz)),
      deps.store.cluster.listInstances(now - INSTANCE_SILENCE_MS),
    ]);
    return replyLines(ctx, [
      ctx.t("stats-header"),
      ctx.t("stats-chats", { active: s.chatsActive, inactive: s.chatsInactive }),
      ctx.t("stats-queries", { count: s.queries }),
      ctx.t("stats-feeds", { all: s.feeds, failing: s.failingFeeds }),
      ctx.t("stats-alerts-today", { count: s.alertsSince }),
      ctx.t("stats-queue", { pending: s.pending, failed: s.failed }),
      ctx.t("stats-instances", { count: instances.length }),
      ...instances.map((i) =>
        ctx.t("stats-instance", {
          id: escapeHtml(i.id),
          role: i.role,
          lastPoll: i.lastPollAt === null ? "none" : formatTime(i.lastPollAt, tz),
        }),
      ),
    ]);
  });
  return c;
}
