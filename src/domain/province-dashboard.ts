/**
 * The province's overview of its communes (Tổng hợp các xã): per commune the
 * counts of its yearly plan's tasks by status, the share done on time, the
 * targets met, the last update, and the ranking; the province's totals and
 * its counts per reform area. Pure: the counts come grouped from the database
 * (src/db/province-dashboard.ts), the judging and ranking happen here.
 */
import { AREAS, areaName } from "./areas.js";
import { onTimeRate } from "./dashboard.js";
import { periodByKey } from "./periods.js";
import { emptyStatusCounts, type TaskStatus } from "./task-status.js";
import { targetLight, type PeriodValue, type TargetLight, type TargetOp } from "./targets.js";

export interface OverviewCommune { id: string; name: string; code: string; kind: string; planId: string | null }
/** Tasks of one commune, area and status: how many, and the latest update among them. */
export interface StatusCountRow { orgId: string; area: string | null; status: TaskStatus; tasks: number; lastUpdateAt: string | null }
export interface OverviewTarget { orgId: string; op: TargetOp | null; value: number | null; year: number; values: PeriodValue[] }

export interface CommuneCounts {
  tasks: number;
  statusCounts: Record<TaskStatus, number>;
  done: number;
  doneOnTime: number;
  overdue: number;
  dueSoon: number;
  /** Done on time among the tasks judged today (done, or overdue): see onTimeRate. */
  onTimeRate: number | null;
}

export interface CommuneOverviewRow extends CommuneCounts {
  rank: number;
  id: string;
  name: string;
  code: string;
  kind: string;
  /** The commune's active annual plan of the year (the drill-down), null when it has none. */
  planId: string | null;
  targets: { total: number; withData: number; met: number; atRisk: number; missed: number };
  /** Share of the targets with data that are met, in percent. */
  targetRate: number | null;
  lastUpdateAt: string | null;
}

export interface ProvinceOverview {
  rows: CommuneOverviewRow[];
  totals: CommuneCounts & { communes: number; withPlan: number; targetsMet: number; targetsWithData: number };
  byArea: Array<CommuneCounts & { area: string | null; name: string }>;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

function countsOf(rows: Iterable<StatusCountRow>): CommuneCounts {
  const statusCounts = emptyStatusCounts();
  let tasks = 0;
  for (const r of rows) {
    statusCounts[r.status] += r.tasks;
    tasks += r.tasks;
  }
  return {
    tasks, statusCounts,
    done: statusCounts.done_on_time + statusCounts.done_late,
    doneOnTime: statusCounts.done_on_time,
    overdue: statusCounts.overdue,
    dueSoon: statusCounts.due_soon,
    onTimeRate: onTimeRate(statusCounts),
  };
}

/** Values in calendar order, the year's figure after its months, as the target presenter orders them. */
function inCalendarOrder(values: PeriodValue[]): PeriodValue[] {
  const keyed = values.map((v) => ({ v, span: periodByKey(v.period) ?? { start: v.period, end: v.period } }));
  keyed.sort((a, b) => (a.span.end < b.span.end ? -1 : a.span.end > b.span.end ? 1 : a.span.start > b.span.start ? -1 : a.span.start < b.span.start ? 1 : 0));
  return keyed.map((k) => k.v);
}

export function targetLightOf(t: OverviewTarget, today: string): TargetLight {
  return targetLight({ op: t.op, target: t.value, values: inCalendarOrder(t.values), year: t.year, today }).light;
}

const latest = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a > b ? a : b);
const collator = new Intl.Collator("vi");

/**
 * Best first: the share done on time (communes with nothing judged yet last),
 * then fewer overdue tasks, then the name. Equal keys share a rank.
 */
export function rankCommunes<T extends { onTimeRate: number | null; overdue: number; name: string }>(rows: T[]): Array<T & { rank: number }> {
  const sorted = [...rows].sort((a, b) =>
    (b.onTimeRate ?? -1) - (a.onTimeRate ?? -1) || a.overdue - b.overdue || collator.compare(a.name, b.name));
  let rank = 0;
  return sorted.map((r, i) => {
    const prev = sorted[i - 1];
    if (!prev || prev.onTimeRate !== r.onTimeRate || prev.overdue !== r.overdue) rank = i + 1;
    return { ...r, rank };
  });
}

export function provinceOverview(input: {
  communes: OverviewCommune[];
  counts: StatusCountRow[];
  targets: OverviewTarget[];
  /** Only the tasks of this reform area count in the rows and totals (byArea always shows every area). */
  area: string | null;
  today: string;
}): ProvinceOverview {
  const { communes, counts, targets, area, today } = input;
  const inArea = area === null ? counts : counts.filter((c) => c.area === area);
  const byOrg = new Map<string, StatusCountRow[]>();
  for (const c of inArea) byOrg.set(c.orgId, [...(byOrg.get(c.orgId) ?? []), c]);
  const lights = new Map<string, TargetLight[]>();
  for (const t of targets) lights.set(t.orgId, [...(lights.get(t.orgId) ?? []), targetLightOf(t, today)]);

  const rows = rankCommunes(communes.map((c) => {
    const own = byOrg.get(c.id) ?? [];
    const ls = lights.get(c.id) ?? [];
    const withData = ls.filter((l) => l !== "no_data").length;
    const met = ls.filter((l) => l === "met").length;
    return {
      id: c.id, name: c.name, code: c.code, kind: c.kind, planId: c.planId,
      ...countsOf(own),
      targets: { total: ls.length, withData, met, atRisk: ls.filter((l) => l === "at_risk").length, missed: ls.filter((l) => l === "missed").length },
      targetRate: withData ? round1((met / withData) * 100) : null,
      lastUpdateAt: own.reduce<string | null>((m, r) => latest(m, r.lastUpdateAt), null),
    };
  }));

  const byArea = AREAS.map((a) => ({ area: a.code as string | null, name: a.name as string, ...countsOf(counts.filter((c) => c.area === a.code)) }));
  const unclassified = counts.filter((c) => !AREAS.some((a) => a.code === c.area));
  if (unclassified.length) byArea.push({ area: null, name: areaName(null), ...countsOf(unclassified) });

  return {
    rows,
    totals: {
      ...countsOf(inArea),
      communes: communes.length,
      withPlan: communes.filter((c) => c.planId !== null).length,
      targetsMet: rows.reduce((s, r) => s + r.targets.met, 0),
      targetsWithData: rows.reduce((s, r) => s + r.targets.withData, 0),
    },
    byArea,
  };
}
