import { z } from "zod";
import { eq } from "drizzle-orm";
import { notFound } from "../../domain/errors.js";
import { TASK_STATUSES } from "../../domain/task-status.js";
import { checkForCommunes } from "../../domain/cascade.js";
import { createTask, deleteTask, updateTask } from "../../db/task-commands.js";
import { loadTaskView, loadTaskViews, tasksOfUnits } from "../../db/tasks.js";
import { getEvidence, loadUpdates } from "../../db/task-history.js";
import { listExtensions } from "../../db/extensions.js";
import { extensionRequests } from "../../db/schema.js";
import { requireViewer } from "../auth.js";
import { planFor, taskFor } from "../guards.js";
import { canOnTask } from "../policies/task.js";
import { presentExtension } from "../presenters/extension.js";
import { presentTaskSummary, taskRef } from "../presenters/task.js";
import { enumOf, idParam } from "../validation.js";
import { taskBody } from "./plan-schemas.js";
import type { RouteModule } from "../app-types.js";
import type { Viewer } from "../policies/viewer.js";
import type { Tx } from "../../db/connection.js";

export async function presentTaskDetail(tx: Tx, taskId: string, viewer: Viewer, today: string) {
  const view = (await loadTaskView(tx, taskId, today))!;
  const [updates, extensions] = await Promise.all([loadUpdates(tx, taskId), listExtensions(tx, eq(extensionRequests.taskId, taskId))]);
  return {
    ...presentTaskSummary(view, viewer),
    canEdit: canOnTask(viewer, "edit", taskRef(view)),
    periods: view.derived.periods.map((p) => ({ key: p.key, label: p.label, start: p.start, end: p.end, state: p.state, checkInDate: p.checkInDate })),
    updates: updates.map((u) => ({
      id: u.id, taskId: u.taskId, date: u.date, author: u.authorId ? { id: u.authorId, fullName: u.authorName ?? "" } : null,
      progress: u.progress, note: u.note, statusChange: u.statusChange, period: u.period, createdAt: u.createdAt.toISOString(),
      files: u.files.map((f) => ({ id: f.id, filename: f.filename, mimeType: f.mimeType, size: f.size, url: `/api/evidence/${f.id}` })),
    })),
    extensions: extensions.map(presentExtension),
  };
}

export const taskRoutes: RouteModule = (app, ctx) => {
  const { db } = ctx.database;
  const taskParams = idParam("taskId", "Mã nhiệm vụ");

  app.post("/api/plans/:planId/tasks", { schema: { tags: ["Nhiệm vụ"], summary: "Thêm nhiệm vụ", params: idParam("planId", "Mã kế hoạch"), body: taskBody } }, async (request, reply) => {
    const viewer = requireViewer(request);
    const plan = await planFor(db, viewer, request.params.planId, "update");
    checkForCommunes(request.body.forCommunes, plan.org.kind);
    const id = await createTask(db, viewer, plan, request.body);
    reply.code(201);
    return presentTaskDetail(db, id, viewer, ctx.today());
  });

  app.get("/api/tasks/:taskId", { schema: { tags: ["Nhiệm vụ"], summary: "Nhiệm vụ với tiến độ, tài liệu kiểm chứng và gia hạn", params: taskParams } }, async (request) => {
    const viewer = requireViewer(request);
    const task = await taskFor(db, viewer, request.params.taskId, "read", ctx.today());
    return presentTaskDetail(db, task.id, viewer, ctx.today());
  });

  app.patch("/api/tasks/:taskId", { schema: { tags: ["Nhiệm vụ"], summary: "Sửa nhiệm vụ", params: taskParams, body: taskBody.partial() } }, async (request) => {
    const viewer = requireViewer(request);
    const task = await taskFor(db, viewer, request.params.taskId, "edit", ctx.today());
    checkForCommunes(request.body.forCommunes, task.plan.orgKind);
    await updateTask(db, viewer, task, request.body);
    return presentTaskDetail(db, task.id, viewer, ctx.today());
  });

  app.delete("/api/tasks/:taskId", { schema: { tags: ["Nhiệm vụ"], summary: "Xóa nhiệm vụ", params: taskParams } }, async (request) => {
    const viewer = requireViewer(request);
    const task = await taskFor(db, viewer, request.params.taskId, "edit", ctx.today());
    await deleteTask(db, viewer, task);
    return { ok: true };
  });

  app.get("/api/my/tasks", { schema: { tags: ["Nhiệm vụ"], summary: "Nhiệm vụ của bộ phận tôi", querystring: z.object({ status: enumOf("Trạng thái", TASK_STATUSES).optional() }) } }, async (request) => {
    const viewer = requireViewer(request);
    const views = await loadTaskViews(db, tasksOfUnits(viewer.orgId, viewer.unitIds), ctx.today());
    return views
      .filter((v) => !request.query.status || v.derived.status === request.query.status)
      .sort((a, b) => (a.dueDate ?? "9999").localeCompare(b.dueDate ?? "9999"))
      .map((v) => presentTaskSummary(v, viewer));
  });

  app.get("/api/evidence/:fileId", { schema: { tags: ["Nhiệm vụ"], summary: "Tải tài liệu kiểm chứng", params: idParam("fileId", "Mã tệp") } }, async (request, reply) => {
    const viewer = requireViewer(request);
    const file = await getEvidence(db, request.params.fileId);
    if (!file) throw notFound("tệp");
    await taskFor(db, viewer, file.taskId, "read", ctx.today()).catch(() => { throw notFound("tệp"); });
    reply.header("Content-Type", file.mimeType);
    reply.header("Content-Disposition", `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`);
    reply.header("X-Content-Type-Options", "nosniff");
    reply.header("Cache-Control", "private, max-age=3600");
    return reply.send(file.content);
  });
};
