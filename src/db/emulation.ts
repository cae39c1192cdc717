/**
 * Emulation campaigns (phong trào thi đua) in the database: loading a campaign
 * with its participants and judgments, reading the records its criteria are
 * evaluated on, and the commands that change it, each audited in its own
 * transaction. The rules of evaluation are in src/domain/emulation/evaluate.ts.
 */
import { and, asc, desc, eq, gte, inArray, isNotNull, lte, max } from "drizzle-orm";
import { formatViDate, ymd, type IsoDate } from "../domain/dates.js";
import { checkCampaignPeriod } from "../domain/emulation/criteria.js";
import {
  checkProposal, evaluateCampaign, type EvalFinding, type EvalInitiative, type EvalTask, type ParticipantResult,
} from "../domain/emulation/evaluate.js";
import type { CampaignCriterion, ProposalEntry } from "../domain/emulation/types.js";
import { conflict, invalid, notFound } from "../domain/errors.js";
import { COUNTED_UNIT_KINDS } from "../domain/inspections/units.js";
import { fold } from "../domain/text.js";
import { diff, recordAudit } from "./audit.js";
import {
  campaignJudgments, campaignParticipants, emulationCampaigns, initiatives, inspectionFindings, inspections, organisations, plans, tasks, taskUnits, units, users,
} from "./schema.js";
import { foreignUnitIds } from "./units.js";
import type { Actor } from "./plans.js";
import type { Db, Tx } from "./connection.js";

export type CampaignRow = typeof emulationCampaigns.$inferSelect;
export type ParticipantRow = typeof campaignParticipants.$inferSelect;
export type OrgRef = { id: string; kind: "province" | "commune" | "district"; parentId: string | null };

export const CONFIRMED = "Danh sách đề nghị khen thưởng đã được xác nhận; mở lại để sửa.";

export interface CampaignBundle {
  campaign: CampaignRow;
  sourcePlan: { id: string; title: string } | null;
  participants: Array<ParticipantRow & { unitName: string; displayName: string }>;
  judgments: Array<{ participantId: string; criterionId: string; met: boolean; note: string; by: string | null; at: string }>;
  confirmedByName: string | null;
}

export async function getCampaignRow(tx: Tx, id: string): Promise<(CampaignRow & { org: OrgRef }) | null> {
  const [row] = await tx.select({ c: emulationCampaigns, org: { id: organisations.id, kind: organisations.kind, parentId: organisations.parentId } })
    .from(emulationCampaigns).innerJoin(organisations, eq(organisations.id, emulationCampaigns.orgId)).where(eq(emulationCampaigns.id, id));
  return row ? { ...row.c, org: row.org } : null;
}

export async function getParticipantRow(tx: Tx, id: string): Promise<ParticipantRow | null> {
  const [row] = await tx.select().from(campaignParticipants).where(eq(campaignParticipants.id, id));
  return row ?? null;
}

/** A participant's name as printed: the unit's name for a unit, the person's own otherwise. */
const displayName = (p: ParticipantRow, unitName: string) => (p.kind === "unit" ? unitName : p.name ?? unitName);

async function userName(tx: Tx, id: string | null): Promise<string | null> {
  if (!id) return null;
  const [u] = await tx.select({ name: users.fullName }).from(users).where(eq(users.id, id));
  return u?.name ?? null;
}

export async function loadCampaign(tx: Tx, campaign: CampaignRow): Promise<CampaignBundle> {
  const participantRows = await tx.select({ p: campaignParticipants, unitName: units.name })
    .from(campaignParticipants).innerJoin(units, eq(units.id, campaignParticipants.unitId))
    .where(eq(campaignParticipants.campaignId, campaign.id))
    .orderBy(asc(campaignParticipants.sortOrder), asc(campaignParticipants.id));
  const judgmentRows = await tx.select({ j: campaignJudgments, by: users.fullName })
    .from(campaignJudgments).leftJoin(users, eq(users.id, campaignJudgments.judgedBy))
    .where(eq(campaignJudgments.campaignId, campaign.id));
  const [plan] = campaign.sourcePlanId
    ? await tx.select({ id: plans.id, title: plans.title }).from(plans).where(eq(plans.id, campaign.sourcePlanId))
    : [];
  return {
    campaign,
    sourcePlan: plan ?? null,
    participants: participantRows.map(({ p, unitName }) => ({ ...p, unitName, displayName: displayName(p, unitName) })),
    judgments: judgmentRows.map(({ j, by }) => ({ participantId: j.participantId, criterionId: j.criterionId, met: j.met, note: j.note, by: by ?? null, at: j.judgedAt.toISOString() })),
    confirmedByName: await userName(tx, campaign.confirmedBy),
  };
}

export interface CampaignFacts { tasks: EvalTask[]; initiatives: EvalInitiative[]; findings: EvalFinding[] }

/**
 * The records a campaign of `year` is evaluated on, for the period [from, to]:
 * tasks due in it of the year's approved or closed plans (every type) with
 * their lead units; initiatives submitted in it; findings of inspections
 * conducted in it.
 */
export async function campaignFacts(tx: Tx, orgId: string, year: number, from: IsoDate, to: IsoDate): Promise<CampaignFacts> {
  const taskRows = await tx.select({ id: tasks.id, planId: tasks.planId, title: tasks.title, ref: tasks.ref, dueDate: tasks.dueDate, doneOn: tasks.doneOn })
    .from(tasks).innerJoin(plans, eq(plans.id, tasks.planId))
    .where(and(eq(tasks.orgId, orgId), eq(plans.year, year), inArray(plans.status, ["active", "closed"]),
      isNotNull(tasks.dueDate), gte(tasks.dueDate, from), lte(tasks.dueDate, to)))
    .orderBy(asc(tasks.dueDate), asc(plans.createdAt), asc(tasks.sortOrder), asc(tasks.id));
  const leads = taskRows.length
    ? await tx.select({ taskId: taskUnits.taskId, unitId: taskUnits.unitId }).from(taskUnits)
      .where(and(inArray(taskUnits.taskId, taskRows.map((t) => t.id)), eq(taskUnits.role, "lead")))
    : [];
  const leadUnitIds = new Map<string, string[]>();
  for (const l of leads) leadUnitIds.set(l.taskId, [...(leadUnitIds.get(l.taskId) ?? []), l.unitId]);

  const initiativeRows = await tx.select({ id: initiatives.id, title: initiatives.title, unitId: initiatives.unitId, authors: initiatives.authors, submittedOn: initiatives.submittedOn })
    .from(initiatives).where(and(eq(initiatives.orgId, orgId), gte(initiatives.submittedOn, from), lte(initiatives.submittedOn, to)))
    .orderBy(asc(initiatives.submittedOn), asc(initiatives.id));

  const findingRows = await tx.select({
    id: inspectionFindings.id, inspectionId: inspectionFindings.inspectionId, description: inspectionFindings.description,
    responsibleUnitId: inspectionFindings.responsibleUnitId, foundOn: inspections.conductedOn, status: inspectionFindings.status, closedOn: inspectionFindings.closedOn,
  }).from(inspectionFindings).innerJoin(inspections, eq(inspections.id, inspectionFindings.inspectionId))
    .where(and(eq(inspectionFindings.orgId, orgId), isNotNull(inspections.conductedOn), gte(inspections.conductedOn, from), lte(inspections.conductedOn, to)))
    .orderBy(asc(inspections.conductedOn), asc(inspectionFindings.sortOrder), asc(inspectionFindings.id));

  return {
    tasks: taskRows.map((t) => ({ ...t, leadUnitIds: leadUnitIds.get(t.id) ?? [] })),
    initiatives: initiativeRows,
    findings: findingRows.map((f) => ({ ...f, foundOn: f.foundOn! })),
  };
}

/**
 * Each participant's results: as frozen at confirmation while the list stands
 * confirmed (a participant without a frozen entry is evaluated afresh), else
 * from today's records.
 */
export async function campaignResults(tx: Tx, b: CampaignBundle, today: IsoDate): Promise<ParticipantResult[]> {
  const c = b.campaign;
  const frozen = c.status === "confirmed" ? new Map((c.proposal ?? []).filter((e) => e.frozen).map((e) => [e.participantId, e.frozen!])) : new Map();
  const live = b.participants.every((p) => frozen.has(p.id)) ? null : await evaluateBundle(tx, b, today);
  return b.participants.map((p, i) => {
    const f = frozen.get(p.id);
    return f ? { participantId: p.id, name: p.displayName, results: f.results, proposed: f.proposed, missing: f.missing } : live![i];
  });
}

/** The cut date computed criteria are judged at by default: the one frozen at confirmation, else min(period end, today). */
export function campaignCutOff(c: CampaignRow, today: IsoDate): IsoDate {
  const frozen = c.status === "confirmed" ? c.proposal?.find((e) => e.frozen)?.frozen?.cutOff : undefined;
  return frozen ?? (c.periodTo < today ? c.periodTo : today);
}

export async function evaluateBundle(tx: Tx, b: CampaignBundle, today: IsoDate): Promise<ParticipantResult[]> {
  const c = b.campaign;
  const facts = await campaignFacts(tx, c.orgId, c.year, c.periodFrom, c.periodTo);
  return evaluateCampaign({
    campaign: { periodFrom: c.periodFrom, periodTo: c.periodTo, criteria: c.criteria },
    today,
    participants: b.participants.map((p) => ({ id: p.id, kind: p.kind, unitId: p.unitId, userId: p.userId, name: p.displayName })),
    judgments: b.judgments,
    ...facts,
  });
}

export async function listCampaignRows(tx: Tx, orgId: string, year: number): Promise<CampaignRow[]> {
  return tx.select().from(emulationCampaigns).where(and(eq(emulationCampaigns.orgId, orgId), eq(emulationCampaigns.year, year)))
    .orderBy(asc(emulationCampaigns.periodFrom), asc(emulationCampaigns.createdAt));
}

/** The emulation plans of a year (kế hoạch thi đua) and whether a campaign was made from each. */
export async function emulationPlansOf(tx: Tx, orgId: string, year: number) {
  const rows = await tx.select({ id: plans.id, title: plans.title }).from(plans)
    .where(and(eq(plans.orgId, orgId), eq(plans.year, year), eq(plans.type, "emulation"))).orderBy(desc(plans.createdAt));
  if (!rows.length) return [];
  const used = await tx.select({ id: emulationCampaigns.sourcePlanId }).from(emulationCampaigns)
    .where(inArray(emulationCampaigns.sourcePlanId, rows.map((r) => r.id)));
  const usedIds = new Set(used.map((u) => u.id));
  return rows.map((r) => ({ ...r, hasCampaign: usedIds.has(r.id) }));
}

// ---------- Commands ----------

const audit = (tx: Tx, actor: Actor, c: Pick<CampaignRow, "id" | "orgId">, action: string, summary: string, changes?: Record<string, unknown>) =>
  recordAudit(tx, { orgId: c.orgId, userId: actor.id, action, entity: "emulation_campaign", entityId: c.id, summary, changes });

/** Re-reads the campaign under a row lock: a change is refused once the list is confirmed. */
async function lockOpen(tx: Tx, id: string): Promise<CampaignRow> {
  const [row] = await tx.select().from(emulationCampaigns).where(eq(emulationCampaigns.id, id)).for("update");
  if (!row) throw notFound("phong trào thi đua");
  if (row.status === "confirmed") throw conflict(CONFIRMED);
  return row;
}

const touch = (tx: Tx, id: string) => tx.update(emulationCampaigns).set({ updatedAt: new Date() }).where(eq(emulationCampaigns.id, id));

export interface CampaignInput { title: string; year: number; periodFrom: IsoDate; periodTo: IsoDate; criteria: CampaignCriterion[] }

async function insertCampaign(tx: Tx, actor: Actor, orgId: string, input: CampaignInput, sourcePlanId: string | null, unitIds: string[]): Promise<CampaignRow> {
  checkCampaignPeriod(input.year, input.periodFrom, input.periodTo, input.criteria);
  const [c] = await tx.insert(emulationCampaigns).values({ ...input, orgId, sourcePlanId, createdBy: actor.id }).returning();
  if (unitIds.length) {
    await tx.insert(campaignParticipants).values(unitIds.map((unitId, i) => ({ orgId, campaignId: c.id, kind: "unit" as const, unitId, sortOrder: (i + 1) * 10 })));
  }
  await audit(tx, actor, c, "create", `Tạo phong trào thi đua "${c.title}"`, { after: { ...input, sourcePlanId, participants: unitIds.length } });
  return c;
}

export async function createCampaign(db: Db, actor: Actor, orgId: string, input: CampaignInput): Promise<CampaignRow> {
  return db.transaction((tx) => insertCampaign(tx, actor, orgId, input, null, []));
}

/** "Phát động phong trào thi đua …" (the plan) → "Phong trào thi đua …" (the campaign). */
export function campaignTitleOf(planTitle: string): string {
  const t = planTitle.trim().replace(/^(?:kế hoạch\s+)?phát động\s+/iu, "");
  return t.charAt(0).toLocaleUpperCase("vi") + t.slice(1);
}

/**
 * A campaign from an emulation plan: its title and year, the whole year as the
 * period, the default criteria and every active bộ phận of the commune as a
 * participant. One campaign per plan.
 */
export async function createCampaignFromPlan(db: Db, actor: Actor, plan: { id: string; orgId: string; type: string; title: string; year: number }, criteria: CampaignCriterion[]): Promise<CampaignRow> {
  if (plan.type !== "emulation") throw conflict("Chỉ kế hoạch thi đua (kế hoạch phát động phong trào thi đua) mới tạo được phong trào thi đua.");
  return db.transaction(async (tx) => {
    // The plan's row lock makes a second request wait and then find the first campaign.
    await tx.select({ id: plans.id }).from(plans).where(eq(plans.id, plan.id)).for("update");
    const [existing] = await tx.select({ id: emulationCampaigns.id }).from(emulationCampaigns).where(eq(emulationCampaigns.sourcePlanId, plan.id));
    if (existing) throw conflict("Kế hoạch này đã có phong trào thi đua.");
    const unitRows = await tx.select({ id: units.id }).from(units)
      .where(and(eq(units.orgId, plan.orgId), eq(units.active, true), inArray(units.kind, [...COUNTED_UNIT_KINDS])))
      .orderBy(asc(units.sortOrder), asc(units.name));
    const input = { title: campaignTitleOf(plan.title), year: plan.year, periodFrom: ymd(plan.year, 1, 1), periodTo: ymd(plan.year, 12, 31), criteria };
    return insertCampaign(tx, actor, plan.orgId, input, plan.id, unitRows.map((u) => u.id));
  });
}

export type CampaignChange = Partial<Pick<CampaignInput, "title" | "periodFrom" | "periodTo" | "criteria">>;

export async function updateCampaign(db: Db, actor: Actor, campaignId: string, change: CampaignChange): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await lockOpen(tx, campaignId);
    const after = { ...before, ...Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined)) } as CampaignRow;
    checkCampaignPeriod(before.year, after.periodFrom, after.periodTo, after.criteria);
    await tx.update(emulationCampaigns).set({ ...change, updatedAt: new Date() }).where(eq(emulationCampaigns.id, campaignId));
    const changes: Record<string, unknown> = diff(before, change);
    if (change.criteria) {
      // A verdict stays with its criterion: dropped when the criterion is gone or no longer judged.
      const judged = new Set(change.criteria.filter((c) => c.source.kind === "judged").map((c) => c.id));
      const stale = (await tx.select({ participantId: campaignJudgments.participantId, criterionId: campaignJudgments.criterionId })
        .from(campaignJudgments).where(eq(campaignJudgments.campaignId, campaignId))).filter((j) => !judged.has(j.criterionId));
      const staleIds = [...new Set(stale.map((j) => j.criterionId))];
      if (staleIds.length) {
        await tx.delete(campaignJudgments).where(and(eq(campaignJudgments.campaignId, campaignId), inArray(campaignJudgments.criterionId, staleIds)));
        changes.judgmentsRemoved = stale.length;
      }
    }
    await audit(tx, actor, before, "update", `Sửa phong trào thi đua "${after.title}"`, changes);
  });
}

export async function deleteCampaign(db: Db, actor: Actor, campaignId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const c = await lockOpen(tx, campaignId);
    await tx.delete(emulationCampaigns).where(eq(emulationCampaigns.id, c.id));
    await audit(tx, actor, c, "delete", `Xóa phong trào thi đua "${c.title}"`, { before: { title: c.title, year: c.year, periodFrom: c.periodFrom, periodTo: c.periodTo } });
  });
}

export interface ParticipantInput { kind: "unit" | "person"; unitId: string; userId: string | null; name: string | null; title: string | null }

export async function addParticipant(db: Db, actor: Actor, campaignId: string, input: ParticipantInput): Promise<void> {
  await db.transaction(async (tx) => {
    const c = await lockOpen(tx, campaignId);
    if ((await foreignUnitIds(tx, c.orgId, [input.unitId])).length) throw invalid("Bộ phận được chọn không thuộc đơn vị này hoặc đã ngừng hoạt động.", "unitId");
    const [unit] = await tx.select({ name: units.name }).from(units).where(eq(units.id, input.unitId));
    const existing = await tx.select().from(campaignParticipants).where(eq(campaignParticipants.campaignId, c.id));
    let name: string | null = null;
    let userId: string | null = null;
    if (input.kind === "unit") {
      if (existing.some((p) => p.kind === "unit" && p.unitId === input.unitId)) throw conflict(`${unit.name} đã có trong danh sách tham gia phong trào thi đua.`, "unitId");
    } else {
      if (input.userId) {
        const [u] = await tx.select({ fullName: users.fullName }).from(users).where(and(eq(users.id, input.userId), eq(users.orgId, c.orgId)));
        if (!u) throw invalid("Tài khoản được chọn không thuộc đơn vị này.", "userId");
        userId = input.userId;
        name = input.name ?? u.fullName;
      } else {
        if (!input.name) throw invalid("Họ và tên cá nhân tham gia là bắt buộc khi không chọn tài khoản.", "name");
        name = input.name;
      }
      const same = existing.find((p) => p.kind === "person" && ((userId && p.userId === userId) || (p.unitId === input.unitId && fold(p.name ?? "") === fold(name!))));
      if (same) throw conflict(`${same.name} đã có trong danh sách tham gia phong trào thi đua.`, userId ? "userId" : "name");
    }
    const [{ last }] = await tx.select({ last: max(campaignParticipants.sortOrder) }).from(campaignParticipants).where(eq(campaignParticipants.campaignId, c.id));
    const [p] = await tx.insert(campaignParticipants).values({
      orgId: c.orgId, campaignId: c.id, kind: input.kind, unitId: input.unitId, userId, name, title: input.kind === "person" ? input.title : null, sortOrder: (last ?? 0) + 10,
    }).returning();
    await touch(tx, c.id);
    await audit(tx, actor, c, "update", `Thêm ${input.kind === "unit" ? "tập thể" : "cá nhân"} "${name ?? unit.name}" vào phong trào thi đua "${c.title}"`,
      { participantAdded: { id: p.id, kind: p.kind, unit: unit.name, name, userId, title: p.title } });
  });
}

export async function removeParticipant(db: Db, actor: Actor, participant: ParticipantRow): Promise<void> {
  await db.transaction(async (tx) => {
    const c = await lockOpen(tx, participant.campaignId);
    const [unit] = await tx.select({ name: units.name }).from(units).where(eq(units.id, participant.unitId));
    await tx.delete(campaignParticipants).where(eq(campaignParticipants.id, participant.id));
    await touch(tx, c.id);
    const name = displayName(participant, unit?.name ?? "");
    await audit(tx, actor, c, "update", `Bỏ ${participant.kind === "unit" ? "tập thể" : "cá nhân"} "${name}" khỏi phong trào thi đua "${c.title}"`,
      { participantRemoved: { id: participant.id, kind: participant.kind, name } });
  });
}

export interface JudgmentInput { participantId: string; criterionId: string; met: boolean; note: string }

export async function upsertJudgment(db: Db, actor: Actor, campaignId: string, input: JudgmentInput): Promise<void> {
  await db.transaction(async (tx) => {
    const c = await lockOpen(tx, campaignId);
    const [p] = await tx.select({ p: campaignParticipants, unitName: units.name }).from(campaignParticipants).innerJoin(units, eq(units.id, campaignParticipants.unitId))
      .where(and(eq(campaignParticipants.id, input.participantId), eq(campaignParticipants.campaignId, c.id)));
    if (!p) throw invalid("Tập thể, cá nhân được đánh giá không tham gia phong trào thi đua này.", "participantId");
    const criterion = c.criteria.find((k) => k.id === input.criterionId);
    if (!criterion) throw invalid(`Phong trào thi đua không có tiêu chí mã "${input.criterionId}".`, "criterionId");
    if (criterion.source.kind !== "judged") throw invalid(`Tiêu chí "${criterion.label}" được tính tự động từ dữ liệu nên không đánh giá thủ công.`, "criterionId");
    const name = displayName(p.p, p.unitName);
    if (criterion.appliesTo !== "both" && criterion.appliesTo !== p.p.kind) {
      throw invalid(`Tiêu chí "${criterion.label}" không áp dụng cho ${p.p.kind === "unit" ? "tập thể" : "cá nhân"} (${name}).`, "criterionId");
    }
    const [before] = await tx.select().from(campaignJudgments)
      .where(and(eq(campaignJudgments.participantId, p.p.id), eq(campaignJudgments.criterionId, criterion.id)));
    const values = { met: input.met, note: input.note, judgedBy: actor.id, judgedAt: new Date() };
    await tx.insert(campaignJudgments).values({ orgId: c.orgId, campaignId: c.id, participantId: p.p.id, criterionId: criterion.id, ...values })
      .onConflictDoUpdate({ target: [campaignJudgments.participantId, campaignJudgments.criterionId], set: values });
    await touch(tx, c.id);
    await audit(tx, actor, c, "update", `Đánh giá tiêu chí "${criterion.label}" của ${name}: ${input.met ? "Đạt" : "Chưa đạt"}`, {
      judgment: { participantId: p.p.id, criterionId: criterion.id, met: [before?.met ?? null, input.met], note: [before?.note ?? null, input.note] },
    });
  });
}

/** Stores the focal point's decisions once they pass checkProposal against today's results. */
export async function confirmCampaign(db: Db, actor: Actor, campaignId: string, entries: ProposalEntry[], today: IsoDate): Promise<void> {
  await db.transaction(async (tx) => {
    const c = await lockOpen(tx, campaignId);
    const results = await evaluateBundle(tx, await loadCampaign(tx, c), today);
    const cutOff = c.periodTo < today ? c.periodTo : today;
    const frozen = new Map(results.map((r) => [r.participantId, { cutOff, results: r.results, proposed: r.proposed, missing: r.missing }]));
    const proposal = checkProposal(results, entries).map((e) => ({ ...e, frozen: frozen.get(e.participantId) }));
    const now = new Date();
    await tx.update(emulationCampaigns).set({ status: "confirmed", proposal, confirmedBy: actor.id, confirmedAt: now, updatedAt: now }).where(eq(emulationCampaigns.id, c.id));
    const included = proposal.filter((e) => e.included).length;
    const differing = proposal.filter((e, i) => e.included !== results[i].proposed).length;
    await audit(tx, actor, c, "status", `Xác nhận danh sách đề nghị khen thưởng của phong trào thi đua "${c.title}" (${included}/${proposal.length} được đề nghị${differing ? `, ${differing} khác đề xuất theo tiêu chí` : ""}) ngày ${formatViDate(today)}`, {
      status: ["open", "confirmed"], proposal: proposal.map(({ frozen: _, ...decision }) => decision),
    });
  });
}

export async function reopenCampaign(db: Db, actor: Actor, campaignId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [c] = await tx.select().from(emulationCampaigns).where(eq(emulationCampaigns.id, campaignId)).for("update");
    if (!c) throw notFound("phong trào thi đua");
    if (c.status !== "confirmed") throw conflict("Danh sách đề nghị khen thưởng chưa được xác nhận nên không cần mở lại.");
    await tx.update(emulationCampaigns).set({ status: "open", confirmedBy: null, confirmedAt: null, updatedAt: new Date() }).where(eq(emulationCampaigns.id, c.id));
    await audit(tx, actor, c, "status", `Mở lại danh sách đề nghị khen thưởng của phong trào thi đua "${c.title}" để sửa`, { status: ["confirmed", "open"] });
  });
}
