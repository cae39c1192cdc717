import { BorderStyle, Paragraph, Table, TableCell, TableLayoutType, TableRow, VerticalAlign, WidthType } from "docx";

/**
 * A borderless table that places blocks side by side (the header block, the
 * closing block): fixed column widths in twips, no cell padding left and right.
 */
const NONE = { style: BorderStyle.NONE, size: 0, color: "auto" } as const;
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };

export function layoutTable(columns: readonly number[], rows: Paragraph[][][]): Table {
  return new Table({
    width: { size: columns.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: [...columns],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    margins: { left: 0, right: 0, top: 0, bottom: 0 },
    rows: rows.map((cells) => new TableRow({
      cantSplit: true,
      children: cells.map((children, i) => new TableCell({
        width: { size: columns[i], type: WidthType.DXA },
        verticalAlign: VerticalAlign.TOP,
        borders: { top: NONE, bottom: NONE, left: NONE, right: NONE },
        children: children.length ? children : [new Paragraph({})],
      })),
    })),
  });
}
