import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, inArray } from "drizzle-orm";
import { refreshReformTargets } from "../../src/db/computed-targets.js";
import { initiatives, inspectionFindings, inspectionPlans, inspections, notifications, targets, units, users } from "../../src/db/schema.js";
import { COUNTED_UNIT_KINDS } from "../../src/domain/inspections/units.js";
import { sendReminders } from "../../src/jobs/reminders.js";
import { DB_KINDS } from "../support/db.js";
import { startTestApp, type Client, type TestApp } from "../support/app.js";
import { plan } from "../support/commune.js";

const TODAY = "2026-06-15";
const share = (part: number, whole: number) => Math.round((part / whole) * 10000) / 100;

describe.each(DB_KINDS)("plan targets and the periodic report fed by the inspection and initiative records on %s", (kind) => {
  let app: TestApp;
  let focal: Client;
  let orgId: string, planId: string;
  /** The commune's bộ phận that coverage counts, in their order. */
  let counted: string[];

  const db = () => app.database.db;
  const refresh = (today = app.clock.today) => db().transaction((tx) => refreshReformTargets(tx, orgId, 2026, today));
  const targetOf = async (id: string) => (await plan(focal, planId)).targets.find((t: any) => t.id === id);
  const valuesOf = (t: any) => Object.fromEntries(t.values.map((v: any) => [v.period, v.value]));
  async function addTarget(body: Record<string, unknown>) {
    const res = await focal.post(`/api/plans/${planId}/targets`, { dataSource: "computed", ...body });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  }

  beforeAll(async () => {
    app = await startTestApp(kind, { today: TODAY });
    // xã Bình Minh keeps no one-stop dossiers: its targets are fed by the inspection and initiative records alone.
    focal = await app.login("dm.binhminh");
    orgId = (await focal.get("/api/auth/me")).body.orgId;
    planId = (await focal.get(`/api/orgs/${orgId}/plans`)).body[0].id;
    counted = (await db().select({ id: units.id }).from(units)
      .where(and(eq(units.orgId, orgId), eq(units.active, true), inArray(units.kind, [...COUNTED_UNIT_KINDS]))).orderBy(units.sortOrder)).map((u) => u.id);
    expect(counted.length).toBeGreaterThanOrEqual(4);
  });
  afterAll(async () => { await app?.close(); });

  it("lists the new indicators with their units for the target form", async () => {
    const list = (await focal.get("/api/reference/indicators")).body;
    expect(list.filter((i: any) => ["inspection_coverage", "findings_handled", "initiatives"].includes(i.key))).toEqual([
      { key: "inspection_coverage", label: "Tỷ lệ bộ phận được kiểm tra CCHC trong năm", unit: "%" },
      { key: "findings_handled", label: "Tỷ lệ vấn đề phát hiện qua kiểm tra được xử lý", unit: "%" },
      { key: "initiatives", label: "Số sáng kiến, giải pháp CCHC", unit: "sáng kiến" },
    ]);
  });

  it("follows the share of bộ phận inspected, month by month to date, and turns met once half are inspected", async () => {
    const target = await addTarget({ text: "Kiểm tra tối thiểu 50% bộ phận", op: ">=", value: 50, unit: "%", indicatorKey: "inspection_coverage" });
    expect(await refresh()).toEqual({ values: 0, atRisk: 0 });
    expect((await targetOf(target.id)).light).toBe("no_data");

    const [ip] = await db().insert(inspectionPlans).values({ orgId, year: 2026, title: "Kế hoạch tự kiểm tra công tác CCHC năm 2026", targetShare: 50 }).returning();
    const visit = (unitId: string, conductedOn: string | null) =>
      ({ orgId, inspectionPlanId: ip.id, unitId, plannedFrom: "2026-03-01", plannedTo: "2026-12-15", content: "Kiểm tra việc thực hiện nhiệm vụ CCHC", conductedOn });
    // One bộ phận inspected in March, the same one again in April (counted once), one planned but not yet inspected.
    await db().insert(inspections).values([visit(counted[0], "2026-03-12"), visit(counted[0], "2026-04-20"), visit(counted[1], null)]);

    // The daily job picks the commune up though it has no dossiers, and warns the focal point of the target at risk.
    await sendReminders(db(), TODAY);
    let t = await targetOf(target.id);
    const oneOf = share(1, counted.length);
    // Nothing inspected before March: 0 %, not "no figure", as the plan exists from the year's start.
    expect(valuesOf(t)).toEqual({ "2026-01": 0, "2026-02": 0, "2026-03": oneOf, "2026-04": oneOf, "2026-05": oneOf, "2026-06": oneOf, "2026-Q1": oneOf, "2026-Q2": oneOf, "2026": oneOf });
    expect(t.values.find((v: any) => v.period === "2026-04").note).toBe("Tự động từ sổ theo dõi kiểm tra, tính đến 30/04/2026");
    expect(t.values.find((v: any) => v.period === "2026").note).toBe("Tự động từ sổ theo dõi kiểm tra, tính đến 15/06/2026");
    expect(t).toMatchObject({ light: "at_risk", lightValue: oneOf, lightPeriod: "2026", unit: "%", indicatorLabel: "Tỷ lệ bộ phận được kiểm tra CCHC trong năm" });
    const [focalUser] = await db().select({ id: users.id }).from(users).where(eq(users.username, "dm.binhminh"));
    const warned = await db().select({ message: notifications.message }).from(notifications)
      .where(and(eq(notifications.userId, focalUser.id), eq(notifications.kind, "target_at_risk")));
    expect(warned.map((w) => w.message)).toContain(`Chỉ tiêu "Kiểm tra tối thiểu 50% bộ phận" có nguy cơ không đạt: hiện đạt ${String(oneOf).replace(".", ",")} (chỉ tiêu >= 50).`);

    // Half of the bộ phận (rounded up) inspected by the end of May: the year and the last month completed meet the target.
    const half = Math.ceil(counted.length / 2);
    await db().insert(inspections).values(counted.slice(1, half).map((u) => visit(u, "2026-05-25")));
    expect((await refresh()).atRisk).toBe(0);
    t = await targetOf(target.id);
    const byMay = share(half, counted.length);
    expect(valuesOf(t)).toMatchObject({ "2026-04": oneOf, "2026-05": byMay, "2026-06": byMay, "2026-Q1": oneOf, "2026-Q2": byMay, "2026": byMay });
    expect(byMay).toBeGreaterThanOrEqual(50);
    expect(t).toMatchObject({ light: "met", lightValue: byMay });
  });

  it("follows the share of findings fixed or escalated, and forgets its values when the findings go", async () => {
    const target = await addTarget({ text: "100% vấn đề phát hiện qua kiểm tra được xử lý", op: ">=", value: 100, unit: "%", indicatorKey: "findings_handled" });
    const [ip] = await db().select({ id: inspectionPlans.id }).from(inspectionPlans).where(and(eq(inspectionPlans.orgId, orgId), eq(inspectionPlans.year, 2026)));
    const held = await db().select({ id: inspections.id, conductedOn: inspections.conductedOn }).from(inspections).where(eq(inspections.inspectionPlanId, ip.id));
    const march = held.find((i) => i.conductedOn === "2026-03-12")!;
    const may = held.find((i) => i.conductedOn === "2026-05-25")!;
    await refresh();
    expect((await targetOf(target.id))).toMatchObject({ values: [], light: "no_data" });

    const finding = (inspectionId: string, status: "open" | "fixed" | "escalated", closedOn: string | null) =>
      ({ orgId, inspectionId, description: "Chưa niêm yết đầy đủ thủ tục hành chính", responsibleUnitId: counted[0], fixDue: "2026-06-30", status, closedOn });
    const rows = await db().insert(inspectionFindings).values([
      finding(march.id, "fixed", "2026-04-10"),
      finding(march.id, "escalated", "2026-05-05"),
      finding(march.id, "open", null),
      finding(march.id, "fixed", "2026-06-10"),
      finding(may.id, "fixed", "2026-06-12"),
    ]).returning({ id: inspectionFindings.id });
    await refresh();
    let t = await targetOf(target.id);
    // March: 4 found, none handled; April: 1/4; May: 2/5 (the May inspection adds one); by today 4/5.
    expect(valuesOf(t)).toEqual({ "2026-03": 0, "2026-04": 25, "2026-05": 40, "2026-06": 80, "2026-Q1": 0, "2026-Q2": 80, "2026": 80 });
    expect(t).toMatchObject({ light: "at_risk", lightValue: 80 });

    // The last one fixed: every finding handled; met once June, the month it happened, is over.
    await db().update(inspectionFindings).set({ status: "fixed", closedOn: "2026-06-14" }).where(eq(inspectionFindings.id, rows[2].id));
    app.clock.today = "2026-07-02";
    try {
      await refresh();
      t = await targetOf(target.id);
      expect(valuesOf(t)).toMatchObject({ "2026-06": 100, "2026-07": 100, "2026-Q3": 100, "2026": 100 });
      expect(t).toMatchObject({ light: "met", lightValue: 100 });

      await db().delete(inspectionFindings).where(inArray(inspectionFindings.id, rows.map((r) => r.id)));
      await refresh();
      expect((await targetOf(target.id))).toMatchObject({ values: [], light: "no_data" });
    } finally {
      app.clock.today = TODAY;
    }
  });

  it("counts the year's initiatives submitted, shown as a count", async () => {
    const target = await addTarget({ text: "Có ít nhất 03 sáng kiến, giải pháp CCHC", op: ">=", value: 3, unit: "sáng kiến", indicatorKey: "initiatives" });
    const initiative = (year: number, submittedOn: string, extra: Partial<typeof initiatives.$inferInsert> = {}) =>
      ({ orgId, year, title: `Sáng kiến nộp ngày ${submittedOn}`, unitId: counted[1], submittedOn, ...extra });
    await db().insert(initiatives).values([
      initiative(2026, "2026-02-10"),
      initiative(2026, "2026-04-20", { status: "recognised", recognisedOn: "2026-05-30" }),
      initiative(2025, "2026-01-05"), // registered for last year: not this year's
    ]);
    await refresh();
    let t = await targetOf(target.id);
    expect(valuesOf(t)).toEqual({ "2026-01": 0, "2026-02": 1, "2026-03": 1, "2026-04": 2, "2026-05": 2, "2026-06": 2, "2026-Q1": 1, "2026-Q2": 2, "2026": 2 });
    expect(t.values.find((v: any) => v.period === "2026").note).toBe("Tự động từ sổ sáng kiến, tính đến 15/06/2026");
    expect(t).toMatchObject({ light: "at_risk", lightValue: 2, unit: "sáng kiến" });

    await db().insert(initiatives).values(initiative(2026, "2026-05-18"));
    await sendReminders(db(), TODAY);
    t = await targetOf(target.id);
    expect(valuesOf(t)).toMatchObject({ "2026-05": 3, "2026": 3 });
    expect(t).toMatchObject({ light: "met", lightValue: 3 });
  });

  it("states the inspection plan and the initiatives of the window in the periodic report, and fills its annex rows", async () => {
    const facts = (content: any, key: string) => content.sections.find((x: any) => x.key === key).facts.map((f: any) => f.text);
    const annex = (content: any) => content.annex.filter((r: any) => r.label.startsWith("Số cơ quan, bộ phận được kiểm tra") || r.label.startsWith("Số tồn tại"))
      .map((r: any) => [r.label, r.value, r.source]);
    const q1 = await focal.post(`/api/orgs/${orgId}/reports`, { kind: "q1", year: 2026 });
    expect(q1.status, JSON.stringify(q1.body)).toBe(201);
    // By 14/03/2026 one bộ phận was inspected and one initiative registered.
    expect(facts(q1.body.content, "I.2")).toEqual([`Kế hoạch kiểm tra CCHC năm 2026: kiểm tra 1/${counted.length} bộ phận (${String(share(1, counted.length)).replace(".", ",")} %), chỉ tiêu 50 %; chưa phát hiện tồn tại phải xử lý.`]);
    expect(facts(q1.body.content, "I.4")).toEqual(["Có 1 sáng kiến được đăng ký trong kỳ, chưa có sáng kiến nào được công nhận."]);
    expect(annex(q1.body.content)).toEqual([["Số cơ quan, bộ phận được kiểm tra", 1, "records"], ["Số tồn tại phát hiện qua kiểm tra", 0, "records"], ["Số tồn tại đã xử lý", 0, "records"]]);

    const h1 = await focal.post(`/api/orgs/${orgId}/reports`, { kind: "h1", year: 2026 });
    expect(h1.status, JSON.stringify(h1.body)).toBe(201);
    const half = Math.ceil(counted.length / 2);
    expect(facts(h1.body.content, "I.2")).toEqual([`Kế hoạch kiểm tra CCHC năm 2026: kiểm tra ${half}/${counted.length} bộ phận (${String(share(half, counted.length)).replace(".", ",")} %), chỉ tiêu 50 %; chưa phát hiện tồn tại phải xử lý.`]);
    expect(facts(h1.body.content, "I.4")).toEqual(["Có 3 sáng kiến được đăng ký trong kỳ, 1 sáng kiến được công nhận."]);
    expect(annex(h1.body.content)[0]).toEqual(["Số cơ quan, bộ phận được kiểm tra", half, "records"]);
  });

  it("writes nothing for the one-stop targets of a commune without dossiers", async () => {
    const oneStop = (await db().select({ id: targets.id, key: targets.indicatorKey }).from(targets)
      .where(and(eq(targets.orgId, orgId), eq(targets.dataSource, "computed"), inArray(targets.indicatorKey, ["fully_online", "on_time", "online_submission"]))));
    expect(oneStop.length).toBeGreaterThan(0);
    await sendReminders(db(), TODAY);
    for (const o of oneStop) expect((await targetOf(o.id)).values, o.key!).toEqual([]);
  });

  it("updates a linked target as soon as an initiative is registered or removed through the API", async () => {
    const target = await addTarget({ text: "Mỗi năm có ít nhất 05 sáng kiến CCHC", op: ">=", value: 5, unit: "sáng kiến", indicatorKey: "initiatives" });
    await refresh();
    const before = valuesOf(await targetOf(target.id))["2026"];
    const created = await focal.post(`/api/orgs/${orgId}/initiatives`, {
      year: 2026, title: "Sổ tay điện tử hướng dẫn thủ tục hành chính", unitId: counted[0], authors: [{ name: "Người đề xuất", userId: null }], submittedOn: "2026-06-10",
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(valuesOf(await targetOf(target.id))["2026"], "no refresh between: the registration itself fed the target").toBe(before + 1);
    expect((await focal.delete(`/api/initiatives/${created.body.id}`)).status).toBe(200);
    expect(valuesOf(await targetOf(target.id))["2026"]).toBe(before);
  });
});
