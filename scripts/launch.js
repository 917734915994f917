// Runs a compiled entry point from dist/, compiling the TypeScript sources first only when they are
// newer than the compiled output (first start, after a pull): later starts take a couple of seconds.
// The compile skips type checking (`npm run typecheck` and CI do that), so a production install
// (`npm ci --omit=dev`) needs only the typescript package, a dependency for this reason.
import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const ENTRIES = { start: "dist/src/main.js", preview: "dist/src/cli/preview.js" };
const name = process.argv[2];
const entry = ENTRIES[name];
if (!entry) {
  console.error(`usage: node scripts/launch.js ${Object.keys(ENTRIES).join("|")} [args]`);
  process.exit(2);
}

/** Newest modification time among the files that make up the build. */
function newestSource() {
  let newest = 0;
  const visit = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, e.name);
      if (e.isDirectory()) visit(path);
      else if (e.name.endsWith(".ts")) newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  visit(join(root, "src"));
  for (const f of ["tsconfig.json", "tsconfig.build.json", "tsconfig.start.json", "package-lock.json"]) {
    newest = Math.max(newest, statSync(join(root, f), { throwIfNoEntry: false })?.mtimeMs ?? 0);
  }
  return newest;
}

const built = statSync(join(root, entry), { throwIfNoEntry: false })?.mtimeMs ?? 0;
if (built < newestSource()) {
  console.error("newsalert: compiling TypeScript to dist/ (only after the sources change)…");
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  const r = spawnSync(process.execPath, [tsc, "-p", join(root, "tsconfig.start.json")], { stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

// The entry reads its own arguments from argv, as when run directly.
process.argv.splice(1, 2, join(root, entry));
await import(pathToFileURL(join(root, entry)).href);
