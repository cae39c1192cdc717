import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DB_KINDS } from "../support/db.js";
import { startTestApp, type Client, type TestApp } from "../support/app.js";

const TODAY = "2026-06-15";
const YEAR = 2026;
const rowsOf = <T>(res: unknown) => (res as { rows: T[] }).rows;

interface Expected { org_id: string; name: string; total: number; done: number; done_on_time: number; overdue: number; plan_id: string | null }

describe.each(DB_KINDS)("the province's overview of its communes on %s", (kind) => {
  let app: TestApp;
  let admin: Client;
  let provinceId: string;

  /**
   * The counts straight from the tables, written from the rule and sharing no
   * code with the server: the tasks of each commune's active annual plan of the
   * year; done = a done date; on time = done by the due date (or with none);
   * overdue = not done and past its due date.
   */
  async function expected(area: string | null = null): Promise<Expected[]> {
    const res = await app.database.db.execute(sql`
      select o.id as org_id, o.name,
        count(t.id)::int as total,
        count(t.done_on)::int as done,
        count(*) filter (where t.done_on is not null and (t.due_date is null or t.done_on <= t.due_date))::int as done_on_time,
        count(*) filter (where t.done_on is null and t.due_date < ${TODAY}::date)::int as overdue,
        (select p2.id from plans p2 where p2.org_id = o.id and p2.year = ${YEAR} and p2.status = 'active' and p2.type = 'annual' order by p2.created_at desc limit 1) as plan_id
      from organisations o
      left join plans p on p.org_id = o.id and p.year = ${YEAR} and p.status = 'active' and p.type = 'annual'
      left join tasks t on t.plan_id = p.id and (${area}::text is null or t.area = ${area}::text)
      where o.parent_id = ${provinceId} and o.kind = 'commune'
      group by o.id, o.name`);
    return rowsOf<Expected>(res);
  }

  beforeAll(async () => {
    app = await startTestApp(kind, { today: TODAY });
    admin = await app.login("qt.tinh");
    provinceId = (await admin.get("/api/auth/me")).body.org.id;
  });
  afterAll(async () => { await app?.close(); });

  it("lists every commune of the province with the counts of its yearly plan, ranked by the share done on time", async () => {
    const res = await admin.get(`/api/orgs/${provinceId}/overview?year=${YEAR}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const { rows, totals, byArea } = res.body;
    const want = await expected();
    expect(rows.length).toBe(want.length);
    expect(want.length).toBeGreaterThanOrEqual(2);
    for (const w of want) {
      const row = rows.find((r: any) => r.id === w.org_id);
      expect(row, w.name).toBeDefined();
      expect({ name: row.name, tasks: row.tasks, done: row.done, doneOnTime: row.doneOnTime, overdue: row.overdue, planId: row.planId })
        .toEqual({ name: w.name, tasks: w.total, done: w.done, doneOnTime: w.done_on_time, overdue: w.overdue, planId: w.plan_id });
      const judged = w.done + w.overdue;
      expect(row.onTimeRate).toBe(judged ? Math.round((w.done_on_time / judged) * 1000) / 10 : null);
    }
    // Somebody is working: the demo communes have tasks, some done, some late.
    expect(totals.tasks).toBe(want.reduce((s, w) => s + w.total, 0));
    expect(totals.overdue).toBe(want.reduce((s, w) => s + w.overdue, 0));
    expect(totals.done).toBeGreaterThan(0);
    expect(totals.communes).toBe(want.length);

    // Ranked: best share on time first (none judged last), fewer overdue on ties.
    expect(rows.map((r: any) => r.rank)[0]).toBe(1);
    for (let i = 1; i < rows.length; i++) {
      const [a, b] = [rows[i - 1], rows[i]];
      const ra = a.onTimeRate ?? -1, rb = b.onTimeRate ?? -1;
      expect(ra > rb || (ra === rb && a.overdue <= b.overdue), `${a.name} before ${b.name}`).toBe(true);
      expect(b.rank).toBeGreaterThanOrEqual(a.rank);
    }

    // The chart's counts per area add up to the province's tasks.
    expect(byArea.reduce((s: number, a: any) => s + a.tasks, 0)).toBe(totals.tasks);
    // The last update is the latest update of the commune's tasks; targets are judged.
    const lastUpdates = rowsOf<{ org_id: string; last: string }>(await app.database.db.execute(sql`
      select t.org_id, to_char(max(t.last_update_at) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS') as last
      from tasks t join plans p on p.id = t.plan_id and p.year = ${YEAR} and p.status = 'active' and p.type = 'annual' group by t.org_id`));
    for (const l of lastUpdates) {
      const row = rows.find((r: any) => r.id === l.org_id);
      if (row && l.last) expect(row.lastUpdateAt.slice(0, 19)).toBe(l.last);
    }
    const withTargets = rows.filter((r: any) => r.targets.total > 0);
    expect(withTargets.length).toBeGreaterThan(0);
    for (const r of withTargets) expect(r.targets.met).toBeLessThanOrEqual(r.targets.withData);
  });

  it("counts only the tasks of one reform area when asked", async () => {
    const area = "thu-tuc-hanh-chinh";
    const res = await admin.get(`/api/orgs/${provinceId}/overview?year=${YEAR}&area=${area}`);
    expect(res.status).toBe(200);
    expect(res.body.area).toBe(area);
    const want = await expected(area);
    const all = (await admin.get(`/api/orgs/${provinceId}/overview?year=${YEAR}`)).body;
    for (const w of want) {
      const row = res.body.rows.find((r: any) => r.id === w.org_id);
      expect({ tasks: row.tasks, done: row.done, overdue: row.overdue }).toEqual({ tasks: w.total, done: w.done, overdue: w.overdue });
    }
    expect(res.body.totals.tasks).toBe(all.byArea.find((a: any) => a.area === area).tasks);
    expect(res.body.totals.tasks).toBeLessThan(all.totals.tasks);

    const bad = await admin.get(`/api/orgs/${provinceId}/overview?area=khong-co`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^Lĩnh vực không hợp lệ/);
    expect(bad.body.error.field).toBe("area");
  });

  it("is for the province's people only: a commune's people get 404, nobody signed in 401", async () => {
    const viewer = await app.login("xem.tinh");
    expect((await viewer.get(`/api/orgs/${provinceId}/overview`)).status).toBe(200);
    for (const username of ["ct.tinhkhe", "dm.hoaihao", "tpht.tinhkhe"]) {
      const commune = await app.login(username);
      const res = await commune.get(`/api/orgs/${provinceId}/overview`);
      expect(res.status, username).toBe(404);
      expect(JSON.stringify(res.body)).not.toContain("Tỉnh Khê");
      // Nor does a commune's own id make it a province.
      const own = (await commune.get("/api/auth/me")).body.org.id;
      expect((await commune.get(`/api/orgs/${own}/overview`)).status, username).toBe(404);
    }
    const someCommune = (await admin.get(`/api/orgs/${provinceId}/overview`)).body.rows[0].id;
    expect((await admin.get(`/api/orgs/${someCommune}/overview`)).status).toBe(404);
    expect((await app.anonymous().get(`/api/orgs/${provinceId}/overview`)).status).toBe(401);
  });
});
