import { closeSync, openSync, statSync, writeSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { createReadStream } from "node:fs";
import {
  dossierCsvLines, feedbackCsvLines, generateDossiers, generateFeedback, procedureCatalogue, procedureCsvLines, csvText,
} from "../../test/support/dossier-generator.js";

/**
 * The province's export files, as one-stop systems would hand them over: one
 * dossier CSV and one feedback CSV for all communes (a commune's rows are
 * contiguous; its MaHoSo / MaPAKN start with its identifier), and the
 * procedure catalogue, the same for every commune.
 */
export interface Commune { index: number; unitCode: string; dossiers: number }
export interface ProvinceFiles {
  dossiersPath: string;
  feedbackPath: string;
  catalogue: Buffer;
  communes: Commune[];
  rows: number;
  feedbackRows: number;
  bytes: number;
  ms: number;
}

/** Dates of the generated year: acceptances from December 2024 to December 2025, exported on 10/01/2026. */
export const RANGE = { from: "2024-12-01", to: "2025-12-31", asOf: "2026-01-10" };
export const YEAR = { from: "2025-01-01", to: "2025-12-31" };

export const unitCodeOf = (i: number) => `H40.${String(i + 1).padStart(3, "0")}`;

/** Buffered line writer: the lines never sit in memory as one string. */
class LineFile {
  private readonly fd: number;
  private parts: string[] = [];
  private size = 0;
  constructor(path: string) { this.fd = openSync(path, "w"); }
  write(line: string) {
    this.parts.push(line);
    this.size += line.length;
    if (this.size > 1 << 20) this.flush();
  }
  flush() {
    if (this.parts.length) writeSync(this.fd, this.parts.join("\n") + "\n");
    this.parts = [];
    this.size = 0;
  }
  close() { this.flush(); closeSync(this.fd); }
}

export function writeProvinceFiles(dir: string, total: number, communeCount: number, seed: number): ProvinceFiles {
  const started = performance.now();
  const catalogueEntries = procedureCatalogue();
  const dossiersPath = join(dir, "hoso-tinh.csv"), feedbackPath = join(dir, "pakn-tinh.csv");
  const out = new LineFile(dossiersPath), fb = new LineFile(feedbackPath);
  const communes: Commune[] = [];
  let feedbackRows = 0;
  try {
    for (let i = 0; i < communeCount; i++) {
      const count = Math.floor(total / communeCount) + (i < total % communeCount ? 1 : 0);
      const unitCode = unitCodeOf(i);
      const codes: string[] = [];
      const dossiers = generateDossiers({ seed: seed * 1000 + i, unitCode, count, ...RANGE, catalogue: catalogueEntries });
      const keepCodes = function* () { for (const d of dossiers) { codes.push(d.code); yield d; } };
      let first = true;
      for (const line of dossierCsvLines(keepCodes(), seed)) {
        if (first) { first = false; if (i > 0) continue; }
        out.write(line);
      }
      const feedback = generateFeedback({ seed: seed * 1000 + i + 500, unitCode, count: Math.round(count / 20), ...RANGE, dossierCodes: codes });
      first = true;
      for (const line of feedbackCsvLines(feedback, seed)) {
        if (first) { first = false; if (i > 0) continue; }
        fb.write(line);
      }
      feedbackRows += feedback.length;
      communes.push({ index: i, unitCode, dossiers: count });
    }
  } finally {
    out.close();
    fb.close();
  }
  return {
    dossiersPath, feedbackPath, catalogue: Buffer.from(csvText(procedureCsvLines(catalogueEntries.map((e) => e.procedure), seed))),
    communes, rows: total, feedbackRows, bytes: statSync(dossiersPath).size, ms: performance.now() - started,
  };
}

/**
 * Reads a province file back commune by commune: `onCommune` gets the header,
 * the commune's identifier and its lines (a commune's rows are contiguous).
 */
export async function forEachCommune(path: string, onCommune: (header: string, unitCode: string, lines: string[]) => Promise<void>): Promise<void> {
  const rl = createInterface({ input: createReadStream(path, { highWaterMark: 4 << 20 }), crlfDelay: Infinity });
  let header: string | null = null;
  let current: string | null = null;
  let lines: string[] = [];
  const seen = new Set<string>();
  for await (const line of rl) {
    if (header === null) { header = line; continue; }
    if (line === "") continue;
    const unit = line.slice(0, line.indexOf("-"));
    if (unit !== current) {
      if (current !== null) await onCommune(header, current, lines);
      if (seen.has(unit)) throw new Error(`Các dòng của ${unit} không liền nhau trong ${path}.`);
      seen.add(unit);
      current = unit;
      lines = [];
    }
    lines.push(line);
  }
  if (header !== null && current !== null) await onCommune(header, current, lines);
}
