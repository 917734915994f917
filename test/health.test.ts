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
    expect(await health.json()).toEqual({ ok: true, database: "sqlite" });
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toMatch(/newsalert_feed_fetches_total\{outcome="ok"\} [1-9]/);
    expect(metrics).toContain("newsalert_poll_cycle_seconds_count");
    expect(metrics).toMatch(/newsalert_alerts\{status="pending"\} 0/);
    expect((await fetch(`${base}/nope`)).status).toBe(404);
  });

  it("HTTP_PORT=off starts no endpoint", async () => {
    const app = await h.start({ HTTP_PORT: "off" });
    expect(app.health).toBeNull();
  });
});
