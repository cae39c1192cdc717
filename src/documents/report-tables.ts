import { formatViDate } from "../domain/dates.js";
import type { AnnexRow, Bieu06Row, ReportDraft, ReportWindow } from "../domain/reports/types.js";
import type { HeaderCell } from "./header-grid.js";
import { roman } from "./wording.js";

/**
 * The two statistics tables of a periodic report (reporting reference A4,
 * A5) as data, drawn by report-docx.ts and report-xlsx.ts alike: the annex of
 * figures grouped by area, and Biểu số 06/VPCP/KSTT. No dependencies on docx
 * or exceljs.
 */

// ---------- Phụ lục: số liệu kết quả (A4) ----------

export const ANNEX_TITLE = "Số liệu kết quả thực hiện công tác cải cách hành chính";
export const ANNEX_HEADERS = ["STT", "Chỉ tiêu / Nội dung", "Đơn vị tính", "Kết quả", "Ghi chú"] as const;

export interface AnnexGroup {
  /** "I", "II" … */
  number: string;
  name: string;
  /** Rows numbered 1, 2 … within the group. */
  rows: Array<{ number: string; row: AnnexRow }>;
}

/** The annex rows by their `group`, in the order groups first appear, numbered I., II. and 1, 2 … within each. */
export function annexGroups(annex: AnnexRow[]): AnnexGroup[] {
  const groups: AnnexGroup[] = [];
  for (const row of annex) {
    const name = row.group.trim() || "Nội dung khác";
    let group = groups.find((g) => g.name === name);
    if (!group) {
      group = { number: roman(groups.length + 1), name, rows: [] };
      groups.push(group);
    }
    group.rows.push({ number: String(group.rows.length + 1), row });
  }
  return groups;
}

// ---------- Biểu số 06/VPCP/KSTT (A5) ----------

export const BIEU06 = {
  form: "Biểu số 06/VPCP/KSTT",
  title: "Tình hình, kết quả giải quyết TTHC tại cơ quan, đơn vị trực tiếp giải quyết TTHC",
  unitLine: "Đơn vị tính: Số hồ sơ TTHC",
  totalLabel: "Tổng cộng",
  columnCount: 13,
} as const;

/**
 * The three header rows of Biểu 06: the groups (STT and the field merged down
 * two rows), the columns under them, and the column numbers (1) … (13).
 */
export const BIEU06_HEADER: HeaderCell[][] = [
  [
    { text: "STT", rowSpan: 2 },
    { text: "Lĩnh vực, công việc giải quyết theo cấp", rowSpan: 2 },
    { text: "Số hồ sơ nhận giải quyết", columnSpan: 4 },
    { text: "Số hồ sơ đã giải quyết", columnSpan: 4 },
    { text: "Số lượng hồ sơ đang giải quyết", columnSpan: 3 },
  ],
  [
    { text: "Tổng số" }, { text: "Trong đó:\nTrực tuyến" }, { text: "Trong đó:\nTrực tiếp, dịch vụ bưu chính" }, { text: "Từ kỳ trước" },
    { text: "Tổng số" }, { text: "Trước hạn" }, { text: "Đúng hạn" }, { text: "Quá hạn" },
    { text: "Tổng số" }, { text: "Trong hạn" }, { text: "Quá hạn" },
  ],
  Array.from({ length: BIEU06.columnCount }, (_, i) => ({ text: `(${i + 1})`, bold: false })),
];

/** Columns (3) … (13) of a row, in order. */
export function bieu06Values(row: Bieu06Row): number[] {
  return [
    row.received.total, row.received.online, row.received.direct, row.received.carried,
    row.resolved.total, row.resolved.early, row.resolved.onTime, row.resolved.late,
    row.pending.total, row.pending.withinTime, row.pending.overdue,
  ];
}

export interface Bieu06Line { number: string; field: string; values: number[]; total: boolean }

/** One line per field, numbered 1, 2 …, then the total line (bold, no number). */
export function bieu06Lines(bieu06: NonNullable<ReportDraft["bieu06"]>): Bieu06Line[] {
  return [
    ...bieu06.rows.map((r, i) => ({ number: String(i + 1), field: r.field, values: bieu06Values(r), total: false })),
    { number: "", field: bieu06.total.field.trim() || BIEU06.totalLabel, values: bieu06Values(bieu06.total), total: true },
  ];
}

/** "(Từ ngày 15/12/2025 đến ngày 14/03/2026)". */
export function periodLine(window: Pick<ReportWindow, "from" | "to">): string {
  return `(Từ ngày ${formatViDate(window.from)} đến ngày ${formatViDate(window.to)})`;
}
