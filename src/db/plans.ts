import { and, desc, eq, sql, type SQL } from "drizzle-orm";
import { invalid } from "../domain/errors.js";
import { emptyStatusCounts, type TaskStatus } from "../domain/task-status.js";
import { recordAudit, diff } from "./audit.js";
import { organisations, plans, tasks } from "./schema.js";
import { loadTaskViews, tasksOfPlan, type PlanRow, type TaskView } from "./tasks.js";
import type { Db, Tx } from "./connection.js";
import type { IsoDate } from "../domain/dates.js";

export interface Actor { id: string; orgId: string }
export type PlanInput = Partial<Pick<PlanRow, "type" | "title" | "year" | "number" | "issuedDate" | "issuer" | "signerName" | "signerTitle" | "legalBases">>;
export interface PlanWithCounts extends PlanRow { taskCount: number; statusCounts: Record<TaskStatus, number>; org: { id: string; kind: "province" | "commune" | "district"; parentId: string | null } }

export async function getPlanRow(tx: Tx, id: string) {
  const [row] = await tx.select({ plan: plans, org: { id: organisations.id, kind: organisations.kind, parentId: organisations.parentId } })
    .from(plans).innerJoin(organisations, eq(organisations.id, plans.orgId)).where(eq(plans.id, id));
  return row ? { ...row.plan, org: row.org } : null;
}

/** Plans of an organisation with their organisation, newest year first; no counts. */
export async function listPlanRows(tx: Tx, orgId: string, filter: { year?: number; status?: PlanRow["status"]; type?: PlanRow["type"] }) {
  const conds: SQL[] = [eq(plans.orgId, orgId)];
  if (filter.year) conds.push(eq(plans.year, filter.year));
  if (filter.status) conds.push(eq(plans.status, filter.status));
  if (filter.type) conds.push(eq(plans.type, filter.type));
  const rows = await tx.select({ plan: plans, org: { id: organisations.id, kind: organisations.kind, parentId: organisations.parentId } })
    .from(plans).innerJoin(organisations, eq(organisations.id, plans.orgId))
    .where(and(...conds)).orderBy(desc(plans.year), desc(plans.createdAt));
  return rows.map(({ plan, org }) => ({ ...plan, org }));
}

/** A plan with its task count and status counts, from task views that include all of its tasks (others are ignored). */
export function withCounts(plan: PlanRow & { org: PlanWithCounts["org"] }, views: TaskView[]): PlanWithCounts {
  const statusCounts = emptyStatusCounts();
  let taskCount = 0;
  for (const v of views) if (v.planId === plan.id) { statusCounts[v.derived.status]++; taskCount++; }
  return { ...plan, taskCount, statusCounts };
}

/** Plans of an organisation with their task count and derived status counts. */
export async function listPlans(tx: Tx, orgId: string, filter: { year?: number; status?: PlanRow["status"]; type?: PlanRow["type"] }, today: IsoDate): Promise<PlanWithCounts[]> {
  const rows = await listPlanRows(tx, orgId, filter);
  if (!rows.length) return [];
  const views = await loadTaskViews(tx, and(eq(tasks.orgId, orgId), sql`${tasks.planId} in (${sql.join(rows.map((r) => sql`${r.id}`), sql`, `)})`), today);
  return rows.map((plan) => withCounts(plan, views));
}

/** One plan of an organisation with its counts, as the plan routes answer it: only its own tasks are loaded. */
export async function planWithCounts(tx: Tx, orgId: string, planId: string, today: IsoDate): Promise<PlanWithCounts> {
  const plan = await getPlanRow(tx, planId);
  if (!plan || plan.orgId !== orgId) throw new Error(`plan ${planId} is not a plan of ${orgId}`);
  return withCounts(plan, await loadTaskViews(tx, tasksOfPlan(planId), today));
}

function checkPlanInput(input: PlanInput) {
  if (input.issuedDate && input.year && Number(input.issuedDate.slice(0, 4)) > input.year + 1) {
    throw invalid("Ngày ban hành không khớp với năm của kế hoạch.", "issuedDate");
  }
}

export async function createPlan(db: Db, actor: Actor, orgId: string, input: PlanInput & Pick<PlanRow, "type" | "title" | "year">): Promise<PlanRow> {
  checkPlanInput(input);
  return db.transaction(async (tx) => {
    const [plan] = await tx.insert(plans).values({ ...input, orgId, status: "draft", createdBy: actor.id }).returning();
    await recordAudit(tx, { orgId, userId: actor.id, action: "create", entity: "plan", entityId: plan.id, summary: `Tạo kế hoạch "${plan.title}"`, changes: { after: input } });
    return plan;
  });
}

export async function updatePlan(db: Db, actor: Actor, plan: PlanRow, input: PlanInput): Promise<PlanRow> {
  checkPlanInput({ ...plan, ...input });
  return db.transaction(async (tx) => {
    const [updated] = await tx.update(plans).set({ ...input, updatedAt: new Date() }).where(eq(plans.id, plan.id)).returning();
    await recordAudit(tx, { orgId: plan.orgId, userId: actor.id, action: "update", entity: "plan", entityId: plan.id, summary: `Sửa kế hoạch "${updated.title}"`, changes: diff(plan, input) });
    return updated;
  });
}

const STATUS_WORDS: Record<PlanRow["status"], string> = { draft: "Dự thảo", active: "Đang thực hiện", closed: "Đã kết thúc" };

export async function setPlanStatus(db: Db, actor: Actor, plan: PlanRow, status: PlanRow["status"]): Promise<PlanRow> {
  return db.transaction(async (tx) => {
    const [updated] = await tx.update(plans).set({ status, updatedAt: new Date() }).where(eq(plans.id, plan.id)).returning();
    await recordAudit(tx, { orgId: plan.orgId, userId: actor.id, action: "status", entity: "plan", entityId: plan.id,
      summary: `Chuyển kế hoạch "${plan.title}" sang trạng thái ${STATUS_WORDS[status]}`, changes: { status: [plan.status, status] } });
    return updated;
  });
}
