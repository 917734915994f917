import type { IncomingMessage } from "node:http";

/** A decoded request body: JSON object, or form fields (multipart files become `{ filename, size, content }`). */
export type Payload = Record<string, unknown>;

/** Reads a whole request body. */
export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

/** Parses JSON, urlencoded and (minimally) multipart bodies; JSON-looking form values are decoded. */
export function parseBody(contentType: string | undefined, body: Buffer): Payload {
  if (body.length === 0) return {};
  const type = (contentType ?? "").toLowerCase();
  if (type.includes("application/json")) return JSON.parse(body.toString("utf8")) as Payload;
  const fields: Payload = {};
  const put = (k: string, v: string) => {
    fields[k] = /^[[{]/.test(v) ? tryJson(v) : v;
  };
  if (type.includes("application/x-www-form-urlencoded")) {
    for (const [k, v] of new URLSearchParams(body.toString("utf8"))) put(k, v);
  } else if (type.includes("multipart/form-data")) {
    const boundary = /boundary=("?)([^";]+)\1/.exec(contentType ?? "")?.[2];
    for (const part of boundary ? body.toString("latin1").split(`--${boundary}`) : []) {
      const split = part.indexOf("\r\n\r\n");
      if (split < 0) continue;
      const head = part.slice(0, split);
      const name = /[\s;]name="([^"]*)"/i.exec(head)?.[1];
      if (!name) continue;
      const raw = Buffer.from(part.slice(split + 4).replace(/\r\n$/, ""), "latin1");
      const filename = /filename=(?:"([^"]*)"|([^;\r\n]*))/i
        .exec(head)
        ?.slice(1)
        .find((v) => v !== undefined);
      if (filename !== undefined)
        fields[name] = { filename, size: raw.length, content: raw.toString("utf8") };
      else put(name, raw.toString("utf8"));
    }
  }
  for (const [k, v] of Object.entries(fields)) {
    const ref = typeof v === "string" && v.startsWith("attach://") ? v.slice(9) : undefined;
    if (ref !== undefined && ref in fields) {
      fields[k] = fields[ref];
      delete fields[ref];
    }
  }
  return fields;
}

function tryJson(v: string): unknown {
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}
