import type { Role } from "../../db/schema.js";
import { canReadOrg, isMemberOf, type OrgRef, type Viewer } from "./viewer.js";

/** Units and accounts of a commune: its focal point, or the admin of its province. */
export function canManageOrg(v: Viewer, org: OrgRef): boolean {
  if (!canReadOrg(v, org)) return false;
  if (v.role === "province_admin") return true;
  return v.role === "focal_point" && isMemberOf(v, org.id);
}

export function rolesFor(org: OrgRef): Role[] {
  return org.kind === "province" ? ["province_admin", "province_viewer"] : ["chairman", "focal_point", "unit_officer"];
}

export function canReadAudit(v: Viewer, org: OrgRef): boolean {
  return canReadOrg(v, org) && (v.role === "province_admin" || v.role === "chairman" || v.role === "focal_point");
}
