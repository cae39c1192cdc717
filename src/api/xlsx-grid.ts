import type { Workbook, Worksheet } from "exceljs";
import { invalid } from "../domain/errors.js";
import { cellText } from "../import/dossiers/xlsx.js";

/** Opens an uploaded workbook; a file that is not one answers 400 naming it. */
export async function openWorkbook(buf: Buffer, file: string): Promise<Workbook> {
  const { default: ExcelJS } = await import("exceljs");
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    throw invalid(`${file}: không đọc được tệp XLSX.`, "file");
  }
  return wb;
}

/** A sheet as trimmed text cells, row by row (at least `minColumns` per row). */
export function sheetGrid(ws: Worksheet, minColumns = 0): string[][] {
  const rows: string[][] = [];
  const width = Math.max(minColumns, ws.columnCount);
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c).value).trim());
    rows.push(cells);
  }
  return rows;
}
