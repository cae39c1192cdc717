/** The 8 reform areas (lĩnh vực) of the PAR index, in their official order. */
export const AREAS = [
  { code: "chi-dao-dieu-hanh", name: "Công tác chỉ đạo, điều hành cải cách hành chính", short: "Chỉ đạo, điều hành" },
  { code: "the-che", name: "Cải cách thể chế", short: "Thể chế" },
  { code: "thu-tuc-hanh-chinh", name: "Cải cách thủ tục hành chính", short: "Thủ tục hành chính" },
  { code: "to-chuc-bo-may", name: "Cải cách tổ chức bộ máy hành chính nhà nước", short: "Tổ chức bộ máy" },
  { code: "cong-vu", name: "Cải cách chế độ công vụ", short: "Chế độ công vụ" },
  { code: "tai-chinh-cong", name: "Cải cách tài chính công", short: "Tài chính công" },
  { code: "chinh-quyen-so", name: "Xây dựng và phát triển chính quyền điện tử, chính quyền số", short: "Chính quyền số" },
  { code: "tac-dong", name: "Tác động của CCHC đến người dân, tổ chức và phát triển kinh tế – xã hội", short: "Tác động của CCHC" },
] as const;

export type AreaCode = (typeof AREAS)[number]["code"];
export const AREA_CODES = AREAS.map((a) => a.code) as [AreaCode, ...AreaCode[]];

export function areaName(code: string | null): string {
  return AREAS.find((a) => a.code === code)?.name ?? "Chưa phân loại";
}
