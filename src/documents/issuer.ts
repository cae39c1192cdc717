import { lowerFirst } from "./wording.js";

/**
 * How a commune People's Committee is named in its documents, from the
 * organisation's name as stored ("UBND xã Tỉnh Khê", "Ủy ban nhân dân phường
 * Hoài Hảo", or just "xã Tỉnh Khê").
 */
export interface IssuerNames {
  /** In running text: "Ủy ban nhân dân xã Tỉnh Khê". */
  fullName: string;
  /** The administrative unit: "xã Tỉnh Khê". */
  locality: string;
  /** The place name of the date line: "Tỉnh Khê". */
  place: string;
  /** The kind of unit as written before its name: "xã", "phường". */
  unitKind: string;
  /** The issuer in the header, bold caps, one line each: ["ỦY BAN NHÂN DÂN", "XÃ TỈNH KHÊ"]. */
  headerLines: string[];
  /** The upper body in the header, regular caps (a unit under the UBND: "UBND XÃ TỈNH KHÊ"); none for the UBND itself. */
  upperLine: string | null;
  /** The province in running text ("tỉnh Minh Hòa"), or null. */
  province: string | null;
}

const COMMITTEE = /^(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+/iu;
const UNIT_KINDS = /^(xã|phường|thị trấn|đặc khu|tỉnh|thành phố)\s+/iu;
/** A remark in brackets after the name, such as "(dữ liệu mẫu)", is not part of it. */
const REMARK = /\s*\([^)]*\)\s*$/u;

export function communeIssuer(orgName: string, provinceName: string | null): IssuerNames {
  const locality = lowerFirst(orgName.normalize("NFC").replace(REMARK, "").trim().replace(COMMITTEE, ""));
  const place = locality.replace(UNIT_KINDS, "");
  const unitKind = UNIT_KINDS.exec(locality)?.[1].toLocaleLowerCase("vi") ?? "xã";
  const province = provinceName ? lowerFirst(provinceName.normalize("NFC").replace(REMARK, "").trim().replace(COMMITTEE, "")) : null;
  return {
    fullName: `Ủy ban nhân dân ${locality}`,
    locality,
    place,
    unitKind,
    headerLines: ["ỦY BAN NHÂN DÂN", locality.toLocaleUpperCase("vi")],
    // A commune UBND writes no chủ quản line above itself (reporting reference B4).
    upperLine: null,
    province,
  };
}
