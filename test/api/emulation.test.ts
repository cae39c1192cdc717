import JSZip from "jszip";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { initiatives, inspectionFindings, inspectionPlans, inspections, users } from "../../src/db/schema.js";
import { addDays, ymd } from "../../src/domain/dates.js";
import { DB_KINDS } from "../support/db.js";
import { startTestApp, type Client, type TestApp } from "../support/app.js";
import { auditOf, openCommune, updateForm, type Commune } from "../support/commune.js";

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const CONFIRMED = "Danh sách đề nghị khen thưởng đã được xác nhận; mở lại để sửa.";
const MONTH_ENDS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31].map((day, i) => ymd(2027, i + 1, day));
const D = "2027-11-15";

/**
 * A year (2027) of xã Tỉnh Khê's records made through the API: a plan
 * approved by the chairman whose ten tasks of Văn phòng – Thống kê are all done
 * on time and whose ten tasks of Tư pháp – Hộ tịch are done on time but for the
 * one due 30/09, never done; an initiative of each unit and one finding of
 * each unit's inspection (Văn phòng's fixed, Tư pháp's open), written to the
 * tables directly. Today is 15/11/2027.
 */
describe.each(DB_KINDS)("emulation campaigns on %s", (kind) => {
  let app: TestApp;
  let c: Commune;
  let chairman: Client;
  let officer: Client;
  let province: Client;
  let stranger: Client;
  let A: string; // Văn phòng – Thống kê
  let B: string; // Tư pháp – Hộ tịch
  let hungId: string;
  let missingTaskId: string;
  let yearPlanId: string;
  let emulationPlanId: string;
  let campaignId: string;

  const participant = (campaign: any, name: string) => {
    const p = campaign.participants.find((x: any) => x.name === name);
    if (!p) throw new Error(`no participant ${name}`);
    return p;
  };
  const result = (p: any, criterionId: string) => p.results.find((r: any) => r.criterionId === criterionId);
  const get = async (id = campaignId, client: Client = c.focal) => {
    const res = await client.get(`/api/campaigns/${id}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };

  beforeAll(async () => {
    app = await startTestApp(kind);
    c = await openCommune(app);
    chairman = await app.login("ct.tinhkhe");
    officer = await app.login("tpht.tinhkhe");
    province = await app.login("qt.tinh");
    stranger = await app.login("dm.hoaihao");
    A = c.unitId("vp-tk");
    B = c.unitId("tp-ht");
    const { db } = app.database;
    hungId = (await db.select({ id: users.id }).from(users).where(eq(users.username, "vptk.tinhkhe")))[0].id;

    app.clock.today = "2027-01-04";
    const plan = await c.focal.post(`/api/orgs/${c.orgId}/plans`, { type: "annual", title: "Kế hoạch cải cách hành chính năm 2027", year: 2027 });
    expect(plan.status).toBe(201);
    yearPlanId = plan.body.id;
    const taskIds: Record<string, string[]> = { [A]: [], [B]: [] };
    for (const unit of [A, B]) {
      for (const [i, dueDate] of MONTH_ENDS.entries()) {
        const t = await c.focal.post(`/api/plans/${yearPlanId}/tasks`, { ref: String(i + 1), title: `Nhiệm vụ tháng ${i + 1}`, area: "cong-vu", leadUnitIds: [unit], dueDate });
        expect(t.status, JSON.stringify(t.body)).toBe(201);
        taskIds[unit].push(t.body.id);
      }
      // Due after the cut date: never counted.
      expect((await c.focal.post(`/api/plans/${yearPlanId}/tasks`, { ref: "11", title: "Tổng kết năm", leadUnitIds: [unit], dueDate: "2027-12-20" })).status).toBe(201);
    }
    expect((await chairman.post(`/api/plans/${yearPlanId}/status`, { status: "active" })).status).toBe(200);

    app.clock.today = D;
    missingTaskId = taskIds[B][8]; // due 30/09
    for (const unit of [A, B]) {
      for (const [i, id] of taskIds[unit].entries()) {
        if (id === missingTaskId) continue;
        const res = await c.focal.post(`/api/tasks/${id}/updates`, updateForm({ note: "Đã hoàn thành.", markDone: "true", date: addDays(MONTH_ENDS[i], -3) }));
        expect(res.status, JSON.stringify(res.body)).toBe(201);
      }
    }

    await db.insert(initiatives).values([
      { orgId: c.orgId, year: 2027, title: "Số hóa sổ đăng ký hộ tịch", unitId: A, authors: [{ name: "Trần Văn Hùng", userId: hungId }], submittedOn: "2027-03-10" },
      { orgId: c.orgId, year: 2027, title: "Hẹn trả kết quả qua Zalo", unitId: B, authors: [{ name: "Lê Thị Hoa", userId: null }], submittedOn: "2027-04-02" },
    ]);
    const [iplan] = await db.insert(inspectionPlans).values({ orgId: c.orgId, year: 2027, title: "Kế hoạch tự kiểm tra CCHC năm 2027", targetShare: 50 }).returning();
    for (const [unit, fixed] of [[A, true], [B, false]] as const) {
      const [insp] = await db.insert(inspections).values({ orgId: c.orgId, inspectionPlanId: iplan.id, unitId: unit, plannedFrom: "2027-05-18", plannedTo: "2027-05-20", conductedOn: "2027-05-20" }).returning();
      await db.insert(inspectionFindings).values({
        orgId: c.orgId, inspectionId: insp.id, description: "Niêm yết thủ tục hành chính chưa đầy đủ.", responsibleUnitId: unit, fixDue: "2027-06-30",
        status: fixed ? "fixed" : "open", closedOn: fixed ? "2027-06-25" : null,
      });
    }

    const emulation = await c.focal.post(`/api/orgs/${c.orgId}/plans`, { type: "emulation", title: "Phát động phong trào thi đua đẩy mạnh cải cách hành chính năm 2027", year: 2027 });
    expect(emulation.status).toBe(201);
    emulationPlanId = emulation.body.id;
    for (const [i, title] of ["Thi đua thực hiện nhiệm vụ cải cách hành chính", "Thi đua giải quyết thủ tục hành chính đúng hạn"].entries()) {
      expect((await c.focal.post(`/api/plans/${emulationPlanId}/tasks`, { ref: String(i + 1), title, leadUnitIds: [i ? B : A] })).status).toBe(201);
    }
  });
  afterAll(async () => { await app?.close(); });

  it("creates a campaign from the emulation plan once, with the default criteria and every unit", async () => {
    expect((await officer.post(`/api/plans/${emulationPlanId}/campaign`)).status).toBe(403);
    const annual = await c.focal.post(`/api/plans/${yearPlanId}/campaign`);
    expect(annual.status).toBe(409);
    expect(annual.body.error.message).toBe("Chỉ kế hoạch thi đua (kế hoạch phát động phong trào thi đua) mới tạo được phong trào thi đua.");

    const res = await c.focal.post(`/api/plans/${emulationPlanId}/campaign`);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const campaign = res.body;
    campaignId = campaign.id;
    expect(campaign).toMatchObject({
      title: "Phong trào thi đua đẩy mạnh cải cách hành chính năm 2027", year: 2027, periodFrom: "2027-01-01", periodTo: "2027-12-31", status: "open", cutOff: D,
      sourcePlan: { id: emulationPlanId, title: "Phát động phong trào thi đua đẩy mạnh cải cách hành chính năm 2027" },
      proposal: null, confirmedBy: null, can: { manage: true, judge: true, confirm: true, export: false },
    });
    expect(campaign.criteria.map((k: any) => [k.id, k.appliesTo, k.direction])).toEqual([
      ["c1", "unit", "min"], ["c2", "both", "min"], ["c3", "both", "max"], ["c4", "unit", "min"], ["c5", "person", "min"], ["c6", "both", null],
    ]);
    expect(campaign.criteria[0]).toMatchObject({ label: "Hoàn thành 100% nhiệm vụ được giao trong kế hoạch CCHC", metricLabel: "Tỷ lệ nhiệm vụ được giao đã hoàn thành", unit: "%" });
    expect(campaign.metrics).toHaveLength(5);
    expect(campaign.contentGroups).toEqual([
      { taskId: expect.any(String), ref: "1", title: "Thi đua thực hiện nhiệm vụ cải cách hành chính", area: null, status: "no_deadline", leadUnits: ["Văn phòng – Thống kê"] },
      { taskId: expect.any(String), ref: "2", title: "Thi đua giải quyết thủ tục hành chính đúng hạn", area: null, status: "no_deadline", leadUnits: ["Tư pháp – Hộ tịch"] },
    ]);
    const names = campaign.participants.map((p: any) => p.name);
    expect(names).toEqual(expect.arrayContaining(["Văn phòng – Thống kê", "Tư pháp – Hộ tịch", "Bộ phận Tiếp nhận và Trả kết quả (Một cửa)"]));
    expect(names).not.toContain("Lãnh đạo UBND (Chủ tịch, các Phó Chủ tịch)");
    expect(campaign.participants.every((p: any) => p.kind === "unit")).toBe(true);

    const again = await c.focal.post(`/api/plans/${emulationPlanId}/campaign`);
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe("Kế hoạch này đã có phong trào thi đua.");
  });

  it("shows a unit that meets every computed criterion and one that misses by one task", async () => {
    const campaign = await get();
    const a = participant(campaign, "Văn phòng – Thống kê");
    const b = participant(campaign, "Tư pháp – Hộ tịch");
    expect(result(a, "c1")).toMatchObject({ applies: true, outcome: "met", value: 100, text: "10/10 nhiệm vụ hoàn thành (100 %) — yêu cầu ≥ 100 %" });
    expect(result(a, "c2")).toMatchObject({ outcome: "met", value: 100 });
    expect(result(a, "c3")).toMatchObject({ outcome: "met", value: 0, text: "Không có nhiệm vụ quá hạn tại ngày 15/11/2027 — yêu cầu không quá 0" });
    expect(result(a, "c4")).toMatchObject({ outcome: "met", value: 100, text: "1/1 vấn đề phát hiện qua kiểm tra đã được xử lý (100 %) — yêu cầu ≥ 100 %" });
    expect(result(a, "c5")).toMatchObject({ applies: false, outcome: "na" });
    expect(result(a, "c6")).toMatchObject({ applies: true, outcome: "pending", text: "Chưa đánh giá", judgment: null });
    expect(a).toMatchObject({ proposed: false, missing: ["Chấp hành nghiêm kỷ luật, kỷ cương hành chính (không bị xử lý kỷ luật)"] });

    const c1 = result(b, "c1");
    expect(c1).toMatchObject({ outcome: "missed", value: 90, text: "9/10 nhiệm vụ hoàn thành (90 %) — yêu cầu ≥ 100 %" });
    expect(c1.records).toHaveLength(10);
    expect(c1.records[0]).toEqual({ kind: "task", id: missingTaskId, label: "9. Nhiệm vụ tháng 9", ok: false, planId: yearPlanId });
    expect(result(b, "c2")).toMatchObject({ outcome: "missed", value: 90, text: "9/10 nhiệm vụ hoàn thành đúng hạn (90 %) — yêu cầu ≥ 100 %" });
    expect(result(b, "c3")).toMatchObject({ outcome: "missed", value: 1, text: "1 nhiệm vụ quá hạn tại ngày 15/11/2027 — yêu cầu không quá 0", records: [{ id: missingTaskId, ok: false }, ...Array(9).fill(expect.objectContaining({ ok: true }))] });
    expect(result(b, "c4")).toMatchObject({ outcome: "missed", value: 0, records: [{ kind: "finding", ok: false, inspectionId: expect.any(String) }] });
    expect(b.missing).toEqual([
      "Hoàn thành 100% nhiệm vụ được giao trong kế hoạch CCHC", "Hoàn thành nhiệm vụ đúng thời gian quy định", "Không có nhiệm vụ quá hạn tại thời điểm xét",
      "100% vấn đề phát hiện qua kiểm tra được xử lý", "Chấp hành nghiêm kỷ luật, kỷ cương hành chính (không bị xử lý kỷ luật)",
    ]);
    // A unit without tasks or findings in 2027: the shares are "không phát sinh".
    const motCua = participant(campaign, "Bộ phận Tiếp nhận và Trả kết quả (Một cửa)");
    expect([result(motCua, "c1"), result(motCua, "c4")].map((r) => [r.outcome, r.text])).toEqual([
      ["na", "Không phát sinh nhiệm vụ đến hạn"], ["na", "Không phát sinh vấn đề phát hiện qua kiểm tra"],
    ]);

    // Marking the missing task done (late) clears the done share and the overdue count, not the on-time share.
    const done = await c.focal.post(`/api/tasks/${missingTaskId}/updates`, updateForm({ note: "Đã hoàn thành muộn.", markDone: "true", date: "2027-10-10" }));
    expect(done.status).toBe(201);
    const after = participant(await get(), "Tư pháp – Hộ tịch");
    expect([result(after, "c1").outcome, result(after, "c2").outcome, result(after, "c3").outcome]).toEqual(["met", "missed", "met"]);
    const reopen = await c.focal.post(`/api/tasks/${missingTaskId}/updates`, updateForm({ note: "Mở lại: sản phẩm chưa đạt yêu cầu.", reopen: "true" }));
    expect(reopen.status, JSON.stringify(reopen.body)).toBe(201);
    expect(result(participant(await get(), "Tư pháp – Hộ tịch"), "c1").outcome).toBe("missed");
  });

  it("validates criteria, naming the criterion, and a criterion's own cut date changes the result", async () => {
    const bad = await c.focal.patch(`/api/campaigns/${campaignId}`, {
      criteria: [
        { label: "Hoàn thành nhiệm vụ", appliesTo: "unit", source: { kind: "computed", metric: "tasks_done_share", threshold: 100 } },
        { label: "Kỷ luật", appliesTo: "both", source: { kind: "judged" } },
        { label: "Đúng hạn", appliesTo: "both", source: { kind: "computed", metric: "tasks_on_time_share", threshold: 120, asOf: null } },
      ],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toEqual({ code: "validation", message: "Tiêu chí thứ 3 (Đúng hạn): ngưỡng phải là số từ 0 đến 100.", field: "criteria.2.source.threshold" });
    const outside = await c.focal.post(`/api/orgs/${c.orgId}/campaigns`, {
      title: "Thi đua 6 tháng đầu năm 2027", year: 2027, periodFrom: "2027-01-01", periodTo: "2027-06-30",
      criteria: [{ label: "Không quá hạn", appliesTo: "unit", source: { kind: "computed", metric: "overdue_tasks_at", threshold: 0, asOf: "2027-07-31" } }],
    });
    expect(outside.status).toBe(400);
    expect(outside.body.error.message).toBe("Tiêu chí thứ 1 (Không quá hạn): ngày xét (31/07/2027) phải nằm trong thời gian phong trào (01/01/2027 – 30/06/2027).");
    const backwards = await c.focal.post(`/api/orgs/${c.orgId}/campaigns`, { title: "Sai thời gian", year: 2027, periodFrom: "2027-06-30", periodTo: "2027-01-01" });
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.field).toBe("periodTo");
    expect((await chairman.post(`/api/orgs/${c.orgId}/campaigns`, { title: "Của Chủ tịch", year: 2027, periodFrom: "2027-01-01", periodTo: "2027-12-31" })).status).toBe(403);

    const created = await c.focal.post(`/api/orgs/${c.orgId}/campaigns`, {
      title: "Thi đua hoàn thành nhiệm vụ 8 tháng đầu năm 2027", year: 2027, periodFrom: "2027-01-01", periodTo: "2027-12-31",
      criteria: [
        { label: "Hoàn thành nhiệm vụ đến 31/8", appliesTo: "unit", source: { kind: "computed", metric: "tasks_done_share", threshold: 100, asOf: "2027-08-31" } },
        { label: "Hoàn thành nhiệm vụ cả năm", appliesTo: "unit", source: { kind: "computed", metric: "tasks_done_share", threshold: 100, asOf: null } },
      ],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.criteria.map((k: any) => k.id)).toEqual(["c1", "c2"]);
    // Created by hand: nobody takes part until added.
    expect(created.body.participants).toEqual([]);
    const add = await c.focal.post(`/api/campaigns/${created.body.id}/participants`, { kind: "unit", unitId: B });
    expect(add.status).toBe(201);
    const b = participant(add.body, "Tư pháp – Hộ tịch");
    expect(result(b, "c1")).toMatchObject({ outcome: "met", value: 100, text: "8/8 nhiệm vụ hoàn thành đến ngày 31/08/2027 (100 %) — yêu cầu ≥ 100 %" });
    expect(result(b, "c2")).toMatchObject({ outcome: "missed", value: 90 });
    expect(b.proposed).toBe(false);

    // The list shows both campaigns and the plan the first came from.
    const list = await c.focal.get(`/api/orgs/${c.orgId}/campaigns?year=2027`);
    expect(list.status).toBe(200);
    expect(list.body.campaigns.map((x: any) => x.title)).toEqual(expect.arrayContaining(["Phong trào thi đua đẩy mạnh cải cách hành chính năm 2027", "Thi đua hoàn thành nhiệm vụ 8 tháng đầu năm 2027"]));
    expect(list.body.campaigns.find((x: any) => x.id === created.body.id)).toMatchObject({ participants: 1, proposed: 0, sourcePlan: null, status: "open" });
    expect(list.body.emulationPlans).toEqual([{ id: emulationPlanId, title: "Phát động phong trào thi đua đẩy mạnh cải cách hành chính năm 2027", hasCampaign: true }]);
    expect(list.body.can).toEqual({ manage: true });

    expect((await c.focal.delete(`/api/campaigns/${created.body.id}`)).status).toBe(200);
    expect((await c.focal.get(`/api/campaigns/${created.body.id}`)).status).toBe(404);
  });

  it("adds persons by account or by name; their initiatives count by account and by name", async () => {
    const hung = await c.focal.post(`/api/campaigns/${campaignId}/participants`, { kind: "person", unitId: A, userId: hungId, title: "Công chức Văn phòng – Thống kê" });
    expect(hung.status, JSON.stringify(hung.body)).toBe(201);
    const hoa = await c.focal.post(`/api/campaigns/${campaignId}/participants`, { kind: "person", unitId: B, name: "Lê Thị Hoa", title: "Công chức Tư pháp – Hộ tịch" });
    expect(hoa.status).toBe(201);
    const p1 = participant(hoa.body, "Trần Văn Hùng");
    const p2 = participant(hoa.body, "Lê Thị Hoa");
    expect(p1).toMatchObject({ kind: "person", userId: hungId, unit: { id: A, name: "Văn phòng – Thống kê" }, title: "Công chức Văn phòng – Thống kê" });
    expect(result(p1, "c5")).toMatchObject({ outcome: "met", value: 1, records: [{ kind: "initiative", label: "Số hóa sổ đăng ký hộ tịch", ok: true }] });
    expect(result(p2, "c5")).toMatchObject({ outcome: "met", value: 1, records: [{ label: "Hẹn trả kết quả qua Zalo" }] });
    // Unit-only criteria do not apply to persons; a person shares the unit's tasks.
    expect(result(p1, "c1")).toMatchObject({ applies: false, outcome: "na", text: "Không áp dụng cho cá nhân" });
    expect(result(p2, "c2")).toMatchObject({ outcome: "missed", value: 90 });

    const dup = await c.focal.post(`/api/campaigns/${campaignId}/participants`, { kind: "person", unitId: A, userId: hungId });
    expect(dup.status).toBe(409);
    expect(dup.body.error.message).toBe("Trần Văn Hùng đã có trong danh sách tham gia phong trào thi đua.");
    expect((await c.focal.post(`/api/campaigns/${campaignId}/participants`, { kind: "unit", unitId: A })).status).toBe(409);
    const noName = await c.focal.post(`/api/campaigns/${campaignId}/participants`, { kind: "person", unitId: A });
    expect(noName.status).toBe(400);
    expect(noName.body.error.field).toBe("name");
    expect((await officer.post(`/api/campaigns/${campaignId}/participants`, { kind: "person", unitId: B, name: "Lê Thị Hoa" })).status).toBe(403);

    // Removing and adding again.
    const extra = await c.focal.post(`/api/campaigns/${campaignId}/participants`, { kind: "person", unitId: A, name: "Phạm Văn Nam" });
    const nam = participant(extra.body, "Phạm Văn Nam");
    const removed = await c.focal.delete(`/api/campaign-participants/${nam.id}`);
    expect(removed.status).toBe(200);
    expect(removed.body.participants.some((p: any) => p.name === "Phạm Văn Nam")).toBe(false);
    expect((await stranger.delete(`/api/campaign-participants/${p1.id}`)).status).toBe(404);
  });

  it("lets the chairman judge, not an officer; a judgment needs a note and a judged criterion", async () => {
    const campaign = await get();
    const a = participant(campaign, "Văn phòng – Thống kê");
    const denied = await officer.put(`/api/campaigns/${campaignId}/judgments`, { participantId: a.id, criterionId: "c6", met: true, note: "Tốt" });
    expect(denied.status).toBe(403);
    expect(denied.body.error.message).toBe("Chỉ công chức đầu mối CCHC hoặc Chủ tịch UBND đánh giá tiêu chí thi đua.");
    const short = await chairman.put(`/api/campaigns/${campaignId}/judgments`, { participantId: a.id, criterionId: "c6", met: true, note: "ok" });
    expect(short.status).toBe(400);
    expect(short.body.error.field).toBe("note");
    const computed = await chairman.put(`/api/campaigns/${campaignId}/judgments`, { participantId: a.id, criterionId: "c1", met: true, note: "Đã hoàn thành" });
    expect(computed.status).toBe(400);
    expect(computed.body.error.message).toBe('Tiêu chí "Hoàn thành 100% nhiệm vụ được giao trong kế hoạch CCHC" được tính tự động từ dữ liệu nên không đánh giá thủ công.');

    const judged = await chairman.put(`/api/campaigns/${campaignId}/judgments`, { participantId: a.id, criterionId: "c6", met: true, note: "Không có công chức bị xử lý kỷ luật trong năm." });
    expect(judged.status, JSON.stringify(judged.body)).toBe(200);
    expect(result(participant(judged.body, "Văn phòng – Thống kê"), "c6")).toMatchObject({
      outcome: "met", text: "Đạt: Không có công chức bị xử lý kỷ luật trong năm.", judgment: { met: true, note: "Không có công chức bị xử lý kỷ luật trong năm.", by: "Võ Minh Chính" },
    });
    expect(participant(judged.body, "Văn phòng – Thống kê")).toMatchObject({ proposed: true, missing: [] });
    // Judged again: the verdict is replaced.
    const again = await c.focal.put(`/api/campaigns/${campaignId}/judgments`, { participantId: a.id, criterionId: "c6", met: false, note: "Có công chức bị nhắc nhở." });
    expect(result(participant(again.body, "Văn phòng – Thống kê"), "c6")).toMatchObject({ outcome: "missed", judgment: { by: "Nguyễn Thị Lan" } });
  });

  it("confirms the proposal only when nothing is pending and every differing decision has a reason; then freezes it", async () => {
    const pending = await c.focal.post(`/api/campaigns/${campaignId}/confirm`, { entries: [] });
    expect(pending.status).toBe(409);
    expect(pending.body.error.message).toMatch(/^Còn tiêu chí chưa đánh giá \(.*Tư pháp – Hộ tịch.*\); cần đánh giá đủ các tiêu chí trước khi xác nhận danh sách đề nghị khen thưởng\.$/);
    expect((await c.focal.get(`/api/campaigns/${campaignId}/proposal.docx`)).status).toBe(409);

    for (const p of (await get()).participants) {
      const res = await chairman.put(`/api/campaigns/${campaignId}/judgments`, { participantId: p.id, criterionId: "c6", met: true, note: "Không bị xử lý kỷ luật." });
      expect(res.status).toBe(200);
    }
    const campaign = await get();
    const a = participant(campaign, "Văn phòng – Thống kê");
    const b = participant(campaign, "Tư pháp – Hộ tịch");
    expect([a.proposed, b.proposed]).toEqual([true, false]);
    const entries = campaign.participants.map((p: any) => ({ participantId: p.id, included: p.proposed, reason: null }));
    const withB = (reason: string | null) => entries.map((e: any) => (e.participantId === b.id ? { ...e, included: true, reason } : e));

    expect((await chairman.post(`/api/campaigns/${campaignId}/confirm`, { entries })).status).toBe(403);
    const noReason = await c.focal.post(`/api/campaigns/${campaignId}/confirm`, { entries: withB(null) });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.message).toMatch(/^Tư pháp – Hộ tịch chưa đạt đủ tiêu chí \(.*\) nhưng được đưa vào danh sách: cần ghi lý do \(ít nhất 5 ký tự\)\.$/);
    expect((await c.focal.post(`/api/campaigns/${campaignId}/confirm`, { entries: entries.slice(1) })).status).toBe(400);

    const confirmed = await c.focal.post(`/api/campaigns/${campaignId}/confirm`, { entries: withB("Nhiệm vụ tháng 9 lùi thời hạn theo chỉ đạo của UBND tỉnh.") });
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    expect(confirmed.body).toMatchObject({ status: "confirmed", confirmedBy: "Nguyễn Thị Lan", can: { export: true } });
    expect(confirmed.body.confirmedAt).toEqual(expect.any(String));
    expect(confirmed.body.proposal).toHaveLength(campaign.participants.length);
    expect(confirmed.body.proposal.find((e: any) => e.participantId === b.id)).toEqual({
      participantId: b.id, included: true, reason: "Nhiệm vụ tháng 9 lùi thời hạn theo chỉ đạo của UBND tỉnh.", name: "Tư pháp – Hộ tịch",
    });

    for (const res of [
      await c.focal.patch(`/api/campaigns/${campaignId}`, { title: "Tên khác" }),
      await c.focal.post(`/api/campaigns/${campaignId}/participants`, { kind: "person", unitId: A, name: "Phạm Văn Nam" }),
      await chairman.put(`/api/campaigns/${campaignId}/judgments`, { participantId: a.id, criterionId: "c6", met: false, note: "Đổi ý kiến." }),
      await c.focal.delete(`/api/campaign-participants/${a.id}`),
      await c.focal.delete(`/api/campaigns/${campaignId}`),
      await c.focal.post(`/api/campaigns/${campaignId}/confirm`, { entries }),
    ]) {
      expect(res.status).toBe(409);
      expect(res.body.error.message).toBe(CONFIRMED);
    }

    // The confirmed list no longer moves with the records: completing the missing task changes nothing until it is reopened.
    expect((await c.focal.post(`/api/tasks/${missingTaskId}/updates`, updateForm({ note: "Đã hoàn thành muộn.", markDone: "true", date: "2027-10-10" }))).status).toBe(201);
    expect(result(participant(await get(), "Tư pháp – Hộ tịch"), "c1")).toMatchObject({ outcome: "missed", text: "9/10 nhiệm vụ hoàn thành (90 %) — yêu cầu ≥ 100 %" });

    const docx = await c.focal.get(`/api/campaigns/${campaignId}/proposal.docx`);
    expect(docx.status).toBe(200);
    expect(docx.headers.get("content-type")).toBe(DOCX);
    expect(docx.headers.get("content-disposition")).toMatch(/^attachment; filename="DS-KT-[\w.-]+\.docx"; filename\*=UTF-8''/);
    const document = await (await JSZip.loadAsync(Buffer.from(docx.body as ArrayBuffer))).file("word/document.xml")!.async("string");
    expect(document).toContain("Văn phòng – Thống kê");
    expect(document).toContain("Nhiệm vụ tháng 9 lùi thời hạn theo chỉ đạo của UBND tỉnh.");
    const xlsx = await province.get(`/api/campaigns/${campaignId}/proposal.xlsx`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get("content-type")).toBe(XLSX);
    const { default: ExcelJS } = await import("exceljs");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.body as ArrayBuffer);
    const rowOf = (name: string) => {
      const cells: Array<{ value: string; note: string }> = [];
      wb.eachSheet((sheet) => sheet.eachRow((row) => {
        if (row.getCell(3).value === name) row.eachCell((cell) => cells.push({ value: String(cell.value ?? ""), note: JSON.stringify(cell.note ?? "") }));
      }));
      return cells;
    };
    const bRow = rowOf("Tư pháp – Hộ tịch");
    expect(bRow.map((x) => x.value)).toEqual(expect.arrayContaining(["Chưa đạt", "Có", "Nhiệm vụ tháng 9 lùi thời hạn theo chỉ đạo của UBND tỉnh."]));
    expect(bRow.some((x) => x.note.includes("9/10 nhiệm vụ hoàn thành (90 %)"))).toBe(true);

    const list = (await c.focal.get(`/api/orgs/${c.orgId}/campaigns?year=2027`)).body;
    expect(list.campaigns.find((x: any) => x.id === campaignId)).toMatchObject({ status: "confirmed", proposed: confirmed.body.proposal.filter((e: any) => e.included).length });

    expect((await chairman.post(`/api/campaigns/${campaignId}/reopen`)).status).toBe(403);
    const reopened = await c.focal.post(`/api/campaigns/${campaignId}/reopen`);
    expect(reopened.status).toBe(200);
    expect(reopened.body).toMatchObject({ status: "open", confirmedBy: null, confirmedAt: null, can: { export: false } });
    expect(reopened.body.proposal).toEqual(confirmed.body.proposal);
    expect(result(participant(reopened.body, "Tư pháp – Hộ tịch"), "c1").outcome, "reopened, the results follow the records again").toBe("met");
    expect((await c.focal.get(`/api/campaigns/${campaignId}/proposal.xlsx`)).status).toBe(409);
    expect((await c.focal.patch(`/api/campaigns/${campaignId}`, { title: "Phong trào thi đua cải cách hành chính năm 2027" })).body.title).toBe("Phong trào thi đua cải cách hành chính năm 2027");

    const audit = await auditOf(c.focal, c.orgId, campaignId);
    expect(audit.map((e) => e.action)).toEqual(expect.arrayContaining(["create", "update", "status"]));
    expect(audit.find((e) => e.summary.startsWith("Xác nhận danh sách"))).toMatchObject({ user: { fullName: "Nguyễn Thị Lan" }, entity: "emulation_campaign" });
    expect(audit.find((e) => e.summary.startsWith("Mở lại danh sách"))).toBeTruthy();
    expect(audit.some((e) => e.summary === 'Đánh giá tiêu chí "Chấp hành nghiêm kỷ luật, kỷ cương hành chính (không bị xử lý kỷ luật)" của Văn phòng – Thống kê: Đạt' && e.user?.fullName === "Võ Minh Chính")).toBe(true);
  });

  it("hides a commune's campaigns from another commune and lets the province read only", async () => {
    expect((await stranger.get(`/api/campaigns/${campaignId}`)).status).toBe(404);
    expect((await stranger.patch(`/api/campaigns/${campaignId}`, { title: "x" })).status).toBe(404);
    expect((await stranger.get(`/api/campaigns/${campaignId}/proposal.docx`)).status).toBe(404);
    expect((await stranger.get(`/api/orgs/${c.orgId}/campaigns?year=2027`)).status).toBe(404);
    expect((await stranger.post(`/api/plans/${emulationPlanId}/campaign`)).status).toBe(404);

    const seen = await get(campaignId, province);
    expect(seen.can).toEqual({ manage: false, judge: false, confirm: false, export: false });
    expect(seen.participants.length).toBeGreaterThan(2);
    expect((await province.get(`/api/orgs/${c.orgId}/campaigns?year=2027`)).body.can).toEqual({ manage: false });
    const judge = await province.put(`/api/campaigns/${campaignId}/judgments`, { participantId: seen.participants[0].id, criterionId: "c6", met: true, note: "Tỉnh đánh giá" });
    expect(judge.status).toBe(403);
    expect((await province.patch(`/api/campaigns/${campaignId}`, { title: "Tỉnh sửa" })).status).toBe(403);
    expect((await app.anonymous().get(`/api/campaigns/${campaignId}`)).status).toBe(401);
  });
});
