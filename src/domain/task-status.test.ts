import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { addDays } from "./dates.js";
import { checkInKind, deriveTaskStatus, emptyStatusCounts, expectedPeriods, STATUS_LABELS, TASK_STATUSES, type TaskFacts } from "./task-status.js";

const TODAY = "2026-06-15";

/** A one-off task of a 2026 plan that started on 15/01/2026, with nothing reported yet. */
function facts(over: Partial<TaskFacts> = {}): TaskFacts {
  return { dueDate: null, doneOn: null, progress: 0, hasUpdates: false, recurrence: null, startDate: "2026-01-15", yearEnd: "2026-12-31", checkIns: [], ...over };
}
const statusOf = (over: Partial<TaskFacts>, today = TODAY) => deriveTaskStatus(facts(over), today).status;

describe("status of a one-off task", () => {
  it("is not started while nothing is reported and the deadline is far", () => {
    expect(statusOf({ dueDate: "2026-09-30" })).toBe("not_started");
  });

  it("is in progress once an update or some progress exists", () => {
    expect(statusOf({ dueDate: "2026-09-30", progress: 30, hasUpdates: true })).toBe("in_progress");
    expect(statusOf({ dueDate: "2026-09-30", hasUpdates: true })).toBe("in_progress");
    expect(statusOf({ dueDate: "2026-09-30", progress: 10 })).toBe("in_progress");
  });

  it("is due soon exactly 7 days before the deadline, not 8", () => {
    expect(statusOf({ dueDate: addDays(TODAY, 7) })).toBe("due_soon");
    expect(statusOf({ dueDate: addDays(TODAY, 8) })).toBe("not_started");
    expect(statusOf({ dueDate: addDays(TODAY, 8), progress: 50, hasUpdates: true })).toBe("in_progress");
    expect(statusOf({ dueDate: addDays(TODAY, 7), progress: 50, hasUpdates: true })).toBe("due_soon");
  });

  it("is due soon on the due day itself and overdue the day after", () => {
    expect(statusOf({ dueDate: TODAY })).toBe("due_soon");
    expect(statusOf({ dueDate: addDays(TODAY, -1) })).toBe("overdue");
    expect(statusOf({ dueDate: addDays(TODAY, -1), progress: 90, hasUpdates: true })).toBe("overdue");
  });

  it("is done on time when marked done on the due day, late one day after", () => {
    expect(statusOf({ dueDate: "2026-03-31", doneOn: "2026-03-31", progress: 100, hasUpdates: true })).toBe("done_on_time");
    expect(statusOf({ dueDate: "2026-03-31", doneOn: "2026-04-01", progress: 100, hasUpdates: true })).toBe("done_late");
    expect(statusOf({ dueDate: "2026-09-30", doneOn: "2026-06-01", progress: 100, hasUpdates: true })).toBe("done_on_time");
  });

  it("has no deadline when none is set and nothing is reported; done counts as on time", () => {
    expect(statusOf({})).toBe("no_deadline");
    expect(statusOf({ hasUpdates: true, progress: 20 })).toBe("in_progress");
    expect(statusOf({ doneOn: "2026-05-01", progress: 100, hasUpdates: true })).toBe("done_on_time");
  });

  it("expects no check-in periods", () => {
    const derived = deriveTaskStatus(facts({ dueDate: "2026-03-31" }), TODAY);
    expect(derived.periods).toEqual([]);
    expect(derived.missingPeriods).toEqual([]);
  });

  it("property: a done task is on time exactly when done on or before its due date", () => {
    const day = fc.integer({ min: -200, max: 200 }).map((n) => addDays(TODAY, n));
    fc.assert(fc.property(day, day, (due, done) => {
      const s = statusOf({ dueDate: due, doneOn: done > TODAY ? TODAY : done, progress: 100, hasUpdates: true });
      expect(s).toBe((done > TODAY ? TODAY : done) <= due ? "done_on_time" : "done_late");
    }));
  });
});

describe("status of a recurring task", () => {
  it("checks in monthly, per half-year, per year, and quarterly for continuous and periodic work", () => {
    expect(checkInKind("monthly")).toBe("month");
    expect(checkInKind("quarterly")).toBe("quarter");
    expect(checkInKind("continuous")).toBe("quarter");
    expect(checkInKind("periodic")).toBe("quarter");
    expect(checkInKind("semiannual")).toBe("half");
    expect(checkInKind("annual")).toBe("year");
  });

  it("expects periods from the plan's start to the due date or the year end, none before the start", () => {
    expect(expectedPeriods({ recurrence: "monthly", startDate: "2026-03-10", yearEnd: "2026-12-31", dueDate: null }).map((p) => p.key))
      .toEqual(["2026-03", "2026-04", "2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11", "2026-12"]);
    expect(expectedPeriods({ recurrence: "quarterly", startDate: "2026-01-15", yearEnd: "2026-12-31", dueDate: "2026-06-30" }).map((p) => p.label))
      .toEqual(["Quý I/2026", "Quý II/2026"]);
    expect(expectedPeriods({ recurrence: null, startDate: "2026-01-15", yearEnd: "2026-12-31", dueDate: null })).toEqual([]);
  });

  it("lists the monthly periods that ended without a check-in and is then overdue", () => {
    const derived = deriveTaskStatus(facts({
      recurrence: "monthly", hasUpdates: true,
      checkIns: [{ period: "2026-01", date: "2026-01-28" }, { period: "2026-02", date: "2026-02-26" }, { period: "2026-04", date: "2026-04-30" }],
    }), TODAY);
    expect(derived.status).toBe("overdue");
    expect(derived.missingPeriods.map((p) => p.label)).toEqual(["Tháng 3/2026", "Tháng 5/2026"]);
    expect(derived.periods.map((p) => [p.key, p.state])).toEqual([
      ["2026-01", "ok"], ["2026-02", "ok"], ["2026-03", "missing"], ["2026-04", "ok"], ["2026-05", "missing"], ["2026-06", "current"],
      ["2026-07", "upcoming"], ["2026-08", "upcoming"], ["2026-09", "upcoming"], ["2026-10", "upcoming"], ["2026-11", "upcoming"], ["2026-12", "upcoming"],
    ]);
    expect(derived.periods[0].checkInDate).toBe("2026-01-28");
  });

  it("counts a check-in after the period ended as late, not missing", () => {
    const derived = deriveTaskStatus(facts({
      recurrence: "quarterly", hasUpdates: true, checkIns: [{ period: "2026-Q1", date: "2026-04-05" }],
    }), TODAY);
    expect(derived.periods.map((p) => p.state)).toEqual(["late", "current", "upcoming", "upcoming"]);
    expect(derived.missingPeriods).toEqual([]);
    expect(derived.status).toBe("in_progress");
  });

  it("keeps the earliest check-in of a period", () => {
    const derived = deriveTaskStatus(facts({
      recurrence: "quarterly", hasUpdates: true,
      checkIns: [{ period: "2026-Q1", date: "2026-04-20" }, { period: "2026-Q1", date: "2026-03-20" }],
    }), TODAY);
    expect(derived.periods[0]).toMatchObject({ state: "ok", checkInDate: "2026-03-20" });
  });

  it("a continuous task with its current quarter ending within 7 days is due soon, 8 days is not", () => {
    const q1 = [{ period: "2026-Q1", date: "2026-03-30" }];
    expect(statusOf({ recurrence: "continuous", hasUpdates: true, checkIns: q1 }, "2026-06-23")).toBe("due_soon");
    expect(statusOf({ recurrence: "continuous", hasUpdates: true, checkIns: q1 }, "2026-06-22")).toBe("in_progress");
    // Once the current quarter is checked in, it is no longer due soon.
    expect(statusOf({ recurrence: "continuous", hasUpdates: true, checkIns: [...q1, { period: "2026-Q2", date: "2026-06-20" }] }, "2026-06-25")).toBe("in_progress");
  });

  it("is not started when the first period runs and nothing is reported", () => {
    expect(statusOf({ recurrence: "quarterly" }, "2026-02-01")).toBe("not_started");
  });

  it("periods before the plan start are not expected", () => {
    // A plan issued on 10/03: January and February of a monthly task are not missing.
    const derived = deriveTaskStatus(facts({ recurrence: "monthly", startDate: "2026-03-10", hasUpdates: true, checkIns: [{ period: "2026-03", date: "2026-03-25" }] }), "2026-04-10");
    expect(derived.missingPeriods).toEqual([]);
    expect(derived.periods[0].key).toBe("2026-03");
    expect(derived.status).toBe("in_progress");
  });

  it("at year end is done on time with every period checked in, done late if one was late, overdue if one is missing", () => {
    const all = ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"];
    const endOf = { "2026-Q1": "2026-03-31", "2026-Q2": "2026-06-30", "2026-Q3": "2026-09-30", "2026-Q4": "2026-12-31" } as Record<string, string>;
    const onTime = all.map((p) => ({ period: p, date: addDays(endOf[p], -3) }));
    expect(statusOf({ recurrence: "quarterly", hasUpdates: true, checkIns: onTime }, "2027-01-05")).toBe("done_on_time");
    const oneLate = onTime.map((c) => (c.period === "2026-Q2" ? { ...c, date: "2026-07-03" } : c));
    expect(statusOf({ recurrence: "quarterly", hasUpdates: true, checkIns: oneLate }, "2027-01-05")).toBe("done_late");
    const oneMissing = onTime.filter((c) => c.period !== "2026-Q3");
    const derived = deriveTaskStatus(facts({ recurrence: "quarterly", hasUpdates: true, checkIns: oneMissing }), "2027-01-05");
    expect(derived.status).toBe("overdue");
    expect(derived.missingPeriods.map((p) => p.label)).toEqual(["Quý III/2026"]);
  });

  it("marked done with a missing earlier period is done late", () => {
    expect(statusOf({ recurrence: "monthly", dueDate: "2026-05-31", doneOn: "2026-05-30", progress: 100, hasUpdates: true,
      checkIns: [{ period: "2026-01", date: "2026-01-20" }, { period: "2026-02", date: "2026-02-20" }, { period: "2026-04", date: "2026-04-20" }, { period: "2026-05", date: "2026-05-30" }] })).toBe("done_late");
    expect(statusOf({ recurrence: "monthly", dueDate: "2026-05-31", doneOn: "2026-05-30", progress: 100, hasUpdates: true,
      checkIns: ["01", "02", "03", "04", "05"].map((m) => ({ period: `2026-${m}`, date: `2026-${m}-20` })) })).toBe("done_on_time");
  });

  it("whose whole window ended before the plan started, with nothing reported, is overdue, not done", () => {
    // Imported with a due date (31/12/2025) before the 2026 plan was issued: no period can be checked in.
    const derived = deriveTaskStatus(facts({ recurrence: "continuous", dueDate: "2025-12-31" }), TODAY);
    expect(derived.periods).toEqual([]);
    expect(derived.status).toBe("overdue");
  });
});

describe("status words", () => {
  it("has a Vietnamese label for every status and zero counts for each", () => {
    expect(STATUS_LABELS).toEqual({
      not_started: "Chưa thực hiện", in_progress: "Đang thực hiện", due_soon: "Sắp đến hạn", overdue: "Quá hạn",
      done_on_time: "Hoàn thành đúng hạn", done_late: "Hoàn thành quá hạn", no_deadline: "Không có thời hạn",
    });
    expect(Object.keys(emptyStatusCounts())).toEqual([...TASK_STATUSES]);
    expect(Object.values(emptyStatusCounts()).every((n) => n === 0)).toBe(true);
  });
});
