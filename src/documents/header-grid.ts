/**
 * The header of a statistics table of several rows with merged cells (Biểu
 * 06, the annex), described once and drawn both in DOCX (data-table.ts) and
 * in XLSX (report-xlsx.ts). No dependencies.
 */
export interface HeaderCell {
  text: string;
  /** Columns the cell spans (default 1). */
  columnSpan?: number;
  /** Rows the cell spans downwards (default 1). */
  rowSpan?: number;
  /** Bold unless false (the column-number row "(1)", "(2)" … is not). */
  bold?: boolean;
}

export interface PlacedHeaderCell extends Required<Omit<HeaderCell, "bold">> {
  bold: boolean;
  /** 0-based row and column of the cell's top-left corner. */
  row: number;
  column: number;
}

/**
 * Where each cell goes: a row lists only the cells that start in it, left to
 * right; columns covered by a cell merged down from a row above are skipped.
 */
export function placeHeaderCells(rows: HeaderCell[][], columnCount: number): PlacedHeaderCell[] {
  const coveredUntil = Array.from({ length: columnCount }, () => -1);
  const out: PlacedHeaderCell[] = [];
  rows.forEach((cells, row) => {
    let column = 0;
    for (const c of cells) {
      while (column < columnCount && coveredUntil[column] >= row) column++;
      const columnSpan = c.columnSpan ?? 1;
      const rowSpan = c.rowSpan ?? 1;
      if (column + columnSpan > columnCount) throw new Error(`header cell "${c.text}" of row ${row + 1} runs past the ${columnCount} columns`);
      for (let i = column; i < column + columnSpan; i++) coveredUntil[i] = row + rowSpan - 1;
      out.push({ text: c.text, columnSpan, rowSpan, bold: c.bold !== false, row, column });
      column += columnSpan;
    }
  });
  return out;
}
