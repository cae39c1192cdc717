/**
 * Section II, KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH: one part per
 * reform area (reporting.md A3), each with the area's tasks of the window, its
 * targets, and for TTHC and chính quyền số the one-stop figures.
 */
import type { AreaCode } from "../areas.js";
import { digitalFacts, dossierFacts } from "./one-stop-facts.js";
import { groupHeading, section, type DraftContext } from "./section.js";
import { REPORT_AREAS, activeInWindow, noteLines, sectionArea, targetFact, taskFact } from "./task-facts.js";
import type { ReportFact, ReportSection } from "./types.js";

/** Figures from the one-stop records that open an area's part. */
function recordFacts({ input, dossiers }: DraftContext, area: AreaCode): ReportFact[] {
  if (!input.oneStop) return [];
  if (area === "thu-tuc-hanh-chinh") return dossierFacts(input.oneStop, dossiers);
  if (area === "chinh-quyen-so") return digitalFacts(input.oneStop, dossiers);
  return [];
}

function areaSection(ctx: DraftContext, area: AreaCode, heading: string, number: number): ReportSection {
  const { input } = ctx;
  const tasks = input.tasks.filter((t) => sectionArea(t) === area);
  const facts = [
    ...recordFacts(ctx, area),
    ...tasks.filter((t) => activeInWindow(t, input.window)).map(taskFact),
    ...input.targets.filter((t) => sectionArea(t) === area).map(targetFact),
  ];
  return section(`II.${number}`, String(number), heading, 2, { facts, text: noteLines(tasks, input.window) });
}

export function areaSections(ctx: DraftContext): ReportSection[] {
  return [
    groupHeading("II", "II", "KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH"),
    ...REPORT_AREAS.map((a, i) => areaSection(ctx, a.code, a.name, i + 1)),
  ];
}
