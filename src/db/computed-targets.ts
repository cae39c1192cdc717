import { and, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { formatViDate, type IsoDate } from "../domain/dates.js";
import { indicatorInfo, type IndicatorKey } from "../domain/indicators/catalogue.js";
import { periodsOfYear, type Period } from "../domain/periods.js";
import { targetLight, type TargetOp } from "../domain/targets.js";
import type { Tx } from "./connection.js";
import { type Figures, figuresOf } from "./indicator-figures.js";
import { notify, usersOfUnits, usersWithRole } from "./notifications.js";
import { loadRecords } from "./records.js";
import { dossiers, plans, targets, targetUnits, targetValues } from "./schema.js";

export function figureValue(f: Figures, key: IndicatorKey): number | null {
  return key === "index766" ? f.index766.total : f.rates[key].rate;
}

/** The months, quarters and the year of `year` that have started by `today`, each cut at `today`. */
function windowsOf(year: number, today: IsoDate): Array<{ period: Period; to: IsoDate }> {
  const all = [...periodsOfYear("month", year), ...periodsOfYear("quarter", year), ...periodsOfYear("year", year)];
  return all.filter((p) => p.start <= today).map((p) => ({ period: p, to: p.end < today ? p.end : today }));
}

/**
 * Writes the monthly, quarterly and yearly values of every target of a commune
 * linked to a computed indicator, from its stored one-stop records, and reminds
 * the monitoring units of a target now at risk (once a month). Runs inside the
 * import transaction and in the daily job.
 */
export async function refreshComputedTargets(tx: Tx, orgId: string, today: IsoDate, opts: { remind?: boolean } = {}): Promise<{ values: number; atRisk: number; sent: number }> {
  const linked = await tx.select({ id: targets.id, planId: targets.planId, text: targets.text, op: targets.op, value: targets.value, key: targets.indicatorKey, year: plans.year })
    .from(targets).innerJoin(plans, eq(plans.id, targets.planId))
    .where(and(eq(targets.orgId, orgId), eq(targets.dataSource, "computed"), isNotNull(targets.indicatorKey), inArray(plans.status, ["draft", "active"])));
  const usable = linked.filter((t) => indicatorInfo(t.key) !== null);
  if (!usable.length) return { values: 0, atRisk: 0, sent: 0 };
  const [{ n }] = await tx.select({ n: sql<number>`count(*)::int` }).from(dossiers).where(eq(dossiers.orgId, orgId));
  if (!n) return { values: 0, atRisk: 0, sent: 0 };
  let written = 0, atRisk = 0, sent = 0;
  for (const year of [...new Set(usable.map((t) => t.year))]) {
    const windows = windowsOf(year, today);
    if (!windows.length) continue;
    const records = await loadRecords(tx, [orgId], { from: `${year}-01-01`, to: windows.at(-1)!.to });
    const figures = windows.map((w) => ({ ...w, figures: figuresOf(records, { from: w.period.start, to: w.to }) }));
    for (const t of usable.filter((x) => x.year === year)) {
      const key = t.key as IndicatorKey;
      const rows = figures.map((f) => ({ period: f.period.key, value: figureValue(f.figures, key), to: f.to })).filter((r): r is { period: string; value: number; to: IsoDate } => r.value !== null);
      for (const r of rows) {
        const note = `Tự động từ dữ liệu một cửa, tính đến ${formatViDate(r.to)}`;
        await tx.insert(targetValues).values({ orgId, targetId: t.id, period: r.period, value: r.value, note, recordedBy: null })
          .onConflictDoUpdate({ target: [targetValues.targetId, targetValues.period], set: { value: r.value, note, recordedBy: null, recordedAt: new Date() } });
      }
      written += rows.length;
      const light = targetLight({ op: t.op as TargetOp | null, target: t.value, values: rows, year, today });
      if (light.light !== "at_risk") continue;
      atRisk++;
      if (opts.remind !== false) sent += await remindAtRisk(tx, orgId, t, light.value!, today);
    }
  }
  return { values: written, atRisk, sent };
}

async function remindAtRisk(tx: Tx, orgId: string, t: { id: string; planId: string; text: string; op: string | null; value: number | null }, value: number, today: IsoDate): Promise<number> {
  const monitors = await tx.select({ unitId: targetUnits.unitId }).from(targetUnits).where(and(eq(targetUnits.targetId, t.id), eq(targetUnits.role, "monitor")));
  const officers = await usersOfUnits(tx, monitors.map((m) => m.unitId));
  // A target nobody monitors (or whose unit has no account yet) is the focal point's to chase.
  const recipients = officers.length ? officers : await usersWithRole(tx, orgId, ["focal_point"]);
  const goal = t.value !== null ? ` (chỉ tiêu ${t.op ?? ">="} ${t.value})` : "";
  return notify(tx, recipients, {
    orgId, kind: "target_at_risk", planId: t.planId, dedupeKey: `target_at_risk:${t.id}:${today.slice(0, 7)}`,
    message: `Chỉ tiêu "${t.text}" có nguy cơ không đạt: hiện đạt ${String(value).replace(".", ",")}${goal}.`,
  });
}

/** Every commune with computed targets, for the daily job. */
export async function orgsWithComputedTargets(tx: Tx): Promise<string[]> {
  const rows = await tx.selectDistinct({ orgId: targets.orgId }).from(targets).where(and(eq(targets.dataSource, "computed"), isNotNull(targets.indicatorKey)));
  return rows.map((r) => r.orgId);
}
