import { spawn, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = resolve(import.meta.dirname, "../..");
const BANNER = /^> newsalert@/m;

/** Runs an npm command the way an operator types it, without any bot settings in the environment. */
function npm(cwd: string, args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^(BOT_|DATABASE_URL|FEEDS|npm_)/.test(k)),
  );
  const child = spawn("npm", args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  let err = "";
  child.stdout.on("data", (d) => (out += d));
  child.stderr.on("data", (d) => (err += d));
  return new Promise((r) => child.on("exit", (code) => r({ code, out, err })));
}

/** The lines the program itself printed to stderr: npm's banner lines and blank lines left out. */
const ownLines = (err: string) =>
  err.split("\n").filter((l) => l.trim() !== "" && !l.startsWith("> ") && !l.startsWith("npm "));

describe("installing and starting with npm", () => {
  let prod: string;
  beforeAll(() => {
    // A production install (`npm ci --omit=dev`), made from this checkout without the network: the
    // sources and only the packages npm counts as production ones.
    prod = mkdtempSync(join(tmpdir(), "newsalert-prod-"));
    for (const f of ["src", "scripts", "locales", "package.json", "package-lock.json", ".npmrc"]) {
      cpSync(join(root, f), join(prod, f), { recursive: true });
    }
    for (const f of ["tsconfig.json", "tsconfig.build.json", "tsconfig.start.json"]) {
      cpSync(join(root, f), join(prod, f));
    }
    const listed = spawnSync("npm", ["ls", "--omit=dev", "--all", "--parseable", "--json=false"], {
      cwd: root,
      encoding: "utf8",
    }).stdout;
    const packages = new Set(
      listed
        .split("\n")
        .map((p) => p.slice(root.length + 1))
        .filter((p) => p.startsWith("node_modules/"))
        .map((p) =>
          p
            .split("/")
            .slice(0, p.split("/")[1]?.startsWith("@") ? 3 : 2)
            .join("/"),
        ),
    );
    expect(packages.has("node_modules/typescript")).toBe(true);
    expect(packages.has("node_modules/tsx")).toBe(false);
    for (const p of packages) {
      mkdirSync(join(prod, p, ".."), { recursive: true });
      symlinkSync(join(root, p), join(prod, p));
    }
  });
  afterAll(() => rmSync(prod, { recursive: true, force: true }));

  it("a production install starts: compiles once, then `npm start` without a token prints one line and exits 1", async () => {
    const first = await npm(prod, ["start"]);
    expect(first.code).toBe(1);
    expect(first.err).toMatch(/compiling TypeScript/);
    const again = await npm(prod, ["start"]);
    expect(again.code).toBe(1);
    // Sources unchanged: no second compile, and nothing but the program's own line.
    expect(ownLines(again.err)).toEqual([expect.stringMatching(/^newsalert: BOT_TOKEN .*@BotFather/)]);
    expect(again.out).not.toMatch(BANNER);
  }, 180_000);

  it("`npm run preview -- --json` prints only JSON lines on stdout", async () => {
    const file = join(prod, "feed.xml");
    writeFileSync(
      file,
      '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>T</title>' +
        "<item><title>Литий дорожает</title><link>https://x.example/1</link></item>" +
        "<item><title>Никель дешевеет</title><link>https://x.example/2</link></item></channel></rss>",
    );
    const r = await npm(prod, ["run", "preview", "--", "--feed", file, "--query", "литий", "--json"]);
    expect(r.code).toBe(0);
    const lines = r.out.split("\n").filter((l) => l !== "");
    expect(lines.map((l) => JSON.parse(l).title)).toEqual(["Литий дорожает"]);
  }, 180_000);
});
