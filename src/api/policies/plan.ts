import { canReadOrg, isMemberOf, type OrgRef, type Viewer } from "./viewer.js";

export interface PlanRef { orgId: string; status: "draft" | "active" | "closed"; org: OrgRef }
export type PlanAction = "read" | "create" | "update" | "approve" | "close" | "reopen";

export function canOnPlan(v: Viewer, action: PlanAction, plan: PlanRef): boolean {
  if (!canReadOrg(v, plan.org)) return false;
  if (action === "read") return true;
  if (!isMemberOf(v, plan.orgId)) return false;
  switch (action) {
    case "create": return v.role === "focal_point";
    case "update": return v.role === "focal_point" && plan.status !== "closed";
    case "approve": return v.role === "chairman" && plan.status === "draft";
    case "close": return (v.role === "chairman" || v.role === "focal_point") && plan.status === "active";
    case "reopen": return v.role === "chairman" && plan.status !== "draft";
  }
}
