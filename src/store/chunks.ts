/** Splits a list so no single statement carries more bound parameters than SQLite or PostgreSQL accept. */
export function chunks<T>(xs: readonly T[], size = 200): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}
