import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildServer } from "../../src/api/server.js";
import { DEMO_PASSWORD, samplePdf } from "../../src/db/seed/demo.js";
import { importRecords } from "../../src/db/records.js";
import { Client, startTestApp, type Response, type TestApp } from "../support/app.js";
import { assessmentAt, exampleSet, fillAppraised, fillSelf } from "../support/par.js";

/**
 * The permission walk: every /api route, called as every kind of user, with a
 * valid body on a fresh resource, against a table of expected statuses. The
 * target is always a resource of xã Tỉnh Khê; the people of phường Hoài Hảo act
 * on it as outsiders. A route the server registers without a row here fails
 * the coverage test.
 */

const ROLES = [
  "anonymous",
  "province_admin",
  "province_viewer",
  "chairman",
  "focal_point",
  "lead_officer",
  "support_officer",
  "unrelated_officer",
  "other_chairman",
  "other_focal_point",
  "other_officer",
] as const;
type RoleName = (typeof ROLES)[number];
type Outcomes = Record<RoleName, number>;
type SignedIn = Exclude<RoleName, "anonymous">;

/** Who plays each role. The target task is led by Tư pháp – Hộ tịch and supported by Tài chính – Kế toán. */
const USERS: Record<SignedIn, string> = {
  province_admin: "qt.tinh",
  province_viewer: "xem.tinh",
  chairman: "ct.tinhkhe",
  focal_point: "dm.tinhkhe",
  lead_officer: "tpht.tinhkhe",
  support_officer: "tckt.tinhkhe",
  unrelated_officer: "vhxh.tinhkhe",
  other_chairman: "ct.hoaihao",
  other_focal_point: "dm.hoaihao",
  other_officer: "tpht.hoaihao",
};

const OUTSIDERS = { other_chairman: 404, other_focal_point: 404, other_officer: 404 } as const;

/** Every signed-in user gets `status`; anonymous callers 401. */
const signedIn = (status: number): Outcomes => ({
  anonymous: 401, province_admin: status, province_viewer: status, chairman: status, focal_point: status,
  lead_officer: status, support_officer: status, unrelated_officer: status, other_chairman: status, other_focal_point: status, other_officer: status,
});

/** Reading a commune's resource: its people and the province read it; another commune gets 404. */
const communeRead: Outcomes = { ...signedIn(200), ...OUTSIDERS };

/** A write on a commune's resource that only the listed roles may do; everyone else of the commune and the province 403. */
const onlyBy = (allowed: Partial<Record<SignedIn, number>>): Outcomes => ({
  ...signedIn(403), ...OUTSIDERS, ...allowed,
});

interface Prepared {
  params?: Record<string, string>;
  body?: unknown;
  /** Acts through this client instead of the role's shared one. */
  as?: Client;
  /** A query string appended to the path (without "?"). */
  query?: string;
  [extra: string]: unknown;
}

interface Case {
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  route: string;
  label?: string;
  expect: Outcomes;
  prepare?: (role: RoleName) => Promise<Prepared> | Prepared;
  /** Further checks of what each caller saw, run once every status matched the table. */
  check?: (role: RoleName, res: Response, prepared: Prepared) => Promise<void> | void;
}

describe("permission walk: every API route × every role (PGlite)", () => {
  let app: TestApp;
  const clients = {} as Record<SignedIn, Client>;
  const me = {} as Record<SignedIn, { id: string; orgId: string }>;
  let orgId: string; // xã Tỉnh Khê
  let otherOrgId: string; // phường Hoài Hảo
  let unit: Record<"tpht" | "tckt" | "vhxh", string>;
  let otherUnitId: string; // a unit of phường Hoài Hảo
  let walkPlanId: string; // an active plan of Tỉnh Khê created for the walk
  let readTaskId: string; // a task of that plan, led by Tư pháp – Hộ tịch, supported by Tài chính – Kế toán
  let evidenceId: string;
  let evidenceBytes: Buffer;
  let otherPlanId: string;
  let publicFileId: string | undefined; // a public evidence file of Tỉnh Khê's annual plan (the public page walk)
  let serial = 0;
  const next = () => ++serial;

  const fp = () => clients.focal_point;
  const ok = <T = any>(res: Response<T>, what: string): T => {
    if (res.status >= 300) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };

  async function freshTask(planId = walkPlanId, dueDate = "2026-07-31"): Promise<string> {
    return ok(await fp().post(`/api/plans/${planId}/tasks`, {
      title: `Nhiệm vụ kiểm thử phân quyền ${next()}`, area: "thu-tuc-hanh-chinh",
      leadUnitIds: [unit.tpht], supportUnitIds: [unit.tckt], dueDate,
    }), "create task").id;
  }
  async function freshDraftPlan(): Promise<string> {
    return ok(await fp().post(`/api/orgs/${orgId}/plans`, { type: "topical", title: `Kế hoạch kiểm thử ${next()}`, year: 2026 }), "create plan").id;
  }
  async function freshActivePlan(): Promise<string> {
    const id = await freshDraftPlan();
    ok(await clients.chairman.post(`/api/plans/${id}/status`, { status: "active" }), "approve plan");
    return id;
  }
  async function freshClosedPlan(): Promise<string> {
    const id = await freshActivePlan();
    ok(await fp().post(`/api/plans/${id}/status`, { status: "closed" }), "close plan");
    return id;
  }
  async function freshTarget(): Promise<string> {
    return ok(await fp().post(`/api/plans/${walkPlanId}/targets`, {
      text: `Tỷ lệ hồ sơ giải quyết đúng hạn ${next()}`, op: ">=", value: 98, unit: "%",
      implementUnitIds: [unit.tpht], monitorUnitIds: [unit.tckt],
    }), "create target").id;
  }
  async function freshExtension(): Promise<{ extensionId: string; taskId: string }> {
    const taskId = await freshTask();
    const ext = ok(await clients.lead_officer.post(`/api/tasks/${taskId}/extensions`, { proposedDue: "2026-09-30", reason: "Chờ hướng dẫn của cấp trên." }), "request extension");
    return { extensionId: ext.id, taskId };
  }
  async function freshUnit(): Promise<string> {
    return ok(await fp().post(`/api/orgs/${orgId}/units`, { name: `Tổ công tác kiểm thử ${next()}` }), "create unit").id;
  }
  async function freshUser(): Promise<string> {
    return ok(await fp().post(`/api/orgs/${orgId}/users`, {
      username: `kiemthu.${next()}`, fullName: "Công chức kiểm thử", role: "unit_officer", password: "Matkhau2026", unitIds: [unit.vhxh],
    }), "create user").id;
  }
  /** The role's session in a client of its own, so a call that sets a new cookie leaves the shared client alone. */
  const sameSession = (role: RoleName) => {
    const c = new Client(app.url);
    if (role !== "anonymous") c.cookie = clients[role].cookie;
    return c;
  };
  /** The newest entry of Tỉnh Khê's audit log, to see that a refused write wrote nothing. */
  const auditHead = async () => ok(await fp().get(`/api/orgs/${orgId}/audit?limit=1`), "audit")[0]?.id ?? null;
  const criteriaSetForm = () => {
    const form = new FormData();
    form.append("file", new Blob([readFileSync(new URL("../../fixtures/par-index/example-xa-2026.json", import.meta.url))], { type: "application/json" }), "mau.json");
    return form;
  };
  let criteriaSetId: string | null = null;
  /** A stored criteria set of the province, imported once by its administrator. */
  const walkCriteriaSet = async () => {
    criteriaSetId ??= ok(await clients.province_admin.post(`/api/orgs/${me.province_admin.orgId}/criteria-sets`, criteriaSetForm()), "import criteria set").id;
    return criteriaSetId!;
  };
  const pdfForm = (name = "bien-ban.pdf") => {
    const form = new FormData();
    form.set("note", "Đã tổ chức họp triển khai.");
    form.set("progress", "40");
    form.append("files", new Blob([new Uint8Array(samplePdf("Bien ban hop"))], { type: "application/pdf" }), name);
    return form;
  };

  beforeAll(async () => {
    // Every role rates from the same address: the rating page's flood limit is raised for the walk.
    app = await startTestApp("pglite", { context: { ratingLimits: { perAddress: 1000 } } });
    for (const [role, username] of Object.entries(USERS) as Array<[SignedIn, string]>) {
      clients[role] = await app.login(username);
      me[role] = ok(await clients[role].get("/api/auth/me"), "me");
    }
    orgId = me.focal_point.orgId;
    otherOrgId = me.other_focal_point.orgId;
    const units: Array<{ id: string; code: string | null }> = ok(await fp().get(`/api/orgs/${orgId}/units`), "units");
    const byCode = (code: string) => units.find((u) => u.code === code)!.id;
    unit = { tpht: byCode("tp-ht"), tckt: byCode("tc-kt"), vhxh: byCode("vh-xh") };
    otherUnitId = ok<Array<{ id: string; code: string }>>(await clients.other_focal_point.get(`/api/orgs/${otherOrgId}/units`), "units").find((u) => u.code === "tp-ht")!.id;
    walkPlanId = await freshActivePlan();
    readTaskId = await freshTask();
    evidenceBytes = samplePdf("Bien ban hop");
    const task = ok(await clients.lead_officer.post(`/api/tasks/${readTaskId}/updates`, pdfForm()), "post update");
    evidenceId = task.updates[0].files[0].id;
    otherPlanId = ok(await clients.other_focal_point.get(`/api/orgs/${otherOrgId}/plans`), "plans")[0].id;
  });
  afterAll(async () => { await app?.close(); });


  // ── PAR-index assessments: Tỉnh Khê's seeded ones, and fresh ones of later years brought to a status ──
  let parYear = 2040;
  const parPeople = () => ({ focal: me.focal_point, chairman: me.chairman, admin: me.province_admin });
  const parAt = async (status: Parameters<typeof assessmentAt>[4]) => (await assessmentAt(app.database.db, parPeople(), orgId, parYear++, status, app.clock.today)).id;
  const parShared = new Map<string, Promise<string>>();
  /** One assessment per case for the refused callers; a fresh one for each caller the case lets change it. */
  const parFor = (key: string, status: Parameters<typeof assessmentAt>[4], role: RoleName, movers: RoleName[] = []) => {
    if (movers.includes(role)) return parAt(status);
    if (!parShared.has(key)) parShared.set(key, parAt(status));
    return parShared.get(key)!;
  };
  const parSeeded = async (year: number) => ok(await fp().get(`/api/orgs/${orgId}/par-assessments`), "assessments").assessments.find((a: any) => a.year === year).id as string;
  /** A self-assessed leaf scored directly, of the example set. */
  const parLeaf = async (id: string) => ok(await fp().get(`/api/par-assessments/${id}`), "assessment").nodes.find((n: any) => n.isLeaf && n.method === "self" && !n.rule).code as string;
  const parLink = () => ({ kind: "link", stage: "self", url: "https://tinhkhe.gov.vn/cchc", label: `Trang CCHC ${next()}` });
  const surveyWorkbook = async () => {
    const { default: ExcelJS } = await import("exceljs");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Điểm");
    ws.addRow(["Mã đơn vị", "Điểm điều tra xã hội học"]);
    ws.addRow(["xa-tinh-khe", 25]);
    const form = new FormData();
    form.set("year", "2025");
    form.append("file", new Blob([new Uint8Array(await wb.xlsx.writeBuffer())]), "dieu-tra.xlsx");
    return form;
  };
  /** A one-account sheet of the bulk account import (the organisation tree's rows). */
  const accountsWorkbook = async (username: string) => {
    const { default: ExcelJS } = await import("exceljs");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Tài khoản");
    ws.addRow(["Mã đơn vị", "Tên đăng nhập", "Họ và tên", "Vai trò", "Bộ phận", "Mật khẩu ban đầu"]);
    ws.addRow(["xa-tinh-khe", username, "Công chức tạo hàng loạt", "cong_chuc", "vh-xh", "Matkhau2026"]);
    const form = new FormData();
    form.append("file", new Blob([new Uint8Array(await wb.xlsx.writeBuffer())]), "tai-khoan.xlsx");
    return form;
  };
  let treeOrgId: string | null = null;
  /** Province-wide PAR results: the province's people; the communes' people cannot even see the province. */
  const provinceOnly = (admin: number, viewer: number): Outcomes => ({ ...signedIn(404), province_admin: admin, province_viewer: viewer });


  // ── Periodic reports: fresh ones of later years, brought to a status through the db layer ──
  let reportYear = 2060;
  const reportShared = new Map<string, Promise<string>>();
  const reportAt = async (status: "draft" | "approved" | "submitted") => {
    const { createReport, moveReport } = await import("../../src/db/reports.js");
    const { getOrg } = await import("../../src/db/orgs.js");
    const db = app.database.db;
    let r = await createReport(db, me.focal_point, (await getOrg(db, orgId))!, "q1", reportYear++);
    const today = app.clock.today;
    if (status !== "draft") { await moveReport(db, me.chairman, r, "approve", { today }); r = { ...r, status: "approved" }; }
    if (status === "submitted") await moveReport(db, me.chairman, r, "submit", { today, number: "01/BC-UBND" });
    return r.id;
  };
  /** One report per case for the refused callers; a fresh one for each caller the case lets move it. */
  const reportFor = (key: string, status: Parameters<typeof reportAt>[0], role: RoleName, movers: RoleName[] = []) => {
    if (movers.includes(role)) return reportAt(status);
    if (!reportShared.has(key)) reportShared.set(key, reportAt(status));
    return reportShared.get(key)!;
  };
  /** A commune's unsent report: its own people only (the province sees reports once sent). */
  const unsent = (allowed: Partial<Record<SignedIn, number>>): Outcomes => ({ ...onlyBy(allowed), province_admin: 404, province_viewer: 404 });
  /** Reviewing a sent report: the province's administrator; the commune's people read it but may not. */
  const reviewBy = (status: number): Outcomes => ({ ...onlyBy({}), province_admin: status });

  // ── Plan cascade: an active plan of the province with one task given to the communes (docs/cascade.md) ──
  let cascadePlan: Promise<string> | null = null;
  const provincePlanBody = () => ({ type: "annual", title: `Kế hoạch CCHC của tỉnh ${next()}`, year: 2026 });
  /** A fresh active province plan per call: a commune makes one plan from each. */
  const freshProvincePlan = async () => {
    const admin = clients.province_admin;
    const id = ok(await admin.post(`/api/orgs/${me.province_admin.orgId}/plans`, provincePlanBody()), "province plan").id;
    ok(await admin.post(`/api/plans/${id}/tasks`, { title: "Rà soát thủ tục hành chính (giao cấp xã)", area: "thu-tuc-hanh-chinh", dueDate: "2026-09-30", forCommunes: true }), "template task");
    ok(await admin.post(`/api/plans/${id}/status`, { status: "active" }), "activate province plan");
    return id as string;
  };
  const sharedProvincePlan = () => (cascadePlan ??= freshProvincePlan());

  // ── Inspections, initiatives, emulation campaigns: fresh records of Tỉnh Khê made by its focal point ──
  const shared = new Map<string, Promise<string>>();
  /** One record per case for the callers it refuses; a fresh one for each caller the case lets change or remove it. */
  const sharedOr = (key: string, make: () => Promise<string>, role: RoleName, movers: RoleName[]) => {
    if (movers.includes(role)) return make();
    if (!shared.has(key)) shared.set(key, make());
    return shared.get(key)!;
  };
  let inspectionYear = 2030;
  /** An inspection of Tư pháp – Hộ tịch under the plan of a year of its own. */
  const freshInspection = async (conducted = false): Promise<string> => {
    const year = ++inspectionYear;
    const plan = ok(await fp().put(`/api/orgs/${orgId}/inspection-plan`, { year, title: `Kế hoạch tự kiểm tra CCHC năm ${year}`, targetShare: 50 }), "inspection plan").plan;
    const inspection = ok(await fp().post(`/api/inspection-plans/${plan.id}/inspections`, {
      unitId: unit.tpht, plannedFrom: "2026-06-01", plannedTo: "2026-06-05", team: ["Võ Minh Chính – Chủ tịch UBND xã, Trưởng đoàn"], content: "Giải quyết thủ tục hành chính",
    }), "inspection");
    if (conducted) ok(await fp().patch(`/api/inspections/${inspection.id}`, { conductedOn: "2026-06-03", conclusion: "Bộ phận thực hiện cơ bản đúng quy định." }), "record the inspection");
    return inspection.id;
  };
  const findingBody = () => ({ area: "thu-tuc-hanh-chinh", description: `Niêm yết thủ tục chưa đầy đủ ${next()}`, severity: "minor", responsibleUnitId: unit.tpht, fixDue: "2026-07-15" });
  const freshFinding = async (): Promise<string> => ok(await fp().post(`/api/inspections/${await freshInspection(true)}/findings`, findingBody()), "finding").id;
  const initiativeBody = () => ({ year: 2026, title: `Sáng kiến kiểm thử phân quyền ${next()}`, unitId: unit.tpht, authors: [{ name: "Lê Thị Hoa", userId: null }], submittedOn: "2026-06-01" });
  const freshInitiative = async (): Promise<string> => ok(await fp().post(`/api/orgs/${orgId}/initiatives`, initiativeBody()), "initiative").id;
  const initiativePdf = () => {
    const form = new FormData();
    form.append("file", new Blob([new Uint8Array(samplePdf("Thuyet minh sang kien"))], { type: "application/pdf" }), "thuyet-minh.pdf");
    return form;
  };
  const freshInitiativeFile = async (): Promise<string> => {
    const initiative = ok(await fp().post(`/api/initiatives/${await freshInitiative()}/evidence`, initiativePdf()), "initiative evidence");
    return initiative.evidence.find((e: any) => e.kind === "file").id;
  };

  /** A campaign of 2026 with one computed criterion and one unit taking part; `confirmed` brings it to a confirmed proposal. */
  const freshCampaign = async (confirmed = false): Promise<string> => {
    const campaign = ok(await fp().post(`/api/orgs/${orgId}/campaigns`, {
      title: `Phong trào thi đua kiểm thử ${next()}`, year: 2026, periodFrom: "2026-01-01", periodTo: "2026-11-15",
      criteria: [{ label: "Không có nhiệm vụ quá hạn", appliesTo: "both", source: { kind: "computed", metric: "overdue_tasks_at", threshold: 0, asOf: null } }, { label: "Chấp hành kỷ luật", appliesTo: "both", source: { kind: "judged" } }],
    }), "campaign");
    ok(await fp().post(`/api/campaigns/${campaign.id}/participants`, { kind: "unit", unitId: unit.vhxh }), "participant");
    if (confirmed) {
      const view = ok(await fp().get(`/api/campaigns/${campaign.id}`), "campaign");
      const judged = view.criteria.find((k: any) => k.source.kind === "judged").id;
      for (const p of view.participants) ok(await fp().put(`/api/campaigns/${campaign.id}/judgments`, { participantId: p.id, criterionId: judged, met: true, note: "Không vi phạm kỷ luật." }), "judge");
      const judgedView = ok(await fp().get(`/api/campaigns/${campaign.id}`), "campaign");
      ok(await fp().post(`/api/campaigns/${campaign.id}/confirm`, { entries: judgedView.participants.map((p: any) => ({ participantId: p.id, included: p.proposed, reason: null })) }), "confirm");
    }
    return campaign.id;
  };
  const campaignView = async (id: string) => ok(await fp().get(`/api/campaigns/${id}`), "campaign");
  const freshEmulationPlan = async (): Promise<string> => ok(await fp().post(`/api/orgs/${orgId}/plans`, { type: "emulation", title: `Phát động phong trào thi đua ${next()}`, year: 2026 }), "emulation plan").id;

  const CASES: Case[] = [
    // ── Signing in ────────────────────────────────────────────────────────────
    {
      method: "POST", route: "/api/auth/login", expect: { ...signedIn(200), anonymous: 200 },
      prepare: (role) => ({ as: sameSession(role), body: { username: role === "anonymous" ? "motcua.tinhkhe" : USERS[role], password: DEMO_PASSWORD } }),
    },
    {
      method: "POST", route: "/api/auth/logout", expect: { ...signedIn(200), anonymous: 200 },
      prepare: async (role) => {
        const as = role === "anonymous" ? app.anonymous() : await app.login(USERS[role]);
        return { as, cookie: as.cookie };
      },
      check: async (role, _res, prepared) => {
        if (role === "anonymous") return;
        const old = new Client(app.url);
        old.cookie = prepared.cookie as string;
        expect((await old.get("/api/auth/me")).status, "the session ended with logout").toBe(401);
      },
    },
    {
      method: "GET", route: "/api/auth/me", expect: signedIn(200),
      check: (role, res) => {
        if (role === "anonymous") return;
        const p = res.body.permissions;
        expect(res.body.username).toBe(USERS[role]);
        expect(p.managePlans).toBe(role === "focal_point" || role === "other_focal_point");
        expect(p.approvePlans).toBe(role === "chairman" || role === "other_chairman");
        expect(p.decideExtensions).toBe(["focal_point", "chairman", "other_focal_point", "other_chairman"].includes(role));
        expect(p.manageUsers).toBe(["province_admin", "focal_point", "other_focal_point"].includes(role));
        expect(p.provincial).toBe(role.startsWith("province_"));
      },
    },
    {
      method: "POST", route: "/api/auth/password", expect: signedIn(200),
      // The same password again: the account stays usable for the rest of the walk.
      prepare: (role) => ({ as: sameSession(role), body: { currentPassword: DEMO_PASSWORD, newPassword: DEMO_PASSWORD } }),
    },
    // ── Reference data and organisations ─────────────────────────────────────
    { method: "GET", route: "/api/reference/areas", expect: signedIn(200) },
    { method: "GET", route: "/api/reference/indicators", expect: signedIn(200) },
    {
      method: "GET", route: "/api/orgs", expect: signedIn(200),
      check: (role, res) => {
        if (role === "anonymous") return;
        const ids = res.body.map((o: any) => o.id).sort();
        if (role.startsWith("province_")) expect(ids).toEqual(expect.arrayContaining([me.province_admin.orgId, orgId, otherOrgId])), expect(ids).toHaveLength(11); // the province and its 10 demo communes
        else expect(ids).toEqual([me[role].orgId]);
      },
    },
    { method: "GET", route: "/api/orgs/:orgId", expect: communeRead, prepare: () => ({ params: { orgId } }) },
    { method: "GET", route: "/api/health", expect: { ...signedIn(200), anonymous: 200 } },
    // ── Units and accounts ───────────────────────────────────────────────────
    { method: "GET", route: "/api/orgs/:orgId/units", expect: communeRead, prepare: () => ({ params: { orgId } }) },
    {
      method: "POST", route: "/api/orgs/:orgId/units", expect: onlyBy({ focal_point: 201, province_admin: 201 }),
      prepare: () => ({ params: { orgId }, body: { name: `Bộ phận mới ${next()}`, abbreviations: ["BPM"] } }),
    },
    {
      method: "PATCH", route: "/api/units/:unitId", expect: onlyBy({ focal_point: 200, province_admin: 200 }),
      prepare: async () => ({ params: { unitId: await freshUnit() }, body: { name: `Tổ công tác đã đổi tên ${next()}`, sortOrder: 5 } }),
    },
    { method: "GET", route: "/api/orgs/:orgId/users", expect: onlyBy({ focal_point: 200, province_admin: 200, chairman: 200 }), prepare: () => ({ params: { orgId } }) },
    {
      method: "POST", route: "/api/orgs/:orgId/users", expect: onlyBy({ focal_point: 201, province_admin: 201 }),
      prepare: () => ({ params: { orgId }, body: { username: `moi.${next()}`, fullName: "Nguyễn Văn Mới", role: "unit_officer", password: "Matkhau2026", unitIds: [unit.vhxh] } }),
    },
    {
      method: "PATCH", route: "/api/users/:userId", expect: onlyBy({ focal_point: 200, province_admin: 200 }),
      prepare: async () => ({ params: { userId: await freshUser() }, body: { fullName: "Công chức đã đổi tên", unitIds: [unit.vhxh, unit.tckt] } }),
    },
    // ── Plans ────────────────────────────────────────────────────────────────
    { method: "GET", route: "/api/orgs/:orgId/plans", expect: communeRead, prepare: () => ({ params: { orgId } }) },
    {
      method: "POST", route: "/api/orgs/:orgId/plans", expect: onlyBy({ focal_point: 201 }),
      prepare: () => ({ params: { orgId }, body: { type: "topical", title: `Kế hoạch chuyên đề ${next()}`, year: 2026, number: "15/KH-UBND" } }),
    },
    {
      method: "POST", route: "/api/orgs/:orgId/imports", expect: onlyBy({ focal_point: 200 }),
      prepare: () => ({ params: { orgId }, body: planDocumentForm() }),
      check: (_role, res) => { if (res.status === 200) expect(res.body.draft.tasks.map((t: any) => t.title)).toEqual(["Rà soát, đơn giản hóa thủ tục hành chính"]); },
    },
    {
      method: "POST", route: "/api/orgs/:orgId/imports/accept", expect: onlyBy({ focal_point: 201 }),
      prepare: () => ({ params: { orgId }, body: acceptedDraft(`Kế hoạch nhập từ tài liệu ${next()}`) }),
      check: (_role, res) => { if (res.status === 201) expect(res.body).toMatchObject({ status: "draft", taskCount: 1 }); },
    },
    // ── One-stop records and indicators ──────────────────────────────────────
    {
      method: "POST", route: "/api/orgs/:orgId/record-files", expect: onlyBy({ focal_point: 200 }),
      prepare: () => ({ params: { orgId }, body: dossierForm(`PQ-${next()}`) }),
      check: (_role, res) => { if (res.status === 200) expect(res.body).toMatchObject({ refused: false, accepted: 1, inserted: 1 }); },
    },
    {
      method: "POST", route: "/api/orgs/:orgId/record-files/:uploadId/confirm", expect: onlyBy({ focal_point: 201 }),
      prepare: async () => ({ params: { orgId, uploadId: ok(await fp().post(`/api/orgs/${orgId}/record-files`, dossierForm(`PQ-${next()}`)), "stage").uploadId } }),
      check: (_role, res) => { if (res.status === 201) expect(res.body).toMatchObject({ inserted: 1, rejected: 0 }); },
    },
    {
      method: "DELETE", route: "/api/orgs/:orgId/record-files/:uploadId", expect: onlyBy({ focal_point: 204 }),
      prepare: async () => ({ params: { orgId, uploadId: ok(await fp().post(`/api/orgs/${orgId}/record-files`, dossierForm(`PQ-${next()}`)), "stage").uploadId } }),
    },
    { method: "GET", route: "/api/orgs/:orgId/record-imports", expect: communeRead, prepare: () => ({ params: { orgId } }) },
    // ── PAR-index criteria sets (of the province; its communes read them) ──
    {
      method: "POST", route: "/api/orgs/:orgId/criteria-sets", expect: { ...signedIn(403), province_admin: 201 },
      prepare: () => ({ params: { orgId: me.province_admin.orgId }, body: criteriaSetForm() }),
      check: (_role, res) => { if (res.status === 201) expect(res.body).toMatchObject({ subject: "xa", year: 2026 }); },
    },
    { method: "GET", route: "/api/orgs/:orgId/criteria-sets", expect: signedIn(200), prepare: () => ({ params: { orgId: me.province_admin.orgId } }) },
    { method: "GET", route: "/api/criteria-sets/:setId", expect: signedIn(200), prepare: async () => ({ params: { setId: await walkCriteriaSet() } }) },
    { method: "GET", route: "/api/criteria-sets/:setId/export.xlsx", expect: signedIn(200), prepare: async () => ({ params: { setId: await walkCriteriaSet() } }) },
    {
      method: "GET", route: "/api/orgs/:orgId/indicators", expect: communeRead, prepare: () => ({ params: { orgId }, query: "from=2026-01-01&to=2026-06-30" }),
      check: (_role, res) => { if (res.status === 200) expect(res.body.counts.received.total).toBeGreaterThan(0); },
    },
    { method: "GET", route: "/api/orgs/:orgId/indicators/series", expect: communeRead, prepare: () => ({ params: { orgId }, query: "year=2026" }) },
    { method: "GET", route: "/api/orgs/:orgId/indicators/breakdown", expect: communeRead, prepare: () => ({ params: { orgId }, query: "from=2026-01-01&to=2026-03-31&by=field" }) },
    { method: "GET", route: "/api/orgs/:orgId/indicators/late", expect: communeRead, prepare: () => ({ params: { orgId }, query: "from=2026-01-01&to=2026-03-31" }) },
    {
      method: "GET", route: "/api/plans/:planId", label: "an active plan", expect: communeRead, prepare: () => ({ params: { planId: walkPlanId } }),
      check: (role, res) => {
        if (res.status !== 200) return;
        expect(res.body.canEdit, "the edit buttons show for the focal point only").toBe(role === "focal_point");
        expect(res.body.canApprove).toBe(false); // already active
      },
    },
    {
      method: "GET", route: "/api/plans/:planId", label: "a draft plan", expect: communeRead, prepare: async () => ({ params: { planId: await freshDraftPlan() } }),
      check: (role, res) => {
        if (res.status !== 200) return;
        expect(res.body.canApprove, "the approve button shows for the chairman only").toBe(role === "chairman");
        expect(res.body.canEdit).toBe(role === "focal_point");
      },
    },
    {
      method: "GET", route: "/api/plans/:planId/export.docx", label: "the plan as a DOCX: whoever reads the plan", expect: communeRead, prepare: () => ({ params: { planId: walkPlanId } }),
      check: (_role, res) => { if (res.status === 200) expect(res.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document"); },
    },
    {
      method: "GET", route: "/api/plans/:planId/tasks.xlsx", expect: communeRead, prepare: () => ({ params: { planId: walkPlanId }, query: `unitId=${unit.tpht}` }),
      check: (_role, res) => { if (res.status === 200) expect(res.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"); },
    },
    {
      method: "GET", route: "/api/plans/:planId/units/:unitId/tasks.docx", expect: communeRead, prepare: () => ({ params: { planId: walkPlanId, unitId: unit.tpht } }),
      check: (_role, res) => { if (res.status === 200) expect(Buffer.from(res.body as ArrayBuffer).subarray(0, 2).toString()).toBe("PK"); },
    },
    {
      method: "PATCH", route: "/api/plans/:planId", label: "a draft plan", expect: onlyBy({ focal_point: 200 }),
      prepare: async () => ({ params: { planId: await freshDraftPlan() }, body: { title: "Kế hoạch đã sửa tên", signerName: "Võ Minh Chính" } }),
    },
    {
      method: "PATCH", route: "/api/plans/:planId", label: "a closed plan: nobody edits it", expect: onlyBy({}),
      prepare: async () => ({ params: { planId: await freshClosedPlan() }, body: { title: "Sửa kế hoạch đã kết thúc" } }),
      check: (role, res) => {
        if (role === "focal_point") expect(res.body.error.message).toBe("Kế hoạch đã kết thúc nên không thể sửa.");
      },
    },
    {
      method: "POST", route: "/api/plans/:planId/status", label: "approve a draft (draft → active)", expect: onlyBy({ chairman: 200 }),
      prepare: async () => ({ params: { planId: await freshDraftPlan() }, body: { status: "active" } }),
      check: (_role, res) => { if (res.status === 200) expect(res.body.status).toBe("active"); },
    },
    {
      method: "POST", route: "/api/plans/:planId/status", label: "close an active plan", expect: onlyBy({ chairman: 200, focal_point: 200 }),
      prepare: async () => ({ params: { planId: await freshActivePlan() }, body: { status: "closed" } }),
    },
    {
      method: "POST", route: "/api/plans/:planId/status", label: "reopen a closed plan as draft", expect: onlyBy({ chairman: 200 }),
      prepare: async () => ({ params: { planId: await freshClosedPlan() }, body: { status: "draft" } }),
    },
    // ── Plan cascade (docs/cascade.md) ───────────────────────────────────────
    {
      method: "POST", route: "/api/orgs/:orgId/plans", label: "the province's own plan: its admin only", expect: { ...provinceOnly(201, 403) },
      prepare: () => ({ params: { orgId: me.province_admin.orgId }, body: provincePlanBody() }),
    },
    {
      method: "GET", route: "/api/orgs/:orgId/cascade/templates", expect: communeRead, prepare: async () => { await sharedProvincePlan(); return { params: { orgId }, query: "year=2026" }; },
      check: async (_role, res) => { if (res.status === 200) expect(res.body.plans.map((p: any) => p.id)).toContain(await sharedProvincePlan()); },
    },
    {
      method: "POST", route: "/api/orgs/:orgId/cascade/plans", expect: onlyBy({ focal_point: 201 }),
      prepare: async (role) => ({ params: { orgId }, body: { provincePlanId: role === "focal_point" ? await freshProvincePlan() : await sharedProvincePlan() } }),
      check: (_role, res) => { if (res.status === 201) expect(res.body).toMatchObject({ status: "draft", taskCount: 1 }); },
    },
    {
      method: "GET", route: "/api/orgs/:orgId/cascade/plans/:planId/rollup", expect: provinceOnly(200, 200),
      prepare: async () => ({ params: { orgId: me.province_admin.orgId, planId: await sharedProvincePlan() } }),
      check: (_role, res) => { if (res.status === 200) expect(res.body.tasks[0].task.title).toBe("Rà soát thủ tục hành chính (giao cấp xã)"); },
    },
    // ── Tasks ────────────────────────────────────────────────────────────────
    {
      method: "POST", route: "/api/plans/:planId/tasks", expect: onlyBy({ focal_point: 201 }),
      prepare: () => ({ params: { planId: walkPlanId }, body: { title: `Rà soát thủ tục hành chính ${next()}`, leadUnitIds: [unit.tpht], dueDate: "2026-09-30" } }),
    },
    {
      method: "GET", route: "/api/tasks/:taskId", expect: communeRead, prepare: () => ({ params: { taskId: readTaskId } }),
      check: (role, res) => {
        if (res.status !== 200) return;
        expect(res.body.canUpdate, "the update form shows for the task's units and the focal point").toBe(["focal_point", "lead_officer", "support_officer"].includes(role));
        expect(res.body.canEdit).toBe(role === "focal_point");
      },
    },
    {
      method: "PATCH", route: "/api/tasks/:taskId", expect: onlyBy({ focal_point: 200 }),
      prepare: async () => ({ params: { taskId: await freshTask() }, body: { title: "Nhiệm vụ đã sửa", dueDate: "2026-08-15", supportUnitIds: [unit.vhxh] } }),
    },
    {
      method: "DELETE", route: "/api/tasks/:taskId", expect: onlyBy({ focal_point: 200 }),
      prepare: async () => ({ params: { taskId: await freshTask() } }),
      check: async (_role, res, prepared) => {
        const after = await fp().get(`/api/tasks/${prepared.params!.taskId}`);
        expect(after.status, "the task is gone exactly when the delete was allowed").toBe(res.status === 200 ? 404 : 200);
      },
    },
    {
      method: "POST", route: "/api/tasks/:taskId/updates", label: "a task of an active plan",
      expect: onlyBy({ focal_point: 201, lead_officer: 201, support_officer: 201 }),
      prepare: async () => ({ params: { taskId: await freshTask() }, body: pdfForm() }),
      check: (role, res) => {
        if (role === "unrelated_officer") expect(res.body.error.message).toBe("Bạn chỉ được cập nhật nhiệm vụ do bộ phận của mình chủ trì hoặc phối hợp.");
        if (res.status === 201) expect(res.body.updates[0].files).toHaveLength(1);
      },
    },
    {
      method: "POST", route: "/api/tasks/:taskId/updates", label: "marking a task done: the lead unit and the focal point only",
      expect: onlyBy({ focal_point: 201, lead_officer: 201 }),
      prepare: async () => {
        const form = pdfForm();
        form.set("markDone", "true");
        return { params: { taskId: await freshTask() }, body: form };
      },
      check: (role, res) => {
        if (role === "support_officer") expect(res.body.error.message).toBe("Chỉ bộ phận chủ trì hoặc công chức đầu mối CCHC được báo cáo hoàn thành nhiệm vụ.");
        if (res.status === 201) expect(res.body.status).toBe("done_on_time");
      },
    },
    {
      method: "POST", route: "/api/tasks/:taskId/updates", label: "a task of a draft plan: nobody reports progress yet", expect: onlyBy({}),
      prepare: async () => ({ params: { taskId: await freshTask(await freshDraftPlan()) }, body: pdfForm() }),
      check: (role, res) => {
        if (role === "lead_officer" || role === "focal_point") expect(res.body.error.message).toMatch(/chưa được phê duyệt/);
      },
    },
    {
      method: "POST", route: "/api/tasks/:taskId/extensions", expect: onlyBy({ focal_point: 201, lead_officer: 201, support_officer: 201 }),
      prepare: async () => ({ params: { taskId: await freshTask() }, body: { proposedDue: "2026-09-30", reason: "Khối lượng hồ sơ tăng đột biến." } }),
    },
    {
      method: "GET", route: "/api/evidence/:fileId", expect: communeRead, prepare: () => ({ params: { fileId: evidenceId } }),
      check: (_role, res) => {
        if (res.status !== 200) return;
        expect(Buffer.from(res.body as ArrayBuffer).equals(evidenceBytes)).toBe(true);
        expect(res.headers.get("content-disposition")).toMatch(/^attachment/);
      },
    },
    {
      method: "GET", route: "/api/my/tasks", expect: signedIn(200),
      check: (role, res) => {
        if (role === "anonymous") return;
        const ids = res.body.map((t: any) => t.id);
        expect(ids.includes(readTaskId), "the walk task is in 'my tasks' of its lead and support units only").toBe(role === "lead_officer" || role === "support_officer");
        if (role.startsWith("other_") || role.startsWith("province_")) expect(res.body.filter((t: any) => t.planId === walkPlanId)).toEqual([]);
      },
    },
    // ── Extensions ───────────────────────────────────────────────────────────
    {
      method: "GET", route: "/api/orgs/:orgId/extensions", expect: communeRead, prepare: () => ({ params: { orgId } }),
      check: (role, res) => {
        if (res.status !== 200) return;
        const requesters = new Set(res.body.map((e: any) => e.requestedBy?.id));
        if (role.endsWith("_officer")) expect([...requesters].every((id) => id === me[role as SignedIn].id), "an officer sees only their own requests").toBe(true);
        else expect(res.body.length).toBeGreaterThanOrEqual(3);
      },
    },
    {
      method: "POST", route: "/api/extensions/:extensionId/decision", expect: onlyBy({ focal_point: 200, chairman: 200 }),
      prepare: async () => {
        const { extensionId, taskId } = await freshExtension();
        return { params: { extensionId }, taskId, body: { decision: "approve", note: "Đồng ý." } };
      },
      check: async (_role, res, prepared) => {
        const task = ok(await fp().get(`/api/tasks/${prepared.taskId}`), "task");
        expect(task.dueDate, "approving moves the due date; a refused call leaves it").toBe(res.status === 200 ? "2026-09-30" : "2026-07-31");
      },
    },
    // ── Targets ──────────────────────────────────────────────────────────────
    {
      method: "POST", route: "/api/plans/:planId/targets", expect: onlyBy({ focal_point: 201 }),
      prepare: () => ({ params: { planId: walkPlanId }, body: { text: `Tỷ lệ số hóa hồ sơ ${next()}`, op: ">=", value: 80, unit: "%" } }),
    },
    {
      method: "PATCH", route: "/api/targets/:targetId", expect: onlyBy({ focal_point: 200 }),
      prepare: async () => ({ params: { targetId: await freshTarget() }, body: { value: 99, text: "Tỷ lệ hồ sơ giải quyết đúng hạn (đã sửa)" } }),
    },
    {
      method: "DELETE", route: "/api/targets/:targetId", expect: onlyBy({ focal_point: 200 }),
      prepare: async () => ({ params: { targetId: await freshTarget() } }),
    },
    {
      method: "PUT", route: "/api/targets/:targetId/values/:period", expect: onlyBy({ focal_point: 200, lead_officer: 200, support_officer: 200 }),
      prepare: async () => ({ params: { targetId: await freshTarget(), period: "2026-05" }, body: { value: 97.5, note: "Số liệu tháng 5" } }),
    },
    // ── Dashboard, notifications, audit ──────────────────────────────────────
    { method: "GET", route: "/api/orgs/:orgId/dashboard", expect: communeRead, prepare: () => ({ params: { orgId } }) },
    { method: "GET", route: "/api/notifications", expect: signedIn(200) },
    { method: "POST", route: "/api/notifications/read", expect: signedIn(200), prepare: () => ({ body: {} }) },
    { method: "GET", route: "/api/orgs/:orgId/audit", expect: onlyBy({ province_admin: 200, chairman: 200, focal_point: 200 }), prepare: () => ({ params: { orgId } }) },
    // ── PAR-index assessments ────────────────────────────────────────────────
    { method: "GET", route: "/api/orgs/:orgId/par-assessments", expect: communeRead, prepare: () => ({ params: { orgId } }) },
    {
      method: "POST", route: "/api/orgs/:orgId/par-assessments", expect: onlyBy({ focal_point: 201, chairman: 201 }),
      prepare: async () => {
        const year = parYear++;
        const { saveCriteriaSet } = await import("../../src/db/criteria-sets.js");
        await saveCriteriaSet(app.database.db, me.province_admin.orgId, null, exampleSet(year));
        return { params: { orgId }, body: { year } };
      },
      check: (_role, res) => { if (res.status === 201) expect(res.body.status).toBe("draft"); },
    },
    { method: "GET", route: "/api/par-assessments/:assessmentId", expect: communeRead, prepare: async () => ({ params: { assessmentId: await parSeeded(2026) } }) },
    { method: "POST", route: "/api/par-assessments/:assessmentId/refresh", expect: onlyBy({ focal_point: 200, chairman: 200 }), prepare: async () => ({ params: { assessmentId: await parSeeded(2026) } }) },
    {
      method: "PUT", route: "/api/par-assessments/:assessmentId/leaves/:code/:stage", label: "self-assessment", expect: onlyBy({ focal_point: 200, chairman: 200 }),
      prepare: async () => {
        const assessmentId = await parSeeded(2026);
        return { params: { assessmentId, code: await parLeaf(assessmentId), stage: "self" }, body: { input: { kind: "score", points: 0 }, explanation: "Chưa thực hiện" } };
      },
    },
    {
      method: "PUT", route: "/api/par-assessments/:assessmentId/leaves/:code/:stage", label: "appraisal round 1", expect: { ...onlyBy({}), province_admin: 200 },
      prepare: async (role) => {
        const assessmentId = await parFor("round1", "submitted", role);
        return { params: { assessmentId, code: await parLeaf(assessmentId), stage: "round1" }, body: { input: { kind: "score", points: 0 }, text: "Chưa có tài liệu kiểm chứng" } };
      },
    },
    {
      method: "PUT", route: "/api/par-assessments/:assessmentId/leaves/:code/:stage", label: "explanation", expect: onlyBy({ focal_point: 200, chairman: 200 }),
      prepare: async (role) => {
        const assessmentId = await parFor("response", "round1", role);
        return { params: { assessmentId, code: await parLeaf(assessmentId), stage: "response" }, body: { text: "Xã bổ sung tài liệu" } };
      },
    },
    {
      method: "PUT", route: "/api/par-assessments/:assessmentId/leaves/:code/:stage", label: "final score", expect: { ...onlyBy({}), province_admin: 200 },
      prepare: async (role) => {
        const assessmentId = await parFor("final-entry", "explained", role);
        return { params: { assessmentId, code: await parLeaf(assessmentId), stage: "final" }, body: { input: { kind: "score", points: 0 }, text: "Giữ kết quả thẩm định" } };
      },
    },
    {
      method: "GET", route: "/api/par-assessments/:assessmentId/leaves/:code/history", expect: communeRead,
      prepare: async () => { const assessmentId = await parSeeded(2025); return { params: { assessmentId, code: await parLeaf(assessmentId) } }; },
    },
    {
      method: "POST", route: "/api/par-assessments/:assessmentId/leaves/:code/evidence", expect: onlyBy({ focal_point: 201, chairman: 201 }),
      prepare: async () => {
        const assessmentId = await parSeeded(2026);
        const form = new FormData();
        form.set("stage", "self");
        form.append("file", new Blob([new Uint8Array(samplePdf("Bao cao"))], { type: "application/pdf" }), "bao-cao.pdf");
        return { params: { assessmentId, code: await parLeaf(assessmentId) }, body: form };
      },
    },
    {
      method: "POST", route: "/api/par-assessments/:assessmentId/leaves/:code/evidence-links", expect: onlyBy({ focal_point: 201, chairman: 201 }),
      prepare: async () => { const assessmentId = await parSeeded(2026); return { params: { assessmentId, code: await parLeaf(assessmentId) }, body: parLink() }; },
    },
    {
      method: "DELETE", route: "/api/par-assessments/:assessmentId/evidence/:evidenceId", expect: onlyBy({ focal_point: 200, chairman: 200 }),
      prepare: async () => {
        const assessmentId = await parSeeded(2026);
        const added = ok(await fp().post(`/api/par-assessments/${assessmentId}/leaves/${await parLeaf(assessmentId)}/evidence-links`, parLink()), "add link");
        return { params: { assessmentId, evidenceId: added.id } };
      },
    },
    {
      method: "GET", route: "/api/par-assessments/:assessmentId/evidence/:evidenceId", expect: communeRead,
      prepare: async () => {
        const assessmentId = await parSeeded(2026);
        const form = new FormData();
        form.append("file", new Blob([new Uint8Array(samplePdf("Kiem chung"))], { type: "application/pdf" }), "kiem-chung.pdf");
        parShared.set("file", parShared.get("file") ?? fp().post(`/api/par-assessments/${assessmentId}/leaves/${await parLeaf(assessmentId)}/evidence`, form).then((r) => ok(r, "upload").id));
        return { params: { assessmentId, evidenceId: await parShared.get("file")! } };
      },
      check: (_role, res) => { if (res.status === 200) expect(res.headers.get("content-disposition")).toMatch(/^attachment/); },
    },
    { method: "GET", route: "/api/par-assessments/:assessmentId/records", expect: communeRead, prepare: async () => ({ params: { assessmentId: await parSeeded(2026) } }) },
    {
      method: "POST", route: "/api/par-assessments/:assessmentId/moves", label: "the chairman's sign-off", expect: onlyBy({ chairman: 200 }),
      prepare: async (role) => {
        const assessmentId = await parFor("submit", "draft", role, ["chairman"]);
        if (role === "chairman") {
          const { getAssessment } = await import("../../src/db/par-assessments.js");
          await fillSelf(app.database.db, me.focal_point, (await getAssessment(app.database.db, assessmentId))!);
        }
        return { params: { assessmentId }, body: { move: "submit" } };
      },
      check: (_role, res) => { if (res.status === 200) expect(res.body.status).toBe("submitted"); },
    },
    {
      method: "POST", route: "/api/par-assessments/:assessmentId/moves", label: "closing round 1", expect: { ...onlyBy({}), province_admin: 200 },
      prepare: async (role) => {
        const assessmentId = await parFor("close1", "submitted", role, ["province_admin"]);
        if (role === "province_admin") {
          const { getAssessment } = await import("../../src/db/par-assessments.js");
          await fillAppraised(app.database.db, me.province_admin, (await getAssessment(app.database.db, assessmentId))!);
        }
        return { params: { assessmentId }, body: { move: "close_round1" } };
      },
    },
    {
      method: "POST", route: "/api/par-assessments/:assessmentId/moves", label: "closing the explanation", expect: onlyBy({ focal_point: 200, chairman: 200 }),
      prepare: async (role) => ({ params: { assessmentId: await parFor("explain", "round1", role, ["focal_point", "chairman"]) }, body: { move: "close_explanation" } }),
    },
    {
      method: "POST", route: "/api/par-assessments/:assessmentId/moves", label: "closing the final score", expect: { ...onlyBy({}), province_admin: 200 },
      prepare: async (role) => ({ params: { assessmentId: await parFor("close-final", "explained", role, ["province_admin"]) }, body: { move: "close_final" } }),
      check: (_role, res) => { if (res.status === 200) expect(res.body.status).toBe("final"); },
    },
    {
      method: "PUT", route: "/api/par-assessments/:assessmentId/survey", expect: { ...onlyBy({}), province_admin: 200 },
      prepare: async (role) => ({ params: { assessmentId: await parFor("round1", "submitted", role) }, body: { survey: { kind: "points", points: 25 } } }),
    },
    {
      method: "POST", route: "/api/par-assessments/:assessmentId/remediation-plan", expect: onlyBy({ focal_point: 201 }),
      prepare: async () => ({ params: { assessmentId: await parSeeded(2025) } }),
      check: (_role, res) => { if (res.status === 201) expect(res.body.tasks).toBeGreaterThan(0); },
    },
    { method: "POST", route: "/api/orgs/:orgId/par-survey", expect: provinceOnly(200, 403), prepare: async () => ({ params: { orgId: me.province_admin.orgId }, body: await surveyWorkbook() }) },
    { method: "GET", route: "/api/orgs/:orgId/par-results", expect: provinceOnly(200, 200), prepare: () => ({ params: { orgId: me.province_admin.orgId }, query: "year=2025" }) },
    { method: "POST", route: "/api/orgs/:orgId/par-results/publish", expect: provinceOnly(200, 403), prepare: () => ({ params: { orgId: me.province_admin.orgId }, body: { year: 2025 } }) },
    {
      method: "GET", route: "/api/public/provinces/:orgCode/par-results", label: "published results: anyone", expect: { ...signedIn(200), anonymous: 200 },
      prepare: () => ({ params: { orgCode: "tinh-mau" } }),
      check: (_role, res) => { expect(res.body.rows.length).toBeGreaterThan(0); },
    },
    // ── Periodic reports ─────────────────────────────────────────────────────
    { method: "GET", route: "/api/orgs/:orgId/reports", expect: communeRead, prepare: () => ({ params: { orgId }, query: "year=2026" }) },
    {
      method: "POST", route: "/api/orgs/:orgId/reports", expect: onlyBy({ focal_point: 201 }),
      prepare: () => ({ params: { orgId }, body: { kind: "q3", year: reportYear++ } }),
      check: (_role, res) => { if (res.status === 201) expect(res.body.status).toBe("draft"); },
    },
    { method: "GET", route: "/api/reports/:reportId", label: "a sent report", expect: communeRead, prepare: async (role) => ({ params: { reportId: await reportFor("sent", "submitted", role) } }) },
    { method: "GET", route: "/api/reports/:reportId", label: "a draft: the commune only", expect: unsent({ province_admin: 404, chairman: 200, focal_point: 200, lead_officer: 200, support_officer: 200, unrelated_officer: 200 }), prepare: async (role) => ({ params: { reportId: await reportFor("draft", "draft", role) } }) },
    {
      method: "PUT", route: "/api/reports/:reportId/sections/:key", expect: unsent({ focal_point: 200 }),
      prepare: async (role) => ({ params: { reportId: await reportFor("draft", "draft", role), key: "V" }, body: { text: "Đề nghị tỉnh hỗ trợ kinh phí số hóa hồ sơ." } }),
    },
    { method: "POST", route: "/api/reports/:reportId/refresh", expect: unsent({ focal_point: 200 }), prepare: async (role) => ({ params: { reportId: await reportFor("draft", "draft", role) } }) },
    {
      method: "POST", route: "/api/reports/:reportId/moves", label: "the chairman approves", expect: unsent({ chairman: 200 }),
      prepare: async (role) => ({ params: { reportId: await reportFor("approve", "draft", role, ["chairman"]) }, body: { move: "approve" } }),
    },
    {
      method: "POST", route: "/api/reports/:reportId/moves", label: "sending an approved report", expect: unsent({ chairman: 200, focal_point: 200 }),
      prepare: async (role) => ({ params: { reportId: await reportFor("submit", "approved", role, ["chairman", "focal_point"]) }, body: { move: "submit", number: "09/BC-UBND" } }),
    },
    {
      method: "POST", route: "/api/reports/:reportId/moves", label: "the province receives", expect: reviewBy(200),
      prepare: async (role) => ({ params: { reportId: await reportFor("receive", "submitted", role, ["province_admin"]) }, body: { move: "receive" } }),
    },
    {
      method: "POST", route: "/api/reports/:reportId/moves", label: "the province returns", expect: reviewBy(200),
      prepare: async (role) => ({ params: { reportId: await reportFor("return", "submitted", role, ["province_admin"]) }, body: { move: "return", comment: "Bổ sung phụ lục" } }),
    },
    {
      method: "GET", route: "/api/reports/:reportId/export.docx", expect: communeRead, prepare: async (role) => ({ params: { reportId: await reportFor("sent", "submitted", role) } }),
      check: (_role, res) => { if (res.status === 200) expect(res.headers.get("content-disposition")).toMatch(/^attachment/); },
    },
    { method: "GET", route: "/api/reports/:reportId/annex.xlsx", expect: communeRead, prepare: async (role) => ({ params: { reportId: await reportFor("sent", "submitted", role) } }) },
    { method: "GET", route: "/api/orgs/:orgId/report-status", expect: provinceOnly(200, 200), prepare: () => ({ params: { orgId: me.province_admin.orgId }, query: "kind=q1&year=2026" }) },
    { method: "GET", route: "/api/orgs/:orgId/reports.zip", expect: provinceOnly(200, 200), prepare: () => ({ params: { orgId: me.province_admin.orgId }, query: "kind=q1&year=2026" }) },
    { method: "GET", route: "/api/orgs/:orgId/report-figures.xlsx", expect: provinceOnly(200, 200), prepare: () => ({ params: { orgId: me.province_admin.orgId }, query: "kind=q1&year=2026" }) },
    { method: "GET", route: "/api/orgs/:orgId/report-settings", expect: provinceOnly(200, 200), prepare: () => ({ params: { orgId: me.province_admin.orgId } }) },
    // ── Province overview (Tổng hợp các xã): the province's people; the communes cannot see the province ──
    { method: "GET", route: "/api/orgs/:orgId/overview", expect: provinceOnly(200, 200), prepare: () => ({ params: { orgId: me.province_admin.orgId }, query: "year=2026" }) },
    {
      method: "PUT", route: "/api/orgs/:orgId/report-settings", expect: provinceOnly(200, 403),
      prepare: async () => ({ params: { orgId: me.province_admin.orgId }, body: ok(await clients.province_admin.get(`/api/orgs/${me.province_admin.orgId}/report-settings`), "settings") }),
    },
    // ── Citizen satisfaction ratings ─────────────────────────────────────────
    {
      method: "GET", route: "/api/public/communes/:orgCode", label: "the public page's header: anyone", expect: { ...signedIn(200), anonymous: 200 },
      prepare: () => ({ params: { orgCode: "xa-tinh-khe" } }),
      check: (_role, res) => { expect(res.body).toEqual({ name: "UBND xã Tỉnh Khê", code: "xa-tinh-khe" }); },
    },
    {
      method: "POST", route: "/api/public/communes/:orgCode/ratings", label: "the public page: anyone, signed in or not, once per dossier", expect: { ...signedIn(201), anonymous: 201 },
      prepare: async () => {
        const code = `DG-PQ-${next()}`;
        await importRecords(app.database.db, null, orgId, "dossiers", "hoso.csv", Buffer.from(`MaHoSo,MaTTHC,TrangThaiHoSo,NgayTiepNhan,NgayHenTra\n${code},1.001193,4,2026-06-02,2026-06-20\n`));
        return { params: { orgCode: "xa-tinh-khe" }, body: { dossierCode: code, rating: "hai-long" } };
      },
    },
    {
      method: "GET", route: "/api/orgs/:orgId/rating-qr.svg", expect: communeRead, prepare: () => ({ params: { orgId } }),
      check: (_role, res) => { if (res.status === 200) expect(res.headers.get("content-type")).toMatch(/^image\/svg\+xml/); },
    },
    {
      method: "GET", route: "/api/orgs/:orgId/ratings/summary", expect: communeRead, prepare: () => ({ params: { orgId } }),
      check: (_role, res) => { if (res.status === 200) expect(res.body.org.id).toBe(orgId); },
    },
    // ── The commune's public page (trang công khai) ───────────────────────────
    {
      method: "GET", route: "/api/public/communes/:orgCode/page", label: "the public page: anyone", expect: { ...signedIn(200), anonymous: 200 },
      prepare: () => ({ params: { orgCode: "xa-tinh-khe" } }),
      check: (_role, res) => { expect(res.body.plan.tasks.length).toBeGreaterThan(0); },
    },
    {
      method: "GET", route: "/api/public/communes/:orgCode/evidence/:fileId", label: "a file marked public: anyone", expect: { ...signedIn(200), anonymous: 200 },
      prepare: async () => {
        // A public file on a task of the commune's published annual plan (made once).
        publicFileId ??= await (async () => {
          const { and, eq } = await import("drizzle-orm");
          const { evidenceFiles, plans, tasks } = await import("../../src/db/schema.js");
          const { db } = app.database;
          const [task] = await db.select({ id: tasks.id }).from(tasks).innerJoin(plans, eq(plans.id, tasks.planId))
            .where(and(eq(plans.orgId, orgId), eq(plans.type, "annual"), eq(plans.status, "active"), eq(plans.year, 2026))).limit(1);
          const [file] = await db.insert(evidenceFiles).values({ orgId, taskId: task!.id, filename: "cong-khai.pdf", mimeType: "application/pdf", size: 4, sha256: "0".repeat(64), content: Buffer.from("%PDF"), isPublic: true }).returning({ id: evidenceFiles.id });
          return file!.id;
        })();
        return { params: { orgCode: "xa-tinh-khe", fileId: publicFileId } };
      },
    },
    { method: "GET", route: "/api/orgs/:orgId/public-page-settings", expect: communeRead, prepare: () => ({ params: { orgId } }) },
    {
      method: "PUT", route: "/api/orgs/:orgId/public-page-settings", expect: onlyBy({ focal_point: 200, chairman: 200 }),
      prepare: () => ({ params: { orgId }, body: { publishPlan: true, publishTargets: true, publishIndicators: false, intro: null } }),
    },
    // ── Organisation tree and bulk accounts (Đơn vị trực thuộc): the province's people; the communes cannot see the province ──
    { method: "GET", route: "/api/orgs/:orgId/tree", expect: provinceOnly(200, 200), prepare: () => ({ params: { orgId: me.province_admin.orgId } }) },
    {
      method: "POST", route: "/api/orgs/:orgId/children", expect: provinceOnly(201, 403),
      prepare: () => ({ params: { orgId: me.province_admin.orgId }, body: { name: `UBND xã Phân Quyền ${serial + 1}`, code: `xa-phan-quyen-${next()}` } }),
    },
    {
      method: "PATCH", route: "/api/orgs/:orgId", label: "renaming a commune of the province", expect: provinceOnly(200, 403),
      prepare: async () => {
        treeOrgId ??= ok(await clients.province_admin.post(`/api/orgs/${me.province_admin.orgId}/children`, { name: "UBND xã Đổi Tên", code: "xa-doi-ten-phan-quyen" }), "add commune").id;
        return { params: { orgId: treeOrgId! }, body: { name: `UBND xã Đổi Tên ${next()}` } };
      },
    },
    { method: "GET", route: "/api/orgs/:orgId/account-imports/template.xlsx", expect: provinceOnly(200, 200), prepare: () => ({ params: { orgId: me.province_admin.orgId } }) },
    {
      method: "POST", route: "/api/orgs/:orgId/account-imports", expect: provinceOnly(201, 403),
      prepare: async () => ({ params: { orgId: me.province_admin.orgId }, body: await accountsWorkbook(`hangloat.${next()}`) }),
      check: (_role, res) => { if (res.status === 201) expect(res.body).toMatchObject({ created: 1, perCommune: [{ code: "xa-tinh-khe", accounts: 1 }] }); },
    },
    // ── Inspections (kiểm tra CCHC): the commune's people read; the focal point manages; the responsible unit follows up ──
    { method: "GET", route: "/api/orgs/:orgId/inspections", expect: communeRead, prepare: () => ({ params: { orgId }, query: "year=2026" }) },
    {
      method: "PUT", route: "/api/orgs/:orgId/inspection-plan", expect: onlyBy({ focal_point: 200 }),
      prepare: () => ({ params: { orgId }, body: { year: 2029, title: "Kế hoạch tự kiểm tra CCHC năm 2029", targetShare: 40 } }),
    },
    {
      method: "POST", route: "/api/inspection-plans/:inspectionPlanId/inspections", expect: onlyBy({ focal_point: 201 }),
      prepare: async () => {
        const year = ++inspectionYear;
        const plan = ok(await fp().put(`/api/orgs/${orgId}/inspection-plan`, { year, title: `Kế hoạch tự kiểm tra CCHC năm ${year}`, targetShare: 50 }), "plan").plan;
        return { params: { inspectionPlanId: plan.id }, body: { unitId: unit.tckt, plannedFrom: "2026-07-01", plannedTo: "2026-07-03", team: ["Nguyễn Thị Lan"], content: "Công khai tài chính" } };
      },
    },
    { method: "GET", route: "/api/inspections/:inspectionId", expect: communeRead, prepare: async (role) => ({ params: { inspectionId: await sharedOr("inspection", freshInspection, role, []) } }) },
    {
      method: "PATCH", route: "/api/inspections/:inspectionId", expect: onlyBy({ focal_point: 200 }),
      prepare: async (role) => ({ params: { inspectionId: await sharedOr("inspection", freshInspection, role, []) }, body: { content: `Nội dung kiểm tra đã sửa ${next()}` } }),
    },
    { method: "DELETE", route: "/api/inspections/:inspectionId", expect: onlyBy({ focal_point: 200 }), prepare: async (role) => ({ params: { inspectionId: await sharedOr("inspection-delete", freshInspection, role, ["focal_point"]) } }) },
    {
      method: "GET", route: "/api/inspections/:inspectionId/notice.docx", expect: communeRead, prepare: async (role) => ({ params: { inspectionId: await sharedOr("inspection-done", () => freshInspection(true), role, []) } }),
      check: (_role, res) => { if (res.status === 200) expect(res.headers.get("content-disposition")).toMatch(/^attachment/); },
    },
    {
      method: "POST", route: "/api/inspections/:inspectionId/findings", expect: onlyBy({ focal_point: 201 }),
      prepare: async (role) => ({ params: { inspectionId: await sharedOr("inspection-done", () => freshInspection(true), role, []) }, body: findingBody() }),
    },
    { method: "GET", route: "/api/findings/:findingId", expect: communeRead, prepare: async (role) => ({ params: { findingId: await sharedOr("finding", freshFinding, role, []) } }) },
    {
      method: "PATCH", route: "/api/findings/:findingId", expect: onlyBy({ focal_point: 200 }),
      prepare: async (role) => ({ params: { findingId: await sharedOr("finding", freshFinding, role, []) }, body: { description: `Nội dung tồn tại đã sửa ${next()}` } }),
    },
    {
      method: "POST", route: "/api/findings/:findingId/updates", label: "a note: the focal point and the responsible unit", expect: onlyBy({ focal_point: 200, lead_officer: 200 }),
      prepare: async (role) => ({ params: { findingId: await sharedOr("finding", freshFinding, role, []) }, body: { note: "Đang khắc phục, dự kiến xong trong tuần." } }),
    },
    {
      method: "POST", route: "/api/findings/:findingId/updates", label: "marking fixed", expect: onlyBy({ focal_point: 200, lead_officer: 200 }),
      prepare: async (role) => ({ params: { findingId: await sharedOr("finding-fix", freshFinding, role, ["focal_point", "lead_officer"]) }, body: { note: "Đã niêm yết đầy đủ.", statusChange: "fixed" } }),
    },
    {
      method: "POST", route: "/api/findings/:findingId/updates", label: "escalating: the focal point only", expect: onlyBy({ focal_point: 200 }),
      prepare: async (role) => ({ params: { findingId: await sharedOr("finding-escalate", freshFinding, role, ["focal_point"]) }, body: { note: "Kiến nghị Sở Tư pháp hỗ trợ.", statusChange: "escalated" } }),
    },
    { method: "GET", route: "/api/orgs/:orgId/findings", expect: communeRead, prepare: () => ({ params: { orgId }, query: "year=2026" }) },
    { method: "GET", route: "/api/orgs/:orgId/escalated-findings", expect: provinceOnly(200, 200), prepare: () => ({ params: { orgId: me.province_admin.orgId }, query: "year=2026" }) },
    // ── Initiatives (sáng kiến): the focal point, and an officer for their own unit ──
    { method: "GET", route: "/api/orgs/:orgId/initiatives", expect: communeRead, prepare: () => ({ params: { orgId }, query: "year=2026" }) },
    { method: "PUT", route: "/api/orgs/:orgId/initiative-call", expect: onlyBy({ focal_point: 200 }), prepare: () => ({ params: { orgId }, body: { year: 2026, dueDate: "2026-11-20", perUnit: 1 } }) },
    { method: "POST", route: "/api/orgs/:orgId/initiatives", expect: onlyBy({ focal_point: 201, lead_officer: 201 }), prepare: () => ({ params: { orgId }, body: initiativeBody() }) },
    { method: "GET", route: "/api/initiatives/:initiativeId", expect: communeRead, prepare: async (role) => ({ params: { initiativeId: await sharedOr("initiative", freshInitiative, role, []) } }) },
    {
      method: "PATCH", route: "/api/initiatives/:initiativeId", expect: onlyBy({ focal_point: 200, lead_officer: 200 }),
      prepare: async (role) => ({ params: { initiativeId: await sharedOr("initiative", freshInitiative, role, []) }, body: { summary: `Tóm tắt đã sửa ${next()}` } }),
    },
    { method: "DELETE", route: "/api/initiatives/:initiativeId", expect: onlyBy({ focal_point: 200 }), prepare: async (role) => ({ params: { initiativeId: await sharedOr("initiative-delete", freshInitiative, role, ["focal_point"]) } }) },
    {
      method: "POST", route: "/api/initiatives/:initiativeId/evidence", expect: onlyBy({ focal_point: 201, lead_officer: 201 }),
      prepare: async (role) => ({ params: { initiativeId: await sharedOr("initiative", freshInitiative, role, []) }, body: initiativePdf() }),
    },
    { method: "GET", route: "/api/initiative-evidence/:initiativeFileId", expect: communeRead, prepare: async (role) => ({ params: { initiativeFileId: await sharedOr("initiative-file", freshInitiativeFile, role, []) } }) },
    {
      method: "DELETE", route: "/api/initiative-evidence/:initiativeFileId", expect: onlyBy({ focal_point: 200, lead_officer: 200 }),
      prepare: async (role) => ({ params: { initiativeFileId: await sharedOr("initiative-file-delete", freshInitiativeFile, role, ["focal_point", "lead_officer"]) } }),
    },
    // ── Emulation campaigns (thi đua): the focal point runs them; the chairman judges too ──
    { method: "GET", route: "/api/orgs/:orgId/campaigns", expect: communeRead, prepare: () => ({ params: { orgId }, query: "year=2026" }) },
    {
      method: "POST", route: "/api/orgs/:orgId/campaigns", expect: onlyBy({ focal_point: 201 }),
      prepare: () => ({ params: { orgId }, body: { title: `Phong trào thi đua ${next()}`, year: 2026, periodFrom: "2026-01-01", periodTo: "2026-12-31" } }),
    },
    { method: "POST", route: "/api/plans/:planId/campaign", expect: onlyBy({ focal_point: 201 }), prepare: async (role) => ({ params: { planId: await sharedOr("emulation-plan", freshEmulationPlan, role, ["focal_point"]) } }) },
    { method: "GET", route: "/api/campaigns/:campaignId", expect: communeRead, prepare: async (role) => ({ params: { campaignId: await sharedOr("campaign", () => freshCampaign(), role, []) } }) },
    {
      method: "PATCH", route: "/api/campaigns/:campaignId", expect: onlyBy({ focal_point: 200 }),
      prepare: async (role) => ({ params: { campaignId: await sharedOr("campaign", () => freshCampaign(), role, []) }, body: { title: `Phong trào thi đua đã đổi tên ${next()}` } }),
    },
    { method: "DELETE", route: "/api/campaigns/:campaignId", expect: onlyBy({ focal_point: 200 }), prepare: async (role) => ({ params: { campaignId: await sharedOr("campaign-delete", () => freshCampaign(), role, ["focal_point"]) } }) },
    {
      method: "POST", route: "/api/campaigns/:campaignId/participants", expect: onlyBy({ focal_point: 201 }),
      prepare: async (role) => ({ params: { campaignId: await sharedOr("campaign", () => freshCampaign(), role, []) }, body: { kind: "person", unitId: unit.tpht, name: `Cán bộ kiểm thử ${next()}`, title: "Công chức" } }),
    },
    {
      method: "DELETE", route: "/api/campaign-participants/:participantId", expect: onlyBy({ focal_point: 200 }),
      prepare: async (role) => ({ params: { participantId: (await campaignView(await sharedOr("campaign-participant", () => freshCampaign(), role, ["focal_point"]))).participants[0].id } }),
    },
    {
      method: "PUT", route: "/api/campaigns/:campaignId/judgments", expect: onlyBy({ focal_point: 200, chairman: 200 }),
      prepare: async (role) => {
        const view = await campaignView(await sharedOr("campaign", () => freshCampaign(), role, []));
        return { params: { campaignId: view.id }, body: { participantId: view.participants[0].id, criterionId: view.criteria.find((k: any) => k.source.kind === "judged").id, met: true, note: "Không vi phạm kỷ luật, kỷ cương." } };
      },
    },
    {
      method: "POST", route: "/api/campaigns/:campaignId/confirm", expect: onlyBy({ focal_point: 200 }),
      prepare: async (role) => {
        const view = await campaignView(await sharedOr("campaign-confirm", async () => {
          const id = await freshCampaign();
          const v = await campaignView(id);
          const judged = v.criteria.find((k: any) => k.source.kind === "judged").id;
          for (const p of v.participants) ok(await fp().put(`/api/campaigns/${id}/judgments`, { participantId: p.id, criterionId: judged, met: true, note: "Không vi phạm kỷ luật." }), "judge");
          return id;
        }, role, ["focal_point"]));
        return { params: { campaignId: view.id }, body: { entries: view.participants.map((p: any) => ({ participantId: p.id, included: p.proposed, reason: null })) } };
      },
    },
    { method: "POST", route: "/api/campaigns/:campaignId/reopen", expect: onlyBy({ focal_point: 200 }), prepare: async (role) => ({ params: { campaignId: await sharedOr("campaign-reopen", () => freshCampaign(true), role, ["focal_point"]) } }) },
    {
      method: "GET", route: "/api/campaigns/:campaignId/proposal.docx", expect: communeRead, prepare: async (role) => ({ params: { campaignId: await sharedOr("campaign-confirmed", () => freshCampaign(true), role, []) } }),
      check: (_role, res) => { if (res.status === 200) expect(res.headers.get("content-disposition")).toMatch(/^attachment/); },
    },
    { method: "GET", route: "/api/campaigns/:campaignId/proposal.xlsx", expect: communeRead, prepare: async (role) => ({ params: { campaignId: await sharedOr("campaign-confirmed", () => freshCampaign(true), role, []) } }) },
  ];

  const pathOf = (route: string, params: Record<string, string> = {}) =>
    route.replace(/:(\w+)/g, (_, name: string) => {
      if (!(name in params)) throw new Error(`no value for :${name} in ${route}`);
      return params[name];
    });

  for (const c of CASES) {
    it(`${c.method} ${c.route}${c.label ? ` — ${c.label}` : ""}`, async () => {
      const prepared = {} as Record<RoleName, Prepared>;
      for (const role of ROLES) prepared[role] = (await c.prepare?.(role)) ?? {};
      const head = await auditHead();
      const actual = {} as Outcomes;
      const responses = {} as Record<RoleName, Response>;
      for (const role of ROLES) {
        const client = prepared[role].as ?? (role === "anonymous" ? app.anonymous() : clients[role]);
        const query = prepared[role].query ? `?${prepared[role].query}` : "";
        responses[role] = await client.request(c.method, pathOf(c.route, prepared[role].params) + query, prepared[role].body);
        actual[role] = responses[role].status;
      }
      expect(actual).toEqual(c.expect);
      for (const role of ROLES) {
        const res = responses[role];
        if (res.status >= 400) expect(res.body?.error?.message, `${role}: a refusal explains itself in Vietnamese`).toMatch(/[À-ỹ]/);
        await c.check?.(role, res, prepared[role]);
      }
      // Every change is audited in its own transaction: a refused caller must have left no entry.
      const entries: Array<{ id: string; user: { id: string } | null }> = ok(await fp().get(`/api/orgs/${orgId}/audit?limit=500`), "audit");
      const seen = entries.findIndex((e) => e.id === head);
      expect(seen, "the audit entry seen before the calls is still in the last 500").toBeGreaterThanOrEqual(0);
      const fresh = entries.slice(0, seen);
      const refused = new Set(ROLES.filter((r): r is SignedIn => r !== "anonymous" && actual[r] >= 400).map((r) => me[r].id));
      expect(fresh.filter((e) => e.user && refused.has(e.user.id)), "audit entries written by a refused caller").toEqual([]);
    });
  }

  it("has a row for every /api route the server registers, and no row for a route it does not", async () => {
    const probe = await buildServer({ database: app.database, today: () => app.clock.today, secureCookies: false });
    await probe.ready();
    const registered = registeredRoutes(probe.printRoutes({ commonPrefix: false }));
    const documented = Object.entries((probe as any).swagger().paths as Record<string, Record<string, unknown>>)
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ":$1")}`));
    await probe.close();
    const api = registered.filter((r) => !r.split(" ")[1].startsWith("/api/docs"));
    // The tree parser found what the OpenAPI description lists, so an empty or partial parse cannot pass.
    expect(api).toEqual(expect.arrayContaining(documented));
    expect(api.length).toBeGreaterThanOrEqual(37);
    const covered = new Set(CASES.map((c) => `${c.method} ${c.route}`));
    expect(api.filter((r) => !covered.has(r)), "routes without a permission row").toEqual([]);
    expect([...covered].filter((r) => !api.includes(r)), "rows for routes that do not exist").toEqual([]);
  });

  it("keeps commune B's focal point out of everything of commune A, and A's out of B's", async () => {
    // The walk acts on Tỉnh Khê as Hoài Hảo; here Tỉnh Khê's focal point tries Hoài Hảo's resources.
    const other = clients.other_focal_point;
    const otherTask = ok(await other.post(`/api/plans/${otherPlanId}/tasks`, { title: "Nhiệm vụ của phường", leadUnitIds: [otherUnitId], dueDate: "2026-08-31" }), "task");
    const otherExtension = ok(await other.post(`/api/tasks/${otherTask.id}/extensions`, { proposedDue: "2026-10-31", reason: "Chờ kinh phí." }), "extension");
    const otherPlan = ok(await other.get(`/api/plans/${otherPlanId}`), "plan");
    const otherFile = ok(await other.get(`/api/tasks/${(await firstTaskWithFile(other, otherPlan)).id}`), "task").updates.flatMap((u: any) => u.files)[0];
    const otherTarget = otherPlan.targets[0];
    const hhUsers = ok(await other.get(`/api/orgs/${otherOrgId}/users`), "users");
    const hhUnits = ok(await other.get(`/api/orgs/${otherOrgId}/units?all=1`), "units");
    const hhUser = hhUsers[0];
    const attempts: Array<[string, string, unknown?]> = [
      ["GET", `/api/orgs/${otherOrgId}`], ["GET", `/api/orgs/${otherOrgId}/plans`], ["GET", `/api/plans/${otherPlanId}`],
      ["GET", `/api/tasks/${otherTask.id}`], ["GET", `/api/evidence/${otherFile.id}`], ["GET", `/api/orgs/${otherOrgId}/units`],
      ["GET", `/api/orgs/${otherOrgId}/users`], ["GET", `/api/orgs/${otherOrgId}/extensions`], ["GET", `/api/orgs/${otherOrgId}/dashboard`],
      ["GET", `/api/orgs/${otherOrgId}/audit`],
      ["PATCH", `/api/tasks/${otherTask.id}`, { title: "Sửa trộm" }],
      ["POST", `/api/plans/${otherPlanId}/tasks`, { title: "Thêm trộm", leadUnitIds: [otherUnitId] }],
      ["POST", `/api/extensions/${otherExtension.id}/decision`, { decision: "approve" }],
      ["PUT", `/api/targets/${otherTarget.id}/values/2026-05`, { value: 1 }],
      ["PATCH", `/api/units/${otherUnitId}`, { active: false }],
      ["PATCH", `/api/users/${hhUser.id}`, { active: false }],
      ["POST", `/api/orgs/${otherOrgId}/users`, { username: "xam.nhap", fullName: "Xâm nhập", role: "focal_point", password: "Matkhau2026", unitIds: [] }],
    ];
    const statuses = [];
    for (const [method, path, body] of attempts) statuses.push(`${method} ${path.replace(/[0-9a-f-]{36}/g, ":id")} → ${(await fp().request(method, path, body)).status}`);
    expect(statuses).toEqual(attempts.map(([method, path]) => `${method} ${path.replace(/[0-9a-f-]{36}/g, ":id")} → 404`));
    // Nothing of Hoài Hảo changed.
    expect(ok(await other.get(`/api/plans/${otherPlanId}`), "plan")).toEqual(otherPlan);
    expect(ok(await other.get(`/api/orgs/${otherOrgId}/extensions`), "extensions").find((e: any) => e.id === otherExtension.id)).toEqual(otherExtension);
    expect(ok(await other.get(`/api/orgs/${otherOrgId}/users`), "users")).toEqual(hhUsers);
    expect(ok(await other.get(`/api/orgs/${otherOrgId}/units?all=1`), "units")).toEqual(hhUnits);
  });

  it("lets the province read every commune of the province, and lets no commune user touch a province account", async () => {
    for (const role of ["province_admin", "province_viewer"] as const) {
      for (const path of [`/api/orgs/${otherOrgId}/plans`, `/api/plans/${otherPlanId}`, `/api/orgs/${otherOrgId}/dashboard`, `/api/orgs/${otherOrgId}/extensions`]) {
        expect((await clients[role].get(path)).status, `${role} ${path}`).toBe(200);
      }
    }
    for (const role of ["focal_point", "chairman"] as const) {
      expect((await clients[role].patch(`/api/users/${me.province_admin.id}`, { password: "Chiemquyen2026" })).status).toBe(404);
      expect((await clients[role].post(`/api/orgs/${me.province_admin.orgId}/users`, { username: "gia.tinh", fullName: "Giả mạo", role: "province_admin", password: "Matkhau2026", unitIds: [] })).status).toBe(404);
      expect((await clients[role].get(`/api/orgs/${me.province_admin.orgId}`)).status).toBe(404);
    }
    // The province admin's own session still works: the password was not changed.
    expect((await app.anonymous().post("/api/auth/login", { username: "qt.tinh", password: DEMO_PASSWORD })).status).toBe(200);
  });

  it("does not let a focal point change their own role or lock themselves out", async () => {
    const res = await fp().patch(`/api/users/${me.focal_point.id}`, { role: "chairman" });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe("Bạn không thể tự khóa hoặc tự đổi vai trò của chính mình.");
    expect((await fp().patch(`/api/users/${me.focal_point.id}`, { active: false })).status).toBe(403);
    expect(ok(await fp().get("/api/auth/me"), "me").role).toBe("focal_point");
  });

  it("keeps the chairman's and focal point's accounts out of the focal point's hands", async () => {
    const create = await fp().post(`/api/orgs/${orgId}/users`, { username: `ct.gia.${next()}`, fullName: "Chủ tịch giả", role: "chairman", password: "Matkhau2026", unitIds: [] });
    expect(create.status).toBe(403);
    expect(create.body.error.message).toMatch(/quản trị cấp tỉnh/);
    const reset = await fp().patch(`/api/users/${me.chairman.id}`, { password: "Chiemquyen2026" });
    expect(reset.status).toBe(403);
    const promote = await fp().patch(`/api/users/${await freshUser()}`, { role: "chairman" });
    expect(promote.status).toBe(403);
    expect((await app.anonymous().post("/api/auth/login", { username: "ct.tinhkhe", password: DEMO_PASSWORD })).status, "the chairman's password is unchanged").toBe(200);
    const byProvince = await clients.province_admin.post(`/api/orgs/${orgId}/users`, { username: `pct.${next()}`, fullName: "Phó Chủ tịch", role: "chairman", password: "Matkhau2026", unitIds: [] });
    expect(byProvince.status).toBe(201);
  });

  it("does not let anyone decide their own extension request", async () => {
    const taskId = await freshTask();
    const ext = ok(await fp().post(`/api/tasks/${taskId}/extensions`, { proposedDue: "2026-09-30", reason: "Chờ hướng dẫn." }), "request");
    const own = await fp().post(`/api/extensions/${ext.id}/decision`, { decision: "approve" });
    expect(own.status).toBe(403);
    expect(own.body.error.message).toBe("Bạn không thể tự quyết định đề nghị gia hạn của chính mình.");
    expect((await clients.chairman.post(`/api/extensions/${ext.id}/decision`, { decision: "approve" })).status).toBe(200);
  });

  it("records target values only on active plans", async () => {
    const draft = await freshDraftPlan();
    const target = ok(await fp().post(`/api/plans/${draft}/targets`, { text: "Tỷ lệ số hóa", op: ">=", value: 80, unit: "%" }), "target");
    const res = await fp().put(`/api/targets/${target.id}/values/2026-05`, { value: 81 });
    expect(res.status).toBe(403);
  });

  it("ends the other sessions of an account whose password its owner changed", async () => {
    const username = `doimk.${next()}`;
    ok(await fp().post(`/api/orgs/${orgId}/users`, { username, fullName: "Công chức đổi mật khẩu", role: "unit_officer", password: "Matkhau2026", unitIds: [unit.vhxh] }), "user");
    const first = await app.login(username, "Matkhau2026");
    const second = await app.login(username, "Matkhau2026");
    expect((await first.post("/api/auth/password", { currentPassword: "Matkhau2026", newPassword: "Matkhaumoi2027" })).status).toBe(200);
    expect((await first.get("/api/auth/me")).status, "the session that changed it goes on").toBe(200);
    expect((await second.get("/api/auth/me")).status, "the other session ended").toBe(401);
  });

  it("marks only one's own notifications as read", async () => {
    await freshExtension(); // notifies the focal point
    const mine = ok(await fp().get("/api/notifications"), "notifications");
    const unread = mine.items.filter((n: any) => !n.readAt).map((n: any) => n.id);
    expect(unread.length, "the walk's extension requests notified the focal point").toBeGreaterThan(0);
    expect((await clients.other_focal_point.post("/api/notifications/read", { ids: unread })).status).toBe(200);
    expect((await clients.chairman.post("/api/notifications/read", { ids: unread })).status).toBe(200);
    expect(ok(await fp().get("/api/notifications"), "notifications").unread).toBe(mine.unread);
  });
});

/** A one-task plan document as the import screen uploads it. */
/** A one-dossier export of the one-stop system. */
function dossierForm(code: string): FormData {
  const form = new FormData();
  form.append("kind", "dossiers");
  form.append("file", new Blob([`MaHoSo,MaTTHC,TrangThaiHoSo,NgayTiepNhan,NgayHenTra\n${code},1.001193,4,2026-03-02,2026-03-03\n`], { type: "text/csv" }), "hoso.csv");
  return form;
}

function planDocumentForm(): FormData {
  const text = ["KẾ HOẠCH", "Cải cách hành chính năm 2026", "I. CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "1. Rà soát, đơn giản hóa thủ tục hành chính",
    "- Bộ phận chủ trì: Tư pháp – Hộ tịch", "- Thời gian thực hiện: Quý II năm 2026"].join("\n");
  const form = new FormData();
  form.append("file", new Blob([text], { type: "text/plain" }), "ke-hoach.txt");
  return form;
}

/** A reviewed one-task draft, its unit given by reference id. */
function acceptedDraft(title: string) {
  return {
    type: "topical",
    unitMap: {},
    draft: {
      document: { type: "KH", number: null, issuer: "UBND xã Tỉnh Khê", place: null, date: null, title, year: 2026, signer: { name: null, title: null } },
      targets: [],
      tasks: [{
        ref: "1", area: "thu-tuc-hanh-chinh", title: "Rà soát, đơn giản hóa thủ tục hành chính", product: null,
        lead: [{ unit: "tp-ht", text: "Tư pháp – Hộ tịch" }], support: [],
        timeline: { text: "Quý II năm 2026", milestones: ["2026-06-30"], due: "2026-06-30", recurrence: null }, criteria: [],
      }],
    },
  };
}

async function firstTaskWithFile(client: Client, plan: any): Promise<{ id: string }> {
  for (const t of plan.tasks) {
    const detail = (await client.get(`/api/tasks/${t.id}`)).body;
    if (detail.updates.some((u: any) => u.files.length)) return t;
  }
  throw new Error("no task with evidence in the demo data");
}

/** "METHOD /path" for every route in Fastify's printRoutes({ commonPrefix: false }) tree, without the implied HEAD routes. */
function registeredRoutes(tree: string): string[] {
  const out: string[] = [];
  const stack: string[] = [];
  for (const line of tree.split("\n")) {
    const m = /^((?:│ {3}| {4})*)[├└]── (.+?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!m) continue;
    const depth = m[1].length / 4;
    const path = (depth ? stack[depth - 1] : "") + m[2];
    stack[depth] = path;
    stack.length = depth + 1;
    for (const method of (m[3] ?? "").split(", ").filter(Boolean)) if (method !== "HEAD") out.push(`${method} ${path}`);
  }
  return [...new Set(out)];
}
