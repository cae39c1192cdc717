import { z } from "zod";
import type { FastifyRequest } from "fastify";
import { AppError, invalid } from "../../domain/errors.js";
import { checkEvidenceFile, cleanFilename, MAX_EVIDENCE_FILES } from "../../domain/evidence.js";
import { isRepeatedUpdate, postUpdate, type EvidenceUpload } from "../../db/progress.js";
import { requestExtension } from "../../db/extensions.js";
import { getExtension } from "../../db/extensions.js";
import { requireViewer } from "../auth.js";
import { taskFor } from "../guards.js";
import { presentExtension } from "../presenters/extension.js";
import { taskRef } from "../presenters/task.js";
import { canOnTask } from "../policies/task.js";
import { idParam, integerIn, isoDate, optionalText, requiredText } from "../validation.js";
import { presentTaskDetail } from "./tasks.js";
import type { RouteModule } from "../app-types.js";

const flag = z.enum(["true", "false", "on", "1", "0"], { error: "Giá trị đánh dấu không hợp lệ." }).optional().transform((v) => v === "true" || v === "on" || v === "1");

const updateFields = z.object({
  date: isoDate("Ngày cập nhật").optional(),
  // A blank form field means "not given", not 0.
  progress: z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z.coerce.number({ error: "Tiến độ phải là số." }).pipe(integerIn("Tiến độ", 0, 100)).optional()),
  note: optionalText("Nội dung cập nhật", 5000),
  markDone: flag,
  reopen: flag,
  period: z.string().trim().max(10).optional(),
  clientKey: z.string().trim().max(64, { error: "Mã cập nhật không hợp lệ." }).regex(/^[\w-]*$/, { error: "Mã cập nhật không hợp lệ." }).optional(),
});

/** Reads a multipart form: text fields and evidence files, each file checked by its bytes. */
async function readUpdateForm(request: FastifyRequest) {
  const fields: Record<string, string> = {};
  const files: EvidenceUpload[] = [];
  if (!request.isMultipart()) throw invalid("Dữ liệu cập nhật phải gửi dạng biểu mẫu có tệp đính kèm (multipart/form-data).");
  for await (const part of request.parts()) {
    if (part.type === "file") {
      if (!part.filename) { await part.toBuffer(); continue; }
      if (files.length >= MAX_EVIDENCE_FILES) throw invalid(`Mỗi lần cập nhật đính kèm tối đa ${MAX_EVIDENCE_FILES} tệp.`, "files");
      const content = await part.toBuffer();
      const filename = cleanFilename(part.filename);
      const check = checkEvidenceFile(filename, content.subarray(0, 16), content.length);
      if (!check.ok) throw invalid(check.message, "files");
      files.push({ filename, mimeType: check.mimeType, content });
    } else {
      fields[part.fieldname] = String(part.value ?? "");
    }
  }
  const parsed = updateFields.safeParse(fields);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw invalid(issue.message, issue.path.join("."));
  }
  return { ...parsed.data, files };
}

export const updateRoutes: RouteModule = (app, ctx) => {
  const { db } = ctx.database;

  app.post("/api/tasks/:taskId/updates", {
    schema: { tags: ["Nhiệm vụ"], summary: "Cập nhật tiến độ (multipart: date, progress, note, markDone, reopen, period, files)", params: idParam("taskId", "Mã nhiệm vụ"), consumes: ["multipart/form-data"] },
  }, async (request, reply) => {
    const viewer = requireViewer(request);
    const today = ctx.today();
    const task = await taskFor(db, viewer, request.params.taskId, "update", today);
    const form = await readUpdateForm(request);
    if (await isRepeatedUpdate(db, task.id, form.clientKey)) {
      reply.code(200);
      return presentTaskDetail(db, task.id, viewer, today);
    }
    const note = form.note ?? "";
    if (!note && !form.markDone && !form.files.length && form.progress === undefined) throw invalid("Nội dung cập nhật không được để trống.", "note");
    if (form.markDone && !canOnTask(viewer, "complete", taskRef(task))) throw new AppError("forbidden", "Chỉ bộ phận chủ trì hoặc công chức đầu mối CCHC được báo cáo hoàn thành nhiệm vụ.");
    if (form.reopen && viewer.role !== "focal_point") throw new AppError("forbidden", "Chỉ công chức đầu mối CCHC được mở lại nhiệm vụ đã hoàn thành.");
    await postUpdate(db, viewer, task, { ...form, note, date: form.date ?? today }, today);
    reply.code(201);
    return presentTaskDetail(db, task.id, viewer, today);
  });

  app.post("/api/tasks/:taskId/extensions", {
    schema: { tags: ["Gia hạn"], summary: "Xin gia hạn nhiệm vụ", params: idParam("taskId", "Mã nhiệm vụ"), body: z.object({ proposedDue: isoDate("Hạn đề nghị"), reason: requiredText("Lý do xin gia hạn", 2000) }) },
  }, async (request, reply) => {
    const viewer = requireViewer(request);
    const today = ctx.today();
    const task = await taskFor(db, viewer, request.params.taskId, "requestExtension", today);
    const id = await requestExtension(db, viewer, task, request.body, today);
    reply.code(201);
    return presentExtension((await getExtension(db, id))!);
  });
};
