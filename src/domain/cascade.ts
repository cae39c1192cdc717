/**
 * The plan cascade (docs/cascade.md): the province issues its yearly plan and
 * marks some of its tasks "nhiệm vụ giao cấp xã"; each commune creates its
 * own plan from it in one step, every commune task keeping the provincial
 * task it serves; the province then counts, per provincial task, where its
 * communes stand. Pure: no I/O.
 */
import { AREA_CODES, type AreaCode } from "./areas.js";
import { invalid } from "./errors.js";
import { proposedUnit, type CommuneUnit } from "./par-index/remediation.js";
import type { TaskStatus } from "./task-status.js";

/** A provincial task offered to the communes, as the commune copies it. */
export interface TemplateTask {
  id: string;
  ref: string | null;
  area: string | null;
  title: string;
  product: string | null;
  timelineText: string | null;
  dueDate: string | null;
  recurrence: string | null;
  criteria: string[];
}

/** The title of the commune plan created from the province's plan. */
export function communePlanTitle(year: number, communeName: string): string {
  return `Kế hoạch cải cách hành chính năm ${year} của ${communeName}`;
}

/** The commune's task drafted from a provincial task: same content, the link kept, the lead unit proposed from the area. */
export function communeTaskFrom(template: TemplateTask, units: readonly CommuneUnit[]) {
  const area = (AREA_CODES as readonly string[]).includes(template.area ?? "") ? (template.area as AreaCode) : undefined;
  const lead = proposedUnit(area, units);
  return {
    sourceTaskId: template.id,
    ref: template.ref,
    area: template.area,
    title: template.title,
    product: template.product,
    timelineText: template.timelineText,
    dueDate: template.dueDate,
    recurrence: template.recurrence,
    criteria: template.criteria,
    leadUnitIds: lead ? [lead.id] : [],
  };
}

/** "Giao cấp xã" is a mark of the province's own tasks only. */
export function checkForCommunes(value: boolean | undefined, orgKind: "province" | "commune" | "district"): void {
  if (value && orgKind !== "province") throw invalid("Chỉ nhiệm vụ trong kế hoạch của tỉnh mới được đánh dấu giao cấp xã.", "forCommunes");
}

/** Where one commune stands on one provincial task. */
export type CascadeState = "not_started" | "in_progress" | "overdue" | "done_on_time" | "done_late";
export const CASCADE_STATES: readonly CascadeState[] = ["not_started", "in_progress", "overdue", "done_on_time", "done_late"];

/**
 * A commune may serve one provincial task with several of its tasks: it is
 * overdue if any of them is, done when all are (late if any was late), in
 * progress once any has started.
 */
export function cascadeState(statuses: readonly TaskStatus[]): CascadeState {
  if (statuses.includes("overdue")) return "overdue";
  const done = statuses.filter((s) => s === "done_on_time" || s === "done_late");
  if (statuses.length && done.length === statuses.length) return done.includes("done_late") ? "done_late" : "done_on_time";
  if (done.length || statuses.some((s) => s === "in_progress" || s === "due_soon")) return "in_progress";
  return "not_started";
}

export interface CommuneRef { id: string; name: string; code: string }
export interface LinkedTask { orgId: string; sourceTaskId: string; status: TaskStatus }

export interface RollupRow {
  task: TemplateTask;
  /** Communes that have the task in a draft or active plan. */
  planned: number;
  counts: Record<CascadeState, number>;
  /** Communes without it, by name. */
  missing: CommuneRef[];
  byCommune: Array<{ commune: CommuneRef; state: CascadeState }>;
}

/** Per provincial task: how many communes plan it, where they stand, who lacks it. */
export function rollup(templates: readonly TemplateTask[], communes: readonly CommuneRef[], linked: readonly LinkedTask[]): RollupRow[] {
  const statuses = new Map<string, TaskStatus[]>();
  for (const t of linked) {
    const key = `${t.sourceTaskId}|${t.orgId}`;
    statuses.set(key, [...(statuses.get(key) ?? []), t.status]);
  }
  const sorted = [...communes].sort((a, b) => a.name.localeCompare(b.name, "vi"));
  return templates.map((task) => {
    const counts = Object.fromEntries(CASCADE_STATES.map((s) => [s, 0])) as Record<CascadeState, number>;
    const missing: CommuneRef[] = [];
    const byCommune: RollupRow["byCommune"] = [];
    for (const commune of sorted) {
      const list = statuses.get(`${task.id}|${commune.id}`);
      if (!list) { missing.push(commune); continue; }
      const state = cascadeState(list);
      counts[state]++;
      byCommune.push({ commune, state });
    }
    return { task, planned: byCommune.length, counts, missing, byCommune };
  });
}
