import { canReadOrg, isMemberOf, type OrgRef, type Viewer } from "./viewer.js";

/**
 * The commune's public page settings: everyone who reads the commune sees
 * them; the commune's chairman and focal point choose what is published.
 */
export const canReadPublicPageSettings = (v: Viewer, org: OrgRef) => org.kind === "commune" && canReadOrg(v, org);

export const canEditPublicPageSettings = (v: Viewer, org: OrgRef) =>
  canReadPublicPageSettings(v, org) && isMemberOf(v, org.id) && (v.role === "chairman" || v.role === "focal_point");
