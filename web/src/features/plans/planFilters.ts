// Filtering and grouping of a plan's tasks (pure functions, no React).
import { addDays } from '../../lib/format';
import { matchesSearch } from '../../lib/text';
import { STATUSES, type AreaRef, type Status, type TaskSummary, type Unit, type UnitRef } from '../../lib/types';

export type GroupBy = 'area' | 'unit';
export type DueWindow = 'overdue' | 'next7' | 'next30';

/** Filters of the plan view as kept in the address bar. */
export interface PlanSearch {
  group?: GroupBy;
  /** Comma-separated statuses. */
  status?: string;
  unit?: string;
  area?: string;
  due?: DueWindow;
  q?: string;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

export function parsePlanSearch(search: Record<string, unknown>): PlanSearch {
  const group = search.group === 'unit' ? 'unit' : undefined;
  const due = search.due === 'overdue' || search.due === 'next7' || search.due === 'next30' ? search.due : undefined;
  const statuses = parseStatuses(text(search.status));
  return {
    group,
    status: statuses.length ? statuses.join(',') : undefined,
    unit: text(search.unit),
    area: text(search.area),
    due,
    q: text(search.q),
  };
}

export function parseStatuses(value: string | undefined): Status[] {
  if (!value) return [];
  const wanted = new Set(value.split(','));
  return STATUSES.filter((status) => wanted.has(status));
}

export interface TaskFilter {
  statuses: Status[];
  unitId?: string;
  area?: string;
  due?: DueWindow;
  query?: string;
}

const DONE: Status[] = ['done_on_time', 'done_late'];

export function isDone(task: TaskSummary): boolean {
  return DONE.includes(task.status) || task.doneOn !== null;
}

function withinDueWindow(task: TaskSummary, due: DueWindow, today: string): boolean {
  if (due === 'overdue') return task.status === 'overdue';
  if (!task.dueDate || isDone(task)) return false;
  const last = addDays(today, due === 'next7' ? 7 : 30);
  return task.dueDate >= today && task.dueDate <= last;
}

/** Filters everything except the status (so the status chips can count what the other filters leave). */
export function filterTasksExceptStatus(tasks: TaskSummary[], filter: TaskFilter, today: string): TaskSummary[] {
  return tasks.filter((task) => {
    if (filter.unitId) {
      const units = [...task.lead, ...task.support];
      if (!units.some((unit) => unit.id === filter.unitId)) return false;
    }
    if (filter.area) {
      if (filter.area === 'none' ? task.area !== null : task.area !== filter.area) return false;
    }
    if (filter.due && !withinDueWindow(task, filter.due, today)) return false;
    if (filter.query) {
      const texts = [
        task.ref,
        task.title,
        task.product,
        task.timelineText,
        ...task.lead.map((unit) => unit.name),
        ...task.support.map((unit) => unit.name),
      ];
      if (!matchesSearch(filter.query, texts)) return false;
    }
    return true;
  });
}

export function filterByStatus(tasks: TaskSummary[], statuses: Status[]): TaskSummary[] {
  if (statuses.length === 0) return tasks;
  return tasks.filter((task) => statuses.includes(task.status));
}

export function countByStatus(tasks: TaskSummary[]): Record<Status, number> {
  const counts = Object.fromEntries(STATUSES.map((status) => [status, 0])) as Record<Status, number>;
  for (const task of tasks) counts[task.status] += 1;
  return counts;
}

export interface TaskGroup {
  key: string;
  title: string;
  tasks: TaskSummary[];
}

function byPlanOrder(a: TaskSummary, b: TaskSummary): number {
  return a.sortOrder - b.sortOrder;
}

/** Groups by reform area in the official order; tasks without an area come last. */
export function groupByArea(tasks: TaskSummary[], areas: AreaRef[], noAreaTitle: string): TaskGroup[] {
  const groups: TaskGroup[] = areas.map((area) => ({
    key: area.code,
    title: area.name,
    tasks: tasks.filter((task) => task.area === area.code).sort(byPlanOrder),
  }));
  const known = new Set(areas.map((area) => area.code));
  const rest = tasks.filter((task) => !task.area || !known.has(task.area)).sort(byPlanOrder);
  if (rest.length) groups.push({ key: 'none', title: noAreaTitle, tasks: rest });
  return groups.filter((group) => group.tasks.length > 0);
}

/**
 * Groups by lead unit (a task led by two units appears under both), in the
 * organisation's unit order; tasks without a lead come last.
 */
export function groupByLeadUnit(tasks: TaskSummary[], units: Unit[], noLeadTitle: string): TaskGroup[] {
  const order = new Map(units.map((unit, index) => [unit.id, index]));
  const leads = new Map<string, UnitRef>();
  for (const task of tasks) for (const unit of task.lead) leads.set(unit.id, unit);
  const sortedLeads = [...leads.values()].sort(
    (a, b) => (order.get(a.id) ?? Number.MAX_SAFE_INTEGER) - (order.get(b.id) ?? Number.MAX_SAFE_INTEGER) || a.name.localeCompare(b.name, 'vi'),
  );
  const groups: TaskGroup[] = sortedLeads.map((unit) => ({
    key: unit.id,
    title: unit.name,
    tasks: tasks.filter((task) => task.lead.some((lead) => lead.id === unit.id)).sort(byPlanOrder),
  }));
  const rest = tasks.filter((task) => task.lead.length === 0).sort(byPlanOrder);
  if (rest.length) groups.push({ key: 'none', title: noLeadTitle, tasks: rest });
  return groups;
}

/** Sort by due date, tasks without a date last. */
export function byDueDate(a: TaskSummary, b: TaskSummary): number {
  if (a.dueDate === b.dueDate) return a.sortOrder - b.sortOrder;
  if (!a.dueDate) return 1;
  if (!b.dueDate) return -1;
  return a.dueDate < b.dueDate ? -1 : 1;
}
