import { and, eq, inArray, isNotNull, isNull, sql, type SQL } from "drizzle-orm";
import { formatViDate, type IsoDate } from "../domain/dates.js";
import { indicatorInfo, isReformKey, REFORM_KEYS, type OneStopKey, type ReformKey } from "../domain/indicators/catalogue.js";
import { periodsOfYear, type Period } from "../domain/periods.js";
import { targetLight, type PeriodValue, type TargetOp } from "../domain/targets.js";
import type { Tx } from "./connection.js";
import { type Figures, figuresOf } from "./indicator-figures.js";
import { notify, usersOfUnits, usersWithRole } from "./notifications.js";
import { loadRecords } from "./records.js";
import { loadReformRecords, reformFiguresAt, shareOf, type ReformFigures } from "./reform-records.js";
import { dossiers, plans, targets, targetUnits, targetValues } from "./schema.js";

export function figureValue(f: Figures, key: OneStopKey): number | null {
  return key === "index766" ? f.index766.total : f.rates[key].rate;
}

/** A target's figure from the inspection and initiative records: a share in %, or the count of initiatives submitted. */
export function reformValue(f: ReformFigures, key: ReformKey): number | null {
  switch (key) {
    case "inspection_coverage": return shareOf(f.unitsInspected);
    case "findings_handled": return shareOf(f.findingsHandled);
    case "initiatives": return f.initiatives.submitted;
  }
}

const reformNote = (key: ReformKey, to: IsoDate) =>
  `Tự động từ ${key === "initiatives" ? "sổ sáng kiến" : "sổ theo dõi kiểm tra"}, tính đến ${formatViDate(to)}`;

/** The months, quarters and the year of `year` that have started by `today`, each cut at `today`. */
function windowsOf(year: number, today: IsoDate): Array<{ period: Period; to: IsoDate }> {
  const all = [...periodsOfYear("month", year), ...periodsOfYear("quarter", year), ...periodsOfYear("year", year)];
  return all.filter((p) => p.start <= today).map((p) => ({ period: p, to: p.end < today ? p.end : today }));
}

interface LinkedTarget { id: string; planId: string; text: string; op: string | null; value: number | null; key: string | null; year: number }
type Judged = { t: LinkedTarget; rows: Array<PeriodValue & { to: IsoDate }> };

/** Targets of a commune's draft and active plans that take their values from a computed indicator. */
function linkedTargets(tx: Tx, orgId: string, where?: SQL): Promise<LinkedTarget[]> {
  return tx.select({ id: targets.id, planId: targets.planId, text: targets.text, op: targets.op, value: targets.value, key: targets.indicatorKey, year: plans.year })
    .from(targets).innerJoin(plans, eq(plans.id, targets.planId))
    .where(and(eq(targets.orgId, orgId), eq(targets.dataSource, "computed"), isNotNull(targets.indicatorKey), inArray(plans.status, ["draft", "active"]), where));
}

async function writeValue(tx: Tx, orgId: string, targetId: string, period: string, value: number, note: string) {
  await tx.insert(targetValues).values({ orgId, targetId, period, value, note, recordedBy: null })
    .onConflictDoUpdate({ target: [targetValues.targetId, targetValues.period], set: { value, note, recordedBy: null, recordedAt: new Date() } });
}

/** The one-stop targets' values of each year, from the stored dossiers. */
async function writeOneStopValues(tx: Tx, orgId: string, linked: LinkedTarget[], today: IsoDate): Promise<Judged[]> {
  const out: Judged[] = [];
  for (const year of [...new Set(linked.map((t) => t.year))]) {
    const windows = windowsOf(year, today);
    if (!windows.length) continue;
    const records = await loadRecords(tx, [orgId], { from: `${year}-01-01`, to: windows.at(-1)!.to });
    const figures = windows.map((w) => ({ ...w, figures: figuresOf(records, { from: w.period.start, to: w.to }) }));
    for (const t of linked.filter((x) => x.year === year)) {
      const key = t.key as OneStopKey;
      const rows = figures.map((f) => ({ period: f.period.key, value: figureValue(f.figures, key), to: f.to })).filter((r): r is Judged["rows"][number] => r.value !== null);
      for (const r of rows) await writeValue(tx, orgId, t.id, r.period, r.value, `Tự động từ dữ liệu một cửa, tính đến ${formatViDate(r.to)}`);
      out.push({ t, rows });
    }
  }
  return out;
}

/**
 * The values of a year's targets linked to the inspection and initiative
 * records: each month, quarter and the year holds the figure as it stood at
 * its end (or today), the year to date. A period whose figure no longer exists
 * (the plan or the findings were removed) loses its automatic value.
 */
async function writeReformValues(tx: Tx, orgId: string, year: number, linked: LinkedTarget[], today: IsoDate): Promise<Judged[]> {
  const windows = windowsOf(year, today);
  if (!windows.length || !linked.length) return [];
  const records = await loadReformRecords(tx, orgId, year);
  const figures = windows.map((w) => ({ ...w, figures: reformFiguresAt(records, w.to) }));
  const out: Judged[] = [];
  for (const t of linked) {
    const key = t.key as ReformKey;
    const all = figures.map((f) => ({ period: f.period.key, value: reformValue(f.figures, key), to: f.to }));
    const rows = all.filter((r): r is Judged["rows"][number] => r.value !== null);
    for (const r of rows) await writeValue(tx, orgId, t.id, r.period, r.value, reformNote(key, r.to));
    const gone = all.filter((r) => r.value === null).map((r) => r.period);
    if (gone.length) await tx.delete(targetValues).where(and(eq(targetValues.targetId, t.id), inArray(targetValues.period, gone), isNull(targetValues.recordedBy)));
    out.push({ t, rows });
  }
  return out;
}

const lightOf = ({ t, rows }: Judged, today: IsoDate) => targetLight({ op: t.op as TargetOp | null, target: t.value, values: rows, year: t.year, today });

/**
 * Writes the monthly, quarterly and yearly values of every target of a commune
 * linked to a computed indicator, from its stored one-stop records and its
 * inspection and initiative records, and reminds the monitoring units of a
 * target now at risk (once a month). Runs inside the import transaction and in
 * the daily job.
 */
export async function refreshComputedTargets(tx: Tx, orgId: string, today: IsoDate, opts: { remind?: boolean } = {}): Promise<{ values: number; atRisk: number; sent: number }> {
  const usable = (await linkedTargets(tx, orgId)).filter((t) => indicatorInfo(t.key) !== null);
  if (!usable.length) return { values: 0, atRisk: 0, sent: 0 };
  const oneStop = usable.filter((t) => !isReformKey(t.key));
  const reform = usable.filter((t) => isReformKey(t.key));
  const judged: Judged[] = [];
  if (oneStop.length) {
    const [{ n }] = await tx.select({ n: sql<number>`count(*)::int` }).from(dossiers).where(eq(dossiers.orgId, orgId));
    if (n) judged.push(...await writeOneStopValues(tx, orgId, oneStop, today));
  }
  for (const year of [...new Set(reform.map((t) => t.year))]) judged.push(...await writeReformValues(tx, orgId, year, reform.filter((t) => t.year === year), today));
  let written = 0, atRisk = 0, sent = 0;
  for (const j of judged) {
    written += j.rows.length;
    const light = lightOf(j, today);
    if (light.light !== "at_risk") continue;
    atRisk++;
    if (opts.remind !== false) sent += await remindAtRisk(tx, orgId, j.t, light.value!, today);
  }
  return { values: written, atRisk, sent };
}

/**
 * Rewrites the values of the commune's targets of `year` linked to the
 * inspection and initiative records, after a change to them (in the same
 * transaction); reminders are left to the daily job.
 */
export async function refreshReformTargets(tx: Tx, orgId: string, year: number, today: IsoDate): Promise<{ values: number; atRisk: number }> {
  const linked = await linkedTargets(tx, orgId, and(eq(plans.year, year), inArray(targets.indicatorKey, [...REFORM_KEYS])));
  const judged = await writeReformValues(tx, orgId, year, linked, today);
  return { values: judged.reduce((sum, j) => sum + j.rows.length, 0), atRisk: judged.filter((j) => lightOf(j, today).light === "at_risk").length };
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
