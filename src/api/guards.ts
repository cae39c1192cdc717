import { forbidden, notFound } from "../domain/errors.js";
import type { Tx } from "../db/connection.js";
import { getOrg, type OrgRow } from "../db/orgs.js";
import { getPlanRow } from "../db/plans.js";
import { loadTaskView, type TaskView } from "../db/tasks.js";
import { getTargetRow } from "../db/targets.js";
import { getExtension } from "../db/extensions.js";
import { getUnit } from "../db/units.js";
import { getUserView } from "../db/users.js";
import { canOnPlan, type PlanAction } from "./policies/plan.js";
import { canOnTask, type TaskAction } from "./policies/task.js";
import { canOnTarget } from "./policies/target.js";
import { canReadOrg, type Viewer } from "./policies/viewer.js";
import { taskRef } from "./presenters/task.js";

/**
 * Loaders that fetch a resource and apply its policy. Something of an
 * organisation the viewer cannot read answers 404, so ids do not leak; a
 * readable resource the viewer may not change answers 403.
 */
export async function readableOrg(tx: Tx, viewer: Viewer, orgId: string): Promise<OrgRow> {
  const org = await getOrg(tx, orgId);
  if (!org || !canReadOrg(viewer, org)) throw notFound("đơn vị");
  return org;
}

export function orgAllowed(viewer: Viewer, org: OrgRow, allowed: (v: Viewer, o: OrgRow) => boolean): void {
  if (!allowed(viewer, org)) throw forbidden();
}

export async function planFor(tx: Tx, viewer: Viewer, planId: string, action: PlanAction) {
  const plan = await getPlanRow(tx, planId);
  if (!plan || !canOnPlan(viewer, "read", plan)) throw notFound("kế hoạch");
  if (!canOnPlan(viewer, action, plan)) throw forbidden(action === "update" && plan.status === "closed" ? "Kế hoạch đã kết thúc nên không thể sửa." : undefined);
  return plan;
}

export async function taskFor(tx: Tx, viewer: Viewer, taskId: string, action: TaskAction, today: string): Promise<TaskView> {
  const task = await loadTaskView(tx, taskId, today);
  if (!task || !canOnTask(viewer, "read", taskRef(task))) throw notFound("nhiệm vụ");
  if (!canOnTask(viewer, action, taskRef(task))) {
    if (action !== "edit" && task.plan.status !== "active" && viewer.orgId === task.orgId) throw forbidden("Kế hoạch chưa được phê duyệt hoặc đã kết thúc nên chưa thể cập nhật nhiệm vụ.");
    throw forbidden(action === "edit" ? "Chỉ công chức đầu mối CCHC được sửa nội dung nhiệm vụ."
      : action === "complete" ? "Chỉ bộ phận chủ trì hoặc công chức đầu mối CCHC được báo cáo hoàn thành nhiệm vụ."
      : "Bạn chỉ được cập nhật nhiệm vụ do bộ phận của mình chủ trì hoặc phối hợp.");
  }
  return task;
}

export async function targetFor(tx: Tx, viewer: Viewer, targetId: string, action: "read" | "edit" | "record") {
  const row = await getTargetRow(tx, targetId);
  if (!row) throw notFound("chỉ tiêu");
  const ref = { orgId: row.target.orgId, plan: { orgId: row.plan.orgId, status: row.plan.status, org: row.org }, unitIds: row.unitIds };
  if (!canOnTarget(viewer, "read", ref)) throw notFound("chỉ tiêu");
  if (!canOnTarget(viewer, action, ref)) throw forbidden();
  return row.target;
}

export async function extensionFor(tx: Tx, viewer: Viewer, id: string) {
  const row = await getExtension(tx, id);
  if (!row || !canReadOrg(viewer, row.org)) throw notFound("đề nghị gia hạn");
  return row;
}

export async function unitFor(tx: Tx, viewer: Viewer, unitId: string) {
  const unit = await getUnit(tx, unitId);
  if (!unit) throw notFound("bộ phận");
  const org = await readableOrg(tx, viewer, unit.orgId).catch(() => { throw notFound("bộ phận"); });
  return { unit, org };
}

export async function userFor(tx: Tx, viewer: Viewer, userId: string) {
  const user = await getUserView(tx, userId);
  if (!user) throw notFound("tài khoản");
  const org = await readableOrg(tx, viewer, user.orgId).catch(() => { throw notFound("tài khoản"); });
  return { user, org };
}
