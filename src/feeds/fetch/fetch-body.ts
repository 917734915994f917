import type { IncomingMessage } from "node:http";
import { promisify } from "node:util";
import zlib from "node:zlib";
import { FeedError } from "../errors.js";
import { tooLarge } from "./fetch-errors.js";
import { headerValue } from "./http-headers.js";

const gunzip = promisify(zlib.gunzip);
const inflate = promisify(zlib.inflate);
const inflateRaw = promisify(zlib.inflateRaw);
const brotli = promisify(zlib.brotliDecompress);

/** Reads the raw body, refusing more than maxBytes while it streams in. */
export async function readCapped(
  res: IncomingMessage,
  maxBytes: number,
  signal: AbortSignal,
): Promise<Buffer> {
  // A trickling body must still end at the deadline, whatever the socket layer does on abort.
  const onAbort = () => res.destroy(signal.reason);
  signal.addEventListener("abort", onAbort, { once: true });
  try {
    return await collect(res, maxBytes);
  } finally {
    signal.removeEventListener("abort", onAbort);
  }
}

async function collect(res: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(headerValue(res.headers, "content-length") ?? Number.NaN);
  if (declared > maxBytes) {
    res.destroy();
    throw tooLarge(maxBytes);
  }
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of res as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > maxBytes) {
      res.destroy();
      throw tooLarge(maxBytes);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, total);
}

/** Undoes Content-Encoding (and a gzip body served without it), capping the decompressed size. */
export async function decompress(raw: Buffer, encodings: string[], maxBytes: number): Promise<Buffer> {
  const limit = { maxOutputLength: maxBytes };
  let body = raw;
  try {
    for (const coding of encodings) {
      if (coding === "gzip" || coding === "x-gzip") body = await gunzip(body, limit);
      else if (coding === "br") body = await brotli(body, limit);
      else if (coding === "deflate") {
        // Some servers send raw DEFLATE under "deflate"; a zlib stream starts with a checksummed header.
        const zlibHeader =
          body.length > 1 &&
          ((body[0] ?? 0) & 0x0f) === 8 &&
          (((body[0] ?? 0) << 8) | (body[1] ?? 0)) % 31 === 0;
        body = zlibHeader ? await inflate(body, limit) : await inflateRaw(body, limit);
      } else throw new FeedError("network", "compression", { coding });
    }
    // A .gz file served as-is: sniff the gzip magic.
    if (encodings.length === 0 && body[0] === 0x1f && body[1] === 0x8b) body = await gunzip(body, limit);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") throw tooLarge(maxBytes);
    // Misconfigured servers label plain XML as compressed; if it already reads as markup, take it.
    if (looksLikeMarkup(raw)) return raw;
    throw err;
  }
  return body;
}

function looksLikeMarkup(bytes: Buffer): boolean {
  const head = bytes
    .subarray(0, 64)
    .toString("latin1")
    .replace(/^(\xef\xbb\xbf|\xff\xfe|\xfe\xff)/, "");
  return /^\s*<[?!a-zA-Z]/.test(head.replace(/\0/g, ""));
}
