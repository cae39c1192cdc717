import { importRecords } from "../../src/db/records.js";
import { forEachCommune, type ProvinceFiles } from "./province-files.js";
import type { Throwaway } from "../throwaway.js";

/**
 * The system's own import path, as a commune officer uses it: per commune,
 * the catalogue, then its dossier file, then its feedback file, each through
 * importRecords (read the CSV, parse and check every row, upsert in one
 * transaction). The province file is split by commune on the way.
 */
export interface ImportTimes {
  catalogueMs: number;
  dossierMs: number;
  /** Of dossierMs, the time spent inside importRecords (the rest is reading and splitting the file). */
  dossierImportMs: number;
  dossierRows: number;
  feedbackMs: number;
  feedbackRows: number;
  rejected: number;
}

export async function importProvince(t: Throwaway, files: ProvinceFiles, orgOf: Map<string, string>, log: (s: string) => void): Promise<ImportTimes> {
  const db = t.database.db;
  const org = (unit: string) => {
    const id = orgOf.get(unit);
    if (!id) throw new Error(`Không có xã mang mã ${unit}.`);
    return id;
  };
  let started = performance.now();
  for (const id of orgOf.values()) await importRecords(db, null, id, "procedures", "thutuc.csv", files.catalogue);
  const catalogueMs = performance.now() - started;

  let dossierRows = 0, rejected = 0, dossierImportMs = 0, done = 0;
  started = performance.now();
  await forEachCommune(files.dossiersPath, async (header, unit, lines) => {
    const bytes = Buffer.from(`${header}\n${lines.join("\n")}\n`);
    const t0 = performance.now();
    const s = await importRecords(db, null, org(unit), "dossiers", `hoso-${unit}.csv`, bytes);
    dossierImportMs += performance.now() - t0;
    dossierRows += s.accepted;
    rejected += s.rejected;
    if (++done % 10 === 0 || done === orgOf.size) log(`  đã nhập hồ sơ của ${done}/${orgOf.size} xã (${dossierRows.toLocaleString("vi-VN")} dòng)`);
  });
  const dossierMs = performance.now() - started;

  let feedbackRows = 0;
  started = performance.now();
  await forEachCommune(files.feedbackPath, async (header, unit, lines) => {
    const s = await importRecords(db, null, org(unit), "feedback", `pakn-${unit}.csv`, Buffer.from(`${header}\n${lines.join("\n")}\n`));
    feedbackRows += s.accepted;
    rejected += s.rejected;
  });
  const feedbackMs = performance.now() - started;
  return { catalogueMs, dossierMs, dossierImportMs, dossierRows, feedbackMs, feedbackRows, rejected };
}
