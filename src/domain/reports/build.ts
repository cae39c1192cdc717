/**
 * The draft of a periodic PAR report from the records of its window, in the
 * outline of reporting.md A3: opening, I–V with computed facts (each linked to
 * its records) and text prefilled where the records allow, the statistics
 * annex (A4), the Biểu 06 rows (A5) and the headline figures of the
 * province's table. Pure.
 */
import { bieu06Rates } from "./bieu06.js";
import { annexRows } from "./annex.js";
import { dossierRef } from "./one-stop-facts.js";
import type { DraftContext } from "./section.js";
import { areaSections } from "./sections-areas.js";
import { closingSections } from "./sections-closing.js";
import { directionSections, openingSection } from "./sections-direction.js";
import { shortfallTasks, tallyTasks } from "./task-facts.js";
import type { ReportDraft, ReportInput, ReportWindow } from "./types.js";

/** "Kết quả thực hiện công tác cải cách hành chính quý I năm 2026" (the trích yếu). */
export const reportTitle = (window: ReportWindow) => `Kết quả thực hiện công tác cải cách hành chính ${window.label}`;

export const FIGURE_KEYS = [
  "tasks_total", "tasks_due", "tasks_done_on_time", "tasks_done_late", "tasks_overdue", "completion_rate",
  "targets_met", "targets_at_risk", "dossiers_received", "dossiers_resolved", "on_time_rate", "online_rate", "satisfaction_rate",
] as const;
export type FigureKey = (typeof FIGURE_KEYS)[number];

/**
 * Headline figures; null where unknown (no plan of the year, no one-stop data,
 * a rate over nothing). targets_at_risk counts targets at risk or missed;
 * dossiers_received is Biểu 06 column 3 (received in the window and carried over).
 */
function reportFigures({ input, tally, bieu06Total: total }: DraftContext): Record<FigureKey, number | null> {
  const plan = input.plans.length > 0;
  const ifPlan = (x: number | null) => (plan ? x : null);
  const lights = (...ls: string[]) => ifPlan(input.targets.filter((t) => ls.includes(t.light)).length);
  const rates = total ? bieu06Rates(total) : null;
  return {
    tasks_total: ifPlan(tally.total),
    tasks_due: ifPlan(tally.due),
    tasks_done_on_time: ifPlan(tally.doneOnTime),
    tasks_done_late: ifPlan(tally.doneLate),
    tasks_overdue: ifPlan(tally.overdue),
    completion_rate: ifPlan(tally.completionRate),
    targets_met: lights("met"),
    targets_at_risk: lights("at_risk", "missed"),
    dossiers_received: total?.received.total ?? null,
    dossiers_resolved: total?.resolved.total ?? null,
    on_time_rate: rates?.onTime ?? null,
    online_rate: rates?.online ?? null,
    satisfaction_rate: input.oneStop?.rates.satisfaction.rate ?? null,
  };
}

export function buildReportDraft(input: ReportInput): ReportDraft {
  const ctx: DraftContext = {
    input,
    tally: tallyTasks(input.tasks, input.window),
    shortfalls: shortfallTasks(input.tasks, input.window),
    dossiers: dossierRef(input),
    bieu06Total: input.oneStop?.total ?? null,
  };
  return {
    title: reportTitle(input.window),
    window: input.window,
    sections: [openingSection(input), ...directionSections(ctx), ...areaSections(ctx), ...closingSections(ctx)],
    annex: annexRows(ctx),
    bieu06: input.oneStop ? { rows: input.oneStop.byField, total: input.oneStop.total } : null,
    figures: reportFigures(ctx),
  };
}
