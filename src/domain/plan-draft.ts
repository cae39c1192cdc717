/** The plan draft shape of the import contract (shared/contracts/plan-import.md). */
export interface DraftUnit { unit: string | null; text: string }
export interface PlanDraft {
  document: { type: string | null; number: string | null; issuer: string | null; place: string | null; date: string | null; title: string | null; year: number | null; signer: { name: string | null; title: string | null } };
  targets: Array<{ text: string; op: string | null; value: number | null; unit: string | null; monitor: DraftUnit[]; implement: DraftUnit[] }>;
  tasks: Array<{
    ref: string | null; area: string | null; title: string; product: string | null; lead: DraftUnit[]; support: DraftUnit[];
    timeline: { text: string | null; milestones: string[]; due: string | null; recurrence: string | null }; criteria: string[];
  }>;
}
