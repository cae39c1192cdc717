import { AREAS, areaName } from "./areas.js";
import { emptyStatusCounts, type TaskStatus } from "./task-status.js";

export interface TaskForSummary { status: TaskStatus; area: string | null; leadUnitIds: string[] }
export interface StatusSummary { tasks: number; statusCounts: Record<TaskStatus, number>; onTimeRate: number | null }

/**
 * Share of tasks done on time among those whose outcome is known today: done
 * (on time or late) or overdue. Tasks not yet due do not count against anyone.
 */
export function onTimeRate(counts: Record<TaskStatus, number>): number | null {
  const judged = counts.done_on_time + counts.done_late + counts.overdue;
  return judged === 0 ? null : Math.round((counts.done_on_time / judged) * 1000) / 10;
}

export function summarize(tasks: Iterable<{ status: TaskStatus }>): StatusSummary {
  const statusCounts = emptyStatusCounts();
  let n = 0;
  for (const t of tasks) {
    statusCounts[t.status]++;
    n++;
  }
  return { tasks: n, statusCounts, onTimeRate: onTimeRate(statusCounts) };
}

export function summarizeByArea(tasks: TaskForSummary[]): Array<StatusSummary & { area: string | null; name: string }> {
  const out = AREAS.map((a) => ({ area: a.code as string | null, name: a.name as string, ...summarize(tasks.filter((t) => t.area === a.code)) }));
  const unclassified = tasks.filter((t) => !AREAS.some((a) => a.code === t.area));
  if (unclassified.length) out.push({ area: null, name: areaName(null), ...summarize(unclassified) });
  return out;
}

/** Per lead unit, the units with the worst on-time rate first (units with nothing judged last). */
export function summarizeByLeadUnit(tasks: TaskForSummary[]): Array<StatusSummary & { unitId: string }> {
  const byUnit = new Map<string, TaskForSummary[]>();
  for (const t of tasks) for (const u of t.leadUnitIds) byUnit.set(u, [...(byUnit.get(u) ?? []), t]);
  return [...byUnit.entries()]
    .map(([unitId, list]) => ({ unitId, ...summarize(list) }))
    .sort((a, b) => (a.onTimeRate ?? 101) - (b.onTimeRate ?? 101) || b.statusCounts.overdue - a.statusCounts.overdue || b.tasks - a.tasks);
}
