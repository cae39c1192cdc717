/**
 * Figures of a commune's year that computed PAR leaves read: the one-stop
 * rates (when dossier data was imported) and the share of the year's plan
 * tasks done on time. Inspections and initiatives are not kept by the system
 * yet, so leaves reading them are scored by the commune like any other.
 */
import { and, eq, inArray, isNotNull, lte, sql } from "drizzle-orm";
import { formatViDate, ymd, type IsoDate } from "../domain/dates.js";
import type { Rates } from "../domain/indicators/compute.js";
import type { Measure } from "../domain/par-index/score.js";
import { viNumber } from "../domain/par-index/tree.js";
import { COMPUTED_KEYS, type ComputedKey } from "../domain/par-index/types.js";
import type { Tx } from "./connection.js";
import { computeFigures } from "./indicator-figures.js";
import { dossiers, plans, tasks } from "./schema.js";

export interface YearMeasures {
  measures: Partial<Record<ComputedKey, Measure>>;
  /** How each figure was obtained, in Vietnamese. */
  how: Partial<Record<ComputedKey, string>>;
}

const ONE_STOP_KEYS = ["on_time", "online_submission", "fully_online", "fully_online_eligible", "online_payment", "digitised_dossiers",
  "digitised_results", "e_results", "reuse", "feedback_on_time", "satisfaction"] as const satisfies ReadonlyArray<ComputedKey & keyof Rates>;

const n = (x: number) => x.toLocaleString("vi-VN");
const ratioText = (m: { numerator: number; denominator: number }) =>
  m.denominator > 0 ? `${n(m.numerator)}/${n(m.denominator)} (${viNumber(Math.round((m.numerator / m.denominator) * 10000) / 100)} %)` : "không phát sinh";

/** The figures of `year` up to `today` (the whole year once it is over). */
export async function yearMeasures(tx: Tx, orgId: string, year: number, today: IsoDate): Promise<YearMeasures> {
  const from = ymd(year, 1, 1);
  const yearEnd = ymd(year, 12, 31);
  const to = today < yearEnd ? today : yearEnd;
  const out: YearMeasures = { measures: {}, how: {} };
  if (to < from) return out;

  const [{ any }] = await tx.select({ any: sql<number>`count(*)::int` }).from(dossiers).where(eq(dossiers.orgId, orgId));
  if (any > 0) {
    const figures = await computeFigures(tx, [orgId], { from, to });
    for (const key of ONE_STOP_KEYS) {
      const r = figures.rates[key];
      out.measures[key] = { numerator: r.numerator, denominator: r.denominator };
      out.how[key] = `Dữ liệu một cửa từ ${formatViDate(from)} đến ${formatViDate(to)}: ${ratioText(r)} — ${COMPUTED_KEYS[key].label.toLowerCase()}.`;
    }
  }

  const due = await tx.select({ dueDate: tasks.dueDate, doneOn: tasks.doneOn }).from(tasks)
    .innerJoin(plans, eq(plans.id, tasks.planId))
    .where(and(eq(tasks.orgId, orgId), eq(plans.year, year), inArray(plans.status, ["active", "closed"]), isNotNull(tasks.dueDate), lte(tasks.dueDate, to)));
  if (due.length > 0) {
    const onTime = due.filter((t) => t.doneOn !== null && t.doneOn <= t.dueDate!).length;
    out.measures.tasks_on_time = { numerator: onTime, denominator: due.length };
    out.how.tasks_on_time = `Kế hoạch CCHC năm ${year}: ${ratioText({ numerator: onTime, denominator: due.length })} nhiệm vụ đến hạn trước ${formatViDate(to)} hoàn thành đúng hạn.`;
  }
  return out;
}
