import { extname } from "node:path";
import type { FastifyRequest } from "fastify";
import { AppError, invalid } from "../domain/errors.js";
import { cleanFilename } from "../domain/evidence.js";

export interface SingleFile { filename: string; content: Buffer; fields: Record<string, string> }

/**
 * Reads a multipart form with one file in the field `file` and any text
 * fields; refuses a missing file, another extension, or one over the limit,
 * naming the file in Vietnamese.
 */
export async function readSingleFile(request: FastifyRequest, o: { maxBytes: number; extensions: readonly string[]; what: string }): Promise<SingleFile> {
  if (!request.isMultipart()) throw invalid("Tệp phải gửi dạng biểu mẫu có tệp đính kèm (multipart/form-data).", "file");
  const list = o.extensions.length > 1 ? `${o.extensions.slice(0, -1).join(", ")} hoặc ${o.extensions.at(-1)}` : o.extensions.join("");
  const tooLarge = (name: string) => new AppError("too_large", `Tệp ${name} quá lớn (tối đa ${o.maxBytes / 1024 / 1024} MB).`, "file");
  let file: { filename: string; content: Buffer } | null = null;
  const fields: Record<string, string> = {};
  try {
    for await (const part of request.parts({ limits: { fileSize: o.maxBytes, files: 1 } })) {
      if (part.type === "field") { fields[part.fieldname] = String(part.value ?? ""); continue; }
      const content = await part.toBuffer();
      if (part.fieldname === "file" && part.filename) file = { filename: cleanFilename(part.filename), content };
    }
  } catch (err) {
    if ((err as { code?: string }).code === "FST_REQ_FILE_TOO_LARGE") throw tooLarge(o.what);
    throw err;
  }
  if (!file) throw invalid(`Hãy chọn ${o.what} (${list}) ở trường file.`, "file");
  if (!o.extensions.includes(extname(file.filename).toLowerCase())) throw invalid(`Tệp ${file.filename} không được hỗ trợ: chỉ nhận tệp ${list}.`, "file");
  if (file.content.byteLength > o.maxBytes) throw tooLarge(file.filename);
  return { ...file, fields };
}
