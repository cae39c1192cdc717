import { createHash } from "node:crypto";
import { and, asc, count, desc, eq, gte, inArray, lte } from "drizzle-orm";
import { formatViDate, type IsoDate } from "../domain/dates.js";
import { conflict, invalid, notFound } from "../domain/errors.js";
import {
  changeInitiativeState, checkInitiativeState, INITIATIVE_STATUS_LABELS, MAX_INITIATIVE_EVIDENCE,
  type InitiativeAuthor, type InitiativeChange,
} from "../domain/initiatives.js";
import { diff, recordAudit } from "./audit.js";
import { refreshReformTargets } from "./computed-targets.js";
import { initiativeCalls, initiativeEvidence, initiatives, plans, targets, units, users } from "./schema.js";
import { foreignUnitIds } from "./units.js";
import type { Actor } from "./plans.js";
import type { Db, Tx } from "./connection.js";

export type InitiativeRow = typeof initiatives.$inferSelect;
export type InitiativeEvidenceRow = typeof initiativeEvidence.$inferSelect;

/** An author as sent: the name may be left out when the account is given (its full name is used). */
export interface AuthorInput { name?: string | null; userId?: string | null }
export interface InitiativeInput {
  year: number;
  title: string;
  summary?: string | null;
  unitId: string;
  authors: AuthorInput[];
  submittedOn: IsoDate;
}
export type InitiativePatch = Partial<Omit<InitiativeInput, "year">> & InitiativeChange;

export type EvidenceInput =
  | { kind: "file"; filename: string; mimeType: string; content: Buffer; label?: string | null }
  | { kind: "link"; url: string; label?: string | null };

/** Initiatives of a year submitted on or before the cut date (the plan target "03 sáng kiến" follows it). */
export async function initiativeCounts(tx: Tx, orgId: string, year: number, cutDate: IsoDate): Promise<number> {
  const [row] = await tx.select({ n: count() }).from(initiatives)
    .where(and(eq(initiatives.orgId, orgId), eq(initiatives.year, year), lte(initiatives.submittedOn, cutDate)));
  return Number(row?.n ?? 0);
}

/** Initiatives submitted within [from, to], whatever their year: what an emulation campaign's period reads. */
export async function loadInitiativeFacts(tx: Tx, orgId: string, from: IsoDate, to: IsoDate) {
  return tx.select({ id: initiatives.id, title: initiatives.title, unitId: initiatives.unitId, authors: initiatives.authors, submittedOn: initiatives.submittedOn, status: initiatives.status })
    .from(initiatives)
    .where(and(eq(initiatives.orgId, orgId), gte(initiatives.submittedOn, from), lte(initiatives.submittedOn, to)))
    .orderBy(asc(initiatives.submittedOn), asc(initiatives.createdAt));
}

export async function getInitiative(tx: Tx, id: string): Promise<InitiativeRow | null> {
  const [row] = await tx.select().from(initiatives).where(eq(initiatives.id, id));
  return row ?? null;
}

export interface InitiativeSummaryRow extends InitiativeRow { unit: { id: string; name: string }; evidenceCount: number }

async function withUnitsAndCounts(tx: Tx, rows: InitiativeRow[]): Promise<InitiativeSummaryRow[]> {
  if (!rows.length) return [];
  const unitRows = await tx.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, [...new Set(rows.map((r) => r.unitId))]));
  const unitOf = new Map(unitRows.map((u) => [u.id, u]));
  const counts = await tx.select({ id: initiativeEvidence.initiativeId, n: count() }).from(initiativeEvidence)
    .where(inArray(initiativeEvidence.initiativeId, rows.map((r) => r.id))).groupBy(initiativeEvidence.initiativeId);
  const countOf = new Map(counts.map((c) => [c.id, Number(c.n)]));
  return rows.map((r) => ({ ...r, unit: unitOf.get(r.unitId)!, evidenceCount: countOf.get(r.id) ?? 0 }));
}

/** The year's initiatives, newest submission first. */
export async function loadInitiativeSummaries(tx: Tx, orgId: string, year: number): Promise<InitiativeSummaryRow[]> {
  const rows = await tx.select().from(initiatives).where(and(eq(initiatives.orgId, orgId), eq(initiatives.year, year)))
    .orderBy(desc(initiatives.submittedOn), desc(initiatives.createdAt));
  return withUnitsAndCounts(tx, rows);
}

export async function loadInitiativeSummary(tx: Tx, row: InitiativeRow): Promise<InitiativeSummaryRow> {
  return (await withUnitsAndCounts(tx, [row]))[0];
}

/** The evidence of an initiative without the file bytes, with the name of who added it. */
export async function loadEvidenceList(tx: Tx, initiativeId: string) {
  return tx.select({
    id: initiativeEvidence.id, kind: initiativeEvidence.kind, label: initiativeEvidence.label, filename: initiativeEvidence.filename,
    size: initiativeEvidence.size, url: initiativeEvidence.url, addedBy: users.fullName, at: initiativeEvidence.createdAt,
  }).from(initiativeEvidence).leftJoin(users, eq(users.id, initiativeEvidence.addedBy))
    .where(eq(initiativeEvidence.initiativeId, initiativeId)).orderBy(asc(initiativeEvidence.createdAt));
}

export async function getInitiativeEvidence(tx: Tx, id: string): Promise<InitiativeEvidenceRow | null> {
  const [row] = await tx.select().from(initiativeEvidence).where(eq(initiativeEvidence.id, id));
  return row ?? null;
}

export async function getInitiativeCall(tx: Tx, orgId: string, year: number) {
  const [row] = await tx.select({ dueDate: initiativeCalls.dueDate, perUnit: initiativeCalls.perUnit }).from(initiativeCalls)
    .where(and(eq(initiativeCalls.orgId, orgId), eq(initiativeCalls.year, year)));
  return row ?? null;
}

/** Targets of the year's plans that count initiatives ("Mỗi bộ phận có ít nhất 01 sáng kiến"). */
export async function initiativeTargets(tx: Tx, orgId: string, year: number) {
  return tx.select({ id: targets.id, planId: targets.planId, text: targets.text, value: targets.value }).from(targets)
    .innerJoin(plans, eq(plans.id, targets.planId))
    .where(and(eq(targets.orgId, orgId), eq(plans.year, year), eq(targets.indicatorKey, "initiatives")))
    .orderBy(asc(plans.createdAt), asc(targets.sortOrder), asc(targets.createdAt));
}

export async function setInitiativeCall(db: Db, actor: Actor, orgId: string, call: { year: number; dueDate: IsoDate; perUnit: number }): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await getInitiativeCall(tx, orgId, call.year);
    const values = { dueDate: call.dueDate, perUnit: call.perUnit, updatedBy: actor.id, updatedAt: new Date() };
    await tx.insert(initiativeCalls).values({ orgId, year: call.year, ...values })
      .onConflictDoUpdate({ target: [initiativeCalls.orgId, initiativeCalls.year], set: values });
    await recordAudit(tx, {
      orgId, userId: actor.id, action: before ? "update" : "create", entity: "initiative_call", entityId: String(call.year),
      summary: `Đặt hạn nộp sáng kiến năm ${call.year}: ${formatViDate(call.dueDate)}, mỗi bộ phận ít nhất ${call.perUnit} sáng kiến`,
      changes: before ? diff(before, { dueDate: call.dueDate, perUnit: call.perUnit }) : { after: { dueDate: call.dueDate, perUnit: call.perUnit } },
    });
  });
}

async function checkUnit(tx: Tx, orgId: string, unitId: string) {
  if ((await foreignUnitIds(tx, orgId, [unitId])).length) throw invalid("Bộ phận được chọn không thuộc xã, phường này hoặc đã ngừng hoạt động.", "unitId");
}

/** Authors with their names settled; an account must be one of the commune's. */
async function resolveAuthors(tx: Tx, orgId: string, authors: AuthorInput[]): Promise<InitiativeAuthor[]> {
  if (!authors.length) throw invalid("Sáng kiến cần có ít nhất một tác giả.", "authors");
  const ids = [...new Set(authors.map((a) => a.userId).filter((x): x is string => !!x))];
  const accounts = ids.length ? await tx.select({ id: users.id, fullName: users.fullName }).from(users).where(and(eq(users.orgId, orgId), inArray(users.id, ids))) : [];
  const nameOf = new Map(accounts.map((u) => [u.id, u.fullName]));
  return authors.map((a, i) => {
    if (a.userId && !nameOf.has(a.userId)) throw invalid(`Tài khoản của tác giả thứ ${i + 1} không thuộc xã, phường này.`, `authors.${i}.userId`);
    const name = a.name?.trim() || (a.userId ? nameOf.get(a.userId)! : "");
    if (!name) throw invalid(`Tên tác giả thứ ${i + 1} không được để trống.`, `authors.${i}.name`);
    return { name, userId: a.userId ?? null };
  });
}

function refuse(check: ReturnType<typeof checkInitiativeState>): asserts check is Extract<typeof check, { ok: true }> {
  if (!check.ok) throw invalid(check.message, check.field);
}

export async function createInitiative(db: Db, actor: Actor, orgId: string, input: InitiativeInput, today: IsoDate): Promise<string> {
  const check = checkInitiativeState({ year: input.year, status: "submitted", submittedOn: input.submittedOn, recognisedOn: null, appliedOn: null }, today);
  refuse(check);
  return db.transaction(async (tx) => {
    await checkUnit(tx, orgId, input.unitId);
    const authors = await resolveAuthors(tx, orgId, input.authors);
    const [row] = await tx.insert(initiatives).values({
      orgId, year: input.year, title: input.title, summary: input.summary ?? "", unitId: input.unitId, authors, submittedOn: input.submittedOn, createdBy: actor.id,
    }).returning();
    await recordAudit(tx, {
      orgId, userId: actor.id, action: "create", entity: "initiative", entityId: row.id,
      summary: `Đăng ký sáng kiến "${row.title}"`, changes: { after: { ...input, authors } },
    });
    await refreshReformTargets(tx, orgId, row.year, today);
    return row.id;
  });
}

export async function updateInitiative(db: Db, actor: Actor, row: InitiativeRow, patch: InitiativePatch, today: IsoDate): Promise<void> {
  const { status, submittedOn, recognisedOn, appliedOn } = patch;
  const check = changeInitiativeState(row, { status, submittedOn, recognisedOn, appliedOn }, today);
  refuse(check);
  await db.transaction(async (tx) => {
    if (patch.unitId !== undefined && patch.unitId !== row.unitId) await checkUnit(tx, row.orgId, patch.unitId);
    const fields = {
      title: patch.title, summary: patch.summary === undefined ? undefined : patch.summary ?? "", unitId: patch.unitId,
      authors: patch.authors === undefined ? undefined : await resolveAuthors(tx, row.orgId, patch.authors),
      submittedOn: check.state.submittedOn, status: check.state.status, recognisedOn: check.state.recognisedOn, appliedOn: check.state.appliedOn,
    };
    const changes = diff(row, fields);
    if (!Object.keys(changes).length) return;
    await tx.update(initiatives).set({ ...fields, updatedAt: new Date() }).where(eq(initiatives.id, row.id));
    const title = fields.title ?? row.title;
    await recordAudit(tx, {
      orgId: row.orgId, userId: actor.id, action: changes.status ? "change_status" : "update", entity: "initiative", entityId: row.id,
      summary: changes.status ? `Chuyển sáng kiến "${title}" sang trạng thái "${INITIATIVE_STATUS_LABELS[check.state.status]}"` : `Sửa sáng kiến "${title}"`,
      changes,
    });
    await refreshReformTargets(tx, row.orgId, row.year, today);
  });
}

export async function deleteInitiative(db: Db, actor: Actor, row: InitiativeRow, today: IsoDate): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(initiatives).where(eq(initiatives.id, row.id));
    await recordAudit(tx, {
      orgId: row.orgId, userId: actor.id, action: "delete", entity: "initiative", entityId: row.id,
      summary: `Xóa sáng kiến "${row.title}"`, changes: { before: { year: row.year, title: row.title, unitId: row.unitId, authors: row.authors, submittedOn: row.submittedOn, status: row.status, recognisedOn: row.recognisedOn, appliedOn: row.appliedOn } },
    });
    await refreshReformTargets(tx, row.orgId, row.year, today);
  });
}

export async function addInitiativeEvidence(db: Db, actor: Actor, row: InitiativeRow, ev: EvidenceInput): Promise<string> {
  return db.transaction(async (tx) => {
    const [held] = await tx.select({ n: count() }).from(initiativeEvidence).where(eq(initiativeEvidence.initiativeId, row.id));
    if (Number(held?.n ?? 0) >= MAX_INITIATIVE_EVIDENCE) throw conflict(`Mỗi sáng kiến có tối đa ${MAX_INITIATIVE_EVIDENCE} minh chứng; hãy gỡ bớt minh chứng cũ trước khi thêm.`);
    const base = { orgId: row.orgId, initiativeId: row.id, addedBy: actor.id };
    const values = ev.kind === "file"
      ? { ...base, kind: "file" as const, label: ev.label?.trim() || ev.filename, filename: ev.filename, mimeType: ev.mimeType, size: ev.content.length, sha256: createHash("sha256").update(ev.content).digest("hex"), content: ev.content }
      : { ...base, kind: "link" as const, label: ev.label?.trim() || ev.url, url: ev.url };
    const [added] = await tx.insert(initiativeEvidence).values(values).returning({ id: initiativeEvidence.id });
    await recordAudit(tx, {
      orgId: row.orgId, userId: actor.id, action: "create", entity: "initiative_evidence", entityId: added.id,
      summary: `Đính kèm minh chứng "${values.label}" cho sáng kiến "${row.title}"`,
      changes: { initiativeId: row.id, kind: ev.kind, ...(ev.kind === "file" ? { filename: ev.filename, size: ev.content.length } : { url: ev.url }) },
    });
    return added.id;
  });
}

export async function removeInitiativeEvidence(db: Db, actor: Actor, row: InitiativeRow, evidenceId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [ev] = await tx.select({ id: initiativeEvidence.id, label: initiativeEvidence.label, kind: initiativeEvidence.kind })
      .from(initiativeEvidence).where(and(eq(initiativeEvidence.id, evidenceId), eq(initiativeEvidence.initiativeId, row.id)));
    if (!ev) throw notFound("minh chứng");
    await tx.delete(initiativeEvidence).where(eq(initiativeEvidence.id, ev.id));
    await recordAudit(tx, {
      orgId: row.orgId, userId: actor.id, action: "delete", entity: "initiative_evidence", entityId: ev.id,
      summary: `Gỡ minh chứng "${ev.label}" của sáng kiến "${row.title}"`, changes: { initiativeId: row.id, kind: ev.kind },
    });
  });
}

