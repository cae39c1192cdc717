import type { ReportDraft } from "../domain/reports/types.js";
import { figureLabel, isRateFigure, REPORT_FIGURE_KEYS, timelinessLabel } from "./figure-labels.js";
import { communeIssuer } from "./issuer.js";
import { ANNEX_HEADERS, ANNEX_TITLE, BIEU06, BIEU06_HEADER, annexGroups, bieu06Lines, periodLine } from "./report-tables.js";
import { addSheet, bodyCell, font, freezeHeader, headerRows, newWorkbook, titleLine, workbookBytes } from "./xlsx-sheet.js";

/**
 * The figures of a periodic report as a spreadsheet, for the province to add
 * up: the annex ("Phụ lục số liệu") and Biểu số 06/VPCP/KSTT ("Biểu 06", when
 * the report has one-stop data), with the same rows as the DOCX appendices
 * (report-tables.ts) and numbers as numbers; and the headline figures of all
 * communes of a province, one row per commune.
 */
export const ANNEX_SHEET = "Phụ lục số liệu";
export const BIEU06_SHEET = "Biểu 06";
export const FIGURES_SHEET = "Số liệu các xã";

export async function renderReportXlsx(draft: ReportDraft, commune: { name: string; province?: string | null }): Promise<Buffer> {
  const issuer = communeIssuer(commune.name, commune.province ?? null);
  const wb = await newWorkbook();
  const period = `${issuer.fullName}, ${draft.window.label} ${periodLine(draft.window)}`;

  // Phụ lục: STT | Chỉ tiêu / Nội dung | Đơn vị tính | Kết quả | Ghi chú, grouped by area.
  const annex = addSheet(wb, ANNEX_SHEET, [7, 64, 14, 14, 40]);
  titleLine(annex, 1, ANNEX_HEADERS.length, ANNEX_TITLE.toLocaleUpperCase("vi"), { bold: true, size: 13 });
  titleLine(annex, 2, ANNEX_HEADERS.length, period, { italic: true });
  const annexHeader = 4;
  let r = headerRows(annex, annexHeader, ANNEX_HEADERS.length, [ANNEX_HEADERS.map((text) => ({ text }))]);
  freezeHeader(annex, r, annexHeader);
  for (const g of annexGroups(draft.annex)) {
    bodyCell(annex.getCell(r, 1), g.number, { bold: true, align: "center" });
    for (let c = 2; c <= ANNEX_HEADERS.length; c++) bodyCell(annex.getCell(r, c), c === 2 ? g.name : null, { bold: true });
    annex.mergeCells(r, 2, r, ANNEX_HEADERS.length);
    r++;
    for (const { number, row } of g.rows) {
      bodyCell(annex.getCell(r, 1), Number(number), { align: "center" });
      bodyCell(annex.getCell(r, 2), row.label);
      bodyCell(annex.getCell(r, 3), row.unit, { align: "center" });
      // A row the commune fills in by hand stays empty until then.
      bodyCell(annex.getCell(r, 4), row.value, { align: "right" });
      bodyCell(annex.getCell(r, 5), row.note);
      r++;
    }
  }

  if (draft.bieu06) {
    const columns = BIEU06.columnCount;
    const ws = addSheet(wb, BIEU06_SHEET, [6, 34, ...Array.from({ length: columns - 2 }, () => 11)]);
    titleLine(ws, 1, 3, BIEU06.form, { bold: true, align: "left" });
    titleLine(ws, 2, columns, BIEU06.title.toLocaleUpperCase("vi"), { bold: true, size: 13 });
    titleLine(ws, 3, columns, periodLine(draft.window));
    ws.mergeCells(4, 1, 4, 6);
    ws.getCell(4, 1).value = `Đơn vị báo cáo: ${issuer.fullName}`.normalize("NFC");
    ws.getCell(4, 1).font = font();
    ws.mergeCells(4, 10, 4, columns);
    const unit = ws.getCell(4, 10);
    unit.value = BIEU06.unitLine;
    unit.font = font({ italic: true });
    unit.alignment = { horizontal: "right" };
    const headerFrom = 5;
    let row = headerRows(ws, headerFrom, columns, BIEU06_HEADER);
    freezeHeader(ws, row, headerFrom, 2);
    for (const line of bieu06Lines(draft.bieu06)) {
      bodyCell(ws.getCell(row, 1), line.number ? Number(line.number) : null, { bold: line.total, align: "center" });
      bodyCell(ws.getCell(row, 2), line.field, { bold: line.total });
      line.values.forEach((v, i) => bodyCell(ws.getCell(row, 3 + i), v, { bold: line.total, align: "right", numFmt: "#,##0" }));
      row++;
    }
  }
  return workbookBytes(wb);
}

export interface ProvinceFiguresRow {
  code: string;
  name: string;
  /** The report's status as the province reads it ("Đã gửi", "Chưa gửi" …). */
  status: string;
  /** When the commune first sent the report (ISO instant), or null. */
  submittedAt: string | null;
  /** "on_time", "late", "missing" … or words; codes are shown in Vietnamese (figure-labels.ts). */
  timeliness: string;
  figures: Record<string, number | null>;
}

/** Vietnam time (UTC+7, no daylight saving) as the wall-clock Date Excel stores. */
function vietnamWallClock(iso: string): Date | null {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : new Date(t + 7 * 3_600_000);
}

/**
 * The headline figures of every commune of a province for one report kind:
 * STT, Mã, Xã/phường, Trạng thái, Ngày gửi, Thời hạn gửi, then one column per
 * figure key (the known keys in REPORT_FIGURE_LABELS order, others after them
 * by name).
 */
export async function renderProvinceFiguresXlsx(rows: ProvinceFiguresRow[], title: string): Promise<Buffer> {
  const present = new Set(rows.flatMap((r) => Object.keys(r.figures)));
  const keys = [...REPORT_FIGURE_KEYS, ...[...present].filter((k) => !(REPORT_FIGURE_KEYS as string[]).includes(k)).sort()];
  const fixed = ["STT", "Mã", "Xã, phường", "Trạng thái", "Ngày gửi", "Thời hạn gửi"];
  const headers = [...fixed, ...keys.map(figureLabel)];
  const wb = await newWorkbook();
  const ws = addSheet(wb, FIGURES_SHEET, [6, 14, 30, 16, 17, 16, ...keys.map(() => 13)]);
  titleLine(ws, 1, headers.length, title, { bold: true, size: 13 });
  const headerFrom = 3;
  let r = headerRows(ws, headerFrom, headers.length, [headers.map((text) => ({ text }))]);
  freezeHeader(ws, r, headerFrom, 3);
  rows.forEach((row, i) => {
    const sent = row.submittedAt ? vietnamWallClock(row.submittedAt) : null;
    bodyCell(ws.getCell(r, 1), i + 1, { align: "center" });
    bodyCell(ws.getCell(r, 2), row.code);
    bodyCell(ws.getCell(r, 3), row.name);
    bodyCell(ws.getCell(r, 4), row.status);
    bodyCell(ws.getCell(r, 5), sent ?? row.submittedAt, { align: "center", numFmt: sent ? "dd/mm/yyyy hh:mm" : undefined });
    bodyCell(ws.getCell(r, 6), timelinessLabel(row.timeliness));
    keys.forEach((k, j) => {
      const v = row.figures[k];
      bodyCell(ws.getCell(r, fixed.length + 1 + j), v ?? null, { align: "right", numFmt: typeof v === "number" ? (isRateFigure(k) ? "0.00" : "#,##0") : undefined });
    });
    r++;
  });
  ws.autoFilter = { from: { row: headerFrom, column: 1 }, to: { row: headerFrom, column: headers.length } };
  return workbookBytes(wb);
}
