import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, inArray } from "drizzle-orm";
import { createHash } from "node:crypto";
import { auditLog, evidenceFiles, extensionRequests, organisations, plans, taskUpdates, tasks, users } from "../../src/db/schema.js";
import { DB_KINDS } from "../support/db.js";
import { startTestApp, type Client, type TestApp } from "../support/app.js";

const TODAY = "2026-06-15";
const PAGE = "/api/public/communes/xa-tinh-khe/page";

describe.each(DB_KINDS)("the commune's public page on %s", (kind) => {
  let app: TestApp;
  let citizen: Client;
  let orgId: string;
  let taskId: string;
  let publicFileId: string;
  let privateFileId: string;

  beforeAll(async () => {
    app = await startTestApp(kind, { today: TODAY });
    citizen = app.anonymous();
    const { db } = app.database;
    [{ id: orgId }] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.code, "xa-tinh-khe"));
    const [plan] = await db.select().from(plans).where(and(eq(plans.orgId, orgId), eq(plans.status, "active"), eq(plans.type, "annual"), eq(plans.year, 2026)));
    [{ id: taskId }] = await db.select({ id: tasks.id }).from(tasks).where(eq(tasks.planId, plan!.id)).limit(1);
    const file = (name: string, isPublic: boolean) => ({
      orgId, taskId, filename: name, mimeType: "application/pdf", size: 9, sha256: createHash("sha256").update(name).digest("hex"),
      content: Buffer.from(`%PDF-${name}`), isPublic,
    });
    [{ id: publicFileId }] = await db.insert(evidenceFiles).values(file("quyet-dinh-cong-khai.pdf", true)).returning({ id: evidenceFiles.id });
    [{ id: privateFileId }] = await db.insert(evidenceFiles).values(file("bien-ban-noi-bo.pdf", false)).returning({ id: evidenceFiles.id });
  }, 90_000);
  afterAll(async () => { await app?.close(); });

  it("shows the plan, its tasks with status labels and progress by area, without signing in", async () => {
    const res = await citizen.get(PAGE);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("public, max-age=300");
    const page = res.body;
    expect(page.commune).toEqual({ name: "UBND xã Tỉnh Khê", code: "xa-tinh-khe" });
    expect(page.province.name).toMatch(/Minh Hòa/);
    expect(page.plan.title).toBeTruthy();
    expect(page.plan.tasks.length).toBeGreaterThan(10);
    const labels = new Set(page.plan.tasks.map((t: any) => t.statusLabel));
    expect(labels.size, "a plan under way has tasks in several states").toBeGreaterThan(1);
    for (const label of labels) expect(["Chưa thực hiện", "Đang thực hiện", "Sắp đến hạn", "Quá hạn", "Hoàn thành đúng hạn", "Hoàn thành quá hạn", "Không có thời hạn"]).toContain(label);
    expect(page.plan.tasks.some((t: any) => t.lead.length > 0 && typeof t.lead[0] === "string")).toBe(true);
    const total = page.plan.areas.reduce((n: number, a: any) => n + a.tasks, 0);
    expect(total).toBe(page.plan.tasks.length);
    expect(page.plan.areas[0]).toMatchObject({ name: expect.any(String), doneShare: expect.anything() });
    expect(page.targets.length).toBeGreaterThan(0);
    expect(page.ratingUrl).toBe("/danh-gia/xa-tinh-khe");
    expect(page.indicators, "indicators are off by default").toBeNull();
    expect(page.parResult, "last year's published PAR-index result").toMatchObject({ year: 2025, className: expect.any(String), rank: expect.any(Number), resultsUrl: "/cong-khai/chi-so-cchc/tinh-mau?year=2025" });
  });

  it("carries nothing private: no notes, no people, no extension reasons, no private files", async () => {
    const { db } = app.database;
    const text = JSON.stringify((await citizen.get(PAGE)).body);
    const notes = (await db.select({ note: taskUpdates.note }).from(taskUpdates).where(eq(taskUpdates.orgId, orgId))).map((r) => r.note).filter((n) => n.length >= 12);
    const reasons = (await db.select({ reason: extensionRequests.reason, decision: extensionRequests.decisionNote }).from(extensionRequests).where(eq(extensionRequests.orgId, orgId)))
      .flatMap((r) => [r.reason, r.decision ?? ""]).filter((n) => n.length >= 12);
    const people = (await db.select({ fullName: users.fullName, username: users.username }).from(users).where(inArray(users.orgId, [orgId])))
      .flatMap((u) => [u.fullName, u.username]);
    expect(notes.length).toBeGreaterThan(0);
    expect(people.length).toBeGreaterThan(0);
    for (const secret of [...notes, ...reasons, ...people]) expect(text, secret).not.toContain(secret);
    expect(text).not.toContain("bien-ban-noi-bo.pdf");
    expect(text).not.toContain(privateFileId);
  });

  it("lists a file marked public and lets anyone download it; a private one answers 404", async () => {
    const page = (await citizen.get(PAGE)).body;
    const task = page.plan.tasks.find((t: any) => t.id === taskId);
    expect(task.files).toEqual([{ name: "quyet-dinh-cong-khai.pdf", size: 9, url: `/api/public/communes/xa-tinh-khe/evidence/${publicFileId}` }]);
    const ok = await citizen.get(task.files[0].url);
    expect(ok.status).toBe(200);
    expect(Buffer.from(ok.body as ArrayBuffer).toString()).toBe("%PDF-quyet-dinh-cong-khai.pdf");
    const hidden = await citizen.get(`/api/public/communes/xa-tinh-khe/evidence/${privateFileId}`);
    expect(hidden.status).toBe(404);
    const elsewhere = await citizen.get(`/api/public/communes/phuong-hoai-hao/evidence/${publicFileId}`);
    expect(elsewhere.status, "another commune's address does not serve the file").toBe(404);
  });

  it("answers 304 to a browser that already has this version", async () => {
    const first = await citizen.get(PAGE);
    const etag = first.headers.get("etag");
    expect(etag).toMatch(/^".+"$/);
    const again = await citizen.request("GET", PAGE, undefined, { "if-none-match": etag! });
    expect(again.status).toBe(304);
    const stale = await citizen.request("GET", PAGE, undefined, { "if-none-match": '"khac"' });
    expect(stale.status).toBe(200);
  });

  it("hides the plan when the commune turns it off, and shows the one-stop rates when turned on", async () => {
    const focal = await app.login("dm.tinhkhe");
    const before = (await citizen.get(PAGE)).headers.get("etag");
    const res = await focal.put(`/api/orgs/${orgId}/public-page-settings`, { publishPlan: false, publishTargets: true, publishIndicators: true, intro: "Kết quả thực hiện kế hoạch CCHC năm 2026." });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ publishPlan: false, publishIndicators: true, pageUrl: "/cong-khai/xa-tinh-khe" });
    const [entry] = await app.database.db.select().from(auditLog).where(and(eq(auditLog.orgId, orgId), eq(auditLog.entity, "public_page_settings")));
    expect(entry?.summary).toBe("Cập nhật nội dung trang công khai");
    const page = await citizen.get(PAGE);
    expect(page.headers.get("etag"), "a changed page has a new ETag").not.toBe(before);
    expect(page.body.plan).toBeNull();
    expect(page.body.targets).toBeNull();
    expect(page.body.intro).toBe("Kết quả thực hiện kế hoạch CCHC năm 2026.");
    expect(page.body.indicators.onTime).toBeGreaterThan(0);
    expect(page.body.indicators.window).toEqual({ from: "2026-01-01", to: TODAY });
    expect((await citizen.get(`/api/public/communes/xa-tinh-khe/evidence/${publicFileId}`)).status, "files go with the plan").toBe(404);

    const officer = await app.login("tpht.tinhkhe");
    const refused = await officer.put(`/api/orgs/${orgId}/public-page-settings`, { publishPlan: true, publishTargets: true, publishIndicators: false });
    expect(refused.status).toBe(403);
    const bad = await focal.put(`/api/orgs/${orgId}/public-page-settings`, { publishPlan: "có", publishTargets: true, publishIndicators: false });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe("Công khai kế hoạch phải là đúng hoặc sai.");
    expect((await focal.put(`/api/orgs/${orgId}/public-page-settings`, { publishPlan: true, publishTargets: true, publishIndicators: false })).status).toBe(200);
    expect((await citizen.get(PAGE)).body.plan.tasks.length).toBeGreaterThan(0);
  });

  it("answers 404 for an unknown code and for a province", async () => {
    const unknown = await citizen.get("/api/public/communes/xa-khong-co/page");
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toBe("Không tìm thấy trang công khai của xã, phường có mã “xa-khong-co”.");
    const [province] = await app.database.db.select().from(organisations).where(eq(organisations.kind, "province"));
    expect((await citizen.get(`/api/public/communes/${province!.code}/page`)).status).toBe(404);
  });
});
