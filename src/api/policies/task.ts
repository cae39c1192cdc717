import { canOnPlan, type PlanRef } from "./plan.js";
import { isMemberOf, type Viewer } from "./viewer.js";

export interface TaskRef { orgId: string; plan: PlanRef; unitIds: string[]; leadUnitIds: string[] }
/** update: post progress and evidence; complete: mark done, which only the lead unit reports. */
export type TaskAction = "read" | "edit" | "update" | "complete" | "requestExtension";

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
  if (v.role !== "unit_officer") return false;
  return action === "complete" ? task.leadUnitIds.some((u) => v.unitIds.includes(u)) : isTaskOfViewersUnit(v, task);
}
