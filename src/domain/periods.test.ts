import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { addDays } from "./dates.js";
import { halfPeriod, monthPeriod, periodByKey, periodContaining, periodsBetween, periodsOfYear, quarterPeriod, yearPeriod, type PeriodKind } from "./periods.js";

describe("periods", () => {
  it("names months, quarters, halves and years as on Vietnamese reports", () => {
    expect(monthPeriod(2024, 2)).toEqual({ key: "2024-02", kind: "month", start: "2024-02-01", end: "2024-02-29", label: "Tháng 2/2024" });
    expect(monthPeriod(2025, 2).end).toBe("2025-02-28");
    expect(monthPeriod(2026, 4).end).toBe("2026-04-30");
    expect(quarterPeriod(2026, 1)).toEqual({ key: "2026-Q1", kind: "quarter", start: "2026-01-01", end: "2026-03-31", label: "Quý I/2026" });
    expect(quarterPeriod(2026, 2).label).toBe("Quý II/2026");
    expect(quarterPeriod(2026, 2).end).toBe("2026-06-30");
    expect(quarterPeriod(2026, 3).label).toBe("Quý III/2026");
    expect(quarterPeriod(2026, 4)).toMatchObject({ start: "2026-10-01", end: "2026-12-31", label: "Quý IV/2026" });
    expect(halfPeriod(2026, 1)).toMatchObject({ key: "2026-H1", start: "2026-01-01", end: "2026-06-30", label: "6 tháng đầu năm 2026" });
    expect(halfPeriod(2026, 2)).toMatchObject({ key: "2026-H2", start: "2026-07-01", end: "2026-12-31", label: "6 tháng cuối năm 2026" });
    expect(yearPeriod(2026)).toMatchObject({ key: "2026", start: "2026-01-01", end: "2026-12-31", label: "Năm 2026" });
  });

  it("lists the periods of a year in order", () => {
    expect(periodsOfYear("month", 2026).map((p) => p.key)).toEqual(Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, "0")}`));
    expect(periodsOfYear("quarter", 2026).map((p) => p.label)).toEqual(["Quý I/2026", "Quý II/2026", "Quý III/2026", "Quý IV/2026"]);
    expect(periodsOfYear("half", 2026).map((p) => p.key)).toEqual(["2026-H1", "2026-H2"]);
    expect(periodsOfYear("year", 2026).map((p) => p.key)).toEqual(["2026"]);
  });

  it("finds the period a date falls in", () => {
    expect(periodContaining("month", "2024-02-29").key).toBe("2024-02");
    expect(periodContaining("quarter", "2026-03-31").key).toBe("2026-Q1");
    expect(periodContaining("quarter", "2026-04-01").key).toBe("2026-Q2");
    expect(periodContaining("half", "2026-06-30").key).toBe("2026-H1");
    expect(periodContaining("half", "2026-07-01").key).toBe("2026-H2");
    expect(periodContaining("year", "2026-12-31").key).toBe("2026");
  });

  it("reads period keys and refuses what is not one", () => {
    expect(periodByKey("2024-02")?.end).toBe("2024-02-29");
    expect(periodByKey("2026-Q3")?.label).toBe("Quý III/2026");
    expect(periodByKey("2026-H2")?.start).toBe("2026-07-01");
    expect(periodByKey("2026")?.label).toBe("Năm 2026");
    for (const bad of ["2026-13", "2026-00", "2026-Q5", "2026-Q0", "2026-H3", "26-01", "2026-1", "Quý I/2026", ""]) expect(periodByKey(bad)).toBeNull();
  });

  it("lists the periods overlapping a date range, partial ones included", () => {
    expect(periodsBetween("month", "2026-01-15", "2026-04-02").map((p) => p.key)).toEqual(["2026-01", "2026-02", "2026-03", "2026-04"]);
    expect(periodsBetween("quarter", "2025-11-20", "2026-02-01").map((p) => p.label)).toEqual(["Quý IV/2025", "Quý I/2026"]);
    expect(periodsBetween("quarter", "2026-01-15", "2026-12-31").map((p) => p.key)).toEqual(["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]);
    expect(periodsBetween("month", "2026-03-10", "2026-03-10").map((p) => p.key)).toEqual(["2026-03"]);
    expect(periodsBetween("half", "2026-06-30", "2026-07-01").map((p) => p.key)).toEqual(["2026-H1", "2026-H2"]);
    expect(periodsBetween("month", "2026-05-01", "2026-04-30")).toEqual([]);
  });

  it("property: periodsBetween covers every day of the range exactly once", () => {
    const kind = fc.constantFrom<PeriodKind>("month", "quarter", "half", "year");
    const start = fc.date({ min: new Date("1990-01-01T00:00:00Z"), max: new Date("2150-12-31T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(fc.property(kind, start, fc.integer({ min: 0, max: 500 }), (k, from, length) => {
      const to = addDays(from, length);
      const periods = periodsBetween(k, from, to);
      expect(periods[0].start <= from).toBe(true);
      expect(periods.at(-1)!.end >= to).toBe(true);
      for (let i = 1; i < periods.length; i++) expect(periods[i].start).toBe(addDays(periods[i - 1].end, 1));
      // Every day of the range lies in exactly one of the periods.
      for (let d = from; d <= to; d = addDays(d, 1)) {
        expect(periods.filter((p) => p.start <= d && d <= p.end)).toHaveLength(1);
      }
      // And every period overlaps the range.
      for (const p of periods) expect(p.start <= to && p.end >= from).toBe(true);
    }), { numRuns: 80 });
  });

  it("property: a period's key leads back to the same period", () => {
    const kind = fc.constantFrom<PeriodKind>("month", "quarter", "half", "year");
    const day = fc.date({ min: new Date("1990-01-01T00:00:00Z"), max: new Date("2150-12-31T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(fc.property(kind, day, (k, d) => {
      const p = periodContaining(k, d);
      expect(p.start <= d && d <= p.end).toBe(true);
      expect(periodByKey(p.key)).toEqual(p);
    }));
  });
});
