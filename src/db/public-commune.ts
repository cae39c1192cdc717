import { and, desc, eq, inArray } from "drizzle-orm";
import { parseIso, ymd, type IsoDate } from "../domain/dates.js";
import { summarizeByArea } from "../domain/dashboard.js";
import { invalid, notFound } from "../domain/errors.js";
import { STATUS_LABELS, type TaskStatus } from "../domain/task-status.js";
import { recordAudit, diff } from "./audit.js";
import type { Db, Tx } from "./connection.js";
import { computeFigures } from "./indicator-figures.js";
import { getOrg, type OrgRow } from "./orgs.js";
import { provinceResultTable } from "./par-assessments.js";
import { evidenceFiles, organisations, parPublications, plans, publicPageSettings, tasks } from "./schema.js";
import { loadTargets } from "./targets.js";
import { loadTaskViews, tasksOfPlan } from "./tasks.js";
import type { Actor } from "./plans.js";

/**
 * The commune's public page (trang công khai, /cong-khai/<mã>): what anyone may
 * read without signing in. Everything here is picked field by field from the
 * records, so notes, extension requests, people and private files never reach
 * it by accident.
 */

export interface PublicPageSettings { publishPlan: boolean; publishTargets: boolean; publishIndicators: boolean; intro: string | null; updatedAt: string | null }
export type PublicPageSettingsInput = Omit<PublicPageSettings, "updatedAt">;

const DEFAULT_SETTINGS: PublicPageSettings = { publishPlan: true, publishTargets: true, publishIndicators: false, intro: null, updatedAt: null };

/** Only communes and wards have a public page (a province or a legacy district has none). */
export async function findPublicCommune(tx: Tx, orgCode: string): Promise<OrgRow> {
  const [org] = await tx.select().from(organisations).where(and(eq(organisations.code, orgCode), eq(organisations.kind, "commune")));
  if (!org) throw notFound(`trang công khai của xã, phường có mã “${orgCode}”`);
  return org;
}

export async function getPublicPageSettings(tx: Tx, orgId: string): Promise<PublicPageSettings> {
  const [row] = await tx.select().from(publicPageSettings).where(eq(publicPageSettings.orgId, orgId));
  if (!row) return { ...DEFAULT_SETTINGS };
  return { publishPlan: row.publishPlan, publishTargets: row.publishTargets, publishIndicators: row.publishIndicators, intro: row.intro, updatedAt: row.updatedAt.toISOString() };
}

/** Saves what the commune publishes, with its audit entry, in one transaction. */
export async function savePublicPageSettings(db: Db, actor: Actor, org: OrgRow, input: PublicPageSettingsInput): Promise<PublicPageSettings> {
  if (org.kind !== "commune") throw invalid("Chỉ xã, phường có trang công khai.", "orgId");
  return db.transaction(async (tx) => {
    const before = await getPublicPageSettings(tx, org.id);
    const values = { ...input, intro: input.intro?.trim() || null };
    await tx.insert(publicPageSettings).values({ orgId: org.id, ...values, updatedBy: actor.id, updatedAt: new Date() })
      .onConflictDoUpdate({ target: publicPageSettings.orgId, set: { ...values, updatedBy: actor.id, updatedAt: new Date() } });
    const { updatedAt: _u, ...old } = before;
    await recordAudit(tx, {
      orgId: org.id, userId: actor.id, action: "update", entity: "public_page_settings", entityId: null,
      summary: "Cập nhật nội dung trang công khai", changes: diff(old, values),
    });
    return getPublicPageSettings(tx, org.id);
  });
}

/** The year's active annual plan the page shows (the newest issued if there are several). */
async function publishedPlan(tx: Tx, orgId: string, year: number) {
  const [plan] = await tx.select().from(plans)
    .where(and(eq(plans.orgId, orgId), eq(plans.year, year), eq(plans.type, "annual"), eq(plans.status, "active")))
    .orderBy(desc(plans.issuedDate), desc(plans.createdAt)).limit(1);
  return plan ?? null;
}

async function provinceOf(tx: Tx, org: OrgRow): Promise<OrgRow | null> {
  let parent = org.parentId ? await getOrg(tx, org.parentId) : null;
  while (parent && parent.kind !== "province") parent = parent.parentId ? await getOrg(tx, parent.parentId) : null;
  return parent;
}

const share = (n: number, of: number) => (of === 0 ? null : Math.round((n / of) * 1000) / 10);

/** The commune's class and rank in the province's latest published PAR-index results, if it is ranked there. */
async function publishedParResult(tx: Tx, province: OrgRow, orgCode: string) {
  const [pub] = await tx.select({ year: parPublications.year }).from(parPublications).where(eq(parPublications.orgId, province.id)).orderBy(desc(parPublications.year)).limit(1);
  if (!pub) return null;
  const row = (await provinceResultTable(tx, province, pub.year)).find((r) => r.code === orgCode && r.rank !== null);
  if (!row || !row.result) return null;
  return { year: pub.year, rank: row.rank, of: row.of, percent: row.result.percent, className: row.result.className, resultsUrl: `/cong-khai/chi-so-cchc/${encodeURIComponent(province.code)}?year=${pub.year}` };
}

/** On-time and online rates of the year to date from the one-stop dossiers; null when the commune has none. */
async function yearToDateIndicators(tx: Tx, orgId: string, today: IsoDate) {
  const window = { from: ymd(parseIso(today).year, 1, 1), to: today };
  const f = await computeFigures(tx, [orgId], window);
  if (f.counts.received.total === 0 && f.counts.resolved.total === 0) return null;
  return {
    window,
    onTime: f.rates.on_time.rate, resolved: f.counts.resolved.total,
    online: f.rates.online_submission.rate, received: f.counts.received.total,
  };
}

async function planSection(tx: Tx, org: OrgRow, settings: PublicPageSettings, today: IsoDate) {
  const plan = await publishedPlan(tx, org.id, parseIso(today).year);
  if (!plan) return { plan: null, targets: null };
  const views = await loadTaskViews(tx, tasksOfPlan(plan.id), today);
  const files = views.length
    ? await tx.select({ id: evidenceFiles.id, taskId: evidenceFiles.taskId, filename: evidenceFiles.filename, size: evidenceFiles.size }).from(evidenceFiles)
      .where(and(inArray(evidenceFiles.taskId, views.map((v) => v.id)), eq(evidenceFiles.isPublic, true)))
      .orderBy(evidenceFiles.createdAt)
    : [];
  const taskList = views.map((v) => {
    const status: TaskStatus = v.derived.status;
    return {
      id: v.id, ref: v.ref, area: v.area, title: v.title, product: v.product,
      lead: v.lead.map((u) => u.name), support: v.support.map((u) => u.name),
      timelineText: v.timelineText, dueDate: v.dueDate, status, statusLabel: STATUS_LABELS[status],
      progress: status === "done_on_time" || status === "done_late" ? 100 : v.progress,
      files: files.filter((f) => f.taskId === v.id).map((f) => ({
        name: f.filename, size: f.size, url: `/api/public/communes/${encodeURIComponent(org.code)}/evidence/${f.id}`,
      })),
    };
  });
  const areas = summarizeByArea(views.map((v) => ({ status: v.derived.status, area: v.area, leadUnitIds: [] })))
    .filter((a) => a.tasks > 0)
    .map((a) => {
      const done = a.statusCounts.done_on_time + a.statusCounts.done_late;
      return { area: a.area, name: a.name, tasks: a.tasks, done, doneShare: share(done, a.tasks), doneOnTime: a.statusCounts.done_on_time, overdue: a.statusCounts.overdue, onTimeRate: a.onTimeRate };
    });
  // Presented field by field by the route (the light needs the target presenter).
  const targets = settings.publishTargets ? await loadTargets(tx, [plan.id]) : null;
  return {
    plan: { title: plan.title, number: plan.number, issuedDate: plan.issuedDate, year: plan.year, tasks: taskList, areas },
    targets,
  };
}

/** Everything the public page shows, as one JSON document. */
export async function loadPublicPage(tx: Tx, org: OrgRow, today: IsoDate) {
  const settings = await getPublicPageSettings(tx, org.id);
  const province = await provinceOf(tx, org);
  const { plan, targets } = settings.publishPlan ? await planSection(tx, org, settings, today) : { plan: null, targets: null };
  return {
    commune: { name: org.name, code: org.code },
    province: province ? { name: province.name, code: province.code } : null,
    intro: settings.intro,
    today,
    published: { plan: settings.publishPlan, targets: settings.publishPlan && settings.publishTargets, indicators: settings.publishIndicators },
    plan,
    targets,
    indicators: settings.publishIndicators ? await yearToDateIndicators(tx, org.id, today) : null,
    parResult: province ? await publishedParResult(tx, province, org.code) : null,
    ratingUrl: `/danh-gia/${encodeURIComponent(org.code)}`,
  };
}
export type PublicPage = Awaited<ReturnType<typeof loadPublicPage>>;

/**
 * A file marked public, of a task of the plan the page shows, with the plan
 * published; anything else is "not found", whatever exists.
 */
export async function publicEvidence(tx: Tx, org: OrgRow, fileId: string, today: IsoDate) {
  const missing = notFound("tài liệu công khai");
  const settings = await getPublicPageSettings(tx, org.id);
  if (!settings.publishPlan) throw missing;
  const plan = await publishedPlan(tx, org.id, parseIso(today).year);
  if (!plan) throw missing;
  const [file] = await tx.select({ filename: evidenceFiles.filename, mimeType: evidenceFiles.mimeType, content: evidenceFiles.content, taskId: evidenceFiles.taskId, isPublic: evidenceFiles.isPublic, orgId: evidenceFiles.orgId })
    .from(evidenceFiles).where(eq(evidenceFiles.id, fileId));
  if (!file || !file.isPublic || file.orgId !== org.id) throw missing;
  const [task] = await tx.select({ id: tasks.id }).from(tasks).where(and(eq(tasks.id, file.taskId), eq(tasks.planId, plan.id)));
  if (!task) throw missing;
  return file;
}
