import type { Harness, Story } from "../e2e/harness.js";
import type { SentMessage } from "../support/bot-api-server.js";

/** The username the fake Bot API reports for the bot. */
export const BOT = "newsalert_test_bot";
/** Telegram's "GroupAnonymousBot", the sender of anonymous administrators' messages. */
export const ANONYMOUS_ADMIN = { id: 1087968824, first_name: "Group", username: "GroupAnonymousBot" };

/** A private chat whose only user has the chat's id. */
export function privateChat(id: number) {
  return { chat: { id, type: "private" as const }, user: { id, first_name: "Анна" } };
}

let nextGroup = 1;
/**
 * A fresh supergroup id for every call: the bot caches admin look-ups per (chat, user) for a minute,
 * so tests that change a member's status must not share a chat.
 */
export function freshGroup(type: "group" | "supergroup" | "channel" = "supergroup") {
  const id = -(1_000_000_000_000 + process.pid * 1000 + nextGroup++);
  return { id, type, title: `Группа ${-id}` };
}

/** A private chat used only to learn that every update sent before has been handled. */
const MARKER = { id: 424242, type: "private" as const };

/**
 * Waits until the bot has handled every update queued so far: grammY's polling handles updates one at
 * a time, so once the answer to a marker /help (in a chat of its own) is recorded, all earlier ones are done.
 */
export async function settle(h: Harness): Promise<void> {
  const from = h.api.sent.length;
  h.api.sendText(MARKER, { id: MARKER.id }, "/help");
  await h.api.waitForSent((m) => m.chat_id === MARKER.id && h.api.sent.indexOf(m) >= from);
}

/** What the bot recorded (to any chat except the marker one) since index `from`. */
export function since(h: Harness, from: number): SentMessage[] {
  return h.api.sent.slice(from).filter((m) => m.chat_id !== MARKER.id);
}

type ChatRef = Parameters<Harness["api"]["sendText"]>[0];
type FromRef = Parameters<Harness["api"]["sendText"]>[1];

/** Sends `text` to the bot in `chat` and returns everything the bot sent to that chat in answer. */
export async function say(
  h: Harness,
  chat: ChatRef,
  from: FromRef,
  text: string,
  opts: { senderChat?: object } = {},
): Promise<SentMessage[]> {
  const start = h.api.sent.length;
  h.api.sendText(chat, from, text, opts);
  await settle(h);
  return since(h, start).filter((m) => m.chat_id === chat.id);
}

/**
 * Sends `text` and returns the first message the bot sends to that chat afterwards, for commands that
 * answer after work done beside the update loop (/addfeed checks the feed first).
 */
export async function answerTo(h: Harness, chat: ChatRef, from: FromRef, text: string): Promise<string> {
  const start = h.api.sent.length;
  h.api.sendText(chat, from, text);
  const m = await h.api.waitForSent((m) => m.chat_id === chat.id && h.api.sent.indexOf(m) >= start);
  return m.text;
}

/** Like `say`, for a command that must be answered with exactly one message; returns its text. */
export async function ask(h: Harness, chat: ChatRef, from: FromRef, text: string): Promise<string> {
  const replies = await say(h, chat, from, text);
  if (replies.length !== 1) {
    throw new Error(
      `expected one reply to ${JSON.stringify(text)}, got ${JSON.stringify(replies.map((m) => m.text))}`,
    );
  }
  return (replies[0] as SentMessage).text;
}

/** The numbered lines of /list in `chat` (each line's text as shown, without its number). */
export async function listQueries(h: Harness, chat: ChatRef, from: FromRef): Promise<string[]> {
  const replies = await say(h, chat, from, "/list");
  return replies
    .flatMap((m) => m.text.split("\n"))
    .map((l) => /^\d+\. <code>(.*)<\/code>$/.exec(l)?.[1])
    .filter((q): q is string => q !== undefined)
    .map((q) =>
      q.replaceAll("&quot;", '"').replaceAll("&lt;", "<").replaceAll("&gt;", ">").replaceAll("&amp;", "&"),
    );
}

/** Presses an inline button: queues a callback_query for `message` (as the bot sent it) from `from`. */
export async function press(
  h: Harness,
  message: SentMessage,
  chat: { id: number; type: string; title?: string },
  from: { id: number; first_name?: string },
  data: string,
): Promise<SentMessage[]> {
  const start = h.api.sent.length;
  h.api.pushUpdate({
    callback_query: {
      id: `cb-${start}`,
      from: { is_bot: false, first_name: "User", ...from },
      chat_instance: `ci-${chat.id}`,
      data,
      message: {
        message_id: message.message_id,
        date: Math.floor(Date.now() / 1000),
        chat: {
          ...chat,
          ...(chat.type === "private" ? { first_name: "User" } : { title: chat.title ?? "Chat" }),
        },
        from: { id: 123456, is_bot: true, first_name: "NewsAlert Test", username: BOT },
        text: message.text,
      },
    },
  });
  await settle(h);
  return since(h, start);
}

/** The callback_data of every inline button in a recorded message. */
export function buttons(message: SentMessage): Array<{ text: string; data: string }> {
  const rows = (
    message.reply_markup as { inline_keyboard?: Array<Array<{ text: string; callback_data?: string }>> }
  )?.inline_keyboard;
  return (rows ?? []).flat().map((b) => ({ text: b.text, data: b.callback_data ?? "" }));
}

let storyNo = 0;
/** A new story about lithium (every call a different link). */
export const lithium = (): Story => ({
  title: `Добыча лития выросла, выпуск ${++storyNo}`,
  link: `https://news.example/li-${storyNo}`,
});

/**
 * Starts the harness with a feed that keeps its earlier stories, as a real feed does; `publishAndPoll`
 * puts one more on top and runs a poll cycle.
 */
export async function startWithFeed(h: Harness, first: Story[]) {
  let shown = [...first];
  h.publish(shown);
  await h.start();
  return {
    async publishAndPoll(story: Story): Promise<void> {
      shown = [story, ...shown];
      h.publish(shown);
      await h.poll();
    },
  };
}

/** The alerts the bot sent to a chat: messages with a link (only those naming `link`, when given). */
export function alertsTo(h: Harness, chatId: number, link = '<a href="'): SentMessage[] {
  return h.api.sent.filter(
    (m) => m.chat_id === chatId && m.method === "sendMessage" && m.text.includes(link),
  );
}
