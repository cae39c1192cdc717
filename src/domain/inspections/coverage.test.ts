import { describe, expect, it } from "vitest";
import {
  coverageOf, findingDisplayStatus, findingTransition, inspectionFigures, inspectionStatus, matchesStatusFilter, tallyFindings, teamLead,
  type FindingFacts,
} from "./coverage.js";

const units = ["u1", "u2", "u3", "u4", "u5", "u6", "u7", "u8"];
const visit = (unitId: string, conductedOn: string | null = null) => ({ unitId, conductedOn });

describe("coverage of a year's inspection plan", () => {
  it("counts distinct units planned and inspected, in % with 2 decimals", () => {
    const c = coverageOf({ unitIds: units.slice(0, 6), targetShare: 50, inspections: [visit("u1", "2027-03-12"), visit("u2", "2027-04-16"), visit("u3"), visit("u3")] }, "2027-06-15");
    expect(c).toEqual({ unitsTotal: 6, unitsPlanned: 3, unitsInspected: 2, plannedShare: 50, inspectedShare: 33.33, targetShare: 50, met: false, missingToTarget: 1 });
  });

  it("is met exactly at the target share, and one unit short is not", () => {
    const four = units.slice(0, 4).map((u) => visit(u, "2027-03-01"));
    expect(coverageOf({ unitIds: units, targetShare: 50, inspections: four }, "2027-06-15")).toMatchObject({ inspectedShare: 50, met: true, missingToTarget: 0 });
    expect(coverageOf({ unitIds: units, targetShare: 50, inspections: four.slice(0, 3) }, "2027-06-15")).toMatchObject({ inspectedShare: 37.5, met: false, missingToTarget: 1 });
    // A third of three units is the 33.33 % a plan writes, not a hair short of it.
    expect(coverageOf({ unitIds: ["a", "b", "c"], targetShare: 33.33, inspections: [visit("a", "2027-03-01")] }, "2027-06-15")).toMatchObject({ inspectedShare: 33.33, met: true, missingToTarget: 0 });
  });

  it("counts an inspection only once it took place by the cut date", () => {
    const input = { unitIds: units, targetShare: 25, inspections: [visit("u1", "2027-03-12"), visit("u2", "2027-06-16")] };
    expect(coverageOf(input, "2027-06-15")).toMatchObject({ unitsPlanned: 2, unitsInspected: 1, missingToTarget: 1, met: false });
    expect(coverageOf(input, "2027-06-16")).toMatchObject({ unitsInspected: 2, missingToTarget: 0, met: true });
  });

  it("leaves out inspections of units that coverage does not count", () => {
    const c = coverageOf({ unitIds: ["u1", "u2"], targetShare: 50, inspections: [visit("mass-organisation", "2027-03-01")] }, "2027-06-15");
    expect(c).toMatchObject({ unitsPlanned: 0, unitsInspected: 0, inspectedShare: 0 });
  });

  it("with no unit to inspect, shows 0 % and judges nothing", () => {
    expect(coverageOf({ unitIds: [], targetShare: 50, inspections: [] }, "2027-06-15"))
      .toEqual({ unitsTotal: 0, unitsPlanned: 0, unitsInspected: 0, plannedShare: 0, inspectedShare: 0, targetShare: 50, met: null, missingToTarget: 0 });
  });

  it("without a plan has no target and no verdict", () => {
    expect(coverageOf({ unitIds: units, targetShare: null, inspections: [] }, "2027-06-15")).toMatchObject({ targetShare: null, met: null, missingToTarget: 0 });
  });
});

describe("inspection status", () => {
  it("is done once conducted, overdue the day after its planned window, planned before", () => {
    expect(inspectionStatus({ conductedOn: "2027-03-20", plannedTo: "2027-03-14" }, "2027-06-15")).toBe("done");
    expect(inspectionStatus({ conductedOn: null, plannedTo: "2027-06-15" }, "2027-06-15")).toBe("planned");
    expect(inspectionStatus({ conductedOn: null, plannedTo: "2027-06-14" }, "2027-06-15")).toBe("overdue");
  });
});

describe("the head of the inspection team", () => {
  it("is the member written as head of the team, by name, else the first member", () => {
    expect(teamLead(["Nguyễn Thị Lan – Công chức Văn phòng – Thống kê, thành viên", "Võ Minh Chính – Chủ tịch UBND xã, Trưởng đoàn"])).toBe("Võ Minh Chính");
    expect(teamLead(["Trần Văn Hùng – Phó Tổ trưởng", "Phạm Văn Nam, Tổ trưởng"])).toBe("Phạm Văn Nam");
    expect(teamLead(["Lê Thị Hoa - thành viên", "Trần Văn Hùng - thành viên"])).toBe("Lê Thị Hoa");
    expect(teamLead([" ", ""])).toBeNull();
  });
});

describe("finding status at a date", () => {
  const open = (fixDue: string): FindingFacts => ({ status: "open", fixDue, closedOn: null });

  it("is due soon 7 days before its deadline and up to the day itself, open 8 days before, overdue the day after", () => {
    expect(findingDisplayStatus(open("2027-06-23"), "2027-06-15")).toBe("open");
    expect(findingDisplayStatus(open("2027-06-22"), "2027-06-15")).toBe("due_soon");
    expect(findingDisplayStatus(open("2027-06-15"), "2027-06-15")).toBe("due_soon");
    expect(findingDisplayStatus(open("2027-06-14"), "2027-06-15")).toBe("overdue");
  });

  it("is fixed when closed on the due day and fixed late when closed the day after", () => {
    expect(findingDisplayStatus({ status: "fixed", fixDue: "2027-04-15", closedOn: "2027-04-15" }, "2027-06-15")).toBe("fixed");
    expect(findingDisplayStatus({ status: "fixed", fixDue: "2027-04-15", closedOn: "2027-04-16" }, "2027-06-15")).toBe("fixed_late");
  });

  it("stays escalated whatever the deadline", () => {
    expect(findingDisplayStatus({ status: "escalated", fixDue: "2027-04-15", closedOn: "2027-05-01" }, "2027-06-15")).toBe("escalated");
  });

  it("filters 'fixed' to every fixed finding, on time or late", () => {
    expect(matchesStatusFilter("fixed_late", "fixed")).toBe(true);
    expect(matchesStatusFilter("fixed", "fixed_late")).toBe(false);
    expect(matchesStatusFilter("due_soon", "open")).toBe(false);
  });
});

describe("findings tally", () => {
  it("counts each finding once and the handled share of fixed and escalated ones", () => {
    const t = tallyFindings([
      { status: "open", fixDue: "2027-09-30", closedOn: null },
      { status: "open", fixDue: "2027-06-20", closedOn: null },
      { status: "open", fixDue: "2027-05-30", closedOn: null },
      { status: "fixed", fixDue: "2027-04-15", closedOn: "2027-04-10" },
      { status: "fixed", fixDue: "2027-04-15", closedOn: "2027-04-20" },
      { status: "escalated", fixDue: "2027-06-30", closedOn: "2027-05-05" },
    ], "2027-06-15");
    expect(t).toEqual({ total: 6, open: 1, dueSoon: 1, overdue: 1, fixed: 2, escalated: 1, handledShare: 50 });
  });

  it("has no handled share without findings", () => {
    expect(tallyFindings([], "2027-06-15").handledShare).toBeNull();
  });
});

describe("finding follow-up steps", () => {
  it("closes an open finding by a fix or an escalation, and reopens a closed one", () => {
    expect(findingTransition("open", "fixed")).toEqual({ ok: true, next: "fixed" });
    expect(findingTransition("open", "escalated")).toEqual({ ok: true, next: "escalated" });
    expect(findingTransition("fixed", "reopened")).toEqual({ ok: true, next: "open" });
    expect(findingTransition("escalated", "reopened")).toEqual({ ok: true, next: "open" });
    for (const s of ["open", "fixed", "escalated"] as const) expect(findingTransition(s, null)).toEqual({ ok: true, next: s });
  });

  it("refuses the others in Vietnamese", () => {
    expect(findingTransition("open", "reopened")).toEqual({ ok: false, message: "Vấn đề đang ở trạng thái chưa khắc phục nên không cần mở lại." });
    expect(findingTransition("fixed", "fixed")).toEqual({ ok: false, message: "Vấn đề này đã khắc phục nên không thể ghi nhận đã khắc phục; hãy mở lại vấn đề trước." });
    expect(findingTransition("escalated", "fixed")).toEqual({ ok: false, message: "Vấn đề này đã kiến nghị cấp trên nên không thể ghi nhận đã khắc phục; hãy mở lại vấn đề trước." });
    expect(findingTransition("fixed", "escalated")).toEqual({ ok: false, message: "Vấn đề này đã khắc phục nên không thể kiến nghị cấp trên; hãy mở lại vấn đề trước." });
  });
});

describe("inspection figures for plan targets and reports", () => {
  const facts = {
    unitIds: units.slice(0, 4),
    inspections: [visit("u1", "2027-03-12"), visit("u2", "2027-07-01"), visit("u3")],
    findings: [
      { conductedOn: "2027-03-12", status: "fixed" as const, closedOn: "2027-04-10" },
      { conductedOn: "2027-03-12", status: "escalated" as const, closedOn: "2027-06-20" },
      { conductedOn: "2027-03-12", status: "open" as const, closedOn: null },
      { conductedOn: "2027-07-01", status: "fixed" as const, closedOn: "2027-07-05" },
    ],
  };

  it("judges coverage and handled findings as at the cut date", () => {
    expect(inspectionFigures(facts, "2027-06-30")).toEqual({ coverage: { numerator: 1, denominator: 4 }, findingsHandled: { numerator: 2, denominator: 3 } });
    expect(inspectionFigures(facts, "2027-06-15")).toEqual({ coverage: { numerator: 1, denominator: 4 }, findingsHandled: { numerator: 1, denominator: 3 } });
    expect(inspectionFigures(facts, "2027-12-31")).toEqual({ coverage: { numerator: 2, denominator: 4 }, findingsHandled: { numerator: 3, denominator: 4 } });
  });
});
