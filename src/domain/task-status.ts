import { daysBetween, type IsoDate } from "./dates.js";
import { periodsBetween, type Period, type PeriodKind } from "./periods.js";

export const TASK_STATUSES = ["not_started", "in_progress", "due_soon", "overdue", "done_on_time", "done_late", "no_deadline"] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const STATUS_LABELS: Record<TaskStatus, string> = {
  not_started: "Chưa thực hiện",
  in_progress: "Đang thực hiện",
  due_soon: "Sắp đến hạn",
  overdue: "Quá hạn",
  done_on_time: "Hoàn thành đúng hạn",
  done_late: "Hoàn thành quá hạn",
  no_deadline: "Không có thời hạn",
};

export const RECURRENCES = ["continuous", "monthly", "quarterly", "semiannual", "annual", "periodic"] as const;
export type Recurrence = (typeof RECURRENCES)[number];

/** A task is "due soon" when its deadline is at most this many days away. */
export const DUE_SOON_DAYS = 7;

/**
 * How often a recurring task must check in. "Thường xuyên" and "định kỳ" name no
 * period of their own; a quarterly check-in is what communes report on anyway.
 */
export function checkInKind(recurrence: Recurrence): PeriodKind {
  switch (recurrence) {
    case "monthly": return "month";
    case "semiannual": return "half";
    case "annual": return "year";
    default: return "quarter";
  }
}

export type PeriodState = "ok" | "late" | "missing" | "current" | "upcoming";
export interface CheckIn { period: string; date: IsoDate }
export interface PeriodStatus extends Period { state: PeriodState; checkInDate: IsoDate | null }

export interface TaskFacts {
  dueDate: IsoDate | null;
  doneOn: IsoDate | null;
  progress: number;
  hasUpdates: boolean;
  recurrence: Recurrence | null;
  /** First day the task can be worked on: the plan's start. */
  startDate: IsoDate;
  /** Last day of the plan year: recurring tasks without a due date run to it. */
  yearEnd: IsoDate;
  checkIns: CheckIn[];
}

export interface DerivedStatus {
  status: TaskStatus;
  periods: PeriodStatus[];
  missingPeriods: PeriodStatus[];
}

export function expectedPeriods(facts: Pick<TaskFacts, "recurrence" | "startDate" | "yearEnd" | "dueDate">): Period[] {
  if (!facts.recurrence) return [];
  const end = facts.dueDate ?? facts.yearEnd;
  return periodsBetween(checkInKind(facts.recurrence), facts.startDate, end);
}

export function periodStatuses(facts: TaskFacts, today: IsoDate): PeriodStatus[] {
  const firstCheckIn = new Map<string, IsoDate>();
  for (const c of facts.checkIns) {
    const seen = firstCheckIn.get(c.period);
    if (!seen || c.date < seen) firstCheckIn.set(c.period, c.date);
  }
  return expectedPeriods(facts).map((p) => {
    const checkInDate = firstCheckIn.get(p.key) ?? null;
    let state: PeriodState;
    if (checkInDate) state = checkInDate <= p.end ? "ok" : "late";
    else if (p.end < today) state = "missing";
    else if (p.start <= today) state = "current";
    else state = "upcoming";
    return { ...p, state, checkInDate };
  });
}

export function deriveTaskStatus(facts: TaskFacts, today: IsoDate): DerivedStatus {
  const periods = periodStatuses(facts, today);
  const missingPeriods = periods.filter((p) => p.state === "missing");
  const started = facts.progress > 0 || facts.hasUpdates;
  const result = (status: TaskStatus): DerivedStatus => ({ status, periods, missingPeriods });

  if (facts.doneOn) {
    const late = (facts.dueDate !== null && facts.doneOn > facts.dueDate)
      || periods.some((p) => p.end < facts.doneOn! && (p.state === "late" || p.state === "missing"));
    return result(late ? "done_late" : "done_on_time");
  }

  // A recurring task with no period to check in (its window ended before the
  // plan started) is judged by its due date like a one-off task.
  if (facts.recurrence && periods.length) {
    const end = facts.dueDate ?? facts.yearEnd;
    if (end < today) {
      if (missingPeriods.length) return result("overdue");
      return result(periods.some((p) => p.state === "late") ? "done_late" : "done_on_time");
    }
    if (missingPeriods.length) return result("overdue");
    const current = periods.find((p) => p.state === "current");
    if (current && daysBetween(today, current.end) <= DUE_SOON_DAYS) return result("due_soon");
    return result(started ? "in_progress" : "not_started");
  }

  if (!facts.dueDate) return result(started ? "in_progress" : "no_deadline");
  if (facts.dueDate < today) return result("overdue");
  if (daysBetween(today, facts.dueDate) <= DUE_SOON_DAYS) return result("due_soon");
  return result(started ? "in_progress" : "not_started");
}

export function emptyStatusCounts(): Record<TaskStatus, number> {
  return Object.fromEntries(TASK_STATUSES.map((s) => [s, 0])) as Record<TaskStatus, number>;
}
