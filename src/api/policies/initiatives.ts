import type { InitiativeStatus } from "../../domain/initiatives.js";
import { canReadOrg, isMemberOf, type OrgRef, type Viewer } from "./viewer.js";

/**
 * The commune's register of initiatives: the focal point keeps it (the call,
 * recognition, deletion); a unit officer registers their own units'
 * initiatives and may correct them until they are recognised; everyone who
 * reads the commune reads it, the province included.
 */
export type InitiativeAction = "read" | "edit" | "changeStatus" | "delete";

export interface InitiativeRef { orgId: string; unitId: string; status: InitiativeStatus; org: OrgRef }

const focalOf = (v: Viewer, org: OrgRef) => org.kind === "commune" && isMemberOf(v, org.id) && v.role === "focal_point";
const officerOf = (v: Viewer, org: OrgRef, unitId: string) => org.kind === "commune" && isMemberOf(v, org.id) && v.role === "unit_officer" && v.unitIds.includes(unitId);

export const canReadInitiatives = (v: Viewer, org: OrgRef) => canReadOrg(v, org);
/** Set the call (due date, number per unit). */
export const canManageInitiatives = (v: Viewer, org: OrgRef) => focalOf(v, org);
export const canRegisterInitiative = (v: Viewer, org: OrgRef, unitId: string) => focalOf(v, org) || officerOf(v, org, unitId);

export function canOnInitiative(v: Viewer, action: InitiativeAction, i: InitiativeRef): boolean {
  if (!canReadOrg(v, i.org)) return false;
  switch (action) {
    case "read": return true;
    case "edit": return focalOf(v, i.org) || (officerOf(v, i.org, i.unitId) && i.status === "submitted");
    case "changeStatus": case "delete": return focalOf(v, i.org);
  }
}
