import type { ExtensionListRow } from "../../db/extensions.js";

export function presentExtension(r: ExtensionListRow) {
  const e = r.ext;
  return {
    id: e.id,
    taskId: e.taskId,
    taskTitle: r.task.title,
    taskRef: r.task.ref,
    planId: r.task.planId,
    requestedBy: e.requestedBy ? { id: e.requestedBy, fullName: r.requesterName ?? "" } : null,
    requestedAt: e.requestedAt.toISOString(),
    currentDue: e.currentDue,
    proposedDue: e.proposedDue,
    reason: e.reason,
    status: e.status,
    decidedBy: e.decidedBy ? { id: e.decidedBy, fullName: r.deciderName ?? "" } : null,
    decidedAt: e.decidedAt?.toISOString() ?? null,
    decisionNote: e.decisionNote,
  };
}
