import type { Cell, Workbook, Worksheet } from "exceljs";
import { FONT } from "./nd30.js";
import { placeHeaderCells, type HeaderCell } from "./header-grid.js";

/**
 * Shared look of the spreadsheets the system writes (report annexes, Biểu 06,
 * task lists, the province's figures): Times New Roman 12, a title over the
 * table, a bordered header of one or more rows with merged cells, frozen
 * under the header, numbers as numbers with Vietnamese-readable formats, A4
 * landscape printing with the header repeated.
 */

export async function newWorkbook(): Promise<Workbook> {
  const { default: ExcelJS } = await import("exceljs");
  const wb = new ExcelJS.Workbook();
  wb.creator = "cchc";
  wb.created = new Date();
  return wb;
}

export async function workbookBytes(wb: Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const THIN = { style: "thin" as const, color: { argb: "FF000000" } };
export const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
export const font = (look: { bold?: boolean; italic?: boolean; size?: number } = {}) => ({ name: FONT, size: look.size ?? 12, bold: look.bold, italic: look.italic });

/** "#,##0" for whole numbers, two decimals otherwise: Excel shows them with the reader's separators (1.234 / 98,47 in Vietnamese). */
export const numberFormat = (value: number) => (Number.isInteger(value) ? "#,##0" : "#,##0.00");

/** A new sheet set for A4 landscape printing, fitted to the page width. */
export function addSheet(wb: Workbook, name: string, widths: number[]): Worksheet {
  const ws = wb.addWorksheet(name, {
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, margins: { left: 0.6, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 } },
  });
  widths.forEach((w, i) => { ws.getColumn(i + 1).width = w; });
  return ws;
}

/** A line of text across `columns` columns at row `row` (a title, the period, a note). */
export function titleLine(ws: Worksheet, row: number, columns: number, text: string, look: { bold?: boolean; italic?: boolean; size?: number; align?: "center" | "left" | "right" } = {}): void {
  if (columns > 1) ws.mergeCells(row, 1, row, columns);
  const cell = ws.getCell(row, 1);
  cell.value = text.normalize("NFC");
  cell.font = font(look);
  cell.alignment = { horizontal: look.align ?? "center", vertical: "middle", wrapText: true };
}

/** The header rows from `firstRow`, merged as described, bordered, bold (unless a cell says not) and centred; returns the row after them. */
export function headerRows(ws: Worksheet, firstRow: number, columns: number, rows: HeaderCell[][]): number {
  for (const c of placeHeaderCells(rows, columns)) {
    const [top, left] = [firstRow + c.row, c.column + 1];
    const [bottom, right] = [top + c.rowSpan - 1, left + c.columnSpan - 1];
    // Every cell under a merge gets the border, so that the merged box is drawn whole.
    for (let r = top; r <= bottom; r++) {
      for (let col = left; col <= right; col++) {
        const cell = ws.getCell(r, col);
        cell.font = font({ bold: c.bold });
        cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
        cell.border = BORDER;
      }
    }
    if (bottom > top || right > left) ws.mergeCells(top, left, bottom, right);
    ws.getCell(top, left).value = c.text.normalize("NFC");
  }
  return firstRow + rows.length;
}

/** A body cell: text or a number (with its format), bordered. */
export function bodyCell(cell: Cell, value: string | number | Date | null, look: { bold?: boolean; align?: "left" | "center" | "right"; numFmt?: string } = {}): void {
  cell.value = typeof value === "string" ? value.normalize("NFC") : value;
  cell.font = font({ bold: look.bold });
  cell.border = BORDER;
  cell.alignment = { horizontal: look.align ?? (typeof value === "number" ? "right" : "left"), vertical: "top", wrapText: true };
  if (typeof value === "number") cell.numFmt = look.numFmt ?? numberFormat(value);
  else if (look.numFmt) cell.numFmt = look.numFmt;
}

/** Freezes the rows above `firstBodyRow` (and `columns` columns) and repeats them on every printed page from `headerFrom`. */
export function freezeHeader(ws: Worksheet, firstBodyRow: number, headerFrom: number, columns = 0): void {
  ws.views = [{ state: "frozen", ySplit: firstBodyRow - 1, xSplit: columns }];
  ws.pageSetup.printTitlesRow = `${headerFrom}:${firstBodyRow - 1}`;
}
