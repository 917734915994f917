import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import https from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchFeed } from "../../../src/feeds/fetch/fetch.js";
import { expectFeedError, rss, ruText } from "../helpers.js";

function hasOpenssl(): boolean {
  try {
    execFileSync("openssl", ["version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

// The certificate is made per run so no private key lives in the repository.
describe.skipIf(!hasOpenssl())("fetchFeed over TLS", () => {
  let dir = "";
  let server: https.Server;
  let url = "";

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "newsalert-tls-"));
    execFileSync(
      "openssl",
      ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1"].concat([
        "-keyout",
        path.join(dir, "key.pem"),
        "-out",
        path.join(dir, "cert.pem"),
      ]),
      { stdio: "ignore" },
    );
    server = https.createServer(
      { key: readFileSync(path.join(dir, "key.pem")), cert: readFileSync(path.join(dir, "cert.pem")) },
      (_req, res) => res.end(rss(["tls"])),
    );
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/feed`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    rmSync(dir, { recursive: true, force: true });
  });

  it("refuses an untrusted certificate with a readable reason", async () => {
    const err = await expectFeedError(fetchFeed(url, { allowPrivate: true }), "network");
    expect(ruText(err)).toBe("ошибка TLS-сертификата сервера");
  });

  it("guards https URLs like http ones", async () => {
    await expectFeedError(fetchFeed(url), "blocked");
  });
});
