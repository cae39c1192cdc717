import type { OrgRef, Viewer } from "./viewer.js";

/** A province's criteria sets are read by its own people and by the people of its communes. */
export function canReadCriteriaSets(v: Viewer, province: OrgRef): boolean {
  if (province.kind !== "province") return false;
  return v.orgId === province.id || v.org.parentId === province.id;
}

/** Only the province's administrator (Sở Nội vụ) imports a criteria set. */
export const canImportCriteriaSets = (v: Viewer, province: OrgRef): boolean =>
  province.kind === "province" && v.role === "province_admin" && v.orgId === province.id;
