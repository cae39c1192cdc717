import { canReadOrg, isMemberOf, type OrgRef, type Viewer } from "./viewer.js";

/**
 * Emulation campaigns of a commune: everyone who reads the commune reads them
 * (the province too, read only); the focal point manages campaigns and
 * confirms the commendation proposal; the chairman may also judge the
 * criteria that a person decides.
 */
export type CampaignAction = "read" | "manage" | "judge" | "confirm";

export function canOnCampaigns(v: Viewer, action: CampaignAction, org: OrgRef): boolean {
  if (org.kind !== "commune" || !canReadOrg(v, org)) return false;
  if (action === "read") return true;
  if (!isMemberOf(v, org.id)) return false;
  switch (action) {
    case "manage": case "confirm": return v.role === "focal_point";
    case "judge": return v.role === "focal_point" || v.role === "chairman";
  }
}

export const CAMPAIGN_NOT_ALLOWED: Record<Exclude<CampaignAction, "read">, string> = {
  manage: "Chỉ công chức đầu mối CCHC của xã, phường quản lý phong trào thi đua.",
  judge: "Chỉ công chức đầu mối CCHC hoặc Chủ tịch UBND đánh giá tiêu chí thi đua.",
  confirm: "Chỉ công chức đầu mối CCHC xác nhận danh sách đề nghị khen thưởng.",
};
