import { BorderStyle, Table, TableCell, TableLayoutType, TableRow, VerticalAlign, WidthType } from "docx";
import { TEXT_COLOR } from "./nd30.js";
import { cellText } from "./paragraphs.js";

/**
 * A table of an appendix or a list (practice in commune plans): single black
 * borders, no shading, 12 pt single-spaced text; the header row bold, centred
 * and repeated on every page (w:tblHeader); group rows (an area, a unit)
 * carry their number in the first column and their label merged across the
 * others, in bold.
 */
export interface Column {
  header: string;
  /** Width in twips; the widths add up to the text width of the section. */
  width: number;
  align?: "left" | "center" | "justified";
}

export type DataRow =
  | { kind: "group"; number: string; label: string }
  | { kind: "row"; cells: string[] };

const LINE = { style: BorderStyle.SINGLE, size: 4, color: TEXT_COLOR } as const;
const BORDERS = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE };
const PADDING = { top: 40, bottom: 40, left: 80, right: 80 };

const cell = (width: number, paragraphs: ReturnType<typeof cellText>[], columnSpan?: number) =>
  new TableCell({ width: { size: width, type: WidthType.DXA }, columnSpan, verticalAlign: VerticalAlign.TOP, children: paragraphs });

/** Lines of a cell: each line of the text its own paragraph. */
const lines = (text: string, look: Parameters<typeof cellText>[1]) => (text ? text.split(/\r?\n/) : [""]).map((l) => cellText(l, look));

export function dataTable(columns: Column[], rows: DataRow[]): Table {
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: columns.map((c) => new TableCell({
      width: { size: c.width, type: WidthType.DXA }, verticalAlign: VerticalAlign.CENTER,
      children: [cellText(c.header, { bold: true, align: "center" })],
    })),
  });
  const body = rows.map((row) => {
    if (row.kind === "group") {
      const rest = columns.slice(1).reduce((sum, c) => sum + c.width, 0);
      return new TableRow({
        cantSplit: true,
        keepNext: true,
        children: [cell(columns[0].width, [cellText(row.number, { bold: true, align: "center" })]), cell(rest, [cellText(row.label, { bold: true })], columns.length - 1)],
      });
    }
    return new TableRow({
      children: columns.map((c, i) => cell(c.width, lines(row.cells[i] ?? "", { align: c.align }))),
    });
  });
  return new Table({
    width: { size: columns.reduce((sum, c) => sum + c.width, 0), type: WidthType.DXA },
    columnWidths: columns.map((c) => c.width),
    layout: TableLayoutType.FIXED,
    borders: BORDERS,
    margins: PADDING,
    rows: [header, ...body],
  });
}
