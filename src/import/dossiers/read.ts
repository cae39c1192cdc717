import type { IsoDate } from "../../domain/dates.js";
import { fold } from "../../domain/text.js";
import type { Channel, Dossier, DossierStatus, Feedback, FeedbackStatus, OnlineLevel, Procedure, Rating, TimeUnit } from "../../domain/indicators/types.js";
import { type Column, type Issue, RowReader, readTable } from "./table.js";
import { enumParser, parseBool, parseDate, parseInt_, parseList, parseNumber, vi } from "./values.js";

/** `rowNumbers[i]` = the file row of `records[i]` (header = row 1). */
export interface ReadResult<T> { records: T[]; rowNumbers: number[]; rows: number; accepted: number; rejected: number; issues: Issue[]; present: Set<string> }

const col = (key: string, aliases: string, required = false): Column => ({ key, aliases: aliases ? aliases.split(";").map((s) => s.trim()) : [], required });

export const DOSSIER_COLUMNS: Column[] = [
  col("MaHoSo", "Mã hồ sơ; Số hồ sơ", true), col("MaTTHC", "Mã TTHC; Mã thủ tục", true),
  col("TenTTHC", "Tên TTHC; Tên thủ tục; Thủ tục"), col("MaLinhVuc", "Mã lĩnh vực"), col("TenLinhVuc", "Lĩnh vực; Tên lĩnh vực"),
  col("DonViXuLy", "Đơn vị xử lý; Cơ quan giải quyết"), col("KenhThucHien", "Kênh thực hiện; Kênh nộp; Hình thức nộp"),
  col("MucDo", "Mức độ; Mức độ DVC"), col("LoaiDoiTuong", "Loại đối tượng"), col("TrangThaiHoSo", "Trạng thái; Trạng thái hồ sơ", true),
  col("NgayNopHoSo", "Ngày nộp; Ngày nộp hồ sơ"), col("NgayTiepNhan", "Ngày tiếp nhận"), col("NgayHenTra", "Ngày hẹn trả; Ngày hẹn trả kết quả"),
  col("ThoiGianThucHien", "Thời hạn giải quyết; Thời gian thực hiện"), col("LoaiThoiGianThucHien", "Đơn vị thời hạn"),
  col("NgayKetThucXuLy", "Ngày kết thúc xử lý; Ngày hoàn thành; Ngày có kết quả"), col("NgayTra", "Ngày trả; Ngày trả kết quả"),
  col("NgayTuChoi", "Ngày từ chối"), col("SoLanBoSung", "Số lần bổ sung"), col("NgayYeuCauBoSung", "Ngày yêu cầu bổ sung"),
  col("NgayTiepNhanBoSung", "Ngày tiếp nhận bổ sung; Ngày hoàn thành bổ sung"), col("NgayXinLoi", "Ngày xin lỗi; Ngày phiếu xin lỗi"),
  col("NgayHenTraMoi", "Ngày hẹn trả mới; Ngày hẹn lại"), col("TongLePhi", "Phí, lệ phí; Lệ phí; Tổng phí lệ phí"),
  col("DuocThanhToanTrucTuyen", "Thanh toán trực tuyến"), col("DuocSoHoa", "Số hóa; Đã số hóa; Số hóa thành phần hồ sơ"),
  col("DuocTaiSuDung", "Tái sử dụng; HoSoCoThanhPhanSoHoa"), col("DuocLayTuKhoDMQG", "Lấy từ kho DVCQG; Kho dữ liệu công dân"),
  col("KhaiThacCSDLDanCu", "Khai thác CSDL dân cư; Dữ liệu dân cư"), col("DuongDanTepTinKetQua", "Kết quả điện tử; Tệp kết quả; Có kết quả điện tử"),
  col("KetQuaDuocSoHoa", "Kết quả số hóa; Số hóa kết quả"), col("KetQuaLuuKhoDMQG", "Kết quả lưu kho DVCQG"),
  col("DongBoDVCQG", "Đồng bộ DVCQG; Đã đồng bộ"), col("TaiKhoanDuocXacThucVoiVNeID", "VNeID; Xác thực VNeID"),
  col("DanhGiaHaiLong", "Đánh giá; Mức độ hài lòng"), col("CoPAKN", "Có PAKN; Có phản ánh"),
];
/** Optional dossier columns the indicators read (a warning when missing). */
const USED_DOSSIER = ["KenhThucHien", "MucDo", "NgayHenTra", "NgayKetThucXuLy", "TongLePhi", "DuocThanhToanTrucTuyen", "DuocSoHoa", "DuocTaiSuDung", "DuocLayTuKhoDMQG", "DuongDanTepTinKetQua", "DongBoDVCQG", "TaiKhoanDuocXacThucVoiVNeID", "DanhGiaHaiLong"];

const timeUnit = enumParser<TimeUnit>("đơn vị thời hạn", [["gio", ["giờ"]], ["ngay", ["ngày"]], ["ngay-lam-viec", ["ngày làm việc"]], ["thang", ["tháng"]]]);
const channel = enumParser<Channel>("kênh thực hiện", [[1, ["Trực tiếp"]], [2, ["Trực tuyến"]], [3, ["Bưu chính", "BCCI", "Bưu chính công ích"]]]);
const level = enumParser<number>("mức độ", [[4, ["Toàn trình"]], [3, ["Một phần"]], [2, ["Không trực tuyến"]]]);
const applicant = enumParser<number>("loại đối tượng", [[1, ["Công dân"]], [2, ["Doanh nghiệp"]], [3, ["Cơ quan nhà nước"]], [4, ["Tổ chức", "Khác", "Tổ chức, Khác"]]]);
export const parseStatus = enumParser<DossierStatus>("trạng thái hồ sơ", [
  [0, ["interoperating", "posting", "liên thông"]], [1, ["receiving", "Mới đăng ký"]], [2, ["new", "Được tiếp nhận"]],
  [3, ["denied", "Không được tiếp nhận"]], [4, ["processing", "Đang xử lý"]], [5, ["waiting", "Yêu cầu bổ sung giấy tờ"]],
  [6, ["paying", "Yêu cầu thực hiện nghĩa vụ tài chính"]], [7, ["cancelled", "Công dân yêu cầu rút hồ sơ"]],
  [8, ["unresolved", "Dừng xử lý"]], [9, ["releasing", "Đã xử lý xong"]], [10, ["done", "Đã trả kết quả"]],
]);
const rating = enumParser<Rating>("đánh giá", [["rat-hai-long", ["RẤT HÀI LÒNG"]], ["hai-long", ["HÀI LÒNG", "like"]], ["khong-hai-long", ["KHÔNG HÀI LÒNG", "dislike"]]]);
const payment = (raw: string) => {
  const f = fold(raw);
  if (f === "1" || f === "2") return { ok: true as const, value: Number(f) as 1 | 2 };
  if (f === "3" || f === "0") return { ok: true as const, value: 0 as const };
  const b = parseBool(raw);
  return b.ok ? { ok: true as const, value: (b.value ? 1 : 0) as 0 | 1 } : { ok: false as const, reason: `thanh toán trực tuyến không hợp lệ "${raw}"` };
};
/** Any value other than empty or a false bool = an e-result. */
const hasLink = (raw: string) => { const b = parseBool(raw); return b.ok ? b.value : raw.trim() !== ""; };

export function readDossierGrid(grid: string[][], file: string): ReadResult<Dossier> {
  const t = readTable(grid, DOSSIER_COLUMNS, file);
  const issues = [...t.issues];
  for (const k of USED_DOSSIER) if (!t.present.has(k)) issues.push({ row: 1, column: k, message: `thiếu cột ${k}, coi như để trống`, warning: true });
  const seen = new Set<string>();
  const records: Dossier[] = [];
  const rowNumbers: number[] = [];
  let rejected = 0;
  for (const tr of t.rows) {
    const r = new RowReader(tr);
    const date = (k: string) => r.get(k, parseDate);
    const bool = (k: string) => r.get(k, parseBool) ?? false;
    const code = r.get("MaHoSo", (s) => ({ ok: true, value: s }), true);
    const status = r.get("TrangThaiHoSo", parseStatus, true);
    const submitted = date("NgayNopHoSo"), accepted = date("NgayTiepNhan"), due = date("NgayHenTra");
    const ended = date("NgayKetThucXuLy"), returned = date("NgayTra"), refused = date("NgayTuChoi");
    const request = date("NgayYeuCauBoSung"), back = date("NgayTiepNhanBoSung"), apology = date("NgayXinLoi"), newDue = date("NgayHenTraMoi");
    const rounds = r.get("SoLanBoSung", parseInt_);
    const proc = r.get("MaTTHC", (s) => ({ ok: true, value: s }), true);
    const d: Dossier = {
      code: code ?? "", procedureCode: proc ?? "", procedureName: r.raw("TenTTHC") || null, fieldCode: r.raw("MaLinhVuc") || null,
      fieldName: r.raw("TenLinhVuc") || null, unit: r.raw("DonViXuLy") || null, channel: r.get("KenhThucHien", channel) ?? 1,
      level: r.get("MucDo", level), applicantType: r.get("LoaiDoiTuong", applicant), status: status ?? 4,
      submitted, accepted, due, timeLimit: r.get("ThoiGianThucHien", parseNumber), timeUnit: r.get("LoaiThoiGianThucHien", timeUnit),
      ended, returned, refused, supplementCount: rounds ?? (request ? 1 : 0), supplementRequested: request, supplementReturned: back,
      apology, newDue, fee: r.get("TongLePhi", parseInt_) ?? 0, paidOnline: r.get("DuocThanhToanTrucTuyen", payment) ?? 0,
      digitised: bool("DuocSoHoa"), reused: bool("DuocTaiSuDung"), fromStore: bool("DuocLayTuKhoDMQG"), citizenData: bool("KhaiThacCSDLDanCu"),
      eResult: hasLink(r.raw("DuongDanTepTinKetQua")), resultDigitised: r.get("KetQuaDuocSoHoa", parseBool), resultInStore: bool("KetQuaLuuKhoDMQG"),
      synced: bool("DongBoDVCQG"), vneid: bool("TaiKhoanDuocXacThucVoiVNeID"), rating: r.get("DanhGiaHaiLong", rating), hasFeedback: bool("CoPAKN"),
    };
    if (code !== null) {
      if (seen.has(code)) r.fail("MaHoSo", `mã hồ sơ ${code} trùng với một dòng trước`);
      seen.add(code);
    }
    if (status !== null) {
      if ((status === 1 || status === 3) && !r.raw("NgayNopHoSo")) r.fail("NgayNopHoSo", "thiếu ngày nộp hồ sơ (bắt buộc với trạng thái 1, 3)");
      if (status !== 1 && status !== 3 && !r.raw("NgayTiepNhan")) r.fail("NgayTiepNhan", "thiếu ngày tiếp nhận");
      if ((status === 7 || status === 9) && !r.raw("NgayKetThucXuLy")) r.fail("NgayKetThucXuLy", `trạng thái ${status} cần ngày kết thúc xử lý`);
      if (status === 10 && !r.raw("NgayKetThucXuLy") && !r.raw("NgayTra")) r.fail("NgayKetThucXuLy", "trạng thái 10 cần ngày kết thúc xử lý hoặc ngày trả");
      if (status === 8 && !r.raw("NgayKetThucXuLy") && !r.raw("NgayTuChoi")) r.fail("NgayKetThucXuLy", "trạng thái 8 cần ngày kết thúc xử lý hoặc ngày từ chối");
      if (status === 5 && !r.raw("NgayYeuCauBoSung")) r.fail("NgayYeuCauBoSung", "trạng thái 5 cần ngày yêu cầu bổ sung");
    }
    if (rounds !== null && rounds >= 1 && !r.raw("NgayYeuCauBoSung")) r.fail("NgayYeuCauBoSung", "có lần bổ sung nhưng thiếu ngày yêu cầu bổ sung");
    const before = (k: string, a: IsoDate | null, b: IsoDate | null, what: string, ref: string) => {
      if (a && b && a < b) r.fail(k, `${what} ${vi(a)} trước ${ref} ${vi(b)}`);
    };
    before("NgayTiepNhan", accepted, submitted, "ngày tiếp nhận", "ngày nộp");
    before("NgayHenTra", due, accepted, "ngày hẹn trả", "ngày tiếp nhận");
    before("NgayKetThucXuLy", ended, accepted, "ngày kết thúc xử lý", "ngày tiếp nhận");
    before("NgayTra", returned, accepted, "ngày trả", "ngày tiếp nhận");
    before("NgayYeuCauBoSung", request, accepted, "ngày yêu cầu bổ sung", "ngày tiếp nhận");
    before("NgayTiepNhanBoSung", back, request, "ngày tiếp nhận bổ sung", "ngày yêu cầu bổ sung");
    if (newDue && due && newDue <= due) r.fail("NgayHenTraMoi", `ngày hẹn trả mới ${vi(newDue)} không sau ngày hẹn trả ${vi(due)}`);
    if (newDue && !r.raw("NgayXinLoi")) r.fail("NgayHenTraMoi", "có ngày hẹn trả mới nhưng thiếu ngày xin lỗi");
    if (r.problems.length) { rejected++; issues.push(...r.problems); } else { records.push(d); rowNumbers.push(r.row); }
  }
  return { records, rowNumbers, rows: t.rows.length, accepted: records.length, rejected, issues, present: t.present };
}

export const PROCEDURE_COLUMNS: Column[] = [
  col("MaTTHC", "Mã TTHC; Mã thủ tục", true), col("TenTTHC", "Tên TTHC; Tên thủ tục"), col("CapThucHien", "Cấp thực hiện"),
  col("MaLinhVuc", "Mã lĩnh vực"), col("TenLinhVuc", "Lĩnh vực"), col("MucDoDVCTT", "Mức độ DVCTT; DVC trực tuyến"),
  col("DuDieuKienToanTrinh", "Đủ điều kiện toàn trình"), col("CoPhiLePhi", "Có phí, lệ phí; Phí, lệ phí"),
  col("YeuCauKetQuaVanBan", "Trả kết quả bằng văn bản; Kết quả bằng văn bản"), col("DoiTuongThucHien", "Đối tượng thực hiện"),
  col("KetNoiDuLieuDanCu", "Kết nối dữ liệu dân cư"), col("ChungThucDienTu", "Chứng thực điện tử; Chứng thực bản sao điện tử"),
  col("ThoiGianThucHien", "Thời hạn giải quyết"), col("LoaiThoiGianThucHien", "Đơn vị thời hạn"),
];
const onlineLevel = enumParser<OnlineLevel>("mức độ DVCTT", [["toan-trinh", ["Toàn trình", "4"]], ["mot-phan", ["Một phần", "3"]], ["khong", ["Không", "2"]]]);
const levelItem = enumParser<string>("cấp thực hiện", [["xa", ["Cấp xã"]], ["tinh", ["Cấp tỉnh"]], ["bo", ["Cấp bộ"]]]);
const subjectItem = enumParser<string>("đối tượng thực hiện", [["cong-dan", ["Công dân Việt Nam", "Công dân"]], ["nguoi-vn-o-nuoc-ngoai", ["Người Việt Nam định cư ở nước ngoài"]], ["nguoi-nuoc-ngoai", ["Người nước ngoài"]], ["to-chuc", ["Tổ chức"]], ["doanh-nghiep", ["Doanh nghiệp"]]]);
function listOf(item: (s: string) => ReturnType<typeof levelItem>) {
  return (raw: string) => {
    const out: string[] = [];
    for (const s of parseList(raw)) { const p = item(s); if (!p.ok) return p; out.push(p.value); }
    return { ok: true as const, value: out };
  };
}

export function readProcedureGrid(grid: string[][], file: string): ReadResult<Procedure> {
  const t = readTable(grid, PROCEDURE_COLUMNS, file);
  const issues = [...t.issues];
  const seen = new Set<string>();
  const records: Procedure[] = [];
  const rowNumbers: number[] = [];
  let rejected = 0;
  for (const tr of t.rows) {
    const r = new RowReader(tr);
    const bool = (k: string, dflt = false) => r.get(k, parseBool) ?? dflt;
    const code = r.get("MaTTHC", (s) => ({ ok: true, value: s }), true);
    if (code !== null) { if (seen.has(code)) r.fail("MaTTHC", `mã TTHC ${code} trùng với một dòng trước`); seen.add(code); }
    const p: Procedure = {
      code: code ?? "", name: r.raw("TenTTHC") || null, levels: r.get("CapThucHien", listOf(levelItem)) ?? ["xa"],
      fieldCode: r.raw("MaLinhVuc") || null, fieldName: r.raw("TenLinhVuc") || null, onlineLevel: r.get("MucDoDVCTT", onlineLevel) ?? "khong",
      eligibleFullyOnline: bool("DuDieuKienToanTrinh"), hasFee: bool("CoPhiLePhi"), writtenResult: bool("YeuCauKetQuaVanBan", true),
      subjects: r.get("DoiTuongThucHien", listOf(subjectItem)) ?? ["cong-dan"], populationData: bool("KetNoiDuLieuDanCu"),
      eCertifiedCopy: bool("ChungThucDienTu"), timeLimit: r.get("ThoiGianThucHien", parseNumber), timeUnit: r.get("LoaiThoiGianThucHien", timeUnit),
    };
    if (p.levels.length === 0) p.levels = ["xa"];
    if (p.subjects.length === 0) p.subjects = ["cong-dan"];
    if (r.problems.length) { rejected++; issues.push(...r.problems); } else { records.push(p); rowNumbers.push(r.row); }
  }
  return { records, rowNumbers, rows: t.rows.length, accepted: records.length, rejected, issues, present: t.present };
}

export const FEEDBACK_COLUMNS: Column[] = [
  col("MaPAKN", "Mã PAKN; Mã phản ánh", true), col("MaHoSo", "Mã hồ sơ"), col("TieuDe", "Tiêu đề; Nội dung"), col("NgayGui", "Ngày gửi", true),
  col("NgayTiepNhan", "Ngày tiếp nhận"), col("NgayChuyenDen", "Ngày chuyển đến"), col("TrangThai", "Trạng thái", true),
  col("NgayTuChoi", "Ngày từ chối; Ngày chuyển đi"), col("NgayYeuCauBoSung", "Ngày yêu cầu bổ sung"),
  col("NgayChoCongKhai", "Ngày chờ công khai; Ngày xử lý xong"), col("NgayCongKhai", "Ngày công khai"), col("PhanLoai", "Phân loại"),
  col("SoLike", "Số lượt thích; Like"), col("SoDislike", "Số lượt không thích; Dislike"), col("BiPhanAnhLai", "Bị phản ánh lại; Phản ánh lại"),
];
export const parseFeedbackStatus = enumParser<FeedbackStatus>("trạng thái PAKN", [
  ["moi", ["Mới tiếp nhận VPCP", "Tiếp nhận ở địa phương"]],
  ["dang-xu-ly", ["Phản ánh trực tiếp xử lý", "Xử lý ở địa phương", "PAKN đã bổ sung", "Phản ánh đã bổ sung", "Đã gửi email", "Trả lại tiếp nhận địa phương"]],
  ["cho-bo-sung", ["PA chờ bổ sung"]], ["cho-cong-khai", ["PAKN chờ công khai"]], ["da-cong-khai", ["PAKN đã công khai"]],
  ["tu-choi", ["Từ chối tiếp nhận"]],
  ["chuyen-di", ["BNĐP gửi trả lại BNĐP khác", "BNĐP gửi trả VPCP", "Trả lại VPCP", "Gửi đi đơn vị khác bằng phần mềm riêng"]],
]);
const category = enumParser<"quy-dinh" | "hanh-vi">("phân loại", [["quy-dinh", ["Quy định hành chính", "Thủ tục hành chính", "TTHC"]], ["hanh-vi", ["Hành vi", "Hành vi CBCCVC", "Cán bộ"]]]);

export function readFeedbackGrid(grid: string[][], file: string): ReadResult<Feedback> {
  const t = readTable(grid, FEEDBACK_COLUMNS, file);
  const issues = [...t.issues];
  const seen = new Set<string>();
  const records: Feedback[] = [];
  const rowNumbers: number[] = [];
  let rejected = 0;
  for (const tr of t.rows) {
    const r = new RowReader(tr);
    const date = (k: string) => r.get(k, parseDate);
    const code = r.get("MaPAKN", (s) => ({ ok: true, value: s }), true);
    if (code !== null) { if (seen.has(code)) r.fail("MaPAKN", `mã PAKN ${code} trùng với một dòng trước`); seen.add(code); }
    const sent = r.get("NgayGui", parseDate, true);
    const status = r.get("TrangThai", parseFeedbackStatus, true);
    const f: Feedback = {
      code: code ?? "", dossierCode: r.raw("MaHoSo") || null, subject: r.raw("TieuDe") || null, sent: sent ?? "",
      received: date("NgayTiepNhan"), forwarded: date("NgayChuyenDen"), status: status ?? "moi", refused: date("NgayTuChoi"),
      supplementRequested: date("NgayYeuCauBoSung"), awaitingPublication: date("NgayChoCongKhai"), published: date("NgayCongKhai"),
      category: r.get("PhanLoai", category), likes: r.get("SoLike", parseInt_) ?? 0, dislikes: r.get("SoDislike", parseInt_) ?? 0,
      complainedAgain: r.get("BiPhanAnhLai", parseBool) ?? false,
    };
    if (status !== null) {
      const need = (k: string, what: string) => { if (!r.raw(k)) r.fail(k, `trạng thái ${status} cần ${what}`); };
      if (status === "tu-choi" || status === "chuyen-di") need("NgayTuChoi", "ngày từ chối / chuyển đi");
      if (status === "cho-bo-sung") need("NgayYeuCauBoSung", "ngày yêu cầu bổ sung");
      if (status === "cho-cong-khai" || status === "da-cong-khai") need("NgayChoCongKhai", "ngày chờ công khai");
      if (status === "da-cong-khai") need("NgayCongKhai", "ngày công khai");
    }
    if (sent) {
      for (const k of ["NgayTiepNhan", "NgayChuyenDen", "NgayTuChoi", "NgayYeuCauBoSung", "NgayChoCongKhai", "NgayCongKhai"] as const) {
        const v = { NgayTiepNhan: f.received, NgayChuyenDen: f.forwarded, NgayTuChoi: f.refused, NgayYeuCauBoSung: f.supplementRequested, NgayChoCongKhai: f.awaitingPublication, NgayCongKhai: f.published }[k];
        if (v && v < sent) r.fail(k, `${vi(v)} trước ngày gửi ${vi(sent)}`);
      }
    }
    if (f.published && f.awaitingPublication && f.published < f.awaitingPublication) r.fail("NgayCongKhai", `ngày công khai ${vi(f.published)} trước ngày chờ công khai ${vi(f.awaitingPublication)}`);
    if (r.problems.length) { rejected++; issues.push(...r.problems); } else { records.push(f); rowNumbers.push(r.row); }
  }
  return { records, rowNumbers, rows: t.rows.length, accepted: records.length, rejected, issues, present: t.present };
}

/** A satisfaction survey (not fixed by the contract): one answer per dossier code. */
export interface SurveyAnswer { dossierCode: string; rating: Rating; ratedOn: IsoDate | null }
export const SURVEY_COLUMNS: Column[] = [
  col("MaHoSo", "Mã hồ sơ; Số hồ sơ", true), col("DanhGiaHaiLong", "Đánh giá; Mức độ hài lòng; Kết quả khảo sát", true),
  col("NgayDanhGia", "Ngày đánh giá; Ngày khảo sát"),
];

export function readSurveyGrid(grid: string[][], file: string): ReadResult<SurveyAnswer> {
  const t = readTable(grid, SURVEY_COLUMNS, file);
  const issues = [...t.issues];
  const seen = new Set<string>();
  const records: SurveyAnswer[] = [];
  const rowNumbers: number[] = [];
  let rejected = 0;
  for (const tr of t.rows) {
    const r = new RowReader(tr);
    const code = r.get("MaHoSo", (s) => ({ ok: true, value: s }), true);
    if (code !== null) { if (seen.has(code)) r.fail("MaHoSo", `mã hồ sơ ${code} đã có câu trả lời ở một dòng trước`); seen.add(code); }
    const answer = r.get("DanhGiaHaiLong", rating, true);
    const ratedOn = r.get("NgayDanhGia", parseDate);
    if (r.problems.length || code === null || answer === null) { rejected++; issues.push(...r.problems); } else { records.push({ dossierCode: code, rating: answer, ratedOn }); rowNumbers.push(r.row); }
  }
  return { records, rowNumbers, rows: t.rows.length, accepted: records.length, rejected, issues, present: t.present };
}
