import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { DB_KINDS } from "../support/db.js";
import { startTestApp, type Client, type TestApp } from "../support/app.js";
import { openCommune, plan, type Commune } from "../support/commune.js";

const HEADER = "MaHoSo,MaTTHC,TrangThaiHoSo,KenhThucHien,NgayTiepNhan,NgayHenTra,NgayKetThucXuLy";

function recordForm(kind: string, name: string, content: string | Uint8Array<ArrayBuffer>, type = "text/csv"): FormData {
  const form = new FormData();
  form.append("kind", kind);
  form.append("file", new Blob([content], { type }), name);
  return form;
}

/** `n` dossiers of May 2026 resolved `late` days after their due date. */
function lateDossiers(prefix: string, n: number, late: number): string {
  const rows = Array.from({ length: n }, (_, i) => {
    const day = String(4 + (i % 20)).padStart(2, "0");
    const due = `2026-05-${day}`;
    const end = new Date(Date.UTC(2026, 4, 4 + (i % 20) + late)).toISOString().slice(0, 10);
    return `${prefix}-${i + 1},1.001193,10,2,2026-05-${day},${due},${end}`;
  });
  return [HEADER, ...rows].join("\n");
}

async function dossierCount(app: TestApp, orgId: string): Promise<number> {
  const r = await app.database.db.execute(sql`select count(*)::int as n from dossiers where org_id = ${orgId}`);
  return (r as unknown as { rows: Array<{ n: number }> }).rows[0]!.n;
}

describe.each(DB_KINDS)("one-stop records over HTTP on %s", (kind) => {
  let app: TestApp;
  let c: Commune;
  let oneStop: Client;
  beforeAll(async () => {
    app = await startTestApp(kind, { today: "2026-06-15" });
    c = await openCommune(app);
    oneStop = await app.login("motcua.tinhkhe");
  });
  afterAll(async () => { await app?.close(); });

  it("checks a file, writes nothing until confirmed, then updates the on-time target by itself", async () => {
    const before = (await plan(c.focal, c.planId)).targets.find((t: any) => t.indicatorKey === "on_time");
    expect(before).toMatchObject({ light: "met" });
    const count = await dossierCount(app, c.orgId);
    const staged = await oneStop.post(`/api/orgs/${c.orgId}/record-files`, recordForm("dossiers", "tre-han-thang-5.csv", lateDossiers("TRE", 60, 3)));
    expect(staged.status, JSON.stringify(staged.body)).toBe(200);
    expect(staged.body).toMatchObject({ refused: false, rows: 60, accepted: 60, rejected: 0, inserted: 60, updated: 0 });
    expect(staged.body.preview.rows).toHaveLength(10);
    expect(staged.body.preview.rowNumbers.slice(0, 3)).toEqual([2, 3, 4]);
    expect(await dossierCount(app, c.orgId), "nothing written before confirming").toBe(count);

    const done = await oneStop.post(`/api/orgs/${c.orgId}/record-files/${staged.body.uploadId}/confirm`);
    expect(done.status, JSON.stringify(done.body)).toBe(201);
    expect(done.body).toMatchObject({ inserted: 60, updated: 0, rejected: 0 });
    expect(done.body.targetValues).toBeGreaterThan(0);
    expect(await dossierCount(app, c.orgId)).toBe(count + 60);

    const after = (await plan(c.focal, c.planId)).targets.find((t: any) => t.indicatorKey === "on_time");
    expect(after.light, "60 late dossiers in May put the on-time target at risk").toBe("at_risk");
    const may = after.values.find((v: any) => v.period === "2026-05");
    expect(may.value).toBeLessThan(98);
    expect(may.note).toMatch(/Tự động từ dữ liệu một cửa/);

    const history = (await c.focal.get(`/api/orgs/${c.orgId}/record-imports`)).body;
    expect(history.imports[0]).toMatchObject({ kind: "dossiers", fileName: "tre-han-thang-5.csv", inserted: 60, createdByName: "Huỳnh Văn Tâm" });
    expect(history.canImport).toBe(true);

    const again = await oneStop.post(`/api/orgs/${c.orgId}/record-files/${staged.body.uploadId}/confirm`);
    expect(again.status).toBe(404);
    expect(again.body.error.message).toMatch(/Không tìm thấy tệp chờ xác nhận/);
  });

  it("re-importing an overlapping file updates by code instead of duplicating", async () => {
    const count = await dossierCount(app, c.orgId);
    const staged = await c.focal.post(`/api/orgs/${c.orgId}/record-files`, recordForm("dossiers", "lan-2.csv", lateDossiers("TRE", 70, 0)));
    expect(staged.body).toMatchObject({ inserted: 10, updated: 60 });
    expect((await c.focal.post(`/api/orgs/${c.orgId}/record-files/${staged.body.uploadId}/confirm`)).status).toBe(201);
    expect(await dossierCount(app, c.orgId)).toBe(count + 10);
    const onTime = (await plan(c.focal, c.planId)).targets.find((t: any) => t.indicatorKey === "on_time");
    expect(onTime.values.find((v: any) => v.period === "2026-05").value, "the corrected dossiers are on time again").toBeGreaterThanOrEqual(98);
  });

  it("reports every bad row with its row, column and reason, and refuses the file without writing", async () => {
    const count = await dossierCount(app, c.orgId);
    const imports = (await c.focal.get(`/api/orgs/${c.orgId}/record-imports`)).body.imports.length;
    const bad = [HEADER, "X-1,1.001193,4,1,2026-03-05,2026-03-01,", "X-2,1.001193,99,1,2026-03-05,,", "X-3,1.001193,4,1,31/02/2026,,", "X-3,1.001193,4,1,2026-03-05,,", "X-4,1.001193,4,1,2026-03-05,,"].join("\n");
    const res = await c.focal.post(`/api/orgs/${c.orgId}/record-files`, recordForm("dossiers", "xau.csv", bad));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ refused: true, uploadId: null, rows: 5, rejected: 4, accepted: 1 });
    expect(res.body.refusedReason).toBe("4/5 dòng lỗi (80,00 %), vượt ngưỡng 5 %; không nhập gì. Sửa các dòng lỗi rồi tải lại tệp.");
    const errors = res.body.issues.filter((i: any) => !i.warning).map((i: any) => `${i.row}:${i.column}: ${i.message}`);
    expect(errors).toEqual(expect.arrayContaining([
      "2:NgayHenTra: ngày hẹn trả 01/03/2026 trước ngày tiếp nhận 05/03/2026",
      expect.stringMatching(/^3:TrangThaiHoSo: /),
      expect.stringMatching(/^4:NgayTiepNhan: /),
      "5:MaHoSo: mã hồ sơ X-3 trùng với một dòng trước",
    ]));
    expect(await dossierCount(app, c.orgId)).toBe(count);
    expect((await c.focal.get(`/api/orgs/${c.orgId}/record-imports`)).body.imports.length).toBe(imports);
  });

  it("answers bad uploads in Vietnamese, naming the field", async () => {
    const cases: Array<[FormData | object, string, RegExp]> = [
      [recordForm("hoso", "a.csv", `${HEADER}\n`), "kind", /Loại dữ liệu không hợp lệ/],
      [recordForm("dossiers", "a.pdf", "%PDF-1.4"), "file", /chỉ nhận tệp \.csv hoặc \.xlsx/],
      [recordForm("dossiers", "gia.xlsx", `${HEADER}\nA,1,4,1,2026-03-02,,`), "file", /không phải tệp XLSX/],
      [recordForm("dossiers", "trong.csv", ""), "file", /không có dòng tiêu đề/],
      [recordForm("dossiers", "thieu-cot.csv", "MaHoSo,NgayTiepNhan\nA,2026-03-02"), "file", /thiếu cột bắt buộc MaTTHC, TrangThaiHoSo/],
      [{ kind: "dossiers" }, "file", /multipart/],
    ];
    for (const [body, field, message] of cases) {
      const res = await c.focal.post(`/api/orgs/${c.orgId}/record-files`, body);
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body.error.field).toBe(field);
      expect(res.body.error.message).toMatch(message);
    }
    const form = new FormData();
    form.append("kind", "dossiers");
    expect((await c.focal.post(`/api/orgs/${c.orgId}/record-files`, form)).body.error.message).toMatch(/Hãy chọn một tệp/);
  });

  it("drops a cancelled check, which can then not be confirmed", async () => {
    const staged = await c.focal.post(`/api/orgs/${c.orgId}/record-files`, recordForm("dossiers", "huy.csv", lateDossiers("HUY", 3, 0)));
    expect((await c.focal.request("DELETE", `/api/orgs/${c.orgId}/record-files/${staged.body.uploadId}`)).status).toBe(204);
    expect((await c.focal.post(`/api/orgs/${c.orgId}/record-files/${staged.body.uploadId}/confirm`)).status).toBe(404);
    expect((await c.focal.request("DELETE", `/api/orgs/${c.orgId}/record-files/${staged.body.uploadId}`)).status).toBe(404);
  });

  it("keeps communes apart: an upload of one commune cannot be confirmed by another", async () => {
    const staged = await c.focal.post(`/api/orgs/${c.orgId}/record-files`, recordForm("dossiers", "b.csv", lateDossiers("B", 2, 0)));
    const other = await app.login("dm.hoaihao");
    const otherOrg = (await other.get("/api/auth/me")).body.orgId;
    const res = await other.post(`/api/orgs/${otherOrg}/record-files/${staged.body.uploadId}/confirm`);
    expect(res.status).toBe(404);
    expect((await other.get(`/api/orgs/${c.orgId}/indicators?from=2026-01-01&to=2026-06-15`)).status).toBe(404);
    const officer = await app.login("tpht.tinhkhe");
    expect((await officer.post(`/api/orgs/${c.orgId}/record-files`, recordForm("dossiers", "b.csv", lateDossiers("B", 2, 0)))).status).toBe(403);
  });

  it("reads an XLSX export with date cells", async () => {
    const { default: ExcelJS } = await import("exceljs");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("HoSo");
    ws.addRow(["Mã hồ sơ", "Mã TTHC", "Trạng thái", "Ngày tiếp nhận", "Ngày hẹn trả"]);
    ws.addRow(["XL-1", "1.001193", "Đang xử lý", new Date(Date.UTC(2026, 5, 1)), new Date(Date.UTC(2026, 5, 3))]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer() as ArrayBuffer);
    const res = await c.focal.post(`/api/orgs/${c.orgId}/record-files`, recordForm("dossiers", "hoso.xlsx", bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ refused: false, accepted: 1, preview: { columns: ["Mã hồ sơ", "Mã TTHC", "Trạng thái", "Ngày tiếp nhận", "Ngày hẹn trả"], rows: [["XL-1", "1.001193", "Đang xử lý", "2026-06-01", "2026-06-03"]] } });
  });

  it("computes the figures, the breakdown and the late list of a window from what is stored", async () => {
    const q = "from=2026-05-01&to=2026-05-31";
    const f = (await c.focal.get(`/api/orgs/${c.orgId}/indicators?${q}`)).body;
    const b = (await c.focal.get(`/api/orgs/${c.orgId}/indicators/breakdown?${q}&by=field`)).body;
    expect(b.total.counts).toEqual({ ...f.counts, feedback: b.total.counts.feedback });
    expect(b.rows.reduce((s: number, r: any) => s + r.counts.resolved.total, 0)).toBe(f.counts.resolved.total);
    const late = (await c.focal.get(`/api/orgs/${c.orgId}/indicators/late?${q}`)).body;
    expect(late.total).toBe(f.counts.resolved.late + f.counts.pending.overdue);
    expect(late.rows.every((r: any) => r.reasons.length > 0)).toBe(true);
    const bad = await c.focal.get(`/api/orgs/${c.orgId}/indicators?from=2026-05-31&to=2026-05-01`);
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ field: "from", message: "Từ ngày phải trước hoặc bằng đến ngày." });
    expect((await c.focal.get(`/api/orgs/${c.orgId}/indicators?from=2026-02-31&to=2026-05-01`)).body.error.message).toMatch(/Từ ngày không phải là ngày hợp lệ \(31\/02\/2026\)/);
  });
});
