import { fold } from "../text.js";
import type { Rates } from "./compute.js";

/**
 * The figures a plan target can be linked to (`targets.indicator_key`): the
 * one-stop rates and the Decision 766 total, computed from the dossiers; the
 * self-inspection coverage, the findings handled and the initiatives, from the
 * inspection and initiative records. Labels are what a commune's plan calls them.
 */
export type RateKey = keyof Rates;
export type OneStopKey = RateKey | "index766";
export const REFORM_KEYS = ["inspection_coverage", "findings_handled", "initiatives"] as const;
export type ReformKey = (typeof REFORM_KEYS)[number];
export type IndicatorKey = OneStopKey | ReformKey;
export interface IndicatorInfo { key: IndicatorKey; label: string; unit: "%" | "điểm" | "sáng kiến"; keywords: string[] }

export const INDICATOR_CATALOGUE: IndicatorInfo[] = [
  { key: "on_time", label: "Tỷ lệ hồ sơ giải quyết trước hạn, đúng hạn", unit: "%", keywords: ["dung han", "truoc han", "dung hen"] },
  { key: "online_submission", label: "Tỷ lệ hồ sơ nộp trực tuyến", unit: "%", keywords: ["nop truc tuyen", "ho so truc tuyen", "tiep nhan truc tuyen"] },
  { key: "fully_online", label: "Tỷ lệ hồ sơ trực tuyến toàn trình", unit: "%", keywords: ["toan trinh"] },
  { key: "fully_online_eligible", label: "Tỷ lệ hồ sơ toàn trình trên thủ tục đủ điều kiện", unit: "%", keywords: ["du dieu kien"] },
  { key: "online_payment", label: "Tỷ lệ hồ sơ thanh toán trực tuyến", unit: "%", keywords: ["thanh toan truc tuyen"] },
  { key: "digitised_dossiers", label: "Tỷ lệ số hóa hồ sơ", unit: "%", keywords: ["so hoa ho so", "so hoa thanh phan"] },
  { key: "digitised_results", label: "Tỷ lệ số hóa kết quả giải quyết", unit: "%", keywords: ["so hoa ket qua"] },
  { key: "e_results", label: "Tỷ lệ cấp kết quả điện tử", unit: "%", keywords: ["ket qua dien tu", "ket qua giai quyet dien tu", "ket qua giai quyet tthc dien tu"] },
  { key: "reuse", label: "Tỷ lệ khai thác, tái sử dụng dữ liệu số hóa", unit: "%", keywords: ["tai su dung", "su dung lai"] },
  { key: "feedback_on_time", label: "Tỷ lệ phản ánh, kiến nghị xử lý đúng hạn", unit: "%", keywords: ["phan anh", "kien nghi", "pakn"] },
  { key: "satisfaction", label: "Tỷ lệ hài lòng của người dân, doanh nghiệp", unit: "%", keywords: ["hai long"] },
  { key: "index766", label: "Điểm Bộ chỉ số 766 (phục vụ người dân, doanh nghiệp)", unit: "điểm", keywords: ["766", "bo chi so"] },
  { key: "inspection_coverage", label: "Tỷ lệ bộ phận được kiểm tra CCHC trong năm", unit: "%", keywords: ["bo phan duoc kiem tra", "don vi duoc kiem tra", "co quan duoc kiem tra", "tu kiem tra", "kiem tra cai cach", "kiem tra cchc", "kiem tra toi thieu", "kiem tra it nhat"] },
  { key: "findings_handled", label: "Tỷ lệ vấn đề phát hiện qua kiểm tra được xử lý", unit: "%", keywords: ["phat hien qua kiem tra", "van de phat hien"] },
  { key: "initiatives", label: "Số sáng kiến, giải pháp CCHC", unit: "sáng kiến", keywords: ["sang kien"] },
];
export const INDICATOR_KEYS = INDICATOR_CATALOGUE.map((i) => i.key) as [IndicatorKey, ...IndicatorKey[]];
export const indicatorInfo = (key: string | null | undefined) => INDICATOR_CATALOGUE.find((i) => i.key === key) ?? null;
/** Whether a key is fed by the inspection and initiative records rather than by the one-stop dossiers. */
export const isReformKey = (key: string | null | undefined): key is ReformKey => (REFORM_KEYS as readonly string[]).includes(key ?? "");

/**
 * Most specific first: "trực tuyến toàn trình" is fully online before it is
 * online; "vấn đề phát hiện qua kiểm tra … kiến nghị" is about findings, not
 * the one-stop feedback, nor the inspection coverage.
 */
const SUGGEST_ORDER: IndicatorKey[] = ["findings_handled", "inspection_coverage", "initiatives", "fully_online", "online_payment", "e_results", "digitised_results", "digitised_dossiers", "reuse", "feedback_on_time", "satisfaction", "on_time", "online_submission", "index766"];

/**
 * The indicator a plan target's wording names, for a numeric target in %
 * (or in points for the 766 index, a count for the initiatives); null when it
 * names none.
 */
export function suggestIndicator(text: string, unit: string | null, value: number | null): IndicatorKey | null {
  if (value === null) return null;
  const t = fold(text);
  for (const key of SUGGEST_ORDER) {
    const info = indicatorInfo(key)!;
    if ((info.unit === "%") !== (unit?.trim() === "%")) continue;
    if (info.keywords.some((k) => t.includes(k))) return key;
  }
  return null;
}
