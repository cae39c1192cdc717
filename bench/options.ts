/**
 * What the PAR, report and province benchmarks share: their command-line
 * options (positive counts by name, --db, the PostgreSQL server) and the
 * aligned table they print at the end.
 */
import type { DbKind } from "./throwaway.js";

export const DEFAULT_SERVER_URL = "postgres://postgres:postgres@localhost:5432/postgres";

export interface BenchOptions<C extends string> { counts: Record<C, number>; dbs: DbKind[]; url: string }

/**
 * Reads `--name N` / `--name=N` for each count of `defaults` and `--db
 * pglite|postgres|both`; null for --help. An unknown flag or a bad value throws
 * a Vietnamese message followed by `usage`.
 */
export function parseBenchOptions<C extends string>(args: string[], defaults: Record<C, number>, usage: string): BenchOptions<C> | null {
  const o: BenchOptions<C> = { counts: { ...defaults }, dbs: ["pglite", "postgres"], url: process.env.TEST_DATABASE_URL || process.env.BENCH_DATABASE_URL || DEFAULT_SERVER_URL };
  for (let i = 0; i < args.length; i++) {
    let [flag, value] = args[i]!.split("=", 2) as [string, string | undefined];
    if (flag === "--help" || flag === "-h") return null;
    if (value === undefined) value = args[++i];
    if (value === undefined) throw new Error(`Thiếu giá trị cho ${flag}.\n\n${usage}`);
    const name = flag.replace(/^--/, "") as C;
    if (flag === "--db") {
      if (value === "both") o.dbs = ["pglite", "postgres"];
      else if (value === "pglite" || value === "postgres") o.dbs = [value];
      else throw new Error(`--db phải là pglite, postgres hoặc both (nhận được "${value}").`);
    } else if (Object.hasOwn(defaults, name)) {
      const n = Number(value.replaceAll("_", ""));
      if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} phải là số nguyên dương (nhận được "${value}").`);
      o.counts[name] = n;
    } else throw new Error(`Tham số không có: ${flag}\n\n${usage}`);
  }
  return o;
}

/** Columns aligned, the first to the left and the others to the right, under a rule. */
export function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  return [line(headers), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}
