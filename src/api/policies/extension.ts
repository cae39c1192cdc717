import { canReadOrg, isMemberOf, type OrgRef, type Viewer } from "./viewer.js";

export interface ExtensionRef { orgId: string; org: OrgRef; status: "pending" | "approved" | "refused"; requestedBy: string | null }

export function canListExtensions(v: Viewer, org: OrgRef): boolean {
  return canReadOrg(v, org);
}

/** The focal point decides; the chairman, who may overrule them, too; nobody decides their own request. */
export function canDecideExtension(v: Viewer, ext: ExtensionRef): boolean {
  return canReadOrg(v, ext.org) && isMemberOf(v, ext.orgId) && ext.status === "pending"
    && (v.role === "focal_point" || v.role === "chairman") && ext.requestedBy !== v.id;
}

export const mayDecideExtensions = (v: Viewer) => v.role === "focal_point" || v.role === "chairman";
