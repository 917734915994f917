/**
 * Work the bot runs beside grammY's update loop (feed checks for /addfeed and OPML import), tracked
 * so that shutdown can wait for it before the store it writes to is closed.
 */
export class BackgroundTasks {
  private readonly running = new Set<Promise<void>>();
  private readonly abort = new AbortController();

  /** Aborted when shutdown stops waiting: long tasks pass it on to their fetches and stop early. */
  get signal(): AbortSignal {
    return this.abort.signal;
  }

  /** How many tasks are running now. */
  get size(): number {
    return this.running.size;
  }

  /** Runs `task` in the background; a failure goes to `onError`, never to an unhandled rejection. */
  run(task: () => Promise<unknown>, onError: (err: unknown) => Promise<void> | void): void {
    const p: Promise<void> = task()
      .then(
        () => undefined,
        (err: unknown) => onError(err),
      )
      .catch(() => undefined)
      .finally(() => this.running.delete(p));
    this.running.add(p);
  }

  /**
   * Waits for every task, including ones started meanwhile. After `graceMs` the rest are told to
   * stop (their signal aborts) and are waited for again, so a slow feed cannot hold shutdown for long.
   */
  async drain(graceMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, graceMs);
    });
    await Promise.race([this.settled(), grace]);
    clearTimeout(timer);
    this.abort.abort();
    await this.settled();
  }

  private async settled(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }
}
