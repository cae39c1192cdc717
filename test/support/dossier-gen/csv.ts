import type { IsoDate } from "../../../src/domain/dates.js";
import type { Dossier, Feedback, FeedbackStatus, Procedure, Rating, TimeUnit } from "../../../src/domain/indicators/types.js";
import { Rng, hashString } from "./prng.js";

/**
 * The contract CSV files (shared/contracts/dossiers.md) for generated records,
 * as lines (header first, no line terminator), so that a million rows can be
 * written to a stream without ever being one string. Values are written in the
 * many spellings the contract accepts (codes and labels, bools as 1/Có/x,
 * money with thousands separators, dates as YYYY-MM-DD, DD/MM/YYYY or
 * yyyyMMddHHmmss): reading a line back gives exactly the record. The spelling
 * of a row depends only on the seed and the record's code.
 */

export const DOSSIER_CSV_COLUMNS = [
  "MaHoSo", "MaTTHC", "TenTTHC", "MaLinhVuc", "TenLinhVuc", "DonViXuLy", "KenhThucHien", "MucDo", "LoaiDoiTuong", "TrangThaiHoSo",
  "NgayNopHoSo", "NgayTiepNhan", "NgayHenTra", "ThoiGianThucHien", "LoaiThoiGianThucHien", "NgayKetThucXuLy", "NgayTra", "NgayTuChoi",
  "SoLanBoSung", "NgayYeuCauBoSung", "NgayTiepNhanBoSung", "NgayXinLoi", "NgayHenTraMoi", "TongLePhi", "DuocThanhToanTrucTuyen",
  "DuocSoHoa", "DuocTaiSuDung", "DuocLayTuKhoDMQG", "KhaiThacCSDLDanCu", "DuongDanTepTinKetQua", "KetQuaDuocSoHoa", "KetQuaLuuKhoDMQG",
  "DongBoDVCQG", "TaiKhoanDuocXacThucVoiVNeID", "DanhGiaHaiLong", "CoPAKN",
] as const;
export const PROCEDURE_CSV_COLUMNS = [
  "MaTTHC", "TenTTHC", "CapThucHien", "MaLinhVuc", "TenLinhVuc", "MucDoDVCTT", "DuDieuKienToanTrinh", "CoPhiLePhi", "YeuCauKetQuaVanBan",
  "DoiTuongThucHien", "KetNoiDuLieuDanCu", "ChungThucDienTu", "ThoiGianThucHien", "LoaiThoiGianThucHien",
] as const;
export const FEEDBACK_CSV_COLUMNS = [
  "MaPAKN", "MaHoSo", "TieuDe", "NgayGui", "NgayTiepNhan", "NgayChuyenDen", "TrangThai", "NgayTuChoi", "NgayYeuCauBoSung",
  "NgayChoCongKhai", "NgayCongKhai", "PhanLoai", "SoLike", "SoDislike", "BiPhanAnhLai",
] as const;

/** RFC 4180 quoting, only where needed. */
export function csvField(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}
const line = (cells: string[]) => cells.map(csvField).join(",");

/** Joins lines into one file text (small files only). */
export const csvText = (lines: Iterable<string>) => [...lines].join("\n") + "\n";

const p2 = (n: number) => String(n).padStart(2, "0");

/** Formatting choices of one row. */
class Spelling {
  private readonly rng: Rng;
  private readonly style: "iso" | "iso-time" | "vi" | "vi-short" | "vi-time" | "dvcqg";

  constructor(seed: number, code: string) {
    this.rng = new Rng((hashString(code) ^ seed) >>> 0);
    this.style = this.rng.weighted([["iso", 75], ["iso-time", 5], ["vi", 8], ["vi-short", 2], ["vi-time", 3], ["dvcqg", 7]] as const);
  }

  pick<T>(xs: readonly T[]): T { return this.rng.pick(xs); }
  chance(p: number) { return this.rng.chance(p); }

  date(d: IsoDate | null): string {
    if (!d) return "";
    const [y, m, day] = d.split("-") as [string, string, string];
    const hh = p2(this.rng.int(7, 17)), mi = p2(this.rng.int(0, 59)), ss = p2(this.rng.int(0, 59));
    switch (this.style) {
      case "iso": return d;
      case "iso-time": return this.rng.chance(0.5) ? `${d} ${hh}:${mi}:${ss}` : `${d}T${hh}:${mi}`;
      case "vi": return `${day}/${m}/${y}`;
      case "vi-short": return `${Number(day)}/${Number(m)}/${y}`;
      case "vi-time": return `${day}/${m}/${y} ${hh}:${mi}`;
      case "dvcqg": return `${y}${m}${day}${hh}${mi}${ss}`;
    }
  }

  bool(b: boolean): string {
    return b ? this.rng.weighted([["1", 80], ["Có", 8], ["x", 5], ["true", 4], ["Y", 3]]) : this.rng.weighted([["0", 60], ["", 25], ["Không", 8], ["false", 4], ["N", 3]]);
  }
  /** A false that is not empty (for columns where empty means something else). */
  explicitFalse(): string { return this.pick(["0", "Không", "false"]); }

  money(n: number): string {
    if (n === 0) return this.pick(["0", "", "0"]);
    if (n < 1000) return String(n);
    const grouped = (sep: string) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, sep);
    return this.rng.weighted([[String(n), 60], [grouped("."), 25], [grouped(","), 10], [grouped(" "), 5]]);
  }

  number(n: number): string {
    return Number.isInteger(n) ? String(n) : this.chance(0.5) ? String(n).replace(".", ",") : String(n);
  }

  timeUnit(u: TimeUnit | null): string {
    if (u === null) return "";
    const labels: Record<TimeUnit, string[]> = {
      gio: ["giờ", "Giờ", "gio"], ngay: ["ngày", "Ngày", "ngay"], "ngay-lam-viec": ["ngày làm việc", "Ngày làm việc", "ngay-lam-viec"], thang: ["tháng", "Tháng", "thang"],
    };
    return this.pick(labels[u]);
  }
}

const STATUS_LABELS: Record<number, [string, string]> = {
  0: ["interoperating", "liên thông"], 1: ["receiving", "Mới đăng ký"], 2: ["new", "Được tiếp nhận"], 3: ["denied", "Không được tiếp nhận"],
  4: ["processing", "Đang xử lý"], 5: ["waiting", "Yêu cầu bổ sung giấy tờ"], 6: ["paying", "Yêu cầu thực hiện nghĩa vụ tài chính"],
  7: ["cancelled", "Công dân yêu cầu rút hồ sơ"], 8: ["unresolved", "Dừng xử lý"], 9: ["releasing", "Đã xử lý xong"], 10: ["done", "Đã trả kết quả"],
};
const CHANNEL_LABELS: Record<number, string[]> = { 1: ["Trực tiếp", "trực tiếp"], 2: ["Trực tuyến"], 3: ["BCCI", "Bưu chính công ích", "Bưu chính"] };
const LEVEL_LABELS: Record<number, string> = { 4: "Toàn trình", 3: "Một phần", 2: "Không trực tuyến" };
const APPLICANT_LABELS: Record<number, string> = { 1: "Công dân", 2: "Doanh nghiệp", 3: "Cơ quan nhà nước", 4: "Tổ chức, Khác" };
const RATING_LABELS: Record<Rating, string[]> = {
  "rat-hai-long": ["RẤT HÀI LÒNG", "Rất hài lòng", "rat hai long"], "hai-long": ["HÀI LÒNG", "Hài lòng", "like"], "khong-hai-long": ["KHÔNG HÀI LÒNG", "Không hài lòng", "dislike"],
};

function dossierCells(d: Dossier, s: Spelling): string[] {
  const status = s.chance(0.8) ? String(d.status) : s.pick(STATUS_LABELS[d.status]!);
  const channel = d.channel === 1 ? s.pick(["1", "1", "1", "", ...CHANNEL_LABELS[1]!]) : s.chance(0.8) ? String(d.channel) : s.pick(CHANNEL_LABELS[d.channel]!);
  const level = d.level === null ? "" : s.chance(0.8) ? String(d.level) : LEVEL_LABELS[d.level]!;
  const applicant = d.applicantType === null ? "" : s.chance(0.85) ? String(d.applicantType) : APPLICANT_LABELS[d.applicantType]!;
  // SoLanBoSung: empty = 1 with a request, 0 without.
  const rounds = d.supplementCount === (d.supplementRequested ? 1 : 0) && s.chance(0.4) ? "" : String(d.supplementCount);
  const payment = d.paidOnline === 0 ? s.pick(["0", "", "3", "0"]) : d.paidOnline === 1 ? s.pick(["1", "1", "1", "Có"]) : "2";
  const eResult = d.eResult ? s.pick([`https://dichvucong.gov.vn/ketqua/${d.code}.pdf`, `kq/${d.code}.pdf`, "1", "Có"]) : s.pick(["", "", "0", "Không"]);
  const resultDigitised = d.resultDigitised === null ? "" : d.resultDigitised ? s.bool(true) : s.explicitFalse();
  const rating = d.rating === null ? "" : s.pick(RATING_LABELS[d.rating]);
  return [
    d.code, d.procedureCode, d.procedureName ?? "", d.fieldCode ?? "", d.fieldName ?? "", d.unit ?? "", channel, level, applicant, status,
    s.date(d.submitted), s.date(d.accepted), s.date(d.due), d.timeLimit === null ? "" : s.number(d.timeLimit), s.timeUnit(d.timeUnit),
    s.date(d.ended), s.date(d.returned), s.date(d.refused), rounds, s.date(d.supplementRequested), s.date(d.supplementReturned),
    s.date(d.apology), s.date(d.newDue), s.money(d.fee), payment, s.bool(d.digitised), s.bool(d.reused), s.bool(d.fromStore),
    s.bool(d.citizenData), eResult, resultDigitised, s.bool(d.resultInStore), s.bool(d.synced), s.bool(d.vneid), rating, s.bool(d.hasFeedback),
  ];
}

/** The dossier file: header, then one line per record, streamed. */
export function* dossierCsvLines(records: Iterable<Dossier>, seed = 0): Generator<string> {
  yield DOSSIER_CSV_COLUMNS.join(",");
  for (const d of records) yield line(dossierCells(d, new Spelling(seed, d.code)));
}

const LEVEL_OF_CATALOGUE: Record<Procedure["onlineLevel"], string[]> = {
  "toan-trinh": ["toan-trinh", "Toàn trình", "4"], "mot-phan": ["mot-phan", "Một phần", "3"], khong: ["khong", "Không", "2", ""],
};
const LEVEL_NAMES: Record<string, string> = { xa: "Cấp xã", tinh: "Cấp tỉnh", bo: "Cấp bộ" };
const SUBJECT_NAMES: Record<string, string> = {
  "cong-dan": "Công dân Việt Nam", "nguoi-vn-o-nuoc-ngoai": "Người Việt Nam định cư ở nước ngoài", "nguoi-nuoc-ngoai": "Người nước ngoài",
  "to-chuc": "Tổ chức", "doanh-nghiep": "Doanh nghiệp",
};

export function* procedureCsvLines(records: Iterable<Procedure>, seed = 0): Generator<string> {
  yield PROCEDURE_CSV_COLUMNS.join(",");
  for (const p of records) {
    const s = new Spelling(seed, p.code);
    const list = (xs: string[], names: Record<string, string>, dflt: string) =>
      xs.length === 1 && xs[0] === dflt && s.chance(0.4) ? "" : s.chance(0.7) ? xs.join(";") : xs.map((x) => names[x]!).join("; ");
    yield line([
      p.code, p.name ?? "", list(p.levels, LEVEL_NAMES, "xa"), p.fieldCode ?? "", p.fieldName ?? "", s.pick(LEVEL_OF_CATALOGUE[p.onlineLevel]),
      s.bool(p.eligibleFullyOnline), s.bool(p.hasFee), p.writtenResult ? s.pick(["", "1", "Có"]) : s.explicitFalse(),
      list(p.subjects, SUBJECT_NAMES, "cong-dan"), s.bool(p.populationData), s.bool(p.eCertifiedCopy),
      p.timeLimit === null ? "" : s.number(p.timeLimit), s.timeUnit(p.timeUnit),
    ]);
  }
}

const FEEDBACK_LABELS: Record<FeedbackStatus, string[]> = {
  moi: ["Mới tiếp nhận VPCP", "Tiếp nhận ở địa phương"],
  "dang-xu-ly": ["Phản ánh trực tiếp xử lý", "Xử lý ở địa phương", "PAKN đã bổ sung", "Đã gửi email"],
  "cho-bo-sung": ["PA chờ bổ sung"], "cho-cong-khai": ["PAKN chờ công khai"], "da-cong-khai": ["PAKN đã công khai"],
  "tu-choi": ["Từ chối tiếp nhận"], "chuyen-di": ["BNĐP gửi trả VPCP", "Trả lại VPCP", "Gửi đi đơn vị khác bằng phần mềm riêng"],
};
const CATEGORY_LABELS = { "quy-dinh": ["quy-dinh", "Quy định hành chính", "TTHC"], "hanh-vi": ["hanh-vi", "Hành vi CBCCVC", "Cán bộ"] };

export function* feedbackCsvLines(records: Iterable<Feedback>, seed = 0): Generator<string> {
  yield FEEDBACK_CSV_COLUMNS.join(",");
  for (const f of records) {
    const s = new Spelling(seed, f.code);
    yield line([
      f.code, f.dossierCode ?? "", f.subject ?? "", s.date(f.sent), s.date(f.received), s.date(f.forwarded),
      s.chance(0.6) ? f.status : s.pick(FEEDBACK_LABELS[f.status]), s.date(f.refused), s.date(f.supplementRequested),
      s.date(f.awaitingPublication), s.date(f.published), f.category === null ? "" : s.pick(CATEGORY_LABELS[f.category]),
      f.likes === 0 && s.chance(0.5) ? "" : String(f.likes), f.dislikes === 0 && s.chance(0.5) ? "" : String(f.dislikes),
      s.bool(f.complainedAgain),
    ]);
  }
}
