import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { sendReminders } from "../../src/jobs/reminders.js";
import { DB_KINDS } from "../support/db.js";
import { startTestApp, type Client, type TestApp } from "../support/app.js";
import { auditOf } from "../support/commune.js";
import { openDocx, textOf } from "../documents/docx-support.js";

/**
 * The commune's self-inspection through the API, in 2027: the demo's own
 * inspection records are of the year it is seeded in (2026), so this year
 * starts empty and every figure below is counted by hand.
 */
const YEAR = 2027;
const COUNTED_KINDS = ["unit", "officer-title"];

describe.each(DB_KINDS)("inspections on %s", (kind) => {
  let app: TestApp;
  let focal: Client, chairman: Client, tpht: Client, tckt: Client, province: Client, viewer: Client, other: Client;
  let orgId: string, provinceId: string, otherOrgId: string;
  let unitId: (code: string) => string;
  let unitName: (code: string) => string;
  let counted: number;
  let planId: string;
  const ids: Record<string, string> = {};

  const at = (date: string) => { app.clock.today = date; };
  const year = async (client: Client = focal) => {
    const res = await client.get(`/api/orgs/${orgId}/inspections?year=${YEAR}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };
  const created = (res: { status: number; body: any }) => {
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  };
  const ok = (res: { status: number; body: any }) => {
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };
  const refused = (res: { status: number; body: any }, status: number, field?: string) => {
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    if (field) expect(res.body.error.field).toBe(field);
    return res.body.error.message as string;
  };
  const finding = async (id: string, client: Client = focal) => ok(await client.get(`/api/findings/${id}`));
  const findingsList = async (query = "", client: Client = focal) => ok(await client.get(`/api/orgs/${orgId}/findings?year=${YEAR}${query}`)).findings as any[];
  const notificationsOf = async (findingId: string) => {
    const res = await app.database.db.execute(sql`select n.kind, n.message, n.finding_id as "findingId", u.username from notifications n join users u on u.id = n.user_id
      where n.finding_id = ${findingId} order by u.username, n.created_at`);
    return (res as unknown as { rows: Array<{ kind: string; message: string; findingId: string; username: string }> }).rows;
  };

  beforeAll(async () => {
    app = await startTestApp(kind);
    [focal, chairman, tpht, tckt, province, viewer, other] = await Promise.all(
      ["dm.tinhkhe", "ct.tinhkhe", "tpht.tinhkhe", "tckt.tinhkhe", "qt.tinh", "xem.tinh", "dm.hoaihao"].map((u) => app.login(u)),
    );
    const me = ok(await focal.get("/api/auth/me"));
    orgId = me.orgId;
    provinceId = ok(await province.get("/api/auth/me")).orgId;
    otherOrgId = ok(await other.get("/api/auth/me")).orgId;
    const units: Array<{ id: string; code: string | null; name: string; kind: string }> = ok(await focal.get(`/api/orgs/${orgId}/units`));
    counted = units.filter((u) => COUNTED_KINDS.includes(u.kind)).length;
    unitId = (code) => units.find((u) => u.code === code)!.id;
    unitName = (code) => units.find((u) => u.code === code)!.name;
    const otherUnits = ok(await other.get(`/api/orgs/${otherOrgId}/units`));
    ids.foreignUnit = otherUnits[0].id;
    at(`${YEAR}-02-01`);
  });
  afterAll(async () => { await app?.close(); });

  it("starts a year with no plan, every bộ phận counted and nothing judged", async () => {
    const y = await year();
    expect(counted).toBeGreaterThanOrEqual(6);
    expect(y.plan).toBeNull();
    expect(y.units).toHaveLength(counted);
    expect(y.coverage).toEqual({ unitsTotal: counted, unitsPlanned: 0, unitsInspected: 0, plannedShare: 0, inspectedShare: 0, targetShare: null, met: null, missingToTarget: 0 });
    expect(y.findings).toEqual({ total: 0, open: 0, dueSoon: 0, overdue: 0, fixed: 0, escalated: 0, handledShare: null });
    expect(y.can).toEqual({ manage: true });
    expect((await year(chairman)).can).toEqual({ manage: false });
  });

  it("lets the focal point lay down and correct the plan, with messages naming the field", async () => {
    const body = { year: YEAR, title: `Kế hoạch tự kiểm tra công tác cải cách hành chính năm ${YEAR}`, number: "04/KH-UBND", issuedDate: `${YEAR}-01-25`, targetShare: 50 };
    expect(refused(await focal.put(`/api/orgs/${orgId}/inspection-plan`, { ...body, targetShare: 120 }), 400, "targetShare")).toBe("Tỷ lệ bộ phận cần kiểm tra không được lớn hơn 100 %.");
    expect(refused(await focal.put(`/api/orgs/${orgId}/inspection-plan`, { ...body, targetShare: -1 }), 400, "targetShare")).toBe("Tỷ lệ bộ phận cần kiểm tra không được nhỏ hơn 0 %.");
    expect(refused(await focal.put(`/api/orgs/${orgId}/inspection-plan`, { ...body, title: "  " }), 400, "title")).toBe("Tên kế hoạch kiểm tra không được để trống.");
    expect(refused(await focal.put(`/api/orgs/${orgId}/inspection-plan`, { ...body, issuedDate: `${YEAR}-02-30` }), 400, "issuedDate")).toBe(`Ngày ban hành không phải là ngày hợp lệ (30/02/${YEAR}).`);
    for (const who of [chairman, tpht, province]) expect(refused(await who.put(`/api/orgs/${orgId}/inspection-plan`, body), 403)).toMatch(/công chức đầu mối CCHC/);
    refused(await other.put(`/api/orgs/${orgId}/inspection-plan`, body), 404);

    const first = ok(await focal.put(`/api/orgs/${orgId}/inspection-plan`, body));
    expect(first.plan).toMatchObject({ title: body.title, number: "04/KH-UBND", issuedDate: `${YEAR}-01-25`, targetShare: 50, notes: null });
    expect(first.coverage).toMatchObject({ targetShare: 50, met: false, missingToTarget: Math.ceil(counted / 2) });
    const second = ok(await focal.put(`/api/orgs/${orgId}/inspection-plan`, { ...body, targetShare: 40, notes: "Ưu tiên bộ phận giải quyết thủ tục hành chính." }));
    expect(second.plan.id).toBe(first.plan.id);
    expect(second.plan).toMatchObject({ targetShare: 40, notes: "Ưu tiên bộ phận giải quyết thủ tục hành chính." });
    planId = second.plan.id;
    const audit = await auditOf(focal, orgId, planId);
    expect(audit.map((a) => a.summary)).toEqual([`Sửa kế hoạch kiểm tra CCHC năm ${YEAR}`, `Lập kế hoạch kiểm tra CCHC năm ${YEAR}: "${body.title}"`]);
    expect(audit[0].changes).toMatchObject({ targetShare: [50, 40] });
    expect(audit[0].user?.fullName).toBe("Nguyễn Thị Lan");
  });

  it("adds one inspection per unit; refuses a second, a window that ends before it starts and a unit of another commune", async () => {
    const team = ["Võ Minh Chính – Chủ tịch UBND xã, Trưởng đoàn", "Nguyễn Thị Lan – Công chức Văn phòng – Thống kê, thành viên"];
    const tp = created(await focal.post(`/api/inspection-plans/${planId}/inspections`, {
      unitId: unitId("tp-ht"), plannedFrom: `${YEAR}-03-10`, plannedTo: `${YEAR}-03-14`, team, content: "Việc tiếp nhận, giải quyết thủ tục hành chính lĩnh vực hộ tịch, chứng thực.",
    }));
    expect(tp).toMatchObject({ orgId, year: YEAR, inspectionPlanId: planId, unit: { id: unitId("tp-ht"), name: unitName("tp-ht") }, team, status: "planned", conductedOn: null, findings: [], can: { manage: true, notice: false } });
    ids.tp = tp.id;
    expect(refused(await focal.post(`/api/inspection-plans/${planId}/inspections`, { unitId: unitId("tp-ht"), plannedFrom: `${YEAR}-09-01`, plannedTo: `${YEAR}-09-02`, team: [], content: "" }), 409))
      .toBe(`Bộ phận ${unitName("tp-ht")} đã có trong kế hoạch kiểm tra năm ${YEAR}.`);
    expect(refused(await focal.post(`/api/inspection-plans/${planId}/inspections`, { unitId: unitId("mot-cua"), plannedFrom: `${YEAR}-04-18`, plannedTo: `${YEAR}-04-14`, team, content: "" }), 400, "plannedTo"))
      .toBe(`Ngày kết thúc dự kiến (14/04/${YEAR}) không được trước ngày bắt đầu (18/04/${YEAR}).`);
    expect(refused(await focal.post(`/api/inspection-plans/${planId}/inspections`, { unitId: ids.foreignUnit, plannedFrom: `${YEAR}-04-14`, plannedTo: `${YEAR}-04-18`, team, content: "" }), 400, "unitId"))
      .toBe("Bộ phận được kiểm tra không thuộc xã, phường này hoặc đã ngừng hoạt động.");
    refused(await focal.post(`/api/inspection-plans/${planId}/inspections`, { unitId: unitId("mot-cua"), plannedFrom: "14/04/2027", plannedTo: `${YEAR}-04-18` }), 400, "plannedFrom");
    refused(await tpht.post(`/api/inspection-plans/${planId}/inspections`, { unitId: unitId("mot-cua"), plannedFrom: `${YEAR}-04-14`, plannedTo: `${YEAR}-04-18`, team, content: "" }), 403);
    refused(await other.post(`/api/inspection-plans/${planId}/inspections`, { unitId: unitId("mot-cua"), plannedFrom: `${YEAR}-04-14`, plannedTo: `${YEAR}-04-18`, team, content: "" }), 404);

    for (const [code, from, to] of [["mot-cua", "04-14", "04-18"], ["tc-kt", "05-10", "05-12"], ["vh-xh", "10-05", "10-09"]] as const) {
      ids[code] = created(await focal.post(`/api/inspection-plans/${planId}/inspections`, { unitId: unitId(code), plannedFrom: `${YEAR}-${from}`, plannedTo: `${YEAR}-${to}`, team: [`Phạm Văn Nam – Tổ trưởng`], content: "" })).id;
    }
    const y = await year();
    expect(y.inspections.map((i: any) => i.unit.name)).toEqual(["tp-ht", "mot-cua", "tc-kt", "vh-xh"].map(unitName));
    expect(y.inspections[0]).toMatchObject({ teamLead: "Võ Minh Chính", status: "planned", findings: { total: 0, open: 0, overdue: 0 } });
    expect(y.inspections[1].teamLead).toBe("Phạm Văn Nam");
  });

  it("refuses findings until the inspection took place, then counts coverage against a hand count", async () => {
    const body = { area: "thu-tuc-hanh-chinh", description: "Chưa cập nhật niêm yết 03 thủ tục hành chính mới được công bố.", severity: "moderate", responsibleUnitId: unitId("tp-ht"), fixDue: `${YEAR}-04-15` };
    at(`${YEAR}-03-15`);
    expect(refused(await focal.post(`/api/inspections/${ids.tp}/findings`, body), 409)).toBe("Cuộc kiểm tra chưa diễn ra nên chưa thể ghi nhận vấn đề phát hiện.");
    expect(ok(await focal.get(`/api/inspections/${ids.tp}`)).status).toBe("overdue");
    expect(refused(await focal.patch(`/api/inspections/${ids.tp}`, { conductedOn: `${YEAR}-03-16` }), 400, "conductedOn")).toBe(`Ngày kiểm tra (16/03/${YEAR}) không được sau ngày hôm nay.`);
    refused(await chairman.patch(`/api/inspections/${ids.tp}`, { conductedOn: `${YEAR}-03-12` }), 403);

    const done = ok(await focal.patch(`/api/inspections/${ids.tp}`, { conductedOn: `${YEAR}-03-12` }));
    expect(done).toMatchObject({ status: "done", conductedOn: `${YEAR}-03-12`, can: { notice: false } });
    at(`${YEAR}-04-17`);
    ok(await focal.patch(`/api/inspections/${ids["mot-cua"]}`, { conductedOn: `${YEAR}-04-16` }));

    // Hand count: 4 units planned, 2 inspected, of the counted units; target 40 %.
    const y = await year();
    const required = Math.ceil((40 * counted) / 100);
    const pct = (n: number) => Math.round((n / counted) * 10000) / 100;
    expect(y.coverage).toEqual({
      unitsTotal: counted, unitsPlanned: 4, unitsInspected: 2, plannedShare: pct(4), inspectedShare: pct(2), targetShare: 40,
      met: 2 >= required, missingToTarget: Math.max(0, required - 2),
    });
    expect(y.inspections.map((i: any) => i.status)).toEqual(["done", "done", "planned", "planned"]);

    expect(refused(await focal.post(`/api/inspections/${ids.tp}/findings`, { ...body, fixDue: `${YEAR}-03-01` }), 400, "fixDue")).toBe(`Hạn khắc phục (01/03/${YEAR}) không được trước ngày kiểm tra (12/03/${YEAR}).`);
    expect(refused(await focal.post(`/api/inspections/${ids.tp}/findings`, { ...body, responsibleUnitId: ids.foreignUnit }), 400, "responsibleUnitId"))
      .toBe("Bộ phận chịu trách nhiệm khắc phục không thuộc xã, phường này hoặc đã ngừng hoạt động.");
    refused(await focal.post(`/api/inspections/${ids.tp}/findings`, { ...body, area: "khong-co" }), 400, "area");
    refused(await tpht.post(`/api/inspections/${ids.tp}/findings`, body), 403);

    const f1 = created(await focal.post(`/api/inspections/${ids.tp}/findings`, body));
    expect(f1).toMatchObject({ inspectionId: ids.tp, inspectedUnit: { id: unitId("tp-ht") }, responsibleUnit: { id: unitId("tp-ht"), name: unitName("tp-ht") }, status: "open", displayStatus: "overdue",
      closedOn: null, resolution: null, lastUpdateAt: null, updates: [], can: { edit: true, update: true, escalate: true } });
    ids.f1 = f1.id;
    ids.f2 = created(await focal.post(`/api/inspections/${ids.tp}/findings`, { ...body, description: "Sổ theo dõi hồ sơ chưa ghi đầy đủ ngày trả kết quả cho công dân.", severity: "minor", fixDue: `${YEAR}-05-30` })).id;
    ids.f3 = created(await focal.post(`/api/inspections/${ids.tp}/findings`, { ...body, area: "chinh-quyen-so", description: "Kết quả giải quyết hồ sơ hộ tịch chưa được số hóa do thiếu thiết bị quét.", severity: "serious", fixDue: `${YEAR}-06-30` })).id;
    ids.f4 = created(await focal.post(`/api/inspections/${ids["mot-cua"]}/findings`, { area: null, description: "Chưa niêm yết số điện thoại đường dây nóng.", responsibleUnitId: unitId("tc-kt"), fixDue: `${YEAR}-04-30` })).id;
    expect((await finding(ids.f4))).toMatchObject({ area: null, severity: "moderate", inspectedUnit: { id: unitId("mot-cua") }, responsibleUnit: { id: unitId("tc-kt") } });
    expect(ok(await focal.get(`/api/inspections/${ids.tp}`)).findings.map((f: any) => f.id)).toEqual([ids.f1, ids.f2, ids.f3]);
    expect(refused(await focal.patch(`/api/inspections/${ids.tp}`, { conductedOn: null }), 409)).toBe("Cuộc kiểm tra đã ghi nhận vấn đề phát hiện nên không thể bỏ ngày kiểm tra.");
  });

  it("lets an officer of the responsible unit report and mark fixed, but not escalate; an officer of another unit not at all", async () => {
    const note = created(await focal.post(`/api/inspections/${ids.tp}/findings`, { area: null, description: "Tạm", responsibleUnitId: unitId("tp-ht"), fixDue: `${YEAR}-12-31` }));
    expect(refused(await tckt.post(`/api/findings/${ids.f1}/updates`, { note: "Đã niêm yết." }), 403)).toBe("Chỉ công chức đầu mối CCHC hoặc công chức của bộ phận chịu trách nhiệm khắc phục được cập nhật vấn đề này.");
    refused(await chairman.post(`/api/findings/${ids.f1}/updates`, { note: "Đã niêm yết." }), 403);
    refused(await province.post(`/api/findings/${ids.f1}/updates`, { note: "Đã niêm yết." }), 403);
    refused(await other.post(`/api/findings/${ids.f1}/updates`, { note: "Đã niêm yết." }), 404);
    expect((await finding(ids.f1, tpht)).can).toEqual({ edit: false, update: true, escalate: false });
    expect((await finding(ids.f1, tckt)).can).toEqual({ edit: false, update: false, escalate: false });

    refused(await tpht.post(`/api/findings/${ids.f1}/updates`, { note: "" }), 400, "note");
    const noted = ok(await tpht.post(`/api/findings/${ids.f1}/updates`, { note: "Đang rà soát danh mục thủ tục mới công bố." }));
    expect(noted).toMatchObject({ status: "open", updates: [{ date: `${YEAR}-04-17`, note: "Đang rà soát danh mục thủ tục mới công bố.", statusChange: null, author: "Lê Thị Hoa" }] });
    expect(noted.lastUpdateAt).toBe(noted.updates[0].at);

    expect(refused(await tpht.post(`/api/findings/${ids.f1}/updates`, { note: "Đề nghị Sở hỗ trợ.", statusChange: "escalated" }), 403)).toBe("Chỉ công chức đầu mối CCHC được kiến nghị cấp trên hoặc mở lại vấn đề.");
    expect(refused(await tpht.post(`/api/findings/${ids.f1}/updates`, { note: "Xong.", statusChange: "fixed", date: `${YEAR}-04-18` }), 400, "date")).toBe(`Ngày cập nhật (18/04/${YEAR}) không được sau ngày hôm nay.`);
    refused(await tpht.post(`/api/findings/${ids.f1}/updates`, { note: "Xong.", statusChange: "fixed", date: `${YEAR}-03-01` }), 400, "date");
    const fixed = ok(await tpht.post(`/api/findings/${ids.f1}/updates`, { note: "Đã niêm yết đầy đủ tại Bộ phận Một cửa.", statusChange: "fixed", date: `${YEAR}-04-15` }));
    expect(fixed).toMatchObject({ status: "fixed", displayStatus: "fixed", closedOn: `${YEAR}-04-15`, resolution: "Đã niêm yết đầy đủ tại Bộ phận Một cửa." });
    expect(fixed.updates.map((u: any) => u.statusChange)).toEqual(["fixed", null]);
    expect(refused(await tpht.post(`/api/findings/${ids.f1}/updates`, { note: "", statusChange: "fixed" }), 409)).toBe("Vấn đề này đã khắc phục nên không thể ghi nhận đã khắc phục; hãy mở lại vấn đề trước.");
    refused(await tpht.post(`/api/findings/${ids.f1}/updates`, { note: "Chưa đạt.", statusChange: "reopened" }), 403);

    // The follow-up is in the audit trail under the finding.
    const audit = await auditOf(focal, orgId, ids.f1);
    expect(audit[0]).toMatchObject({ action: "finding_fixed", user: { fullName: "Lê Thị Hoa" } });
    expect(audit[0].summary).toBe(`Ghi nhận đã khắc phục vấn đề "Chưa cập nhật niêm yết 03 thủ tục hành chính mới được công bố." ngày 15/04/${YEAR}: Đã niêm yết đầy đủ tại Bộ phận Một cửa.`);
    ids.temp = note.id;
  });

  it("needs a note to escalate, reopens only what was closed, and lets the focal point edit a finding", async () => {
    expect(refused(await focal.post(`/api/findings/${ids.f3}/updates`, { note: "  ", statusChange: "escalated" }), 400, "note")).toBe("Kiến nghị cấp trên cần ghi rõ kiến nghị với cơ quan nào và vì sao.");
    const escalated = ok(await focal.post(`/api/findings/${ids.f3}/updates`, { note: "Kiến nghị UBND tỉnh (Sở Tư pháp) hỗ trợ máy quét và phần mềm số hóa sổ hộ tịch.", statusChange: "escalated", date: `${YEAR}-04-16` }));
    expect(escalated).toMatchObject({ status: "escalated", displayStatus: "escalated", closedOn: `${YEAR}-04-16`, resolution: "Kiến nghị UBND tỉnh (Sở Tư pháp) hỗ trợ máy quét và phần mềm số hóa sổ hộ tịch." });
    expect(refused(await focal.post(`/api/findings/${ids.f3}/updates`, { note: "", statusChange: "fixed" }), 409)).toMatch(/đã kiến nghị cấp trên nên không thể ghi nhận đã khắc phục/);

    expect(refused(await focal.post(`/api/findings/${ids.f2}/updates`, { note: "", statusChange: "reopened" }), 409)).toBe("Vấn đề đang ở trạng thái chưa khắc phục nên không cần mở lại.");
    ok(await focal.post(`/api/findings/${ids.temp}/updates`, { note: "Ghi nhầm.", statusChange: "fixed" }));
    const reopened = ok(await focal.post(`/api/findings/${ids.temp}/updates`, { note: "Kiểm tra lại chưa đạt.", statusChange: "reopened" }));
    expect(reopened).toMatchObject({ status: "open", closedOn: null, resolution: null });
    expect(reopened.updates.map((u: any) => u.statusChange)).toEqual(["reopened", "fixed"]);

    const edited = ok(await focal.patch(`/api/findings/${ids.temp}`, { description: "Chưa lập sổ theo dõi việc chứng thực bản sao điện tử.", severity: "minor", area: "thu-tuc-hanh-chinh", fixDue: `${YEAR}-11-30` }));
    expect(edited).toMatchObject({ description: "Chưa lập sổ theo dõi việc chứng thực bản sao điện tử.", severity: "minor", area: "thu-tuc-hanh-chinh", fixDue: `${YEAR}-11-30` });
    refused(await focal.patch(`/api/findings/${ids.temp}`, { responsibleUnitId: ids.foreignUnit }), 400, "responsibleUnitId");
    refused(await tpht.patch(`/api/findings/${ids.temp}`, { severity: "serious" }), 403);
    refused(await focal.patch(`/api/findings/${ids.temp}`, { severity: "critical" }), 400, "severity");
  });

  it("shows where each finding stands on the day the clock says", async () => {
    // f4 is due 30/04: 8 days before it is open, 7 days before due soon, the day after overdue.
    const status = async (id: string) => (await finding(id)).displayStatus;
    at(`${YEAR}-04-22`);
    expect(await status(ids.f4)).toBe("open");
    at(`${YEAR}-04-23`);
    expect(await status(ids.f4)).toBe("due_soon");
    at(`${YEAR}-04-30`);
    expect(await status(ids.f4)).toBe("due_soon");
    at(`${YEAR}-05-01`);
    expect(await status(ids.f4)).toBe("overdue");
    // Fixed the day after its deadline: fixed late.
    ok(await tckt.post(`/api/findings/${ids.f4}/updates`, { note: "Đã niêm yết số đường dây nóng.", statusChange: "fixed", date: `${YEAR}-05-01` }));
    expect(await status(ids.f4)).toBe("fixed_late");
    expect(await status(ids.f1)).toBe("fixed");

    at(`${YEAR}-06-01`);
    const y = await year();
    // f1 fixed, f2 overdue (30/05), f3 escalated, f4 fixed late, temp open until 30/11.
    expect(y.findings).toEqual({ total: 5, open: 1, dueSoon: 0, overdue: 1, fixed: 2, escalated: 1, handledShare: 60 });
    expect(y.inspections[0].findings).toEqual({ total: 4, open: 2, overdue: 1 });
    expect(y.inspections[1].findings).toEqual({ total: 1, open: 0, overdue: 0 });
  });

  it("filters the findings list by status and responsible unit, overdue first", async () => {
    const all = await findingsList();
    expect(all.map((f) => f.id)).toEqual([ids.f2, ids.temp, ids.f3, ids.f4, ids.f1]);
    expect(all[0]).toMatchObject({ displayStatus: "overdue", inspectedUnit: { id: unitId("tp-ht"), name: unitName("tp-ht") }, severity: "minor" });
    expect((await findingsList("&status=overdue")).map((f) => f.id)).toEqual([ids.f2]);
    expect((await findingsList("&status=fixed")).map((f) => f.id)).toEqual([ids.f4, ids.f1]);
    expect((await findingsList("&status=fixed_late")).map((f) => f.id)).toEqual([ids.f4]);
    expect((await findingsList("&status=escalated")).map((f) => f.id)).toEqual([ids.f3]);
    expect((await findingsList("&status=due_soon"))).toEqual([]);
    expect((await findingsList(`&unitId=${unitId("tc-kt")}`)).map((f) => f.id)).toEqual([ids.f4]);
    expect((await findingsList(`&status=open&unitId=${unitId("tp-ht")}`)).map((f) => f.id)).toEqual([ids.temp]);
    expect(refused(await focal.get(`/api/orgs/${orgId}/findings?year=${YEAR}&status=late`), 400, "status")).toMatch(/^Trạng thái không hợp lệ/);
    // Another year has none of them.
    expect(ok(await focal.get(`/api/orgs/${orgId}/findings?year=${YEAR + 1}`)).findings).toEqual([]);
  });

  it("lets the province read the commune's inspections and follow the escalated findings of its communes only", async () => {
    const y = await year(viewer);
    expect(y.can).toEqual({ manage: false });
    expect(y.inspections).toHaveLength(4);
    expect((await finding(ids.f2, province)).can).toEqual({ edit: false, update: false, escalate: false });
    refused(await province.patch(`/api/inspections/${ids.tp}`, { content: "Sửa" }), 403);

    for (const who of [province, viewer]) {
      const res = ok(await who.get(`/api/orgs/${provinceId}/escalated-findings?year=${YEAR}`));
      expect(res.year).toBe(YEAR);
      expect(res.findings.map((f: any) => f.id)).toEqual([ids.f3]);
      expect(res.findings[0]).toMatchObject({ status: "escalated", commune: { id: orgId, name: "UBND xã Tỉnh Khê", code: "xa-tinh-khe" } });
    }
    // Only escalated ones: the demo's own year holds open and fixed findings too, none of which shows.
    const seeded = ok(await province.get(`/api/orgs/${provinceId}/escalated-findings?year=${YEAR - 1}`)).findings;
    expect(seeded.every((f: any) => f.status === "escalated")).toBe(true);
    expect(refused(await focal.get(`/api/orgs/${orgId}/escalated-findings?year=${YEAR}`), 403)).toBe("Chỉ cán bộ của tỉnh theo dõi các vấn đề được xã, phường kiến nghị cấp trên.");
    refused(await focal.get(`/api/orgs/${provinceId}/escalated-findings?year=${YEAR}`), 404);
    refused(await province.get(`/api/orgs/${provinceId}/inspections?year=${YEAR}`), 404);
  });

  it("answers 404 to another commune for every id", async () => {
    for (const path of [`/api/orgs/${orgId}/inspections?year=${YEAR}`, `/api/orgs/${orgId}/findings?year=${YEAR}`, `/api/inspections/${ids.tp}`, `/api/inspections/${ids.tp}/notice.docx`, `/api/findings/${ids.f1}`]) {
      refused(await other.get(path), 404);
    }
    refused(await other.patch(`/api/inspections/${ids.tp}`, { content: "x" }), 404);
    refused(await other.delete(`/api/inspections/${ids["vh-xh"]}`), 404);
    refused(await other.patch(`/api/findings/${ids.f1}`, { severity: "minor" }), 404);
  });

  it("writes the conclusion notice as a DOCX once the conclusion is recorded", async () => {
    expect(refused(await focal.get(`/api/inspections/${ids.tp}/notice.docx`), 409)).toBe("Cần ghi nhận ngày kiểm tra và kết luận kiểm tra trước khi lập thông báo kết luận.");
    refused(await chairman.get(`/api/inspections/${ids["tc-kt"]}/notice.docx`), 409);
    const withConclusion = ok(await focal.patch(`/api/inspections/${ids.tp}`, {
      conclusion: "Bộ phận thực hiện cơ bản đầy đủ quy trình tiếp nhận, giải quyết hồ sơ.\nViệc niêm yết thủ tục hành chính chưa kịp thời.", noticeNumber: "15/TB-UBND", noticeDate: `${YEAR}-03-20`,
    }));
    expect(withConclusion.can).toEqual({ manage: true, notice: true });
    const res = await chairman.get(`/api/inspections/${ids.tp}/notice.docx`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="TB-15-UBND-${YEAR}.docx"; filename*=UTF-8''TB-15-UBND-${YEAR}.docx`);
    const bytes = Buffer.from(res.body as ArrayBuffer);
    expect([...bytes.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    const text = textOf((await openDocx(bytes)).document);
    expect(text).toContain(`Công chức ${unitName("tp-ht")}`);
    expect(text).toContain("Chưa cập nhật niêm yết 03 thủ tục hành chính mới được công bố.");
    expect(text).toContain("Võ Minh Chính");
    expect(text).toContain("15/TB-UBND");
    // The province reads it too.
    expect((await viewer.get(`/api/inspections/${ids.tp}/notice.docx`)).status).toBe(200);
  });

  it("deletes an inspection only while it has no findings", async () => {
    expect(refused(await focal.delete(`/api/inspections/${ids.tp}`), 409)).toBe("Cuộc kiểm tra đã ghi nhận vấn đề phát hiện nên không thể xóa.");
    refused(await chairman.delete(`/api/inspections/${ids["vh-xh"]}`), 403);
    expect(ok(await focal.delete(`/api/inspections/${ids["vh-xh"]}`))).toEqual({ ok: true });
    refused(await focal.get(`/api/inspections/${ids["vh-xh"]}`), 404);
    expect((await year()).coverage.unitsPlanned).toBe(3);
    const audit = await auditOf(focal, orgId, ids["vh-xh"]);
    expect(audit[0]).toMatchObject({ action: "delete", summary: `Xóa cuộc kiểm tra CCHC tại ${unitName("vh-xh")}` });
  });

  it("reminds the responsible unit of findings due within 7 days and, with the focal point, of overdue ones, once", async () => {
    // 24/11: temp (tp-ht, due 30/11) is due soon; f2 (tp-ht, due 30/05) is overdue.
    const today = `${YEAR}-11-24`;
    at(today);
    await sendReminders(app.database.db, today);
    expect(await notificationsOf(ids.temp)).toEqual([{
      kind: "finding_due_soon", findingId: ids.temp, username: "tpht.tinhkhe",
      message: `Vấn đề phát hiện qua kiểm tra CCHC tại ${unitName("tp-ht")}: "Chưa lập sổ theo dõi việc chứng thực bản sao điện tử." cần khắc phục trước ngày 30/11/${YEAR} (còn 6 ngày).`,
    }]);
    const overdue = await notificationsOf(ids.f2);
    expect(overdue.map((n) => n.username)).toEqual(["dm.tinhkhe", "tpht.tinhkhe"]);
    expect(overdue[0]).toMatchObject({ kind: "finding_overdue", message: `Vấn đề phát hiện qua kiểm tra CCHC tại ${unitName("tp-ht")}: "Sổ theo dõi hồ sơ chưa ghi đầy đủ ngày trả kết quả cho công dân." đã quá hạn khắc phục 178 ngày (hạn 30/05/${YEAR}).` });
    // Handled findings are not reminded of.
    for (const id of [ids.f1, ids.f3, ids.f4]) expect(await notificationsOf(id)).toEqual([]);

    await sendReminders(app.database.db, today);
    await sendReminders(app.database.db, `${YEAR}-11-25`);
    expect(await notificationsOf(ids.temp)).toHaveLength(1);
    expect(await notificationsOf(ids.f2)).toHaveLength(2);
    // The officer sees it among their notifications.
    const inbox = ok(await tpht.get("/api/notifications"));
    expect(inbox.items.filter((n: any) => n.kind === "finding_overdue" && n.message.includes(`hạn 30/05/${YEAR}`))).toHaveLength(1);

    // A week on, the overdue one is repeated; the due-soon one (now overdue) is reminded as overdue.
    await sendReminders(app.database.db, `${YEAR}-12-01`);
    expect(await notificationsOf(ids.f2)).toHaveLength(4);
    expect((await notificationsOf(ids.temp)).map((n) => n.kind).sort()).toEqual(["finding_due_soon", "finding_overdue", "finding_overdue"]);
  });
});
