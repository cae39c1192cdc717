import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { openDatabase, type Database } from "../src/db/connection.js";

/**
 * Throwaway databases of the benchmarks: PGlite in a new folder under a temp
 * folder, or a new database `cchc_bench_<random>` on the
 * PostgreSQL server. `cleanup` removes it (safe to call twice).
 */
export type DbKind = "pglite" | "postgres";

export interface Throwaway {
  kind: DbKind;
  database: Database;
  where: string;
  /** PostgreSQL only: the throwaway database's URL (for psql). */
  url: string | null;
  cleanup: () => Promise<void>;
}

function once(fn: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | null = null;
  return () => (done ??= fn());
}

export function redact(url: string): string {
  try { const u = new URL(url); if (u.password) u.password = "***"; return u.toString(); } catch { return url; }
}

export async function openThrowaway(kind: DbKind, serverUrl: string, parentDir: string): Promise<Throwaway> {
  if (kind === "pglite") {
    const dir = mkdtempSync(join(parentDir, "cchc-bench-pglite-"));
    let database: Database;
    try {
      database = await openDatabase({ dataDir: dir });
    } catch (err) {
      rmSync(dir, { recursive: true, force: true });
      throw err;
    }
    return {
      kind, database, where: `PGlite tại ${dir}`, url: null,
      cleanup: once(async () => { try { await database.close(); } finally { rmSync(dir, { recursive: true, force: true }); } }),
    };
  }
  const name = `cchc_bench_${randomBytes(5).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  try {
    await admin.connect();
  } catch (err) {
    throw new Error(`PostgreSQL không kết nối được tại ${redact(serverUrl)} (${(err as Error).message}). Đặt BENCH_DATABASE_URL hoặc dùng --db pglite.`);
  }
  try { await admin.query(`create database ${name}`); } finally { await admin.end(); }
  const dropDb = async () => {
    const dropper = new pg.Client({ connectionString: serverUrl });
    await dropper.connect();
    try { await dropper.query(`drop database if exists ${name} with (force)`); } finally { await dropper.end(); }
  };
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  let database: Database;
  try {
    database = await openDatabase({ url: url.toString() });
  } catch (err) {
    await dropDb();
    throw err;
  }
  return {
    kind, database, where: `PostgreSQL ${redact(url.toString())}`, url: url.toString(),
    cleanup: once(async () => { try { await database.close(); } finally { await dropDb(); } }),
  };
}

/** The run's temp folder (CSV files, PGlite folders) and its removal. */
export function makeTempDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "cchc-dossier-bench-"));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Runs `bench` on each database kind in a temporary folder removed at the end;
 * a failing kind is reported and the others still run.
 */
export async function forEachDatabase<T>(kinds: readonly DbKind[], bench: (kind: DbKind, dir: string) => Promise<T>): Promise<{ results: T[]; failures: string[] }> {
  const temp = makeTempDir();
  const results: T[] = [];
  const failures: string[] = [];
  try {
    for (const kind of kinds) {
      try {
        results.push(await bench(kind, temp.dir));
      } catch (err) {
        failures.push(`${kind}: ${(err as Error).message}`);
        console.error(`Lỗi với ${kind}: ${(err as Error).stack ?? err}`);
      }
    }
  } finally {
    temp.remove();
  }
  return { results, failures };
}
