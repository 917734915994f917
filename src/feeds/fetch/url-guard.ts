import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { isIP } from "node:net";
import { FeedError } from "../errors.js";

/** A URL that passed the guard, with the addresses it resolved to (empty when the check was skipped). */
export interface GuardedUrl {
  url: URL;
  addresses: LookupAddress[];
}

// IPv4 ranges that are not the public Internet (IANA special-purpose registry), as [base, prefix].
const BLOCKED_V4: Array<[string, number]> = [
  ["0.0.0.0", 8], // "this network"
  ["10.0.0.0", 8], // private
  ["100.64.0.0", 10], // CGNAT
  ["127.0.0.0", 8], // loopback
  ["169.254.0.0", 16], // link-local, cloud metadata
  ["172.16.0.0", 12], // private
  ["192.0.0.0", 24], // IETF protocol assignments
  ["192.0.2.0", 24], // TEST-NET-1
  ["192.88.99.0", 24], // 6to4 relay anycast
  ["192.168.0.0", 16], // private
  ["198.18.0.0", 15], // benchmarking
  ["198.51.100.0", 24], // TEST-NET-2
  ["203.0.113.0", 24], // TEST-NET-3
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved and broadcast
];

function v4ToInt(ip: string): number {
  return ip.split(".").reduce((acc, part) => acc * 256 + Number(part), 0);
}

function v4Blocked(ip: string): boolean {
  const n = v4ToInt(ip);
  return BLOCKED_V4.some(([base, prefix]) => {
    const size = 2 ** (32 - prefix);
    const start = v4ToInt(base);
    return n >= start && n < start + size;
  });
}

/** Expands an IPv6 text form (with optional embedded IPv4 tail and zone id) into 8 16-bit groups. */
function v6Groups(ip: string): number[] | null {
  let text = ip.replace(/%.*$/, "").toLowerCase();
  const tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (tail?.[1]) {
    const n = v4ToInt(tail[1]);
    text = `${text.slice(0, -tail[1].length)}${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  const halves = text.split("::");
  if (halves.length > 2) return null;
  const head = halves[0] ? halves[0].split(":") : [];
  const rest = halves.length === 2 && halves[1] ? halves[1].split(":") : [];
  const missing = 8 - head.length - rest.length;
  if (halves.length === 1 ? missing !== 0 : missing < 0) return null;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill("0"), ...rest].map((g) =>
    Number.parseInt(g, 16),
  );
  return groups.length === 8 && groups.every((g) => g >= 0 && g <= 0xffff) ? groups : null;
}

function v4FromGroups(hi: number, lo: number): string {
  return [hi >> 8, hi & 0xff, lo >> 8, lo & 0xff].join(".");
}

function v6Blocked(ip: string): boolean {
  const g = v6Groups(ip);
  if (!g) return true;
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0] = g;
  // Forms that carry an IPv4 address are judged by that address, so ::ffff:127.0.0.1 is loopback.
  if (g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0 && (g5 === 0xffff || g5 === 0)) {
    if (g5 === 0 && g6 === 0) return true; // ::, ::1 and the deprecated IPv4-compatible block
    return g5 === 0xffff ? v4Blocked(v4FromGroups(g6, g7)) : true;
  }
  if (g0 === 0x64 && g1 === 0xff9b) return g2 === 1 || v4Blocked(v4FromGroups(g6, g7)); // NAT64
  if (g0 === 0x2002) return v4Blocked(v4FromGroups(g1, g2)); // 6to4
  // Everything outside global unicast 2000::/3 (ULA, link-local, site-local, multicast...) is not public.
  if ((g0 & 0xe000) !== 0x2000) return true;
  if (g0 === 0x2001 && g1 < 0x200) return true; // 2001::/23 protocol assignments, Teredo, benchmarking
  if (g0 === 0x2001 && g1 === 0xdb8) return true; // documentation
  if ((g0 & 0xfff0) === 0x3ff0) return true; // 3fff::/20 documentation
  return false;
}

/** True when an IP address (v4 or v6 text) is loopback, private, link-local, multicast, CGNAT or reserved. */
export function isNonPublicAddress(ip: string): boolean {
  const family = isIP(ip.replace(/%.*$/, ""));
  if (family === 4) return v4Blocked(ip);
  if (family === 6) return v6Blocked(ip);
  return true;
}

/** Parses and checks scheme and credentials; bad input becomes FeedError "bad-url". */
export function parseFeedUrl(raw: string | URL): URL {
  let url: URL;
  try {
    url = new URL(String(raw).trim());
  } catch {
    throw new FeedError("bad-url", "not-url");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new FeedError("bad-url", "scheme");
  }
  if (url.username || url.password) {
    throw new FeedError("bad-url", "credentials");
  }
  if (!url.hostname) throw new FeedError("bad-url", "no-host");
  return url;
}

function blocked(): FeedError {
  return new FeedError("blocked", "private");
}

function hostOf(url: URL): string {
  // URL keeps brackets around IPv6 literals; DNS and isIP want them gone.
  return url.hostname.replace(/^\[|\]$/g, "");
}

function resolveAll(host: string): Promise<LookupAddress[]> {
  return new Promise((resolve, reject) => {
    dnsLookup(host, { all: true, verbatim: true }, (err, addresses) => {
      if (err) {
        reject(new FeedError("network", "dns", { host }, { cause: err }));
      } else {
        resolve(addresses);
      }
    });
  });
}

/** Ports a chat-added feed may use: the web's own. Any other would make the bot a port scanner. */
export const FEED_PORTS: readonly number[] = [80, 443, 8080, 8443];

/** The replaceable parts of the guard; tests use them to stage "public" hosts on loopback addresses. */
export interface AddressPolicy {
  isBlocked?: (ip: string) => boolean;
  /** Whether a port may be connected to; FEED_PORTS by default. */
  isPortAllowed?: (port: number) => boolean;
  resolve?: (host: string) => Promise<LookupAddress[]>;
}

/** How guardUrl decides. */
export interface GuardOptions extends AddressPolicy {
  allowPrivate?: boolean;
}

/**
 * Checks a URL and, unless private targets are allowed (operator feeds, ALLOW_PRIVATE_URLS), refuses
 * ports outside FEED_PORTS and resolves it, refusing any non-public address.
 */
export async function guardUrl(raw: string | URL, opts: GuardOptions = {}): Promise<GuardedUrl> {
  const url = parseFeedUrl(raw);
  if (opts.allowPrivate) return { url, addresses: [] };
  const isBlocked = opts.isBlocked ?? isNonPublicAddress;
  const host = hostOf(url);
  const family = isIP(host);
  let addresses: LookupAddress[];
  if (family !== 0) {
    if (isBlocked(host)) throw blocked();
    addresses = [{ address: host, family }];
  } else {
    addresses = await (opts.resolve ?? resolveAll)(host);
    if (addresses.length === 0) throw new FeedError("network", "dns", { host });
    // One private answer is enough to refuse: the connection could pick it.
    if (addresses.some((a) => isBlocked(a.address))) throw blocked();
  }
  const port = Number(url.port || (url.protocol === "https:" ? 443 : 80));
  if (!(opts.isPortAllowed ?? ((p: number) => FEED_PORTS.includes(p)))(port)) {
    throw new FeedError("blocked", "port", { port: String(port), ports: FEED_PORTS.join(", ") });
  }
  return { url, addresses };
}

/** Only http/https without credentials, resolving to public addresses only (unless allowPrivate); throws FeedError. */
export async function assertPublicUrl(url: string, opts: { allowPrivate?: boolean } = {}): Promise<URL> {
  return (await guardUrl(url, opts)).url;
}

type LookupCallback = (
  err: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * A net.connect `lookup` that answers only with already-vetted addresses, so a DNS answer that changes
 * between the check and the connect (rebinding) cannot steer the socket into a private network.
 */
export function pinnedLookup(addresses: LookupAddress[]) {
  return (_host: string, options: { all?: boolean; family?: number | string }, callback: LookupCallback) => {
    const wanted = options.family === 4 || options.family === 6 ? options.family : 0;
    const usable = addresses.filter((a) => wanted === 0 || a.family === wanted);
    if (usable.length === 0) {
      const err: NodeJS.ErrnoException = new Error("no vetted address for the requested family");
      err.code = "ENOTFOUND";
      callback(err, []);
      return;
    }
    if (options.all) {
      callback(null, usable);
    } else {
      const first = usable[0] as LookupAddress;
      callback(null, first.address, first.family);
    }
  };
}
