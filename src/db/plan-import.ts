/**
 * Accepting a reviewed plan draft (shared/contracts/plan-import.md): one
 * transaction creates the plan (as a draft), the units the reviewer asked
 * for, the tasks with their lead and support units, and the targets with
 * their monitor and implement units, with one audit entry. Nothing is written
 * when any unit cannot be resolved.
 *
 * A draft unit resolves, in this order, to: the unit the reviewer chose
 * (`unitId`), the commune's unit whose `code` is the reference id, or what
 * `unitMap` says for its written text (an existing unit or one to create).
 */
import { invalid } from "../domain/errors.js";
import { fold } from "../domain/text.js";
import { recordAudit } from "./audit.js";
import { suggestIndicator } from "../domain/indicators/catalogue.js";
import { plans, targets, targetUnits, tasks, taskUnits, units } from "./schema.js";
import { listUnits } from "./units.js";
import type { PlanDraft } from "../domain/plan-draft.js";
import type { Actor } from "./plans.js";
import type { PlanRow } from "./tasks.js";
import type { Db, Tx } from "./connection.js";

/** A draft unit as the review sends it back: the parser's unit, or the commune unit chosen for it. */
export interface AcceptedUnit { unit: string | null; text: string; unitId?: string }
type Draft = PlanDraft;
export interface AcceptedDraft {
  document: Omit<Draft["document"], "title" | "year"> & { title: string; year: number };
  targets: Array<Omit<Draft["targets"][number], "monitor" | "implement"> & { monitor: AcceptedUnit[]; implement: AcceptedUnit[] }>;
  tasks: Array<Omit<Draft["tasks"][number], "lead" | "support"> & { lead: AcceptedUnit[]; support: AcceptedUnit[] }>;
}
export type UnitChoice = { unitId: string } | { create: { name: string } };
export interface AcceptInput { draft: AcceptedDraft; type: PlanRow["type"]; unitMap: Record<string, UnitChoice> }

/** The key a written unit text is looked up by in unitMap: as written, spacing collapsed. */
export const unitKey = (text: string) => text.replace(/\s+/g, " ").trim();

interface Resolver {
  /** the commune unit id of a draft unit, or a 400 naming it and where it sits */
  (u: AcceptedUnit, path: string): string;
  created: Array<{ key: string; name: string }>;
}

function resolver(active: Array<{ id: string; code: string | null }>, unitMap: Record<string, UnitChoice>): Resolver {
  const ids = new Set(active.map((u) => u.id));
  const byCode = new Map(active.filter((u) => u.code).map((u) => [u.code!, u.id]));
  const map = new Map(Object.entries(unitMap).map(([k, v]) => [unitKey(k), { written: k, choice: v }]));
  for (const { written, choice } of map.values()) {
    if ("unitId" in choice && !ids.has(choice.unitId)) throw invalid(`Bộ phận chọn cho "${written}" không thuộc đơn vị này hoặc đã ngừng hoạt động.`, `unitMap.${written}.unitId`);
  }
  const created: Resolver["created"] = [];
  const resolve = ((u: AcceptedUnit, path: string): string => {
    if (u.unitId) {
      if (!ids.has(u.unitId)) throw invalid(`Bộ phận "${u.text}" không thuộc đơn vị này hoặc đã ngừng hoạt động.`, `${path}.unitId`);
      return u.unitId;
    }
    const mapped = map.get(unitKey(u.text));
    if (mapped) {
      if ("unitId" in mapped.choice) return mapped.choice.unitId;
      // Placeholder until the unit exists: one new unit per name, however often it is written.
      const name = unitKey(mapped.choice.create.name);
      const key = `new:${fold(name)}`;
      if (!created.some((c) => c.key === key)) created.push({ key, name });
      return key;
    }
    const known = u.unit ? byCode.get(u.unit) : undefined;
    if (known) return known;
    throw invalid(`Đơn vị "${u.text}" chưa được khớp với bộ phận nào của xã: hãy chọn bộ phận hoặc tạo mới.`, path);
  }) as Resolver;
  resolve.created = created;
  return resolve;
}

/** Unit ids of a list, in order, without repeats (and without those in `except`). */
function distinct(list: AcceptedUnit[], path: string, resolve: Resolver, except: string[] = []): string[] {
  const out: string[] = [];
  list.forEach((u, i) => {
    const id = resolve(u, `${path}.${i}`);
    if (!out.includes(id) && !except.includes(id)) out.push(id);
  });
  return out;
}

/** Creates the plan of a reviewed draft in one transaction; returns the new plan row. */
export async function acceptPlanDraft(db: Db, actor: Actor, orgId: string, input: AcceptInput): Promise<PlanRow> {
  const { draft } = input;
  return db.transaction(async (tx: Tx) => {
    const resolve = resolver(await listUnits(tx, orgId), input.unitMap);
    // Every unit is resolved before anything is written.
    const taskUnitIds = draft.tasks.map((t, i) => {
      const lead = distinct(t.lead, `draft.tasks.${i}.lead`, resolve);
      return { lead, support: distinct(t.support, `draft.tasks.${i}.support`, resolve, lead) };
    });
    const targetUnitIds = draft.targets.map((t, i) => ({
      monitor: distinct(t.monitor, `draft.targets.${i}.monitor`, resolve),
      implement: distinct(t.implement, `draft.targets.${i}.implement`, resolve),
    }));
    const newIds = new Map<string, string>();
    if (resolve.created.length) {
      const existing = await listUnits(tx, orgId, true);
      const rows = await tx.insert(units).values(resolve.created.map((c, i) => ({ orgId, name: c.name, kind: "unit" as const, sortOrder: (existing.length + i + 1) * 10 }))).returning();
      resolve.created.forEach((c, i) => newIds.set(c.key, rows[i].id));
    }
    const real = (id: string) => newIds.get(id) ?? id;

    const doc = draft.document;
    const [plan] = await tx.insert(plans).values({
      orgId, type: input.type, title: doc.title, year: doc.year, number: doc.number, issuedDate: doc.date, issuer: doc.issuer,
      signerName: doc.signer.name, signerTitle: doc.signer.title, status: "draft", createdBy: actor.id,
    }).returning();

    if (draft.tasks.length) {
      const rows = await tx.insert(tasks).values(draft.tasks.map((t, i) => ({
        orgId, planId: plan.id, ref: t.ref, area: t.area, title: t.title, product: t.product, timelineText: t.timeline.text,
        milestones: t.timeline.milestones, dueDate: t.timeline.due, originalDueDate: t.timeline.due, recurrence: t.timeline.recurrence,
        criteria: t.criteria, sortOrder: (i + 1) * 10,
      }))).returning({ id: tasks.id });
      const links = rows.flatMap((row, i) => [
        ...taskUnitIds[i].lead.map((id, position) => ({ orgId, taskId: row.id, unitId: real(id), role: "lead" as const, position })),
        ...taskUnitIds[i].support.map((id, position) => ({ orgId, taskId: row.id, unitId: real(id), role: "support" as const, position })),
      ]);
      if (links.length) await tx.insert(taskUnits).values(links);
    }
    if (draft.targets.length) {
      const rows = await tx.insert(targets).values(draft.targets.map((t, i) => {
        // A target that names a one-stop indicator takes its values from the imported records.
        const indicatorKey = suggestIndicator(t.text, t.unit, t.value);
        return { orgId, planId: plan.id, text: t.text, op: t.op, value: t.value, unit: t.unit, sortOrder: (i + 1) * 10, dataSource: indicatorKey ? "computed" as const : "manual" as const, indicatorKey };
      })).returning({ id: targets.id });
      const links = rows.flatMap((row, i) => [
        ...targetUnitIds[i].monitor.map((id, position) => ({ orgId, targetId: row.id, unitId: real(id), role: "monitor" as const, position })),
        ...targetUnitIds[i].implement.map((id, position) => ({ orgId, targetId: row.id, unitId: real(id), role: "implement" as const, position })),
      ]);
      if (links.length) await tx.insert(targetUnits).values(links);
    }
    await recordAudit(tx, {
      orgId, userId: actor.id, action: "import", entity: "plan", entityId: plan.id,
      summary: `Tạo kế hoạch "${plan.title}" từ tài liệu: ${draft.tasks.length} nhiệm vụ, ${draft.targets.length} chỉ tiêu`,
      changes: { tasks: draft.tasks.length, targets: draft.targets.length, createdUnits: resolve.created.map((c) => c.name) },
    });
    return plan;
  });
}
