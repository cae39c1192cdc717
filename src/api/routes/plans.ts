import { z } from "zod";
import { invalid } from "../../domain/errors.js";
import { createPlan, listPlans, planWithCounts, setPlanStatus, updatePlan, withCounts } from "../../db/plans.js";
import { loadTaskViews, tasksOfPlan } from "../../db/tasks.js";
import { loadTargets } from "../../db/targets.js";
import { PLAN_STATUSES, PLAN_TYPES } from "../../db/schema.js";
import { requireViewer } from "../auth.js";
import { planFor, readableOrg } from "../guards.js";
import { canOnPlan, type PlanAction } from "../policies/plan.js";
import { forbidden } from "../../domain/errors.js";
import { presentPlan } from "../presenters/plan.js";
import { presentTarget } from "../presenters/target.js";
import { presentTaskSummary } from "../presenters/task.js";
import { enumOf, idParam, queryYear } from "../validation.js";
import { planBody } from "./plan-schemas.js";
import type { RouteModule } from "../app-types.js";

const TRANSITIONS: Record<string, PlanAction> = { "draft>active": "approve", "active>closed": "close", "active>draft": "reopen", "closed>draft": "reopen", "closed>active": "reopen" };

export const planRoutes: RouteModule = (app, ctx) => {
  const { db } = ctx.database;

  const withCountsOf = (planId: string, orgId: string) => planWithCounts(db, orgId, planId, ctx.today());

  app.get("/api/orgs/:orgId/plans", {
    schema: { tags: ["Kế hoạch"], summary: "Kế hoạch của đơn vị", params: idParam("orgId", "Mã đơn vị"),
      querystring: z.object({ year: queryYear().optional(), status: enumOf("Trạng thái", PLAN_STATUSES).optional(), type: enumOf("Loại kế hoạch", PLAN_TYPES).optional() }) },
  }, async (request) => {
    const viewer = requireViewer(request);
    const org = await readableOrg(db, viewer, request.params.orgId);
    return (await listPlans(db, org.id, request.query, ctx.today())).map(presentPlan);
  });

  app.post("/api/orgs/:orgId/plans", { schema: { tags: ["Kế hoạch"], summary: "Tạo kế hoạch (dự thảo)", params: idParam("orgId", "Mã đơn vị"), body: planBody } }, async (request, reply) => {
    const viewer = requireViewer(request);
    const org = await readableOrg(db, viewer, request.params.orgId);
    if (!canOnPlan(viewer, "create", { orgId: org.id, status: "draft", org })) throw forbidden("Chỉ công chức đầu mối CCHC của đơn vị được tạo kế hoạch.");
    const plan = await createPlan(db, viewer, org.id, request.body);
    reply.code(201);
    return presentPlan(await withCountsOf(plan.id, org.id));
  });

  app.get("/api/plans/:planId", { schema: { tags: ["Kế hoạch"], summary: "Kế hoạch với nhiệm vụ và chỉ tiêu", params: idParam("planId", "Mã kế hoạch") } }, async (request) => {
    const viewer = requireViewer(request);
    const plan = await planFor(db, viewer, request.params.planId, "read");
    // The counts come from the plan's own tasks, loaded once (not from every plan of the organisation).
    const [tasks, targets] = await Promise.all([
      loadTaskViews(db, tasksOfPlan(plan.id), ctx.today()),
      loadTargets(db, [plan.id]),
    ]);
    return {
      ...presentPlan(withCounts(plan, tasks)),
      tasks: tasks.map((t) => presentTaskSummary(t, viewer)),
      targets: targets.map((t) => presentTarget(t, ctx.today())),
      canEdit: canOnPlan(viewer, "update", plan),
      canApprove: canOnPlan(viewer, "approve", plan),
      canClose: canOnPlan(viewer, "close", plan),
      canReopen: canOnPlan(viewer, "reopen", plan),
    };
  });

  app.patch("/api/plans/:planId", { schema: { tags: ["Kế hoạch"], summary: "Sửa kế hoạch", params: idParam("planId", "Mã kế hoạch"), body: planBody.partial() } }, async (request) => {
    const viewer = requireViewer(request);
    const plan = await planFor(db, viewer, request.params.planId, "update");
    await updatePlan(db, viewer, plan, request.body);
    return presentPlan(await withCountsOf(plan.id, plan.orgId));
  });

  app.post("/api/plans/:planId/status", {
    schema: { tags: ["Kế hoạch"], summary: "Phê duyệt, kết thúc hoặc mở lại kế hoạch", params: idParam("planId", "Mã kế hoạch"), body: z.object({ status: enumOf("Trạng thái", PLAN_STATUSES) }) },
  }, async (request) => {
    const viewer = requireViewer(request);
    const current = await planFor(db, viewer, request.params.planId, "read");
    const action = TRANSITIONS[`${current.status}>${request.body.status}`];
    if (!action) throw invalid("Không thể chuyển kế hoạch sang trạng thái này.", "status");
    const plan = await planFor(db, viewer, current.id, action);
    await setPlanStatus(db, viewer, plan, request.body.status);
    return presentPlan(await withCountsOf(plan.id, plan.orgId));
  });
};
