import { and, eq, max } from "drizzle-orm";
import { invalid } from "../domain/errors.js";
import { recordAudit, diff } from "./audit.js";
import { tasks, taskUnits } from "./schema.js";
import { foreignUnitIds } from "./units.js";
import type { Actor } from "./plans.js";
import type { TaskRow } from "./tasks.js";
import type { Db, Tx } from "./connection.js";

export type TaskFields = Partial<Pick<TaskRow, "ref" | "area" | "title" | "product" | "timelineText" | "milestones" | "dueDate" | "recurrence" | "criteria" | "budgetSource" | "forCommunes">>;
export interface TaskInput extends TaskFields { leadUnitIds?: string[]; supportUnitIds?: string[] }

async function checkUnits(tx: Tx, orgId: string, input: TaskInput, taskId?: string) {
  for (const field of ["leadUnitIds", "supportUnitIds"] as const) {
    const ids = input[field];
    if (!ids) continue;
    const bad = await foreignUnitIds(tx, orgId, ids);
    if (bad.length) throw invalid("Bộ phận được chọn không thuộc đơn vị này hoặc đã ngừng hoạt động.", field);
  }
  // An edit that sends one list is checked against the task's current other list.
  let { leadUnitIds: lead, supportUnitIds: support } = input;
  if (taskId && (lead === undefined) !== (support === undefined)) {
    const current = await tx.select({ unitId: taskUnits.unitId, role: taskUnits.role }).from(taskUnits).where(eq(taskUnits.taskId, taskId));
    lead ??= current.filter((u) => u.role === "lead").map((u) => u.unitId);
    support ??= current.filter((u) => u.role === "support").map((u) => u.unitId);
  }
  if (lead && support?.some((u) => lead.includes(u))) {
    throw invalid("Một bộ phận không thể vừa chủ trì vừa phối hợp cùng một nhiệm vụ.", input.supportUnitIds ? "supportUnitIds" : "leadUnitIds");
  }
}

async function writeUnits(tx: Tx, orgId: string, taskId: string, input: TaskInput) {
  for (const [field, role] of [["leadUnitIds", "lead"], ["supportUnitIds", "support"]] as const) {
    const ids = input[field];
    if (!ids) continue;
    await tx.delete(taskUnits).where(and(eq(taskUnits.taskId, taskId), eq(taskUnits.role, role)));
    if (ids.length) await tx.insert(taskUnits).values([...new Set(ids)].map((unitId, position) => ({ orgId, taskId, unitId, role, position })));
  }
}

function fieldsOf(input: TaskInput): TaskFields {
  const { leadUnitIds: _l, supportUnitIds: _s, ...fields } = input;
  return fields;
}

export async function createTask(db: Db, actor: Actor, plan: { id: string; orgId: string }, input: TaskInput & { title: string }): Promise<string> {
  return db.transaction(async (tx) => {
    await checkUnits(tx, plan.orgId, input);
    const [{ last }] = await tx.select({ last: max(tasks.sortOrder) }).from(tasks).where(eq(tasks.planId, plan.id));
    const fields = fieldsOf(input);
    const [task] = await tx.insert(tasks).values({ ...fields, title: input.title, orgId: plan.orgId, planId: plan.id, originalDueDate: fields.dueDate ?? null, sortOrder: (last ?? 0) + 10 }).returning();
    await writeUnits(tx, plan.orgId, task.id, input);
    await recordAudit(tx, { orgId: plan.orgId, userId: actor.id, action: "create", entity: "task", entityId: task.id, summary: `Thêm nhiệm vụ "${task.title}"`, changes: { after: input } });
    return task.id;
  });
}

export async function updateTask(db: Db, actor: Actor, task: TaskRow, input: TaskInput): Promise<void> {
  await db.transaction(async (tx) => {
    await checkUnits(tx, task.orgId, input, task.id);
    const fields = fieldsOf(input);
    // Editing the plan's deadline (not an extension) moves the planned date too.
    const set = fields.dueDate !== undefined ? { ...fields, originalDueDate: fields.dueDate } : fields;
    if (Object.keys(set).length) await tx.update(tasks).set(set).where(eq(tasks.id, task.id));
    await writeUnits(tx, task.orgId, task.id, input);
    await recordAudit(tx, { orgId: task.orgId, userId: actor.id, action: "update", entity: "task", entityId: task.id, summary: `Sửa nhiệm vụ "${fields.title ?? task.title}"`,
      changes: { ...diff(task, fields), ...(input.leadUnitIds ? { leadUnitIds: input.leadUnitIds } : {}), ...(input.supportUnitIds ? { supportUnitIds: input.supportUnitIds } : {}) } });
  });
}

export async function deleteTask(db: Db, actor: Actor, task: TaskRow): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(tasks).where(eq(tasks.id, task.id));
    await recordAudit(tx, { orgId: task.orgId, userId: actor.id, action: "delete", entity: "task", entityId: task.id, summary: `Xóa nhiệm vụ "${task.title}"`, changes: { before: task } });
  });
}
