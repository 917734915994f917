import { Composer, type Context, InputFile } from "grammy";
import { escapeHtml } from "../../delivery/format.js";
import { isFeedError } from "../../feeds/errors.js";
import { buildOpml, MAX_OPML_BYTES, parseOpml } from "../../feeds/opml.js";
import { hostOf, runLimited } from "../../feeds/pool.js";
import { truncate } from "../../feeds/text.js";
import { type AddFeedResult, addChatFeed, checkInBackground, MAX_OWN_FEEDS } from "../add-feed.js";
import { guarded } from "../admin.js";
import type { BotDeps } from "../deps.js";
import { plural, ru } from "../i18n.js";
import { replyLines } from "../reply.js";

const WHY: Record<Exclude<AddFeedResult["kind"], "added" | "failed">, string> = {
  exists: "уже добавлена",
  shared: "уже среди общих",
  limit: `достигнут предел в ${MAX_OWN_FEEDS} своих лент`,
  "not-http": "не http(s)-адрес",
  page: "это страница, а не лента",
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

async function importOpml(ctx: Context, deps: BotDeps): Promise<unknown> {
  const chatId = ctx.chat?.id as number;
  let feeds: Awaited<ReturnType<typeof parseOpml>>;
  try {
    feeds = await parseOpml(await download(ctx, deps));
  } catch (err) {
    if (!isFeedError(err)) throw err;
    return ctx.reply(`Не получилось прочитать файл: ${escapeHtml(err.message)}`, { parse_mode: "HTML" });
  }
  if (feeds.length === 0) return ctx.reply("В файле нет ни одной ленты (элементов outline с xmlUrl).");
  if (feeds.length > MAX_OPML_FEEDS) await ctx.reply(ru.opmlTooMany(MAX_OPML_FEEDS, feeds.length));
  const taken = feeds.slice(0, MAX_OPML_FEEDS);
  await ctx.reply(`Нашёл ${taken.length} ${plural(taken.length, "ленту", "ленты", "лент")}, проверяю…`);
  const progress = await ctx.reply(ru.opmlProgress(0, taken.length, 0));
  const results: Array<AddFeedResult | null> = taken.map(() => null);
  let done = 0;
  let added = 0;
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
      await ctx.api
        .editMessageText(chatId, progress.message_id, ru.opmlProgress(done, taken.length, added))
        .catch(() => undefined);
    }
  };
  await runLimited(
    taken.map((_, i) => i),
    (i) => hostOf((taken[i] as { url: string }).url),
    check,
    OPML_CONCURRENCY,
    2,
  );
  await ctx.api
    .editMessageText(chatId, progress.message_id, ru.opmlProgress(done, taken.length, added))
    .catch(() => undefined);
  const summary = `Импорт OPML: добавлено ${added} из ${taken.length}`;
  const lines = taken.flatMap((f, i) => {
    const r = results[i];
    if (!r) return [];
    const name = escapeHtml(truncate(f.title ?? f.url, 80));
    const why = r.kind === "added" ? "добавлена" : r.kind === "failed" ? escapeHtml(r.reason) : WHY[r.kind];
    return [`${r.kind === "added" ? "✅" : "—"} ${name}: ${why}`];
  });
  return replyLines(ctx, [`<b>${summary}</b>`, ...lines]);
}

/** /export (the chat's feeds as an OPML file) and OPML import (the chat sends an .opml file). */
export function opmlCommands(deps: BotDeps): Composer<Context> {
  const c = new Composer();

  c.command("export", async (ctx) => {
    const feeds = await deps.store.feeds.listForChat(ctx.chat?.id as number);
    const xml = buildOpml(
      "newsalert",
      feeds.map((f) => ({ url: f.url, title: f.title })),
    );
    return ctx.replyWithDocument(new InputFile(Buffer.from(xml, "utf8"), "newsalert-feeds.opml"), {
      caption: `Источники этого чата: ${feeds.length}. Файл можно импортировать в любую читалку RSS или прислать сюда.`,
    });
  });

  c.on(":document", async (ctx, next) => {
    const doc = ctx.msg?.document;
    if (!doc || !isOpmlDocument(doc)) return next();
    if ((doc.file_size ?? 0) > MAX_OPML_BYTES) return ctx.reply("Файл слишком большой: OPML до 1 МиБ.");
    return guarded(deps, async (ctx) => checkInBackground(ctx, deps, () => importOpml(ctx, deps)))(ctx);
  });
  return c;
}
