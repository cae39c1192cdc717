import type { Role } from "../../db/schema.js";

export interface OrgRef { id: string; kind: "province" | "commune" | "district"; parentId: string | null }

/** The signed-in user as the policies see them. */
export interface Viewer {
  id: string;
  orgId: string;
  role: Role;
  username: string;
  fullName: string;
  unitIds: string[];
  units: Array<{ id: string; name: string }>;
  org: OrgRef & { name: string; code: string };
}

export const isProvincial = (v: Viewer) => v.role === "province_admin" || v.role === "province_viewer";

/**
 * The tenant rule every other policy starts with: a user reads their own
 * organisation; a provincial user also reads the communes under their province.
 */
export function canReadOrg(v: Viewer, org: OrgRef): boolean {
  if (org.id === v.orgId) return true;
  return isProvincial(v) && org.parentId === v.orgId;
}

/** Commune-level work is done by the commune's own people only. */
export const isMemberOf = (v: Viewer, orgId: string) => v.orgId === orgId;
