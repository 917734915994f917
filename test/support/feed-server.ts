import { createHash } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

type Doc = {
  body: Buffer;
  status: number;
  contentType: string;
  headers: Record<string, string>;
  etag: string;
};

/** Options for `FeedServer.set`. */
export interface FeedDocOptions {
  contentType?: string;
  status?: number;
  headers?: Record<string, string>;
}

/** Tiny HTTP server on 127.0.0.1 serving configurable documents with ETag / If-None-Match support. */
export class FeedServer {
  /** "http://127.0.0.1:PORT". */
  readonly origin: string;
  /** Every request received, in order (path includes the query string). */
  readonly requests: Array<{ path: string; headers: Record<string, string | string[] | undefined> }> = [];
  private readonly docs = new Map<string, Doc>();

  private constructor(
    private readonly server: Server,
    port: number,
  ) {
    this.origin = `http://127.0.0.1:${port}`;
  }

  /** Starts the server on a random port. */
  static async start(): Promise<FeedServer> {
    let self: FeedServer | undefined;
    const server = createServer((req, res) => {
      const path = req.url ?? "/";
      self?.requests.push({ path, headers: { ...req.headers } });
      const doc = self?.docs.get(path) ?? self?.docs.get(path.split("?")[0] as string);
      if (!doc) {
        res.writeHead(404, { "content-type": "text/plain" }).end("not found");
        return;
      }
      const headers: Record<string, string> = { "content-type": doc.contentType, ...doc.headers };
      const cacheable = doc.status >= 200 && doc.status < 300;
      if (cacheable) headers.etag = doc.etag;
      if (cacheable && etagMatches(req.headers["if-none-match"], doc.etag)) {
        res.writeHead(304, { etag: doc.etag, ...doc.headers }).end();
        return;
      }
      res.writeHead(doc.status, headers).end(req.method === "HEAD" ? undefined : doc.body);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    self = new FeedServer(server, (server.address() as AddressInfo).port);
    return self;
  }

  /** Absolute URL for `path` on this server (a leading "/" is added if missing). */
  url(path: string): string {
    return `${this.origin}${path.startsWith("/") ? path : `/${path}`}`;
  }

  /** Replaces the document at `path`. Default content type: RSS with charset=utf-8 for strings, no charset for Buffers. */
  set(path: string, body: string | Buffer, opts: FeedDocOptions = {}): void {
    const bytes = typeof body === "string" ? Buffer.from(body, "utf8") : body;
    const contentType =
      opts.contentType ??
      (typeof body === "string" ? "application/rss+xml; charset=utf-8" : "application/rss+xml");
    const etag = `"${createHash("sha1").update(bytes).digest("hex")}"`;
    const key = path.startsWith("/") ? path : `/${path}`;
    this.docs.set(key, {
      body: bytes,
      status: opts.status ?? 200,
      contentType,
      headers: opts.headers ?? {},
      etag,
    });
  }

  /** Stops the server and drops keep-alive connections. */
  async close(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }
}

function etagMatches(header: string | string[] | undefined, etag: string): boolean {
  if (!header) return false;
  const values = (Array.isArray(header) ? header.join(",") : header).split(",").map((v) => v.trim());
  return values.some((v) => v === "*" || v.replace(/^W\//, "") === etag);
}

/** Escapes text for XML element content and attribute values. */
export function escapeXml(s: string): string {
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/** Builds an RSS 2.0 document whose XML prolog declares `encoding` (default utf-8); encode the string yourself. */
export function rssDocument(opts: {
  title?: string;
  link?: string;
  encoding?: string;
  items: Array<{ title: string; link: string; guid?: string; description?: string; pubDate?: Date }>;
}): string {
  const items = opts.items.map((item) => {
    const lines = [
      `      <title>${escapeXml(item.title)}</title>`,
      `      <link>${escapeXml(item.link)}</link>`,
    ];
    if (item.guid !== undefined) lines.push(`      <guid isPermaLink="false">${escapeXml(item.guid)}</guid>`);
    if (item.description !== undefined)
      lines.push(`      <description>${escapeXml(item.description)}</description>`);
    if (item.pubDate !== undefined) lines.push(`      <pubDate>${item.pubDate.toUTCString()}</pubDate>`);
    return `    <item>\n${lines.join("\n")}\n    </item>`;
  });
  return [
    `<?xml version="1.0" encoding="${escapeXml(opts.encoding ?? "utf-8")}"?>`,
    `<rss version="2.0">`,
    "  <channel>",
    `    <title>${escapeXml(opts.title ?? "Test feed")}</title>`,
    `    <link>${escapeXml(opts.link ?? "https://example.com/")}</link>`,
    "    <description>Feed served by the newsalert test FeedServer</description>",
    ...items,
    "  </channel>",
    "</rss>",
    "",
  ].join("\n");
}
