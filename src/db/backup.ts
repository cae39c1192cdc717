import { readFileSync, writeFileSync, renameSync } from "node:fs";
import { gunzipSync, gzipSync } from "node:zlib";
import { sql } from "drizzle-orm";
import { AppError } from "../domain/errors.js";
import type { Db, Tx } from "./connection.js";

/** Every table, parents before children, so a restore can insert in this order. */
export const TABLES = [
  "organisations", "units", "users", "user_units", "sessions", "plans", "tasks", "task_units", "task_updates",
  "evidence_files", "extension_requests", "targets", "target_units", "target_values", "notifications", "audit_log",
  "procedures", "dossiers", "feedback", "ratings", "record_imports", "record_uploads", "criteria_sets",
  "par_assessments", "par_entries", "par_evidence", "par_publications", "reports", "report_settings",
  "public_page_settings",
  "inspection_plans", "inspections", "inspection_findings", "finding_updates", "initiatives", "initiative_evidence", "initiative_calls",
  "emulation_campaigns", "campaign_participants", "campaign_judgments",
] as const;
const ORDER_BY: Partial<Record<(typeof TABLES)[number], string>> = {
  organisations: "parent_id nulls first, created_at",
  // Plan cascade: the province's plans and tasks before the communes' ones that point to them.
  plans: "source_plan_id nulls first, created_at", tasks: "source_task_id nulls first, created_at",
};
/** Serial columns whose sequences a restore moves past the restored rows. */
const SERIALS = [["audit_log", "id"], ["par_entries", "seq"]] as const;
const FORMAT = "cchc-backup";
const CHUNK = 500;

async function rowsAsJson(tx: Tx, table: string): Promise<unknown[]> {
  // Postgres writes every type (dates, timestamps, bytea, jsonb) as JSON the same way on both drivers.
  const result = await tx.execute(sql.raw(`select row_to_json(t)::text as j from ${table} t order by ${ORDER_BY[table as keyof typeof ORDER_BY] ?? "1"}`));
  return (result as unknown as { rows: Array<{ j: string }> }).rows.map((r) => JSON.parse(r.j));
}

export async function backupTo(db: Db, file: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  const lines: string[] = [JSON.stringify({ format: FORMAT, version: 1, createdAt: new Date().toISOString(), tables: TABLES })];
  await db.transaction(async (tx) => {
    for (const table of TABLES) {
      const rows = await rowsAsJson(tx, table);
      counts[table] = rows.length;
      for (let i = 0; i < rows.length; i += CHUNK) lines.push(JSON.stringify({ table, rows: rows.slice(i, i + CHUNK) }));
    }
  });
  // Written aside then renamed: an interrupted backup never leaves a half file under the name.
  writeFileSync(`${file}.partial`, gzipSync(lines.join("\n")));
  renameSync(`${file}.partial`, file);
  return counts;
}

function readBackup(file: string): { table: string; rows: unknown[] }[] {
  let text: string;
  try {
    text = gunzipSync(readFileSync(file)).toString("utf8");
  } catch (err) {
    throw new AppError("validation", `Không đọc được tệp sao lưu ${file}: ${(err as NodeJS.ErrnoException).code === "ENOENT" ? "tệp không tồn tại" : "tệp không phải bản sao lưu nén gzip"}.`);
  }
  const [head, ...rest] = text.split("\n");
  let header: { format?: string; version?: number };
  try { header = JSON.parse(head); } catch { header = {}; }
  if (header.format !== FORMAT || header.version !== 1) throw new AppError("validation", `Tệp ${file} không phải bản sao lưu của hệ thống (phiên bản 1).`);
  return rest.map((line, i) => {
    if (!line) return null;
    let chunk: { table?: unknown; rows?: unknown } | null = null;
    try { chunk = JSON.parse(line); } catch { /* reported below */ }
    if (!chunk || !TABLES.includes(chunk.table as (typeof TABLES)[number]) || !Array.isArray(chunk.rows)) throw new AppError("validation", `Dòng ${i + 2} của tệp sao lưu không hợp lệ.`);
    return chunk as { table: string; rows: unknown[] };
  }).filter((c) => c !== null);
}

/** Replaces all data with the backup's, in one transaction: on any error nothing changes. */
export async function restoreFrom(db: Db, file: string): Promise<Record<string, number>> {
  const chunks = readBackup(file);
  const counts: Record<string, number> = Object.fromEntries(TABLES.map((t) => [t, 0]));
  await db.transaction(async (tx) => {
    await tx.execute(sql.raw(`truncate ${TABLES.join(", ")} cascade`));
    for (const table of TABLES) {
      for (const chunk of chunks.filter((c) => c.table === table)) {
        await tx.execute(sql`insert into ${sql.raw(table)} select * from json_populate_recordset(null::${sql.raw(table)}, ${JSON.stringify(chunk.rows)}::json)`);
        counts[table] += chunk.rows.length;
      }
    }
    for (const [table, column] of SERIALS) {
      await tx.execute(sql.raw(`select setval(pg_get_serial_sequence('${table}', '${column}'), coalesce((select max(${column}) from ${table}), 0) + 1, false)`));
    }
  }).catch((err: Error & { cause?: { code?: string; message?: string } }) => {
    // Rows that do not fit the tables (bad values, broken references): the file's fault, said in Vietnamese.
    const cause = (err.cause ?? err) as { code?: string; message?: string };
    if (typeof cause.code === "string" && /^2[23]/.test(cause.code)) {
      throw new AppError("validation", `Không khôi phục được từ tệp ${file}: dữ liệu trong tệp không hợp lệ (${cause.message}). Dữ liệu hiện có được giữ nguyên.`);
    }
    throw err;
  });
  return counts;
}
