import { daysBetween, formatViDate, type IsoDate } from "../dates.js";
import { fold } from "../text.js";
import { type Context, type Counts, type Rates, classify, computeCounts, computeRates, dueDate, endedBy, isAccepted } from "./compute.js";
import type { Dossier, Feedback } from "./types.js";

export type BreakdownBy = "field" | "unit" | "procedure";
export interface BreakdownRow { key: string; label: string; counts: Counts; rates: Rates }

const UNKNOWN: Record<BreakdownBy, string> = { field: "(Chưa rõ lĩnh vực)", unit: "(Chưa rõ đơn vị xử lý)", procedure: "(Chưa rõ thủ tục)" };

function labelOf(ctx: Context, d: Dossier, by: BreakdownBy): string | null {
  const p = ctx.procedures.get(d.procedureCode);
  switch (by) {
    case "field": return d.fieldName ?? p?.fieldName ?? d.fieldCode ?? p?.fieldCode ?? null;
    case "unit": return d.unit;
    case "procedure": return d.procedureName ?? p?.name ?? d.procedureCode;
  }
}

/**
 * Counts and rates per procedure field, handling unit or procedure (the rows of
 * Biểu 06). Feedback is not split: it belongs to the commune as a whole.
 */
export function breakdown(ctx: Context, dossiers: readonly Dossier[], by: BreakdownBy): BreakdownRow[] {
  const groups = new Map<string, { label: string; items: Dossier[] }>();
  for (const d of dossiers) {
    const label = labelOf(ctx, d, by)?.trim() || UNKNOWN[by];
    const key = fold(label);
    const g = groups.get(key) ?? { label, items: [] };
    g.items.push(d);
    groups.set(key, g);
  }
  const none: Feedback[] = [];
  const rows = [...groups.entries()].map(([key, g]) => {
    const counts = computeCounts(ctx, g.items, none);
    return { key, label: g.label, counts, rates: computeRates(ctx, g.items, counts) };
  });
  // Rows with nothing in the window say nothing: they are left out.
  return rows.filter((r) => r.counts.handled + r.counts.resolved.total > 0).sort((a, b) => b.counts.handled - a.counts.handled || a.label.localeCompare(b.label, "vi"));
}

export interface LateDossier {
  code: string;
  procedureCode: string;
  procedureName: string | null;
  fieldName: string | null;
  unit: string | null;
  channel: Dossier["channel"];
  accepted: IsoDate | null;
  due: IsoDate | null;
  end: IsoDate | null;
  class: "late" | "overdue";
  daysLate: number | null;
  reasons: string[];
}

/** Dossiers resolved late in the window or still open past their due date at its end, with why. */
export function lateDossiers(ctx: Context, dossiers: readonly Dossier[]): LateDossier[] {
  const { from, to } = ctx.window;
  const out: LateDossier[] = [];
  for (const d of dossiers) {
    if (!isAccepted(d) || !d.accepted || d.accepted > to) continue;
    const end = endedBy(d, to);
    if (end !== null && end < from) continue;
    const c = classify(ctx, d);
    if (c !== "late" && c !== "overdue") continue;
    const due = dueDate(ctx, d);
    const daysLate = due ? Math.max(0, daysBetween(due, end ?? to)) : null;
    out.push({
      code: d.code, procedureCode: d.procedureCode, procedureName: d.procedureName ?? ctx.procedures.get(d.procedureCode)?.name ?? null,
      fieldName: d.fieldName ?? ctx.procedures.get(d.procedureCode)?.fieldName ?? null, unit: d.unit, channel: d.channel,
      accepted: d.accepted, due, end, class: c, daysLate, reasons: reasonsFor(d, c, due, end, to),
    });
  }
  return out.sort((a, b) => (b.daysLate ?? 0) - (a.daysLate ?? 0) || a.code.localeCompare(b.code));
}

function reasonsFor(d: Dossier, c: "late" | "overdue", due: IsoDate | null, end: IsoDate | null, to: IsoDate): string[] {
  const r: string[] = [];
  const rounds = d.supplementRequested && d.supplementRequested <= to ? Math.max(1, d.supplementCount) : 0;
  if (rounds >= 2) r.push(`Yêu cầu bổ sung ${rounds} lần (từ lần thứ hai tính là trễ hạn)`);
  if (due && end && end > due) r.push(`Có kết quả ngày ${formatViDate(end)}, trễ ${daysBetween(due, end)} ngày so với hẹn trả ${formatViDate(due)}`);
  if (c === "overdue" && due && to > due) r.push(`Chưa có kết quả, đã quá hẹn trả ${formatViDate(due)} ${daysBetween(due, to)} ngày`);
  if (rounds === 1 && !(d.supplementReturned && d.supplementReturned <= to)) r.push(`Đang chờ công dân bổ sung từ ${formatViDate(d.supplementRequested)}`);
  r.push(d.apology && d.apology <= to ? `Đã có phiếu xin lỗi ngày ${formatViDate(d.apology)}${d.newDue ? `, hẹn lại ${formatViDate(d.newDue)}` : ""}` : "Chưa có phiếu xin lỗi (Mẫu 04)");
  return r;
}
