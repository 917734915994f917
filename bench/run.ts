// Runs every benchmark in this folder, one process each so their memory figures do not mix.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const benches = readdirSync(here)
  // Runs from the compiled dist/bench (npm run bench builds first), so figures are production's.
  .filter((f) => /\.(ts|js)$/.test(f) && !/^run\./.test(f))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)));

let failed = 0;
for (const file of benches) {
  console.log(`\n=== ${file}`);
  // The same V8 flag as `npm start`: a 4 MB young generation keeps ~30 MB of garbage out of the resident set.
  const r = spawnSync(process.execPath, ["--expose-gc", "--max-semi-space-size=4", join(here, file)], {
    stdio: "inherit",
  });
  if (r.status !== 0) failed++;
}
process.exitCode = failed ? 1 : 0;
