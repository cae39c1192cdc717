import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DB_KINDS } from "../support/db.js";
import { startTestApp, type TestApp } from "../support/app.js";

describe.each(DB_KINDS)("demo data and login on %s", (kind) => {
  let app: TestApp;
  beforeAll(async () => { app = await startTestApp(kind); });
  afterAll(async () => { await app?.close(); });

  it("refuses a wrong password with a Vietnamese message", async () => {
    const res = await app.anonymous().post("/api/auth/login", { username: "dm.tinhkhe", password: "sai-mat-khau-1" });
    expect(res.status).toBe(401);
    expect(res.body.error.message).toBe("Tên đăng nhập hoặc mật khẩu không đúng.");
  });

  it("shows the focal point this year's plan with its 30 tasks in the 8 areas", async () => {
    const client = await app.login("dm.tinhkhe");
    const me = (await client.get("/api/auth/me")).body;
    const plans = (await client.get(`/api/orgs/${me.orgId}/plans`)).body;
    // The annual plan in force, and the emulation plan the focal point drafted for the year's campaign.
    expect(plans.map((p: any) => [p.type, p.status, p.year]).sort()).toEqual([["annual", "active", 2026], ["emulation", "draft", 2026]]);
    const annual = plans.find((p: any) => p.type === "annual");
    const plan = (await client.get(`/api/plans/${annual.id}`)).body;
    expect(plan.tasks).toHaveLength(30);
    expect(new Set(plan.tasks.map((t: any) => t.area))).toContain("thu-tuc-hanh-chinh");
    expect(plan.targets.length).toBe(4);
    // The demo commune's one-stop data feeds its on-time target, month by month.
    const onTime = plan.targets.find((t: any) => t.indicatorKey === "on_time");
    expect(onTime).toMatchObject({ dataSource: "computed", op: ">=", value: 98, light: "met" });
    expect(onTime.trend.length).toBeGreaterThan(0);
  });

  it("sets the session cookie HttpOnly", async () => {
    const res = await app.anonymous().post("/api/auth/login", { username: "ct.tinhkhe", password: "Demo12345" });
    expect(res.headers.get("set-cookie")).toMatch(/HttpOnly/i);
  });
});
