import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { DB_KINDS } from "../support/db.js";
import { startTestApp, type Client, type TestApp } from "../support/app.js";

const EXAMPLE = readFileSync(new URL("../../fixtures/par-index/example-xa-2026.json", import.meta.url), "utf8");
const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

function setForm(name: string, content: string | Uint8Array<ArrayBuffer>, type = "application/json"): FormData {
  const form = new FormData();
  form.append("file", new Blob([content], { type }), name);
  return form;
}

async function count(app: TestApp, table: "criteria_sets" | "audit_log", where = sql`true`): Promise<number> {
  const r = await app.database.db.execute(sql`select count(*)::int as n from ${sql.raw(table)} where ${where}`);
  return (r as unknown as { rows: Array<{ n: number }> }).rows[0]!.n;
}

/** A set's content without what storing it assigns. */
const body = ({ id: _id, version: _version, replaces: _replaces, ...rest }: Record<string, unknown>) => rest;

describe.each(DB_KINDS)("criteria sets over HTTP on %s", (kind) => {
  let app: TestApp;
  let admin: Client;
  let focal: Client;
  let provinceId: string;
  beforeAll(async () => {
    app = await startTestApp(kind, { today: "2026-06-15" });
    admin = await app.login("qt.tinh");
    focal = await app.login("dm.tinhkhe");
    provinceId = (await admin.get("/api/auth/me")).body.orgId;
  });
  afterAll(async () => { await app?.close(); });

  it("stores an import as the next version replacing the latest (the demo holds version 1), then the next", async () => {
    const audits = await count(app, "audit_log", sql`entity = 'criteria_set'`);
    const demo = (await admin.get(`/api/orgs/${provinceId}/criteria-sets`)).body.find((s: any) => s.subject === "xa" && s.year === 2026);
    expect(demo).toMatchObject({ version: 1, replacesId: null, isExample: true });
    const first = await admin.post(`/api/orgs/${provinceId}/criteria-sets`, setForm("mau.json", EXAMPLE));
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toMatchObject({ orgId: provinceId, subject: "xa", year: 2026, version: 2, replacesId: demo.id, isExample: true });
    const second = await admin.post(`/api/orgs/${provinceId}/criteria-sets`, setForm("mau.json", EXAMPLE));
    expect(second.status, JSON.stringify(second.body)).toBe(201);
    expect(second.body).toMatchObject({ version: 3, replacesId: first.body.id });
    expect(await count(app, "audit_log", sql`entity = 'criteria_set'`)).toBe(audits + 2);

    const list = await focal.get(`/api/orgs/${provinceId}/criteria-sets`);
    expect(list.status).toBe(200);
    expect(list.body.filter((s: any) => s.subject === "xa" && s.year === 2026).map((s: any) => s.version)).toEqual([3, 2, 1]);

    const got = await focal.get(`/api/criteria-sets/${second.body.id}`);
    expect(got.status).toBe(200);
    expect(got.body.content).toMatchObject({ id: second.body.id, version: 3, replaces: first.body.id });
    expect(body(got.body.content)).toMatchObject(body({ ...JSON.parse(EXAMPLE), province: got.body.content.province }));
  });

  it("exports an editable workbook that imports back to the same content", async () => {
    const [latest] = (await admin.get(`/api/orgs/${provinceId}/criteria-sets`)).body;
    const stored = (await admin.get(`/api/criteria-sets/${latest.id}`)).body.content;
    const xlsx = await focal.get(`/api/criteria-sets/${latest.id}/export.xlsx`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get("content-type")).toContain(XLSX_TYPE);
    const again = await admin.post(`/api/orgs/${provinceId}/criteria-sets`, setForm("sua.xlsx", new Uint8Array(xlsx.body as ArrayBuffer), XLSX_TYPE));
    expect(again.status, JSON.stringify(again.body)).toBe(201);
    expect(again.body).toMatchObject({ version: latest.version + 1, replacesId: latest.id });
    const back = (await admin.get(`/api/criteria-sets/${again.body.id}`)).body.content;
    expect(body(back)).toEqual(body(stored));
  });

  it("refuses a broken set with every problem and stores nothing", async () => {
    const broken = JSON.parse(EXAMPLE);
    const area = broken.root.children[0];
    area.children[1].code = area.children[0].code; // duplicate 1.1
    area.children[4].maxPoints = 1.1; // 1.5 not a multiple of 0,25
    const before = await count(app, "criteria_sets");
    const res = await admin.post(`/api/orgs/${provinceId}/criteria-sets`, setForm("hong.json", JSON.stringify(broken)));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("validation");
    expect(res.body.error.message).toContain("Tiêu chí 1.1: mã bị trùng với một tiêu chí khác");
    expect(res.body.error.message).toContain("Tiêu chí 1.5: điểm tối đa phải là bội số của 0,25");
    expect(res.body.error.problems).toEqual(expect.arrayContaining([
      expect.objectContaining({ code: "1.1", field: "code" }),
      expect.objectContaining({ code: "1.5", field: "maxPoints" }),
    ]));
    expect(await count(app, "criteria_sets")).toBe(before);
  });

  it("lets only the province's administrator import", async () => {
    const before = await count(app, "criteria_sets");
    const res = await focal.post(`/api/orgs/${provinceId}/criteria-sets`, setForm("mau.json", EXAMPLE));
    expect(res.status).toBe(403);
    expect((await (await app.login("xem.tinh")).post(`/api/orgs/${provinceId}/criteria-sets`, setForm("mau.json", EXAMPLE))).status).toBe(403);
    expect(await count(app, "criteria_sets")).toBe(before);
  });

  it("refuses a file that is neither JSON nor XLSX", async () => {
    const res = await admin.post(`/api/orgs/${provinceId}/criteria-sets`, setForm("mau.txt", EXAMPLE, "text/plain"));
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe("file");
  });
});
