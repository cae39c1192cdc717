/**
 * The plan cascade in the database (docs/cascade.md): the province's template
 * tasks, the commune plan created from them in one command, and the
 * province's roll-up per template task.
 */
import { and, asc, eq, inArray, isNotNull } from "drizzle-orm";
import { communePlanTitle, communeTaskFrom, rollup, type RollupRow, type TemplateTask } from "../domain/cascade.js";
import { conflict } from "../domain/errors.js";
import type { IsoDate } from "../domain/dates.js";
import { recordAudit } from "./audit.js";
import { organisations, plans, tasks, taskUnits } from "./schema.js";
import { loadTaskViews, type PlanRow } from "./tasks.js";
import { listUnits } from "./units.js";
import type { Actor } from "./plans.js";
import type { OrgRow } from "./orgs.js";
import type { Db, Tx } from "./connection.js";

const templateColumns = {
  id: tasks.id, planId: tasks.planId, ref: tasks.ref, area: tasks.area, title: tasks.title, product: tasks.product,
  timelineText: tasks.timelineText, dueDate: tasks.dueDate, recurrence: tasks.recurrence, criteria: tasks.criteria,
};

/** The "giao cấp xã" tasks of the given province plans, in plan order. */
export async function templateTasks(tx: Tx, planIds: string[]): Promise<Array<TemplateTask & { planId: string }>> {
  if (!planIds.length) return [];
  return tx.select(templateColumns).from(tasks)
    .where(and(inArray(tasks.planId, planIds), eq(tasks.forCommunes, true)))
    .orderBy(asc(tasks.planId), asc(tasks.sortOrder), asc(tasks.createdAt));
}

/** The province's active plans of a year with their template tasks, and the commune's plan made from each, if any. */
export async function listTemplates(tx: Tx, commune: OrgRow, year: number) {
  if (!commune.parentId) return [];
  const provincePlans = await tx.select().from(plans)
    .where(and(eq(plans.orgId, commune.parentId), eq(plans.year, year), eq(plans.status, "active")))
    .orderBy(asc(plans.createdAt));
  const ids = provincePlans.map((p) => p.id);
  const [templates, made] = await Promise.all([
    templateTasks(tx, ids),
    ids.length ? tx.select({ id: plans.id, sourcePlanId: plans.sourcePlanId }).from(plans).where(and(eq(plans.orgId, commune.id), inArray(plans.sourcePlanId, ids))) : [],
  ]);
  return provincePlans.map((plan) => ({
    plan,
    tasks: templates.filter((t) => t.planId === plan.id),
    communePlanId: made.find((m) => m.sourcePlanId === plan.id)?.id ?? null,
  }));
}

/**
 * One step: the commune's draft annual plan from the province's plan, one
 * task per template task (link kept, lead unit proposed from the area), with
 * its audit entry, all in one transaction. A second plan from the same
 * provincial plan is refused.
 */
export async function createPlanFromTemplate(db: Db, actor: Actor, commune: OrgRow, provincePlan: PlanRow): Promise<string> {
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: plans.id, title: plans.title }).from(plans)
      .where(and(eq(plans.orgId, commune.id), eq(plans.sourcePlanId, provincePlan.id)));
    if (existing) throw conflict(`Xã đã có kế hoạch "${existing.title}" được tạo từ kế hoạch này của tỉnh.`, "provincePlanId");
    const [templates, units] = await Promise.all([templateTasks(tx, [provincePlan.id]), listUnits(tx, commune.id)]);
    const title = communePlanTitle(provincePlan.year, commune.name);
    const legalBases = [`Kế hoạch ${provincePlan.number ? `số ${provincePlan.number} ` : ""}của ${provincePlan.issuer ?? "UBND tỉnh"} về ${provincePlan.title}`];
    const [plan] = await tx.insert(plans).values({
      orgId: commune.id, type: "annual", year: provincePlan.year, title, status: "draft", sourcePlanId: provincePlan.id, legalBases, createdBy: actor.id,
    }).returning();
    const drafts = templates.map((t) => communeTaskFrom(t, units));
    if (drafts.length) {
      const inserted = await tx.insert(tasks).values(drafts.map(({ leadUnitIds: _lead, ...fields }, i) => ({
        ...fields, orgId: commune.id, planId: plan.id, originalDueDate: fields.dueDate, sortOrder: (i + 1) * 10,
      }))).returning({ id: tasks.id });
      const leads = drafts.flatMap((d, i) => d.leadUnitIds.map((unitId) => ({ orgId: commune.id, taskId: inserted[i].id, unitId, role: "lead" as const, position: 0 })));
      if (leads.length) await tx.insert(taskUnits).values(leads);
    }
    await recordAudit(tx, {
      orgId: commune.id, userId: actor.id, action: "create", entity: "plan", entityId: plan.id,
      summary: `Tạo kế hoạch "${title}" từ kế hoạch của tỉnh "${provincePlan.title}" (${drafts.length} nhiệm vụ giao cấp xã)`,
      changes: { after: { title, year: provincePlan.year, sourcePlanId: provincePlan.id, sourceTaskIds: templates.map((t) => t.id) } },
    });
    return plan.id;
  });
}

/**
 * Per template task of a province plan: where the province's communes stand.
 * The linked tasks of every commune are loaded in one loadTaskViews call
 * (three queries whatever the number of communes) so that statuses are
 * derived exactly as everywhere else.
 */
export async function planRollup(tx: Tx, province: OrgRow, planId: string, today: IsoDate): Promise<{ rows: RollupRow[]; communeCount: number }> {
  const [templates, communes] = await Promise.all([
    templateTasks(tx, [planId]),
    tx.select({ id: organisations.id, name: organisations.name, code: organisations.code }).from(organisations)
      .where(and(eq(organisations.parentId, province.id), eq(organisations.kind, "commune"))),
  ]);
  if (!templates.length) return { rows: [], communeCount: communes.length };
  const linked = await loadTaskViews(tx, and(
    isNotNull(tasks.sourceTaskId),
    inArray(tasks.sourceTaskId, templates.map((t) => t.id)),
    eq(organisations.parentId, province.id),
    inArray(plans.status, ["draft", "active"]),
  ), today);
  const rows = rollup(templates, communes, linked.map((v) => ({ orgId: v.orgId, sourceTaskId: v.sourceTaskId!, status: v.derived.status })));
  return { rows, communeCount: communes.length };
}
