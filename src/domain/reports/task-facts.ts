/**
 * What a report says about plan tasks and targets: which belong to the window,
 * the tally of I.1, the shortfalls of III.2, and the sentences that name them.
 */
import { AREAS, type AreaCode } from "../areas.js";
import type { IsoDate } from "../dates.js";
import type { IndicatorKey } from "../indicators/catalogue.js";
import { percent } from "../indicators/ratio.js";
import { STATUS_LABELS, type TaskStatus } from "../task-status.js";
import { dashList, leadWords, lowerFirst, periodWords, viDate, withUnit } from "./format.js";
import type { ReportFact, ReportTargetFact, ReportTaskFact } from "./types.js";

type Span = { from: IsoDate; to: IsoDate };
const within = (d: IsoDate | null, w: Span) => d !== null && d >= w.from && d <= w.to;

export const isDone = (s: TaskStatus) => s === "done_on_time" || s === "done_late";
/** The day a done task counts as done: its completion date, or for a recurring task closed by its check-ins, its due date. */
const doneDate = (t: ReportTaskFact) => (isDone(t.status) ? t.doneOn ?? t.dueDate : null);
export const doneInWindow = (t: ReportTaskFact, w: Span) => within(doneDate(t), w);
/** A task the window's report speaks of: done in it or due in it. */
export const activeInWindow = (t: ReportTaskFact, w: Span) => doneInWindow(t, w) || within(t.dueDate, w);
/** Due by the window's end: its due date has come, or it is overdue on missed check-ins. */
const dueBy = (t: ReportTaskFact, w: Span) => (t.dueDate !== null && t.dueDate <= w.to) || t.status === "overdue";
const byDueDate = (a: ReportTaskFact, b: ReportTaskFact) => (a.dueDate ?? "9999").localeCompare(b.dueDate ?? "9999");

// ---------- Areas ----------

/** The six areas of section II, in their official order (chỉ đạo, điều hành is section I; tác động belongs to the PAR index). */
export const REPORT_AREAS = AREAS.filter((a) => a.code !== "chi-dao-dieu-hanh" && a.code !== "tac-dong");
const isReportArea = (code: AreaCode | null) => REPORT_AREAS.some((a) => a.code === code);

const INDICATOR_AREA: Record<IndicatorKey, AreaCode> = {
  on_time: "thu-tuc-hanh-chinh", feedback_on_time: "thu-tuc-hanh-chinh", satisfaction: "thu-tuc-hanh-chinh", index766: "thu-tuc-hanh-chinh",
  online_submission: "chinh-quyen-so", fully_online: "chinh-quyen-so", fully_online_eligible: "chinh-quyen-so", online_payment: "chinh-quyen-so",
  digitised_dossiers: "chinh-quyen-so", digitised_results: "chinh-quyen-so", e_results: "chinh-quyen-so", reuse: "chinh-quyen-so",
  inspection_coverage: "chi-dao-dieu-hanh", findings_handled: "chi-dao-dieu-hanh", initiatives: "chi-dao-dieu-hanh",
};

/** The section II area a task or target is shown under; null: with the plan's general results in I.1. */
export function sectionArea(item: ReportTaskFact | ReportTargetFact): AreaCode | null {
  const target = "light" in item ? item : null;
  const area = item.area ?? (target?.indicatorKey ? INDICATOR_AREA[target.indicatorKey as IndicatorKey] ?? null : null);
  return isReportArea(area) ? area : null;
}

// ---------- Tally (I.1, annex, figures) ----------

export interface TaskTally {
  total: number;
  doneOnTime: number;
  doneLate: number;
  /** Overdue at the window's end, not done. */
  overdue: number;
  /** In progress, or due soon. */
  inProgress: number;
  /** Not started, with or without a deadline. */
  notStarted: number;
  /** Due by the window's end. */
  due: number;
  /** Of those, done (on time or late). */
  doneOfDue: number;
  /** doneOfDue / due in %, null when nothing is due. */
  completionRate: number | null;
}

export function tallyTasks(tasks: readonly ReportTaskFact[], window: Span): TaskTally {
  const n = (p: (t: ReportTaskFact) => boolean) => tasks.filter(p).length;
  const due = n((t) => dueBy(t, window));
  const doneOfDue = n((t) => dueBy(t, window) && isDone(t.status));
  return {
    total: tasks.length,
    doneOnTime: n((t) => t.status === "done_on_time"),
    doneLate: n((t) => t.status === "done_late"),
    overdue: n((t) => t.status === "overdue"),
    inProgress: n((t) => t.status === "in_progress" || t.status === "due_soon"),
    notStarted: n((t) => t.status === "not_started" || t.status === "no_deadline"),
    due,
    doneOfDue,
    completionRate: percent(doneOfDue, due),
  };
}

/** The tasks a report names as shortfalls: overdue at the window's end, or done late in it; by due date. */
export function shortfallTasks(tasks: readonly ReportTaskFact[], window: Span): ReportTaskFact[] {
  return tasks.filter((t) => t.status === "overdue" || (t.status === "done_late" && doneInWindow(t, window))).sort(byDueDate);
}

export const targetsShort = (targets: readonly ReportTargetFact[]) => targets.filter((t) => t.light === "at_risk" || t.light === "missed");

// ---------- Sentences ----------

const taskRef = (t: ReportTaskFact): ReportFact["ref"] => ({ type: "task", id: t.id });
const evidenceWords = (n: number) => (n > 0 ? `${n} minh chứng` : "chưa có minh chứng");

/** "Title (chủ trì: X): hoàn thành đúng hạn; hạn 31/01/2026; hoàn thành 20/01/2026; 2 minh chứng." */
export function taskFact(t: ReportTaskFact): ReportFact {
  const parts = [
    lowerFirst(STATUS_LABELS[t.status]),
    t.dueDate ? `hạn ${viDate(t.dueDate)}` : null,
    t.doneOn ? `hoàn thành ${viDate(t.doneOn)}` : null,
    evidenceWords(t.evidenceCount),
  ].filter((p): p is string => p !== null);
  return { text: `${t.title}${leadWords(t.lead)}: ${parts.join("; ")}.`, ref: taskRef(t) };
}

/** "Nhiệm vụ "Title" (chủ trì: X) quá hạn, chưa hoàn thành (hạn 28/02/2026)", without an end mark. */
export function shortfallSentence(t: ReportTaskFact): string {
  const subject = `Nhiệm vụ "${t.title}"${leadWords(t.lead)}`;
  const due = t.dueDate ? `hạn ${viDate(t.dueDate)}` : null;
  if (t.status === "overdue") return `${subject} quá hạn, chưa hoàn thành${due ? ` (${due})` : ""}`;
  const dates = [due, t.doneOn ? `hoàn thành ${viDate(t.doneOn)}` : null].filter(Boolean);
  return `${subject} hoàn thành quá hạn${dates.length ? ` (${dates.join(", ")})` : ""}`;
}

export const shortfallFact = (t: ReportTaskFact): ReportFact => ({ text: `${shortfallSentence(t)}.`, ref: taskRef(t) });

const LIGHT_WORDS: Record<ReportTargetFact["light"], string> = {
  met: "đạt", at_risk: "có nguy cơ không đạt", missed: "không đạt", no_data: "chưa đủ số liệu để đánh giá",
};
const latestWords = (t: ReportTargetFact) => (t.latest ? `kết quả ${withUnit(t.latest.value, t.unit)} (${periodWords(t.latest.period)})` : null);

/** "Chỉ tiêu "…": kết quả 96,5 % (tháng 3/2026), có nguy cơ không đạt." */
export function targetFact(t: ReportTargetFact): ReportFact {
  const latest = latestWords(t);
  return { text: `Chỉ tiêu "${t.text}": ${latest ? `${latest}, ${LIGHT_WORDS[t.light]}` : "chưa có số liệu"}.`, ref: { type: "target", id: t.id } };
}

/** "Chỉ tiêu "…" có nguy cơ không đạt (kết quả 96,5 %, tháng 3/2026)", without an end mark. */
export function targetShortfallSentence(t: ReportTargetFact): string {
  const value = t.latest ? ` (kết quả ${withUnit(t.latest.value, t.unit)}, ${periodWords(t.latest.period)})` : "";
  return `Chỉ tiêu "${t.text}" ${LIGHT_WORDS[t.light]}${value}`;
}

/** The prefilled text of a section: "- <task title>: <latest note>" for the tasks done in the window that have a note. */
export function noteLines(tasks: readonly ReportTaskFact[], window: Span): string {
  return tasks
    .filter((t) => doneInWindow(t, window) && t.lastNote?.trim())
    .map((t) => `- ${t.title}: ${t.lastNote!.trim().replace(/\s+/gu, " ")}`)
    .join("\n");
}

/** Section IV: the next window's tasks not done yet, "- Title (chủ trì: X; hạn 30/04/2026);". */
export function nextTaskLines(tasks: readonly ReportTaskFact[]): string {
  return dashList([...tasks].filter((t) => !isDone(t.status)).sort(byDueDate).map((t) => {
    const details = [t.lead.length ? `chủ trì: ${t.lead.join(", ")}` : null, t.dueDate ? `hạn ${viDate(t.dueDate)}` : null].filter(Boolean);
    return `${t.title}${details.length ? ` (${details.join("; ")})` : ""}`;
  }));
}
