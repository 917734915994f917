import { type ChildProcess, spawn } from "node:child_process";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const root = resolve(import.meta.dirname, "../..");
const tsx = pathToFileURL(createRequire(import.meta.url).resolve("tsx/esm")).href;
const main = join(root, "src/main.ts");

/** A pino line the bot printed. */
export type LogLine = Record<string, unknown> & { msg?: string };

/**
 * The bot as a real child process (`src/main.ts`, as `npm start` runs it) in a folder of its own, with
 * its JSON log lines collected; for tests that need several instances or a real SIGKILL.
 */
export class BotProcess {
  readonly exit: Promise<number | null>;
  private out = "";

  private constructor(readonly child: ChildProcess) {
    child.stdout?.on("data", (d) => (this.out += d));
    child.stderr?.on("data", (d) => (this.out += d));
    this.exit = new Promise((r) => child.on("exit", (code) => r(code)));
  }

  /** Starts the bot with exactly this environment (plus PATH-like basics from the test's own). */
  static start(cwd: string, env: Record<string, string>): BotProcess {
    const base = Object.fromEntries(
      Object.entries(process.env).filter(
        ([k]) => !/^(BOT_|DATABASE_URL|FEEDS|POLL_CRON|HTTP_PORT|LOG_LEVEL|WEBHOOK_|ADMIN_IDS)/.test(k),
      ),
    );
    return new BotProcess(
      spawn(process.execPath, ["--import", tsx, main], {
        cwd,
        env: { ...base, ...env },
        stdio: ["ignore", "pipe", "pipe"],
      }),
    );
  }

  /** Everything printed so far. */
  output(): string {
    return this.out;
  }

  /** The JSON log lines printed so far. */
  lines(): LogLine[] {
    return this.out
      .split("\n")
      .filter((l) => l.startsWith("{"))
      .map((l) => JSON.parse(l) as LogLine);
  }

  /** Waits for a log line; fails if the process exits first. */
  async waitForLine(pred: (l: LogLine) => boolean, timeoutMs = 20_000): Promise<LogLine> {
    let exited = false;
    void this.exit.then(() => (exited = true));
    const end = Date.now() + timeoutMs;
    for (;;) {
      const hit = this.lines().find(pred);
      if (hit) return hit;
      if (exited) throw new Error(`the bot exited early:\n${this.out.slice(-2000)}`);
      if (Date.now() > end) throw new Error(`no such log line in ${timeoutMs} ms:\n${this.out.slice(-2000)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** The port of its health endpoint (HTTP_PORT=0), once it listens. */
  async port(): Promise<number> {
    const line = await this.waitForLine((l) => typeof l.port === "number" && /health/.test(l.msg ?? ""));
    return line.port as number;
  }

  /** Its /healthz answer. */
  async health(): Promise<{ status: number; body: Record<string, unknown> }> {
    const res = await fetch(`http://127.0.0.1:${await this.port()}/healthz`);
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  }

  /** Sends a signal (SIGKILL: no goodbye at all). */
  kill(signal: NodeJS.Signals): void {
    this.child.kill(signal);
  }
}

/** Polls a condition until it holds or the time is up. */
export async function eventually(cond: () => boolean | Promise<boolean>, timeoutMs: number, what: string) {
  const end = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
