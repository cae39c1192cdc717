import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { samplePdf } from "../../src/db/seed/demo.js";
import { DB_KINDS } from "../support/db.js";
import { startTestApp, type Client, type TestApp } from "../support/app.js";
import { exampleSet } from "../support/par.js";

const TODAY = "2026-11-20";

async function rows(app: TestApp, query: ReturnType<typeof sql>): Promise<any[]> {
  return (await app.database.db.execute(query) as unknown as { rows: any[] }).rows;
}

/** A value of the kind the leaf takes first, that gives full points. */
function fullInput(leaf: any): any {
  const kind = leaf.inputKinds[0];
  switch (kind) {
    case "score": return { kind, points: leaf.maxPoints };
    case "boolean": return { kind, value: true };
    case "deadline": return { kind, status: "on_time" };
    case "rate": return { kind, percent: 100 };
    case "count": return { kind, value: leaf.rule?.kind === "deduction" ? 0 : leaf.rule.tiers[0].min };
    default: throw new Error(`no full input for ${kind}`);
  }
}

async function xlsx(rowsOf: Array<Array<string | number>>): Promise<Uint8Array<ArrayBuffer>> {
  const { default: ExcelJS } = await import("exceljs");
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Điểm điều tra");
  for (const r of rowsOf) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer()) as Uint8Array<ArrayBuffer>;
}

function fileForm(name: string, content: Uint8Array<ArrayBuffer>, type: string, fields: Record<string, string> = {}): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  form.append("file", new Blob([content], { type }), name);
  return form;
}

describe.each(DB_KINDS)("PAR-index assessment over HTTP on %s", (kind) => {
  let app: TestApp;
  let focal: Client, chairman: Client, officer: Client, admin: Client, viewer: Client, outsider: Client;
  let orgId: string, provinceId: string;
  let id: string;
  let view: any;
  const leafOf = (v: any, code: string) => v.nodes.find((n: any) => n.code === code);
  const selfLeaves = (v: any) => v.nodes.filter((n: any) => n.isLeaf && n.selfScored);

  beforeAll(async () => {
    app = await startTestApp(kind, { today: TODAY });
    focal = await app.login("dm.hoaihao");
    chairman = await app.login("ct.hoaihao");
    officer = await app.login("vptk.hoaihao");
    admin = await app.login("qt.tinh");
    viewer = await app.login("xem.tinh");
    outsider = await app.login("dm.tinhkhe");
    orgId = (await focal.get("/api/auth/me")).body.orgId;
    provinceId = (await admin.get("/api/auth/me")).body.orgId;
  });
  afterAll(async () => { await app?.close(); });

  it("opens this year's self-assessment under the province's set, with the one-stop leaves filled from the records", async () => {
    const list = await focal.get(`/api/orgs/${orgId}/par-assessments`);
    expect(list.status).toBe(200);
    expect(list.body.assessments.map((a: any) => [a.year, a.status])).toEqual([[2025, "final"]]);
    expect(list.body.openableYears).toContain(2026);
    expect((await officer.get(`/api/orgs/${orgId}/par-assessments`)).body.openableYears).toEqual([]);

    expect((await officer.post(`/api/orgs/${orgId}/par-assessments`, { year: 2026 })).status).toBe(403);
    expect((await admin.post(`/api/orgs/${orgId}/par-assessments`, { year: 2026 })).status).toBe(403);
    const noSet = await focal.post(`/api/orgs/${orgId}/par-assessments`, { year: 2031 });
    expect(noSet.status).toBe(400);
    expect(noSet.body.error.message).toBe("Tỉnh chưa ban hành bộ tiêu chí Chỉ số CCHC năm 2031 cho phường.");

    const opened = await focal.post(`/api/orgs/${orgId}/par-assessments`, { year: 2026 });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    view = opened.body;
    id = view.id;
    expect(view).toMatchObject({ year: 2026, status: "draft", org: { code: "phuong-hoai-hao" }, set: { isExample: true } });
    expect((await focal.post(`/api/orgs/${orgId}/par-assessments`, { year: 2026 })).status).toBe(409);

    // The on-time leaf reads the imported dossiers of the year, and says how.
    const onTime = view.nodes.find((n: any) => n.computedKey === "on_time");
    expect(onTime.entries.self).toMatchObject({ automatic: true, input: { kind: "ratio" } });
    expect(onTime.entries.self.text).toMatch(/^Dữ liệu một cửa từ 01\/01\/2026 đến 20\/11\/2026: [\d.]+\/[\d.]+ \(/);
    const [{ total }] = await rows(app, sql`select count(*)::int as total from dossiers where org_id = ${orgId}`);
    expect(total).toBeGreaterThan(0);
    expect(onTime.entries.self.input.denominator).toBeGreaterThan(0);
    expect(onTime.entries.self.input.denominator).toBeLessThanOrEqual(total);
    // The tasks-on-time leaf reads the year's plan.
    const tasksLeaf = view.nodes.find((n: any) => n.computedKey === "tasks_on_time");
    expect(tasksLeaf.entries.self?.text ?? "").toMatch(/Kế hoạch CCHC năm 2026: .* nhiệm vụ đến hạn trước 20\/11\/2026 hoàn thành đúng hạn\./);
  });

  it("keeps other communes out and lets only the commune's scorers write the self-assessment", async () => {
    expect((await outsider.get(`/api/par-assessments/${id}`)).status).toBe(404);
    expect((await viewer.get(`/api/par-assessments/${id}`)).status).toBe(200);
    const code = selfLeaves(view).find((n: any) => n.method === "self").code;
    for (const c of [officer, admin, viewer]) {
      expect((await c.put(`/api/par-assessments/${id}/leaves/${code}/self`, { input: { kind: "score", points: 0 } })).status).toBe(403);
    }
    expect((await outsider.put(`/api/par-assessments/${id}/leaves/${code}/self`, { input: { kind: "score", points: 0 } })).status).toBe(404);
  });

  it("refuses inputs the leaf's rule does not take, in Vietnamese, and writes nothing", async () => {
    const before = (await rows(app, sql`select count(*)::int as n from par_entries where assessment_id = ${id}`))[0].n;
    const boolLeaf = view.nodes.find((n: any) => n.rule?.kind === "boolean");
    const wrongKind = await focal.put(`/api/par-assessments/${id}/leaves/${boolLeaf.code}/self`, { input: { kind: "rate", percent: 50 } });
    expect(wrongKind.status).toBe(400);
    expect(wrongKind.body.error.message).toBe(`Tiêu chí ${boolLeaf.code} không nhận kiểu kết quả này.`);
    const plain = view.nodes.find((n: any) => n.isLeaf && !n.rule && n.selfScored);
    const tooMany = await focal.put(`/api/par-assessments/${id}/leaves/${plain.code}/self`, { input: { kind: "score", points: plain.maxPoints + 1 } });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.message).toMatch(new RegExp(`^Tiêu chí ${plain.code.replace(/\./g, "\\.")}: điểm chấm .* phải từ 0 đến điểm tối đa`));
    const parent = await focal.put(`/api/par-assessments/${id}/leaves/1/self`, { input: { kind: "score", points: 1 } });
    expect(parent.status).toBe(400);
    expect(parent.body.error.message).toMatch(/có tiêu chí con/);
    const unknown = await focal.put(`/api/par-assessments/${id}/leaves/9.9.9/self`, { input: { kind: "score", points: 1 } });
    expect(unknown.status).toBe(400);
    const appraisedOnly = view.nodes.find((n: any) => n.isLeaf && n.method === "appraised");
    if (appraisedOnly) expect((await focal.put(`/api/par-assessments/${id}/leaves/${appraisedOnly.code}/self`, { input: { kind: "score", points: 0 } })).status).toBe(400);
    const badBody = await focal.put(`/api/par-assessments/${id}/leaves/${plain.code}/self`, { input: { kind: "score", points: "nhiều" } });
    expect(badBody.status).toBe(400);
    expect((await rows(app, sql`select count(*)::int as n from par_entries where assessment_id = ${id}`))[0].n).toBe(before);
  });

  it("attaches a file, a link and a plan as evidence, and refuses a file that is not what it says", async () => {
    const [withFile, withLink, withRecord] = selfLeaves(view).filter((n: any) => n.method === "self");
    const pdf = new Uint8Array(samplePdf("Bao cao CCHC")) as Uint8Array<ArrayBuffer>;
    const up = await focal.post(`/api/par-assessments/${id}/leaves/${withFile.code}/evidence`, fileForm("bao-cao.pdf", pdf, "application/pdf", { stage: "self", label: "Báo cáo CCHC năm" }));
    expect(up.status, JSON.stringify(up.body)).toBe(201);
    expect(leafOf(up.body.assessment, withFile.code).evidence).toMatchObject([{ kind: "file", label: "Báo cáo CCHC năm", filename: "bao-cao.pdf" }]);
    const download = await viewer.get(`/api/par-assessments/${id}/evidence/${up.body.id}`);
    expect(download.status).toBe(200);
    expect(Buffer.from(download.body as ArrayBuffer).equals(Buffer.from(pdf))).toBe(true);
    expect((await outsider.get(`/api/par-assessments/${id}/evidence/${up.body.id}`)).status).toBe(404);

    const fake = await focal.post(`/api/par-assessments/${id}/leaves/${withFile.code}/evidence`, fileForm("bao-cao.pdf", new TextEncoder().encode("không phải pdf") as Uint8Array<ArrayBuffer>, "application/pdf"));
    expect(fake.status).toBe(400);
    const exe = await focal.post(`/api/par-assessments/${id}/leaves/${withFile.code}/evidence`, fileForm("virus.exe", pdf, "application/octet-stream"));
    expect(exe.status).toBe(400);
    expect(exe.body.error.message).toMatch(/^Tệp virus\.exe không được hỗ trợ/);

    const link = await focal.post(`/api/par-assessments/${id}/leaves/${withLink.code}/evidence-links`, { kind: "link", stage: "self", url: "https://hoaihao.gov.vn/cchc/bao-cao-2026", label: "Cổng thông tin điện tử phường" });
    expect(link.status, JSON.stringify(link.body)).toBe(201);
    expect((await focal.post(`/api/par-assessments/${id}/leaves/${withLink.code}/evidence-links`, { kind: "link", stage: "self", url: "javascript:alert(1)", label: "x" })).status).toBe(400);

    const records = await focal.get(`/api/par-assessments/${id}/records?q=ke hoach`);
    expect(records.status).toBe(200);
    const plan = records.body.find((r: any) => r.type === "plan");
    expect(plan.label).toMatch(/^Kế hoạch số 08\/KH-UBND: /);
    const rec = await focal.post(`/api/par-assessments/${id}/leaves/${withRecord.code}/evidence-links`, { kind: "record", stage: "self", recordType: "plan", recordId: plan.id });
    expect(rec.status).toBe(201);
    expect(leafOf(rec.body.assessment, withRecord.code).evidence[0]).toMatchObject({ kind: "record", recordType: "plan", recordId: plan.id, label: plan.label });
    // A plan of another commune is not evidence of this one.
    const tkPlans = await outsider.get(`/api/orgs/${(await outsider.get("/api/auth/me")).body.orgId}/plans`);
    const foreign = await focal.post(`/api/par-assessments/${id}/leaves/${withRecord.code}/evidence-links`, { kind: "record", stage: "self", recordType: "plan", recordId: tkPlans.body[0].id });
    expect(foreign.status).toBe(400);
    view = rec.body.assessment;
  });

  it("lets the chairman sign off only when every leaf is scored and backed by evidence or an explanation; then it is frozen", async () => {
    expect((await focal.post(`/api/par-assessments/${id}/moves`, { move: "submit" })).status).toBe(403);
    const early = await chairman.post(`/api/par-assessments/${id}/moves`, { move: "submit" });
    expect(early.status).toBe(400);
    expect(early.body.error.message).toMatch(/^Chưa trình được bản tự đánh giá:\nTiêu chí [\d.]+: chưa tự chấm điểm\./);

    const withEvidence = new Set(view.nodes.filter((n: any) => n.evidence?.length).map((n: any) => n.code));
    const todo = selfLeaves(view).filter((n: any) => !n.entries.self || !n.entries.self.automatic);
    const unexplained = todo.find((n: any) => !withEvidence.has(n.code) && n.inputKinds[0] !== "not_applicable");
    for (const leaf of todo) {
      const explanation = leaf === unexplained ? "" : "Căn cứ báo cáo kết quả thực hiện của phường";
      const res = await focal.put(`/api/par-assessments/${id}/leaves/${leaf.code}/self`, { input: fullInput(leaf), text: "Đã thực hiện", explanation });
      expect(res.status, `${leaf.code} ${JSON.stringify(res.body)}`).toBe(200);
      view = res.body;
    }
    expect(view.problems).toEqual([`Tiêu chí ${unexplained.code}: chưa có tài liệu kiểm chứng; cần giải trình cụ thể cách đánh giá, tính điểm.`]);
    const still = await chairman.post(`/api/par-assessments/${id}/moves`, { move: "submit" });
    expect(still.status).toBe(400);
    expect(still.body.error.message).toContain(`Tiêu chí ${unexplained.code}: chưa có tài liệu kiểm chứng`);
    await focal.put(`/api/par-assessments/${id}/leaves/${unexplained.code}/self`, { input: fullInput(unexplained), text: "", explanation: "Số liệu theo sổ theo dõi của Văn phòng" });

    const signed = await chairman.post(`/api/par-assessments/${id}/moves`, { move: "submit" });
    expect(signed.status, JSON.stringify(signed.body)).toBe(200);
    expect(signed.body).toMatchObject({ status: "submitted", steps: { submitted: { by: "Thái Tường Hận" } } });
    expect(signed.body.result.missing.filter((c: string) => selfLeaves(view).some((n: any) => n.code === c))).toEqual([]);
    view = signed.body;
    const frozen = await focal.put(`/api/par-assessments/${id}/leaves/${unexplained.code}/self`, { input: { kind: "score", points: 0 } });
    expect(frozen.status).toBe(409);
    const ev = view.nodes.find((n: any) => n.evidence?.length).evidence[0];
    expect((await focal.delete(`/api/par-assessments/${id}/evidence/${ev.id}`)).status).toBe(409);
  });

  let lowered: any;
  it("keeps round 1 from the commune until the province closes it, and asks for a comment when a score changes", async () => {
    lowered = selfLeaves(view).find((n: any) => n.method === "self" && !n.rule && n.maxPoints >= 1);
    const silent = await admin.put(`/api/par-assessments/${id}/leaves/${lowered.code}/round1`, { input: { kind: "score", points: lowered.maxPoints - 0.5 } });
    expect(silent.status).toBe(400);
    expect(silent.body.error).toMatchObject({ message: "Điểm thẩm định khác điểm tự chấm: cần ghi ý kiến thẩm định.", field: "text" });
    const r1 = await admin.put(`/api/par-assessments/${id}/leaves/${lowered.code}/round1`, { input: { kind: "score", points: lowered.maxPoints - 0.5 }, text: "Chưa có báo cáo kết quả thực hiện" });
    expect(r1.status).toBe(200);
    expect(leafOf(r1.body, lowered.code)).toMatchObject({ countingStage: "round1", entries: { round1: { text: "Chưa có báo cáo kết quả thực hiện", by: "Phan Văn Quang" } } });
    expect((await chairman.put(`/api/par-assessments/${id}/leaves/${lowered.code}/round1`, { input: { kind: "score", points: 0 }, text: "x" })).status).toBe(403);
    // The commune still sees its own score only.
    const seen = (await focal.get(`/api/par-assessments/${id}`)).body;
    expect(leafOf(seen, lowered.code)).toMatchObject({ countingStage: "self", entries: { round1: null } });
    expect(seen.stages.map((s: any) => s.stage)).toEqual(["self", "response"]);

    const early = await admin.post(`/api/par-assessments/${id}/moves`, { move: "close_round1" });
    const appraised = view.nodes.filter((n: any) => n.isLeaf && !n.selfScored && n.method !== "survey");
    if (appraised.length) {
      expect(early.status).toBe(400);
      expect(early.body.error.message).toMatch(/^Còn tiêu chí do Hội đồng thẩm định chấm chưa có điểm: /);
      for (const leaf of appraised) {
        const kindFirst = leaf.appraisalKinds[0];
        expect(kindFirst).toBe("score");
        expect((await admin.put(`/api/par-assessments/${id}/leaves/${leaf.code}/round1`, { input: { kind: "score", points: leaf.maxPoints }, text: "Hội đồng chấm" })).status).toBe(200);
      }
      expect((await admin.post(`/api/par-assessments/${id}/moves`, { move: "close_round1" })).status).toBe(200);
    } else {
      expect(early.status).toBe(200);
    }
    const after = (await focal.get(`/api/par-assessments/${id}`)).body;
    expect(after.status).toBe("round1");
    expect(leafOf(after, lowered.code)).toMatchObject({ countingStage: "round1", points: lowered.maxPoints - 0.5 });
  });

  it("takes the commune's explanation with evidence, then the final score; every value keeps who and when", async () => {
    expect((await focal.put(`/api/par-assessments/${id}/leaves/${lowered.code}/response`, { text: "  " })).status).toBe(400);
    const resp = await focal.put(`/api/par-assessments/${id}/leaves/${lowered.code}/response`, { text: "Phường bổ sung báo cáo số 15/BC-UBND" });
    expect(resp.status).toBe(200);
    const pdf = new Uint8Array(samplePdf("Bao cao bo sung")) as Uint8Array<ArrayBuffer>;
    expect((await focal.post(`/api/par-assessments/${id}/leaves/${lowered.code}/evidence`, fileForm("bo-sung.pdf", pdf, "application/pdf", { stage: "response" }))).status).toBe(201);
    expect((await admin.put(`/api/par-assessments/${id}/leaves/${lowered.code}/final`, { input: { kind: "score", points: lowered.maxPoints }, text: "Chấp nhận giải trình" })).status).toBe(200);
    expect((await focal.post(`/api/par-assessments/${id}/moves`, { move: "close_explanation" })).status).toBe(200);
    expect((await admin.put(`/api/par-assessments/${id}/survey`, { survey: { kind: "points", points: 31 } })).status).toBe(400);
    const survey = await admin.put(`/api/par-assessments/${id}/survey`, { survey: { kind: "points", points: 24.5 } });
    expect(survey.status).toBe(200);
    expect(survey.body.result.survey).toMatchObject({ points: 24.5, max: 30, missing: false });
    const fin = await admin.post(`/api/par-assessments/${id}/moves`, { move: "close_final" });
    expect(fin.status).toBe(200);
    expect(fin.body).toMatchObject({ status: "final", steps: { final: { by: "Phan Văn Quang" } } });

    const seen = (await focal.get(`/api/par-assessments/${id}`)).body;
    expect(leafOf(seen, lowered.code)).toMatchObject({ countingStage: "final", points: lowered.maxPoints });
    expect(seen.rank).toEqual({ rank: 1, of: 1 });
    expect(seen.previous).toMatchObject({ year: 2025, className: expect.any(String), rank: { rank: expect.any(Number), of: 2 } });

    const history = await focal.get(`/api/par-assessments/${id}/leaves/${lowered.code}/history`);
    expect(history.body.map((e: any) => [e.stage, e.by])).toEqual([
      ["final", "Phan Văn Quang"], ["response", "Ngô Thị Thu"], ["round1", "Phan Văn Quang"], ["self", "Ngô Thị Thu"],
    ]);
    const audit = await rows(app, sql`select summary from audit_log where entity_id = ${id} order by id`);
    expect(audit.map((a) => a.summary)).toEqual(expect.arrayContaining([
      "Chủ tịch ký duyệt và trình bản tự đánh giá (Chỉ số CCHC năm 2026)", "Chốt kết quả thẩm định lần 1 (Chỉ số CCHC năm 2026)",
      "Chốt nội dung giải trình (Chỉ số CCHC năm 2026)", "Chốt điểm cuối cùng (Chỉ số CCHC năm 2026)",
    ]));
  });

  it("imports survey points from a workbook: a bad row refuses the whole file", async () => {
    const before = (await admin.get(`/api/par-assessments/${id}`)).body.result.total;
    const bad = await xlsx([["Mã đơn vị", "Điểm điều tra xã hội học", "Tên đơn vị"], ["phuong-hoai-hao", 26, "Hoài Hảo"], ["xa-khong-co", 20, "?"], ["xa-tinh-khe", "nhiều", "Tỉnh Khê"]]);
    const refused = await admin.post(`/api/orgs/${provinceId}/par-survey`, fileForm("dieu-tra.xlsx", bad, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", { year: "2026" }));
    expect(refused.status).toBe(400);
    expect(refused.body.error.message.split("\n")).toEqual([
      "Không nhập được điểm điều tra từ tệp dieu-tra.xlsx:", "Dòng 4, cột B: “nhiều” không phải là số.",
    ]);
    const unknown = await xlsx([["Mã đơn vị", "Điểm điều tra xã hội học"], ["phuong-hoai-hao", 26], ["xa-khong-co", 20]]);
    const refused2 = await admin.post(`/api/orgs/${provinceId}/par-survey`, fileForm("dieu-tra.xlsx", unknown, "application/octet-stream", { year: "2026" }));
    expect(refused2.status).toBe(400);
    expect(refused2.body.error.message).toContain("Dòng 3, cột A: mã đơn vị “xa-khong-co” không có bản đánh giá năm 2026 trong tỉnh.");
    expect((await admin.get(`/api/par-assessments/${id}`)).body.result.total).toBe(before);
    expect((await focal.post(`/api/orgs/${provinceId}/par-survey`, fileForm("dieu-tra.xlsx", unknown, "application/octet-stream", { year: "2026" }))).status).toBe(404);

    const good = await xlsx([["Mã đơn vị", "Điểm điều tra xã hội học"], ["phuong-hoai-hao", "26,5"]]);
    const ok = await admin.post(`/api/orgs/${provinceId}/par-survey`, fileForm("dieu-tra.xlsx", good, "application/octet-stream", { year: "2026" }));
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toEqual({ imported: 1 });
    expect((await admin.get(`/api/par-assessments/${id}`)).body.result.total).toBe(before + 2);
  });

  it("ranks the province's communes with last year's results beside them, and publishes them to a public page", async () => {
    expect((await focal.get(`/api/orgs/${provinceId}/par-results?year=2026`)).status).toBe(404);
    const res = await viewer.get(`/api/orgs/${provinceId}/par-results?year=2026`);
    expect(res.status).toBe(200);
    const hh = res.body.rows.find((r: any) => r.code === "phuong-hoai-hao");
    const tk = res.body.rows.find((r: any) => r.code === "xa-tinh-khe");
    expect(hh).toMatchObject({ rank: 1, of: 1, status: "final", previous: { rank: expect.any(Number) } });
    expect(hh.change).toBeCloseTo(hh.result.percent - hh.previous.percent, 2);
    expect(tk).toMatchObject({ rank: null, status: "draft", statusLabel: "Đang tự chấm" });
    expect(res.body.published).toBeNull();
    expect((await viewer.post(`/api/orgs/${provinceId}/par-results/publish`, { year: 2026 })).status).toBe(403);

    const anon = app.anonymous();
    expect((await anon.get("/api/public/provinces/tinh-mau/par-results?year=2026")).status).toBe(404);
    const last = await anon.get("/api/public/provinces/tinh-mau/par-results");
    expect(last.status).toBe(200);
    expect(last.body).toMatchObject({ year: 2025, years: [2025] });
    expect(last.body.rows.map((r: any) => r.rank)).toEqual([1, 2]);
    expect(JSON.stringify(last.body)).not.toMatch(/assessmentId|text|explanation/);

    expect((await admin.post(`/api/orgs/${provinceId}/par-results/publish`, { year: 2026 })).status).toBe(200);
    const pub = await anon.get("/api/public/provinces/tinh-mau/par-results?year=2026");
    expect(pub.status).toBe(200);
    expect(pub.body.rows).toEqual([expect.objectContaining({ rank: 1, code: "phuong-hoai-hao", percent: hh.result.percent, previous: expect.objectContaining({ rank: hh.previous.rank }) })]);
    expect(pub.headers.get("cache-control")).toBe("public, max-age=300");
    expect((await anon.get("/api/public/provinces/khong-co/par-results")).status).toBe(404);
  });

  it("turns every lost criterion into a task of a remediation plan draft, once", async () => {
    const seen = (await focal.get(`/api/par-assessments/${id}`)).body;
    expect((await chairman.post(`/api/par-assessments/${id}/remediation-plan`)).status).toBe(403);
    const made = await focal.post(`/api/par-assessments/${id}/remediation-plan`);
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body.tasks).toBe(seen.result.lostPoints.length);
    const plan = (await focal.get(`/api/plans/${made.body.planId}`)).body;
    expect(plan).toMatchObject({ type: "remediation", status: "draft", year: 2027, title: "Khắc phục tồn tại, hạn chế qua kết quả Chỉ số cải cách hành chính năm 2026 của UBND phường Hoài Hảo" });
    const tasks = plan.tasks;
    expect(tasks.map((t: any) => t.ref).sort()).toEqual(seen.result.lostPoints.map((l: any) => l.code).sort());
    for (const t of tasks) {
      expect(t.title).toMatch(/^Khắc phục tiêu chí [\d.]+ “.+”: /);
      expect(t.dueDate).toMatch(/^2027-(06-30|12-15)$/);
      expect(t.lead.length).toBeGreaterThan(0);
    }
    const again = await focal.post(`/api/par-assessments/${id}/remediation-plan`);
    expect(again.status).toBe(409);
    expect(again.body.error.field).toBe(made.body.planId);
  });

  it("moves every assessment of the year to a replacing set and scores it again", async () => {
    const before = (await admin.get(`/api/par-assessments/${id}`)).body;
    const set = exampleSet(2026, "phuong");
    // The replacing decision drops criterion 1.1 and raises the points of the first leaf of area 2.
    const area1 = set.root.children[0];
    const dropped = area1.children!.find((c) => c.code === "1.1")!;
    area1.children = area1.children!.filter((c) => c !== dropped);
    area1.maxPoints -= dropped.maxPoints;
    // Every node down to a directly scored leaf of area 2 grows by the dropped points.
    const pathTo = (node: any): any[] | null => {
      if (!node.children?.length) return node.rule ? null : [node];
      for (const c of node.children) { const p = pathTo(c); if (p) return [node, ...p]; }
      return null;
    };
    for (const node of pathTo(set.root.children[1])!) node.maxPoints += dropped.maxPoints;
    const form = new FormData();
    form.append("file", new Blob([JSON.stringify(set)], { type: "application/json" }), "bo-tieu-chi-moi.json");
    const saved = await admin.post(`/api/orgs/${provinceId}/criteria-sets`, form);
    expect(saved.status, JSON.stringify(saved.body)).toBe(201);
    expect(saved.body.version).toBe(2);
    const after = (await admin.get(`/api/par-assessments/${id}`)).body;
    expect(after.set.version).toBe(2);
    expect(after.rescoreReport).toMatchObject({ fromVersion: 1, toVersion: 2, disappeared: [{ code: "1.1" }] });
    expect(after.nodes.some((n: any) => n.code === "1.1")).toBe(false);
    expect(after.result.total).not.toBe(before.result.total);
    // The xã of the province stays on its own set.
    const tk = (await admin.get(`/api/orgs/${provinceId}/par-results?year=2026`)).body.rows.find((r: any) => r.code === "xa-tinh-khe");
    expect((await admin.get(`/api/par-assessments/${tk.assessmentId}`)).body.set.version).toBe(1);
  });
});
