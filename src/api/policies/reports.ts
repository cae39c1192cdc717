import type { ReportStatus } from "../../db/reports.js";
import { canReadOrg, isMemberOf, isProvincial, type OrgRef, type Viewer } from "./viewer.js";

/**
 * Periodic reports: the focal point drafts and edits, the chairman approves,
 * either sends; the province reads what was sent and receives or returns it.
 * Everyone of the commune reads its reports.
 */
export type ReportAction = "read" | "draft" | "approve" | "submit" | "review";

export function canOnReport(v: Viewer, action: ReportAction, r: { status: ReportStatus; org: OrgRef }): boolean {
  if (r.org.kind !== "commune" || !canReadOrg(v, r.org)) return false;
  const member = isMemberOf(v, r.org.id);
  switch (action) {
    case "read": return member || (isProvincial(v) && r.status !== "draft" && r.status !== "approved");
    case "draft": return member && v.role === "focal_point";
    case "approve": return member && v.role === "chairman";
    case "submit": return member && (v.role === "chairman" || v.role === "focal_point");
    case "review": return v.role === "province_admin" && r.org.parentId === v.orgId;
  }
}

/** The province's view of who reported: its own people; its settings: its administrator. */
export const canFollowReports = (v: Viewer, province: OrgRef) => province.kind === "province" && v.orgId === province.id;
export const canSetReporting = (v: Viewer, province: OrgRef) => canFollowReports(v, province) && v.role === "province_admin";
