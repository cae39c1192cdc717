import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hintsFor } from "../../src/domain/indicators/hints.js";
import { INDICATORS } from "../../src/domain/indicators/qd766.js";
import { DB_KINDS } from "../support/db.js";
import { startTestApp, type Client, type TestApp } from "../support/app.js";

const TODAY = "2026-06-15";
const YEAR = "from=2026-01-01&to=2026-06-15";

/** The counts the breakdown rows split (feedback belongs to the commune as a whole and is not split). */
const dossierCounts = (c: any) => ({ received: c.received, carried_over: c.carried_over, handled: c.handled, resolved: c.resolved, pending: c.pending });
const sum = (rows: any[], pick: (c: any) => number) => rows.reduce((s, r) => s + pick(r.counts), 0);

describe.each(DB_KINDS)("one-stop indicators API on %s", (kind) => {
  let app: TestApp;
  let chairman: Client;
  let orgId: string;
  let otherOrgId: string;
  const base = () => `/api/orgs/${orgId}/indicators`;

  beforeAll(async () => {
    app = await startTestApp(kind, { today: TODAY });
    chairman = await app.login("ct.tinhkhe");
    orgId = (await chairman.get("/api/auth/me")).body.org.id;
    otherOrgId = (await (await app.login("ct.hoaihao")).get("/api/auth/me")).body.org.id;
  }, 120_000);
  afterAll(async () => { await app?.close(); });

  it("answers the figures of xã Tỉnh Khê with the hints of its 766 index", async () => {
    const res = await chairman.get(`${base()}?${YEAR}`);
    expect(res.status).toBe(200);
    const body = res.body;
    expect(Object.keys(body).sort()).toEqual(["counts", "hasCatalogue", "hints", "index766", "rates", "settings", "stored", "window"]);
    expect(body.window).toEqual({ from: "2026-01-01", to: TODAY });
    expect(body.stored.dossiers).toBeGreaterThan(0);
    expect(body.counts.received.total).toBeGreaterThan(100);

    // One hint for each computed indicator below its maximum, in the order of the tree, the same as the domain gives.
    const indicators = body.index766.groups.flatMap((g: any) => g.indicators);
    const below = indicators.filter((i: any) => i.status === "computed" && i.points < i.max).map((i: any) => i.id);
    expect(body.hints.map((h: any) => h.id)).toEqual(below);
    expect(body.hints.length).toBeGreaterThan(0);
    expect(body.hints).toEqual(hintsFor(body.index766, body.settings));
    const order = INDICATORS.map((d) => d.id);
    for (const h of body.hints) {
      const ind = indicators.find((i: any) => i.id === h.id);
      expect(h).toMatchObject({ name: ind.name, max: ind.max, points: ind.points });
      expect(h.pointsGained).toBeGreaterThan(0);
      expect(h.pointsGained).toBeLessThanOrEqual(ind.max);
      expect(typeof h.advice).toBe("string");
      expect(h.what).toMatch(/nữa|Cung cấp/);
      // Linear indicators need every record of their denominator.
      if (h.targetRate === 100 && h.additional !== null) expect(h.additional).toBe(ind.denominator - ind.numerator);
      expect(order.indexOf(h.id)).toBeGreaterThan(-1);
    }
  });

  it("counts the same dossiers as the breakdown by field and by unit", async () => {
    const figures = (await chairman.get(`${base()}?${YEAR}`)).body;
    for (const by of ["field", "unit", "procedure"]) {
      const res = await chairman.get(`${base()}/breakdown?${YEAR}&by=${by}`);
      expect(res.status, by).toBe(200);
      const { rows, total } = res.body;
      expect(rows.length, by).toBeGreaterThan(0);
      expect(dossierCounts(total.counts), by).toEqual(dossierCounts(figures.counts));
      expect(total.rates.on_time).toEqual(figures.rates.on_time);
      expect(sum(rows, (c) => c.received.total), by).toBe(figures.counts.received.total);
      expect(sum(rows, (c) => c.handled), by).toBe(figures.counts.handled);
      expect(sum(rows, (c) => c.resolved.total), by).toBe(figures.counts.resolved.total);
      expect(sum(rows, (c) => c.resolved.late), by).toBe(figures.counts.resolved.late);
      expect(sum(rows, (c) => c.pending.total), by).toBe(figures.counts.pending.total);
      expect(sum(rows, (c) => c.pending.overdue), by).toBe(figures.counts.pending.overdue);
    }
    // Filtering by a field row gives that row's figures.
    const fields = (await chairman.get(`${base()}/breakdown?${YEAR}&by=field`)).body.rows;
    const row = fields[0];
    const filtered = (await chairman.get(`${base()}?${YEAR}&field=${encodeURIComponent(row.label)}`)).body;
    expect(dossierCounts(filtered.counts)).toEqual(dossierCounts(row.counts));
    expect(filtered.rates.on_time).toEqual(row.rates.on_time);
  });

  it("lists only late and overdue dossiers, each with its reasons", async () => {
    const figures = (await chairman.get(`${base()}?${YEAR}`)).body;
    const res = await chairman.get(`${base()}/late?${YEAR}`);
    expect(res.status).toBe(200);
    const { total, rows } = res.body;
    expect(total).toBe(figures.counts.resolved.late + figures.counts.pending.overdue);
    expect(total).toBeGreaterThan(0);
    expect(rows.length).toBe(total);
    for (const r of rows) {
      expect(["late", "overdue"]).toContain(r.class);
      expect(r.reasons.length).toBeGreaterThan(0);
      for (const reason of r.reasons) expect(reason).toMatch(/\S/);
      if (r.class === "late") {
        expect(r.end, r.code).not.toBeNull();
        expect(r.end <= TODAY).toBe(true);
      } else {
        expect(r.end, r.code).toBeNull();
        expect(r.due < TODAY).toBe(true);
      }
      expect(r.daysLate).toBeGreaterThanOrEqual(1);
    }
    // Sorted by days late, most first; the limit cuts the list, not the count.
    expect(rows.map((r: any) => r.daysLate)).toEqual([...rows.map((r: any) => r.daysLate)].sort((a, b) => b - a));
    const one = await chairman.get(`${base()}/late?${YEAR}&limit=1`);
    expect(one.body).toMatchObject({ total, rows: [rows[0]] });
  });

  it("refuses a bad window with a Vietnamese message naming the field", async () => {
    for (const path of ["", "/breakdown", "/late"]) {
      const by = path === "/breakdown" ? "&by=field" : "";
      const reversed = await chairman.get(`${base()}${path}?from=2026-03-31&to=2026-03-01${by}`);
      expect(reversed.status, path).toBe(400);
      expect(reversed.body.error).toEqual({ code: "validation", message: "Từ ngày phải trước hoặc bằng đến ngày.", field: "from" });

      const feb31 = await chairman.get(`${base()}${path}?from=2026-02-31&to=2026-03-31${by}`);
      expect(feb31.status, path).toBe(400);
      expect(feb31.body.error).toMatchObject({ code: "validation", field: "from" });
      expect(feb31.body.error.message).toBe("Từ ngày không phải là ngày hợp lệ (31/02/2026).");

      const badTo = await chairman.get(`${base()}${path}?from=2026-02-01&to=2026-02-31${by}`);
      expect(badTo.status, path).toBe(400);
      expect(badTo.body.error).toMatchObject({ code: "validation", field: "to" });
      expect(badTo.body.error.message).toContain("Đến ngày");
    }
    const missing = await chairman.get(`${base()}?to=2026-03-31`);
    expect(missing.status).toBe(400);
    expect(missing.body.error).toMatchObject({ field: "from", message: "Từ ngày là bắt buộc." });
  });

  it("hides a commune from another commune's users, and shows it to the province", async () => {
    const other = await app.login("ct.hoaihao");
    for (const path of [`?${YEAR}`, `/series?year=2026`, `/breakdown?${YEAR}&by=field`, `/late?${YEAR}`]) {
      const res = await other.get(`${base()}${path}`);
      expect(res.status, path).toBe(404);
      expect(res.body.error.message).toBe("Không tìm thấy đơn vị.");
    }
    expect((await other.get(`/api/orgs/${otherOrgId}/indicators?${YEAR}`)).status).toBe(200);
    const province = await app.login("xem.tinh");
    const res = await province.get(`${base()}?${YEAR}`);
    expect(res.status).toBe(200);
    expect(res.body.counts).toEqual((await chairman.get(`${base()}?${YEAR}`)).body.counts);
    expect((await app.anonymous().get(`${base()}?${YEAR}`)).status).toBe(401);
  });

  it("gives the monthly series up to today", async () => {
    const res = await chairman.get(`${base()}/series?year=2026`);
    expect(res.status).toBe(200);
    expect(res.body.months.map((m: any) => m.period)).toEqual(["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"]);
    for (const m of res.body.months) {
      expect(m.index766).toBeGreaterThan(0);
      expect(m.rates.on_time).toHaveProperty("rate");
    }
  });
});
