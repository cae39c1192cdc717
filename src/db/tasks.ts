import { and, asc, eq, inArray, isNotNull, sql, type SQL } from "drizzle-orm";
import { parseIso, ymd, type IsoDate } from "../domain/dates.js";
import { deriveTaskStatus, type DerivedStatus, type Recurrence } from "../domain/task-status.js";
import { organisations, plans, tasks, taskUnits, taskUpdates, units } from "./schema.js";
import type { Tx } from "./connection.js";

export type TaskRow = typeof tasks.$inferSelect;
export type PlanRow = typeof plans.$inferSelect;
export interface UnitRef { id: string; name: string }
export interface PlanInfo { id: string; orgId: string; title: string; year: number; status: PlanRow["status"]; issuedDate: string | null; orgParentId: string | null; orgKind: "province" | "commune" | "district" }

/** A task with everything needed to show it and to judge its status. */
export interface TaskView extends TaskRow {
  plan: PlanInfo;
  lead: UnitRef[];
  support: UnitRef[];
  derived: DerivedStatus;
}

/** Recurring tasks check in from the plan's start: its issue date when it falls in the plan year. */
export function planStart(plan: { year: number; issuedDate: string | null }): IsoDate {
  if (plan.issuedDate && parseIso(plan.issuedDate).year === plan.year) return plan.issuedDate;
  return ymd(plan.year, 1, 1);
}

export function deriveFor(task: TaskRow, plan: { year: number; issuedDate: string | null }, checkIns: { period: string; date: string }[], today: IsoDate): DerivedStatus {
  return deriveTaskStatus({
    dueDate: task.dueDate,
    doneOn: task.doneOn,
    progress: task.progress,
    hasUpdates: task.lastUpdateAt !== null,
    recurrence: (task.recurrence as Recurrence | null) ?? null,
    startDate: planStart(plan),
    yearEnd: ymd(plan.year, 12, 31),
    checkIns,
  }, today);
}

/**
 * Loads tasks matching `where` with their units and check-ins in three queries,
 * whatever their number, and derives every status for `today`.
 */
export async function loadTaskViews(tx: Tx, where: SQL | undefined, today: IsoDate): Promise<TaskView[]> {
  const rows = await tx.select({
    task: tasks,
    plan: {
      id: plans.id, orgId: plans.orgId, title: plans.title, year: plans.year, status: plans.status, issuedDate: plans.issuedDate,
      orgParentId: organisations.parentId, orgKind: organisations.kind,
    },
  }).from(tasks)
    .innerJoin(plans, eq(plans.id, tasks.planId))
    .innerJoin(organisations, eq(organisations.id, tasks.orgId))
    .where(where)
    .orderBy(asc(plans.year), asc(tasks.planId), asc(tasks.sortOrder), asc(tasks.createdAt));
  if (!rows.length) return [];
  const ids = rows.map((r) => r.task.id);
  const unitRows = await tx.select({ taskId: taskUnits.taskId, role: taskUnits.role, id: units.id, name: units.name })
    .from(taskUnits).innerJoin(units, eq(units.id, taskUnits.unitId))
    .where(inArray(taskUnits.taskId, ids))
    .orderBy(asc(taskUnits.position));
  const recurringIds = rows.filter((r) => r.task.recurrence).map((r) => r.task.id);
  const checkInRows = recurringIds.length
    ? await tx.select({ taskId: taskUpdates.taskId, period: taskUpdates.period, date: taskUpdates.date })
      .from(taskUpdates).where(and(inArray(taskUpdates.taskId, recurringIds), isNotNull(taskUpdates.period)))
    : [];
  const unitsByTask = new Map<string, { lead: UnitRef[]; support: UnitRef[] }>();
  for (const u of unitRows) {
    const entry = unitsByTask.get(u.taskId) ?? { lead: [], support: [] };
    entry[u.role].push({ id: u.id, name: u.name });
    unitsByTask.set(u.taskId, entry);
  }
  const checkIns = new Map<string, { period: string; date: string }[]>();
  for (const c of checkInRows) checkIns.set(c.taskId, [...(checkIns.get(c.taskId) ?? []), { period: c.period!, date: c.date }]);
  return rows.map(({ task, plan }) => ({
    ...task,
    plan,
    lead: unitsByTask.get(task.id)?.lead ?? [],
    support: unitsByTask.get(task.id)?.support ?? [],
    derived: deriveFor(task, plan, checkIns.get(task.id) ?? [], today),
  }));
}

export async function loadTaskView(tx: Tx, taskId: string, today: IsoDate): Promise<TaskView | null> {
  const [view] = await loadTaskViews(tx, eq(tasks.id, taskId), today);
  return view ?? null;
}

export const tasksOfPlan = (planId: string) => eq(tasks.planId, planId);

/** Tasks of the year's active plans of an organisation. */
export const tasksOfActivePlans = (orgId: string, year: number) =>
  and(eq(tasks.orgId, orgId), eq(plans.year, year), eq(plans.status, "active"));

/** Tasks of active plans that one of the units leads or supports. */
export const tasksOfUnits = (orgId: string, unitIds: string[]) =>
  and(eq(tasks.orgId, orgId), eq(plans.status, "active"),
    unitIds.length ? inArray(tasks.id, sql`(select task_id from task_units where unit_id in (${sql.join(unitIds.map((u) => sql`${u}`), sql`, `)}))`) : sql`false`);
