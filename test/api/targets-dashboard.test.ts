import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "../../src/domain/dates.js";
import { DB_KINDS } from "../support/db.js";
import { startTestApp, type TestApp } from "../support/app.js";
import { addTask, auditOf, dashboard, expectedOnTimeRate, openCommune, plan, updateForm, type Commune } from "../support/commune.js";

const TODAY = "2026-06-15";
const STATUSES = ["not_started", "in_progress", "due_soon", "overdue", "done_on_time", "done_late", "no_deadline"];
const countsOf = (tasks: Array<{ status: string }>) => Object.fromEntries(STATUSES.map((s) => [s, tasks.filter((t) => t.status === s).length]));

describe.each(DB_KINDS)("targets and the chairman's dashboard on %s", (kind) => {
  let app: TestApp;
  let c: Commune;

  beforeAll(async () => {
    app = await startTestApp(kind, { today: TODAY });
    c = await openCommune(app);
  });
  afterAll(async () => { await app?.close(); });
  afterEach(() => { app.clock.today = TODAY; });

  it("creates a target with its units, records values per period and tells whether it is met", async () => {
    const text = "Tỷ lệ hồ sơ TTHC giải quyết đúng hạn đạt từ 98% trở lên";
    const created = await c.focal.post(`/api/plans/${c.planId}/targets`, {
      text, op: ">=", value: 98, unit: "%", monitorUnitIds: [c.unitId("vp-tk")], implementUnitIds: [c.unitId("mot-cua"), c.unitId("tp-ht")],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const target = created.body;
    expect(target).toMatchObject({ text, op: ">=", value: 98, unit: "%", dataSource: "manual", values: [], latest: null, met: null });
    expect(target.monitor.map((u: any) => u.name)).toEqual(["Văn phòng – Thống kê"]);
    expect(target.implement.map((u: any) => u.name)).toEqual(["Bộ phận Tiếp nhận và Trả kết quả (Một cửa)", "Tư pháp – Hộ tịch"]);

    const oneStop = await app.login("motcua.tinhkhe");
    let res = await oneStop.put(`/api/targets/${target.id}/values/2026-Q1`, { value: 97.5, note: "Theo số liệu Hệ thống thông tin giải quyết TTHC" });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.latest).toEqual({ period: "2026-Q1", periodLabel: "Quý I/2026", value: 97.5 });
    expect(res.body.met).toBe(false);

    const justice = await app.login("tpht.tinhkhe");
    res = await justice.put(`/api/targets/${target.id}/values/2026-Q2`, { value: 98.4 });
    expect(res.body.latest).toEqual({ period: "2026-Q2", periodLabel: "Quý II/2026", value: 98.4 });
    expect(res.body.met).toBe(true);

    // A correction of an earlier period replaces its value and keeps the latest.
    res = await c.focal.put(`/api/targets/${target.id}/values/2026-Q1`, { value: 96 });
    expect(res.body.values.map((v: any) => [v.period, v.periodLabel, v.value])).toEqual([["2026-Q1", "Quý I/2026", 96], ["2026-Q2", "Quý II/2026", 98.4]]);
    expect(res.body.latest.period).toBe("2026-Q2");
    expect(res.body.met).toBe(true);

    const finance = await app.login("tckt.tinhkhe");
    expect((await finance.put(`/api/targets/${target.id}/values/2026-Q2`, { value: 50 })).status).toBe(403);
    const bad = await c.focal.put(`/api/targets/${target.id}/values/2026-13`, { value: 99 });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ message: "Kỳ số liệu không hợp lệ (ví dụ: 2025-03, 2025-Q1, 2025-H1, 2025).", field: "period" });

    const planTargets = (await plan(c.focal, c.planId)).targets;
    expect(planTargets.find((t: any) => t.id === target.id)).toMatchObject({ latest: { period: "2026-Q2", value: 98.4 }, met: true });
    const dash = await dashboard(c.focal, c.orgId);
    expect(dash.targets.find((t: any) => t.id === target.id)).toMatchObject({ met: true, latest: { value: 98.4 } });

    const audit = (await auditOf(c.focal, c.orgId, target.id)).reverse();
    expect(audit.map((a) => [a.action, a.user?.fullName])).toEqual([
      ["create", "Nguyễn Thị Lan"], ["record_value", "Huỳnh Văn Tâm"], ["record_value", "Lê Thị Hoa"], ["record_value", "Nguyễn Thị Lan"],
    ]);
    expect(audit[1].summary).toBe(`Ghi nhận giá trị 97.5 kỳ Quý I/2026 cho chỉ tiêu "${text}"`);
    expect(audit[3].changes).toEqual({ period: "2026-Q1", value: [97.5, 96] });
  });

  it("takes the latest value by calendar, whatever the kind of period", async () => {
    const target = (await c.focal.post(`/api/plans/${c.planId}/targets`, { text: "Tỷ lệ hồ sơ trực tuyến toàn trình tối thiểu 80%", op: ">=", value: 80, unit: "%" })).body;
    await c.focal.put(`/api/targets/${target.id}/values/2026-Q1`, { value: 70 });
    const res = await c.focal.put(`/api/targets/${target.id}/values/2026-05`, { value: 85 });
    // May ends after the first quarter: it is the latest figure, and it meets the target.
    expect(res.body.latest).toEqual({ period: "2026-05", periodLabel: "Tháng 5/2026", value: 85 });
    expect(res.body.met).toBe(true);
    expect(res.body.values.map((v: any) => v.period)).toEqual(["2026-Q1", "2026-05"]);
    // A period that has not begun takes no figure yet.
    const early = await c.focal.put(`/api/targets/${target.id}/values/2026-12`, { value: 90 });
    expect(early.status).toBe(400);
    expect(early.body.error).toMatchObject({ field: "period", message: "Kỳ Tháng 12/2026 chưa bắt đầu nên chưa thể ghi nhận số liệu." });
    // December and the whole year end the same day: the year's figure is the latest.
    app.clock.today = "2026-12-31";
    await c.focal.put(`/api/targets/${target.id}/values/2026`, { value: 79 });
    const year = await c.focal.put(`/api/targets/${target.id}/values/2026-12`, { value: 90 });
    expect(year.body.values.map((v: any) => v.period)).toEqual(["2026-Q1", "2026-05", "2026-12", "2026"]);
    expect(year.body).toMatchObject({ latest: { period: "2026", periodLabel: "Năm 2026", value: 79 }, met: false });
  });

  it("compares with each operator and leaves a target without a figure unjudged", async () => {
    const cases: Array<[string, number, number, boolean]> = [["<=", 5, 5, true], ["<", 5, 5, false], [">", 0, 1, true], ["=", 100, 99.9, false]];
    for (const [op, value, measured, met] of cases) {
      const t = (await c.focal.post(`/api/plans/${c.planId}/targets`, { text: `Chỉ tiêu ${op} ${value}`, op, value })).body;
      expect((await c.focal.put(`/api/targets/${t.id}/values/2026-H1`, { value: measured })).body.met, `${measured} ${op} ${value}`).toBe(met);
    }
    const qualitative = (await c.focal.post(`/api/plans/${c.planId}/targets`, { text: "Tăng thứ hạng Chỉ số CCHC" })).body;
    expect((await c.focal.put(`/api/targets/${qualitative.id}/values/2026`, { value: 3 })).body).toMatchObject({ met: null, latest: { periodLabel: "Năm 2026", value: 3 } });
  });

  it("lists the 8 areas in order with counts from the plan's tasks, unclassified last", async () => {
    await addTask(c, { title: "Nhiệm vụ phát sinh chưa xếp lĩnh vực", leadUnitIds: [c.unitId("vh-xh")], dueDate: "2026-08-31" });
    const areas = (await c.focal.get("/api/reference/areas")).body;
    expect(areas).toHaveLength(8);
    const p = await plan(c.focal, c.planId);
    const dash = await dashboard(c.focal, c.orgId);
    expect(dash.byArea.map((a: any) => a.area)).toEqual([...areas.map((a: any) => a.code), null]);
    expect(dash.byArea.map((a: any) => a.name)).toEqual([...areas.map((a: any) => a.name), "Chưa phân loại"]);
    for (const row of dash.byArea) {
      const tasks = p.tasks.filter((t: any) => t.area === row.area);
      expect(row.tasks, row.name).toBe(tasks.length);
      expect(row.statusCounts, row.name).toEqual(countsOf(tasks));
      expect(row.onTimeRate, row.name).toBe(expectedOnTimeRate(tasks));
    }
    expect(dash.totals).toEqual({ tasks: p.tasks.length, statusCounts: countsOf(p.tasks), onTimeRate: expectedOnTimeRate(p.tasks) });
    expect(dash.plans.map((x: any) => x.id)).toEqual([c.planId]);
    expect(dash).toMatchObject({ year: 2026, today: TODAY });
  });

  it("shows an empty year with the 8 areas and no rate", async () => {
    const dash = await dashboard(c.focal, c.orgId, "?year=2025");
    expect(dash.totals).toEqual({ tasks: 0, statusCounts: countsOf([]), onTimeRate: null });
    expect(dash.byArea).toHaveLength(8);
    expect(dash.byArea.every((a: any) => a.tasks === 0 && a.onTimeRate === null)).toBe(true);
    expect(dash).toMatchObject({ byUnit: [], overdue: [], dueNext30: [], plans: [], targets: [] });
  });

  it("ranks lead units worst first, each with counts from the tasks it leads", async () => {
    // Give Tài chính – Kế toán an overdue task so the ranking has something to sort.
    await addTask(c, { title: "Quyết toán kinh phí CCHC", area: "tai-chinh-cong", leadUnitIds: [c.unitId("tc-kt")], dueDate: "2026-06-01" });
    const p = await plan(c.focal, c.planId);
    const dash = await dashboard(c.focal, c.orgId);
    const leadIds = [...new Set(p.tasks.flatMap((t: any) => t.lead.map((u: any) => u.id)))];
    expect(dash.byUnit.map((u: any) => u.unit.id).sort()).toEqual(leadIds.sort());
    const names = new Map(p.tasks.flatMap((t: any) => t.lead.map((u: any) => [u.id, u.name])));
    for (const row of dash.byUnit) {
      const led = p.tasks.filter((t: any) => t.lead.some((u: any) => u.id === row.unit.id));
      expect(row.unit.name).toBe(names.get(row.unit.id));
      expect(row.tasks, row.unit.name).toBe(led.length);
      expect(row.statusCounts, row.unit.name).toEqual(countsOf(led));
      expect(row.onTimeRate, row.unit.name).toBe(expectedOnTimeRate(led));
    }
    const rank = (r: any) => r.onTimeRate ?? 101;
    for (let i = 1; i < dash.byUnit.length; i++) {
      const [a, b] = [dash.byUnit[i - 1], dash.byUnit[i]];
      expect(rank(a) < rank(b) || (rank(a) === rank(b) && (a.statusCounts.overdue > b.statusCounts.overdue || (a.statusCounts.overdue === b.statusCounts.overdue && a.tasks >= b.tasks))),
        `${a.unit.name} (${a.onTimeRate}) before ${b.unit.name} (${b.onTimeRate})`).toBe(true);
    }
    expect(dash.byUnit[0].onTimeRate).toBe(Math.min(...dash.byUnit.map(rank)));
  });

  it("lists what is overdue and what falls due within 30 days of the chosen today", async () => {
    const today = "2026-09-25";
    app.clock.today = today;
    const unit = [c.unitId("vp-tk")];
    const t = {
      yesterday: await addTask(c, { title: "Hạn hôm qua", area: "cong-vu", leadUnitIds: unit, dueDate: "2026-09-24" }),
      today: await addTask(c, { title: "Hạn hôm nay", area: "cong-vu", leadUnitIds: unit, dueDate: today }),
      in30: await addTask(c, { title: "Hạn sau 30 ngày", area: "cong-vu", leadUnitIds: unit, dueDate: addDays(today, 30) }),
      in31: await addTask(c, { title: "Hạn sau 31 ngày", area: "cong-vu", leadUnitIds: unit, dueDate: addDays(today, 31) }),
      doneSoon: await addTask(c, { title: "Đã xong, hạn tuần sau", area: "cong-vu", leadUnitIds: unit, dueDate: "2026-10-01" }),
    };
    const officer = await app.login("vptk.tinhkhe");
    expect((await officer.post(`/api/tasks/${t.doneSoon.id}/updates`, updateForm({ note: "Xong", markDone: "true" }))).status).toBe(201);

    const p = await plan(c.focal, c.planId);
    const dash = await dashboard(c.focal, c.orgId);
    expect(dash.today).toBe(today);

    // Recomputed from the plan's tasks: a one-off task is overdue when not done and its due date has passed;
    // a recurring one when a period ended without a check-in.
    const byDue = (a: any, b: any) => (a.dueDate ?? "").localeCompare(b.dueDate ?? "");
    const overdue = p.tasks.filter((x: any) => !x.doneOn && (x.recurrence ? x.missingPeriods.length > 0 || (x.dueDate < today && x.status === "overdue") : x.dueDate && x.dueDate < today));
    expect(overdue.every((x: any) => x.status === "overdue")).toBe(true);
    expect(p.tasks.filter((x: any) => x.status === "overdue").length).toBe(overdue.length);
    expect(dash.overdue.map((x: any) => x.id)).toEqual([...overdue].sort(byDue).map((x: any) => x.id));
    expect(dash.overdue.map((x: any) => x.id)).toContain(t.yesterday.id);
    expect(dash.overdue.map((x: any) => x.id)).not.toContain(t.today.id);
    expect(dash.overdue.every((x: any) => x.planTitle === p.title)).toBe(true);

    const in30 = addDays(today, 30);
    const dueNext = p.tasks.filter((x: any) => !x.doneOn && x.dueDate && x.dueDate >= today && x.dueDate <= in30).sort(byDue);
    expect(dash.dueNext30.map((x: any) => x.id)).toEqual(dueNext.map((x: any) => x.id));
    const ids = dash.dueNext30.map((x: any) => x.id);
    expect(ids).toEqual(expect.arrayContaining([t.today.id, t.in30.id]));
    for (const out of [t.yesterday, t.in31, t.doneSoon]) expect(ids).not.toContain(out.id);
    expect(dash.dueNext30.find((x: any) => x.id === t.today.id).status).toBe("due_soon");
  });
});
