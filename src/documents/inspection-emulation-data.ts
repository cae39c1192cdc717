import type { IsoDate } from "../domain/dates.js";
import type { AppliesTo } from "../domain/emulation/types.js";
import type { IssuerNames } from "./issuer.js";

/** What the conclusion notice of one inspection (thông báo kết luận kiểm tra) prints. */
export interface InspectionNoticeData {
  issuer: IssuerNames;
  number: string | null;
  date: IsoDate;
  year: number;
  unitInspected: string;
  plannedFrom: IsoDate;
  plannedTo: IsoDate;
  conductedOn: IsoDate;
  team: string[];
  content: string;
  conclusion: string;
  findings: Array<{ description: string; areaName: string | null; severity: "minor" | "moderate" | "serious"; responsibleUnit: string; fixDue: IsoDate }>;
  signer: { title: string; name: string | null };
  recipients: string[];
}

export type CriterionOutcome = "met" | "missed" | "na" | "pending";

/** The confirmed commendation proposal of a campaign, for its DOCX list and XLSX table. */
export interface CommendationData {
  issuer: IssuerNames;
  campaignTitle: string;
  year: number;
  periodFrom: IsoDate;
  periodTo: IsoDate;
  date: IsoDate;
  criteria: Array<{ id: string; label: string; appliesTo: AppliesTo }>;
  rows: Array<{
    kind: "unit" | "person";
    name: string;
    title: string | null;
    unitName: string;
    included: boolean;
    reason: string | null;
    results: Array<{ criterionId: string; outcome: CriterionOutcome; text: string }>;
  }>;
  signer: { title: string; name: string | null };
}
