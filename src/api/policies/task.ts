import { canOnPlan, type PlanRef } from "./plan.js";
import { isMemberOf, type Viewer } from "./viewer.js";

export interface TaskRef { orgId: string; plan: PlanRef; unitIds: string[] }
export type TaskAction = "read" | "edit" | "update" | "requestExtension";

/** A unit officer works on the tasks their unit leads or supports; the focal point on all. */
export function isTaskOfViewersUnit(v: Viewer, task: TaskRef): boolean {
  return task.unitIds.some((u) => v.unitIds.includes(u));
}

export function canOnTask(v: Viewer, action: TaskAction, task: TaskRef): boolean {
  if (!canOnPlan(v, "read", task.plan)) return false;
  if (action === "read") return true;
  if (action === "edit") return canOnPlan(v, "update", task.plan);
  if (!isMemberOf(v, task.orgId) || task.plan.status !== "active") return false;
  if (v.role === "focal_point") return true;
  return v.role === "unit_officer" && isTaskOfViewersUnit(v, task);
}
