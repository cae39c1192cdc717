import { spawn } from "node:child_process";
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import type { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { DOSSIER_CSV_COLUMNS } from "../../test/support/dossier-generator.js";
import type { Throwaway } from "../throwaway.js";

/**
 * The floor for loading the file: COPY into a plain table of text columns
 * (no parsing, no checks, no index). PostgreSQL: psql's \copy streams the file
 * from the client (pg-copy-streams is not installed). PGlite: COPY FROM
 * '/dev/blob', one blob per 100,000 lines (the file is read while copying).
 */
const BLOB_LINES = 100_000;

export async function createRawTable(t: Throwaway) {
  const cols = DOSSIER_CSV_COLUMNS.map((c) => `"${c}" text`).join(", ");
  await t.database.db.execute(sql.raw(`create table dossiers_raw (${cols})`));
}

function psqlCopy(url: string, file: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const cmd = `\\copy dossiers_raw from '${file.replaceAll("'", "''")}' with (format csv, header true)`;
    const child = spawn("psql", [url, "-X", "-v", "ON_ERROR_STOP=1", "-c", cmd], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "", err = "";
    child.stdout.on("data", (b) => (out += b));
    child.stderr.on("data", (b) => (err += b));
    child.on("error", (e) => reject(new Error(`Không chạy được psql: ${e.message}`)));
    child.on("close", (code) => {
      const m = /COPY (\d+)/.exec(out);
      if (code === 0 && m) resolve(Number(m[1]));
      else reject(new Error(`psql \\copy thất bại (mã ${code}): ${err.trim() || out.trim()}`));
    });
  });
}

async function pgliteCopy(client: PGlite, file: string): Promise<number> {
  const rl = createInterface({ input: createReadStream(file, { highWaterMark: 4 << 20 }), crlfDelay: Infinity });
  let header: string | null = null;
  let lines: string[] = [];
  let rows = 0;
  const flush = async () => {
    if (!lines.length) return;
    const blob = new Blob([`${header}\n${lines.join("\n")}\n`]);
    const res = await client.query("copy dossiers_raw from '/dev/blob' with (format csv, header true)", [], { blob });
    rows += res.affectedRows ?? lines.length;
    lines = [];
  };
  for await (const line of rl) {
    if (header === null) { header = line; continue; }
    if (line === "") continue;
    lines.push(line);
    if (lines.length >= BLOB_LINES) await flush();
  }
  await flush();
  return rows;
}

/** Copies the file into dossiers_raw; returns the rows copied (checked against the table). */
export async function rawCopy(t: Throwaway, file: string): Promise<number> {
  const rows = t.kind === "postgres" ? await psqlCopy(t.url!, file) : await pgliteCopy((t.database.db as unknown as { $client: PGlite }).$client, file);
  const res = await t.database.db.execute(sql`select count(*)::int as n from dossiers_raw`);
  const n = (res as unknown as { rows: { n: number }[] }).rows[0]!.n;
  if (n !== rows) throw new Error(`dossiers_raw có ${n} dòng, COPY báo ${rows}.`);
  return n;
}
