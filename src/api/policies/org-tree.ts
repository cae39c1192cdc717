import { isProvincial, type Viewer } from "./viewer.js";

/** An organisation with the province it belongs to, as `db/org-tree.ts` places it. */
export interface PlacedOrgRef { id: string; kind: "province" | "commune" | "district"; provinceId: string | null }

/**
 * The organisation tree of a province (Đơn vị trực thuộc). Tenant first: only
 * the province's own people see any of it, so everyone else gets 404; of them,
 * only the province admin adds, renames or marks legacy.
 */
export function canReadOrgTree(v: Viewer, org: PlacedOrgRef): boolean {
  return isProvincial(v) && org.provinceId === v.orgId;
}

export function canManageOrgTree(v: Viewer, org: PlacedOrgRef): boolean {
  return canReadOrgTree(v, org) && v.role === "province_admin";
}
