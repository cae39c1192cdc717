import { describe, expect, it } from "vitest";
import { TARGET_OPS, targetLight, targetMet } from "./targets.js";

describe("whether a target is met", () => {
  it("compares with each operator at, above and below the target", () => {
    const cases: Array<[(typeof TARGET_OPS)[number], [number, boolean][]]> = [
      [">=", [[98, true], [98.1, true], [97.9, false]]],
      [">", [[98, false], [98.1, true], [97.9, false]]],
      ["<=", [[98, true], [98.1, false], [97.9, true]]],
      ["<", [[98, false], [98.1, false], [97.9, true]]],
      ["=", [[98, true], [98.1, false], [97.9, false]]],
    ];
    expect(cases.map(([op]) => op)).toEqual([...TARGET_OPS]);
    for (const [op, values] of cases) for (const [value, met] of values) expect(targetMet(op, 98, value), `${value} ${op} 98`).toBe(met);
  });

  it("reads a target without an operator as 'at least'", () => {
    expect(targetMet(null, 90, 90)).toBe(true);
    expect(targetMet(null, 90, 89.9)).toBe(false);
  });

  it("is unknown when the value or the target is missing", () => {
    expect(targetMet(">=", 90, null)).toBeNull();
    expect(targetMet(">=", null, 95)).toBeNull();
    expect(targetMet(null, null, null)).toBeNull();
  });

  it("handles 100% and zero targets", () => {
    expect(targetMet("=", 100, 100)).toBe(true);
    expect(targetMet("=", 100, 99.9)).toBe(false);
    expect(targetMet("<=", 0, 0)).toBe(true);
    expect(targetMet("<=", 0, 1)).toBe(false);
  });
});

describe("targetLight", () => {
  const base = { op: ">=" as const, target: 98, year: 2026, today: "2026-06-15" };
  it("is met when the year to date and the latest month meet the target", () => {
    const r = targetLight({ ...base, values: [{ period: "2026-04", value: 99 }, { period: "2026-05", value: 98.5 }, { period: "2026", value: 98.7 }] });
    expect(r).toEqual({ light: "met", value: 98.7, period: "2026", trend: [{ period: "2026-04", value: 99 }, { period: "2026-05", value: 98.5 }] });
  });
  it("is at risk when the latest month falls short, even if the year still meets it", () => {
    expect(targetLight({ ...base, values: [{ period: "2026-04", value: 100 }, { period: "2026-05", value: 90 }, { period: "2026", value: 98.2 }] }).light).toBe("at_risk");
  });
  it("is at risk when the year to date falls short before the year is over, missed after", () => {
    const values = [{ period: "2026-05", value: 99 }, { period: "2026", value: 97 }];
    expect(targetLight({ ...base, values }).light).toBe("at_risk");
    expect(targetLight({ ...base, values, today: "2027-01-02" }).light).toBe("missed");
    expect(targetLight({ ...base, values: [{ period: "2026", value: 99 }], today: "2027-01-02" }).light).toBe("met");
  });
  it("has no light without a value or a numeric target", () => {
    expect(targetLight({ ...base, values: [] }).light).toBe("no_data");
    expect(targetLight({ ...base, target: null, values: [{ period: "2026", value: 99 }] }).light).toBe("no_data");
  });
  it("judges the latest value when no year value is recorded (manual targets)", () => {
    expect(targetLight({ ...base, op: "<=", target: 5, values: [{ period: "2026-Q1", value: 3 }] })).toMatchObject({ light: "met", value: 3, period: "2026-Q1" });
  });
});

describe("targetLight and the month under way", () => {
  it("judges the last completed month, not the first days of the current one", () => {
    const values = [{ period: "2026-11", value: 99 }, { period: "2026-12", value: 50 }, { period: "2026", value: 98.5 }];
    expect(targetLight({ op: ">=", target: 98, values, year: 2026, today: "2026-12-01" }).light).toBe("met");
    expect(targetLight({ op: ">=", target: 98, values: values.slice(1), year: 2026, today: "2026-12-01" }).light).toBe("at_risk");
  });
});
