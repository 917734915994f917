import type { Api } from "grammy";
import type { BotCommand, BotCommandScope } from "grammy/types";
import { type Locale, translate } from "../locale.js";
import type { Logger } from "../log.js";

/** Commands every member may use; the menu of a group's ordinary members. */
const MEMBER_COMMANDS = ["list", "feeds", "status", "help"] as const;
/** Commands of a private chat and of group administrators, in menu order; names match SPEC. */
const MANAGER_COMMANDS = [
  "subscribe",
  "unsubscribe",
  "list",
  "feeds",
  "addfeed",
  "removefeed",
  "export",
  "pause",
  "resume",
  "quiet",
  "digest",
  "tz",
  "lang",
  "status",
  "help",
] as const;

/** The command menu of one language, for private chats (with /channel), group administrators or members. */
export function commandMenu(locale: Locale, audience: "private" | "admins" | "members"): BotCommand[] {
  const names: readonly string[] =
    audience === "members"
      ? MEMBER_COMMANDS
      : audience === "private"
        ? [...MANAGER_COMMANDS.slice(0, -2), "channel", ...MANAGER_COMMANDS.slice(-2)]
        : MANAGER_COMMANDS;
  return names.map((command) => ({ command, description: translate(locale, `cmd-${command}`) }));
}

/** Telegram language codes that get the Russian menu; every other user sees the default (English) one. */
const RUSSIAN_MENU_CODES = ["ru", "uk", "be", "kk"] as const;

/** Publishes the menus: per scope (default, private chats, group administrators) and per language. */
export async function publishCommandMenus(api: Api, log: Logger): Promise<void> {
  const scopes: Array<[BotCommandScope, "private" | "admins" | "members"]> = [
    [{ type: "default" }, "members"],
    [{ type: "all_private_chats" }, "private"],
    [{ type: "all_chat_administrators" }, "admins"],
  ];
  // Sent together: fifteen menus one after another would hold up start-up by as many round trips.
  const calls = scopes.flatMap(([scope, audience]) => [
    api.setMyCommands(commandMenu("en", audience), { scope }),
    ...RUSSIAN_MENU_CODES.map((language_code) =>
      api.setMyCommands(commandMenu("ru", audience), { scope, language_code }),
    ),
  ]);
  const failed = (await Promise.allSettled(calls)).find((r) => r.status === "rejected");
  if (failed) log.warn({ err: failed.reason }, "setMyCommands failed; the command menu may be stale");
}
