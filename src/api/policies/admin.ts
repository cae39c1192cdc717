import type { Role } from "../../db/schema.js";
import { canReadOrg, isMemberOf, type OrgRef, type Viewer } from "./viewer.js";

/** Units and accounts of a commune: its focal point, or the admin of its province. */
export function canManageOrg(v: Viewer, org: OrgRef): boolean {
  if (!canReadOrg(v, org)) return false;
  if (v.role === "province_admin") return true;
  return v.role === "focal_point" && isMemberOf(v, org.id);
}

/** The user list: those who manage it, and the chairman, who reads everything of the commune. */
export function canListUsers(v: Viewer, org: OrgRef): boolean {
  return canManageOrg(v, org) || (v.role === "chairman" && isMemberOf(v, org.id));
}

/**
 * Which accounts one may create or change. The focal point looks after the
 * unit officers; the chairman's and focal point's own accounts are the
 * province's to grant, so nobody can approve their own plan through an account
 * they made.
 */
export function canManageAccount(v: Viewer, org: OrgRef, role: Role): boolean {
  if (!canManageOrg(v, org)) return false;
  return v.role === "province_admin" || role === "unit_officer";
}

export function rolesFor(org: OrgRef): Role[] {
  return org.kind === "province" ? ["province_admin", "province_viewer"] : ["chairman", "focal_point", "unit_officer"];
}

export function canReadAudit(v: Viewer, org: OrgRef): boolean {
  return canReadOrg(v, org) && (v.role === "province_admin" || v.role === "chairman" || v.role === "focal_point");
}
