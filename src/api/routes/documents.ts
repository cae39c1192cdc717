import { documentFileName, type DocumentFileName } from "../../documents/file-name.js";
import { TYPE_ABBREVIATION } from "../../documents/nd30.js";
import { loadPlanDocument } from "../../documents/plan-data.js";
import { renderPlanDocx } from "../../documents/plan-docx.js";
import { renderTaskListXlsx, renderUnitTaskListDocx } from "../../documents/task-list.js";
import { areaName } from "../../domain/areas.js";
import { formatViDate } from "../../domain/dates.js";
import { notFound } from "../../domain/errors.js";
import { STATUS_LABELS } from "../../domain/task-status.js";
import { getOrg } from "../../db/orgs.js";
import { loadTaskViews, tasksOfPlan, type TaskView } from "../../db/tasks.js";
import { z } from "zod";
import { requireViewer } from "../auth.js";
import { planFor } from "../guards.js";
import { idParam, uuid } from "../validation.js";
import type { RouteModule } from "../app-types.js";

/** Official documents (văn bản) laid out per Nghị định 30/2020/NĐ-CP, as DOCX files to download. */
export const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** An attachment named in ASCII for old clients and in UTF-8 (RFC 5987) for the others. */
export function attachment(name: DocumentFileName): string {
  return `attachment; filename="${name.ascii}"; filename*=UTF-8''${encodeURIComponent(name.utf8)}`;
}

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/** When a task is due, as a list writes it: its date, else the plan's words. */
const dueText = (t: TaskView) => (t.dueDate ? formatViDate(t.dueDate) : t.timelineText ?? "");

export const documentRoutes: RouteModule = (app, ctx) => {
  const { db } = ctx.database;

  app.get("/api/plans/:planId/export.docx", {
    schema: {
      tags: ["Văn bản"],
      summary: "Kế hoạch dạng văn bản Word (DOCX), trình bày theo Nghị định 30/2020/NĐ-CP, kèm phụ lục nhiệm vụ",
      params: idParam("planId", "Mã kế hoạch"),
    },
  }, async (request, reply) => {
    const viewer = requireViewer(request);
    const plan = await planFor(db, viewer, request.params.planId, "read");
    const file = await renderPlanDocx(await loadPlanDocument(db, plan, ctx.today()));
    const name = documentFileName({ number: plan.number, year: plan.year, typeAbbreviation: TYPE_ABBREVIATION.plan, title: plan.title, extension: "docx" });
    reply.header("Content-Type", DOCX_TYPE);
    reply.header("Content-Disposition", attachment(name));
    return reply.send(file);
  });

  app.get("/api/plans/:planId/tasks.xlsx", {
    schema: {
      tags: ["Văn bản"], summary: "Danh sách nhiệm vụ của kế hoạch (XLSX); unitId: chỉ nhiệm vụ bộ phận đó chủ trì hoặc phối hợp",
      params: idParam("planId", "Mã kế hoạch"), querystring: z.object({ unitId: uuid("Mã bộ phận").optional() }),
    },
  }, async (request, reply) => {
    const viewer = requireViewer(request);
    const plan = await planFor(db, viewer, request.params.planId, "read");
    const unitId = request.query.unitId;
    const views = (await loadTaskViews(db, tasksOfPlan(plan.id), ctx.today()))
      .filter((t) => !unitId || [...t.lead, ...t.support].some((u) => u.id === unitId));
    const file = await renderTaskListXlsx({
      title: `Danh sách nhiệm vụ: ${plan.title}`,
      subtitle: plan.number ? `Kế hoạch số ${plan.number}` : null,
      tasks: views.map((t) => ({
        ref: t.ref, title: t.title, area: t.area ? areaName(t.area) : null, lead: t.lead.map((u) => u.name), support: t.support.map((u) => u.name),
        product: t.product, due: dueText(t), status: STATUS_LABELS[t.derived.status], progress: t.progress,
      })),
    });
    const name = documentFileName({ number: plan.number, year: plan.year, typeAbbreviation: "DS-NV", title: plan.title, extension: "xlsx" });
    reply.header("Content-Type", XLSX_TYPE);
    reply.header("Content-Disposition", attachment(name));
    return reply.send(file);
  });

  app.get("/api/plans/:planId/units/:unitId/tasks.docx", {
    schema: {
      tags: ["Văn bản"], summary: "Danh mục nhiệm vụ của một bộ phận trong kế hoạch (DOCX, khổ ngang)",
      params: z.object({ planId: uuid("Mã kế hoạch"), unitId: uuid("Mã bộ phận") }),
    },
  }, async (request, reply) => {
    const viewer = requireViewer(request);
    const plan = await planFor(db, viewer, request.params.planId, "read");
    const views = await loadTaskViews(db, tasksOfPlan(plan.id), ctx.today());
    const roleOf = (t: TaskView) => (t.lead.some((u) => u.id === request.params.unitId) ? "lead" as const : t.support.some((u) => u.id === request.params.unitId) ? "support" as const : null);
    const mine = views.filter((t) => roleOf(t));
    const unit = mine.flatMap((t) => [...t.lead, ...t.support]).find((u) => u.id === request.params.unitId);
    if (!unit) throw notFound("nhiệm vụ của bộ phận này trong kế hoạch");
    const org = (await getOrg(db, plan.orgId))!;
    const province = org.parentId ? await getOrg(db, org.parentId) : null;
    const file = await renderUnitTaskListDocx({
      commune: { name: org.name, province: province?.name ?? null }, unitName: unit.name, planTitle: plan.title, planNumber: plan.number, year: plan.year,
      tasks: mine.map((t) => ({ ref: t.ref, title: t.title, role: roleOf(t)!, product: t.product, due: dueText(t), status: STATUS_LABELS[t.derived.status] })),
    });
    const name = documentFileName({ number: null, year: plan.year, typeAbbreviation: "DM-NV", title: unit.name, extension: "docx" });
    reply.header("Content-Type", DOCX_TYPE);
    reply.header("Content-Disposition", attachment(name));
    return reply.send(file);
  });
};
