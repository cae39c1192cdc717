/**
 * Seedable generator of one-stop-shop records for tests and benchmarks:
 * realistic dossiers (hồ sơ) of a commune over a date range, its procedure
 * catalogue (~40 TTHC) and its citizen feedback (PAKN), and the same records
 * as contract CSV lines (shared/contracts/dossiers.md).
 *
 *   const c = generateCommuneRecords({ seed: 1, unitCode: "H40.12.07", dossiers: 10_000, from: "2025-01-01", to: "2026-03-31", asOf: "2026-04-10" });
 *   const file = csvText(dossierCsvLines(c.dossiers, 1));
 *
 * Everything is deterministic: the same options give the same records and
 * the same CSV bytes. For large files stream `generateDossiers` through
 * `dossierCsvLines` (both are generators; nothing is kept in memory).
 *
 * The data covers on purpose: every status 0–10; every channel; due dates set
 * and empty; time limits in giờ, ngày, ngày làm việc, tháng on the dossier or
 * only on the TTHC, and none at all; 0–3 supplementation rounds, returned or
 * not; results handed over days after the end; apology letters with new dates;
 * fees paid online (1, 2) or not; every flag; every rating and none; dossiers
 * still open long after acceptance; status 1 and 3 dossiers; unknown and
 * non-commune TTHC; PAKN in every status, forwarded or not, naming a dossier or
 * not; ends on, one day before and one day after the due date, and on
 * weekends. Statuses and dates are as at `asOf`; windows ending before it see
 * ends, returns and hand-overs that happen after their `to`.
 */
import type { IsoDate } from "../../src/domain/dates.js";
import type { Dossier, Feedback, Procedure } from "../../src/domain/indicators/types.js";
import { procedureCatalogue } from "./dossier-gen/catalogue.js";
import { generateDossiers } from "./dossier-gen/dossiers.js";
import { generateFeedback } from "./dossier-gen/feedback.js";

export { Rng, hashString } from "./dossier-gen/prng.js";
export { type CatalogueEntry, FIELDS, UNITS, UNKNOWN_PROCEDURES, procedureCatalogue } from "./dossier-gen/catalogue.js";
export { type DossierGenOptions, generateDossiers } from "./dossier-gen/dossiers.js";
export { type FeedbackGenOptions, generateFeedback } from "./dossier-gen/feedback.js";
export {
  DOSSIER_CSV_COLUMNS, FEEDBACK_CSV_COLUMNS, PROCEDURE_CSV_COLUMNS, csvField, csvText, dossierCsvLines, feedbackCsvLines, procedureCsvLines,
} from "./dossier-gen/csv.js";

export interface CommuneRecordsOptions {
  seed: number;
  unitCode: string;
  dossiers: number;
  /** PAKN count; default 5 % of the dossiers. */
  feedback?: number;
  from: IsoDate;
  to: IsoDate;
  asOf: IsoDate;
}
export interface CommuneRecords { procedures: Procedure[]; dossiers: Dossier[]; feedback: Feedback[] }

/** One commune's three files as records, in memory (for tests; benchmarks stream instead). */
export function generateCommuneRecords(o: CommuneRecordsOptions): CommuneRecords {
  const catalogue = procedureCatalogue();
  const dossiers = [...generateDossiers({ seed: o.seed, unitCode: o.unitCode, count: o.dossiers, from: o.from, to: o.to, asOf: o.asOf, catalogue })];
  const feedback = generateFeedback({
    seed: o.seed + 1, unitCode: o.unitCode, count: o.feedback ?? Math.round(o.dossiers / 20), from: o.from, to: o.to, asOf: o.asOf,
    dossierCodes: dossiers.map((d) => d.code),
  });
  return { procedures: catalogue.map((e) => e.procedure), dossiers, feedback };
}
