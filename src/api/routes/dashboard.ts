import { z } from "zod";
import { parseIso, addDays } from "../../domain/dates.js";
import { summarize, summarizeByArea, summarizeByLeadUnit } from "../../domain/dashboard.js";
import { listPlanRows, withCounts } from "../../db/plans.js";
import { loadTaskViews, tasksOfActivePlans } from "../../db/tasks.js";
import { loadTargets } from "../../db/targets.js";
import { listUnits } from "../../db/units.js";
import { requireViewer } from "../auth.js";
import { readableOrg } from "../guards.js";
import { presentPlan } from "../presenters/plan.js";
import { presentTarget } from "../presenters/target.js";
import { presentTaskSummary } from "../presenters/task.js";
import { idParam, queryYear } from "../validation.js";
import type { RouteModule } from "../app-types.js";

export const dashboardRoutes: RouteModule = (app, ctx) => {
  const { db } = ctx.database;

  app.get("/api/orgs/:orgId/dashboard", {
    schema: { tags: ["Bảng điều hành"], summary: "Bảng điều hành của Chủ tịch", params: idParam("orgId", "Mã đơn vị"), querystring: z.object({ year: queryYear().optional() }) },
  }, async (request) => {
    const viewer = requireViewer(request);
    const org = await readableOrg(db, viewer, request.params.orgId);
    const today = ctx.today();
    const year = request.query.year ?? parseIso(today).year;
    // The views are exactly the tasks of the year's active plans: the plans' counts come from them.
    const [views, planRows, units] = await Promise.all([
      loadTaskViews(db, tasksOfActivePlans(org.id, year), today),
      listPlanRows(db, org.id, { year, status: "active" }),
      listUnits(db, org.id, true),
    ]);
    const plans = planRows.map((p) => withCounts(p, views));
    const targets = await loadTargets(db, plans.map((p) => p.id));
    const forSummary = views.map((v) => ({ status: v.derived.status, area: v.area, leadUnitIds: v.lead.map((u) => u.id) }));
    const unitName = new Map(units.map((u) => [u.id, u.name]));
    const in30 = addDays(today, 30);
    const present = (list: typeof views) => list.map((v) => presentTaskSummary(v, viewer));
    return {
      year,
      today,
      totals: summarize(forSummary),
      byArea: summarizeByArea(forSummary),
      byUnit: summarizeByLeadUnit(forSummary).map(({ unitId, ...s }) => ({ unit: { id: unitId, name: unitName.get(unitId) ?? "" }, ...s })),
      overdue: present(views.filter((v) => v.derived.status === "overdue").sort((a, b) => (a.dueDate ?? "").localeCompare(b.dueDate ?? ""))),
      dueNext30: present(views.filter((v) => !v.doneOn && v.dueDate && v.dueDate >= today && v.dueDate <= in30).sort((a, b) => a.dueDate!.localeCompare(b.dueDate!))),
      targets: targets.map((t) => presentTarget(t, today)),
      plans: plans.map(presentPlan),
    };
  });
};
