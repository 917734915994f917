import { runPreview } from "../../src/cli/preview.js";

/** Runs the preview command in-process and collects what it printed. */
export async function preview(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runPreview(
    argv,
    (l) => out.push(l),
    (l) => err.push(l),
  );
  return { code, out, err, json: () => out.map((l) => JSON.parse(l)) };
}
