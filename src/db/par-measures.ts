/**
 * Figures of a commune's year that computed PAR leaves read: the one-stop
 * rates (when dossier data was imported), the share of the year's plan tasks
 * done on time, and from the self-inspection and initiative records the share
 * of bộ phận inspected and of findings handled (when the year has an
 * inspection plan) and the initiatives recognised (when the year has any). A
 * leaf whose records the commune does not keep is scored by the commune like
 * any other.
 */
import { and, eq, inArray, isNotNull, lte, sql } from "drizzle-orm";
import { formatViDate, ymd, type IsoDate } from "../domain/dates.js";
import type { Rates } from "../domain/indicators/compute.js";
import type { Measure } from "../domain/par-index/score.js";
import { viNumber } from "../domain/par-index/tree.js";
import { COMPUTED_KEYS, type ComputedKey } from "../domain/par-index/types.js";
import type { Tx } from "./connection.js";
import { computeFigures } from "./indicator-figures.js";
import { reformFigures } from "./reform-records.js";
import { dossiers, plans, tasks } from "./schema.js";

export interface YearMeasures {
  measures: Partial<Record<ComputedKey, Measure>>;
  /** How each figure was obtained, in Vietnamese. */
  how: Partial<Record<ComputedKey, string>>;
}

const ONE_STOP_KEYS = ["on_time", "online_submission", "fully_online", "fully_online_eligible", "online_payment", "digitised_dossiers",
  "digitised_results", "e_results", "reuse", "feedback_on_time", "satisfaction"] as const satisfies ReadonlyArray<ComputedKey & keyof Rates>;

const n = (x: number) => x.toLocaleString("vi-VN");
const pctText = (m: { numerator: number; denominator: number }) => `${viNumber(Math.round((m.numerator / m.denominator) * 10000) / 100)} %`;
const ratioText = (m: { numerator: number; denominator: number }) =>
  m.denominator > 0 ? `${n(m.numerator)}/${n(m.denominator)} (${pctText(m)})` : "không phát sinh";

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

  const reform = await reformFigures(tx, orgId, year, to);
  const by = `tính đến ${formatViDate(to)}`;
  if (reform.unitsInspected) {
    const u = reform.unitsInspected;
    out.measures.units_inspected_share = { numerator: u.numerator, denominator: u.denominator };
    out.how.units_inspected_share = u.denominator
      ? `Sổ theo dõi kiểm tra năm ${year}: ${n(u.numerator)}/${n(u.denominator)} bộ phận được kiểm tra (${pctText(u)}), ${by}.`
      : `Sổ theo dõi kiểm tra năm ${year}: đơn vị chưa khai báo bộ phận nào để kiểm tra.`;
    // Inspections held without any problem found: the findings leaf has nothing to count ("không phát hiện vấn đề").
    const f = reform.findingsHandled ?? (u.numerator > 0 ? { numerator: 0, denominator: 0, escalated: 0 } : null);
    if (f) {
      out.measures.findings_fixed_share = { numerator: f.numerator, denominator: f.denominator };
      out.how.findings_fixed_share = f.denominator
        ? `Sổ theo dõi kiểm tra năm ${year}: ${n(f.numerator)}/${n(f.denominator)} vấn đề phát hiện qua kiểm tra đã được xử lý (${pctText(f)})${f.escalated ? `, trong đó ${n(f.escalated)} vấn đề kiến nghị cấp có thẩm quyền xử lý` : ""}, ${by}.`
        : `Sổ theo dõi kiểm tra năm ${year}: các cuộc kiểm tra không phát hiện vấn đề phải xử lý, ${by}.`;
    }
  }
  if (reform.initiatives.submitted > 0) {
    const i = reform.initiatives;
    out.measures.initiatives_count = { count: i.recognised };
    out.how.initiatives_count = `Sổ sáng kiến năm ${year}: ${n(i.recognised)} sáng kiến, giải pháp được công nhận (${n(i.submitted)} sáng kiến đã đăng ký), ${by}.`;
  }
  return out;
}
