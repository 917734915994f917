import type { ServerResponse } from "node:http";
import { sendReply } from "./bot-api-types.js";
import type { Payload } from "./http-body.js";

/** Longest a getUpdates is held open, whatever timeout the bot asks for, so tests never wait on a poll. */
const MAX_POLL_MS = 1000;

/** The updates waiting for getUpdates, and the long polls waiting for updates. */
export class UpdateQueue {
  private queue: Array<Payload & { update_id: number }> = [];
  private nextUpdateId = 1;
  private readonly polls = new Set<() => void>();
  private closed = false;

  /** `unauthorized` is asked when a poll is answered, so a token revoked mid-poll still gets its 401. */
  constructor(private readonly unauthorized: () => boolean) {}

  /** Queues a raw Update (update_id assigned if missing) and wakes a pending getUpdates. */
  push(update: object): void {
    const u = { ...(update as Payload) } as Payload & { update_id: number };
    if (typeof u.update_id !== "number") u.update_id = this.nextUpdateId;
    this.nextUpdateId = Math.max(this.nextUpdateId, u.update_id + 1);
    this.queue.push(u);
    this.wake();
  }

  /** Answers every pending long poll now, so a change of state (revoked token) reaches it at once. */
  wake(): void {
    for (const wake of [...this.polls]) wake();
  }

  /** Drops the queued updates, as deleteWebhook with drop_pending_updates does. */
  clear(): void {
    this.queue = [];
  }

  /** Answers pending long polls and every later one at once, so a closing server is not held open. */
  close(): void {
    this.closed = true;
    this.wake();
  }

  /** Serves a getUpdates: confirms updates below `offset`, then answers now or when one arrives. */
  getUpdates(p: Payload, res: ServerResponse): void {
    const offset = Number(p.offset ?? 0);
    if (offset > 0) this.queue = this.queue.filter((u) => u.update_id >= offset);
    const limit = Math.min(Math.max(Number(p.limit ?? 100), 1), 100);
    let timer: NodeJS.Timeout | undefined;
    const answer = () => {
      this.polls.delete(answer);
      clearTimeout(timer);
      if (res.writableEnded || res.destroyed) return;
      if (this.unauthorized()) sendReply(res, { ok: false, error_code: 401, description: "Unauthorized" });
      else sendReply(res, { ok: true, result: this.queue.slice(0, limit) });
    };
    const waitMs = Math.min(Number(p.timeout ?? 0) * 1000, MAX_POLL_MS);
    if (this.queue.length > 0 || waitMs <= 0 || this.closed) {
      answer();
      return;
    }
    timer = setTimeout(answer, waitMs);
    this.polls.add(answer);
    res.on("close", () => {
      this.polls.delete(answer);
      clearTimeout(timer);
    });
  }
}
