import type { IsoDate } from "../domain/dates.js";
import { type Counts, type DossierFilter, type Rates, computeCounts, computeRates, filterDossiers } from "../domain/indicators/compute.js";
import { DEFAULT_SETTINGS, type Index766, type Settings766, computeIndex766, makeContext } from "../domain/indicators/qd766.js";
import type { Tx } from "./connection.js";
import { type Records, loadRecords } from "./records.js";

export interface Figures { window: { from: IsoDate; to: IsoDate }; counts: Counts; rates: Rates; index766: Index766 }

/** Every count, rate and the 766 index over records already loaded (window ⊆ the loaded window). */
export function figuresOf(records: Records, window: { from: IsoDate; to: IsoDate }, filter: DossierFilter = {}, settings: Settings766 = DEFAULT_SETTINGS): Figures {
  const ctx = makeContext({ window, procedures: records.procedures, settings });
  const ds = filterDossiers(records.dossiers, filter, ctx.procedures);
  const counts = computeCounts(ctx, ds, records.feedback);
  const rates = computeRates(ctx, ds, counts);
  const index766 = computeIndex766({ window, dossiers: ds, procedures: records.procedures, feedback: records.feedback, settings });
  return { window, counts, rates, index766 };
}

export async function computeFigures(tx: Tx, orgIds: string[], window: { from: IsoDate; to: IsoDate }, filter: DossierFilter = {}): Promise<Figures> {
  return figuresOf(await loadRecords(tx, orgIds, window), window, filter);
}
