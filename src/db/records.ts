import { and, desc, eq, inArray, lt, sql } from "drizzle-orm";
import { getTableConfig, type PgTable } from "drizzle-orm/pg-core";
import type { IsoDate } from "../domain/dates.js";
import { AppError } from "../domain/errors.js";
import type { Dossier, Feedback, Procedure } from "../domain/indicators/types.js";
import {
  type Issue, type ReadResult, type SurveyAnswer, readDossierGrid, readFeedbackGrid, readGridFromBytes, readProcedureGrid, readSurveyGrid,
} from "../import/dossiers/index.js";
import { recordAudit } from "./audit.js";
import type { Db, Tx } from "./connection.js";
import type { Actor } from "./plans.js";
import { dossiers, feedback, procedures, ratings, recordImports, recordUploads } from "./schema.js";

/**
 * Storing one-stop-shop files: check (nothing written), then apply in one
 * transaction. Records are keyed by (commune, code): a re-import of an
 * overlapping export updates the rows it shares with earlier files.
 */
export type RecordKind = "dossiers" | "procedures" | "feedback" | "survey";
export const RECORD_KINDS: RecordKind[] = ["dossiers", "procedures", "feedback", "survey"];
export const KIND_LABEL: Record<RecordKind, string> = { dossiers: "hồ sơ", procedures: "thủ tục hành chính", feedback: "phản ánh, kiến nghị", survey: "khảo sát hài lòng" };
const PREVIEW_ROWS = 10;
/** Uploads not confirmed within a day are dropped. */
const STALE_UPLOAD_MS = 24 * 3600 * 1000;

export interface FileCheck {
  kind: RecordKind;
  fileName: string;
  rows: number;
  accepted: number;
  rejected: number;
  /** More than 5 % bad rows, or no good row: the file cannot be applied. */
  refused: boolean;
  refusedReason: string | null;
  issues: Issue[];
  /** The first rows as read; `rowNumbers[i]` = the file row of `rows[i]` (header = row 1). */
  preview: { columns: string[]; rows: string[][]; rowNumbers: number[] };
  /** Good rows whose code is new / already stored. */
  inserted: number;
  updated: number;
}
type Parsed = ReadResult<Dossier> | ReadResult<Procedure> | ReadResult<Feedback> | ReadResult<SurveyAnswer>;

const readers = { dossiers: readDossierGrid, procedures: readProcedureGrid, feedback: readFeedbackGrid, survey: readSurveyGrid };

function refusal(r: Parsed, kind: RecordKind): string | null {
  if (r.rows === 0) return `Tệp ${KIND_LABEL[kind]} không có dòng dữ liệu nào.`;
  if (r.accepted === 0) return `Không có dòng ${KIND_LABEL[kind]} nào hợp lệ; không nhập gì.`;
  if (r.rejected * 20 > r.rows) {
    const pct = (Math.round((r.rejected * 10000) / r.rows) / 100).toFixed(2).replace(".", ",");
    return `${r.rejected}/${r.rows} dòng lỗi (${pct} %), vượt ngưỡng 5 %; không nhập gì. Sửa các dòng lỗi rồi tải lại tệp.`;
  }
  return null;
}

const codeOf = (kind: RecordKind, rec: unknown): string =>
  kind === "survey" ? (rec as SurveyAnswer).dossierCode : (rec as { code: string }).code;

async function existingCodes(tx: Tx, orgId: string, kind: RecordKind, codes: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  const table = kind === "dossiers" ? dossiers : kind === "procedures" ? procedures : kind === "feedback" ? feedback : null;
  for (let i = 0; i < codes.length; i += 5000) {
    const chunk = codes.slice(i, i + 5000);
    const rows = table
      ? await tx.select({ code: table.code }).from(table).where(and(eq(table.orgId, orgId), inArray(table.code, chunk)))
      : await tx.select({ code: ratings.dossierCode }).from(ratings).where(and(eq(ratings.orgId, orgId), inArray(ratings.dossierCode, chunk)));
    for (const r of rows) found.add(r.code);
  }
  return found;
}

/** An unreadable file is the `file` field's fault. */
async function asFileProblem<T>(f: () => T | Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (err) {
    throw err instanceof AppError ? new AppError(err.code, err.message, "file") : err;
  }
}

async function parse(kind: RecordKind, fileName: string, bytes: Buffer) {
  const grid = await asFileProblem(() => readGridFromBytes(bytes, fileName));
  const result = await asFileProblem(() => readers[kind](grid, fileName) as Parsed);
  return { grid, result };
}

/** Reads a file and reports what applying it would do; writes nothing. */
export async function checkRecordFile(tx: Tx, orgId: string, kind: RecordKind, fileName: string, bytes: Buffer): Promise<FileCheck & { parsed: Parsed }> {
  const { grid, result } = await parse(kind, fileName, bytes);
  const issues = [...result.issues];
  if (kind === "dossiers") issues.push(...(await unknownProcedureWarnings(tx, orgId, result as ReadResult<Dossier>)));
  const codes = result.records.map((r) => codeOf(kind, r));
  const known = await existingCodes(tx, orgId, kind, codes);
  const reason = refusal(result, kind);
  const header = grid[0] ?? [];
  const data = grid.slice(1).map((cells, i) => ({ cells, row: i + 2 })).filter((r) => r.cells.some((c) => c.trim() !== "")).slice(0, PREVIEW_ROWS);
  return {
    kind, fileName, rows: result.rows, accepted: result.accepted, rejected: result.rejected,
    refused: reason !== null, refusedReason: reason, issues,
    preview: { columns: header, rows: data.map((r) => header.map((_, i) => r.cells[i] ?? "")), rowNumbers: data.map((r) => r.row) },
    inserted: codes.filter((c) => !known.has(c)).length, updated: codes.filter((c) => known.has(c)).length,
    parsed: result,
  };
}

async function unknownProcedureWarnings(tx: Tx, orgId: string, r: ReadResult<Dossier>): Promise<Issue[]> {
  const stored = await tx.select({ code: procedures.code }).from(procedures).where(eq(procedures.orgId, orgId));
  if (!stored.length) return [];
  const known = new Set(stored.map((p) => p.code));
  const warned = new Set<string>();
  const out: Issue[] = [];
  r.records.forEach((d, i) => {
    if (known.has(d.procedureCode) || warned.has(d.procedureCode)) return;
    warned.add(d.procedureCode);
    out.push({ row: r.rowNumbers[i]!, column: "MaTTHC", message: `mã TTHC ${d.procedureCode} chưa có trong danh mục thủ tục đã nhập, dùng giá trị mặc định`, warning: true });
  });
  return out;
}

/** Keeps the file for confirmation and returns the check (refused files are not kept). */
export async function stageRecordFile(db: Db, actor: Actor, orgId: string, kind: RecordKind, fileName: string, bytes: Buffer): Promise<FileCheck & { uploadId: string | null }> {
  const { parsed: _parsed, ...check } = await checkRecordFile(db, orgId, kind, fileName, bytes);
  await db.delete(recordUploads).where(lt(recordUploads.createdAt, new Date(Date.now() - STALE_UPLOAD_MS)));
  if (check.refused) return { ...check, uploadId: null };
  const [row] = await db.insert(recordUploads).values({ orgId, kind, fileName, content: bytes, createdBy: actor.id }).returning({ id: recordUploads.id });
  return { ...check, uploadId: row!.id };
}

/** Drops a staged upload the user cancelled; false when there was none. */
export async function discardStagedFile(db: Db, orgId: string, uploadId: string): Promise<boolean> {
  const rows = await db.delete(recordUploads).where(and(eq(recordUploads.id, uploadId), eq(recordUploads.orgId, orgId))).returning({ id: recordUploads.id });
  return rows.length > 0;
}

export interface ImportSummary { importId: string; kind: RecordKind; fileName: string; rows: number; accepted: number; rejected: number; inserted: number; updated: number }

/** Hook run inside the import transaction once records changed (computed targets). */
export type RecordsChanged = (tx: Tx, orgId: string) => Promise<void>;

/** Applies a staged upload completely, or not at all. */
export async function applyStagedFile(db: Db, actor: Actor, orgId: string, uploadId: string, onChanged?: RecordsChanged): Promise<ImportSummary> {
  const [upload] = await db.select().from(recordUploads).where(and(eq(recordUploads.id, uploadId), eq(recordUploads.orgId, orgId)));
  if (!upload) throw new AppError("not_found", "Không tìm thấy tệp chờ xác nhận (có thể đã được nhập hoặc đã quá hạn). Vui lòng tải tệp lên lại.", "uploadId");
  return importRecords(db, actor, orgId, upload.kind, upload.fileName, upload.content, { uploadId, onChanged });
}

/** Checks and applies a file in one go (the CLI, and confirmation of a staged upload). */
export async function importRecords(
  db: Db, actor: Actor | null, orgId: string, kind: RecordKind, fileName: string, bytes: Buffer,
  opts: { uploadId?: string; onChanged?: RecordsChanged } = {},
): Promise<ImportSummary> {
  return db.transaction(async (tx) => {
    const check = await checkRecordFile(tx, orgId, kind, fileName, bytes);
    if (check.refused) throw new AppError("validation", `${fileName}: ${check.refusedReason}`, "file");
    const [imp] = await tx.insert(recordImports).values({
      orgId, kind, fileName, rows: check.rows, accepted: check.accepted, rejected: check.rejected, inserted: check.inserted, updated: check.updated,
      issues: check.issues.slice(0, 5000), createdBy: actor?.id ?? null,
    }).returning({ id: recordImports.id });
    const importId = imp!.id;
    await writeRecords(tx, orgId, kind, check.parsed.records, importId);
    if (opts.uploadId) await tx.delete(recordUploads).where(eq(recordUploads.id, opts.uploadId));
    await recordAudit(tx, {
      orgId, userId: actor?.id ?? null, action: "import", entity: "record_import", entityId: importId,
      summary: `Nhập tệp ${KIND_LABEL[kind]} "${fileName}": ${check.inserted} dòng mới, ${check.updated} dòng cập nhật, ${check.rejected} dòng lỗi bỏ qua`,
      changes: { rows: check.rows, inserted: check.inserted, updated: check.updated, rejected: check.rejected },
    });
    if (opts.onChanged) await opts.onChanged(tx, orgId);
    return { importId, kind, fileName, rows: check.rows, accepted: check.accepted, rejected: check.rejected, inserted: check.inserted, updated: check.updated };
  });
}

// ---------- Writing ----------

const BATCH = 2000;

/**
 * One statement per batch: rows travel as one JSON parameter and become table
 * rows through json_populate_recordset, the same on PostgreSQL and PGlite.
 */
async function upsertJson(tx: Tx, table: PgTable, conflict: string[], rows: Record<string, unknown>[]) {
  const cfg = getTableConfig(table);
  const names = cfg.columns.map((c) => c.name);
  const cols = sql.raw(names.map((n) => `"${n}"`).join(", "));
  const set = sql.raw(names.filter((n) => !conflict.includes(n)).map((n) => `"${n}" = excluded."${n}"`).join(", "));
  const target = sql.raw(conflict.map((n) => `"${n}"`).join(", "));
  for (let i = 0; i < rows.length; i += BATCH) {
    const json = JSON.stringify(rows.slice(i, i + BATCH));
    await tx.execute(sql`insert into ${table} (${cols}) select ${cols} from json_populate_recordset(null::${table}, ${json}::json) on conflict (${target}) do update set ${set}`);
  }
}

const now = () => new Date().toISOString();

export function dossierRow(orgId: string, d: Dossier, importId: string | null) {
  return {
    org_id: orgId, code: d.code, procedure_code: d.procedureCode, procedure_name: d.procedureName, field_code: d.fieldCode, field_name: d.fieldName,
    unit_name: d.unit, channel: d.channel, level: d.level, applicant_type: d.applicantType, status: d.status, submitted: d.submitted,
    accepted: d.accepted, due: d.due, time_limit: d.timeLimit, time_unit: d.timeUnit, ended: d.ended, returned: d.returned, refused: d.refused,
    supplement_count: d.supplementCount, supplement_requested: d.supplementRequested, supplement_returned: d.supplementReturned,
    apology: d.apology, new_due: d.newDue, fee: d.fee, paid_online: d.paidOnline, digitised: d.digitised, reused: d.reused,
    from_store: d.fromStore, citizen_data: d.citizenData, e_result: d.eResult, result_digitised: d.resultDigitised,
    result_in_store: d.resultInStore, synced: d.synced, vneid: d.vneid, rating: d.rating, has_feedback: d.hasFeedback,
    import_id: importId, updated_at: now(),
  };
}
function procedureRow(orgId: string, p: Procedure, importId: string | null) {
  return {
    org_id: orgId, code: p.code, name: p.name, levels: p.levels, field_code: p.fieldCode, field_name: p.fieldName, online_level: p.onlineLevel,
    eligible_fully_online: p.eligibleFullyOnline, has_fee: p.hasFee, written_result: p.writtenResult, subjects: p.subjects,
    population_data: p.populationData, e_certified_copy: p.eCertifiedCopy, time_limit: p.timeLimit, time_unit: p.timeUnit,
    import_id: importId, updated_at: now(),
  };
}
function feedbackRow(orgId: string, f: Feedback, importId: string | null) {
  return {
    org_id: orgId, code: f.code, dossier_code: f.dossierCode, subject: f.subject, sent: f.sent, received: f.received, forwarded: f.forwarded,
    status: f.status, refused: f.refused, supplement_requested: f.supplementRequested, awaiting_publication: f.awaitingPublication,
    published: f.published, category: f.category, likes: f.likes, dislikes: f.dislikes, complained_again: f.complainedAgain,
    import_id: importId, updated_at: now(),
  };
}

export async function writeRecords(tx: Tx, orgId: string, kind: RecordKind, records: readonly unknown[], importId: string | null) {
  switch (kind) {
    case "dossiers": return upsertJson(tx, dossiers, ["org_id", "code"], (records as Dossier[]).map((d) => dossierRow(orgId, d, importId)));
    case "procedures": return upsertJson(tx, procedures, ["org_id", "code"], (records as Procedure[]).map((p) => procedureRow(orgId, p, importId)));
    case "feedback": return upsertJson(tx, feedback, ["org_id", "code"], (records as Feedback[]).map((f) => feedbackRow(orgId, f, importId)));
    case "survey": {
      const today = now().slice(0, 10);
      for (let i = 0; i < records.length; i += BATCH) {
        const chunk = (records as SurveyAnswer[]).slice(i, i + BATCH);
        await tx.insert(ratings).values(chunk.map((a) => ({ orgId, dossierCode: a.dossierCode, rating: a.rating, source: "survey" as const, ratedOn: a.ratedOn ?? today })))
          .onConflictDoUpdate({ target: [ratings.orgId, ratings.dossierCode], set: { rating: sql`excluded.rating`, source: sql`excluded.source`, ratedOn: sql`excluded.rated_on` } });
      }
    }
  }
}

// ---------- Reading for the indicators ----------

export interface Records { dossiers: Dossier[]; procedures: Procedure[] | null; feedback: Feedback[] }

/**
 * The stored records of the communes that can touch the window [from, to]: a
 * dossier started by `to` and either not ended or with some date on or after
 * `from`. A dossier's own rating wins over a rating given on the public page or
 * in a survey. `procedures` is null when no catalogue was ever imported.
 */
export async function loadRecords(tx: Tx, orgIds: string[], window: { from: IsoDate; to: IsoDate }): Promise<Records> {
  if (!orgIds.length) return { dossiers: [], procedures: null, feedback: [] };
  const orgList = sql.join(orgIds.map((id) => sql`${id}::uuid`), sql`, `);
  const res = await tx.execute(sql`
    select d.*, coalesce(d.rating, r.rating) as merged_rating
    from dossiers d left join ratings r on r.org_id = d.org_id and r.dossier_code = d.code
    where d.org_id in (${orgList})
      and coalesce(d.accepted, d.submitted, d.refused) <= ${window.to}
      and (d.status < 7 or greatest(d.accepted, d.submitted, d.ended, d.returned, d.refused, d.apology, d.supplement_requested, d.supplement_returned, d.due) >= ${window.from})
    order by d.org_id, d.code`);
  const rows = (res as unknown as { rows: Record<string, unknown>[] }).rows;
  const procRows = await tx.select().from(procedures).where(inArray(procedures.orgId, orgIds));
  const fbRows = await tx.select().from(feedback).where(inArray(feedback.orgId, orgIds));
  const seen = new Set<string>();
  const procs: Procedure[] = [];
  for (const p of procRows) {
    if (seen.has(p.code)) continue;
    seen.add(p.code);
    procs.push({
      code: p.code, name: p.name, levels: p.levels, fieldCode: p.fieldCode, fieldName: p.fieldName, onlineLevel: p.onlineLevel as Procedure["onlineLevel"],
      eligibleFullyOnline: p.eligibleFullyOnline, hasFee: p.hasFee, writtenResult: p.writtenResult, subjects: p.subjects,
      populationData: p.populationData, eCertifiedCopy: p.eCertifiedCopy, timeLimit: p.timeLimit, timeUnit: p.timeUnit as Procedure["timeUnit"],
    });
  }
  return {
    dossiers: rows.map(toDossier),
    procedures: procs.length ? procs : null,
    feedback: fbRows.map((f) => ({
      code: f.code, dossierCode: f.dossierCode, subject: f.subject, sent: f.sent, received: f.received, forwarded: f.forwarded,
      status: f.status as Feedback["status"], refused: f.refused, supplementRequested: f.supplementRequested, awaitingPublication: f.awaitingPublication,
      published: f.published, category: f.category as Feedback["category"], likes: f.likes, dislikes: f.dislikes, complainedAgain: f.complainedAgain,
    })),
  };
}

/** Raw rows carry DATE as text (PGlite, and node-postgres with our type parser) or as Date. */
const day = (v: unknown): IsoDate | null => {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return `${v.getFullYear()}-${String(v.getMonth() + 1).padStart(2, "0")}-${String(v.getDate()).padStart(2, "0")}`;
  return String(v).slice(0, 10);
};
const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

function toDossier(r: Record<string, unknown>): Dossier {
  return {
    code: r.code as string, procedureCode: r.procedure_code as string, procedureName: (r.procedure_name as string) ?? null,
    fieldCode: (r.field_code as string) ?? null, fieldName: (r.field_name as string) ?? null, unit: (r.unit_name as string) ?? null,
    channel: Number(r.channel) as Dossier["channel"], level: num(r.level), applicantType: num(r.applicant_type), status: Number(r.status) as Dossier["status"],
    submitted: day(r.submitted), accepted: day(r.accepted), due: day(r.due), timeLimit: num(r.time_limit), timeUnit: (r.time_unit as Dossier["timeUnit"]) ?? null,
    ended: day(r.ended), returned: day(r.returned), refused: day(r.refused), supplementCount: Number(r.supplement_count),
    supplementRequested: day(r.supplement_requested), supplementReturned: day(r.supplement_returned), apology: day(r.apology), newDue: day(r.new_due),
    fee: Number(r.fee), paidOnline: Number(r.paid_online) as Dossier["paidOnline"], digitised: !!r.digitised, reused: !!r.reused,
    fromStore: !!r.from_store, citizenData: !!r.citizen_data, eResult: !!r.e_result, resultDigitised: r.result_digitised === null ? null : !!r.result_digitised,
    resultInStore: !!r.result_in_store, synced: !!r.synced, vneid: !!r.vneid, rating: (r.merged_rating as Dossier["rating"]) ?? null, hasFeedback: !!r.has_feedback,
  };
}

export async function listImports(tx: Tx, orgId: string, limit = 50) {
  return tx.select({
    id: recordImports.id, kind: recordImports.kind, fileName: recordImports.fileName, rows: recordImports.rows, accepted: recordImports.accepted,
    rejected: recordImports.rejected, inserted: recordImports.inserted, updated: recordImports.updated, createdAt: recordImports.createdAt, createdBy: recordImports.createdBy,
  }).from(recordImports).where(eq(recordImports.orgId, orgId)).orderBy(desc(recordImports.createdAt)).limit(limit);
}

export async function recordCounts(tx: Tx, orgId: string) {
  const one = async (t: typeof dossiers | typeof procedures | typeof feedback) =>
    Number((await tx.select({ n: sql<number>`count(*)` }).from(t).where(eq(t.orgId, orgId)))[0]?.n ?? 0);
  const r = Number((await tx.select({ n: sql<number>`count(*)` }).from(ratings).where(eq(ratings.orgId, orgId)))[0]?.n ?? 0);
  return { dossiers: await one(dossiers), procedures: await one(procedures), feedback: await one(feedback), ratings: r };
}
