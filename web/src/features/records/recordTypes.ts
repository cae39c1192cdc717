// Shapes of the one-stop records API (src/api/routes/records.ts, indicators.ts).

/** Hồ sơ, danh mục thủ tục, phản ánh kiến nghị, khảo sát hài lòng. */
export type RecordKind = 'dossiers' | 'procedures' | 'feedback' | 'survey';
export const RECORD_KINDS: RecordKind[] = ['dossiers', 'procedures', 'feedback', 'survey'];

/** One problem of a checked file; `row` counts the header as row 1, `column` is the header as written ("-": the whole row). */
export interface RecordIssue {
  row: number;
  column: string;
  message: string;
  /** A warning rejects nothing. */
  warning: boolean;
}

/** The check of an uploaded file: nothing is written until it is confirmed. */
export interface RecordFileCheck {
  /** null when the file is refused (nothing to confirm). */
  uploadId: string | null;
  kind: RecordKind;
  fileName: string;
  rows: number;
  accepted: number;
  rejected: number;
  refused: boolean;
  refusedReason: string | null;
  issues: RecordIssue[];
  preview: { columns: string[]; rows: string[][]; rowNumbers: number[] };
  /** Good rows whose code is new / already stored. */
  inserted: number;
  updated: number;
}

export interface RecordImportSummary {
  importId: string;
  kind: RecordKind;
  fileName: string;
  rows: number;
  accepted: number;
  rejected: number;
  inserted: number;
  updated: number;
  /** Values of computed targets written by the recomputation. */
  targetValues: number;
  targetsAtRisk: number;
}

export interface RecordImport {
  id: string;
  kind: RecordKind;
  fileName: string;
  rows: number;
  accepted: number;
  rejected: number;
  inserted: number;
  updated: number;
  createdAt: string;
  createdByName: string | null;
}

export interface RecordImports {
  canImport: boolean;
  counts: { dossiers: number; procedures: number; feedback: number; ratings: number };
  imports: RecordImport[];
}
