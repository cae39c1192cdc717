import { AppError } from "../../domain/errors.js";
import { fold } from "../../domain/text.js";
import type { Parsed } from "./values.js";

export interface Column { key: string; aliases: string[]; required?: boolean }
export interface Issue { row: number; column: string; message: string; warning: boolean }
export interface TableRow { row: number; raw: (key: string) => string; header: (key: string) => string }
export interface Table { rows: TableRow[]; present: Set<string>; issues: Issue[] }

const norm = (s: string) => fold(s).replace(/đ/g, "d");

/** Header matching (contract "Headers"); unreadable files throw AppError. */
export function readTable(grid: string[][], columns: Column[], file: string): Table {
  const header = grid[0];
  if (!header || header.every((h) => h.trim() === "")) throw new AppError("validation", `${file}: không có dòng tiêu đề`);
  const byName = new Map<string, Column>();
  for (const c of columns) for (const n of [c.key, ...c.aliases]) byName.set(norm(n), c);
  const index = new Map<string, { i: number; header: string }>();
  const issues: Issue[] = [];
  header.forEach((h, i) => {
    const name = h.trim();
    if (name === "") return;
    const col = byName.get(norm(name));
    if (!col) { issues.push({ row: 1, column: name, message: `cột không được dùng "${name}", bỏ qua`, warning: true }); return; }
    const prev = index.get(col.key);
    if (prev) throw new AppError("validation", `${file}: cột ${col.key} xuất hiện hai lần ("${prev.header}" và "${name}")`);
    index.set(col.key, { i, header: name });
  });
  const missing = columns.filter((c) => c.required && !index.has(c.key)).map((c) => c.key);
  if (missing.length) throw new AppError("validation", `${file}: thiếu cột bắt buộc ${missing.join(", ")}`);
  const rows: TableRow[] = [];
  grid.slice(1).forEach((cells, k) => {
    if (cells.every((c) => c.trim() === "")) return;
    rows.push({
      row: k + 2,
      raw: (key) => { const x = index.get(key); return x ? (cells[x.i] ?? "").trim() : ""; },
      header: (key) => index.get(key)?.header ?? key,
    });
  });
  return { rows, present: new Set(index.keys()), issues };
}

/** Reads cells of one row, collecting problems. */
export class RowReader {
  readonly problems: Issue[] = [];
  constructor(private readonly r: TableRow) {}
  get row() { return this.r.row; }
  raw(key: string) { return this.r.raw(key); }
  fail(key: string | null, message: string) {
    this.problems.push({ row: this.r.row, column: key === null ? "-" : this.r.header(key), message, warning: false });
  }
  get<T>(key: string, parse: (raw: string) => Parsed<T>, required = false): T | null {
    const raw = this.r.raw(key);
    if (raw === "") { if (required) this.fail(key, `thiếu giá trị bắt buộc ${key}`); return null; }
    const p = parse(raw);
    if (!p.ok) { this.fail(key, p.reason); return null; }
    return p.value;
  }
}
