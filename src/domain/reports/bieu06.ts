/**
 * Rows of Biểu số 06/VPCP/KSTT (TT 01/2020/TT-VPCP; reporting.md A5) from the
 * one-stop Counts of a window, and the rates a report quotes from them.
 * Every "Tổng số" column is the sum of its parts, as the form defines it.
 */
import type { Counts } from "../indicators/compute.js";
import { percent } from "../indicators/ratio.js";
import type { Bieu06Row } from "./types.js";

export const BIEU06_TOTAL_LABEL = "Tổng cộng";

/**
 * Column 4 received online, 5 in person or by post, 6 carried over from the
 * previous period; 8–10 resolved early, on time, late; 12–13 pending within
 * time, overdue at the window's end.
 */
export function bieu06Row(field: string, counts: Counts): Bieu06Row {
  const online = counts.received.online;
  const direct = counts.received.direct + counts.received.post;
  const carried = counts.carried_over;
  const { early, on_time: onTime, late } = counts.resolved;
  const { within_time: withinTime, overdue } = counts.pending;
  return row(field, { online, direct, carried }, { early, onTime, late }, { withinTime, overdue });
}

/** The total row: the sum of the field rows. */
export function bieu06Total(rows: readonly Bieu06Row[], field = BIEU06_TOTAL_LABEL): Bieu06Row {
  const sum = (pick: (r: Bieu06Row) => number) => rows.reduce((n, r) => n + pick(r), 0);
  return row(
    field,
    { online: sum((r) => r.received.online), direct: sum((r) => r.received.direct), carried: sum((r) => r.received.carried) },
    { early: sum((r) => r.resolved.early), onTime: sum((r) => r.resolved.onTime), late: sum((r) => r.resolved.late) },
    { withinTime: sum((r) => r.pending.withinTime), overdue: sum((r) => r.pending.overdue) },
  );
}

function row(
  field: string,
  r: { online: number; direct: number; carried: number },
  s: { early: number; onTime: number; late: number },
  p: { withinTime: number; overdue: number },
): Bieu06Row {
  return {
    field,
    received: { total: r.online + r.direct + r.carried, ...r },
    resolved: { total: s.early + s.onTime + s.late, ...s },
    pending: { total: p.withinTime + p.overdue, ...p },
  };
}

/** Columns 3 to 13 of the form, in order (STT and the field name are columns 1 and 2). */
export function bieu06Cells(r: Bieu06Row): number[] {
  return [
    r.received.total, r.received.online, r.received.direct, r.received.carried,
    r.resolved.total, r.resolved.early, r.resolved.onTime, r.resolved.late,
    r.pending.total, r.pending.withinTime, r.pending.overdue,
  ];
}

export interface Bieu06Rates {
  /** Tỷ lệ giải quyết đúng hạn = (8 + 9) / 7, in %. */
  onTime: number | null;
  /** Tỷ lệ quá hạn = 10 / 7. */
  late: number | null;
  /** Tỷ lệ hồ sơ trực tuyến = 4 / (4 + 5). */
  online: number | null;
}

export function bieu06Rates(r: Bieu06Row): Bieu06Rates {
  return {
    onTime: percent(r.resolved.early + r.resolved.onTime, r.resolved.total),
    late: percent(r.resolved.late, r.resolved.total),
    online: percent(r.received.online, r.received.online + r.received.direct),
  };
}
