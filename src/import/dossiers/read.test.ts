import { describe, expect, it } from "vitest";
import { AppError } from "../../domain/errors.js";
import { type Issue, formatIssue, overThreshold, parseCsv, readDossierGrid, readFeedbackGrid, readProcedureGrid } from "./index.js";
import { parseDate, parseInt_ } from "./values.js";

const H = "MaHoSo,MaTTHC,TrangThaiHoSo,NgayNopHoSo,NgayTiepNhan,NgayHenTra,NgayKetThucXuLy";
const dossiers = (body: string, header = H) => readDossierGrid(parseCsv(`${header}\n${body}`), "hoso.csv");
const errors = (r: { issues: Issue[] }) => r.issues.filter((i) => !i.warning);

describe("csv", () => {
  it("detects the delimiter, strips a BOM, honours quotes", () => {
    expect(parseCsv('\ufeffa;b\n"x;1";"say ""hi"""\r\n')).toEqual([["a", "b"], ["x;1", 'say "hi"']]);
    expect(parseCsv("a\tb\n1\t2")).toEqual([["a", "b"], ["1", "2"]]);
  });
});

describe("values", () => {
  it("parses the contract's date formats", () => {
    for (const s of ["2026-03-02", "2026-03-02 08:30", "2026-03-02T08:30:15", "02/03/2026", "2/3/2026 08:30:00", "20260302083000", "20260302"]) {
      expect(parseDate(s)).toEqual({ ok: true, value: "2026-03-02" });
    }
    expect(parseDate("31/02/2026").ok).toBe(false);
    expect(parseDate("hôm qua").ok).toBe(false);
  });
  it("reads thousands separators", () => {
    expect(parseInt_("50.000")).toEqual({ ok: true, value: 50000 });
    expect(parseInt_("1 250 000")).toEqual({ ok: true, value: 1250000 });
    expect(parseInt_("abc").ok).toBe(false);
  });
});

describe("dossier file", () => {
  it("matches aliases ignoring case and diacritics; reads labels", () => {
    const r = dossiers("A,P1,Đã trả kết quả,,02/03/2026,2026-03-04,20260303", "mã hồ sơ,MA THU TUC,  Trạng   thái ,Ngay nop,Ngày tiếp nhận,ngay hen tra,Ngày hoàn thành");
    expect(errors(r)).toEqual([]);
    expect(r.records[0]).toMatchObject({ code: "A", procedureCode: "P1", status: 10, accepted: "2026-03-02", ended: "2026-03-03", channel: 1 });
  });
  it("lists every bad row with row number, column and a Vietnamese reason", () => {
    const r = dossiers([
      "A,P,4,,2026-03-02,2026-03-01,",
      "A,P,4,,2026-03-02,2026-03-05,",
      "B,P,99,,2026-03-02,,",
      "C,P,9,,2026-03-02,,",
      "",
      "D,P,4,,ngày mai,,",
      "E,P,4,2026-03-05,2026-03-02,,",
    ].join("\n"));
    expect(r.rows).toBe(6);
    expect(r.rejected).toBe(6);
    const lines = errors(r).map((i) => formatIssue("hoso.csv", i));
    expect(lines).toContain("hoso.csv:2:NgayHenTra: ngày hẹn trả 01/03/2026 trước ngày tiếp nhận 02/03/2026");
    expect(lines).toContain("hoso.csv:3:MaHoSo: mã hồ sơ A trùng với một dòng trước");
    expect(lines.some((l) => l.startsWith("hoso.csv:4:TrangThaiHoSo: trạng thái hồ sơ không hợp lệ"))).toBe(true);
    expect(lines).toContain("hoso.csv:5:NgayKetThucXuLy: trạng thái 9 cần ngày kết thúc xử lý");
    expect(lines.some((l) => l.startsWith("hoso.csv:7:NgayTiepNhan: không đọc được ngày"))).toBe(true);
    expect(lines).toContain("hoso.csv:8:NgayTiepNhan: ngày tiếp nhận 02/03/2026 trước ngày nộp 05/03/2026");
    expect(overThreshold(r)).toBe(true);
  });
  it("checks supplementation and apology dates", () => {
    const h = "MaHoSo,MaTTHC,TrangThaiHoSo,NgayTiepNhan,NgayHenTra,NgayYeuCauBoSung,NgayTiepNhanBoSung,NgayXinLoi,NgayHenTraMoi";
    const r = dossiers(["A,P,5,2026-03-02,2026-03-05,,,,", "B,P,4,2026-03-02,2026-03-05,2026-03-04,2026-03-03,,", "C,P,4,2026-03-02,2026-03-05,,,,2026-03-06", "D,P,4,2026-03-02,2026-03-05,,,2026-03-04,2026-03-05"].join("\n"), h);
    expect(errors(r).map((i) => `${i.row}:${i.column}`)).toEqual(["2:NgayYeuCauBoSung", "3:NgayTiepNhanBoSung", "4:NgayHenTraMoi", "5:NgayHenTraMoi"]);
  });
  it("unknown columns and missing used columns are warnings; missing required or doubled columns make the file unreadable", () => {
    const r = dossiers("A,P,4,,2026-03-02,,,x", `${H},Ghi chú`);
    expect(r.issues.filter((i) => i.warning).some((i) => i.message.includes("Ghi chú"))).toBe(true);
    expect(r.accepted).toBe(1);
    expect(() => dossiers("A,4", "MaHoSo,TrangThaiHoSo")).toThrow(AppError);
    expect(() => dossiers("A,B,P,4", "MaHoSo,Mã hồ sơ,MaTTHC,TrangThaiHoSo")).toThrow(/hai lần/);
    expect(() => readDossierGrid([], "x.csv")).toThrow(/tiêu đề/);
  });
  it("reads flags, fees, payment, rating", () => {
    const h = "MaHoSo,MaTTHC,TrangThaiHoSo,NgayTiepNhan,Kênh nộp,MucDo,TongLePhi,DuocSoHoa,DuocTaiSuDung,DuocLayTuKhoDMQG,DuongDanTepTinKetQua,DanhGiaHaiLong,DuocThanhToanTrucTuyen,SoLanBoSung";
    const r = dossiers(["A,P,4,2026-03-02,Trực tuyến,Toàn trình,50.000,true,Có,x,kq.pdf,like,true,", "B,P,processing,2026-03-02,3,,,0,Không,,0,dislike,3,"].join("\n"), h);
    expect(errors(r)).toEqual([]);
    expect(r.records[0]).toMatchObject({ channel: 2, level: 4, fee: 50000, digitised: true, reused: true, fromStore: true, eResult: true, rating: "hai-long", paidOnline: 1, supplementCount: 0 });
    expect(r.records[1]).toMatchObject({ status: 4, channel: 3, fee: 0, digitised: false, eResult: false, rating: "khong-hai-long", paidOnline: 0 });
  });
});

describe("procedure and feedback files", () => {
  it("reads defaults and rejects duplicates", () => {
    const r = readProcedureGrid(parseCsv("MaTTHC,CapThucHien,MucDoDVCTT,YeuCauKetQuaVanBan,DoiTuongThucHien\nP1,,Toàn trình,,\nP2,Cấp tỉnh;xa,khong,0,Tổ chức\nP1,,,,\nP3,,sai,,"), "tt.csv");
    expect(r.records[0]).toMatchObject({ levels: ["xa"], onlineLevel: "toan-trinh", writtenResult: true, subjects: ["cong-dan"] });
    expect(r.records[1]).toMatchObject({ levels: ["tinh", "xa"], writtenResult: false, subjects: ["to-chuc"] });
    expect(r.issues.map((i) => i.row)).toEqual([4, 5]);
  });
  it("feedback: required dates per status, dates before NgayGui, publication order", () => {
    const r = readFeedbackGrid(parseCsv([
      "MaPAKN,NgayGui,TrangThai,NgayTuChoi,NgayChoCongKhai,NgayCongKhai",
      "F1,2026-03-02,PAKN đã công khai,,2026-03-05,2026-03-06",
      "F2,2026-03-02,Từ chối tiếp nhận,,,",
      "F3,2026-03-02,da-cong-khai,,2026-03-05,2026-03-04",
      "F4,2026-03-02,moi,2026-03-01,,",
      "F1,2026-03-02,moi,,,",
      "F6,,moi,,,",
    ].join("\n")), "pakn.csv");
    expect(r.records.map((f) => f.code)).toEqual(["F1"]);
    expect(r.records[0]!.status).toBe("da-cong-khai");
    expect(r.issues.map((i) => `${i.row}:${i.column}`)).toEqual(["3:NgayTuChoi", "4:NgayCongKhai", "5:NgayTuChoi", "6:MaPAKN", "7:NgayGui"]);
  });
});
