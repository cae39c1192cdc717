import { describe, expect, it } from "vitest";
import { TARGET_OPS, targetMet } from "./targets.js";

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
