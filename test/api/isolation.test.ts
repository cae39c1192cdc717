import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildServer } from "../../src/api/server.js";
import { organisations } from "../../src/db/schema.js";
import { storeSet } from "../../src/db/seed/demo-par.js";
import { DEMO_PASSWORD, samplePdf } from "../../src/db/seed/demo.js";
import { seedStandardUnits } from "../../src/db/units.js";
import { createUser } from "../../src/db/users.js";
import { DB_KINDS } from "../support/db.js";
import { startTestApp, type Client, type Response, type TestApp } from "../support/app.js";

/**
 * Tenant isolation, route by route. Province A is the demo's Tỉnh Minh Hòa
 * (xã Tỉnh Khê, phường Hoài Hảo, …); province B is made here with two
 * communes and their accounts. Every side gets a plan with a task, an update
 * with an evidence file, a target, a report draft and a PAR self-assessment
 * with a linked piece of evidence. Then every GET route the server documents
 * that takes a parameter is called with the ids of a side the caller may not
 * read, and must answer 404; a route whose parameter has no substitution in
 * the table fails the test.
 */
const TODAY = "2026-06-15";
const ok = <T = any>(res: Response<T>, what: string, status?: number): T => {
  if (status ? res.status !== status : res.status >= 300) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
};

/** Everything of one organisation a route parameter can name. */
interface Side {
  label: string;
  orgId: string; orgCode: string;
  planId: string; taskId: string; taskTitle: string; privateNote: string; targetId: string; fileId: string; filename: string; unitId: string;
  reportId: string; assessmentId: string; code: string; evidenceId: string; setId: string;
  inspectionId: string; findingId: string; initiativeId: string; initiativeFileId: string; campaignId: string;
}

/** Route parameter → the id of a side's resource that goes in it. A GET route with a parameter missing here fails the coverage test. */
const SUBSTITUTE: Record<string, (s: Side) => string> = {
  orgId: (s) => s.orgId,
  planId: (s) => s.planId,
  taskId: (s) => s.taskId,
  targetId: (s) => s.targetId,
  fileId: (s) => s.fileId,
  unitId: (s) => s.unitId,
  reportId: (s) => s.reportId,
  assessmentId: (s) => s.assessmentId,
  evidenceId: (s) => s.evidenceId,
  code: (s) => s.code,
  setId: (s) => s.setId,
  orgCode: (s) => s.orgCode,
  inspectionId: (s) => s.inspectionId,
  findingId: (s) => s.findingId,
  initiativeId: (s) => s.initiativeId,
  initiativeFileId: (s) => s.initiativeFileId,
  campaignId: (s) => s.campaignId,
};
/** Parameters naming a province's resource (its criteria sets), which every user of the province reads. */
const PROVINCE_WIDE = new Set(["setId"]);
const params = (route: string) => (route.match(/:(\w+)/g) ?? []).map((p) => p.slice(1));
/** Query parameters some routes require; unknown ones are ignored by the others. */
const QUERY = "from=2026-01-01&to=2026-06-30&by=field&year=2026&kind=q1";
/** Open without signing in: they answer published data only (checked below). */
const isPublic = (route: string) => route.startsWith("/api/public/") || route === "/api/health";

const fill = (route: string, s: Side) => route.replace(/:(\w+)/g, (_, name: string) => SUBSTITUTE[name]!(s));

describe.each(DB_KINDS)("isolation between provinces and communes on %s", (kind) => {
  let app: TestApp;
  let getRoutes: string[] = [];
  const sides = {} as Record<"A1" | "A2" | "B1" | "B2" | "A" | "B", Side>;
  const users = {} as Record<"dmA1" | "qtA" | "xemA" | "dmB1" | "ctB2" | "qtB", Client>;

  /** Gives a commune a plan with a task, an update with a file, a target, a report draft and a PAR self-assessment with evidence. */
  async function populate(label: string, focal: Client, chairman: Client): Promise<Side> {
    const me = ok(await focal.get("/api/auth/me"), "me");
    const org = ok(await focal.get(`/api/orgs/${me.orgId}`), "org");
    const unitId = ok(await focal.get(`/api/orgs/${me.orgId}/units`), "units").find((u: any) => u.code === "tp-ht")?.id
      ?? ok(await focal.get(`/api/orgs/${me.orgId}/units`), "units")[0].id;
    const plan = ok(await focal.post(`/api/orgs/${me.orgId}/plans`, { type: "topical", title: `Kế hoạch riêng ${label}`, year: 2026 }), "plan");
    const taskTitle = `Nhiệm vụ riêng của ${label}`;
    const task = ok(await focal.post(`/api/plans/${plan.id}/tasks`, { title: taskTitle, area: "thu-tuc-hanh-chinh", leadUnitIds: [unitId], dueDate: "2026-09-30" }), "task");
    const target = ok(await focal.post(`/api/plans/${plan.id}/targets`, { text: `Chỉ tiêu riêng ${label}`, op: ">=", value: 90, unit: "%" }), "target");
    ok(await chairman.post(`/api/plans/${plan.id}/status`, { status: "active" }), "approve");
    ok(await focal.put(`/api/targets/${target.id}/values/2026-05`, { value: 92 }), "target value");
    const privateNote = `Ghi chú nội bộ ${label}: chưa công bố`;
    const filename = `bien-ban-noi-bo-${label.toLowerCase()}.pdf`;
    const form = new FormData();
    form.set("note", privateNote);
    form.set("progress", "40");
    form.append("files", new Blob([new Uint8Array(samplePdf("Bien ban noi bo"))], { type: "application/pdf" }), filename);
    ok(await focal.post(`/api/tasks/${task.id}/updates`, form), "update");
    const fileId = ok(await focal.get(`/api/tasks/${task.id}`), "task").updates.flatMap((u: any) => u.files)[0].id;
    const report = ok(await focal.post(`/api/orgs/${me.orgId}/reports`, { kind: "q1", year: 2026 }), "report");
    const listed = ok(await focal.get(`/api/orgs/${me.orgId}/par-assessments`), "assessments").assessments.find((a: any) => a.year === 2026);
    const assessmentId = listed?.id ?? ok(await focal.post(`/api/orgs/${me.orgId}/par-assessments`, { year: 2026 }), "assessment").id;
    const assessment = ok(await focal.get(`/api/par-assessments/${assessmentId}`), "assessment");
    const code = assessment.nodes.find((n: any) => n.isLeaf && n.method === "self" && !n.rule).code;
    const evidence = ok(await focal.post(`/api/par-assessments/${assessmentId}/leaves/${code}/evidence-links`, { kind: "link", stage: "self", url: "https://example.gov.vn/cchc", label: `Trang CCHC ${label}` }), "evidence");
    // A year without demo records: Tỉnh Khê's own plan of this year already inspects this unit.
    const inspectionPlan = ok(await focal.put(`/api/orgs/${me.orgId}/inspection-plan`, { year: 2027, title: `Kế hoạch kiểm tra riêng ${label}`, targetShare: 50 }), "inspection plan").plan;
    const inspection = ok(await focal.post(`/api/inspection-plans/${inspectionPlan.id}/inspections`, { unitId, plannedFrom: "2026-03-02", plannedTo: "2026-03-06", team: [`Trưởng đoàn ${label}`], content: "" }), "inspection");
    ok(await focal.patch(`/api/inspections/${inspection.id}`, { conductedOn: "2026-03-04", conclusion: `Kết luận riêng ${label}` }), "record the inspection");
    const finding = ok(await focal.post(`/api/inspections/${inspection.id}/findings`, { area: null, description: `Tồn tại riêng ${label}`, severity: "minor", responsibleUnitId: unitId, fixDue: "2026-04-30" }), "finding");
    const initiative = ok(await focal.post(`/api/orgs/${me.orgId}/initiatives`, { year: 2026, title: `Sáng kiến riêng ${label}`, unitId, authors: [{ name: `Tác giả ${label}`, userId: null }], submittedOn: "2026-03-01" }), "initiative");
    const ideaForm = new FormData();
    ideaForm.append("file", new Blob([new Uint8Array(samplePdf("Thuyet minh"))], { type: "application/pdf" }), `thuyet-minh-${label.toLowerCase()}.pdf`);
    const initiativeFileId = ok(await focal.post(`/api/initiatives/${initiative.id}/evidence`, ideaForm), "initiative evidence").evidence.find((e: any) => e.kind === "file").id;
    const campaign = ok(await focal.post(`/api/orgs/${me.orgId}/campaigns`, { title: `Phong trào thi đua riêng ${label}`, year: 2026, periodFrom: "2026-01-01", periodTo: "2026-12-31" }), "campaign");
    return {
      inspectionId: inspection.id, findingId: finding.id, initiativeId: initiative.id, initiativeFileId, campaignId: campaign.id,
      label, orgId: me.orgId, orgCode: org.code, planId: plan.id, taskId: task.id, taskTitle, privateNote, targetId: target.id, fileId, filename, unitId,
      reportId: report.id, assessmentId, code, evidenceId: evidence.id, setId: assessment.setId ?? assessment.set?.id,
    };
  }

  /** The province as a side: its own id in orgId, its criteria set, the rest from one of its communes. */
  const provinceSide = (label: string, provinceId: string, provinceCode: string, commune: Side): Side => ({ ...commune, label, orgId: provinceId, orgCode: provinceCode });

  beforeAll(async () => {
    app = await startTestApp(kind, { today: TODAY });
    const { db } = app.database;
    // Province B with a xã and a phường, their units and accounts, made through the db layer.
    const [province] = await db.insert(organisations).values({ kind: "province", name: "Tỉnh Bắc Sơn (kiểm thử)", code: "tinh-bac-son" }).returning();
    await storeSet(db, province.id, province.code, "xa", 2026);
    await storeSet(db, province.id, province.code, "phuong", 2026);
    const accounts: Array<[string, string, "province_admin" | "chairman" | "focal_point"]> = [["qt.bacson", province.id, "province_admin"]];
    for (const [code, name, short] of [["xa-bac-mot", "UBND xã Bắc Một", "bacmot"], ["phuong-bac-hai", "UBND phường Bắc Hai", "bachai"]]) {
      const [c] = await db.insert(organisations).values({ kind: "commune", name, code, parentId: province.id }).returning();
      await seedStandardUnits(db, c.id, "before-2025");
      accounts.push([`ct.${short}`, c.id, "chairman"], [`dm.${short}`, c.id, "focal_point"]);
    }
    for (const [username, orgId, role] of accounts) {
      await createUser(db, null, orgId, { username, fullName: `Người dùng ${username}`, role, password: DEMO_PASSWORD, unitIds: [] });
    }
    const [dmA1, ctA1, dmA2, ctA2, qtA, xemA, dmB1, ctB1, dmB2, ctB2, qtB] = await Promise.all(
      ["dm.tinhkhe", "ct.tinhkhe", "dm.hoaihao", "ct.hoaihao", "qt.tinh", "xem.tinh", "dm.bacmot", "ct.bacmot", "dm.bachai", "ct.bachai", "qt.bacson"].map((u) => app.login(u)));
    Object.assign(users, { dmA1, qtA, xemA, dmB1, ctB2, qtB });
    sides.A1 = await populate("A1", dmA1, ctA1);
    sides.A2 = await populate("A2", dmA2, ctA2);
    sides.B1 = await populate("B1", dmB1, ctB1);
    sides.B2 = await populate("B2", dmB2, ctB2);
    const provinceA = ok(await qtA.get("/api/auth/me"), "me").orgId;
    sides.A = provinceSide("A", provinceA, "tinh-mau", sides.A1);
    sides.B = provinceSide("B", province.id, province.code, sides.B1);

    const probe = await buildServer({ database: app.database, today: () => app.clock.today, secureCookies: false });
    await probe.ready();
    const paths = (probe as any).swagger().paths as Record<string, Record<string, unknown>>;
    await probe.close();
    getRoutes = Object.entries(paths).filter(([, ops]) => "get" in ops).map(([p]) => p.replace(/\{(\w+)\}/g, ":$1")).filter((p) => p.startsWith("/api/"));
  });
  afterAll(async () => { await app?.close(); });

  const withParams = () => getRoutes.filter((r) => r.includes(":") && !isPublic(r));

  it("has a substitution for every parameter of every GET route", () => {
    expect(withParams().length, "the route list was read").toBeGreaterThan(30);
    const missing = getRoutes.filter((r) => params(r).some((p) => !SUBSTITUTE[p]));
    expect(missing, "GET routes with a parameter the isolation table cannot fill").toEqual([]);
  });

  /**
   * Calls every GET route with a parameter as `viewer` on each of `others`;
   * returns those that did not answer 404. On `siblings` (another commune of
   * the viewer's province) the province's own resources answer 200.
   */
  async function leaks(viewer: Client, others: Side[], siblings: Side[] = []): Promise<string[]> {
    const out: string[] = [];
    for (const s of [...others, ...siblings]) for (const route of withParams()) {
      const expected = siblings.includes(s) && params(route).every((p) => PROVINCE_WIDE.has(p)) ? 200 : 404;
      const res = await viewer.get(`${fill(route, s)}?${QUERY}`);
      if (res.status !== expected) out.push(`${route} on ${s.label}: ${res.status}, expected ${expected}`);
    }
    return out;
  }

  it("shows a commune's focal point nothing of the other commune of the province, of province B or of its communes", async () => {
    expect(await leaks(users.dmA1, [sides.B1, sides.B2, sides.B], [sides.A2])).toEqual([]);
  });

  it("shows a commune user of province B nothing of province A or of the other commune", async () => {
    expect(await leaks(users.dmB1, [sides.A1, sides.A2, sides.A], [sides.B2])).toEqual([]);
    expect(await leaks(users.ctB2, [sides.A1], [sides.B1])).toEqual([]);
  });

  it("shows the province users of A their communes and nothing of province B", async () => {
    for (const viewer of [users.qtA, users.xemA]) {
      expect(await leaks(viewer, [sides.B, sides.B1, sides.B2])).toEqual([]);
      for (const s of [sides.A1, sides.A2]) {
        for (const path of [`/api/orgs/${s.orgId}`, `/api/orgs/${s.orgId}/plans`, `/api/plans/${s.planId}`, `/api/tasks/${s.taskId}`, `/api/evidence/${s.fileId}`, `/api/orgs/${s.orgId}/dashboard`, `/api/par-assessments/${s.assessmentId}`]) {
          expect((await viewer.get(path)).status, `${path} of ${s.label}`).toBe(200);
        }
      }
      const orgs = ok(await viewer.get("/api/orgs"), "orgs");
      expect(orgs.filter((o: any) => o.kind === "commune").length, "the demo province has at least 10 communes").toBeGreaterThanOrEqual(10);
      expect(orgs.map((o: any) => o.id)).toEqual(expect.arrayContaining([sides.A1.orgId, sides.A2.orgId]));
      expect(orgs.map((o: any) => o.id)).not.toEqual(expect.arrayContaining([sides.B1.orgId]));
      expect(orgs.map((o: any) => o.id)).not.toContain(sides.B2.orgId);
    }
    expect(await leaks(users.qtB, [sides.A, sides.A1, sides.A2])).toEqual([]);
  });

  it("lists in the routes without parameters nothing of a side the caller may not read", async () => {
    const plain = getRoutes.filter((r) => !r.includes(":") && !isPublic(r));
    const cases: Array<[Client, Side[]]> = [[users.dmA1, [sides.A2, sides.B1, sides.B2]], [users.qtA, [sides.B1, sides.B2]], [users.dmB1, [sides.A1, sides.B2]]];
    for (const [viewer, others] of cases) for (const route of plain) {
      const res = await viewer.get(route);
      const text = res.body instanceof ArrayBuffer ? Buffer.from(res.body).toString("latin1") : JSON.stringify(res.body);
      for (const s of others) for (const secret of [s.orgId, s.planId, s.taskId, s.taskTitle, s.privateNote]) {
        expect(text.includes(secret), `${route} shows ${s.label}'s ${secret}`).toBe(false);
      }
    }
  });

  it("answers 401 to anonymous callers on every route but the public ones", async () => {
    const anonymous = app.anonymous();
    const refused: string[] = [];
    for (const route of getRoutes.filter((r) => !isPublic(r))) {
      const res = await anonymous.get(`${fill(route, sides.B1)}?${QUERY}`);
      if (res.status !== 401) refused.push(`${route}: ${res.status}`);
    }
    expect(refused).toEqual([]);
  });

  it("publishes on the public routes no notes, no files that are not public, and no results that are not published", async () => {
    const anonymous = app.anonymous();
    const publicRoutes = getRoutes.filter((r) => isPublic(r) && r !== "/api/health");
    expect(publicRoutes.length, "the public routes were found").toBeGreaterThan(0);
    for (const route of publicRoutes) for (const s of [sides.A1, sides.B1, sides.A, sides.B]) {
      const res = await anonymous.get(`${fill(route, s)}?${QUERY}`);
      expect([200, 404], `${route} on ${s.label}`).toContain(res.status);
      if (route.includes(":fileId")) expect(res.status, `${route}: a file not marked public`).toBe(404);
      const text = res.body instanceof ArrayBuffer ? "" : JSON.stringify(res.body);
      for (const secret of [s.privateNote, s.filename, s.fileId]) expect(text.includes(secret), `${route} on ${s.label} shows ${secret}`).toBe(false);
      for (const other of [sides.A1, sides.A2, sides.B1, sides.B2].filter((o) => o.orgId !== s.orgId)) {
        expect(text.includes(other.taskTitle), `${route} on ${s.label} shows ${other.label}'s task`).toBe(false);
      }
    }
    // Province B published no PAR results; province A published last year's.
    const b = await anonymous.get(`/api/public/provinces/${sides.B.orgCode}/par-results?year=2025`);
    expect(JSON.stringify(b.body)).not.toContain("Bắc Một");
    const a = await anonymous.get(`/api/public/provinces/${sides.A.orgCode}/par-results?year=2025`);
    expect(a.status).toBe(200);
    expect(JSON.stringify(a.body)).toContain("Tỉnh Khê");
    const unpublished = await anonymous.get(`/api/public/provinces/${sides.A.orgCode}/par-results?year=2026`);
    expect(JSON.stringify(unpublished.body), "this year's assessments are not published").not.toContain("Tỉnh Khê");
  });
});
