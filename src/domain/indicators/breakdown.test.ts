import { describe, expect, it } from "vitest";
import { breakdown, lateDossiers } from "./breakdown.js";
import { dossier, procedure } from "./fixtures.test-helpers.js";
import { makeContext } from "./qd766.js";

const window = { from: "2026-03-01", to: "2026-03-31" };

describe("breakdown", () => {
  const ctx = makeContext({ window, procedures: [procedure({ code: "HT", fieldName: "Hộ tịch" }), procedure({ code: "CT", fieldName: "Chứng thực" })] });
  const ds = [
    dossier({ code: "A", procedureCode: "HT", status: 10, ended: "2026-03-09", unit: "Bộ phận Một cửa" }),
    dossier({ code: "B", procedureCode: "HT", status: 10, ended: "2026-03-12", unit: "Bộ phận Một cửa" }),
    dossier({ code: "C", procedureCode: "CT", fieldName: "Chứng  thực", unit: "Tư pháp" }),
    dossier({ code: "D", procedureCode: "XX", accepted: "2026-04-02", due: "2026-04-05" }),
  ];
  it("splits the counts by field, taking the field from the catalogue when the dossier has none", () => {
    const rows = breakdown(ctx, ds, "field");
    expect(rows.map((r) => [r.label, r.counts.handled, r.counts.resolved.early, r.counts.resolved.late, r.counts.pending.total])).toEqual([
      ["Hộ tịch", 2, 1, 1, 0],
      ["Chứng  thực", 1, 0, 0, 1],
    ]);
    expect(rows[0]!.rates.on_time).toEqual({ numerator: 1, denominator: 2, rate: 50 });
  });
  it("leaves out groups with nothing in the window and names unknown units", () => {
    const rows = breakdown(ctx, [...ds, dossier({ code: "E", status: 10, ended: "2026-03-05" })], "unit");
    expect(rows.map((r) => r.label)).toEqual(["Bộ phận Một cửa", "(Chưa rõ đơn vị xử lý)", "Tư pháp"]);
  });
});

describe("lateDossiers", () => {
  const ctx = makeContext({ window, procedures: [] });
  it("lists the late and overdue dossiers of the window with why, the latest first", () => {
    const rows = lateDossiers(ctx, [
      dossier({ code: "ON", status: 10, ended: "2026-03-10" }),
      dossier({ code: "LATE", status: 10, ended: "2026-03-13", apology: "2026-03-09", newDue: "2026-03-13" }),
      dossier({ code: "OPEN", due: "2026-03-20" }),
      dossier({ code: "TWICE", status: 10, ended: "2026-03-09", supplementCount: 2, supplementRequested: "2026-03-03", supplementReturned: "2026-03-04" }),
      dossier({ code: "OLD", accepted: "2026-01-05", due: "2026-01-10", status: 10, ended: "2026-02-01" }),
    ]);
    expect(rows.map((r) => [r.code, r.class, r.daysLate])).toEqual([["OPEN", "overdue", 11], ["LATE", "late", 3], ["TWICE", "late", 0]]);
    expect(rows[0]!.reasons).toEqual(["Chưa có kết quả, đã quá hẹn trả 20/03/2026 11 ngày", "Chưa có phiếu xin lỗi (Mẫu 04)"]);
    expect(rows[1]!.reasons).toEqual(["Có kết quả ngày 13/03/2026, trễ 3 ngày so với hẹn trả 10/03/2026", "Đã có phiếu xin lỗi ngày 09/03/2026, hẹn lại 13/03/2026"]);
    expect(rows[2]!.reasons[0]).toBe("Yêu cầu bổ sung 2 lần (từ lần thứ hai tính là trễ hạn)");
  });
});
