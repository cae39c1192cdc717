import type { PlanWithCounts } from "../../db/plans.js";

export function presentPlan(plan: PlanWithCounts) {
  return {
    id: plan.id,
    orgId: plan.orgId,
    type: plan.type,
    number: plan.number,
    issuedDate: plan.issuedDate,
    year: plan.year,
    title: plan.title,
    issuer: plan.issuer,
    signerName: plan.signerName,
    signerTitle: plan.signerTitle,
    legalBases: plan.legalBases,
    status: plan.status,
    createdAt: plan.createdAt.toISOString(),
    updatedAt: plan.updatedAt.toISOString(),
    taskCount: plan.taskCount,
    statusCounts: plan.statusCounts,
  };
}
