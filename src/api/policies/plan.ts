import { canReadOrg, isMemberOf, type OrgRef, type Viewer } from "./viewer.js";

export interface PlanRef { orgId: string; status: "draft" | "active" | "closed"; org: OrgRef }
export type PlanAction = "read" | "create" | "update" | "approve" | "close" | "reopen";

/** The province's own plan (the one its communes' plans follow, docs/cascade.md) is run by the province admin alone. */
const isProvincePlanOfAdmin = (v: Viewer, plan: PlanRef) => v.role === "province_admin" && plan.org.kind === "province";

export function canOnPlan(v: Viewer, action: PlanAction, plan: PlanRef): boolean {
  if (!canReadOrg(v, plan.org)) return false;
  if (action === "read") return true;
  if (!isMemberOf(v, plan.orgId)) return false;
  const admin = isProvincePlanOfAdmin(v, plan);
  switch (action) {
    case "create": return v.role === "focal_point" || admin;
    case "update": return (v.role === "focal_point" || admin) && plan.status !== "closed";
    case "approve": return (v.role === "chairman" || admin) && plan.status === "draft";
    case "close": return (v.role === "chairman" || v.role === "focal_point" || admin) && plan.status === "active";
    case "reopen": return (v.role === "chairman" || admin) && plan.status !== "draft";
  }
}
