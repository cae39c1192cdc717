import { readFile } from "node:fs/promises";
import { extname } from "node:path";
import { AppError } from "../../domain/errors.js";
import { parseCsv } from "./csv.js";
import { readXlsxGrid } from "./xlsx.js";
import { type ReadResult, readDossierGrid, readFeedbackGrid, readProcedureGrid } from "./read.js";
import type { Issue } from "./table.js";

export { parseCsv } from "./csv.js";
export * from "./read.js";
export type { Issue } from "./table.js";

function extensionOf(file: string): ".csv" | ".xlsx" {
  const ext = extname(file).toLowerCase();
  if (ext !== ".csv" && ext !== ".xlsx") throw new AppError("validation", `${file}: định dạng không hỗ trợ "${ext || "(không có đuôi)"}" (dùng .csv hoặc .xlsx)`);
  return ext;
}

/** Reads a .csv or .xlsx file into rows of cells; unreadable files throw AppError. */
export async function readGrid(file: string): Promise<string[][]> {
  extensionOf(file);
  let buf: Buffer;
  try {
    buf = await readFile(file);
  } catch {
    throw new AppError("validation", `${file}: không mở được tệp`);
  }
  return readGridFromBytes(buf, file);
}

/** Same as readGrid for bytes already in memory (an upload); the name gives the type. */
export async function readGridFromBytes(buf: Buffer, file: string): Promise<string[][]> {
  const ext = extensionOf(file);
  if (ext === ".xlsx") {
    if (buf.subarray(0, 4).toString("binary") !== "PK\u0003\u0004") throw new AppError("validation", `${file}: nội dung không phải tệp XLSX`);
    return readXlsxGrid(buf, file);
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(buf);
  } catch {
    throw new AppError("validation", `${file}: tệp không phải UTF-8`);
  }
  return parseCsv(text);
}

/** `FILE:ROW:COLUMN: reason` (warnings carry "cảnh báo:"). */
export const formatIssue = (file: string, i: Issue) => `${file}:${i.row}:${i.column}: ${i.warning ? "cảnh báo: " : ""}${i.message}`;

export const readDossierFile = async (file: string) => readDossierGrid(await readGrid(file), file);
export const readProcedureFile = async (file: string) => readProcedureGrid(await readGrid(file), file);
export const readFeedbackFile = async (file: string) => readFeedbackGrid(await readGrid(file), file);

/** rejected × 20 > rows. */
export const overThreshold = (r: ReadResult<unknown>) => r.rejected * 20 > r.rows;
