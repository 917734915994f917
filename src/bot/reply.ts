import type { Context } from "grammy";

const LIMIT = 4000;

/** Replies with HTML lines, split over several messages when they would pass Telegram's length limit. */
export async function replyLines(ctx: Context, lines: readonly string[]): Promise<void> {
  let chunk = "";
  for (const line of lines) {
    if (chunk && chunk.length + line.length + 1 > LIMIT) {
      await ctx.reply(chunk, { parse_mode: "HTML", link_preview_options: { is_disabled: true } });
      chunk = "";
    }
    chunk = chunk ? `${chunk}\n${line}` : line;
  }
  if (chunk) await ctx.reply(chunk, { parse_mode: "HTML", link_preview_options: { is_disabled: true } });
}
