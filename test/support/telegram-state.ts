import type { Chat, FakeChatMember } from "./bot-api-types.js";

/** A command of a menu, as setMyCommands takes it. */
export type MenuCommand = { command: string; description: string };

/**
 * What Telegram remembers between calls: the bot, chats, members, message texts, files, command menus
 * and the webhook. Shared by the incoming updates and the methods, since a message id or a chat one of
 * them makes must be the one the other sees.
 */
export class TelegramState {
  /** The bot's user id, read from the token as Telegram's ids are. */
  readonly botId: number;
  /** Chats seen in updates, by id, so getChat and replies show the same chat. */
  readonly chats = new Map<number, Chat>();
  /** Member statuses by "chatId:userId" (unset pairs are members). */
  readonly members = new Map<string, FakeChatMember["status"]>();
  /** The current content of each sent message by "chatId:messageId", to refuse an edit that changes nothing. */
  readonly texts = new Map<string, string>();
  /** Downloadable files by file_id. */
  readonly files = new Map<string, { data: Buffer; path: string }>();
  /** Command menus by scope type and language code ("default|" is the menu of everyone). */
  readonly menus = new Map<string, MenuCommand[]>();
  /** The registered webhook (setWebhook), as Telegram would keep it; null in long-polling mode. */
  webhook: { url: string; secret_token?: string } | null = null;
  private nextMessageId = 1;

  /** `token` gives the bot's id; `botUsername` is what getMe answers. */
  constructor(
    token: string,
    readonly botUsername: string,
  ) {
    this.botId = Number(token.split(":")[0]) || 123456;
  }

  /** The bot as a User, the way it shows as the sender of its own messages. */
  get me() {
    return { id: this.botId, is_bot: true, first_name: "NewsAlert Test", username: this.botUsername };
  }

  /** A fresh message id; incoming and sent messages share one sequence, as in a real chat. */
  newMessageId(): number {
    return this.nextMessageId++;
  }

  /** The chat with `id` as last seen, else a plain private chat or supergroup by the id's sign. */
  chatFor(id: number): Chat {
    return (
      this.chats.get(id) ??
      (id > 0 ? { id, type: "private", first_name: "User" } : { id, type: "supergroup", title: `Chat ${id}` })
    );
  }

  /** Makes a file downloadable the way Telegram serves a document a user sent; returns its Document fields. */
  addFile(content: string | Buffer, fileName: string, mimeType: string) {
    const id = `file-${this.files.size + 1}`;
    const data = Buffer.from(content);
    this.files.set(id, { data, path: `documents/${id}_${fileName}` });
    return {
      file_id: id,
      file_unique_id: `u${id}`,
      file_name: fileName,
      mime_type: mimeType,
      file_size: data.length,
    };
  }
}
