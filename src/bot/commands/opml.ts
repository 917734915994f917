import { Composer, type Context, InputFile } from "grammy";
import { escapeHtml } from "../../delivery/format.js";
import { feedErrorText, isFeedError } from "../../feeds/errors.js";
import { buildOpml, MAX_OPML_BYTES, parseOpml } from "../../feeds/parse/opml.js";
import { truncate } from "../../feeds/parse/text.js";
import { hostOf, runLimited } from "../../feeds/pool.js";
import { type AddFeedResult, addChatFeed, checkInBackground, MAX_OWN_FEEDS } from "../add-feed.js";
import { guarded } from "../admin.js";
import { type BotContext, sayIn } from "../context.js";
import type { BotDeps } from "../deps.js";
import { replyLines } from "../reply.js";

/** The text key saying why an OPML entry was not added. */
const WHY: Record<Exclude<AddFeedResult["kind"], "added" | "failed">, string> = {
  unreachable: "feed-unreachable",
  exists: "opml-exists",
  shared: "opml-shared",
  limit: "opml-limit",
  "not-http": "opml-not-http",
  page: "opml-page",
};

/** True for a document that looks like an OPML subscription list. */
export function isOpmlDocument(doc: { file_name?: string; mime_type?: string }): boolean {
  return /\.(opml|xml)$/i.test(doc.file_name ?? "") || /opml/i.test(doc.mime_type ?? "");
}

async function download(ctx: Context, deps: BotDeps): Promise<string> {
  const file = await ctx.getFile();
  if (!file.file_path) throw new Error("Telegram gave no file_path");
  const url = `${deps.config.botApiRoot}/file/bot${deps.config.botToken}/${file.file_path}`;
  const res = await fetch(url, { signal: AbortSignal.timeout(20_000) });
  if (!res.ok) throw new Error(`file download failed: HTTP ${res.status}`);
  return res.text();
}

/** Most feeds one OPML file may bring; the rest are named, not checked. */
export const MAX_OPML_FEEDS = 200;
/** Feeds checked at once during an import (at most 2 per host). */
const OPML_CONCURRENCY = 4;
/** The progress message is edited at most this often, well under Telegram's edit limits. */
const PROGRESS_EVERY_MS = 3_000;

async function importOpml(ctx: BotContext, deps: BotDeps): Promise<unknown> {
  const chatId = ctx.target.id;
  let feeds: Awaited<ReturnType<typeof parseOpml>>;
  try {
    feeds = await parseOpml(await download(ctx, deps));
  } catch (err) {
    if (!isFeedError(err)) throw err;
    const reason = feedErrorText(err.message, sayIn(ctx));
    return ctx.reply(ctx.t("opml-unreadable", { reason: escapeHtml(reason) }), { parse_mode: "HTML" });
  }
  if (feeds.length === 0) return ctx.reply(ctx.t("opml-empty"));
  if (feeds.length > MAX_OPML_FEEDS)
    await ctx.reply(ctx.t("opml-too-many", { max: MAX_OPML_FEEDS, total: feeds.length }));
  const taken = feeds.slice(0, MAX_OPML_FEEDS);
  await ctx.reply(ctx.t("opml-checking", { count: taken.length }));
  const progressText = () =>
    ctx.t("opml-progress", {
      finished: done === taken.length ? "yes" : "no",
      done,
      total: taken.length,
      added,
    });
  const results: Array<AddFeedResult | null> = taken.map(() => null);
  let done = 0;
  let added = 0;
  const progress = await ctx.reply(progressText());
  let shown = Date.now();
  let full = false;
  const check = async (i: number) => {
    // After the chat's limit or at shutdown, the rest are left unchecked.
    if (full || deps.tasks.signal.aborted) return;
    const r = await addChatFeed(deps, chatId, (taken[i] as { url: string }).url);
    results[i] = r;
    done++;
    if (r.kind === "added") added++;
    if (r.kind === "limit") full = true;
    if (Date.now() - shown >= PROGRESS_EVERY_MS) {
      shown = Date.now();
      await ctx.api.editMessageText(chatId, progress.message_id, progressText()).catch(() => undefined);
    }
  };
  await runLimited(
    taken.map((_, i) => i),
    (i) => hostOf((taken[i] as { url: string }).url),
    check,
    OPML_CONCURRENCY,
    2,
  );
  await ctx.api.editMessageText(chatId, progress.message_id, progressText()).catch(() => undefined);
  const lines = taken.flatMap((f, i) => {
    const r = results[i];
    if (!r) return [];
    const name = escapeHtml(truncate(f.title ?? f.url, 80));
    const why =
      r.kind === "added"
        ? ctx.t("opml-added")
        : r.kind === "failed"
          ? escapeHtml(feedErrorText(r.reason, sayIn(ctx)))
          : ctx.t(WHY[r.kind], { max: MAX_OWN_FEEDS });
    return [`${r.kind === "added" ? "✅" : "—"} ${name}: ${why}`];
  });
  return replyLines(ctx, [ctx.t("opml-summary", { added, count: taken.length }), ...lines]);
}

/** /export (the chat's feeds as an OPML file) and OPML import (the chat sends an .opml file). */
export function opmlCommands(deps: BotDeps): Composer<BotContext> {
  const c = new Composer<BotContext>();

  c.command("export", async (ctx) => {
    // Any member may export, so only the feeds the chat itself added: the operator's FEEDS URLs may
    // carry credentials anywhere (user:password@, a token in the path or query), which no URL check can
    // rule out, and the chat never saw them (/feeds names them without their addresses).
    const feeds = await deps.store.feeds.listForChat(ctx.target.id);
    const own = feeds.filter((f) => f.own);
    const xml = buildOpml(
      "newsalert",
      own.map((f) => ({ url: f.url, title: f.title })),
    );
    return ctx.replyWithDocument(new InputFile(Buffer.from(xml, "utf8"), "newsalert-feeds.opml"), {
      caption: ctx.t("export-caption", { own: own.length, shared: feeds.length - own.length }),
    });
  });

  c.on(":document", async (ctx, next) => {
    const doc = ctx.msg?.document;
    if (!doc || !isOpmlDocument(doc)) return next();
    if ((doc.file_size ?? 0) > MAX_OPML_BYTES) return ctx.reply(ctx.t("opml-too-big"));
    return guarded(deps, async (ctx) => checkInBackground(ctx, deps, () => importOpml(ctx, deps)))(ctx);
  });
  return c;
}
