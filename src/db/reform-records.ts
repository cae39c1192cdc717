/**
 * What a commune's self-inspection and initiative records say about a year, cut
 * at a date: the share of its bộ phận inspected, the share of findings handled,
 * the initiatives submitted and recognised. Plan targets, PAR leaves and the
 * periodic report read them. The records of a year are loaded once and can be
 * cut at several dates (the months, quarters and year of a target).
 */
import { and, eq, inArray, isNotNull } from "drizzle-orm";
import type { IsoDate } from "../domain/dates.js";
import { percent } from "../domain/indicators/ratio.js";
import { inspectionFigures } from "../domain/inspections/coverage.js";
import { COUNTED_UNIT_KINDS } from "../domain/inspections/units.js";
import type { Tx } from "./connection.js";
import { initiatives, inspectionFindings, inspectionPlans, inspections, units } from "./schema.js";

export interface Ratio { numerator: number; denominator: number }

export interface ReformFigures {
  /** Bộ phận inspected by the cut date / bộ phận counted; null when the year has no inspection plan. */
  unitsInspected: Ratio | null;
  /** Findings fixed or escalated by the cut date / findings of inspections held by then; null when there is none. */
  findingsHandled: (Ratio & { escalated: number }) | null;
  /** The year's initiatives submitted by the cut date, and of them those recognised (or applied) by then. */
  initiatives: { submitted: number; recognised: number };
  inspectionPlan: { targetShare: number } | null;
}

export interface ReformRecords {
  plan: { targetShare: number } | null;
  countedUnitIds: Set<string>;
  visits: Array<{ unitId: string; conductedOn: IsoDate }>;
  findings: Array<{ conductedOn: IsoDate; status: "open" | "fixed" | "escalated"; closedOn: IsoDate | null }>;
  initiatives: Array<{ submittedOn: IsoDate; recognisedOn: IsoDate | null }>;
}

/** The inspection plan of `year` with its held inspections and their findings, and the year's initiatives. */
export async function loadReformRecords(tx: Tx, orgId: string, year: number): Promise<ReformRecords> {
  const [plan] = await tx.select({ id: inspectionPlans.id, targetShare: inspectionPlans.targetShare }).from(inspectionPlans)
    .where(and(eq(inspectionPlans.orgId, orgId), eq(inspectionPlans.year, year)));
  const initiativeRows = await tx.select({ submittedOn: initiatives.submittedOn, status: initiatives.status, recognisedOn: initiatives.recognisedOn, appliedOn: initiatives.appliedOn })
    .from(initiatives).where(and(eq(initiatives.orgId, orgId), eq(initiatives.year, year)));
  const records: ReformRecords = {
    plan: plan ? { targetShare: plan.targetShare } : null,
    countedUnitIds: new Set(),
    visits: [],
    findings: [],
    // An initiative applied without a recorded recognition date counts as recognised when it was applied.
    initiatives: initiativeRows.map((r) => ({ submittedOn: r.submittedOn, recognisedOn: r.status === "submitted" ? null : r.recognisedOn ?? r.appliedOn })),
  };
  if (!plan) return records;
  const counted = await tx.select({ id: units.id }).from(units)
    .where(and(eq(units.orgId, orgId), eq(units.active, true), inArray(units.kind, [...COUNTED_UNIT_KINDS])));
  records.countedUnitIds = new Set(counted.map((u) => u.id));
  const held = and(eq(inspections.inspectionPlanId, plan.id), isNotNull(inspections.conductedOn));
  records.visits = (await tx.select({ unitId: inspections.unitId, conductedOn: inspections.conductedOn }).from(inspections).where(held))
    .map((v) => ({ unitId: v.unitId, conductedOn: v.conductedOn! }));
  records.findings = (await tx.select({ conductedOn: inspections.conductedOn, status: inspectionFindings.status, closedOn: inspectionFindings.closedOn })
    .from(inspectionFindings).innerJoin(inspections, eq(inspections.id, inspectionFindings.inspectionId)).where(held))
    .map((f) => ({ conductedOn: f.conductedOn!, status: f.status, closedOn: f.closedOn }));
  return records;
}

/** The figures of loaded records as they stood at the end of `cutDate` (the inspection rules: inspectionFigures). */
export function reformFiguresAt(r: ReformRecords, cutDate: IsoDate): ReformFigures {
  const { coverage, findingsHandled } = inspectionFigures({ unitIds: [...r.countedUnitIds], inspections: r.visits, findings: r.findings }, cutDate);
  const escalated = r.findings.filter((f) => f.conductedOn <= cutDate && f.status === "escalated" && f.closedOn !== null && f.closedOn <= cutDate).length;
  const submitted = r.initiatives.filter((i) => i.submittedOn <= cutDate);
  return {
    unitsInspected: r.plan ? coverage : null,
    findingsHandled: findingsHandled.denominator ? { ...findingsHandled, escalated } : null,
    initiatives: { submitted: submitted.length, recognised: submitted.filter((i) => i.recognisedOn !== null && i.recognisedOn <= cutDate).length },
    inspectionPlan: r.plan,
  };
}

export async function reformFigures(tx: Tx, orgId: string, year: number, cutDate: IsoDate): Promise<ReformFigures> {
  return reformFiguresAt(await loadReformRecords(tx, orgId, year), cutDate);
}

/** A ratio in % rounded to 2 decimals; null when there is nothing to count. */
export const shareOf = (r: Ratio | null): number | null => (r ? percent(r.numerator, r.denominator) : null);
