/**
 * What the province's overview reads, in three grouped queries whatever the
 * number of communes and tasks: the communes with their active annual plan of
 * the year, the tasks counted by commune, area and status at `today`, and the
 * targets with their values. The status is derived in SQL
 * (`statusAt`) instead of loading every task view; see docs/province-dashboard.md
 * for how recurring tasks are approximated.
 */
import { and, asc, eq, sql } from "drizzle-orm";
import type { IsoDate } from "../domain/dates.js";
import type { OverviewCommune, OverviewTarget, StatusCountRow } from "../domain/province-dashboard.js";
import { DUE_SOON_DAYS, type TaskStatus } from "../domain/task-status.js";
import type { TargetOp } from "../domain/targets.js";
import { organisations, plans, targets, targetValues, tasks } from "./schema.js";
import type { Tx } from "./connection.js";

/** The plans compared across communes: the year's active annual plans. */
const comparedPlan = (year: number) => and(eq(plans.year, year), eq(plans.status, "active"), eq(plans.type, "annual"));
const communeOf = (provinceId: string) => and(eq(organisations.parentId, provinceId), eq(organisations.kind, "commune"));

/**
 * A task's status at `today` as src/domain/task-status.ts derives it for a
 * one-off task. A recurring task is judged by its done date and its due date
 * (the plan year's end when it has none); its missed check-ins are not seen.
 */
export function statusAt(today: IsoDate) {
  const started = sql`(${tasks.progress} > 0 or ${tasks.lastUpdateAt} is not null)`;
  const due = sql`coalesce(${tasks.dueDate}, case when ${tasks.recurrence} is not null then make_date(${plans.year}, 12, 31) end)`;
  return sql<TaskStatus>`case
    when ${tasks.doneOn} is not null then case when ${tasks.dueDate} is not null and ${tasks.doneOn} > ${tasks.dueDate} then 'done_late' else 'done_on_time' end
    when ${due} is null then case when ${started} then 'in_progress' else 'no_deadline' end
    when ${due} < ${today}::date then 'overdue'
    when ${due} - ${today}::date <= ${DUE_SOON_DAYS} then 'due_soon'
    when ${started} then 'in_progress'
    else 'not_started' end`;
}

/** The communes of the province (legacy districts are history, not compared), each with its active annual plan of the year. */
export async function overviewCommunes(tx: Tx, provinceId: string, year: number): Promise<OverviewCommune[]> {
  // Written out: in a one-table select Drizzle leaves columns unqualified, which would bind them to the subquery's table.
  const planId = sql<string | null>`(select p.id from plans p where p.org_id = organisations.id and p.year = ${year} and p.status = 'active' and p.type = 'annual'
    order by p.created_at desc limit 1)`;
  return tx.select({ id: organisations.id, name: organisations.name, code: organisations.code, kind: organisations.kind, planId })
    .from(organisations).where(communeOf(provinceId)).orderBy(asc(organisations.name));
}

export async function overviewStatusCounts(tx: Tx, provinceId: string, year: number, today: IsoDate): Promise<StatusCountRow[]> {
  const status = statusAt(today);
  const rows = await tx.select({
    orgId: tasks.orgId, area: tasks.area, status,
    tasks: sql<number>`count(*)::int`,
    lastUpdateAt: sql<Date | null>`max(${tasks.lastUpdateAt})`.mapWith(tasks.lastUpdateAt),
  }).from(tasks)
    .innerJoin(plans, eq(plans.id, tasks.planId))
    .innerJoin(organisations, eq(organisations.id, tasks.orgId))
    .where(and(communeOf(provinceId), comparedPlan(year)))
    // By position: the status expression carries parameters, so repeating it would not group.
    .groupBy(sql`1, 2, 3`);
  return rows.map((r) => ({ ...r, tasks: Number(r.tasks), lastUpdateAt: r.lastUpdateAt ? new Date(r.lastUpdateAt).toISOString() : null }));
}

export async function overviewTargets(tx: Tx, provinceId: string, year: number): Promise<OverviewTarget[]> {
  const rows = await tx.select({ id: targets.id, orgId: targets.orgId, op: targets.op, value: targets.value, year: plans.year })
    .from(targets)
    .innerJoin(plans, eq(plans.id, targets.planId))
    .innerJoin(organisations, eq(organisations.id, targets.orgId))
    .where(and(communeOf(provinceId), comparedPlan(year)));
  if (!rows.length) return [];
  const values = await tx.select({ targetId: targetValues.targetId, period: targetValues.period, value: targetValues.value })
    .from(targetValues)
    .innerJoin(targets, eq(targets.id, targetValues.targetId))
    .innerJoin(plans, eq(plans.id, targets.planId))
    .innerJoin(organisations, eq(organisations.id, targets.orgId))
    .where(and(communeOf(provinceId), comparedPlan(year)));
  const byTarget = new Map<string, Array<{ period: string; value: number }>>();
  for (const v of values) byTarget.set(v.targetId, [...(byTarget.get(v.targetId) ?? []), { period: v.period, value: v.value }]);
  return rows.map((r) => ({ orgId: r.orgId, op: r.op as TargetOp | null, value: r.value, year: r.year, values: byTarget.get(r.id) ?? [] }));
}
