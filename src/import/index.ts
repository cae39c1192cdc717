/**
 * Importing a plan document (.txt, .md, .docx, .pdf) into a plan draft
 * (contract: shared/contracts/plan-import.md).
 *
 * The file is recognised by its bytes (a PDF starts with "%PDF", a .docx is a
 * zip holding word/document.xml), not by its name alone; what cannot be read
 * raises an AppError with a one-line Vietnamese message.
 */
import { readFile, stat } from "node:fs/promises";
import { basename, dirname, extname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { readFileSync } from "node:fs";
import type { PlanDraft } from "../domain/plan-draft.js";
import type { UnitReference } from "../domain/unit-match.js";
import type { Block } from "./blocks.js";
import { AppError, tooLarge, unreadable } from "./errors.js";
import { sourceLinesOf } from "./blocks.js";
import { parseBlocks, parseBlocksWithSpans, type SourceSpan } from "./parse.js";
import { readDocx } from "./read-docx.js";
import { readPdf } from "./read-pdf.js";
import { readText } from "./read-text.js";

export { AppError } from "./errors.js";
export { parseBlocks, parseBlocksWithSpans, type SourceSpan } from "./parse.js";
export type { PlanDraft } from "../domain/plan-draft.js";

/** Files larger than this are refused before reading. */
export const MAX_IMPORT_BYTES = 30 * 1024 * 1024;

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
let unitsCache: UnitReference | null = null;

/** The reference units of fixtures/units.json. */
export function referenceUnits(): UnitReference {
  if (!unitsCache) unitsCache = JSON.parse(readFileSync(join(ROOT, "fixtures/units.json"), "utf8")) as UnitReference;
  return unitsCache;
}

export type ImportFormat = "pdf" | "docx" | "text";

function view(buffer: Uint8Array, length = buffer.byteLength): Buffer {
  return Buffer.from(buffer.buffer, buffer.byteOffset, Math.min(length, buffer.byteLength));
}

/** What the bytes are: a PDF, a Word document, or text; an AppError for anything else. */
export function detectFormat(buffer: Uint8Array, filename: string): ImportFormat {
  const ext = extname(filename).toLowerCase();
  const head = view(buffer, 8).toString("latin1");
  // PDF readers accept a little junk before the header in a .pdf; so do we.
  const pdfAt = view(buffer, 1024).indexOf("%PDF-");
  if (pdfAt === 0 || (pdfAt > 0 && ext === ".pdf")) return "pdf";
  if (head.startsWith("PK\u0003\u0004")) {
    if (!view(buffer).includes("word/document.xml")) throw unreadable(`Tệp ${basename(filename)} là tệp nén nhưng không phải văn bản Word (.docx).`);
    return "docx";
  }
  if (ext === ".pdf") throw unreadable(`Tệp ${basename(filename)} không phải PDF hợp lệ (thiếu phần đầu %PDF).`);
  if (ext === ".docx") throw unreadable(`Tệp ${basename(filename)} không phải văn bản Word (.docx) hợp lệ.`);
  if (head.startsWith("\u00d0\u00cf\u0011\u00e0")) throw unreadable(`Tệp ${basename(filename)} là văn bản Word cũ (.doc); hãy lưu lại dưới dạng .docx rồi nhập.`);
  // Text: UTF-16 with its byte order mark, or bytes without the control codes of binary files.
  if ((buffer[0] === 0xff && buffer[1] === 0xfe) || (buffer[0] === 0xfe && buffer[1] === 0xff)) return "text";
  for (const byte of view(buffer, 4096)) {
    if (byte < 9 || (byte > 13 && byte < 32 && byte !== 27)) throw unreadable(`Tệp ${basename(filename)} không phải văn bản đọc được (.txt, .md, .docx hoặc .pdf).`);
  }
  return "text";
}

function decodeText(buffer: Uint8Array, filename: string): string {
  let bytes = buffer;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const le = bytes[0] === 0xff;
    const body = Buffer.from(bytes.subarray(2, 2 + ((bytes.byteLength - 2) & ~1)));
    if (!le) body.swap16();
    return body.toString("utf16le");
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw unreadable(`Tệp ${basename(filename)} không phải văn bản UTF-8 đọc được.`);
  }
}

/** The blocks of a document, by format. */
export async function readBlocks(buffer: Uint8Array, filename: string): Promise<Block[]> {
  if (buffer.byteLength === 0) throw unreadable(`Tệp ${basename(filename)} rỗng.`);
  if (buffer.byteLength > MAX_IMPORT_BYTES) throw tooLarge(`Tệp ${basename(filename)} quá lớn (tối đa ${MAX_IMPORT_BYTES / 1024 / 1024} MB).`);
  const format = detectFormat(buffer, filename);
  try {
    if (format === "pdf") return await readPdf(buffer);
    if (format === "docx") return await readDocx(Buffer.from(buffer));
    return readText(decodeText(buffer, filename));
  } catch (err) {
    if (err instanceof AppError) throw err;
    if (err instanceof Error && err.name === "PasswordException") throw unreadable(`Tệp PDF ${basename(filename)} có mật khẩu; hãy bỏ mật khẩu rồi nhập lại.`);
    const what = format === "pdf" ? "PDF" : format === "docx" ? "Word (.docx)" : "văn bản";
    throw unreadable(`Không đọc được tệp ${what} ${basename(filename)}: tệp bị hỏng hoặc không đúng định dạng.`);
  }
}

export async function importPlanBuffer(buffer: Uint8Array, filename: string, units: UnitReference = referenceUnits()): Promise<PlanDraft> {
  const blocks = await readBlocks(buffer, filename);
  return parseBlocks(blocks, { units });
}

/** What the import screen shows: the draft, the document as lines, and per task the lines it came from. */
export interface ImportReview { draft: PlanDraft; sourceLines: string[]; spans: SourceSpan[] }

export async function importPlanWithSources(buffer: Uint8Array, filename: string, units: UnitReference = referenceUnits()): Promise<ImportReview> {
  const blocks = await readBlocks(buffer, filename);
  const { draft, spans } = parseBlocksWithSpans(blocks, { units });
  return { draft, sourceLines: sourceLinesOf(blocks).lines, spans };
}

export async function importPlanFile(path: string, units?: UnitReference): Promise<PlanDraft> {
  let size: number;
  try {
    const s = await stat(path);
    if (!s.isFile()) throw unreadable(`${path} không phải là tệp.`);
    size = s.size;
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw unreadable(`Không mở được tệp ${path}: tệp không tồn tại hoặc không có quyền đọc.`);
  }
  if (size > MAX_IMPORT_BYTES) throw tooLarge(`Tệp ${basename(path)} quá lớn (tối đa ${MAX_IMPORT_BYTES / 1024 / 1024} MB).`);
  let buffer: Buffer;
  try {
    buffer = await readFile(path);
  } catch {
    throw unreadable(`Không mở được tệp ${path}.`);
  }
  return importPlanBuffer(buffer, basename(path), units);
}
