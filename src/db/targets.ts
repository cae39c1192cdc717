import { and, asc, eq, getTableColumns, inArray } from "drizzle-orm";
import { invalid } from "../domain/errors.js";
import { periodByKey } from "../domain/periods.js";
import type { IsoDate } from "../domain/dates.js";
import { recordAudit, diff } from "./audit.js";
import { organisations, plans, targets, targetUnits, targetValues, units } from "./schema.js";
import { foreignUnitIds } from "./units.js";
import type { Actor } from "./plans.js";
import type { UnitRef } from "./tasks.js";
import type { Db, Tx } from "./connection.js";

export type TargetRow = typeof targets.$inferSelect;
export type TargetFields = Partial<Pick<TargetRow, "text" | "op" | "value" | "unit" | "dataSource" | "indicatorKey">>;
export interface TargetInput extends TargetFields { monitorUnitIds?: string[]; implementUnitIds?: string[] }
export interface TargetView extends TargetRow {
  planYear: number;
  monitor: UnitRef[];
  implement: UnitRef[];
  values: Array<{ period: string; value: number; note: string | null; recordedAt: Date }>;
}

export async function loadTargets(tx: Tx, planIds: string[]): Promise<TargetView[]> {
  if (!planIds.length) return [];
  const rows = await tx.select({ ...getTableColumns(targets), planYear: plans.year }).from(targets).innerJoin(plans, eq(plans.id, targets.planId))
    .where(inArray(targets.planId, planIds)).orderBy(asc(targets.sortOrder), asc(targets.createdAt));
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const unitRows = await tx.select({ targetId: targetUnits.targetId, role: targetUnits.role, id: units.id, name: units.name })
    .from(targetUnits).innerJoin(units, eq(units.id, targetUnits.unitId)).where(inArray(targetUnits.targetId, ids)).orderBy(asc(targetUnits.position));
  const valueRows = await tx.select().from(targetValues).where(inArray(targetValues.targetId, ids)).orderBy(asc(targetValues.period));
  return rows.map((t) => ({
    ...t,
    monitor: unitRows.filter((u) => u.targetId === t.id && u.role === "monitor").map(({ id, name }) => ({ id, name })),
    implement: unitRows.filter((u) => u.targetId === t.id && u.role === "implement").map(({ id, name }) => ({ id, name })),
    values: valueRows.filter((v) => v.targetId === t.id).map((v) => ({ period: v.period, value: v.value, note: v.note, recordedAt: v.recordedAt })),
  }));
}

export async function getTargetRow(tx: Tx, id: string) {
  const [row] = await tx.select({ target: targets, plan: { id: plans.id, orgId: plans.orgId, status: plans.status }, org: { id: organisations.id, kind: organisations.kind, parentId: organisations.parentId } })
    .from(targets).innerJoin(plans, eq(plans.id, targets.planId)).innerJoin(organisations, eq(organisations.id, targets.orgId)).where(eq(targets.id, id));
  if (!row) return null;
  const unitIds = (await tx.select({ unitId: targetUnits.unitId }).from(targetUnits).where(eq(targetUnits.targetId, id))).map((r) => r.unitId);
  return { ...row, unitIds };
}

async function writeUnits(tx: Tx, orgId: string, targetId: string, input: TargetInput) {
  for (const [field, role] of [["monitorUnitIds", "monitor"], ["implementUnitIds", "implement"]] as const) {
    const ids = input[field];
    if (!ids) continue;
    if ((await foreignUnitIds(tx, orgId, ids)).length) throw invalid("Bộ phận được chọn không thuộc đơn vị này hoặc đã ngừng hoạt động.", field);
    await tx.delete(targetUnits).where(and(eq(targetUnits.targetId, targetId), eq(targetUnits.role, role)));
    if (ids.length) await tx.insert(targetUnits).values([...new Set(ids)].map((unitId, position) => ({ orgId, targetId, unitId, role, position })));
  }
}

function checkSource(before: TargetFields | null, fields: TargetFields) {
  const source = fields.dataSource ?? before?.dataSource ?? "manual";
  const key = fields.indicatorKey !== undefined ? fields.indicatorKey : before?.indicatorKey ?? null;
  if (source === "computed" && !key) throw invalid("Chỉ tiêu lấy số liệu tự động cần chọn chỉ số tự động.", "indicatorKey");
}

function fieldsOf(input: TargetInput): TargetFields {
  const { monitorUnitIds: _m, implementUnitIds: _i, ...fields } = input;
  return fields;
}

export async function createTarget(db: Db, actor: Actor, plan: { id: string; orgId: string }, input: TargetInput & { text: string }): Promise<string> {
  checkSource(null, fieldsOf(input));
  return db.transaction(async (tx) => {
    const [target] = await tx.insert(targets).values({ ...fieldsOf(input), text: input.text, orgId: plan.orgId, planId: plan.id }).returning();
    await writeUnits(tx, plan.orgId, target.id, input);
    await recordAudit(tx, { orgId: plan.orgId, userId: actor.id, action: "create", entity: "target", entityId: target.id, summary: `Thêm chỉ tiêu "${target.text}"`, changes: { after: input } });
    return target.id;
  });
}

export async function updateTarget(db: Db, actor: Actor, target: TargetRow, input: TargetInput): Promise<void> {
  await db.transaction(async (tx) => {
    const fields = fieldsOf(input);
    checkSource(target, fields);
    if (Object.keys(fields).length) await tx.update(targets).set(fields).where(eq(targets.id, target.id));
    await writeUnits(tx, target.orgId, target.id, input);
    await recordAudit(tx, { orgId: target.orgId, userId: actor.id, action: "update", entity: "target", entityId: target.id, summary: `Sửa chỉ tiêu "${fields.text ?? target.text}"`, changes: diff(target, fields) });
  });
}

export async function deleteTarget(db: Db, actor: Actor, target: TargetRow): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(targets).where(eq(targets.id, target.id));
    await recordAudit(tx, { orgId: target.orgId, userId: actor.id, action: "delete", entity: "target", entityId: target.id, summary: `Xóa chỉ tiêu "${target.text}"`, changes: { before: target } });
  });
}

export async function recordTargetValue(db: Db, actor: Actor, target: TargetRow, period: string, value: number, note: string | null, today: IsoDate): Promise<void> {
  const window = periodByKey(period);
  if (!window) throw invalid("Kỳ số liệu không hợp lệ (ví dụ: 2025-03, 2025-Q1, 2025-H1, 2025).", "period");
  if (window.start > today) throw invalid(`Kỳ ${window.label} chưa bắt đầu nên chưa thể ghi nhận số liệu.`, "period");
  if (target.dataSource === "computed") throw invalid("Chỉ tiêu này lấy số liệu tự động từ dữ liệu của hệ thống; muốn nhập tay, hãy đổi nguồn số liệu của chỉ tiêu sang \"Nhập tay\".", "value");
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(targetValues).where(and(eq(targetValues.targetId, target.id), eq(targetValues.period, period)));
    await tx.insert(targetValues).values({ orgId: target.orgId, targetId: target.id, period, value, note, recordedBy: actor.id })
      .onConflictDoUpdate({ target: [targetValues.targetId, targetValues.period], set: { value, note, recordedBy: actor.id, recordedAt: new Date() } });
    await recordAudit(tx, { orgId: target.orgId, userId: actor.id, action: "record_value", entity: "target", entityId: target.id,
      summary: `Ghi nhận giá trị ${value} kỳ ${periodByKey(period)!.label} cho chỉ tiêu "${target.text}"`, changes: { period, value: [before?.value ?? null, value] } });
  });
}
