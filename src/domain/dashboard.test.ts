import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { AREAS } from "./areas.js";
import { onTimeRate, summarize, summarizeByArea, summarizeByLeadUnit, type TaskForSummary } from "./dashboard.js";
import { emptyStatusCounts, TASK_STATUSES, type TaskStatus } from "./task-status.js";

const counts = (over: Partial<Record<TaskStatus, number>>) => ({ ...emptyStatusCounts(), ...over });
const task = (status: TaskStatus, area: string | null, ...leadUnitIds: string[]): TaskForSummary => ({ status, area, leadUnitIds });

describe("on-time rate", () => {
  it("is the share done on time among done and overdue tasks, with one decimal", () => {
    expect(onTimeRate(counts({ done_on_time: 2, done_late: 1 }))).toBe(66.7);
    expect(onTimeRate(counts({ done_on_time: 1, overdue: 2 }))).toBe(33.3);
    expect(onTimeRate(counts({ done_on_time: 11, done_late: 2, overdue: 3 }))).toBe(68.8);
    expect(onTimeRate(counts({ done_on_time: 5 }))).toBe(100);
    expect(onTimeRate(counts({ overdue: 4 }))).toBe(0);
  });

  it("does not count tasks that are not yet due against anyone", () => {
    expect(onTimeRate(counts({ done_on_time: 1, done_late: 1, not_started: 10, in_progress: 10, due_soon: 10, no_deadline: 10 }))).toBe(50);
  });

  it("is null when nothing is judged yet", () => {
    expect(onTimeRate(counts({ not_started: 3, in_progress: 2, due_soon: 1, no_deadline: 1 }))).toBeNull();
    expect(onTimeRate(emptyStatusCounts())).toBeNull();
  });

  it("property: lies between 0 and 100 and equals the exact share to within 0.05", () => {
    const n = fc.nat({ max: 500 });
    fc.assert(fc.property(n, n, n, n, (onTime, late, overdue, other) => {
      const rate = onTimeRate(counts({ done_on_time: onTime, done_late: late, overdue, in_progress: other }));
      const judged = onTime + late + overdue;
      if (judged === 0) return expect(rate).toBeNull();
      expect(rate).not.toBeNull();
      expect(rate!).toBeGreaterThanOrEqual(0);
      expect(rate!).toBeLessThanOrEqual(100);
      expect(Math.abs(rate! - (100 * onTime) / judged)).toBeLessThanOrEqual(0.05 + 1e-9);
    }));
  });
});

describe("summaries", () => {
  const tasks: TaskForSummary[] = [
    task("done_on_time", "the-che", "tp"),
    task("done_late", "the-che", "tp"),
    task("overdue", "thu-tuc-hanh-chinh", "vp"),
    task("done_on_time", "thu-tuc-hanh-chinh", "vp", "mc"),
    task("in_progress", "chinh-quyen-so", "vp"),
    task("not_started", null, "tc"),
    task("due_soon", "khong-ro", "tc"),
  ];

  it("counts every status of all tasks", () => {
    const s = summarize(tasks);
    expect(s.tasks).toBe(7);
    expect(s.statusCounts).toEqual(counts({ done_on_time: 2, done_late: 1, overdue: 1, in_progress: 1, not_started: 1, due_soon: 1 }));
    expect(s.onTimeRate).toBe(50);
    expect(summarize([])).toEqual({ tasks: 0, statusCounts: emptyStatusCounts(), onTimeRate: null });
  });

  it("lists the 8 areas in their official order, then unclassified tasks as 'Chưa phân loại'", () => {
    const byArea = summarizeByArea(tasks);
    expect(byArea.map((a) => a.area)).toEqual([...AREAS.map((a) => a.code), null]);
    expect(byArea[0].name).toBe("Công tác chỉ đạo, điều hành cải cách hành chính");
    expect(byArea.at(-1)).toMatchObject({ area: null, name: "Chưa phân loại", tasks: 2 });
    const theChe = byArea.find((a) => a.area === "the-che")!;
    expect(theChe).toMatchObject({ tasks: 2, onTimeRate: 50 });
    const tthc = byArea.find((a) => a.area === "thu-tuc-hanh-chinh")!;
    expect(tthc.statusCounts.overdue).toBe(1);
    expect(byArea.find((a) => a.area === "cong-vu")).toMatchObject({ tasks: 0, onTimeRate: null });
    expect(byArea.reduce((sum, a) => sum + a.tasks, 0)).toBe(tasks.length);
  });

  it("has no 'Chưa phân loại' row when every task has an area", () => {
    expect(summarizeByArea(tasks.filter((t) => AREAS.some((a) => a.code === t.area))).map((a) => a.area)).toEqual(AREAS.map((a) => a.code));
  });

  it("per lead unit, puts the worst on-time rate first and units with nothing judged last", () => {
    const byUnit = summarizeByLeadUnit(tasks);
    expect(byUnit.map((u) => [u.unitId, u.onTimeRate])).toEqual([["vp", 50], ["tp", 50], ["mc", 100], ["tc", null]]);
    // vp and tp tie at 50%: the one with an overdue task comes first.
    expect(byUnit[0].statusCounts.overdue).toBe(1);
    // A task with two lead units counts for both.
    expect(byUnit.find((u) => u.unitId === "mc")!.tasks).toBe(1);
    expect(byUnit.find((u) => u.unitId === "vp")!.tasks).toBe(3);
  });

  it("with equal rates and overdue counts, the unit with more tasks comes first", () => {
    const byUnit = summarizeByLeadUnit([task("overdue", null, "a"), task("overdue", null, "b"), task("in_progress", null, "b")]);
    expect(byUnit.map((u) => u.unitId)).toEqual(["b", "a"]);
  });

  it("property: the per-area and per-status counts add up to the total", () => {
    const status = fc.constantFrom(...TASK_STATUSES);
    const area = fc.constantFrom<string | null>(...AREAS.map((a) => a.code), null, "khac");
    fc.assert(fc.property(fc.array(fc.record({ status, area, leadUnitIds: fc.constant<string[]>(["u"]) }), { maxLength: 60 }), (list) => {
      const byArea = summarizeByArea(list);
      expect(byArea.reduce((s, a) => s + a.tasks, 0)).toBe(list.length);
      const total = summarize(list);
      expect(Object.values(total.statusCounts).reduce((a, b) => a + b, 0)).toBe(list.length);
      for (const st of TASK_STATUSES) expect(byArea.reduce((s, a) => s + a.statusCounts[st], 0)).toBe(total.statusCounts[st]);
    }));
  });
});
