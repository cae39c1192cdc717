import { BorderStyle, Table, TableCell, TableLayoutType, TableRow, VerticalAlign, WidthType } from "docx";
import { TEXT_COLOR } from "./nd30.js";
import { placeHeaderCells, type HeaderCell } from "./header-grid.js";
import { cellText } from "./paragraphs.js";

export type { HeaderCell } from "./header-grid.js";

/**
 * A table of an appendix or a list (practice in commune plans): single black
 * borders, no shading, 12 pt single-spaced text; the header row bold, centred
 * and repeated on every page (w:tblHeader), or several header rows with
 * merged cells (a statistics form), all repeated; group rows (an area, a
 * unit) carry their number in the first column and their label merged across
 * the others, in bold; a total row is bold.
 */
export interface Column {
  header: string;
  /** Width in twips; the widths add up to the text width of the section. */
  width: number;
  align?: "left" | "center" | "right" | "justified";
}

export type DataRow =
  | { kind: "group"; number: string; label: string }
  /** A body row; `bold` for a total row. */
  | { kind: "row"; cells: string[]; bold?: boolean };

export interface DataTableOptions {
  /** The header as several rows with merged cells, all repeated on every page; by default one row of the columns' headers. */
  headerRows?: HeaderCell[][];
  /** Keep every body row on one page (rows of a few lines each, as in a list of findings), rather than only total rows. */
  keepRowsWhole?: boolean;
}

const LINE = { style: BorderStyle.SINGLE, size: 4, color: TEXT_COLOR } as const;
const BORDERS = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE };
const PADDING = { top: 40, bottom: 40, left: 80, right: 80 };

const cell = (width: number, paragraphs: ReturnType<typeof cellText>[], columnSpan?: number) =>
  new TableCell({ width: { size: width, type: WidthType.DXA }, columnSpan, verticalAlign: VerticalAlign.TOP, children: paragraphs });

/** Lines of a cell: each line of the text its own paragraph. */
const lines = (text: string, look: Parameters<typeof cellText>[1]) => (text ? text.split(/\r?\n/) : [""]).map((l) => cellText(l, look));

/** The header rows: each cell as wide as the columns it spans, placed after the columns merged down from the rows above. */
function headerRows(columns: Column[], rows: HeaderCell[][]): TableRow[] {
  const placed = placeHeaderCells(rows, columns.length);
  return rows.map((_, r) => new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: placed.filter((c) => c.row === r).map((c) => new TableCell({
      width: { size: columns.slice(c.column, c.column + c.columnSpan).reduce((sum, col) => sum + col.width, 0), type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      columnSpan: c.columnSpan > 1 ? c.columnSpan : undefined,
      rowSpan: c.rowSpan > 1 ? c.rowSpan : undefined,
      children: lines(c.text, { bold: c.bold || undefined, align: "center" }),
    })),
  }));
}

export function dataTable(columns: Column[], rows: DataRow[], options: DataTableOptions = {}): Table {
  const header = headerRows(columns, options.headerRows ?? [columns.map((c) => ({ text: c.header }))]);
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
      cantSplit: options.keepRowsWhole || row.bold || undefined,
      children: columns.map((c, i) => cell(c.width, lines(row.cells[i] ?? "", { align: c.align, bold: row.bold }))),
    });
  });
  return new Table({
    width: { size: columns.reduce((sum, c) => sum + c.width, 0), type: WidthType.DXA },
    columnWidths: columns.map((c) => c.width),
    layout: TableLayoutType.FIXED,
    borders: BORDERS,
    margins: PADDING,
    rows: [...header, ...body],
  });
}
