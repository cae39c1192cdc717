import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DB_KINDS } from "../support/db.js";
import { startTestApp, type Client, type Response, type TestApp } from "../support/app.js";
import { auditOf, updateForm } from "../support/commune.js";

/**
 * The plan cascade (docs/cascade.md): the province issues its plan with tasks
 * "giao cấp xã", two communes create their plans from it in one step, edit
 * them, work on them, and the province counts where each commune stands.
 */
const TODAY = "2026-06-15";
const ok = <T = any>(res: Response<T>, what: string, status = 200): T => {
  expect(res.status, `${what}: ${JSON.stringify(res.body)}`).toBe(status);
  return res.body;
};

describe.each(DB_KINDS)("plan cascade from the province to its communes on %s", (kind) => {
  let app: TestApp;
  let admin: Client, viewer: Client, focal: Client, chairman: Client, officer: Client, otherFocal: Client, otherChairman: Client;
  let provinceId: string, communeId: string, otherCommuneId: string;
  let provincePlanId: string;
  const template: Record<"tthc" | "cqs" | "year" | "internal", string> = {} as any;
  let communePlanId: string, otherPlanId: string;

  const me = async (c: Client) => ok(await c.get("/api/auth/me"), "me");
  const planOf = async (c: Client, id: string) => ok(await c.get(`/api/plans/${id}`), "plan");
  const taskServing = (plan: any, sourceId: string) => plan.tasks.find((t: any) => t.sourceTaskId === sourceId);
  const markDone = (c: Client, taskId: string, date: string) => c.post(`/api/tasks/${taskId}/updates`, updateForm({ note: "Đã hoàn thành", markDone: "true", date }));

  beforeAll(async () => {
    app = await startTestApp(kind, { today: TODAY });
    [admin, viewer, focal, chairman, officer, otherFocal, otherChairman] = await Promise.all(
      ["qt.tinh", "xem.tinh", "dm.tinhkhe", "ct.tinhkhe", "tpht.tinhkhe", "dm.hoaihao", "ct.hoaihao"].map((u) => app.login(u)));
    provinceId = (await me(admin)).orgId;
    communeId = (await me(focal)).orgId;
    otherCommuneId = (await me(otherFocal)).orgId;
  });
  afterAll(async () => { await app?.close(); });

  it("lets the province admin write the province's own plan with tasks given to the communes, and activate it", async () => {
    const plan = ok(await admin.post(`/api/orgs/${provinceId}/plans`, { type: "annual", title: "Kế hoạch cải cách hành chính tỉnh năm 2026", year: 2026, number: "25/KH-UBND", issuer: "UBND tỉnh Minh Hòa" }), "create province plan", 201);
    provincePlanId = plan.id;
    const add = async (body: Record<string, unknown>) => ok(await admin.post(`/api/plans/${provincePlanId}/tasks`, body), "add template task", 201);
    template.tthc = (await add({ title: "Rà soát, đơn giản hóa thủ tục hành chính", area: "thu-tuc-hanh-chinh", product: "Báo cáo rà soát", dueDate: "2026-03-31", forCommunes: true, criteria: ["3.1"] })).id;
    template.cqs = (await add({ title: "Số hóa hồ sơ, kết quả giải quyết TTHC", area: "chinh-quyen-so", dueDate: "2026-05-31", forCommunes: true })).id;
    template.year = (await add({ title: "Tuyên truyền cải cách hành chính", area: "chi-dao-dieu-hanh", dueDate: "2026-12-15", forCommunes: true })).id;
    const internal = await add({ title: "Kiểm tra công tác CCHC tại các xã", area: "chi-dao-dieu-hanh", dueDate: "2026-10-31" });
    template.internal = internal.id;
    expect(internal.forCommunes).toBe(false);

    // Before it is active, the communes see nothing of it.
    expect(ok(await focal.get(`/api/orgs/${communeId}/cascade/templates?year=2026`), "templates").plans).toEqual([]);
    const active = ok(await admin.post(`/api/plans/${provincePlanId}/status`, { status: "active" }), "activate");
    expect(active.status).toBe("active");
    const detail = await planOf(admin, provincePlanId);
    expect(detail.canEdit).toBe(true);
    expect(detail.tasks.filter((t: any) => t.forCommunes).map((t: any) => t.title)).toEqual([
      "Rà soát, đơn giản hóa thủ tục hành chính", "Số hóa hồ sơ, kết quả giải quyết TTHC", "Tuyên truyền cải cách hành chính"]);
  });

  it("keeps the province's plan out of the communes' hands and the mark off the communes' own tasks", async () => {
    // The communes cannot read the province's organisation: its plan answers 404 to them.
    for (const c of [focal, chairman, otherFocal]) {
      expect((await c.get(`/api/plans/${provincePlanId}`)).status).toBe(404);
      expect((await c.patch(`/api/plans/${provincePlanId}`, { title: "Sửa kế hoạch của tỉnh" })).status).toBe(404);
      expect((await c.post(`/api/plans/${provincePlanId}/tasks`, { title: "Thêm nhiệm vụ" })).status).toBe(404);
      expect((await c.patch(`/api/tasks/${template.tthc}`, { title: "Sửa nhiệm vụ của tỉnh" })).status).toBe(404);
    }
    // The province viewer reads it but may not change it.
    expect((await viewer.get(`/api/plans/${provincePlanId}`)).status).toBe(200);
    expect((await viewer.patch(`/api/plans/${provincePlanId}`, { title: "Sửa" })).status).toBe(403);
    expect((await viewer.post(`/api/plans/${provincePlanId}/status`, { status: "closed" })).status).toBe(403);
    // Nor may the province admin write a commune's plan.
    expect((await admin.post(`/api/orgs/${communeId}/plans`, { type: "topical", title: "Kế hoạch", year: 2026 })).status).toBe(403);

    const own = ok(await focal.get(`/api/orgs/${communeId}/plans`), "plans")[0].id;
    const refused = await focal.post(`/api/plans/${own}/tasks`, { title: "Nhiệm vụ của xã", forCommunes: true });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ field: "forCommunes", message: "Chỉ nhiệm vụ trong kế hoạch của tỉnh mới được đánh dấu giao cấp xã." });
  });

  it("shows the commune the province's tasks given to it, read-only", async () => {
    const res = ok(await focal.get(`/api/orgs/${communeId}/cascade/templates?year=2026`), "templates");
    expect(res.canCreate).toBe(true);
    expect(res.plans).toHaveLength(1);
    expect(res.plans[0]).toMatchObject({ id: provincePlanId, number: "25/KH-UBND", communePlanId: null });
    expect(res.plans[0].tasks.map((t: any) => [t.title, t.dueDate])).toEqual([
      ["Rà soát, đơn giản hóa thủ tục hành chính", "2026-03-31"], ["Số hóa hồ sơ, kết quả giải quyết TTHC", "2026-05-31"], ["Tuyên truyền cải cách hành chính", "2026-12-15"]]);
    expect(ok(await officer.get(`/api/orgs/${communeId}/cascade/templates?year=2026`), "officer templates").canCreate).toBe(false);
    expect((await otherFocal.get(`/api/orgs/${communeId}/cascade/templates`)).status).toBe(404);
    expect((await app.anonymous().get(`/api/orgs/${communeId}/cascade/templates`)).status).toBe(401);
  });

  it("creates the commune plan in one step, with one linked task per provincial task and a proposed lead unit, and refuses a second", async () => {
    const before = ok(await focal.get(`/api/orgs/${communeId}/plans`), "plans").length;
    // Only the focal point of the commune itself.
    expect((await officer.post(`/api/orgs/${communeId}/cascade/plans`, { provincePlanId })).status).toBe(403);
    expect((await admin.post(`/api/orgs/${communeId}/cascade/plans`, { provincePlanId })).status).toBe(403);
    expect((await otherFocal.post(`/api/orgs/${communeId}/cascade/plans`, { provincePlanId })).status).toBe(404);
    // A plan that is not the province's active plan is not revealed.
    const ownPlan = ok(await focal.get(`/api/orgs/${communeId}/plans`), "plans")[0].id;
    expect((await focal.post(`/api/orgs/${communeId}/cascade/plans`, { provincePlanId: ownPlan })).status).toBe(404);
    const bad = await focal.post(`/api/orgs/${communeId}/cascade/plans`, { provincePlanId: "khong-phai-ma" });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe("provincePlanId");
    expect(ok(await focal.get(`/api/orgs/${communeId}/plans`), "plans")).toHaveLength(before);

    const created = ok(await focal.post(`/api/orgs/${communeId}/cascade/plans`, { provincePlanId }), "create from template", 201);
    communePlanId = created.id;
    expect(created).toMatchObject({ type: "annual", status: "draft", year: 2026, title: "Kế hoạch cải cách hành chính năm 2026 của UBND xã Tỉnh Khê", taskCount: 3 });
    const plan = await planOf(focal, communePlanId);
    expect(plan.tasks.map((t: any) => t.sourceTaskId)).toEqual([template.tthc, template.cqs, template.year]);
    const tthc = taskServing(plan, template.tthc);
    expect(tthc).toMatchObject({ title: "Rà soát, đơn giản hóa thủ tục hành chính", area: "thu-tuc-hanh-chinh", product: "Báo cáo rà soát", dueDate: "2026-03-31", criteria: ["3.1"] });
    expect(tthc.lead.map((u: any) => u.name)).toEqual(["Bộ phận Tiếp nhận và Trả kết quả (Một cửa)"]);
    expect(taskServing(plan, template.cqs).lead).toHaveLength(1);
    expect(plan.tasks.some((t: any) => t.sourceTaskId === template.internal)).toBe(false);
    const audit = await auditOf(focal, communeId, communePlanId);
    expect(audit.map((a) => a.summary)).toEqual([
      `Tạo kế hoạch "Kế hoạch cải cách hành chính năm 2026 của UBND xã Tỉnh Khê" từ kế hoạch của tỉnh "Kế hoạch cải cách hành chính tỉnh năm 2026" (3 nhiệm vụ giao cấp xã)`]);

    const again = await focal.post(`/api/orgs/${communeId}/cascade/plans`, { provincePlanId });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe(`Xã đã có kế hoạch "Kế hoạch cải cách hành chính năm 2026 của UBND xã Tỉnh Khê" được tạo từ kế hoạch này của tỉnh.`);
    expect(ok(await focal.get(`/api/orgs/${communeId}/cascade/templates?year=2026`), "templates").plans[0].communePlanId).toBe(communePlanId);
    expect(ok(await focal.get(`/api/orgs/${communeId}/plans`), "plans")).toHaveLength(before + 1);

    otherPlanId = ok(await otherFocal.post(`/api/orgs/${otherCommuneId}/cascade/plans`, { provincePlanId }), "other commune", 201).id;
  });

  it("keeps the links when the commune edits titles and deadlines and adds its own tasks", async () => {
    const plan = await planOf(focal, communePlanId);
    const tthc = taskServing(plan, template.tthc);
    const edited = ok(await focal.patch(`/api/tasks/${tthc.id}`, { title: "Rà soát TTHC thuộc thẩm quyền của xã", dueDate: "2026-04-15" }), "edit");
    expect(edited).toMatchObject({ title: "Rà soát TTHC thuộc thẩm quyền của xã", dueDate: "2026-04-15", sourceTaskId: template.tthc });
    const own = ok(await focal.post(`/api/plans/${communePlanId}/tasks`, { title: "Tổ chức đối thoại với người dân", area: "tac-dong", dueDate: "2026-09-30" }), "own task", 201);
    expect(own.sourceTaskId).toBeNull();
    const after = await planOf(focal, communePlanId);
    expect(after.tasks).toHaveLength(4);
    expect(taskServing(after, template.tthc).title).toBe("Rà soát TTHC thuộc thẩm quyền của xã");
    ok(await chairman.post(`/api/plans/${communePlanId}/status`, { status: "active" }), "approve");
    ok(await otherChairman.post(`/api/plans/${otherPlanId}/status`, { status: "active" }), "approve other");
  });

  it("counts per provincial task who planned it, who is on it, done on time, done late, overdue, and who lacks it", async () => {
    const mine = await planOf(focal, communePlanId);
    const theirs = await planOf(otherFocal, otherPlanId);
    // Tỉnh Khê: the TTHC review done on 10/04 (its own deadline 15/04: on time), digitisation done 10/06 (due 31/05: late), the yearly task under way.
    ok(await markDone(focal, taskServing(mine, template.tthc).id, "2026-04-10"), "done on time", 201);
    ok(await markDone(focal, taskServing(mine, template.cqs).id, "2026-06-10"), "done late", 201);
    ok(await focal.post(`/api/tasks/${taskServing(mine, template.year).id}/updates`, updateForm({ note: "Đã tuyên truyền trên loa", progress: "30" })), "progress", 201);
    // Hoài Hảo: started the TTHC review but is past its deadline; nothing else.
    ok(await otherFocal.post(`/api/tasks/${taskServing(theirs, template.tthc).id}/updates`, updateForm({ note: "Đang rà soát", progress: "50" })), "progress", 201);

    const res = ok(await admin.get(`/api/orgs/${provinceId}/cascade/plans/${provincePlanId}/rollup`), "rollup");
    expect(res.plan).toMatchObject({ id: provincePlanId, year: 2026 });
    const communes = ok(await admin.get("/api/orgs"), "orgs").filter((o: any) => o.kind === "commune");
    expect(res.communeCount).toBe(communes.length);
    const row = (id: string) => res.tasks.find((t: any) => t.task.id === id);
    expect(res.tasks.map((t: any) => t.task.id)).toEqual([template.tthc, template.cqs, template.year]);
    const zero = { not_started: 0, in_progress: 0, overdue: 0, done_on_time: 0, done_late: 0 };
    expect(row(template.tthc)).toMatchObject({ planned: 2, counts: { ...zero, done_on_time: 1, overdue: 1 } });
    expect(row(template.cqs)).toMatchObject({ planned: 2, counts: { ...zero, done_late: 1, overdue: 1 } });
    expect(row(template.year)).toMatchObject({ planned: 2, counts: { ...zero, in_progress: 1, not_started: 1 } });
    const byName = Object.fromEntries(row(template.tthc).communes.map((c: any) => [c.name, c.state]));
    expect(byName).toEqual({ "UBND phường Hoài Hảo": "overdue", "UBND xã Tỉnh Khê": "done_on_time" });
    expect(row(template.tthc).missing.map((c: any) => c.id).sort()).toEqual(communes.map((c: any) => c.id).filter((id: string) => id !== communeId && id !== otherCommuneId).sort());

    // The province viewer reads it too; the communes cannot.
    expect((await viewer.get(`/api/orgs/${provinceId}/cascade/plans/${provincePlanId}/rollup`)).status).toBe(200);
    for (const c of [focal, chairman, otherFocal]) expect((await c.get(`/api/orgs/${provinceId}/cascade/plans/${provincePlanId}/rollup`)).status).toBe(404);
    // A commune's plan is not a province plan to roll up.
    expect((await admin.get(`/api/orgs/${provinceId}/cascade/plans/${communePlanId}/rollup`)).status).toBe(404);
  });

  it("stops counting a commune's task once it no longer serves the provincial task (deleted)", async () => {
    const mine = await planOf(focal, communePlanId);
    // Tasks of an active plan can be deleted by the focal point; the count follows.
    ok(await focal.delete(`/api/tasks/${taskServing(mine, template.year).id}`), "delete");
    const res = ok(await admin.get(`/api/orgs/${provinceId}/cascade/plans/${provincePlanId}/rollup`), "rollup");
    expect(res.tasks.find((t: any) => t.task.id === template.year)).toMatchObject({ planned: 1, counts: { in_progress: 0, not_started: 1 } });
    expect(res.tasks.find((t: any) => t.task.id === template.year).missing.map((c: any) => c.id)).toContain(communeId);
  });
});
