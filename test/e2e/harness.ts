import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import iconv from "iconv-lite";
import { type App, startApp } from "../../src/app.js";
import { type Config, loadConfig } from "../../src/config.js";
import { createLogger } from "../../src/log.js";
import { BotApiServer } from "../support/bot-api-server.js";
import { FeedServer, rssDocument } from "../support/feed-server.js";

/** One story as the test feed publishes it. */
export interface Story {
  title: string;
  link: string;
  description?: string;
  pubDate?: Date;
}

/** A whole product on loopback: Bot API fake, a windows-1251 feed server, a SQLite file, and the app. */
export class Harness {
  app: App | null = null;
  private constructor(
    readonly api: BotApiServer,
    readonly feeds: FeedServer,
    readonly dir: string,
  ) {}

  /** Starts the fakes (not the app). */
  static async create(): Promise<Harness> {
    const dir = mkdtempSync(join(tmpdir(), "newsalert-e2e-"));
    return new Harness(await BotApiServer.start(), await FeedServer.start(), dir);
  }

  /** The environment the product reads, as an operator would set it. */
  env(extra: Record<string, string> = {}): Record<string, string> {
    return {
      BOT_TOKEN: this.api.token,
      BOT_API_ROOT: this.api.apiRoot,
      DATABASE_URL: join(this.dir, "data", "newsalert.db"),
      FEEDS: this.feeds.url("/rss"),
      // Never fires during a test: cycles are driven explicitly so the tests need no sleeps.
      POLL_CRON: "0 0 1 1 *",
      HTTP_PORT: "off",
      LOG_LEVEL: "silent",
      TZ: "Europe/Moscow",
      // Tests send many commands from one user; the limiter has tests of its own.
      USER_RATE_LIMIT: "10000/60s",
      ...extra,
    };
  }

  /** Publishes the feed's current stories, encoded as windows-1251 like many Russian newswires. */
  publish(stories: Story[]): void {
    const xml = rssDocument({
      title: "Лента РЗМ",
      link: this.feeds.origin,
      encoding: "windows-1251",
      items: stories,
    });
    this.feeds.set("/rss", iconv.encode(xml, "windows-1251"), {
      contentType: "application/rss+xml; charset=windows-1251",
    });
  }

  /** Starts the app and waits for its first poll cycle and for the bot to go online. */
  async start(extra: Record<string, string> = {}): Promise<App> {
    const config: Config = loadConfig(this.env(extra));
    this.app = await startApp(config, createLogger("silent"));
    await this.app.poller.pollOnce();
    await this.app.online;
    return this.app;
  }

  /** Runs a poll cycle and lets delivery catch up. */
  async poll(): Promise<void> {
    await this.app?.poller.pollOnce();
  }

  /** Stops the app (as on SIGTERM). */
  async stop(): Promise<void> {
    await this.app?.stop();
    this.app = null;
  }

  /** Stops everything and deletes the files. */
  async close(): Promise<void> {
    await this.stop();
    await this.api.close();
    await this.feeds.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
