import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { monthPeriod } from "../periods.js";
import { type Context, addWorkingDays, classify, computeCounts, computeRates, dueFromLimit, feedbackOutcome, filterDossiers, isUnsatisfiedFeedback, toWindow, workingDaysBetween } from "./compute.js";
import { dossier, feedback, procedure } from "./fixtures.test-helpers.js";
import { percent, round2, frac } from "./ratio.js";
import type { Dossier, Procedure } from "./types.js";

const W = { from: "2026-03-01", to: "2026-03-31" };
const ctx = (over: Partial<Context> = {}, procs: Procedure[] = []): Context => ({
  window: W, procedures: new Map(procs.map((p) => [p.code, p])), settings: { apology_moves_due_date: false }, calendar: { holidays: new Set() }, ...over,
});
const all = (ds: Dossier[], c = ctx()) => { const counts = computeCounts(c, ds, []); return { counts, rates: computeRates(c, ds, counts) }; };

describe("rounding", () => {
  it("rounds half away from zero from the exact value", () => {
    expect(percent(2, 3)).toBe(66.67);
    expect(percent(1, 8)).toBe(12.5);
    expect(round2(frac(1, 200))).toBe(0.01);
    expect(round2(frac(-1, 200))).toBe(-0.01);
    expect(percent(1, 0)).toBeNull();
  });
});

describe("windows and working days", () => {
  it("takes a Period or a range", () => {
    expect(toWindow(monthPeriod(2026, 3))).toEqual(W);
    expect(toWindow(W)).toEqual(W);
  });
  it("counts working days after a up to b", () => {
    expect(workingDaysBetween("2026-03-05", "2026-03-12")).toBe(5);
    expect(workingDaysBetween("2026-03-02", "2026-03-27")).toBe(19);
    expect(workingDaysBetween("2026-03-06", "2026-03-09", { holidays: new Set(["2026-03-09"]) })).toBe(0);
    expect(addWorkingDays("2026-03-06", 1)).toBe("2026-03-09");
  });
  it("computes a due date from a legal time limit", () => {
    expect(dueFromLimit("2026-03-06", 2, "ngay-lam-viec")).toBe("2026-03-10");
    expect(dueFromLimit("2026-03-06", 9, "gio")).toBe("2026-03-10");
    expect(dueFromLimit("2026-03-06", 3, "ngay")).toBe("2026-03-09");
    expect(dueFromLimit("2026-01-31", 1, "thang")).toBe("2026-02-28");
  });
});

describe("classification", () => {
  const c = ctx();
  it("early, on time, late by calendar date", () => {
    expect(classify(c, dossier({ status: 10, ended: "2026-03-09" }))).toBe("early");
    expect(classify(c, dossier({ status: 10, ended: "2026-03-10" }))).toBe("on_time");
    expect(classify(c, dossier({ status: 10, ended: "2026-03-11" }))).toBe("late");
  });
  it("status 10 falls back to NgayTra, 8 to NgayTuChoi; ends after `to` have not happened", () => {
    expect(classify(c, dossier({ status: 10, returned: "2026-03-12" }))).toBe("late");
    expect(classify(c, dossier({ status: 8, refused: "2026-03-05" }))).toBe("early");
    expect(classify(c, dossier({ status: 10, ended: "2026-04-02", due: "2026-04-05" }))).toBe("within_time");
  });
  it("in process: within time or overdue at `to`", () => {
    expect(classify(c, dossier({ due: "2026-03-31" }))).toBe("within_time");
    expect(classify(c, dossier({ due: "2026-03-30" }))).toBe("overdue");
  });
  it("supplementation stops or shifts the clock; two rounds are late", () => {
    expect(classify(c, dossier({ due: "2026-03-10", supplementCount: 1, supplementRequested: "2026-03-09" }))).toBe("within_time");
    expect(classify(c, dossier({ status: 10, ended: "2026-03-15", due: "2026-03-10", supplementCount: 1, supplementRequested: "2026-03-05", supplementReturned: "2026-03-10" }))).toBe("on_time");
    expect(classify(c, dossier({ status: 10, ended: "2026-03-05", supplementCount: 2, supplementRequested: "2026-03-03", supplementReturned: "2026-03-04" }))).toBe("late");
    expect(classify(c, dossier({ supplementCount: 2, supplementRequested: "2026-03-03" }))).toBe("overdue");
  });
  it("apology keeps the original due date unless the setting says otherwise", () => {
    const d = dossier({ status: 10, ended: "2026-03-16", due: "2026-03-12", apology: "2026-03-11", newDue: "2026-03-16" });
    expect(classify(c, d)).toBe("late");
    expect(classify(ctx({ settings: { apology_moves_due_date: true } }), d)).toBe("on_time");
  });
  it("no due date: from the dossier's or TTHC's time limit, else no fixed term", () => {
    expect(classify(c, dossier({ due: null, status: 10, ended: "2026-03-30" }))).toBe("on_time");
    expect(classify(c, dossier({ due: null }))).toBe("within_time");
    expect(classify(c, dossier({ due: null, timeLimit: 2, timeUnit: "ngay-lam-viec", status: 10, ended: "2026-03-05" }))).toBe("late");
    const withLimit = ctx({}, [procedure({ code: "P", timeLimit: 5, timeUnit: "ngay" })]);
    expect(classify(withLimit, dossier({ due: null, status: 10, ended: "2026-03-07" }))).toBe("on_time");
  });
});

describe("counts", () => {
  it("received by channel, carried over, resolved/pending add up to handled", () => {
    const ds = [
      dossier({ code: "a", channel: 2 }),
      dossier({ code: "b", channel: 3, status: 10, ended: "2026-03-05" }),
      dossier({ code: "c", accepted: "2026-02-20", due: "2026-02-25" }),
      dossier({ code: "d", accepted: "2026-02-20", status: 10, ended: "2026-02-27" }),
      dossier({ code: "e", status: 7, ended: "2026-03-03" }),
      dossier({ code: "f", status: 8, refused: "2026-03-04" }),
      dossier({ code: "g", status: 3, accepted: null, submitted: "2026-03-04" }),
      dossier({ code: "h", status: 1, accepted: null, submitted: "2026-03-05" }),
      dossier({ code: "i", apology: "2026-03-08", newDue: "2026-03-12" }),
      dossier({ code: "j", supplementCount: 1, supplementRequested: "2026-03-05" }),
    ];
    const { counts } = all(ds);
    expect(counts.received).toEqual({ total: 6, online: 1, direct: 4, post: 1 });
    expect(counts.carried_over).toBe(1);
    expect(counts.handled).toBe(7);
    expect(counts.resolved.total + counts.pending.total).toBe(counts.handled);
    expect(counts.resolved).toEqual({ total: 3, early: 3, on_time: 0, late: 0 });
    expect(counts.pending).toEqual({ total: 4, within_time: 1, overdue: 3 });
    expect(counts.withdrawn).toBe(1);
    expect(counts.stopped).toBe(1);
    expect(counts.refused_at_intake).toBe(1);
    expect(counts.not_yet_accepted).toBe(1);
    expect(counts.apology_letters).toBe(1);
    expect(counts.waiting_supplement).toBe(1);
  });
});

describe("rates", () => {
  it("online, fully online, eligible, payment, digitisation, e-results, re-use, satisfaction", () => {
    const procs = [procedure({ code: "E", eligibleFullyOnline: true }), procedure({ code: "N", writtenResult: false })];
    const ds = [
      dossier({ code: "1", procedureCode: "E", channel: 2, level: 4, status: 10, ended: "2026-03-05", eResult: true, digitised: true, reused: true, rating: "hai-long", fee: 1000, paidOnline: 2 }),
      dossier({ code: "2", procedureCode: "E", channel: 2, level: 3, status: 9, ended: "2026-03-05", resultDigitised: true, fee: 1000, rating: "khong-hai-long" }),
      dossier({ code: "3", procedureCode: "N", channel: 1, level: 4, status: 10, ended: "2026-03-05", rating: "rat-hai-long" }),
      dossier({ code: "4", procedureCode: "X", status: 7, ended: "2026-03-05" }),
    ];
    const { rates } = all(ds, ctx({}, procs));
    expect(rates.online_submission).toEqual({ numerator: 2, denominator: 4, rate: 50 });
    expect(rates.fully_online).toEqual({ numerator: 1, denominator: 4, rate: 25 });
    expect(rates.fully_online_eligible).toEqual({ numerator: 1, denominator: 2, rate: 50 });
    expect(rates.online_payment).toEqual({ numerator: 1, denominator: 2, rate: 50 });
    expect(rates.digitised_dossiers.numerator).toBe(1);
    expect(rates.e_results).toEqual({ numerator: 1, denominator: 2, rate: 50 });
    expect(rates.digitised_results).toEqual({ numerator: 2, denominator: 2, rate: 100 });
    expect(rates.reuse.rate).toBe(25);
    expect(rates.satisfaction).toEqual({ numerator: 2, denominator: 3, rate: 66.67 });
    expect(rates.on_time).toEqual({ numerator: 4, denominator: 4, rate: 100 });
  });
  it("empty denominators give null", () => {
    const { rates } = all([]);
    expect(rates.on_time.rate).toBeNull();
    expect(rates.satisfaction).toEqual({ numerator: 0, denominator: 0, rate: null });
  });
  it("filters by unit and field", () => {
    const ds = [dossier({ code: "1", unit: "UBND xã A", fieldName: "Hộ tịch" }), dossier({ code: "2", unit: "UBND xã B" })];
    expect(filterDossiers(ds, { unit: "ubnd xa a" }).map((d) => d.code)).toEqual(["1"]);
    expect(filterDossiers(ds, { fieldName: "HO TICH" }).map((d) => d.code)).toEqual(["1"]);
    expect(filterDossiers(ds, {}).length).toBe(2);
    const coded = [...ds, dossier({ code: "3", fieldCode: "G09-HT" })];
    expect(filterDossiers(coded, { field: "g09-ht" }).map((d) => d.code), "a field row labelled by its code filters by it").toEqual(["3"]);
    expect(filterDossiers(coded, { field: "Hộ tịch" }).map((d) => d.code)).toEqual(["1"]);
  });
});

describe("feedback", () => {
  const to = "2026-03-31";
  it("refusal within 2 working days", () => {
    expect(feedbackOutcome(feedback({ status: "tu-choi", sent: "2026-03-02", refused: "2026-03-04" }), to)).toBe("resolved_on_time");
    expect(feedbackOutcome(feedback({ status: "chuyen-di", sent: "2026-03-02", refused: "2026-03-05" }), to)).toBe("resolved_late");
  });
  it("handled within 15, request within 5, publication within 2; forwarded date restarts the clock", () => {
    expect(feedbackOutcome(feedback({ status: "da-cong-khai", sent: "2026-03-05", awaitingPublication: "2026-03-12", published: "2026-03-13" }), to)).toBe("resolved_on_time");
    expect(feedbackOutcome(feedback({ status: "da-cong-khai", sent: "2026-03-02", awaitingPublication: "2026-03-27", published: "2026-03-30" }), to)).toBe("resolved_late");
    expect(feedbackOutcome(feedback({ status: "da-cong-khai", sent: "2026-03-02", forwarded: "2026-03-10", awaitingPublication: "2026-03-27", published: "2026-03-30" }), to)).toBe("resolved_on_time");
    expect(feedbackOutcome(feedback({ status: "cho-cong-khai", sent: "2026-03-02", awaitingPublication: "2026-03-05" }), to)).toBe("resolved_late");
    expect(feedbackOutcome(feedback({ status: "cho-cong-khai", sent: "2026-03-02", supplementRequested: "2026-03-12", awaitingPublication: "2026-03-13" }), "2026-03-13")).toBe("resolved_late");
  });
  it("pending within 15 working days", () => {
    expect(feedbackOutcome(feedback({ sent: "2026-03-20" }), to)).toBe("pending_within_time");
    expect(feedbackOutcome(feedback({ sent: "2026-03-02" }), to)).toBe("pending_overdue");
  });
  it("unsatisfied: dislikes, late, re-complaint", () => {
    const ok = { status: "tu-choi" as const, refused: "2026-03-03" };
    expect(isUnsatisfiedFeedback(feedback(ok), to)).toBe(false);
    expect(isUnsatisfiedFeedback(feedback({ ...ok, dislikes: 2, likes: 1 }), to)).toBe(true);
    expect(isUnsatisfiedFeedback(feedback({ ...ok, complainedAgain: true }), to)).toBe(true);
    const counts = computeCounts(ctx(), [], [feedback({ code: "1", ...ok, category: "quy-dinh" }), feedback({ code: "2", received: "2026-04-01" })]);
    expect(counts.feedback.received).toBe(1);
    expect(counts.feedback.about_procedures).toBe(1);
  });
});

const isoDay = fc.integer({ min: 0, max: 89 }).map((n) => new Date(Date.UTC(2026, 1, 1) + n * 86_400_000).toISOString().slice(0, 10));
const arbDossier = fc.record({
  status: fc.constantFrom(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10) as fc.Arbitrary<Dossier["status"]>,
  accepted: isoDay, due: fc.option(isoDay), ended: fc.option(isoDay), channel: fc.constantFrom(1, 2, 3) as fc.Arbitrary<1 | 2 | 3>,
  fee: fc.constantFrom(0, 1000), paidOnline: fc.constantFrom(0, 1, 2) as fc.Arbitrary<0 | 1 | 2>, digitised: fc.boolean(), reused: fc.boolean(),
  eResult: fc.boolean(), rating: fc.constantFrom(null, "hai-long", "khong-hai-long") as fc.Arbitrary<Dossier["rating"]>,
  supplementRequested: fc.option(isoDay), supplementCount: fc.integer({ min: 0, max: 3 }),
}).map((r) => dossier({ ...r, submitted: r.accepted, refused: r.ended, ended: r.status >= 7 && r.ended === null ? r.accepted : r.ended }));

describe("property", () => {
  it("every rate is within [0, 100] or null; counts add up", () => {
    fc.assert(fc.property(fc.array(arbDossier, { maxLength: 30 }), (ds) => {
      const uniq = ds.map((d, i) => ({ ...d, code: `D${i}` }));
      const { counts, rates } = all(uniq);
      for (const r of Object.values(rates)) {
        if (r.rate === null) expect(r.denominator).toBe(0);
        else { expect(r.rate).toBeGreaterThanOrEqual(0); expect(r.rate).toBeLessThanOrEqual(100); }
      }
      expect(counts.received.online + counts.received.direct + counts.received.post).toBe(counts.received.total);
      expect(counts.resolved.early + counts.resolved.on_time + counts.resolved.late).toBe(counts.resolved.total);
      expect(counts.pending.within_time + counts.pending.overdue).toBe(counts.pending.total);
    }));
  });
});
