/**
 * The commune's self-inspection records: the plan of a year, its inspections
 * (one per unit), the problems each found and their follow-up. Every change is
 * one transaction with its audit entry, and refreshes the plan targets fed by
 * the records (reform-records.ts reads them for targets, PAR leaves and reports).
 */
import { and, asc, desc, eq, inArray, max, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { formatViDate, type IsoDate } from "../domain/dates.js";
import { conflict, invalid } from "../domain/errors.js";
import { findingTransition, type FindingStatusChange } from "../domain/inspections/coverage.js";
import { COUNTED_UNIT_KINDS } from "../domain/inspections/units.js";
import { diff, recordAudit } from "./audit.js";
import { refreshReformTargets } from "./computed-targets.js";
import type { Db, Tx } from "./connection.js";
import type { Actor } from "./plans.js";
import { findingUpdates, inspectionFindings, inspectionPlans, inspections, organisations, units, users } from "./schema.js";
import { foreignUnitIds } from "./units.js";

export type InspectionPlanRow = typeof inspectionPlans.$inferSelect;
export type InspectionRow = typeof inspections.$inferSelect;
export type FindingRow = typeof inspectionFindings.$inferSelect;
export type FindingUpdateRow = typeof findingUpdates.$inferSelect;
interface UnitRef { id: string; name: string }

export type PlanInput = Pick<InspectionPlanRow, "year" | "title" | "targetShare"> & Partial<Pick<InspectionPlanRow, "number" | "issuedDate" | "notes">>;
export type InspectionInput = Pick<InspectionRow, "unitId" | "plannedFrom" | "plannedTo" | "team" | "content">;
export type InspectionChanges = Partial<Pick<InspectionRow, "plannedFrom" | "plannedTo" | "team" | "content" | "conductedOn" | "conclusion" | "noticeNumber" | "noticeDate">>;
export type FindingInput = Pick<FindingRow, "area" | "description" | "severity" | "responsibleUnitId" | "fixDue">;

/** The units inspection coverage counts: the commune's active bộ phận, in their order. */
export async function countedUnits(tx: Tx, orgId: string): Promise<Array<UnitRef & { kind: string }>> {
  return tx.select({ id: units.id, name: units.name, kind: units.kind }).from(units)
    .where(and(eq(units.orgId, orgId), eq(units.active, true), inArray(units.kind, [...COUNTED_UNIT_KINDS])))
    .orderBy(asc(units.sortOrder), asc(units.name));
}

export async function planOfYear(tx: Tx, orgId: string, year: number): Promise<InspectionPlanRow | null> {
  const [row] = await tx.select().from(inspectionPlans).where(and(eq(inspectionPlans.orgId, orgId), eq(inspectionPlans.year, year)));
  return row ?? null;
}

export async function getInspectionPlan(tx: Tx, id: string): Promise<InspectionPlanRow | null> {
  const [row] = await tx.select().from(inspectionPlans).where(eq(inspectionPlans.id, id));
  return row ?? null;
}

export interface InspectionView extends InspectionRow { year: number; unit: UnitRef & { kind: string } }

async function inspectionViews(tx: Tx, where: SQL): Promise<InspectionView[]> {
  const rows = await tx.select({ i: inspections, year: inspectionPlans.year, unit: { id: units.id, name: units.name, kind: units.kind } })
    .from(inspections).innerJoin(inspectionPlans, eq(inspectionPlans.id, inspections.inspectionPlanId)).innerJoin(units, eq(units.id, inspections.unitId))
    .where(where).orderBy(asc(inspections.plannedFrom), asc(units.sortOrder), asc(inspections.createdAt));
  return rows.map((r) => ({ ...r.i, year: r.year, unit: r.unit }));
}

export const inspectionsOfPlan = (tx: Tx, planId: string) => inspectionViews(tx, eq(inspections.inspectionPlanId, planId));

export async function getInspection(tx: Tx, id: string): Promise<InspectionView | null> {
  const [row] = await inspectionViews(tx, eq(inspections.id, id));
  return row ?? null;
}

const inspected = alias(units, "inspected_unit");
const responsible = alias(units, "responsible_unit");

export interface FindingView extends FindingRow {
  inspection: { id: string; conductedOn: IsoDate | null; year: number };
  inspectedUnit: UnitRef & { kind: string };
  responsibleUnit: UnitRef & { kind: string };
  commune: { id: string; name: string; code: string };
  lastUpdateAt: Date | null;
}

/** Findings with their inspection, units and commune, in the order the inspection recorded them. */
export async function listFindings(tx: Tx, where: SQL): Promise<FindingView[]> {
  const rows = await tx.select({
    f: inspectionFindings,
    inspection: { id: inspections.id, conductedOn: inspections.conductedOn, year: inspectionPlans.year },
    inspectedUnit: { id: inspected.id, name: inspected.name, kind: inspected.kind },
    responsibleUnit: { id: responsible.id, name: responsible.name, kind: responsible.kind },
    commune: { id: organisations.id, name: organisations.name, code: organisations.code },
  }).from(inspectionFindings)
    .innerJoin(inspections, eq(inspections.id, inspectionFindings.inspectionId))
    .innerJoin(inspectionPlans, eq(inspectionPlans.id, inspections.inspectionPlanId))
    .innerJoin(inspected, eq(inspected.id, inspections.unitId))
    .innerJoin(responsible, eq(responsible.id, inspectionFindings.responsibleUnitId))
    .innerJoin(organisations, eq(organisations.id, inspectionFindings.orgId))
    .where(where)
    .orderBy(asc(inspections.plannedFrom), asc(inspections.createdAt), asc(inspectionFindings.sortOrder), asc(inspectionFindings.createdAt));
  if (!rows.length) return [];
  const last = await tx.select({ findingId: findingUpdates.findingId, at: max(findingUpdates.createdAt) }).from(findingUpdates)
    .where(inArray(findingUpdates.findingId, rows.map((r) => r.f.id))).groupBy(findingUpdates.findingId);
  const lastOf = new Map(last.map((l) => [l.findingId, l.at]));
  return rows.map((r) => ({ ...r.f, inspection: r.inspection, inspectedUnit: r.inspectedUnit, responsibleUnit: r.responsibleUnit, commune: r.commune, lastUpdateAt: lastOf.get(r.f.id) ?? null }));
}

export const findingsOfPlan = (tx: Tx, planId: string) => listFindings(tx, eq(inspections.inspectionPlanId, planId));
export const findingsOfInspection = (tx: Tx, inspectionId: string) => listFindings(tx, eq(inspectionFindings.inspectionId, inspectionId));
export const findingsOfYear = (tx: Tx, orgId: string, year: number) => listFindings(tx, and(eq(inspectionFindings.orgId, orgId), eq(inspectionPlans.year, year))!);

/** The escalated findings of a year in the communes of a province. */
export const escalatedFindingsOf = (tx: Tx, provinceId: string, year: number) =>
  listFindings(tx, and(eq(organisations.parentId, provinceId), eq(organisations.kind, "commune"), eq(inspectionFindings.status, "escalated"), eq(inspectionPlans.year, year))!);

export async function getFinding(tx: Tx, id: string): Promise<FindingView | null> {
  const [row] = await listFindings(tx, eq(inspectionFindings.id, id));
  return row ?? null;
}

/** The follow-up of a finding, newest first, with the author's name. */
export async function updatesOf(tx: Tx, findingId: string) {
  return tx.select({ u: findingUpdates, author: users.fullName }).from(findingUpdates).leftJoin(users, eq(users.id, findingUpdates.authorId))
    .where(eq(findingUpdates.findingId, findingId)).orderBy(desc(findingUpdates.createdAt), desc(findingUpdates.date));
}

// ── Commands ───────────────────────────────────────────────────────────────

async function checkUnit(tx: Tx, orgId: string, unitId: string, field: string, label: string) {
  if ((await foreignUnitIds(tx, orgId, [unitId])).length) throw invalid(`${label} không thuộc xã, phường này hoặc đã ngừng hoạt động.`, field);
}

function checkWindow(from: IsoDate, to: IsoDate) {
  if (to < from) throw invalid(`Ngày kết thúc dự kiến (${formatViDate(to)}) không được trước ngày bắt đầu (${formatViDate(from)}).`, "plannedTo");
}

/** Creates the plan of the year, or updates it when the commune already has one. */
export async function saveInspectionPlan(db: Db, actor: Actor, orgId: string, input: PlanInput): Promise<InspectionPlanRow> {
  return db.transaction(async (tx) => {
    const before = await planOfYear(tx, orgId, input.year);
    const fields = { title: input.title, number: input.number ?? null, issuedDate: input.issuedDate ?? null, targetShare: input.targetShare, notes: input.notes ?? null };
    if (before) {
      const [row] = await tx.update(inspectionPlans).set({ ...fields, updatedAt: new Date() }).where(eq(inspectionPlans.id, before.id)).returning();
      await recordAudit(tx, { orgId, userId: actor.id, action: "update", entity: "inspection_plan", entityId: row.id, summary: `Sửa kế hoạch kiểm tra CCHC năm ${input.year}`, changes: diff(before, fields) });
      return row;
    }
    const [row] = await tx.insert(inspectionPlans).values({ ...fields, orgId, year: input.year, createdBy: actor.id }).returning();
    await recordAudit(tx, { orgId, userId: actor.id, action: "create", entity: "inspection_plan", entityId: row.id, summary: `Lập kế hoạch kiểm tra CCHC năm ${input.year}: "${row.title}"`, changes: { after: fields } });
    return row;
  });
}

export async function createInspection(db: Db, actor: Actor, plan: InspectionPlanRow, input: InspectionInput): Promise<string> {
  checkWindow(input.plannedFrom, input.plannedTo);
  return db.transaction(async (tx) => {
    await checkUnit(tx, plan.orgId, input.unitId, "unitId", "Bộ phận được kiểm tra");
    const [taken] = await tx.select({ name: units.name }).from(inspections).innerJoin(units, eq(units.id, inspections.unitId))
      .where(and(eq(inspections.inspectionPlanId, plan.id), eq(inspections.unitId, input.unitId)));
    if (taken) throw conflict(`Bộ phận ${taken.name} đã có trong kế hoạch kiểm tra năm ${plan.year}.`, "unitId");
    const [row] = await tx.insert(inspections).values({ ...input, orgId: plan.orgId, inspectionPlanId: plan.id }).returning();
    const [unit] = await tx.select({ name: units.name }).from(units).where(eq(units.id, input.unitId));
    await recordAudit(tx, { orgId: plan.orgId, userId: actor.id, action: "create", entity: "inspection", entityId: row.id,
      summary: `Thêm cuộc kiểm tra CCHC tại ${unit.name} (${formatViDate(input.plannedFrom)}–${formatViDate(input.plannedTo)})`, changes: { after: input } });
    return row.id;
  });
}

/** Dates, team and content; then the day it took place, its conclusion and the notice. */
export async function updateInspection(db: Db, actor: Actor, i: InspectionView, changes: InspectionChanges, today: IsoDate): Promise<void> {
  checkWindow(changes.plannedFrom ?? i.plannedFrom, changes.plannedTo ?? i.plannedTo);
  if (changes.conductedOn && changes.conductedOn > today) throw invalid(`Ngày kiểm tra (${formatViDate(changes.conductedOn)}) không được sau ngày hôm nay.`, "conductedOn");
  await db.transaction(async (tx) => {
    if (changes.conductedOn === null && i.conductedOn) {
      const [found] = await tx.select({ id: inspectionFindings.id }).from(inspectionFindings).where(eq(inspectionFindings.inspectionId, i.id)).limit(1);
      if (found) throw conflict("Cuộc kiểm tra đã ghi nhận vấn đề phát hiện nên không thể bỏ ngày kiểm tra.", "conductedOn");
    }
    const changed = diff(i, changes);
    if (!Object.keys(changed).length) return;
    await tx.update(inspections).set({ ...changes, updatedAt: new Date() }).where(eq(inspections.id, i.id));
    const summary = changes.conductedOn && !i.conductedOn ? `Ghi nhận kết quả kiểm tra CCHC tại ${i.unit.name} ngày ${formatViDate(changes.conductedOn)}` : `Sửa cuộc kiểm tra CCHC tại ${i.unit.name}`;
    await recordAudit(tx, { orgId: i.orgId, userId: actor.id, action: "update", entity: "inspection", entityId: i.id, summary, changes: changed });
    await refreshReformTargets(tx, i.orgId, i.year, today);
  });
}

export async function deleteInspection(db: Db, actor: Actor, i: InspectionView, today: IsoDate): Promise<void> {
  await db.transaction(async (tx) => {
    const [found] = await tx.select({ id: inspectionFindings.id }).from(inspectionFindings).where(eq(inspectionFindings.inspectionId, i.id)).limit(1);
    if (found) throw conflict("Cuộc kiểm tra đã ghi nhận vấn đề phát hiện nên không thể xóa.");
    await tx.delete(inspections).where(eq(inspections.id, i.id));
    await recordAudit(tx, { orgId: i.orgId, userId: actor.id, action: "delete", entity: "inspection", entityId: i.id, summary: `Xóa cuộc kiểm tra CCHC tại ${i.unit.name}`, changes: { before: { ...i, unit: undefined } } });
    await refreshReformTargets(tx, i.orgId, i.year, today);
  });
}

function checkFixDue(fixDue: IsoDate, conductedOn: IsoDate) {
  if (fixDue < conductedOn) throw invalid(`Hạn khắc phục (${formatViDate(fixDue)}) không được trước ngày kiểm tra (${formatViDate(conductedOn)}).`, "fixDue");
}

export async function createFinding(db: Db, actor: Actor, i: InspectionView, input: FindingInput, today: IsoDate): Promise<string> {
  if (!i.conductedOn) throw conflict("Cuộc kiểm tra chưa diễn ra nên chưa thể ghi nhận vấn đề phát hiện.");
  checkFixDue(input.fixDue, i.conductedOn);
  return db.transaction(async (tx) => {
    await checkUnit(tx, i.orgId, input.responsibleUnitId, "responsibleUnitId", "Bộ phận chịu trách nhiệm khắc phục");
    const [{ last }] = await tx.select({ last: sql<number>`coalesce(max(${inspectionFindings.sortOrder}), 0)::int` }).from(inspectionFindings).where(eq(inspectionFindings.inspectionId, i.id));
    const [row] = await tx.insert(inspectionFindings).values({ ...input, orgId: i.orgId, inspectionId: i.id, sortOrder: last + 1 }).returning();
    await recordAudit(tx, { orgId: i.orgId, userId: actor.id, action: "create", entity: "finding", entityId: row.id,
      summary: `Ghi nhận vấn đề phát hiện qua kiểm tra tại ${i.unit.name}: "${input.description}" (hạn khắc phục ${formatViDate(input.fixDue)})`, changes: { after: input } });
    await refreshReformTargets(tx, i.orgId, i.year, today);
    return row.id;
  });
}

export async function updateFinding(db: Db, actor: Actor, f: FindingView, changes: Partial<FindingInput>): Promise<void> {
  if (changes.fixDue && f.inspection.conductedOn) checkFixDue(changes.fixDue, f.inspection.conductedOn);
  await db.transaction(async (tx) => {
    if (changes.responsibleUnitId) await checkUnit(tx, f.orgId, changes.responsibleUnitId, "responsibleUnitId", "Bộ phận chịu trách nhiệm khắc phục");
    const changed = diff(f, changes);
    if (!Object.keys(changed).length) return;
    await tx.update(inspectionFindings).set({ ...changes, updatedAt: new Date() }).where(eq(inspectionFindings.id, f.id));
    await recordAudit(tx, { orgId: f.orgId, userId: actor.id, action: "update", entity: "finding", entityId: f.id, summary: `Sửa vấn đề phát hiện qua kiểm tra: "${changes.description ?? f.description}"`, changes: changed });
  });
}

const CHANGE_SUMMARY: Record<FindingStatusChange | "note", string> = {
  note: "Cập nhật tiến độ khắc phục", fixed: "Ghi nhận đã khắc phục", escalated: "Kiến nghị cấp trên", reopened: "Mở lại",
};

/**
 * A follow-up: a note, a fix or an escalation (which close the finding on
 * `date`, the note kept as its resolution) or reopening it. The date is today
 * unless told, never in the future nor before the inspection.
 */
export async function addFindingUpdate(db: Db, actor: Actor, f: FindingView, input: { note: string; statusChange: FindingStatusChange | null; date: IsoDate | null }, today: IsoDate): Promise<void> {
  const note = input.note.trim();
  const date = input.date ?? today;
  const step = findingTransition(f.status, input.statusChange);
  if (!step.ok) throw conflict(step.message, "statusChange");
  if (!input.statusChange && !note) throw invalid("Nội dung cập nhật không được để trống.", "note");
  if (input.statusChange === "escalated" && !note) throw invalid("Kiến nghị cấp trên cần ghi rõ kiến nghị với cơ quan nào và vì sao.", "note");
  if (date > today) throw invalid(`Ngày cập nhật (${formatViDate(date)}) không được sau ngày hôm nay.`, "date");
  if (f.inspection.conductedOn && date < f.inspection.conductedOn) throw invalid(`Ngày cập nhật (${formatViDate(date)}) không được trước ngày kiểm tra (${formatViDate(f.inspection.conductedOn)}).`, "date");
  await db.transaction(async (tx) => {
    await tx.insert(findingUpdates).values({ orgId: f.orgId, findingId: f.id, authorId: actor.id, date, note, statusChange: input.statusChange });
    const closing = input.statusChange === "fixed" || input.statusChange === "escalated";
    if (input.statusChange) {
      const set = closing ? { status: step.next, closedOn: date, resolution: note || null } : { status: step.next, closedOn: null, resolution: null };
      await tx.update(inspectionFindings).set({ ...set, updatedAt: new Date() }).where(eq(inspectionFindings.id, f.id));
    }
    await recordAudit(tx, {
      orgId: f.orgId, userId: actor.id, action: input.statusChange ? `finding_${input.statusChange}` : "finding_note", entity: "finding", entityId: f.id,
      summary: `${CHANGE_SUMMARY[input.statusChange ?? "note"]} vấn đề "${f.description}" ngày ${formatViDate(date)}${note ? `: ${note}` : ""}`,
      changes: input.statusChange ? { status: [f.status, step.next], date, note } : { date, note },
    });
    if (input.statusChange) await refreshReformTargets(tx, f.orgId, f.inspection.year, today);
  });
}
