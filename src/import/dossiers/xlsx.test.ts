import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { AppError } from "../../domain/errors.js";
import { parseCsv, readDossierFile, readGrid } from "./index.js";
import { cellText } from "./xlsx.js";

/** Writes an .xlsx whose first worksheet holds `rows`; ISO-looking strings become date cells when `dates`. */
async function writeXlsx(path: string, rows: string[][], dates = false): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Sheet1");
  for (const [i, r] of rows.entries()) {
    ws.addRow(r.map((c) => (dates && i > 0 && /^\d{4}-\d{2}-\d{2}$/.test(c) ? new Date(`${c}T00:00:00Z`) : c)));
  }
  await wb.xlsx.writeFile(path);
}

describe("xlsx", () => {
  it("cell values become text", () => {
    expect(cellText(new Date("2026-03-02T00:00:00Z"))).toBe("2026-03-02");
    expect(cellText(new Date("2026-03-02T08:30:00Z"))).toBe("2026-03-02 08:30:00");
    expect(cellText(50000)).toBe("50000");
    expect(cellText({ richText: [{ text: "Hồ " }, { text: "sơ" }] })).toBe("Hồ sơ");
    expect(cellText({ formula: "1+1", result: 2 })).toBe("2");
    expect(cellText(null)).toBe("");
  });
  it("reads the first worksheet with date cells like the CSV", async () => {
    const dir = mkdtempSync(join(tmpdir(), "cchc-xlsx-"));
    const csv = readFileSync(new URL("../../../fixtures/indicators/hoso.csv", import.meta.url), "utf8");
    const path = join(dir, "hoso.xlsx");
    await writeXlsx(path, parseCsv(csv).filter((r) => r.length > 1), true);
    const fromXlsx = await readDossierFile(path);
    const fromCsv = await readDossierFile(join(fileURLToPath(new URL("../../../fixtures/indicators/", import.meta.url)), "hoso.csv"));
    expect(fromXlsx.rejected).toBe(0);
    expect(fromXlsx.records).toEqual(fromCsv.records);
  });
  it("a broken file is unreadable", async () => {
    const dir = mkdtempSync(join(tmpdir(), "cchc-xlsx-"));
    const p = join(dir, "x.xlsx");
    (await import("node:fs")).writeFileSync(p, "not a zip");
    await expect(readGrid(p)).rejects.toThrow(AppError);
  });
});
