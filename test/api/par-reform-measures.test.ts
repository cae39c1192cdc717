import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, inArray } from "drizzle-orm";
import { yearMeasures } from "../../src/db/par-measures.js";
import { initiatives, inspectionFindings, inspectionPlans, inspections, units } from "../../src/db/schema.js";
import { COUNTED_UNIT_KINDS } from "../../src/domain/inspections/units.js";
import { DB_KINDS } from "../support/db.js";
import { startTestApp, type Client, type TestApp } from "../support/app.js";

const TODAY = "2026-11-20";

describe.each(DB_KINDS)("PAR leaves read from the inspection and initiative records on %s", (kind) => {
  let app: TestApp;
  let focal: Client;
  let orgId: string;
  let counted: string[];
  let id: string;
  const db = () => app.database.db;
  const leafOf = (v: any, key: string) => v.nodes.find((n: any) => n.computedKey === key);

  beforeAll(async () => {
    app = await startTestApp(kind, { today: TODAY });
    // xã Bình Minh has no PAR data and keeps no inspection or initiative records yet.
    focal = await app.login("dm.binhminh");
    orgId = (await focal.get("/api/auth/me")).body.orgId;
    counted = (await db().select({ id: units.id }).from(units)
      .where(and(eq(units.orgId, orgId), eq(units.active, true), inArray(units.kind, [...COUNTED_UNIT_KINDS])))).map((u) => u.id);
    expect(counted.length).toBeGreaterThanOrEqual(4);
  });
  afterAll(async () => { await app?.close(); });

  it("leaves the inspection and initiative leaves to the commune while it keeps no such records", async () => {
    const opened = await focal.post(`/api/orgs/${orgId}/par-assessments`, { year: 2026 });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    id = opened.body.id;
    expect(leafOf(opened.body, "units_inspected_share").entries.self ?? null).toBeNull();
    expect(leafOf(opened.body, "initiatives_count").entries.self ?? null).toBeNull();
    const m = await yearMeasures(db(), orgId, 2026, TODAY);
    expect([m.measures.units_inspected_share, m.measures.findings_fixed_share, m.measures.initiatives_count]).toEqual([undefined, undefined, undefined]);
  });

  it("fills the share of bộ phận inspected and the initiatives recognised, and says how", async () => {
    const [ip] = await db().insert(inspectionPlans).values({ orgId, year: 2026, title: "Kế hoạch tự kiểm tra công tác CCHC năm 2026", targetShare: 30 }).returning();
    const visit = (unitId: string, conductedOn: string | null) =>
      ({ orgId, inspectionPlanId: ip.id, unitId, plannedFrom: "2026-04-01", plannedTo: "2026-12-10", content: "Kiểm tra công tác CCHC", conductedOn });
    const held = await db().insert(inspections).values([visit(counted[0], "2026-04-10"), visit(counted[1], "2026-06-18"), visit(counted[2], "2026-09-09"), visit(counted[3], null)])
      .returning({ id: inspections.id });
    const finding = (inspectionId: string, status: "open" | "fixed" | "escalated", closedOn: string | null) =>
      ({ orgId, inspectionId, description: "Sổ theo dõi hồ sơ ghi chưa đầy đủ", responsibleUnitId: counted[0], fixDue: "2026-10-30", status, closedOn });
    await db().insert(inspectionFindings).values([
      finding(held[0].id, "fixed", "2026-05-02"), finding(held[0].id, "escalated", "2026-05-20"), finding(held[1].id, "open", null), finding(held[2].id, "fixed", "2026-10-01"),
    ]);
    const initiative = (year: number, submittedOn: string, extra: Partial<typeof initiatives.$inferInsert> = {}) =>
      ({ orgId, year, title: `Sáng kiến nộp ngày ${submittedOn}`, unitId: counted[1], submittedOn, ...extra });
    await db().insert(initiatives).values([
      initiative(2026, "2026-03-01", { status: "recognised", recognisedOn: "2026-06-30" }),
      initiative(2026, "2026-05-15", { status: "applied", recognisedOn: "2026-08-01", appliedOn: "2026-09-01" }),
      initiative(2026, "2026-10-10"),
      initiative(2025, "2025-10-10", { status: "recognised", recognisedOn: "2025-12-01" }),
    ]);

    const refreshed = await focal.post(`/api/par-assessments/${id}/refresh`);
    expect(refreshed.status, JSON.stringify(refreshed.body)).toBe(200);
    const total = counted.length;
    const pct = (Math.round((3 / total) * 10000) / 100).toString().replace(".", ",");
    const inspected = leafOf(refreshed.body, "units_inspected_share");
    expect(inspected.entries.self).toMatchObject({
      automatic: true, input: { kind: "ratio", numerator: 3, denominator: total },
      text: `Sổ theo dõi kiểm tra năm 2026: 3/${total} bộ phận được kiểm tra (${pct} %), tính đến 20/11/2026.`,
    });
    // ≥ 30 % of the bộ phận: the top tier; below it, the next ones (the rule of the example set).
    expect(inspected.points).toBe(3 / total >= 0.3 ? 0.75 : 3 / total >= 0.25 ? 0.5 : 0.25);
    const recognised = leafOf(refreshed.body, "initiatives_count");
    expect(recognised.entries.self).toMatchObject({
      automatic: true, input: { kind: "count", value: 2 },
      text: "Sổ sáng kiến năm 2026: 2 sáng kiến, giải pháp được công nhận (3 sáng kiến đã đăng ký), tính đến 20/11/2026.",
    });
    expect(recognised.points).toBe(1.5);

    // The findings leaf of a set that computes it: 3 of 4 handled, one of them escalated.
    const m = await yearMeasures(db(), orgId, 2026, TODAY);
    expect(m.measures.findings_fixed_share).toEqual({ numerator: 3, denominator: 4 });
    expect(m.how.findings_fixed_share).toBe("Sổ theo dõi kiểm tra năm 2026: 3/4 vấn đề phát hiện qua kiểm tra đã được xử lý (75 %), trong đó 1 vấn đề kiến nghị cấp có thẩm quyền xử lý, tính đến 20/11/2026.");
    // As they stood at the end of June: two bộ phận inspected, one finding of three handled, one initiative recognised.
    const june = await yearMeasures(db(), orgId, 2026, "2026-06-30");
    expect(june.measures).toMatchObject({ units_inspected_share: { numerator: 2, denominator: total }, findings_fixed_share: { numerator: 2, denominator: 3 }, initiatives_count: { count: 1 } });
  });

  it("keeps what the commune typed over the records", async () => {
    const leaf = leafOf((await focal.get(`/api/par-assessments/${id}`)).body, "initiatives_count");
    const typed = await focal.put(`/api/par-assessments/${id}/leaves/${leaf.code}/self`, { input: { kind: "count", value: 1 }, text: "Theo quyết định công nhận của UBND xã" });
    expect(typed.status, JSON.stringify(typed.body)).toBe(200);
    const again = (await focal.post(`/api/par-assessments/${id}/refresh`)).body;
    expect(leafOf(again, "initiatives_count").entries.self).toMatchObject({ automatic: false, input: { kind: "count", value: 1 } });
  });

  it("gives the findings leaf nothing to count when the inspections found no problem", async () => {
    await db().delete(inspectionFindings).where(eq(inspectionFindings.orgId, orgId));
    const m = await yearMeasures(db(), orgId, 2026, TODAY);
    expect(m.measures.findings_fixed_share).toEqual({ numerator: 0, denominator: 0 });
    expect(m.how.findings_fixed_share).toBe("Sổ theo dõi kiểm tra năm 2026: các cuộc kiểm tra không phát hiện vấn đề phải xử lý, tính đến 20/11/2026.");
    // Before the first inspection took place there is nothing to say about findings.
    expect((await yearMeasures(db(), orgId, 2026, "2026-04-09")).measures).not.toHaveProperty("findings_fixed_share");
  });
});
