import { AppError } from "../../domain/errors.js";

const pad = (n: number) => String(n).padStart(2, "0");

/** One cell as the text a CSV would carry; XLSX dates (stored as UTC) become `YYYY-MM-DD HH:mm:ss`. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) {
    const t = `${v.getUTCFullYear()}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())}`;
    return v.getUTCHours() || v.getUTCMinutes() || v.getUTCSeconds() ? `${t} ${pad(v.getUTCHours())}:${pad(v.getUTCMinutes())}:${pad(v.getUTCSeconds())}` : t;
  }
  if (typeof v === "object") {
    const o = v as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: unknown };
    if (Array.isArray(o.richText)) return o.richText.map((r) => r.text).join("");
    if ("result" in o) return cellText(o.result);
    if ("text" in o) return cellText(o.text);
    if ("error" in o) return "";
  }
  return String(v);
}

/** The first worksheet of an .xlsx file as rows of cells (row 1 = header). */
export async function readXlsxGrid(buf: Buffer, file: string): Promise<string[][]> {
  const { default: ExcelJS } = await import("exceljs");
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    throw new AppError("validation", `${file}: không đọc được tệp XLSX`);
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new AppError("validation", `${file}: tệp XLSX không có trang tính`);
  const grid: string[][] = [];
  const width = ws.columnCount;
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c).value).trim());
    grid.push(cells);
  }
  return grid;
}
