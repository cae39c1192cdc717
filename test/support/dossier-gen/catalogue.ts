import type { Procedure, TimeUnit } from "../../../src/domain/indicators/types.js";

/**
 * A commune's procedure catalogue (TTHC cấp xã), ~40 rows modelled on CSDLQG
 * về TTHC: every online level, fee and no fee, written result or not,
 * citizen-facing or not, time limits in every unit (giờ, ngày, ngày làm việc,
 * tháng) and none, a few procedures of other levels (left out of every
 * indicator) and the electronic certified-copy service.
 */

/** Handling units of a commune after the 2025 reorganisation. */
export const UNITS = {
  office: "Văn phòng HĐND và UBND",
  economy: "Phòng Kinh tế",
  social: "Phòng Văn hóa - Xã hội",
  centre: "Trung tâm Phục vụ hành chính công",
} as const;

export interface Field { code: string; name: string; unit: string }
export const FIELDS: Record<string, Field> = {
  HT: { code: "HT", name: "Hộ tịch", unit: UNITS.office },
  CT: { code: "CT", name: "Chứng thực", unit: UNITS.office },
  DD: { code: "DD", name: "Đất đai", unit: UNITS.economy },
  XD: { code: "XD", name: "Xây dựng", unit: UNITS.economy },
  HKD: { code: "HKD", name: "Thành lập và hoạt động của hộ kinh doanh", unit: UNITS.economy },
  NN: { code: "NN", name: "Nông nghiệp", unit: UNITS.economy },
  MT: { code: "MT", name: "Môi trường", unit: UNITS.economy },
  BTXH: { code: "BTXH", name: "Bảo trợ xã hội", unit: UNITS.social },
  NCC: { code: "NCC", name: "Người có công", unit: UNITS.social },
  VH: { code: "VH", name: "Văn hóa cơ sở", unit: UNITS.social },
  GD: { code: "GD", name: "Giáo dục và Đào tạo", unit: UNITS.social },
  TG: { code: "TG", name: "Tín ngưỡng, tôn giáo", unit: UNITS.social },
  TE: { code: "TE", name: "Trẻ em", unit: UNITS.social },
  TDKT: { code: "TDKT", name: "Thi đua, khen thưởng", unit: UNITS.office },
  KN: { code: "KN", name: "Giải quyết khiếu nại", unit: UNITS.office },
  HG: { code: "HG", name: "Hòa giải ở cơ sở", unit: UNITS.office },
  NCN: { code: "NCN", name: "Nuôi con nuôi", unit: UNITS.office },
};

type Row = [
  code: string, name: string, field: keyof typeof FIELDS, online: Procedure["onlineLevel"], eligible: boolean, fee: boolean,
  written: boolean, subjects: string, population: boolean, limit: number | null, unit: TimeUnit | null, weight: number, levels?: string,
];

// weight = relative number of dossiers a commune receives for the TTHC.
const ROWS: Row[] = [
  ["1.001193", "Đăng ký khai sinh", "HT", "toan-trinh", true, false, true, "cong-dan", true, 8, "gio", 12],
  ["1.000656", "Đăng ký khai tử", "HT", "toan-trinh", true, false, true, "cong-dan", true, 8, "gio", 4],
  ["1.000894", "Đăng ký kết hôn", "HT", "mot-phan", false, false, true, "cong-dan", true, 5, "ngay-lam-viec", 4],
  ["1.004873", "Cấp Giấy xác nhận tình trạng hôn nhân", "HT", "toan-trinh", true, true, true, "cong-dan;nguoi-vn-o-nuoc-ngoai", true, 3, "ngay-lam-viec", 8],
  ["2.000635", "Cấp bản sao trích lục hộ tịch", "HT", "toan-trinh", true, true, true, "cong-dan", true, 8, "gio", 6],
  ["1.001022", "Đăng ký nhận cha, mẹ, con", "HT", "mot-phan", true, true, true, "cong-dan", true, 3, "ngay-lam-viec", 1],
  ["1.004746", "Đăng ký lại khai sinh", "HT", "mot-phan", false, true, true, "cong-dan", true, 5, "ngay-lam-viec", 1],
  ["1.001702", "Liên thông đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi", "HT", "toan-trinh", true, false, true, "cong-dan", true, 5, "ngay-lam-viec", 5],
  ["2.000815", "Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan có thẩm quyền của Việt Nam cấp", "CT", "mot-phan", false, true, true, "cong-dan;to-chuc;nguoi-nuoc-ngoai", false, 8, "gio", 15],
  ["2.000884", "Chứng thực chữ ký trong các giấy tờ, văn bản", "CT", "khong", false, true, true, "cong-dan;nguoi-vn-o-nuoc-ngoai", false, 8, "gio", 6],
  ["2.001035", "Chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản", "CT", "khong", false, true, true, "cong-dan;to-chuc", false, 2, "ngay-lam-viec", 2],
  ["2.000913", "Cấp bản sao điện tử được chứng thực từ bản chính", "CT", "toan-trinh", true, true, true, "cong-dan;to-chuc", false, 4, "gio", 5],
  ["2.000908", "Chứng thực việc sửa đổi, bổ sung, hủy bỏ hợp đồng, giao dịch", "CT", "khong", false, true, true, "cong-dan", false, 2, "ngay-lam-viec", 1],
  ["1.004227", "Đăng ký đất đai, tài sản gắn liền với đất lần đầu", "DD", "mot-phan", false, true, true, "cong-dan;to-chuc", true, 20, "ngay-lam-viec", 3],
  ["1.012345", "Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất", "DD", "mot-phan", true, true, true, "cong-dan;to-chuc", true, 10, "ngay-lam-viec", 3],
  ["1.003003", "Hòa giải tranh chấp đất đai", "DD", "khong", false, false, true, "cong-dan;to-chuc", false, 45, "ngay", 1],
  ["1.009994", "Cấp giấy phép xây dựng nhà ở riêng lẻ", "XD", "toan-trinh", true, true, true, "cong-dan", false, 15, "ngay", 2],
  ["1.001612", "Đăng ký thành lập hộ kinh doanh", "HKD", "toan-trinh", true, true, true, "cong-dan", true, 3, "ngay-lam-viec", 3],
  ["2.000575", "Đăng ký thay đổi nội dung đăng ký hộ kinh doanh", "HKD", "toan-trinh", true, true, true, "cong-dan", true, 3, "ngay-lam-viec", 2],
  ["2.000720", "Tạm ngừng kinh doanh, tiếp tục kinh doanh trước thời hạn đã thông báo của hộ kinh doanh", "HKD", "toan-trinh", true, false, true, "cong-dan", false, 3, "ngay-lam-viec", 1],
  ["1.001776", "Trợ giúp xã hội khẩn cấp về hỗ trợ chi phí mai táng", "BTXH", "mot-phan", false, false, true, "cong-dan", true, 3, "ngay-lam-viec", 1],
  ["2.000286", "Thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội hằng tháng", "BTXH", "mot-phan", true, false, true, "cong-dan", true, 15, "ngay-lam-viec", 2],
  ["1.001731", "Xác nhận \"hộ nghèo\", \"hộ cận nghèo\" phát sinh trong năm", "BTXH", "mot-phan", false, false, true, "cong-dan", true, 15, "ngay", 1],
  ["1.010813", "Giải quyết chế độ trợ cấp một lần đối với người có công với cách mạng", "NCC", "mot-phan", false, false, true, "cong-dan", true, 1, "thang", 1],
  ["1.003608", "Xác nhận vào đơn đề nghị di chuyển hài cốt liệt sĩ", "NCC", "khong", false, false, true, "cong-dan", false, 2, "thang", 0.5],
  ["1.000954", "Xét tặng danh hiệu Gia đình văn hóa", "VH", "khong", false, false, true, "cong-dan", false, null, null, 1],
  ["1.004659", "Thông báo tổ chức lễ hội cấp xã", "VH", "mot-phan", false, false, false, "cong-dan;to-chuc", false, 15, "ngay-lam-viec", 0.5],
  ["1.001600", "Xét tặng danh hiệu Lao động tiên tiến", "TDKT", "khong", false, false, true, "cong-dan", false, null, null, 0.5],
  ["2.000346", "Khen thưởng thành tích đột xuất", "TDKT", "khong", false, false, true, "cong-dan;to-chuc", false, 20, "ngay-lam-viec", 0.5],
  ["2.002228", "Giải quyết khiếu nại lần đầu", "KN", "khong", false, false, true, "cong-dan;to-chuc", false, 30, "ngay", 0.5],
  ["2.000437", "Thực hiện hòa giải ở cơ sở", "HG", "khong", false, false, false, "cong-dan", false, null, null, 0.3],
  ["1.003005", "Đăng ký việc nuôi con nuôi trong nước", "NCN", "mot-phan", false, true, true, "cong-dan;nguoi-vn-o-nuoc-ngoai", true, 30, "ngay", 0.3],
  ["1.004492", "Hỗ trợ học tập cho trẻ mẫu giáo, học sinh tiểu học, trung học cơ sở", "GD", "mot-phan", true, false, true, "cong-dan", true, 10, "ngay-lam-viec", 0.5],
  ["1.004443", "Cho phép cơ sở giáo dục khác thực hiện chương trình giáo dục tiểu học", "GD", "khong", false, false, true, "to-chuc", false, 20, "ngay-lam-viec", 0.1],
  ["1.001055", "Đăng ký hoạt động tín ngưỡng", "TG", "mot-phan", false, false, true, "to-chuc", false, 15, "ngay", 0.3],
  ["1.003596", "Thông báo danh mục hoạt động tôn giáo đối với tổ chức có địa bàn hoạt động ở một xã", "TG", "khong", false, false, false, "to-chuc;doanh-nghiep", false, 20, "ngay", 0.2],
  ["2.001944", "Áp dụng các biện pháp can thiệp khẩn cấp hoặc tạm thời cách ly trẻ em", "TE", "khong", false, false, true, "cong-dan", false, 12, "gio", 0.1],
  ["1.008004", "Phê duyệt kế hoạch khuyến nông địa phương", "NN", "khong", false, false, true, "to-chuc", false, 5, "ngay-lam-viec", 0.2, "xa;tinh"],
  ["1.000775", "Hỗ trợ khôi phục sản xuất vùng bị thiệt hại do thiên tai", "NN", "mot-phan", true, false, true, "cong-dan;doanh-nghiep", true, 1, "thang", 0.3, "xa;tinh"],
  ["1.005412", "Cấp giấy phép khai thác, sử dụng nước mặt", "MT", "toan-trinh", true, true, true, "to-chuc;doanh-nghiep", false, 30, "ngay", 0.3, "tinh"],
  ["2.001824", "Cấp giấy phép đủ điều kiện kinh doanh dịch vụ karaoke", "VH", "toan-trinh", true, true, true, "doanh-nghiep", false, 5, "ngay-lam-viec", 0.2, "tinh;bo"],
];

/** Codes that dossiers use but the catalogue does not list (each gets the defaults and one warning). */
export const UNKNOWN_PROCEDURES = [
  { code: "1.999001", name: "Thủ tục chưa có trong danh mục của xã", field: "HT" as const },
  { code: "2.999002", name: "Thủ tục liên thông từ cấp tỉnh", field: "DD" as const },
];

export interface CatalogueEntry { procedure: Procedure; weight: number; field: Field }

/** The catalogue, with the relative dossier frequency of each TTHC. The same for every seed. */
export function procedureCatalogue(): CatalogueEntry[] {
  return ROWS.map(([code, name, field, online, eligible, fee, written, subjects, population, limit, unit, weight, levels]) => {
    const f = FIELDS[field]!;
    return {
      weight,
      field: f,
      procedure: {
        code, name, levels: (levels ?? "xa").split(";"), fieldCode: f.code, fieldName: f.name, onlineLevel: online,
        eligibleFullyOnline: eligible, hasFee: fee, writtenResult: written, subjects: subjects.split(";"), populationData: population,
        eCertifiedCopy: code === "2.000913", timeLimit: limit, timeUnit: unit,
      },
    };
  });
}
