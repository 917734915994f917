import type { LookupAddress } from "node:dns";
import { afterEach, describe, expect, it } from "vitest";
import { fetchFeed, fetchFeedWithPolicy } from "../../../src/feeds/fetch/fetch.js";
import { assertPublicUrl, isNonPublicAddress, pinnedLookup } from "../../../src/feeds/fetch/url-guard.js";
import { loadFeed } from "../../../src/feeds/load.js";
import {
  canBindSecondLoopback,
  expectFeedError,
  rss,
  ruText,
  startServer,
  type TestServer,
} from "../helpers.js";

const secondLoopback = await canBindSecondLoopback();

let servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

describe("isNonPublicAddress", () => {
  it.each([
    "127.0.0.1",
    "127.255.255.254",
    "10.1.2.3",
    "172.16.0.1",
    "172.31.255.255",
    "192.168.1.1",
    "169.254.169.254",
    "100.64.0.1",
    "100.127.255.255",
    "0.0.0.0",
    "224.0.0.1",
    "239.255.255.250",
    "240.0.0.1",
    "255.255.255.255",
    "192.0.2.10",
    "198.18.0.1",
    "::",
    "::1",
    "fe80::1",
    "fe80::1%eth0",
    "fc00::1",
    "fd12:3456::1",
    "ff02::1",
    "fec0::1",
    "::ffff:127.0.0.1",
    "::ffff:7f00:1",
    "::ffff:10.0.0.1",
    "::ffff:169.254.169.254",
    "::127.0.0.1",
    "64:ff9b::7f00:1",
    "2002:7f00:1::",
    "2001:db8::1",
    "2001::1",
    "not-an-ip",
  ])("refuses %s", (ip) => {
    expect(isNonPublicAddress(ip)).toBe(true);
  });

  it.each([
    "8.8.8.8",
    "1.1.1.1",
    "93.184.216.34",
    "172.32.0.1",
    "100.128.0.1",
    "2a00:1450:4001:80b::200e",
    "2606:4700:4700::1111",
    "::ffff:8.8.8.8",
    "64:ff9b::808:808",
    "2002:808:808::1",
  ])("accepts %s", (ip) => {
    expect(isNonPublicAddress(ip)).toBe(false);
  });
});

describe("assertPublicUrl", () => {
  it.each([
    ["ftp://example.org/feed", "bad-url"],
    ["file:///etc/passwd", "bad-url"],
    ["javascript:alert(1)", "bad-url"],
    ["http://user:pass@example.org/", "bad-url"],
    ["not a url", "bad-url"],
    ["http://127.0.0.1/", "blocked"],
    ["http://[::1]:8080/", "blocked"],
    ["http://[::ffff:127.0.0.1]/", "blocked"],
    ["http://169.254.169.254/latest/meta-data/", "blocked"],
    ["http://2130706433/", "blocked"], // 127.0.0.1 as one decimal number
    ["http://0x7f.1/", "blocked"],
    ["http://localhost:9/", "blocked"],
  ] as const)("refuses %s as %s", async (url, kind) => {
    await expectFeedError(assertPublicUrl(url), kind);
  });

  it.each([
    ["http://8.8.8.8:22/feed", 22],
    ["https://8.8.8.8:6379/", 6379],
    ["http://8.8.8.8:81/rss", 81],
  ])("refuses %s: port %d is not a web port", async (url, port) => {
    const err = await expectFeedError(assertPublicUrl(url), "blocked");
    expect(ruText(err)).toContain(`порт ${port} не разрешён`);
  });

  it.each([
    "http://8.8.8.8/feed",
    "https://8.8.8.8/feed",
    "http://8.8.8.8:8080/feed",
    "https://8.8.8.8:8443/feed",
  ])("accepts the web port of %s", async (url) => {
    expect((await assertPublicUrl(url)).href).toBe(url);
  });

  it("puts no port limit on trusted feeds (operator FEEDS, ALLOW_PRIVATE_URLS)", async () => {
    expect((await assertPublicUrl("http://8.8.8.8:22/feed", { allowPrivate: true })).port).toBe("22");
  });

  it("lets private addresses through when allowed", async () => {
    const url = await assertPublicUrl("http://127.0.0.1:1/feed", { allowPrivate: true });
    expect(url.href).toBe("http://127.0.0.1:1/feed");
  });

  it("accepts a public IP literal without DNS", async () => {
    const url = await assertPublicUrl("https://8.8.8.8/feed");
    expect(url.hostname).toBe("8.8.8.8");
  });
});

describe("pinnedLookup", () => {
  const vetted: LookupAddress[] = [
    { address: "203.0.113.5", family: 4 },
    { address: "2001:db8::5", family: 6 },
  ];
  it("answers only with vetted addresses, in both callback shapes", () => {
    const lookup = pinnedLookup(vetted);
    lookup("evil.example", { all: true }, (err, addresses) => {
      expect(err).toBeNull();
      expect(addresses).toEqual(vetted);
    });
    lookup("evil.example", { family: 6 }, (err, address, family) => {
      expect(err).toBeNull();
      expect([address, family]).toEqual(["2001:db8::5", 6]);
    });
    lookup("evil.example", { family: 4 }, (_err, address) => expect(address).toBe("203.0.113.5"));
  });
});

describe("fetchFeed guards every hop", () => {
  it("refuses 127.0.0.1 by default without sending a request", async () => {
    const server = await startServer((_req, res) => res.end(rss(["secret"])));
    servers.push(server);
    const err = await expectFeedError(fetchFeed(`${server.url}/feed`), "blocked");
    expect(ruText(err)).toBe("адрес ведёт в частную сеть");
    expect(server.requests.length).toBe(0);
    await expectFeedError(loadFeed(`http://localhost:${server.port}/feed`), "blocked");
    expect(server.requests.length).toBe(0);
  });

  it.skipIf(!secondLoopback)("refuses a redirect from a public-looking host to 127.0.0.1", async () => {
    const internal = await startServer((_req, res) => res.end(rss(["secret"])));
    servers.push(internal);
    // 127.0.0.2 plays a public server: the policy below treats only 127.0.0.1 as private.
    const publicLooking = await startServer((_req, res) => {
      res.writeHead(302, { location: `${internal.url}/feed` });
      res.end();
    }, "127.0.0.2");
    servers.push(publicLooking);
    const onlyLoopbackOne = { isBlocked: (ip: string) => ip === "127.0.0.1", isPortAllowed: () => true };
    await expectFeedError(fetchFeedWithPolicy(`${publicLooking.url}/start`, {}, onlyLoopbackOne), "blocked");
    expect(publicLooking.requests.length).toBe(1);
    expect(internal.requests.length).toBe(0);
  });

  it("connects to the address the guard vetted, not to a fresh DNS answer", async () => {
    const server = await startServer((_req, res) => res.end(rss(["pinned"])));
    servers.push(server);
    // "feed.invalid" cannot resolve in real DNS: the request only succeeds if the socket uses the
    // addresses the guard approved (the DNS-rebinding defence).
    const policy = {
      isBlocked: () => false,
      isPortAllowed: () => true,
      resolve: async () => [{ address: "127.0.0.1", family: 4 }],
    };
    const outcome = await fetchFeedWithPolicy(`http://feed.invalid:${server.port}/rss`, {}, policy);
    expect(outcome.kind).toBe("ok");
    expect(server.requests[0]?.headers.host).toBe(`feed.invalid:${server.port}`);
  });

  it("sends internationalised host names as punycode", async () => {
    const server = await startServer((_req, res) => res.end(rss(["idn"])));
    servers.push(server);
    const policy = {
      isBlocked: () => false,
      isPortAllowed: () => true,
      resolve: async () => [{ address: "127.0.0.1", family: 4 }],
    };
    const outcome = await fetchFeedWithPolicy(`http://пример.рф:${server.port}/rss`, {}, policy);
    expect(outcome.finalUrl).toBe(`http://xn--e1afmkfd.xn--p1ai:${server.port}/rss`);
    expect(server.requests[0]?.headers.host).toBe(`xn--e1afmkfd.xn--p1ai:${server.port}`);
  });

  it.skipIf(!secondLoopback)("follows the same redirect when private addresses are allowed", async () => {
    const internal = await startServer((_req, res) => res.end(rss(["fine"])));
    servers.push(internal);
    const front = await startServer((_req, res) => {
      res.writeHead(302, { location: `${internal.url}/feed` });
      res.end();
    }, "127.0.0.2");
    servers.push(front);
    const outcome = await fetchFeed(`${front.url}/start`, { allowPrivate: true });
    expect(outcome.kind).toBe("ok");
    expect(internal.requests.length).toBe(1);
  });

  it("refuses a redirect to a non-http scheme", async () => {
    const server = await startServer((_req, res) => {
      res.writeHead(301, { location: "file:///etc/passwd" });
      res.end();
    });
    servers.push(server);
    await expectFeedError(fetchFeed(server.url, { allowPrivate: true }), "bad-url");
  });
});
