/**
 * What a periodic report of a commune rests on, read from the records of its
 * window: the year's plans, their tasks as they stood on the window's last day
 * (a task done later counts as not done), the latest note and evidence of each
 * by then, the tasks due in the next window, the targets' latest values, the
 * one-stop figures with Biểu 06 rows per field, and the self-inspection and
 * initiative records.
 */
import { and, asc, desc, eq, gte, inArray, isNotNull, lte, sql } from "drizzle-orm";
import type { AreaCode } from "../domain/areas.js";
import { AREA_CODES } from "../domain/areas.js";
import { breakdown } from "../domain/indicators/breakdown.js";
import { makeContext } from "../domain/indicators/qd766.js";
import { bieu06Row } from "../domain/reports/bieu06.js";
import { nextWindow } from "../domain/reports/calendar.js";
import type { ReportInput, ReportReformFacts, ReportTaskFact, ReportWindow } from "../domain/reports/types.js";
import { addDays } from "../domain/dates.js";
import { periodByKey } from "../domain/periods.js";
import { targetLight, type TargetOp } from "../domain/targets.js";
import type { Tx } from "./connection.js";
import { figuresOf } from "./indicator-figures.js";
import type { OrgRow } from "./orgs.js";
import { loadRecords } from "./records.js";
import { loadReformRecords, reformFiguresAt } from "./reform-records.js";
import { dossiers, evidenceFiles, organisations, plans, taskUpdates, tasks } from "./schema.js";
import { loadTargets } from "./targets.js";
import { deriveFor, loadTaskViews, type TaskView } from "./tasks.js";

const asArea = (a: string | null): AreaCode | null => (a && (AREA_CODES as readonly string[]).includes(a) ? (a as AreaCode) : null);

/** The task as it stood at `asOf`: completion and check-ins after that day are not known yet. */
function factOf(t: TaskView, asOf: string, notes: Map<string, string>, evidence: Map<string, number>, checkIns: Map<string, Array<{ period: string; date: string }>>): ReportTaskFact {
  const doneOn = t.doneOn && t.doneOn <= asOf ? t.doneOn : null;
  const derived = deriveFor({ ...t, doneOn }, t.plan, checkIns.get(t.id) ?? [], asOf);
  return {
    id: t.id, planId: t.planId, ref: t.ref, title: t.title, area: asArea(t.area), lead: t.lead.map((u) => u.name), product: t.product,
    dueDate: t.dueDate, doneOn, status: derived.status, lastNote: notes.get(t.id) ?? null, evidenceCount: evidence.get(t.id) ?? 0,
  };
}

/** The inspection plan's figures at the window's end; the initiatives registered and recognised in the window. */
async function reformFacts(tx: Tx, orgId: string, window: ReportWindow): Promise<ReportReformFacts | undefined> {
  const records = await loadReformRecords(tx, orgId, window.year);
  const end = reformFiguresAt(records, window.to);
  const before = reformFiguresAt(records, addDays(window.from, -1));
  const plan = end.inspectionPlan;
  const units = end.unitsInspected;
  const findings = end.findingsHandled;
  const facts: ReportReformFacts = {
    inspection: plan && units ? {
      targetShare: plan.targetShare,
      units: { inspected: units.numerator, total: units.denominator },
      findings: { total: findings?.denominator ?? 0, handled: findings?.numerator ?? 0, escalated: findings?.escalated ?? 0 },
    } : null,
    initiatives: end.initiatives.submitted > 0 ? {
      submitted: end.initiatives.submitted - before.initiatives.submitted,
      recognised: end.initiatives.recognised - before.initiatives.recognised,
    } : null,
  };
  return facts.inspection || facts.initiatives ? facts : undefined;
}

export async function reportInput(tx: Tx, commune: OrgRow, window: ReportWindow): Promise<ReportInput> {
  const [province] = commune.parentId ? await tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, commune.parentId)) : [];
  const yearPlans = await tx.select({ id: plans.id, title: plans.title, number: plans.number, issuedDate: plans.issuedDate, type: plans.type })
    .from(plans).where(and(eq(plans.orgId, commune.id), eq(plans.year, window.year), inArray(plans.status, ["active", "closed"])))
    .orderBy(asc(plans.issuedDate));
  const planIds = yearPlans.map((p) => p.id);
  const views = planIds.length ? await loadTaskViews(tx, inArray(tasks.planId, planIds), window.to) : [];

  const next = nextWindow(window);
  const nextViews = await loadTaskViews(tx, and(eq(tasks.orgId, commune.id), eq(plans.status, "active"), isNotNull(tasks.dueDate),
    gte(tasks.dueDate, next.from), lte(tasks.dueDate, next.to)), window.to);

  const ids = [...new Set([...views, ...nextViews].map((t) => t.id))];
  const notes = new Map<string, string>();
  const evidence = new Map<string, number>();
  const checkIns = new Map<string, Array<{ period: string; date: string }>>();
  if (ids.length) {
    const noteRows = await tx.select({ taskId: taskUpdates.taskId, note: taskUpdates.note }).from(taskUpdates)
      .where(and(inArray(taskUpdates.taskId, ids), lte(taskUpdates.date, window.to), sql`${taskUpdates.note} <> ''`))
      .orderBy(desc(taskUpdates.date), desc(taskUpdates.createdAt));
    for (const r of noteRows) if (!notes.has(r.taskId)) notes.set(r.taskId, r.note);
    const evRows = await tx.select({ taskId: evidenceFiles.taskId, n: sql<number>`count(*)::int` }).from(evidenceFiles)
      .innerJoin(taskUpdates, eq(taskUpdates.id, evidenceFiles.updateId))
      .where(and(inArray(evidenceFiles.taskId, ids), lte(taskUpdates.date, window.to))).groupBy(evidenceFiles.taskId);
    for (const r of evRows) evidence.set(r.taskId, r.n);
    const checkInRows = await tx.select({ taskId: taskUpdates.taskId, period: taskUpdates.period, date: taskUpdates.date }).from(taskUpdates)
      .where(and(inArray(taskUpdates.taskId, ids), isNotNull(taskUpdates.period), lte(taskUpdates.date, window.to)));
    for (const c of checkInRows) checkIns.set(c.taskId, [...(checkIns.get(c.taskId) ?? []), { period: c.period!, date: c.date }]);
  }

  const targets = (await loadTargets(tx, planIds)).map((t) => {
    // Values of periods that ended after the window are not known at its end.
    const values = t.values.filter((v) => (periodByKey(v.period)?.end ?? "9999") <= window.to);
    const light = targetLight({ op: t.op as TargetOp | null, target: t.value, values, year: t.planYear, today: window.to });
    const last = values.at(-1);
    return {
      id: t.id, planId: t.planId, text: t.text, op: t.op, value: t.value, unit: t.unit, indicatorKey: t.indicatorKey,
      latest: last ? { period: last.period, value: last.value } : null, light: light.light,
    };
  });

  const [{ any }] = await tx.select({ any: sql<number>`count(*)::int` }).from(dossiers).where(eq(dossiers.orgId, commune.id));
  let oneStop: ReportInput["oneStop"] = null;
  if (any > 0) {
    const w = { from: window.from, to: window.to };
    const records = await loadRecords(tx, [commune.id], w);
    const f = figuresOf(records, w);
    const ctx = makeContext({ window: w, procedures: records.procedures });
    const byField = breakdown(ctx, records.dossiers, "field").map((r) => bieu06Row(r.label, r.counts));
    oneStop = { counts: f.counts, rates: f.rates, byField, total: bieu06Row("Tổng cộng", f.counts) };
  }

  return {
    commune: { name: commune.name, code: commune.code, province: province?.name ?? null },
    window,
    plans: yearPlans,
    tasks: views.map((t) => factOf(t, window.to, notes, evidence, checkIns)),
    nextTasks: nextViews.map((t) => factOf(t, window.to, notes, evidence, checkIns)),
    targets,
    oneStop,
    reform: await reformFacts(tx, commune.id, window),
  };
}
