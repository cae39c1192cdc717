/**
 * PAR-index assessments stored per commune and year: values per leaf and stage
 * (append-only, so every value keeps who and when), evidence, the moves of
 * the process, survey points, the current result for the ranking, and the move
 * to a replacing criteria set. Every change is one transaction with an audit entry.
 */
import { createHash } from "node:crypto";
import { and, asc, desc, eq, inArray, ne } from "drizzle-orm";
import { AppError, conflict, invalid } from "../domain/errors.js";
import type { IsoDate } from "../domain/dates.js";
import { fold } from "../domain/text.js";
import {
  STAGE_LABELS, STATUS_LABELS, countingInput, currentEntries, inputKinds, appraisalKinds, isSelfScored, submissionProblems, summarise,
  type AssessmentStatus, type LeafEntry, type Stage,
} from "../domain/par-index/assessment.js";
import { cmp } from "../domain/indicators/ratio.js";
import { resultTable, type CommuneResult } from "../domain/par-index/results.js";
import { computedInputs, rescore, score, scoreLeaf } from "../domain/par-index/score.js";
import { isLeaf, walk } from "../domain/par-index/tree.js";
import type { SurveySheetRow } from "../domain/par-index/survey-sheet.js";
import type { CriteriaSet, LeafInput, ScoreResult, Subject, SurveyInput } from "../domain/par-index/types.js";
import { recordAudit } from "./audit.js";
import type { Db, Tx } from "./connection.js";
import { listOrgFamily, type OrgRow } from "./orgs.js";
import { yearMeasures, type YearMeasures } from "./par-measures.js";
import { criteriaSets, organisations, parAssessments, parEntries, parEvidence, parPublications, plans, targets, tasks } from "./schema.js";

export type AssessmentRow = typeof parAssessments.$inferSelect;
export type EvidenceRow = Omit<typeof parEvidence.$inferSelect, "content">;
interface Actor { id: string; orgId: string }

/** xã or phường, from the commune's name ("UBND phường Hoài Hảo"). */
export const subjectOf = (org: Pick<OrgRow, "name">): Subject => (/\bphuong\b/.test(fold(org.name)) ? "phuong" : "xa");

export async function getAssessment(tx: Tx, id: string): Promise<AssessmentRow | null> {
  const [row] = await tx.select().from(parAssessments).where(eq(parAssessments.id, id));
  return row ?? null;
}

export async function listAssessmentsOf(tx: Tx, orgId: string): Promise<AssessmentRow[]> {
  return tx.select().from(parAssessments).where(eq(parAssessments.orgId, orgId)).orderBy(desc(parAssessments.year));
}

/** The latest version of the province's set for a subject and year. */
export async function latestSet(tx: Tx, provinceId: string, subject: Subject, year: number): Promise<CriteriaSet | null> {
  const [row] = await tx.select({ content: criteriaSets.content }).from(criteriaSets)
    .where(and(eq(criteriaSets.orgId, provinceId), eq(criteriaSets.subject, subject), eq(criteriaSets.year, year)))
    .orderBy(desc(criteriaSets.version)).limit(1);
  return row?.content ?? null;
}

export async function setOf(tx: Tx, a: Pick<AssessmentRow, "setId">): Promise<CriteriaSet> {
  const [row] = await tx.select({ content: criteriaSets.content }).from(criteriaSets).where(eq(criteriaSets.id, a.setId));
  return row!.content;
}

export async function loadEntries(tx: Tx, assessmentId: string): Promise<LeafEntry[]> {
  const rows = await tx.select().from(parEntries).where(eq(parEntries.assessmentId, assessmentId)).orderBy(asc(parEntries.seq));
  return rows.map((r) => ({
    leafCode: r.leafCode, stage: r.stage, input: r.input ?? null, text: r.text, explanation: r.explanation, automatic: r.automatic,
    by: r.userId, at: r.createdAt.toISOString(),
  }));
}

export async function loadEvidence(tx: Tx, assessmentId: string): Promise<EvidenceRow[]> {
  return tx.select({
    id: parEvidence.id, orgId: parEvidence.orgId, assessmentId: parEvidence.assessmentId, leafCode: parEvidence.leafCode, stage: parEvidence.stage,
    kind: parEvidence.kind, label: parEvidence.label, filename: parEvidence.filename, mimeType: parEvidence.mimeType, size: parEvidence.size,
    sha256: parEvidence.sha256, url: parEvidence.url, recordType: parEvidence.recordType, recordId: parEvidence.recordId,
    addedBy: parEvidence.addedBy, createdAt: parEvidence.createdAt,
  }).from(parEvidence).where(eq(parEvidence.assessmentId, assessmentId)).orderBy(asc(parEvidence.createdAt));
}

export async function getEvidence(tx: Tx, id: string) {
  const [row] = await tx.select().from(parEvidence).where(eq(parEvidence.id, id));
  return row ?? null;
}

/** The result that counts (every stage) under the assessment's set, stored for lists and the ranking. */
export async function recomputeAssessment(tx: Tx, a: AssessmentRow, set: CriteriaSet, extra: Partial<AssessmentRow> = {}): Promise<ScoreResult> {
  const counting = countingInput(set, currentEntries(await loadEntries(tx, a.id)), (extra.survey !== undefined ? extra.survey : a.survey) ?? null);
  const result = score(set, counting.input);
  await tx.update(parAssessments).set({ ...extra, result: summarise(result), updatedAt: new Date() }).where(eq(parAssessments.id, a.id));
  return result;
}

/**
 * Writes the automatic leaves' values from the records (only those that
 * changed). Computed leaves without figures are left to the commune.
 */
export async function refreshAutomatic(tx: Tx, a: AssessmentRow, set: CriteriaSet, userId: string | null, today: IsoDate): Promise<YearMeasures> {
  const figures = await yearMeasures(tx, a.orgId, a.year, today);
  const inputs = computedInputs(set, figures.measures);
  const current = currentEntries(await loadEntries(tx, a.id));
  const keyOf = new Map(walk(set).filter((v) => v.node.computedKey).map((v) => [v.node.code, v.node.computedKey!] as const));
  const rows = Object.entries(inputs).flatMap(([code, input]) => {
    const self = current.get(code)?.self;
    const how = figures.how[keyOf.get(code)!] ?? "";
    if (self?.automatic && JSON.stringify(self.input) === JSON.stringify(input) && self.text === how) return [];
    // A value the commune typed itself is kept; the records only fill what nobody entered.
    if (self && !self.automatic) return [];
    return [{ orgId: a.orgId, assessmentId: a.id, leafCode: code, stage: "self" as const, input, text: how, automatic: true, userId }];
  });
  if (rows.length) await tx.insert(parEntries).values(rows);
  return figures;
}

/** Opens the commune's assessment of a year under the province's latest set for its subject. */
export async function createAssessment(db: Db, actor: Actor, commune: OrgRow, year: number, today: IsoDate): Promise<AssessmentRow> {
  return db.transaction(async (tx) => {
    const subject = subjectOf(commune);
    const set = commune.parentId ? await latestSet(tx, commune.parentId, subject, year) : null;
    if (!set) throw invalid(`Tỉnh chưa ban hành bộ tiêu chí Chỉ số CCHC năm ${year} cho ${subject === "xa" ? "xã" : "phường"}.`, "year");
    const [existing] = await tx.select({ id: parAssessments.id }).from(parAssessments).where(and(eq(parAssessments.orgId, commune.id), eq(parAssessments.year, year)));
    if (existing) throw conflict(`Đã có bản tự đánh giá Chỉ số CCHC năm ${year}.`, "year");
    const [row] = await tx.insert(parAssessments).values({ orgId: commune.id, year, setId: set.id, createdBy: actor.id }).returning();
    await refreshAutomatic(tx, row, set, null, today);
    await recomputeAssessment(tx, row, set);
    await recordAudit(tx, {
      orgId: commune.id, userId: actor.id, action: "create", entity: "par_assessment", entityId: row.id,
      summary: `Mở bản tự đánh giá Chỉ số CCHC năm ${year} theo “${set.label}” (phiên bản ${set.version})`,
    });
    return (await getAssessment(tx, row.id))!;
  });
}

/** Reloads the automatic leaves (while the commune still scores itself). */
export async function refreshAssessment(db: Db, actor: Actor, a: AssessmentRow, today: IsoDate): Promise<void> {
  if (a.status !== "draft") throw conflict("Bản tự đánh giá đã trình nên không cập nhật lại số liệu tự động.");
  await db.transaction(async (tx) => {
    const set = await setOf(tx, a);
    await refreshAutomatic(tx, a, set, actor.id, today);
    await recomputeAssessment(tx, a, set);
  });
}

function leafOf(set: CriteriaSet, code: string) {
  const node = walk(set).find((v) => v.node.code === code)?.node;
  if (!node) throw invalid(`Tiêu chí ${code} không có trong bộ tiêu chí “${set.label}”.`, "leafCode");
  if (!isLeaf(node)) throw invalid(`Tiêu chí ${code} có tiêu chí con; điểm được cộng từ các tiêu chí con.`, "leafCode");
  return node;
}

/** Which stage each status lets be written, and by whom (the route's policy has checked the role). */
const STAGE_STATUS: Record<Stage, AssessmentStatus[]> = {
  self: ["draft"], round1: ["submitted"], response: ["round1"], final: ["round1", "explained"],
};

export interface EntryInput { input: LeafInput | null; text: string; explanation: string }

/** Adds a value of a leaf at a stage; checks the input against the leaf's rule. */
export async function saveEntry(db: Db, actor: Actor, a: AssessmentRow, leafCode: string, stage: Stage, e: EntryInput): Promise<void> {
  if (!STAGE_STATUS[stage].includes(a.status)) throw conflict(`Không thể ghi “${STAGE_LABELS[stage]}” khi bản đánh giá ở trạng thái hiện tại.`);
  await db.transaction(async (tx) => {
    const set = await setOf(tx, a);
    const node = leafOf(set, leafCode);
    if (stage === "self" && !isSelfScored(node)) throw invalid(`Tiêu chí ${leafCode} do Hội đồng thẩm định chấm, xã không tự chấm.`, "leafCode");
    if (stage === "response") {
      if (!e.text.trim()) throw invalid("Nội dung giải trình không được để trống.", "text");
    } else {
      if (!e.input) throw invalid("Chưa nhập điểm hoặc kết quả của tiêu chí.", "input");
      const kinds = stage === "self" ? inputKinds(node) : appraisalKinds(node);
      if (!kinds.includes(e.input.kind)) throw invalid(`Tiêu chí ${leafCode} không nhận kiểu kết quả này.`, "input");
      const r = scoreLeaf(node, e.input);
      if ("problem" in r) throw invalid(`Tiêu chí ${leafCode}: ${r.problem}.`, "input");
      if (stage !== "self" && !e.text.trim()) {
        const self = currentEntries(await loadEntries(tx, a.id)).get(leafCode)?.self;
        const selfPoints = self?.input ? scoreLeaf(node, self.input) : null;
        const same = selfPoints && !("problem" in selfPoints) && cmp(selfPoints.points, r.points) === 0;
        if (!same) throw invalid("Điểm thẩm định khác điểm tự chấm: cần ghi ý kiến thẩm định.", "text");
      }
    }
    await tx.insert(parEntries).values({
      orgId: a.orgId, assessmentId: a.id, leafCode, stage, input: stage === "response" ? null : e.input,
      text: e.text.trim(), explanation: stage === "self" ? e.explanation.trim() : "", userId: actor.id,
    });
    await recomputeAssessment(tx, a, set);
    await recordAudit(tx, {
      orgId: a.orgId, userId: actor.id, action: "update", entity: "par_assessment", entityId: a.id,
      summary: `${STAGE_LABELS[stage]} tiêu chí ${leafCode} (Chỉ số CCHC năm ${a.year})`,
      changes: { leafCode, stage, input: e.input, text: e.text },
    });
  });
}

export type EvidenceInput =
  | { kind: "file"; filename: string; mimeType: string; content: Buffer; label?: string }
  | { kind: "link"; url: string; label: string }
  | { kind: "record"; recordType: "plan" | "task" | "target"; recordId: string; label?: string };

/** Evidence can be attached while the commune is at the stage it belongs to. */
const EVIDENCE_STATUS: Record<"self" | "response", AssessmentStatus> = { self: "draft", response: "round1" };

async function recordLabel(tx: Tx, orgId: string, type: "plan" | "task" | "target", id: string): Promise<string> {
  const found = type === "plan"
    ? (await tx.select({ t: plans.title, n: plans.number }).from(plans).where(and(eq(plans.id, id), eq(plans.orgId, orgId))))[0]
    : type === "task"
      ? (await tx.select({ t: tasks.title, n: tasks.ref }).from(tasks).where(and(eq(tasks.id, id), eq(tasks.orgId, orgId))))[0]
      : (await tx.select({ t: targets.text, n: targets.unit }).from(targets).where(and(eq(targets.id, id), eq(targets.orgId, orgId))))[0];
  if (!found) throw invalid("Không tìm thấy bản ghi được chọn làm tài liệu kiểm chứng trong dữ liệu của đơn vị.", "recordId");
  const prefix = type === "plan" ? `Kế hoạch${found.n ? ` số ${found.n}` : ""}` : type === "task" ? "Nhiệm vụ" : "Chỉ tiêu";
  return `${prefix}: ${found.t}`;
}

export async function addEvidence(db: Db, actor: Actor, a: AssessmentRow, leafCode: string, stage: "self" | "response", ev: EvidenceInput): Promise<string> {
  if (a.status !== EVIDENCE_STATUS[stage]) throw conflict("Chỉ đính kèm tài liệu kiểm chứng khi đang tự chấm hoặc giải trình.");
  return db.transaction(async (tx) => {
    leafOf(await setOf(tx, a), leafCode);
    const base = { orgId: a.orgId, assessmentId: a.id, leafCode, stage, addedBy: actor.id };
    const values = ev.kind === "file"
      ? { ...base, kind: "file" as const, label: ev.label?.trim() || ev.filename, filename: ev.filename, mimeType: ev.mimeType, size: ev.content.length, sha256: createHash("sha256").update(ev.content).digest("hex"), content: ev.content }
      : ev.kind === "link"
        ? { ...base, kind: "link" as const, label: ev.label.trim() || ev.url, url: ev.url }
        : { ...base, kind: "record" as const, label: ev.label?.trim() || await recordLabel(tx, a.orgId, ev.recordType, ev.recordId), recordType: ev.recordType, recordId: ev.recordId };
    if (ev.kind === "record") await recordLabel(tx, a.orgId, ev.recordType, ev.recordId);
    const [row] = await tx.insert(parEvidence).values(values).returning({ id: parEvidence.id });
    await recordAudit(tx, {
      orgId: a.orgId, userId: actor.id, action: "create", entity: "par_evidence", entityId: row.id,
      summary: `Đính kèm tài liệu kiểm chứng “${values.label}” cho tiêu chí ${leafCode}`,
      changes: { leafCode, stage, kind: ev.kind },
    });
    return row.id;
  });
}

export async function removeEvidence(db: Db, actor: Actor, a: AssessmentRow, evidenceId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx.select({ id: parEvidence.id, stage: parEvidence.stage, label: parEvidence.label, leafCode: parEvidence.leafCode })
      .from(parEvidence).where(and(eq(parEvidence.id, evidenceId), eq(parEvidence.assessmentId, a.id)));
    if (!row) throw new AppError("not_found", "Không tìm thấy tài liệu kiểm chứng.");
    if (a.status !== EVIDENCE_STATUS[row.stage]) throw conflict("Bản đánh giá đã trình nên không gỡ được tài liệu kiểm chứng.");
    await tx.delete(parEvidence).where(eq(parEvidence.id, row.id));
    await recordAudit(tx, {
      orgId: a.orgId, userId: actor.id, action: "delete", entity: "par_evidence", entityId: row.id,
      summary: `Gỡ tài liệu kiểm chứng “${row.label}” của tiêu chí ${row.leafCode}`,
    });
  });
}

export type Move = "submit" | "close_round1" | "close_explanation" | "close_final";
const MOVES: Record<Move, { from: AssessmentStatus[]; to: AssessmentStatus; by: "submittedBy" | "round1By" | "explainedBy" | "finalBy"; at: "submittedAt" | "round1At" | "explainedAt" | "finalAt"; label: string }> = {
  submit: { from: ["draft"], to: "submitted", by: "submittedBy", at: "submittedAt", label: "Chủ tịch ký duyệt và trình bản tự đánh giá" },
  close_round1: { from: ["submitted"], to: "round1", by: "round1By", at: "round1At", label: "Chốt kết quả thẩm định lần 1" },
  close_explanation: { from: ["round1"], to: "explained", by: "explainedBy", at: "explainedAt", label: "Chốt nội dung giải trình" },
  close_final: { from: ["round1", "explained"], to: "final", by: "finalBy", at: "finalAt", label: "Chốt điểm cuối cùng" },
};

/** Moves the assessment on; the sign-off refreshes the automatic leaves and checks every leaf first. */
export async function moveAssessment(db: Db, actor: Actor, a: AssessmentRow, move: Move, today: IsoDate): Promise<void> {
  const m = MOVES[move];
  if (!m.from.includes(a.status)) throw conflict(`Không thể thực hiện “${m.label}” ở trạng thái hiện tại của bản đánh giá.`);
  await db.transaction(async (tx) => {
    const set = await setOf(tx, a);
    if (move === "submit") {
      await refreshAutomatic(tx, a, set, actor.id, today);
      const evidence = new Map<string, number>();
      for (const e of await loadEvidence(tx, a.id)) if (e.stage === "self") evidence.set(e.leafCode, (evidence.get(e.leafCode) ?? 0) + 1);
      const problems = submissionProblems(set, currentEntries(await loadEntries(tx, a.id)), evidence);
      if (problems.length) throw invalid(`Chưa trình được bản tự đánh giá:\n${problems.join("\n")}`, "leaves");
    }
    if (move === "close_round1") {
      const current = currentEntries(await loadEntries(tx, a.id));
      const unscored = walk(set).filter((v) => isLeaf(v.node) && !isSelfScored(v.node) && v.node.method !== "survey" && !current.get(v.node.code)?.round1);
      if (unscored.length) throw invalid(`Còn tiêu chí do Hội đồng thẩm định chấm chưa có điểm: ${unscored.map((v) => v.node.code).join(", ")}.`, "leaves");
    }
    await recomputeAssessment(tx, a, set, { status: m.to, [m.by]: actor.id, [m.at]: new Date() } as Partial<AssessmentRow>);
    await recordAudit(tx, {
      orgId: a.orgId, userId: actor.id, action: "update", entity: "par_assessment", entityId: a.id,
      summary: `${m.label} (Chỉ số CCHC năm ${a.year})`, changes: { status: [a.status, m.to] },
    });
  });
}

/** Survey points of one assessment (null removes them). */
export async function setSurvey(db: Db, actor: Actor, a: AssessmentRow, survey: SurveyInput | null, source: string): Promise<void> {
  await db.transaction(async (tx) => {
    const set = await setOf(tx, a);
    try {
      score(set, { leaves: {}, survey });
    } catch (err) {
      if (err instanceof AppError) throw invalid(err.message, "survey");
      throw err;
    }
    await recomputeAssessment(tx, a, set, { survey, surveySource: survey ? source : null });
    await recordAudit(tx, {
      orgId: a.orgId, userId: actor.id, action: "update", entity: "par_assessment", entityId: a.id,
      summary: `Cập nhật điểm điều tra xã hội học (Chỉ số CCHC năm ${a.year})`, changes: { survey, source },
    });
  });
}

/** Survey points of many communes from a file: every row checked first; nothing is written on any error. */
export async function importSurvey(db: Db, actor: Actor, province: OrgRow, year: number, rows: SurveySheetRow[], file: string): Promise<number> {
  return db.transaction(async (tx) => {
    const found = await tx.select({ a: parAssessments, code: organisations.code }).from(parAssessments)
      .innerJoin(organisations, eq(organisations.id, parAssessments.orgId))
      .where(and(eq(organisations.parentId, province.id), eq(parAssessments.year, year)));
    const byCode = new Map(found.map((f) => [f.code, f.a]));
    const problems: string[] = [];
    const sets = new Map<string, CriteriaSet>();
    for (const r of rows) {
      const a = byCode.get(r.code);
      if (!a) { problems.push(`Dòng ${r.row}, cột A: mã đơn vị “${r.code}” không có bản đánh giá năm ${year} trong tỉnh.`); continue; }
      const set = sets.get(a.setId) ?? await setOf(tx, a);
      sets.set(a.setId, set);
      try {
        score(set, { leaves: {}, survey: r.survey });
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        problems.push(`Dòng ${r.row}, cột B: ${err.message.replace(/^Điểm điều tra xã hội học: /, "")}.`);
      }
    }
    if (problems.length) throw invalid(`Không nhập được điểm điều tra từ tệp ${file}:\n${problems.join("\n")}`, "file");
    for (const r of rows) {
      const a = byCode.get(r.code)!;
      await recomputeAssessment(tx, a, sets.get(a.setId)!, { survey: r.survey, surveySource: file });
    }
    await recordAudit(tx, {
      orgId: province.id, userId: actor.id, action: "import", entity: "par_survey", entityId: null,
      summary: `Nhập điểm điều tra xã hội học năm ${year} của ${rows.length} đơn vị từ tệp ${file}`, changes: { year, rows: rows.length },
    });
    return rows.length;
  });
}

/**
 * After a replacing set is stored: every assessment of the province's
 * communes of that subject and year moves to it and is scored again; values
 * are carried by criterion code and what no longer fits is reported.
 */
export async function moveToReplacingSet(tx: Tx, provinceId: string, newSet: CriteriaSet): Promise<number> {
  const rows = await tx.select({ a: parAssessments, name: organisations.name }).from(parAssessments)
    .innerJoin(organisations, eq(organisations.id, parAssessments.orgId))
    .where(and(eq(organisations.parentId, provinceId), eq(parAssessments.year, newSet.year), ne(parAssessments.setId, newSet.id)));
  const oldSets = new Map<string, CriteriaSet>();
  let moved = 0;
  for (const { a, name } of rows) {
    if (subjectOf({ name }) !== newSet.subject) continue;
    const oldSet = oldSets.get(a.setId) ?? await setOf(tx, a);
    oldSets.set(a.setId, oldSet);
    const counting = countingInput(oldSet, currentEntries(await loadEntries(tx, a.id)), a.survey ?? null);
    const report = rescore(counting.input, newSet, oldSet);
    await recomputeAssessment(tx, a, newSet, {
      setId: newSet.id,
      rescoreReport: {
        fromVersion: oldSet.version, toVersion: newSet.version, at: new Date().toISOString(), carried: report.carried.length,
        appeared: report.appeared, disappeared: report.disappeared, incompatible: report.incompatible, surveyDropped: report.surveyDropped ?? null,
      },
    });
    moved++;
  }
  return moved;
}

export interface ProvinceResultRow {
  assessmentId: string;
  orgId: string;
  code: string;
  name: string;
  year: number;
  status: AssessmentStatus;
  result: AssessmentRow["result"];
  finalAt: Date | null;
}

/** The assessments of a province's communes for a year, with their org. */
export async function provinceAssessments(tx: Tx, provinceId: string, years: number[]): Promise<ProvinceResultRow[]> {
  if (!years.length) return [];
  const rows = await tx.select({
    assessmentId: parAssessments.id, orgId: organisations.id, code: organisations.code, name: organisations.name, year: parAssessments.year,
    status: parAssessments.status, result: parAssessments.result, finalAt: parAssessments.finalAt,
  }).from(parAssessments).innerJoin(organisations, eq(organisations.id, parAssessments.orgId))
    .where(and(eq(organisations.parentId, provinceId), inArray(parAssessments.year, years)));
  return rows;
}

/** Every commune of the province for a year, with or without an assessment. */
export async function communeResults(tx: Tx, province: OrgRow, year: number): Promise<CommuneResult[]> {
  const communes = (await listOrgFamily(tx, province.id)).filter((o) => o.kind === "commune");
  const found = new Map((await provinceAssessments(tx, province.id, [year])).map((r) => [r.orgId, r]));
  return communes.map((c) => {
    const f = found.get(c.id);
    return { orgId: c.id, code: c.code, name: c.name, assessmentId: f?.assessmentId ?? null, status: f?.status ?? null, result: f?.result ?? null };
  });
}

/** The province's results table of a year (ranked, beside the previous year) as the results routes answer it. */
export async function provinceResultTable(tx: Tx, province: OrgRow, year: number) {
  const rows = resultTable(await communeResults(tx, province, year), await communeResults(tx, province, year - 1));
  return rows.map((r) => ({ ...r, subject: subjectOf(r), statusLabel: r.status ? STATUS_LABELS[r.status] : "Chưa mở bản tự đánh giá" }));
}

export async function publication(tx: Tx, provinceId: string, year: number) {
  const [row] = await tx.select().from(parPublications).where(and(eq(parPublications.orgId, provinceId), eq(parPublications.year, year)));
  return row ?? null;
}

export async function publishResults(db: Db, actor: Actor, provinceId: string, year: number): Promise<void> {
  await db.transaction(async (tx) => {
    const finals = (await provinceAssessments(tx, provinceId, [year])).filter((r) => r.status === "final");
    if (!finals.length) throw invalid(`Chưa có đơn vị nào được chốt điểm Chỉ số CCHC năm ${year}.`, "year");
    // Publishing again (after a correction) keeps the date the results were first made public.
    await tx.insert(parPublications).values({ orgId: provinceId, year, publishedBy: actor.id }).onConflictDoNothing();
    await recordAudit(tx, {
      orgId: provinceId, userId: actor.id, action: "update", entity: "par_publication", entityId: null,
      summary: `Công bố kết quả Chỉ số CCHC năm ${year} của ${finals.length} đơn vị`, changes: { year, communes: finals.length },
    });
  });
}
