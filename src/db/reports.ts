/**
 * Periodic reports stored per commune, kind, year and version: the draft built
 * from the records, the people's edits, the moves (approved by the chairman,
 * submitted, received or returned by the province) with who and when. A
 * submitted report is frozen with its rendered document; changing it takes a
 * new version. Every change is one transaction with an audit entry.
 */
import { and, desc, eq, inArray } from "drizzle-orm";
import { AppError, conflict, invalid } from "../domain/errors.js";
import { buildReportDraft } from "../domain/reports/build.js";
import { DEFAULT_REPORT_SETTINGS, REPORT_KIND_NAMES, reportWindow } from "../domain/reports/calendar.js";
import { REPORT_KINDS, type ReportDraft, type ReportKind, type ReportSettings } from "../domain/reports/types.js";
import { recordAudit } from "./audit.js";
import type { Db, Tx } from "./connection.js";
import type { OrgRow } from "./orgs.js";
import { reportInput } from "./report-input.js";
import { organisations, reportSettings, reports, users } from "./schema.js";

export type ReportRow = typeof reports.$inferSelect;
export type ReportStatus = ReportRow["status"];
interface Actor { id: string; orgId: string }

/** "Quý I", "6 tháng đầu năm", "Quý III", "Năm": the kind names as a heading or a list shows them. */
export const REPORT_KIND_LABELS = Object.fromEntries(REPORT_KINDS.map((k) => [k, REPORT_KIND_NAMES[k].charAt(0).toUpperCase() + REPORT_KIND_NAMES[k].slice(1)])) as Record<ReportKind, string>;
export const REPORT_STATUS_LABELS: Record<ReportStatus, string> = {
  draft: "Dự thảo", approved: "Chủ tịch đã duyệt", submitted: "Đã gửi tỉnh", received: "Tỉnh đã tiếp nhận", returned: "Tỉnh trả lại",
};

/** The province's settings; without a row, the national defaults with the province's own names as recipients. */
export async function settingsOf(tx: Tx, provinceId: string | null): Promise<ReportSettings> {
  if (!provinceId) return DEFAULT_REPORT_SETTINGS;
  const [row] = await tx.select({ settings: reportSettings.settings }).from(reportSettings).where(eq(reportSettings.orgId, provinceId));
  if (row) return row.settings;
  const [p] = await tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, provinceId));
  const name = (p?.name ?? "").replace(/\s*\([^)]*\)\s*$/u, "").replace(/^Tỉnh /u, "tỉnh ").replace(/^Thành phố /u, "thành phố ");
  return { ...DEFAULT_REPORT_SETTINGS, recipients: name ? [`Ủy ban nhân dân ${name}`, `Sở Nội vụ ${name}`] : DEFAULT_REPORT_SETTINGS.recipients };
}

export async function saveSettings(db: Db, actor: Actor, provinceId: string, settings: ReportSettings): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.insert(reportSettings).values({ orgId: provinceId, settings, updatedBy: actor.id })
      .onConflictDoUpdate({ target: reportSettings.orgId, set: { settings, updatedBy: actor.id, updatedAt: new Date() } });
    await recordAudit(tx, { orgId: provinceId, userId: actor.id, action: "update", entity: "report_settings", entityId: null, summary: "Cập nhật thời hạn và nơi nhận báo cáo CCHC định kỳ", changes: { settings } });
  });
}

export async function getReport(tx: Tx, id: string): Promise<ReportRow | null> {
  const [row] = await tx.select().from(reports).where(eq(reports.id, id));
  return row ?? null;
}

/** Every version of the commune's reports of a year, newest version first. */
export async function reportsOf(tx: Tx, orgId: string, year: number): Promise<ReportRow[]> {
  return tx.select().from(reports).where(and(eq(reports.orgId, orgId), eq(reports.year, year))).orderBy(reports.kind, desc(reports.version));
}

/** The draft of the commune's records for the report's window, keeping the texts people already wrote. */
export async function draftFor(tx: Tx, commune: OrgRow, kind: ReportKind, year: number, keep?: { content: ReportDraft; edited: string[] }): Promise<ReportDraft> {
  const draft = buildReportDraft(await reportInput(tx, commune, reportWindow(kind, year)));
  if (!keep) return draft;
  const old = new Map(keep.content.sections.map((s) => [s.key, s.text]));
  return { ...draft, sections: draft.sections.map((s) => (keep.edited.includes(s.key) && old.has(s.key) ? { ...s, text: old.get(s.key)! } : s)) };
}

/** A new report (version 1) or the next version after a frozen one; refused while an open version exists. */
export async function createReport(db: Db, actor: Actor, commune: OrgRow, kind: ReportKind, year: number): Promise<ReportRow> {
  return db.transaction(async (tx) => {
    const [latest] = await tx.select().from(reports).where(and(eq(reports.orgId, commune.id), eq(reports.kind, kind), eq(reports.year, year)))
      .orderBy(desc(reports.version)).limit(1);
    if (latest && (latest.status === "draft" || latest.status === "approved")) {
      throw new AppError("conflict", `Báo cáo ${REPORT_KIND_LABELS[kind].toLowerCase()} năm ${year} đang ở dạng ${REPORT_STATUS_LABELS[latest.status].toLowerCase()}; hãy tiếp tục bản đó.`, latest.id);
    }
    const content = await draftFor(tx, commune, kind, year, latest ? { content: latest.content, edited: latest.editedSections } : undefined);
    const [row] = await tx.insert(reports).values({
      orgId: commune.id, kind, year, version: (latest?.version ?? 0) + 1, content, editedSections: latest?.editedSections ?? [], createdBy: actor.id,
    }).returning();
    await recordAudit(tx, {
      orgId: commune.id, userId: actor.id, action: "create", entity: "report", entityId: row.id,
      summary: `Tạo dự thảo báo cáo CCHC ${reportWindow(kind, year).label}${row.version > 1 ? ` (phiên bản ${row.version})` : ""}`,
    });
    return row;
  });
}

const open = (r: ReportRow) => r.status === "draft" || r.status === "approved";

/** A person's text of one section; editing an approved report sends it back to draft for approval again. */
export async function editSection(db: Db, actor: Actor, r: ReportRow, key: string, text: string): Promise<void> {
  if (!open(r)) throw conflict("Báo cáo đã gửi tỉnh nên không sửa được; hãy tạo phiên bản mới.");
  const section = r.content.sections.find((s) => s.key === key);
  if (!section) throw invalid(`Báo cáo không có mục “${key}”.`, "key");
  if (!section.editable) throw invalid(`Mục “${section.number}. ${section.heading}” chỉ gồm số liệu tự động, không nhập nội dung.`, "key");
  await db.transaction(async (tx) => {
    const content = { ...r.content, sections: r.content.sections.map((s) => (s.key === key ? { ...s, text } : s)) };
    const edited = r.editedSections.includes(key) ? r.editedSections : [...r.editedSections, key];
    await tx.update(reports).set({ content, editedSections: edited, status: "draft", approvedAt: null, approvedBy: null, updatedAt: new Date() }).where(eq(reports.id, r.id));
    await recordAudit(tx, {
      orgId: r.orgId, userId: actor.id, action: "update", entity: "report", entityId: r.id,
      summary: `Sửa mục ${section.number}. ${section.heading} của báo cáo${r.status === "approved" ? " (cần Chủ tịch duyệt lại)" : ""}`,
      changes: { key, text: [section.text, text] },
    });
  });
}

/** Reads the figures again from the records (open reports only), keeping what people wrote. */
export async function refreshReport(db: Db, actor: Actor, r: ReportRow, commune: OrgRow): Promise<void> {
  if (!open(r)) throw conflict("Báo cáo đã gửi tỉnh nên số liệu được giữ nguyên.");
  await db.transaction(async (tx) => {
    const content = await draftFor(tx, commune, r.kind, r.year, { content: r.content, edited: r.editedSections });
    await tx.update(reports).set({ content, status: "draft", approvedAt: null, approvedBy: null, updatedAt: new Date() }).where(eq(reports.id, r.id));
    await recordAudit(tx, { orgId: r.orgId, userId: actor.id, action: "update", entity: "report", entityId: r.id, summary: "Cập nhật lại số liệu của báo cáo từ dữ liệu hệ thống" });
  });
}

export type ReportMove = "approve" | "submit" | "receive" | "return";
const MOVES: Record<ReportMove, { from: ReportStatus[]; to: ReportStatus; label: string }> = {
  approve: { from: ["draft"], to: "approved", label: "Chủ tịch duyệt báo cáo" },
  submit: { from: ["approved"], to: "submitted", label: "Gửi báo cáo lên tỉnh" },
  receive: { from: ["submitted"], to: "received", label: "Tỉnh tiếp nhận báo cáo" },
  return: { from: ["submitted"], to: "returned", label: "Tỉnh trả lại báo cáo" },
};

/**
 * Moves a report on. Submitting stores its number, date and the rendered
 * document (`render`), after which nothing of it changes; returning needs a comment.
 */
export async function moveReport(db: Db, actor: Actor, r: ReportRow, move: ReportMove, o: { today: string; comment?: string | null; number?: string | null; issuedDate?: string | null; render?: (r: ReportRow) => Promise<Buffer> }): Promise<void> {
  const m = MOVES[move];
  if (!m.from.includes(r.status)) throw conflict(`Không thể “${m.label.toLowerCase()}” khi báo cáo ${REPORT_STATUS_LABELS[r.status].toLowerCase()}.`);
  if (move === "return" && !o.comment?.trim()) throw invalid("Cần ghi lý do trả lại báo cáo.", "comment");
  const now = new Date();
  const set: Partial<ReportRow> =
    move === "approve" ? { approvedBy: actor.id, approvedAt: now }
    : move === "submit" ? { submittedBy: actor.id, submittedAt: now, submittedOn: o.today, number: o.number ?? r.number, issuedDate: o.issuedDate ?? r.issuedDate }
    : move === "receive" ? { receivedBy: actor.id, receivedAt: now }
    : { returnedBy: actor.id, returnedAt: now, returnComment: o.comment!.trim() };
  if (move === "submit" && o.render) set.document = await o.render({ ...r, ...set } as ReportRow);
  await db.transaction(async (tx) => {
    await tx.update(reports).set({ ...set, status: m.to, updatedAt: now }).where(eq(reports.id, r.id));
    await recordAudit(tx, {
      orgId: r.orgId, userId: actor.id, action: "update", entity: "report", entityId: r.id,
      summary: `${m.label}: ${reportWindow(r.kind, r.year).label}${r.version > 1 ? `, phiên bản ${r.version}` : ""}${move === "return" ? ` — ${o.comment!.trim()}` : ""}`,
      changes: { status: [r.status, m.to] },
    });
  });
}

/** Names of the people who moved a report, by user id. */
export async function moverNames(tx: Tx, rows: ReportRow[]): Promise<Map<string, string>> {
  const ids = [...new Set(rows.flatMap((r) => [r.createdBy, r.approvedBy, r.submittedBy, r.receivedBy, r.returnedBy]).filter((x): x is string => !!x))];
  if (!ids.length) return new Map();
  const found = await tx.select({ id: users.id, name: users.fullName }).from(users).where(inArray(users.id, ids));
  return new Map(found.map((u) => [u.id, u.name]));
}

/** The chairman who signs a commune's report. */
export async function signerOf(tx: Tx, orgId: string): Promise<{ name: string | null; title: string }> {
  const [c] = await tx.select({ name: users.fullName }).from(users).where(and(eq(users.orgId, orgId), eq(users.role, "chairman"), eq(users.active, true))).limit(1);
  return { name: c?.name ?? null, title: "CHỦ TỊCH" };
}

/** The latest version of each commune's report of a kind and year in a province, with the commune. */
export async function provinceReports(tx: Tx, provinceId: string, kind: ReportKind, year: number) {
  const communes = await tx.select().from(organisations).where(and(eq(organisations.parentId, provinceId), eq(organisations.kind, "commune"))).orderBy(organisations.name);
  const rows = communes.length ? await tx.select().from(reports)
    .where(and(inArray(reports.orgId, communes.map((c) => c.id)), eq(reports.kind, kind), eq(reports.year, year))).orderBy(desc(reports.version)) : [];
  return communes.map((c) => {
    const versions = rows.filter((r) => r.orgId === c.id);
    // What the province holds is the latest version that reached it; a newer draft is the commune's business.
    const sent = versions.find((r) => !open(r)) ?? null;
    const firstSent = versions.map((r) => r.submittedOn).filter((d): d is string => !!d).sort()[0] ?? null;
    return { commune: c, report: sent, firstSubmittedOn: firstSent };
  });
}
