import { canManageOrg } from "../policies/admin.js";
import { mayDecideExtensions } from "../policies/extension.js";
import { isProvincial, type Viewer } from "../policies/viewer.js";

/** `today` is the server's calendar date in Vietnam: screens judge "overdue" by it, not by the device's clock. */
export function presentMe(v: Viewer, today: string) {
  return {
    today,
    id: v.id,
    orgId: v.orgId,
    username: v.username,
    fullName: v.fullName,
    role: v.role,
    active: true,
    units: v.units,
    org: { id: v.org.id, kind: v.org.kind, name: v.org.name, code: v.org.code, parentId: v.org.parentId },
    permissions: {
      managePlans: v.role === "focal_point",
      manageUsers: canManageOrg(v, v.org),
      decideExtensions: mayDecideExtensions(v),
      approvePlans: v.role === "chairman",
      provincial: isProvincial(v),
    },
  };
}
