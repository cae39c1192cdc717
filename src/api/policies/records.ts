import { isMemberOf, type Viewer } from "./viewer.js";

/** Reference codes of the one-stop unit, before and after the 2025 reorganisation. */
export const ONE_STOP_UNIT_CODES = ["mot-cua", "tt-pvhcc"];

/**
 * One-stop records are imported by the commune's focal point, or by an officer
 * of its one-stop unit (who exports them from the provincial system).
 */
export function canImportRecords(v: Viewer, orgId: string, oneStopUnitIds: readonly string[]): boolean {
  if (!isMemberOf(v, orgId)) return false;
  return v.role === "focal_point" || (v.role === "unit_officer" && v.unitIds.some((u) => oneStopUnitIds.includes(u)));
}
