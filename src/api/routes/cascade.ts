import { z } from "zod";
import { forbidden, invalid, notFound } from "../../domain/errors.js";
import { createPlanFromTemplate, listTemplates, planRollup } from "../../db/cascade.js";
import { getPlanRow, planWithCounts } from "../../db/plans.js";
import { requireViewer } from "../auth.js";
import { planFor, readableOrg } from "../guards.js";
import { canOnPlan } from "../policies/plan.js";
import { presentPlan } from "../presenters/plan.js";
import { idParam, queryYear, uuid } from "../validation.js";
import type { OrgRow } from "../../db/orgs.js";
import type { RouteModule } from "../app-types.js";

/** The plan cascade (docs/cascade.md): the province's template tasks, the commune plan made from them, the province's roll-up. */
export const cascadeRoutes: RouteModule = (app, ctx) => {
  const { db } = ctx.database;
  const communeOnly = (org: OrgRow) => {
    if (org.kind !== "commune" || !org.parentId) throw invalid("Chỉ xã, phường nhận nhiệm vụ giao từ kế hoạch của tỉnh.", "orgId");
  };
  const templateTask = (t: Awaited<ReturnType<typeof listTemplates>>[number]["tasks"][number]) => ({
    id: t.id, ref: t.ref, area: t.area, title: t.title, product: t.product, timelineText: t.timelineText, dueDate: t.dueDate, recurrence: t.recurrence, criteria: t.criteria,
  });

  app.get("/api/orgs/:orgId/cascade/templates", {
    schema: { tags: ["Giao cấp xã"], summary: "Kế hoạch của tỉnh đang thực hiện và các nhiệm vụ giao cấp xã", params: idParam("orgId", "Mã xã"), querystring: z.object({ year: queryYear().optional() }) },
  }, async (request) => {
    const viewer = requireViewer(request);
    const commune = await readableOrg(db, viewer, request.params.orgId);
    communeOnly(commune);
    const year = request.query.year ?? Number(ctx.today().slice(0, 4));
    const found = await listTemplates(db, commune, year);
    return {
      year,
      canCreate: canOnPlan(viewer, "create", { orgId: commune.id, status: "draft", org: commune }),
      plans: found.map(({ plan, tasks, communePlanId }) => ({
        id: plan.id, title: plan.title, number: plan.number, issuedDate: plan.issuedDate, issuer: plan.issuer, year: plan.year,
        tasks: tasks.map(templateTask), communePlanId,
      })),
    };
  });

  app.post("/api/orgs/:orgId/cascade/plans", {
    schema: { tags: ["Giao cấp xã"], summary: "Tạo kế hoạch của xã từ kế hoạch của tỉnh (dự thảo)", params: idParam("orgId", "Mã xã"), body: z.object({ provincePlanId: uuid("Kế hoạch của tỉnh") }) },
  }, async (request, reply) => {
    const viewer = requireViewer(request);
    const commune = await readableOrg(db, viewer, request.params.orgId);
    if (!canOnPlan(viewer, "create", { orgId: commune.id, status: "draft", org: commune })) throw forbidden("Chỉ công chức đầu mối CCHC của xã được tạo kế hoạch.");
    communeOnly(commune);
    const source = await getPlanRow(db, request.body.provincePlanId);
    // Only the province's own active plans are published to its communes; anything else is not revealed.
    if (!source || source.orgId !== commune.parentId || source.status !== "active") throw notFound("kế hoạch của tỉnh");
    const planId = await createPlanFromTemplate(db, viewer, commune, source);
    reply.code(201);
    return presentPlan(await planWithCounts(db, commune.id, planId, ctx.today()));
  });

  app.get("/api/orgs/:orgId/cascade/plans/:planId/rollup", {
    schema: { tags: ["Giao cấp xã"], summary: "Tình hình thực hiện nhiệm vụ giao cấp xã của các xã", params: idParam("orgId", "Mã tỉnh").extend({ planId: uuid("Mã kế hoạch") }) },
  }, async (request) => {
    const viewer = requireViewer(request);
    const province = await readableOrg(db, viewer, request.params.orgId);
    const plan = await planFor(db, viewer, request.params.planId, "read");
    if (plan.orgId !== province.id || province.kind !== "province") throw notFound("kế hoạch");
    const { rows, communeCount } = await planRollup(db, province, plan.id, ctx.today());
    return {
      plan: { id: plan.id, title: plan.title, number: plan.number, year: plan.year, status: plan.status },
      communeCount,
      tasks: rows.map((r) => ({
        task: { id: r.task.id, ref: r.task.ref, area: r.task.area, title: r.task.title, dueDate: r.task.dueDate },
        planned: r.planned, counts: r.counts,
        missing: r.missing.map((c) => ({ id: c.id, name: c.name })),
        communes: r.byCommune.map((b) => ({ id: b.commune.id, name: b.commune.name, state: b.state })),
      })),
    };
  });
};
