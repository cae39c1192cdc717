import { canOnTask } from "../policies/task.js";
import type { Viewer } from "../policies/viewer.js";
import type { TaskView } from "../../db/tasks.js";

export function taskRef(view: TaskView) {
  return {
    orgId: view.orgId,
    plan: { orgId: view.plan.orgId, status: view.plan.status, org: { id: view.plan.orgId, kind: view.plan.orgKind, parentId: view.plan.orgParentId } },
    unitIds: [...view.lead, ...view.support].map((u) => u.id),
    leadUnitIds: view.lead.map((u) => u.id),
  };
}

export function presentTaskSummary(view: TaskView, viewer: Viewer) {
  return {
    id: view.id,
    planId: view.planId,
    planTitle: view.plan.title,
    ref: view.ref,
    area: view.area,
    title: view.title,
    product: view.product,
    lead: view.lead,
    support: view.support,
    timelineText: view.timelineText,
    milestones: view.milestones,
    dueDate: view.dueDate,
    originalDueDate: view.originalDueDate,
    recurrence: view.recurrence,
    criteria: view.criteria,
    budgetSource: view.budgetSource,
    // A recurring task that closed its year with every period reported is complete.
    progress: view.derived.status === "done_on_time" || view.derived.status === "done_late" ? 100 : view.progress,
    doneOn: view.doneOn,
    status: view.derived.status,
    missingPeriods: view.derived.missingPeriods.map((p) => p.label),
    lastUpdateAt: view.lastUpdateAt?.toISOString() ?? null,
    canUpdate: canOnTask(viewer, "update", taskRef(view)),
    canComplete: canOnTask(viewer, "complete", taskRef(view)),
    sortOrder: view.sortOrder,
    // Plan cascade (docs/cascade.md): the provincial task this commune task serves; a provincial task given to the communes.
    sourceTaskId: view.sourceTaskId,
    forCommunes: view.forCommunes,
  };
}
export type TaskSummaryJson = ReturnType<typeof presentTaskSummary>;
