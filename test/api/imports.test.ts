import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DB_KINDS } from "../support/db.js";
import { startTestApp, type Client, type TestApp } from "../support/app.js";
import { openCommune, type Commune } from "../support/commune.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const seedPath = (name: string) => join(resolve(ROOT, "../shared"), "seeds", name);
/** The ward's annual plan of 2024. */
const SEED = seedPath("002_be7d98821bed4f13.txt");
/** Xã Hành Minh's emulation plan of 2024 (Kế hoạch phát động phong trào thi đua). */
const EMULATION_SEED = seedPath("004_060e3244ce13f715.txt");

function seedBytes(path = SEED): Buffer {
  if (!existsSync(path)) throw new Error(`The seed plan ${path} is missing (expected shared/ beside the project root). This test needs it and does not skip.`);
  return readFileSync(path);
}

function uploadForm(name: string, bytes: Uint8Array): FormData {
  const form = new FormData();
  form.append("file", new Blob([new Uint8Array(bytes)], { type: "text/plain" }), name);
  return form;
}

describe.each(DB_KINDS)("importing a plan document on %s", (kind) => {
  let app: TestApp;
  let c: Commune;
  let review: any;

  beforeAll(async () => {
    app = await startTestApp(kind);
    c = await openCommune(app);
    const res = await c.focal.post(`/api/orgs/${c.orgId}/imports`, uploadForm("ke-hoach-2024.txt", seedBytes()));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    review = res.body;
  });
  afterAll(async () => { await app?.close(); });

  const counts = async () => {
    const plans = (await c.focal.get(`/api/orgs/${c.orgId}/plans`)).body as any[];
    const units = (await c.focal.get(`/api/orgs/${c.orgId}/units?all=1`)).body as any[];
    const tasks = (await Promise.all(plans.map((p) => c.focal.get(`/api/plans/${p.id}`)))).reduce((n, r) => n + r.body.tasks.length, 0);
    return { plans: plans.length, units: units.length, tasks };
  };

  /** Every written unit of the draft the commune has no unit for (by reference id), mapped to Văn phòng – Thống kê. */
  const unmatchedToOffice = async (draft: any) => {
    const units = (await c.focal.get(`/api/orgs/${c.orgId}/units`)).body as Array<{ code: string | null }>;
    const codes = new Set(units.map((u) => u.code));
    const all = [...draft.tasks.flatMap((t: any) => [...t.lead, ...t.support]), ...draft.targets.flatMap((t: any) => [...t.monitor, ...t.implement])];
    return Object.fromEntries(all.filter((u: any) => !u.unit || !codes.has(u.unit)).map((u: any) => [u.text, { unitId: c.unitId("vp-tk") }]));
  };

  /** The draft with its first task led by a unit the reference list does not know. */
  const withUnknownUnit = () => {
    const draft = structuredClone(review.draft);
    draft.tasks[0].lead = [{ unit: null, text: "Tổ công nghệ số cộng đồng" }];
    draft.tasks[1].support = [...draft.tasks[1].support, { unit: null, text: "Hội Nông dân phường" }];
    return draft;
  };

  it("reads the document into a draft of 55 tasks, with its lines and each task's span", () => {
    expect(review.filename).toBe("ke-hoach-2024.txt");
    expect(review.draft.tasks).toHaveLength(55);
    expect(review.draft.document.year).toBe(2024);
    expect(review.sourceLines.length).toBeGreaterThan(100);
    expect(Object.keys(review.spans)).toHaveLength(55);
    for (const [i, task] of review.draft.tasks.entries()) {
      const span = review.spans[String(i)];
      expect(span.from).toBeLessThanOrEqual(span.to);
      const text = review.sourceLines.slice(span.from, span.to + 1).join(" ");
      expect(text, `task ${i} comes from its lines`).toContain(task.title.slice(0, 25));
    }
  });

  it("creates the plan with its tasks, units and targets from a reviewed draft", async () => {
    const before = await counts();
    const draft = withUnknownUnit();
    draft.document.title = "Kế hoạch CCHC nhập từ tài liệu";
    const res = await c.focal.post(`/api/orgs/${c.orgId}/imports/accept`, {
      type: "annual", draft,
      unitMap: { ...(await unmatchedToOffice(review.draft)), "Tổ công nghệ số cộng đồng": { create: { name: "Tổ công nghệ số cộng đồng" } }, "Hội Nông dân phường": { unitId: c.unitId("vh-xh") } },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ title: "Kế hoạch CCHC nhập từ tài liệu", status: "draft", year: 2024, taskCount: 55, signerName: "Thái Tường Hận" });
    const plan = (await c.focal.get(`/api/plans/${res.body.id}`)).body;
    expect(plan.tasks).toHaveLength(55);
    expect(plan.tasks.map((t: any) => t.title)).toEqual(draft.tasks.map((t: any) => t.title));
    expect(plan.targets).toHaveLength(review.draft.targets.length);
    const units = (await c.focal.get(`/api/orgs/${c.orgId}/units`)).body as any[];
    const created = units.find((u) => u.name === "Tổ công nghệ số cộng đồng");
    expect(created, "the unit asked for was created").toBeTruthy();
    const first = (await c.focal.get(`/api/tasks/${plan.tasks[0].id}`)).body;
    expect(first.lead.map((u: any) => u.id)).toEqual([created.id]);
    const second = (await c.focal.get(`/api/tasks/${plan.tasks[1].id}`)).body;
    expect(second.support.map((u: any) => u.id)).toContain(c.unitId("vh-xh"));
    // A unit with a reference id maps to the commune's unit of that code.
    const withRef = review.draft.tasks.findIndex((t: any, i: number) => i > 1 && t.lead.some((u: any) => u.unit === "vp-tk"));
    expect((await c.focal.get(`/api/tasks/${plan.tasks[withRef].id}`)).body.lead.map((u: any) => u.id)).toContain(c.unitId("vp-tk"));
    const after = await counts();
    expect(after).toEqual({ plans: before.plans + 1, units: before.units + 1, tasks: before.tasks + 55 });
    const target = plan.targets.find((t: any) => t.implement.length > 0 || t.monitor.length > 0);
    if (review.draft.targets.some((t: any) => t.implement.length || t.monitor.length)) expect(target).toBeTruthy();
  });

  it("refuses an unmapped unit or an empty title with the field, and writes nothing", async () => {
    const before = await counts();
    const unmapped = await c.focal.post(`/api/orgs/${c.orgId}/imports/accept`, {
      type: "annual", draft: withUnknownUnit(), unitMap: { ...(await unmatchedToOffice(review.draft)), "Tổ công nghệ số cộng đồng": { create: { name: "Tổ công nghệ số mới" } } },
    });
    expect(unmapped.status).toBe(400);
    expect(unmapped.body.error.message).toContain("Hội Nông dân phường");
    expect(unmapped.body.error.field).toMatch(/^draft\.tasks\.1\.support\.\d+$/);

    const draft = structuredClone(review.draft);
    draft.tasks[3].title = "   ";
    const empty = await c.focal.post(`/api/orgs/${c.orgId}/imports/accept`, { type: "annual", draft, unitMap: {} });
    expect(empty.status).toBe(400);
    expect(empty.body.error.field).toBe("draft.tasks.3.title");
    expect(empty.body.error.message).toMatch(/Tên nhiệm vụ/);
    expect(await counts(), "no plan, task or unit was created").toEqual(before);
  });

  it("lets only the commune's focal point import: a unit officer gets 403, another commune 404", async () => {
    const officer: Client = await app.login("tpht.tinhkhe");
    const up = await officer.post(`/api/orgs/${c.orgId}/imports`, uploadForm("ke-hoach.txt", seedBytes()));
    expect(up.status).toBe(403);
    const accept = await officer.post(`/api/orgs/${c.orgId}/imports/accept`, { type: "annual", draft: review.draft, unitMap: {} });
    expect(accept.status).toBe(403);
    expect(accept.body.error.message).toMatch(/đầu mối/);
    const other = await app.login("dm.hoaihao");
    expect((await other.post(`/api/orgs/${c.orgId}/imports`, uploadForm("ke-hoach.txt", seedBytes()))).status).toBe(404);
    expect((await other.post(`/api/orgs/${c.orgId}/imports/accept`, { type: "annual", draft: review.draft, unitMap: {} })).status).toBe(404);
  });

  it("refuses a file that is no plan document with a Vietnamese message", async () => {
    const res = await c.focal.post(`/api/orgs/${c.orgId}/imports`, uploadForm("anh.png", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2])));
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/chỉ nhận tệp/);
    const fake = await c.focal.post(`/api/orgs/${c.orgId}/imports`, uploadForm("ke-hoach.pdf", new TextEncoder().encode("không phải PDF")));
    expect(fake.status).toBe(400);
    expect(fake.body.error.message).toMatch(/PDF/);
  });

  it("turns an imported emulation plan into a campaign whose content groups are its tasks", async () => {
    const read = await c.focal.post(`/api/orgs/${c.orgId}/imports`, uploadForm("ke-hoach-thi-dua.txt", seedBytes(EMULATION_SEED)));
    expect(read.status, JSON.stringify(read.body)).toBe(200);
    const draft = read.body.draft;
    expect(draft.tasks.length).toBeGreaterThan(0);
    const accepted = await c.focal.post(`/api/orgs/${c.orgId}/imports/accept`, { type: "emulation", draft, unitMap: await unmatchedToOffice(draft) });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(201);
    expect(accepted.body).toMatchObject({ type: "emulation", year: 2024 });
    const campaign = await c.focal.post(`/api/plans/${accepted.body.id}/campaign`);
    expect(campaign.status, JSON.stringify(campaign.body)).toBe(201);
    expect(campaign.body).toMatchObject({ year: 2024, periodFrom: "2024-01-01", periodTo: "2024-12-31", sourcePlan: { id: accepted.body.id } });
    expect(campaign.body.contentGroups.map((g: any) => g.title)).toEqual(draft.tasks.map((t: any) => t.title));
    expect(campaign.body.criteria.map((k: any) => k.id)).toEqual(["c1", "c2", "c3", "c4", "c5", "c6"]);
    const list = (await c.focal.get(`/api/orgs/${c.orgId}/campaigns?year=2024`)).body;
    expect(list.emulationPlans).toContainEqual(expect.objectContaining({ id: accepted.body.id, hasCampaign: true }));
  });
});
