/**
 * The dossier figures computed from the database (computeFigures: loadRecords
 * + the domain): every count, every rate and the numerator and denominator of
 * every computed 766 indicator, against independent SQL written from the contract
 * (test/support/indicators-sql.ts), on 10,000 generated dossiers of one
 * commune stored through the real CSV import. PostgreSQL only: the SQL uses
 * the server; a missing server fails the suite (createTestDatabase throws).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { Database } from "../../src/db/connection.js";
import { computeFigures, figuresOf } from "../../src/db/indicator-figures.js";
import { importRecords, loadRecords } from "../../src/db/records.js";
import { organisations } from "../../src/db/schema.js";
import { seedDemo } from "../../src/db/seed/demo.js";
import { classify, type DossierFilter } from "../../src/domain/indicators/compute.js";
import { makeContext } from "../../src/domain/indicators/qd766.js";
import { parseCsv, readDossierGrid } from "../../src/import/dossiers/index.js";
import { createTestDatabase } from "../support/db.js";
import {
  type CommuneRecords, UNITS, csvText, dossierCsvLines, feedbackCsvLines, generateCommuneRecords, procedureCsvLines,
} from "../support/dossier-generator.js";
import { type SqlFilter, contractFiguresBySql, dossierReadingsBySql, indexFiguresBySql } from "../support/indicators-sql.js";

const SEED = 20260415;
const RANGE = { from: "2024-12-01", to: "2026-03-31", asOf: "2026-04-10" };

const WINDOWS = {
  "a month": { from: "2025-11-01", to: "2025-11-30" },
  "a quarter": { from: "2026-01-01", to: "2026-03-31" },
  "a year": { from: "2025-01-01", to: "2025-12-31" },
  "mid-stream, with carried-over dossiers": { from: "2025-06-16", to: "2025-08-15" },
  "a single working day": { from: "2025-09-15", to: "2025-09-15" },
  "a single Saturday": { from: "2025-10-04", to: "2025-10-04" },
  "a month running past the export date": { from: "2026-04-01", to: "2026-04-30" },
  "a month before any record": { from: "2024-11-01", to: "2024-11-30" },
};

describe("dossier figures from the database against independent SQL (PostgreSQL)", () => {
  let t: Database;
  let orgId: string;
  let records: CommuneRecords;

  beforeAll(async () => {
    t = await createTestDatabase("postgres");
    await seedDemo(t.db, "2026-04-15");
    const [org] = await t.db.select().from(organisations).where(eq(organisations.code, "xa-tinh-khe"));
    orgId = org!.id;
    records = generateCommuneRecords({ seed: SEED, unitCode: "H40.12.07", dossiers: 10_000, ...RANGE });
    const file = (lines: Iterable<string>) => Buffer.from(csvText(lines));
    const p = await importRecords(t.db, null, orgId, "procedures", "thutuc.csv", file(procedureCsvLines(records.procedures, SEED)));
    expect(p).toMatchObject({ accepted: records.procedures.length, rejected: 0 });
    // Two overlapping exports: the second updates the 1,000 dossiers it shares with the first.
    const first = await importRecords(t.db, null, orgId, "dossiers", "hoso-1.csv", file(dossierCsvLines(records.dossiers.slice(0, 6000), SEED)));
    expect(first).toMatchObject({ rows: 6000, accepted: 6000, rejected: 0, inserted: 6000, updated: 0 });
    const second = await importRecords(t.db, null, orgId, "dossiers", "hoso-2.csv", file(dossierCsvLines(records.dossiers.slice(5000), SEED + 1)));
    expect(second).toMatchObject({ rows: 5000, accepted: 5000, rejected: 0, inserted: 4000, updated: 1000 });
    const f = await importRecords(t.db, null, orgId, "feedback", "pakn.csv", file(feedbackCsvLines(records.feedback, SEED)));
    expect(f).toMatchObject({ accepted: records.feedback.length, rejected: 0 });
  }, 120_000);
  afterAll(async () => t?.close());

  it("generates the same CSV for the same seed, and it reads back as the records", () => {
    const again = generateCommuneRecords({ seed: SEED, unitCode: "H40.12.07", dossiers: 10_000, ...RANGE });
    const text = csvText(dossierCsvLines(records.dossiers, SEED));
    expect(csvText(dossierCsvLines(again.dossiers, SEED))).toBe(text);
    expect(text).toMatch(/^MaHoSo,MaTTHC,TenTTHC,/);
    expect(text).toMatch(/,\d{2}\/\d{2}\/20\d{2},/);
    expect(text).toMatch(/,20\d{12},/);
    const read = readDossierGrid(parseCsv(text), "hoso.csv");
    expect(read.rejected).toBe(0);
    expect(read.records).toEqual(records.dossiers);
    expect(generateCommuneRecords({ seed: SEED + 1, unitCode: "H40.12.07", dossiers: 100, ...RANGE }).dossiers)
      .not.toEqual(records.dossiers.slice(0, 100));
  });

  it("the generated data covers every case the figures distinguish", () => {
    const ds = records.dossiers;
    const catalogue = new Map(records.procedures.filter((p) => p.levels.includes("xa")).map((p) => [p.code, p]));
    const some = (what: string, p: (d: (typeof ds)[number]) => boolean) => expect(ds.some(p), what).toBe(true);
    for (let s = 0; s <= 10; s++) some(`status ${s}`, (d) => d.status === s);
    for (const c of [1, 2, 3]) some(`channel ${c}`, (d) => d.channel === c);
    for (const u of ["gio", "ngay", "ngay-lam-viec", "thang"]) {
      some(`dossier time limit in ${u}`, (d) => d.due === null && d.timeUnit === u);
      some(`TTHC-only time limit in ${u}`, (d) => d.due === null && d.timeLimit === null && d.accepted !== null && catalogue.get(d.procedureCode)?.timeUnit === u);
    }
    some("no time limit at all", (d) => d.accepted !== null && d.due === null && d.timeLimit === null && catalogue.get(d.procedureCode)?.timeLimit == null);
    some("due date set", (d) => d.due !== null);
    for (const n of [0, 1, 2, 3]) {
      some(`${n} rounds, returned`, (d) => d.supplementCount === n && (n === 0 || d.supplementReturned !== null));
      if (n > 0) some(`${n} rounds, not returned`, (d) => d.supplementCount === n && d.supplementReturned === null);
    }
    some("result handed over after the end", (d) => d.status === 10 && d.ended !== null && d.returned! > d.ended);
    some("status 10 with only NgayTra", (d) => d.status === 10 && d.ended === null);
    some("status 8 with only NgayTuChoi", (d) => d.status === 8 && d.ended === null);
    some("apology with a new date", (d) => d.apology !== null && d.newDue !== null);
    for (const p of [0, 1, 2]) some(`fee-bearing, paid online = ${p}`, (d) => d.fee > 0 && d.paidOnline === p);
    some("paid online without a fee", (d) => d.fee === 0 && d.paidOnline !== 0);
    for (const k of ["digitised", "reused", "fromStore", "citizenData", "eResult", "resultInStore", "synced", "vneid", "hasFeedback"] as const) {
      some(`${k} true`, (d) => d[k]);
      some(`${k} false`, (d) => !d[k]);
    }
    for (const v of [null, true, false]) some(`KetQuaDuocSoHoa ${v}`, (d) => d.resultDigitised === v);
    for (const r of [null, "rat-hai-long", "hai-long", "khong-hai-long"]) some(`rating ${r}`, (d) => d.rating === r);
    some("MucDo 4 on a direct dossier", (d) => d.channel !== 2 && d.level === 4);
    some("unknown TTHC", (d) => !records.procedures.some((p) => p.code === d.procedureCode));
    some("TTHC of another level only", (d) => records.procedures.some((p) => p.code === d.procedureCode && !p.levels.includes("xa")));
    some("no handling unit", (d) => d.unit === null);
    some("no field on the dossier", (d) => d.fieldName === null);
    some("end on the due date", (d) => d.ended !== null && d.ended === d.due);
    some("end one day after the due date", (d) => d.ended !== null && d.due !== null && Date.parse(d.ended) - Date.parse(d.due) === 86_400_000);
    some("end one day before the due date", (d) => d.ended !== null && d.due !== null && Date.parse(d.due) - Date.parse(d.ended) === 86_400_000);
    const weekend = (x: string | null) => x !== null && [0, 6].includes(new Date(`${x}T00:00:00Z`).getUTCDay());
    some("end on a weekend", (d) => weekend(d.ended));
    some("due on a weekend", (d) => weekend(d.due));
    some("accepted on a Saturday", (d) => weekend(d.accepted));
    some("still open from the first month", (d) => d.accepted! < "2025-01-01" && d.status !== 1 && d.status !== 3 && d.status < 7);
    for (const s of ["moi", "dang-xu-ly", "cho-bo-sung", "cho-cong-khai", "da-cong-khai", "tu-choi", "chuyen-di"]) {
      expect(records.feedback.some((f) => f.status === s), `PAKN ${s}`).toBe(true);
    }
    expect(records.feedback.some((f) => f.forwarded !== null), "PAKN forwarded").toBe(true);
    expect(records.feedback.some((f) => f.dossierCode !== null), "PAKN naming a dossier").toBe(true);
    expect(records.feedback.some((f) => f.supplementRequested !== null), "PAKN with a supplementation request").toBe(true);
    const month = WINDOWS["a month"];
    const inMonth = new Set(ds.filter((d) => d.accepted !== null && d.accepted >= month.from && d.accepted <= month.to).map((d) => d.code));
    expect(records.feedback.some((f) => f.dossierCode !== null && inMonth.has(f.dossierCode) && (f.received ?? f.sent) > month.to),
      "PAKN received after a window naming a dossier received in it (6.3)").toBe(true);
  });

  /** Every count, rate and index indicator; on a disagreement, the dossiers SQL and domain read differently. */
  async function expectSameFigures(window: { from: string; to: string }, filter: DossierFilter = {}, sqlFilter: SqlFilter = {}) {
    const byDomain = Object.keys(filter).length
      ? figuresOf(await loadRecords(t.db, [orgId], window), window, filter)
      : await computeFigures(t.db, [orgId], window);
    const bySql = await contractFiguresBySql(t.db, orgId, window, sqlFilter);
    if (JSON.stringify(byDomain.counts) !== JSON.stringify(bySql.counts)) {
      const loaded = await loadRecords(t.db, [orgId], window);
      const ctx = makeContext({ window, procedures: loaded.procedures });
      const domain = new Map(loaded.dossiers.map((d) => [d.code, classify(ctx, d)]));
      const differ = (await dossierReadingsBySql(t.db, orgId, window, sqlFilter))
        .filter((r) => (r.rec || r.resolved || r.pending) && domain.get(r.code) !== r.cls)
        .slice(0, 10).map((r) => `${r.code}: SQL ${r.cls} (due ${r.due_at}, E ${r.eff}), domain ${domain.get(r.code) ?? "not loaded"}`);
      expect.soft(differ, "dossiers classified differently").toEqual([]);
    }
    expect(byDomain.counts).toEqual(bySql.counts);
    expect(byDomain.rates).toEqual(bySql.rates);
    // The 766 index: numerator and denominator of every computed indicator (1.1–1.3 are external).
    const index = Object.fromEntries(byDomain.index766.groups.flatMap((g) => g.indicators).filter((i) => i.status !== "external")
      .map((i) => [i.id, { numerator: i.numerator, denominator: i.denominator }]));
    expect(index).toEqual(await indexFiguresBySql(t.db, orgId, window, sqlFilter));
    return bySql;
  }

  for (const [name, window] of Object.entries(WINDOWS)) {
    it(`every count, rate and index indicator agrees: ${name} (${window.from} – ${window.to})`, async () => {
      const f = await expectSameFigures(window);
      const c = f.counts;
      expect(c.handled).toBe(c.resolved.total + c.pending.total);
      expect(c.feedback.received).toBe(c.feedback.resolved_on_time + c.feedback.resolved_late + c.feedback.pending_within_time + c.feedback.pending_overdue);
      if (name === "a month" || name === "a year" || name.startsWith("mid-stream")) {
        // The window sees real traffic of every kind, not just zeros.
        for (const v of [c.received.online, c.received.direct, c.received.post, c.carried_over, c.resolved.early, c.resolved.on_time, c.resolved.late,
          c.pending.within_time, c.pending.overdue, c.withdrawn, c.stopped, c.refused_at_intake, c.apology_letters,
          c.feedback.resolved_on_time, c.feedback.resolved_late, c.feedback.about_procedures, c.feedback.about_staff]) expect(v).toBeGreaterThan(0);
      }
      if (name === "a year") expect(c.waiting_supplement + c.not_yet_accepted + c.feedback.pending_within_time + c.feedback.pending_overdue).toBeGreaterThan(0);
      if (name === "a month before any record") expect(f.rates.on_time.rate).toBeNull();
    });
  }

  it("a unit filter agrees (year and quarter)", async () => {
    for (const window of [WINDOWS["a year"], WINDOWS["a quarter"]]) {
      const f = await expectSameFigures(window, { unit: "phong kinh te" }, { unit: UNITS.economy });
      expect(f.counts.received.total).toBeGreaterThan(0);
      expect(f.counts.received.total).toBeLessThan((await contractFiguresBySql(t.db, orgId, window)).counts.received.total);
    }
  });

  it("a field filter agrees, the catalogue's field standing in for an empty one (year and month)", async () => {
    for (const window of [WINDOWS["a year"], WINDOWS["a month"]]) {
      const f = await expectSameFigures(window, { fieldName: "HO TICH" }, { fieldName: "Hộ tịch" });
      expect(f.counts.received.total).toBeGreaterThan(0);
    }
    expect(records.dossiers.some((d) => d.fieldName === null && d.procedureCode === "1.001193")).toBe(true);
  });
});
