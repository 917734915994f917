import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Harness } from "./e2e/harness.js";

describe("health and metrics endpoint", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await Harness.create();
  });
  afterEach(async () => {
    await h.close();
  });

  it("answers /healthz and exposes pipeline counters on /metrics", async () => {
    h.publish([{ title: "Литий", link: "https://news.example/1" }]);
    const app = await h.start({ HTTP_PORT: "0" });
    const base = `http://127.0.0.1:${app.health?.port}`;
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({
      ok: true,
      database: "sqlite",
      store: true,
      role: "single",
      updates: "polling",
      botApi: true,
      lastPollAgeSeconds: expect.any(Number),
    });
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toMatch(/newsalert_feed_fetches_total\{outcome="ok"\} [1-9]/);
    expect(metrics).toContain("newsalert_poll_cycle_seconds_count");
    expect(metrics).toMatch(/newsalert_alerts\{status="pending"\} 0/);
    expect((await fetch(`${base}/nope`)).status).toBe(404);
  });

  it("answers 503 once updates stop arriving (getUpdates 409: another consumer of the token)", async () => {
    const app = await h.start({ HTTP_PORT: "0" });
    const base = `http://127.0.0.1:${app.health?.port}`;
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    h.api.failNext("getUpdates", {
      error_code: 409,
      description: "Conflict: terminated by other getUpdates request",
    });
    let res = await fetch(`${base}/healthz`);
    for (let i = 0; i < 100 && res.status === 200; i++) {
      await new Promise((r) => setTimeout(r, 50));
      res = await fetch(`${base}/healthz`);
    }
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ ok: false, store: true, updates: "stopped" });
  });

  it("counts Telegram's 429s and times each send on /metrics", async () => {
    const app = await h.start({ HTTP_PORT: "0" });
    h.api.failNext("sendMessage", {
      error_code: 429,
      description: "Too Many Requests",
      parameters: { retry_after: 1 },
    });
    await app.bot.api.sendMessage(5, "hello");
    const metrics = await (await fetch(`http://127.0.0.1:${app.health?.port}/metrics`)).text();
    expect(metrics).toMatch(/newsalert_telegram_429_total\{method="sendMessage"\} [1-9]/);
    expect(metrics).toMatch(/newsalert_bot_api_request_seconds_count\{method="sendMessage"\} [2-9]/);
    expect(metrics).toContain("newsalert_alert_delay_seconds_bucket");
    expect(metrics).toMatch(/newsalert_leader 1/);
  });

  it("HTTP_PORT=off starts no endpoint", async () => {
    const app = await h.start({ HTTP_PORT: "off" });
    expect(app.health).toBeNull();
  });
});
