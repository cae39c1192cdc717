import type { Tx } from "../db/connection.js";
import { getOrg } from "../db/orgs.js";
import { loadTargets } from "../db/targets.js";
import { loadTaskViews, tasksOfPlan, type PlanRow } from "../db/tasks.js";
import type { IsoDate } from "../domain/dates.js";
import type { PlanDocumentInput } from "./plan-docx.js";

/**
 * What the plan document shows, read with the loaders of the plan view
 * (tasks with their units in the plan's order, targets), plus the commune
 * and its province for the header. The plan is one the caller may read
 * (guards.ts: planFor).
 */
export async function loadPlanDocument(tx: Tx, plan: PlanRow, today: IsoDate): Promise<PlanDocumentInput> {
  const org = await getOrg(tx, plan.orgId);
  if (!org) throw new Error(`organisation ${plan.orgId} of plan ${plan.id} not found`);
  const [province, tasks, targets] = await Promise.all([
    org.parentId ? getOrg(tx, org.parentId) : Promise.resolve(null),
    loadTaskViews(tx, tasksOfPlan(plan.id), today),
    loadTargets(tx, [plan.id]),
  ]);
  return {
    type: plan.type,
    title: plan.title,
    year: plan.year,
    number: plan.number,
    issuedDate: plan.issuedDate,
    communeName: org.name,
    provinceName: province?.kind === "province" ? province.name : null,
    signer: { name: plan.signerName, title: plan.signerTitle },
    legalBases: plan.legalBases,
    targets: targets.map((t) => t.text),
    tasks: tasks.map((t) => ({
      area: t.area,
      title: t.title,
      criteria: t.criteria,
      lead: t.lead.map((u) => u.name),
      support: t.support.map((u) => u.name),
      product: t.product,
      dueDate: t.originalDueDate ?? t.dueDate,
      timelineText: t.timelineText,
      recurrence: t.recurrence,
    })),
  };
}
