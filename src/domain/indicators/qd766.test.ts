import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseCsv, readDossierGrid, readFeedbackGrid, readProcedureGrid } from "../../import/dossiers/index.js";
import { computeCounts, computeRates } from "./compute.js";
import { DEFAULT_SETTINGS, INDICATORS, type Index766Input, type Settings766, computeIndex766, makeContext, scorePoints } from "./qd766.js";
import { dossier, feedback, procedure } from "./fixtures.test-helpers.js";
import { frac, round2 } from "./ratio.js";

const dir = new URL("../../../fixtures/indicators/", import.meta.url);
const grid = (name: string) => parseCsv(readFileSync(new URL(name, dir), "utf8"));
const example = {
  window: { from: "2026-03-01", to: "2026-03-31" },
  dossiers: readDossierGrid(grid("hoso.csv"), "hoso.csv").records,
  procedures: readProcedureGrid(grid("thutuc.csv"), "thutuc.csv").records,
  feedback: readFeedbackGrid(grid("pakn.csv"), "pakn.csv").records,
};
const run = (settings: Partial<Settings766> = {}, over: Partial<Index766Input> = {}) => computeIndex766({ ...example, settings, ...over });
const points = (ix: ReturnType<typeof run>) => Object.fromEntries(ix.groups.flatMap((g) => g.indicators.map((i) => [i.id, i.points])));

describe("Decision 766 tree", () => {
  it("groups sum to 100 and each group max is the sum of its indicators", () => {
    const ix = run();
    expect(ix.groups.reduce((s, g) => s + g.max, 0)).toBe(100);
    for (const g of ix.groups) expect(g.indicators.reduce((s, i) => s + i.max, 0)).toBe(g.max);
    expect(INDICATORS.length).toBe(21);
  });
  it("scores linear and threshold from the exact ratio", () => {
    expect(round2(scorePoints(2, { mode: "threshold", at: 0.8 }, frac(2, 3)))).toBe(1.67);
    expect(round2(scorePoints(2, { mode: "threshold", at: 0.8 }, frac(9, 10)))).toBe(2);
    expect(round2(scorePoints(6, { mode: "linear" }, frac(8, 9)))).toBe(5.33);
  });
});

describe("worked example (reference §9), to the hundredth", () => {
  const ix = run();
  it("indicator points", () => {
    expect(points(ix)).toEqual({
      "1.1": 6, "1.2": 4, "1.3": 2, "1.4": 5.33, "2.1": 15.56, "3.1": 2, "3.2": 1.11, "3.3": 6, "4.a": 1.5, "4.b": 1.67, "4.c": 4,
      "5.1": 4, "5.2": 2.67, "5.3": 2, "5.4": 0.83, "5.5": 1.78, "5.6": 1.11, "5.7": 1.67, "6.1": 3, "6.2": 3, "6.3": 5.19,
    });
  });
  it("groups, total and class", () => {
    expect(ix.groups.map((g) => g.points)).toEqual([17.33, 15.56, 9.11, 7.17, 14.06, 11.19]);
    expect(ix.total).toBe(74.41);
    expect(ix.class).toBe("Khá");
  });
  it("rates and fractions of each indicator", () => {
    const byId = Object.fromEntries(ix.groups.flatMap((g) => g.indicators).map((i) => [i.id, i]));
    expect(byId["3.2"]).toMatchObject({ numerator: 5, denominator: 18, rate: 27.78, status: "computed" });
    expect(byId["5.7"]).toMatchObject({ numerator: 15, denominator: 18, rate: 83.33 });
    expect(byId["6.3"]).toMatchObject({ numerator: 7, denominator: 9, rate: 77.78 });
    expect(byId["1.1"]).toMatchObject({ numerator: null, rate: 100, status: "external" });
  });
  it("plain counts and rates (§9.4)", () => {
    const ctx = makeContext({ window: example.window, procedures: example.procedures, settings: DEFAULT_SETTINGS });
    const c = computeCounts(ctx, example.dossiers, example.feedback);
    const r = computeRates(ctx, example.dossiers, c);
    expect(c.received).toEqual({ total: 9, online: 5, direct: 3, post: 1 });
    expect(c.resolved).toEqual({ total: 6, early: 1, on_time: 4, late: 1 });
    expect(c.pending).toEqual({ total: 3, within_time: 2, overdue: 1 });
    expect([c.refused_at_intake, c.apology_letters, c.waiting_supplement, c.carried_over]).toEqual([1, 1, 1, 0]);
    expect([r.on_time.rate, r.online_submission.rate, r.fully_online.rate, r.fully_online_eligible.rate, r.online_payment.rate]).toEqual([83.33, 55.56, 33.33, 60, 66.67]);
    expect([r.digitised_dossiers.rate, r.digitised_results.rate, r.e_results.rate, r.reuse.rate, r.feedback_on_time.rate, r.satisfaction.rate]).toEqual([88.89, 66.67, 66.67, 33.33, 50, 66.67]);
  });
  it("other settings (§9.5)", () => {
    expect(run({ apology_moves_due_date: true })).toMatchObject({ total: 76.63 });
    expect(points(run({ apology_moves_due_date: true }))["2.1"]).toBe(17.78);
    expect(run({ online_share_times_sync_rate: true }).total).toBe(74.33);
    expect(points(run({ online_share_times_sync_rate: true }))["3.3"]).toBe(5.93);
    expect(run({ e_result_basis: "all" }).total).toBe(73.07);
    expect(run({ digitisation_scoring: "threshold" }).total).toBe(75.07);
    expect(run({ province_only_rows: "full" }).total).toBe(75.63);
    expect(run({ progress_basis: "handled" }).total).toBe(74.41);
  });
  it("profile qd766-2022 regroups the same points", () => {
    const ix22 = run({ profile: "qd766-2022" });
    expect(ix22.groups.map((g) => g.points)).toEqual([17.33, 15.56, 14.06, 16.28, 11.19]);
    expect(ix22.total).toBe(74.41);
  });
});

describe("edge rules of the index", () => {
  const w = { from: "2026-03-01", to: "2026-03-31" };
  it("no procedures file: catalogue rows are no_input", () => {
    const ix = computeIndex766({ window: w, dossiers: [dossier()], procedures: null, feedback: [] });
    const s = Object.fromEntries(ix.groups.flatMap((g) => g.indicators).map((i) => [i.id, i.status]));
    for (const id of ["3.1", "3.2", "4.a", "5.3", "5.7"]) expect(s[id]).toBe("no_input");
  });
  it("empty denominators: 6.1 and 6.2 full, others 0 with rate null", () => {
    const ix = computeIndex766({ window: w, dossiers: [], procedures: [procedure()], feedback: [] });
    const by = Object.fromEntries(ix.groups.flatMap((g) => g.indicators).map((i) => [i.id, i]));
    expect(by["6.1"]).toMatchObject({ points: 6, status: "empty", rate: null });
    expect(by["6.2"]).toMatchObject({ points: 6, status: "empty" });
    expect(by["6.3"]).toMatchObject({ points: 0, status: "empty" });
    expect(by["4.c"]).toMatchObject({ points: 0, rate: null });
    expect(ix.total).toBe(24);
    expect(ix.class).toBe("Yếu");
  });
  it("6.3 counts a dossier named by a PAKN once; procedures outside cấp xã are left out", () => {
    const ds = [dossier({ code: "A", due: "2026-03-31", rating: "khong-hai-long" }), dossier({ code: "B", due: "2026-03-31" })];
    const ix = computeIndex766({ window: w, dossiers: ds, procedures: [procedure({ code: "Q", levels: ["tinh"] })], feedback: [feedback({ dossierCode: "A" }), feedback({ code: "G", dossierCode: "B", sent: "2026-03-25" })] });
    const by = Object.fromEntries(ix.groups.flatMap((g) => g.indicators).map((i) => [i.id, i]));
    expect(by["6.3"]).toMatchObject({ numerator: 0, denominator: 2 });
    expect(by["3.1"]).toMatchObject({ denominator: 0, status: "empty" });
  });
});
