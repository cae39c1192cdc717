import { periodByKey } from "../../domain/periods.js";
import { indicatorInfo } from "../../domain/indicators/catalogue.js";
import { targetLight, targetMet, type TargetOp } from "../../domain/targets.js";
import type { TargetView } from "../../db/targets.js";

/** `today` places the traffic light: a year not yet over can still be recovered. */
export function presentTarget(t: TargetView, today: string) {
  // Oldest period first by calendar (the keys "2026-05" and "2026-Q1" do not sort so);
  // of two periods ending the same day, the longer one (the year's figure) comes last.
  const span = (key: string) => periodByKey(key) ?? { start: key, end: key };
  const sorted = [...t.values].sort((a, b) => {
    const [pa, pb] = [span(a.period), span(b.period)];
    return pa.end.localeCompare(pb.end) || pb.start.localeCompare(pa.start);
  });
  const values = sorted.map((v) => ({ period: v.period, periodLabel: periodByKey(v.period)?.label ?? v.period, value: v.value, note: v.note, recordedAt: v.recordedAt.toISOString() }));
  const last = values.at(-1) ?? null;
  const light = targetLight({ op: t.op as TargetOp | null, target: t.value, values, year: t.planYear, today });
  return {
    id: t.id,
    planId: t.planId,
    text: t.text,
    op: t.op as TargetOp | null,
    value: t.value,
    unit: t.unit,
    dataSource: t.dataSource,
    indicatorKey: t.indicatorKey,
    indicatorLabel: indicatorInfo(t.indicatorKey)?.label ?? null,
    monitor: t.monitor,
    implement: t.implement,
    values,
    latest: last ? { period: last.period, periodLabel: last.periodLabel, value: last.value } : null,
    met: targetMet(t.op as TargetOp | null, t.value, last?.value ?? null),
    /** met / at_risk / missed / no_data, the figure judged and the monthly trend. */
    light: light.light,
    lightValue: light.value,
    lightPeriod: light.period,
    trend: light.trend,
  };
}
