import { canOnPlan, type PlanRef } from "./plan.js";
import { isMemberOf, type Viewer } from "./viewer.js";

export interface TargetRef { orgId: string; plan: PlanRef; unitIds: string[] }

export function canOnTarget(v: Viewer, action: "read" | "edit" | "record", target: TargetRef): boolean {
  if (!canOnPlan(v, "read", target.plan)) return false;
  if (action === "read") return true;
  if (action === "edit") return canOnPlan(v, "update", target.plan);
  if (!isMemberOf(v, target.orgId) || target.plan.status !== "active") return false;
  return v.role === "focal_point" || (v.role === "unit_officer" && target.unitIds.some((u) => v.unitIds.includes(u)));
}
