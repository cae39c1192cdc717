import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { reportWindow } from "../../src/domain/reports/calendar.js";
import { REPORT_KINDS } from "../../src/domain/reports/types.js";
import { sendReportReminders } from "../../src/jobs/report-reminders.js";
import { DB_KINDS } from "../support/db.js";
import { startTestApp, type Client, type TestApp } from "../support/app.js";
import { contractFiguresBySql } from "../support/indicators-sql.js";

/** After the annual cut-off (14/12) and the communes' deadline (16/12/2025): the demo is built for 2025. */
const TODAY = "2025-12-20";

async function one(app: TestApp, query: ReturnType<typeof sql>): Promise<any> {
  return (await app.database.db.execute(query) as unknown as { rows: any[] }).rows[0];
}

describe.each(DB_KINDS)("periodic reports over HTTP on %s", (kind) => {
  let app: TestApp;
  let focal: Client, chairman: Client, officer: Client, admin: Client, viewer: Client, otherFocal: Client;
  let orgId: string, otherOrgId: string, provinceId: string;
  let yearReport: any;

  beforeAll(async () => {
    app = await startTestApp(kind, { today: TODAY });
    focal = await app.login("dm.tinhkhe");
    chairman = await app.login("ct.tinhkhe");
    officer = await app.login("tpht.tinhkhe");
    admin = await app.login("qt.tinh");
    viewer = await app.login("xem.tinh");
    otherFocal = await app.login("dm.hoaihao");
    orgId = (await focal.get("/api/auth/me")).body.orgId;
    otherOrgId = (await otherFocal.get("/api/auth/me")).body.orgId;
    provinceId = (await admin.get("/api/auth/me")).body.orgId;
  });
  afterAll(async () => { await app?.close(); });

  it("drafts the four reports of 2025 for both demo communes with figures the rows give independently", async () => {
    for (const [client, org] of [[focal, orgId], [otherFocal, otherOrgId]] as const) {
      for (const k of REPORT_KINDS) {
        const res = await client.post(`/api/orgs/${org}/reports`, { kind: k, year: 2025 });
        expect(res.status, JSON.stringify(res.body)).toBe(201);
        const w = reportWindow(k, 2025);
        const { content } = res.body;
        expect(res.body).toMatchObject({ kind: k, year: 2025, version: 1, status: "draft", window: { from: w.from, to: w.to } });
        expect(content.title).toBe(`Kết quả thực hiện công tác cải cách hành chính ${w.label}`);

        const tasks = await one(app, sql`
          select count(*)::int as total,
            count(*) filter (where t.done_on <= ${w.to} and (t.due_date is null or t.done_on <= t.due_date) and t.recurrence is null)::int as on_time,
            count(*) filter (where t.done_on <= ${w.to} and t.due_date is not null and t.done_on > t.due_date and t.recurrence is null)::int as late,
            count(*) filter (where t.recurrence is not null)::int as recurring
          from tasks t join plans p on p.id = t.plan_id
          where t.org_id = ${org} and p.year = 2025 and p.status in ('active', 'closed')`);
        expect(content.figures.tasks_total, `${k} tasks`).toBe(tasks.total);
        expect(tasks.total).toBeGreaterThan(0);
        // One-off tasks are judged by their dates alone; recurring ones also by their check-ins, so they are compared by the range they allow.
        const done = content.figures.tasks_done_on_time + content.figures.tasks_done_late;
        expect(content.figures.tasks_done_late).toBeGreaterThanOrEqual(tasks.late);
        expect(done).toBeGreaterThanOrEqual(tasks.on_time + tasks.late);
        expect(done).toBeLessThanOrEqual(tasks.on_time + tasks.late + tasks.recurring);

        const byRows = await contractFiguresBySql(app.database.db, org, { from: w.from, to: w.to });
        const total = content.bieu06.total;
        expect(total.received).toMatchObject({ online: byRows.counts.received.online, direct: byRows.counts.received.direct + byRows.counts.received.post, carried: byRows.counts.carried_over });
        expect(total.received.total).toBe(total.received.online + total.received.direct + total.received.carried);
        expect(total.resolved).toEqual({ total: byRows.counts.resolved.total, early: byRows.counts.resolved.early, onTime: byRows.counts.resolved.on_time, late: byRows.counts.resolved.late });
        expect(total.pending).toEqual({ total: byRows.counts.pending.total, withinTime: byRows.counts.pending.within_time, overdue: byRows.counts.pending.overdue });
        expect(content.figures.dossiers_resolved).toBe(byRows.counts.resolved.total);
        expect(content.figures.on_time_rate).toBeCloseTo(byRows.rates.on_time.rate!, 1);
        const fieldSum = content.bieu06.rows.reduce((s: number, r: any) => s + r.resolved.total, 0);
        expect(fieldSum).toBe(total.resolved.total);
        // The thủ tục section states the same figures and links them to the dossiers of the window.
        const tthc = content.sections.find((s: any) => s.heading === "Cải cách thủ tục hành chính");
        expect(tthc.facts.some((f: any) => f.ref?.type === "dossiers" && f.ref.from === w.from && f.text.includes(total.resolved.total.toLocaleString("vi-VN")))).toBe(true);
      }
    }
    const list = await focal.get(`/api/orgs/${orgId}/reports?year=2025`);
    expect(list.body.kinds.map((k: any) => [k.kind, k.communeDeadline, k.versions.length, k.canCreate])).toEqual([
      ["q1", "2025-03-18", 1, false], ["h1", "2025-06-17", 1, false], ["q3", "2025-09-16", 1, false], ["year", "2025-12-16", 1, false],
    ]);
    yearReport = (await focal.get(`/api/reports/${list.body.kinds[3].versions[0].id}`)).body;
  });

  it("keeps the commune's drafts from the province and from other communes", async () => {
    expect((await admin.get(`/api/reports/${yearReport.id}`)).status).toBe(404);
    expect((await otherFocal.get(`/api/reports/${yearReport.id}`)).status).toBe(404);
    expect((await officer.get(`/api/reports/${yearReport.id}`)).status).toBe(200);
    expect((await officer.put(`/api/reports/${yearReport.id}/sections/V`, { text: "x" })).status).toBe(403);
    expect((await focal.post(`/api/orgs/${orgId}/reports`, { kind: "year", year: 2025 })).status).toBe(409);
  });

  let editedKey: string;
  it("edits a section, keeps the edit when the figures are read again, and sends an edited approved report back to draft", async () => {
    const section = yearReport.content.sections.find((s: any) => s.editable && s.level === 2 && s.heading === "Ưu điểm");
    editedKey = section.key;
    const text = "- Lãnh đạo UBND xã quan tâm chỉ đạo sát sao.\n- Tỷ lệ hồ sơ giải quyết đúng hạn cao.";
    const edited = await focal.put(`/api/reports/${yearReport.id}/sections/${editedKey}`, { text });
    expect(edited.status).toBe(200);
    expect(edited.body.editedSections).toEqual([editedKey]);
    const fixed = yearReport.content.sections.find((s: any) => !s.editable);
    if (fixed) expect((await focal.put(`/api/reports/${yearReport.id}/sections/${fixed.key}`, { text: "x" })).status).toBe(400);
    expect((await focal.put(`/api/reports/${yearReport.id}/sections/khong-co`, { text: "x" })).status).toBe(400);
    const refreshed = await focal.post(`/api/reports/${yearReport.id}/refresh`);
    expect(refreshed.body.content.sections.find((s: any) => s.key === editedKey).text).toBe(text);

    // Sending needs the chairman's approval first, whoever sends.
    expect((await focal.post(`/api/reports/${yearReport.id}/moves`, { move: "submit" })).status).toBe(409);
    expect((await officer.post(`/api/reports/${yearReport.id}/moves`, { move: "submit" })).status).toBe(403);
    expect((await focal.post(`/api/reports/${yearReport.id}/moves`, { move: "approve" })).status).toBe(403);
    const approved = await chairman.post(`/api/reports/${yearReport.id}/moves`, { move: "approve" });
    expect(approved.body).toMatchObject({ status: "approved", steps: { approved: { by: "Võ Minh Chính" } } });
    const again = await focal.put(`/api/reports/${yearReport.id}/sections/${editedKey}`, { text: `${text}\n- Bổ sung.` });
    expect(again.body.status).toBe("draft");
    expect((await chairman.post(`/api/reports/${yearReport.id}/moves`, { move: "approve" })).status).toBe(200);
  });

  it("freezes a submitted report with its document; the province returns it, a new version is sent and received", async () => {
    const sent = await focal.post(`/api/reports/${yearReport.id}/moves`, { move: "submit", number: "45/BC-UBND" });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    expect(sent.body).toMatchObject({ status: "submitted", number: "45/BC-UBND", issuedDate: TODAY, steps: { submitted: { by: "Nguyễn Thị Lan" } } });
    const doc1 = await admin.get(`/api/reports/${yearReport.id}/export.docx`);
    expect(doc1.status).toBe(200);
    expect(doc1.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect(Buffer.from(doc1.body as ArrayBuffer).subarray(0, 2).toString()).toBe("PK");
    expect(Buffer.from((await focal.get(`/api/reports/${yearReport.id}/export.docx`)).body as ArrayBuffer).equals(Buffer.from(doc1.body as ArrayBuffer))).toBe(true);
    expect((await focal.put(`/api/reports/${yearReport.id}/sections/${editedKey}`, { text: "sửa sau khi gửi" })).status).toBe(409);
    expect((await focal.post(`/api/reports/${yearReport.id}/refresh`)).status).toBe(409);
    const annex = await admin.get(`/api/reports/${yearReport.id}/annex.xlsx`);
    expect(annex.status).toBe(200);

    expect((await viewer.post(`/api/reports/${yearReport.id}/moves`, { move: "return", comment: "Thiếu số liệu" })).status).toBe(403);
    const noReason = await admin.post(`/api/reports/${yearReport.id}/moves`, { move: "return" });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error).toMatchObject({ message: "Cần ghi lý do trả lại báo cáo.", field: "comment" });
    const returned = await admin.post(`/api/reports/${yearReport.id}/moves`, { move: "return", comment: "Bổ sung số liệu phụ lục công vụ" });
    expect(returned.body).toMatchObject({ status: "returned", returnComment: "Bổ sung số liệu phụ lục công vụ", steps: { returned: { by: "Phan Văn Quang" } } });

    const v2 = await focal.post(`/api/orgs/${orgId}/reports`, { kind: "year", year: 2025 });
    expect(v2.status).toBe(201);
    expect(v2.body).toMatchObject({ version: 2, status: "draft", editedSections: [editedKey] });
    expect(v2.body.content.sections.find((s: any) => s.key === editedKey).text).toContain("- Bổ sung.");
    expect((await chairman.post(`/api/reports/${v2.body.id}/moves`, { move: "approve" })).status).toBe(200);
    expect((await chairman.post(`/api/reports/${v2.body.id}/moves`, { move: "submit", number: "47/BC-UBND" })).status).toBe(200);
    const received = await admin.post(`/api/reports/${v2.body.id}/moves`, { move: "receive" });
    expect(received.body).toMatchObject({ status: "received", steps: { received: { by: "Phan Văn Quang" } } });
    const audit = await one(app, sql`select count(*)::int as n from audit_log where entity = 'report' and entity_id in (${yearReport.id}, ${v2.body.id})`);
    expect(audit.n).toBeGreaterThanOrEqual(10);
  });

  it("shows the province who reported on time, late or not at all, and hands over the period's reports and figures", async () => {
    expect((await focal.get(`/api/orgs/${provinceId}/report-status?kind=year&year=2025`)).status).toBe(404);
    const res = await viewer.get(`/api/orgs/${provinceId}/report-status?kind=year&year=2025`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ deadline: "2025-12-16", summary: { communes: 10, sent: 1, onTime: 0, late: 1, missing: 9, reportingRate: 10, onTimeRate: 0 } });
    const tk = res.body.rows.find((r: any) => r.code === "xa-tinh-khe");
    expect(tk).toMatchObject({ status: "received", version: 2, timeliness: "late", submittedOn: TODAY });
    expect(res.body.rows.find((r: any) => r.code === "phuong-hoai-hao")).toMatchObject({ status: null, timeliness: "missing", reportId: null });

    const zip = await viewer.get(`/api/orgs/${provinceId}/reports.zip?kind=year&year=2025`);
    expect(zip.headers.get("content-type")).toBe("application/zip");
    const { default: JSZip } = await import("jszip");
    const files = Object.keys((await JSZip.loadAsync(zip.body as ArrayBuffer)).files);
    expect(files).toEqual(["bao-cao-cchc-year-2025-xa-tinh-khe-v2.docx"]);

    const xlsx = await viewer.get(`/api/orgs/${provinceId}/report-figures.xlsx?kind=year&year=2025`);
    const { default: ExcelJS } = await import("exceljs");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.body as ArrayBuffer);
    const text = JSON.stringify(wb.worksheets[0].getSheetValues());
    expect(text).toContain("xa-tinh-khe");
    expect(text).toContain("phuong-hoai-hao");
  });

  it("takes the province's deadlines as settings, refusing bad ones in Vietnamese", async () => {
    const current = (await admin.get(`/api/orgs/${provinceId}/report-settings`)).body;
    expect(current.recipients).toEqual(["Ủy ban nhân dân tỉnh Minh Hòa", "Sở Nội vụ tỉnh Minh Hòa"]);
    const bad = await admin.put(`/api/orgs/${provinceId}/report-settings`, { ...current, deadlines: { ...current.deadlines, q1: { rule: "day_of_month", day: 40 } } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe("deadlines.q1.day");
    expect((await viewer.put(`/api/orgs/${provinceId}/report-settings`, current)).status).toBe(403);
    const good = await admin.put(`/api/orgs/${provinceId}/report-settings`, { ...current, deadlines: { ...current.deadlines, q1: { rule: "day_of_month", day: 12 } } });
    expect(good.status, JSON.stringify(good.body)).toBe(200);
    const list = await focal.get(`/api/orgs/${orgId}/reports?year=2026`);
    expect(list.body.kinds[0]).toMatchObject({ kind: "q1", communeDeadline: "2026-03-12", canCreate: true });
  });

  it("reminds the focal point and chairman of a report not yet sent, once before and once after the deadline", async () => {
    const count = async () => (await one(app, sql`select count(*)::int as n from notifications where kind = 'report_due' and org_id = ${otherOrgId}`)).n;
    const before = await count();
    await sendReportReminders(app.database.db, "2026-03-16");
    await sendReportReminders(app.database.db, "2026-03-17");
    expect(await count()).toBe(before + 2); // focal point and chairman of Hoài Hảo, once
    const n = await one(app, sql`select message from notifications where kind = 'report_due' and org_id = ${otherOrgId} order by created_at desc limit 1`);
    expect(n.message).toMatch(/^Báo cáo CCHC quý I năm 2026 (cần gửi UBND tỉnh trước ngày|đã quá hạn gửi)/);
  });
});
