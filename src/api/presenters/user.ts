import type { UserView } from "../../db/users.js";

export function presentUser(u: UserView) {
  return { id: u.id, orgId: u.orgId, username: u.username, fullName: u.fullName, role: u.role, active: u.active, units: u.units, lastLoginAt: u.lastLoginAt?.toISOString() ?? null };
}

export function presentOrg(o: { id: string; kind: string; name: string; code: string; parentId: string | null }) {
  return { id: o.id, kind: o.kind, name: o.name, code: o.code, parentId: o.parentId };
}

export function presentUnit(u: { id: string; orgId: string; code: string | null; name: string; abbreviations: string[]; kind: string; active: boolean; sortOrder: number }) {
  return { id: u.id, orgId: u.orgId, code: u.code, name: u.name, abbreviations: u.abbreviations, kind: u.kind, active: u.active, sortOrder: u.sortOrder };
}
