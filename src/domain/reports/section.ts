/** The pieces the section builders share: what is computed once per draft, and the section shapes. */
import type { Bieu06Row, ReportFact, ReportInput, ReportSection, ReportTaskFact } from "./types.js";
import type { TaskTally } from "./task-facts.js";

export interface DraftContext {
  input: ReportInput;
  tally: TaskTally;
  /** Tasks overdue at the window's end or done late in it (I.1, III.2). */
  shortfalls: ReportTaskFact[];
  /** The link of every fact drawn from the one-stop records. */
  dossiers: ReportFact["ref"];
  /** The Biểu 06 total row, when there is one-stop data. */
  bieu06Total: Bieu06Row | null;
}

/** A numbered group heading ("I. CÔNG TÁC …") that takes no text of its own. */
export function groupHeading(key: string, number: string, heading: string): ReportSection {
  return { key, number, heading, level: 1, facts: [], text: "", editable: false };
}

/** A section that takes text: facts from the records, text prefilled where they allow. */
export function section(key: string, number: string, heading: string, level: 1 | 2, content: { facts?: ReportFact[]; text?: string } = {}): ReportSection {
  return { key, number, heading, level, facts: content.facts ?? [], text: content.text ?? "", editable: true };
}
