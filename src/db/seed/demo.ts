import { createHash, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { addDays, parseIso, shiftYears, ymd, type IsoDate } from "../../domain/dates.js";
import { periodsBetween } from "../../domain/periods.js";
import { checkInKind, type Recurrence } from "../../domain/task-status.js";
import { evidenceFiles, extensionRequests, organisations, plans, targets, targetUnits, targetValues, taskUnits, taskUpdates, tasks, units, userUnits, users } from "../schema.js";
import { seedStandardUnits } from "../units.js";
import { hashPassword } from "../users.js";
import { planStart } from "../tasks.js";
import { seededRandom } from "./random.js";
import { seedDemoRecords } from "./demo-records.js";
import { seedDemoPar, type DemoParCommune } from "./demo-par.js";
import { seedDemoReformRecords } from "./demo-inspections.js";
import { samplePdf } from "./sample-pdf.js";
import { EXTRA_COMMUNES, STANDARD_PROFILE, adaptDraft, type ProgressProfile } from "./demo-extra-communes.js";
import { suggestIndicator } from "../../domain/indicators/catalogue.js";
import { refreshComputedTargets } from "../computed-targets.js";
import type { PlanDraft } from "../../domain/plan-draft.js";
import type { Db, Tx } from "../connection.js";

export const DEMO_PASSWORD = "Demo12345";

export interface DemoLogin { username: string; fullName: string; role: string; org: string; units: string[] }

interface CommuneSpec {
  code: string; name: string; fixture: string; number: string; chairman: string; focalPoint: string;
  officers: Array<{ username: string; fullName: string; units: string[] }>;
  /**
   * The full demo communes' one-stop dossiers, extension requests and PAR data:
   * `lateShare` of dossiers resolved late (one meets its on-time target, the
   * other is at risk), `parQuality` the share of PAR criteria scored in full.
   * The light communes have none of these.
   */
  records?: { lateShare: number; parQuality: number };
  /** The plan to start from instead of the fixture as it is. */
  draft?: PlanDraft;
  profile?: ProgressProfile;
  /** Inspections with findings, initiatives and an emulation campaign (demo-inspections.ts). */
  reformRecords?: boolean;
}

const PROVINCE = { code: "tinh-mau", name: "Tỉnh Minh Hòa (dữ liệu mẫu)" };
const COMMUNES: CommuneSpec[] = [
  {
    records: { lateShare: 0.004, parQuality: 0.85 }, reformRecords: true, code: "xa-tinh-khe", name: "UBND xã Tỉnh Khê", fixture: "plan-tinh-khe-2025.json", number: "12/KH-UBND",
    chairman: "Võ Minh Chính", focalPoint: "Nguyễn Thị Lan",
    officers: [
      { username: "vptk.tinhkhe", fullName: "Trần Văn Hùng", units: ["vp-tk"] },
      { username: "tpht.tinhkhe", fullName: "Lê Thị Hoa", units: ["tp-ht"] },
      { username: "tckt.tinhkhe", fullName: "Phạm Văn Nam", units: ["tc-kt"] },
      { username: "vhxh.tinhkhe", fullName: "Đỗ Thị Mai", units: ["vh-xh"] },
      { username: "motcua.tinhkhe", fullName: "Huỳnh Văn Tâm", units: ["mot-cua"] },
    ],
  },
  {
    records: { lateShare: 0.035, parQuality: 0.7 }, code: "phuong-hoai-hao", name: "UBND phường Hoài Hảo", fixture: "plan-hoai-hao-2024.json", number: "08/KH-UBND",
    chairman: "Thái Tường Hận", focalPoint: "Ngô Thị Thu",
    officers: [
      { username: "vptk.hoaihao", fullName: "Bùi Văn Long", units: ["vp-tk"] },
      { username: "tpht.hoaihao", fullName: "Đặng Thị Ngọc", units: ["tp-ht"] },
      { username: "vhxh.hoaihao", fullName: "Võ Văn Phúc", units: ["vh-xh"] },
    ],
  },
];
/** The light communes and wards: a plan retitled from the fixture of their kind, their own pace. */
const extraSpecs = (): CommuneSpec[] => EXTRA_COMMUNES.map((c) => ({
  code: c.code, name: c.name, fixture: c.fixture, number: c.number, chairman: c.chairman, focalPoint: c.focalPoint,
  officers: [], draft: adaptDraft(loadDraft(c.fixture), c), profile: c.profile,
}));
const SHORT = (code: string) => code.split("-").slice(1).join("");

function loadDraft(name: string): PlanDraft {
  return JSON.parse(readFileSync(fileURLToPath(new URL(`../../../fixtures/demo/${name}`, import.meta.url)), "utf8"));
}

export { samplePdf } from "./sample-pdf.js";

const NOTES_PROGRESS = [
  "Đã xây dựng dự thảo, đang lấy ý kiến các bộ phận liên quan.",
  "Đã triển khai đến các bộ phận; đang tổng hợp kết quả.",
  "Đã tổ chức họp triển khai, phân công cụ thể cho từng công chức.",
  "Đang hoàn thiện hồ sơ, dự kiến trình lãnh đạo ký trong tuần tới.",
];
const NOTES_DONE = [
  "Đã hoàn thành, ban hành văn bản và gửi các bộ phận thực hiện.",
  "Hoàn thành; đính kèm báo cáo kết quả thực hiện.",
  "Đã ban hành quyết định, đăng tải trên Trang thông tin điện tử của xã.",
];
const NOTES_CHECKIN = ["Đã thực hiện trong kỳ, không phát sinh vướng mắc.", "Đã báo cáo kết quả kỳ này theo quy định.", "Thực hiện thường xuyên; đã cập nhật số liệu của kỳ."];

interface SeedContext { tx: Tx; orgId: string; unitIdByCode: Map<string, string>; rand: () => number; today: IsoDate; officerOf: (unitIds: string[]) => string; focalPointId: string }

async function unitFor(ctx: SeedContext, u: { unit: string | null; text: string }): Promise<string> {
  const key = u.unit ?? `text:${u.text.toLowerCase().trim()}`;
  const known = ctx.unitIdByCode.get(key);
  if (known) return known;
  const [row] = await ctx.tx.insert(units).values({ orgId: ctx.orgId, name: u.text.trim(), kind: "unit", sortOrder: 900 + ctx.unitIdByCode.size }).returning();
  ctx.unitIdByCode.set(key, row.id);
  return row.id;
}

type NewUpdate = typeof taskUpdates.$inferInsert & { id: string };

/** Plausible progress for one task up to `asOf` (today, or the last day the commune updated anything): updates, check-ins, a done date. */
function progressFor(task: { id: string; dueDate: string | null; recurrence: string | null }, start: IsoDate, yearEnd: IsoDate, ctx: SeedContext, authorId: string, profile: ProgressProfile, asOf: IsoDate) {
  const { rand } = ctx;
  const today = asOf;
  const updates: NewUpdate[] = [];
  let doneOn: string | null = null;
  let progress = 0;
  const clamp = (d: IsoDate) => (d > today ? today : d < start ? start : d);
  const add = (date: IsoDate, p: number | null, note: string, extra: Partial<NewUpdate> = {}) => {
    updates.push({ id: randomUUID(), orgId: ctx.orgId, taskId: task.id, authorId, date: clamp(date), progress: p, note, ...extra });
    if (p !== null) progress = p;
  };
  const note = (list: string[]) => list[Math.floor(rand() * list.length)];
  if (task.recurrence) {
    const end = task.dueDate ?? yearEnd;
    for (const p of periodsBetween(checkInKind(task.recurrence as Recurrence), start, end < today ? end : today)) {
      const r = rand();
      if (p.end < today) {
        if (r < profile.checkIn) add(addDays(p.end, -Math.floor(rand() * 10)), null, note(NOTES_CHECKIN), { period: p.key });
        else if (r < profile.checkInLate && addDays(p.end, 5) <= today) add(addDays(p.end, 3 + Math.floor(rand() * 5)), null, note(NOTES_CHECKIN), { period: p.key });
      } else if (r < profile.checkInCurrent && addDays(p.start, 5) <= today) add(addDays(p.start, 3), null, note(NOTES_CHECKIN), { period: p.key });
    }
    return { updates, doneOn, progress: updates.length ? Math.min(95, updates.length * 10) : 0 };
  }
  const due = task.dueDate;
  const r = rand();
  const early = (d: IsoDate) => addDays(d, -(5 + Math.floor(rand() * 20)));
  if (due && due <= today) {
    add(early(early(due)), 40, note(NOTES_PROGRESS));
    if (r < profile.pastOnTime) { doneOn = clamp(early(due)); add(doneOn, 100, note(NOTES_DONE), { statusChange: "done" }); }
    else if (r < profile.pastLate && addDays(due, 4) <= today) { doneOn = clamp(addDays(due, 3 + Math.floor(rand() * 20))); add(doneOn, 100, note(NOTES_DONE), { statusChange: "done" }); }
    else add(early(due), 60 + Math.floor(rand() * 3) * 10, note(NOTES_PROGRESS));
  } else if (due) {
    if (r < profile.futureDone) { add(early(today), 50, note(NOTES_PROGRESS)); doneOn = clamp(addDays(today, -2)); add(doneOn, 100, note(NOTES_DONE), { statusChange: "done" }); }
    else if (r < profile.futureStarted) add(early(today), 20 + Math.floor(rand() * 6) * 10, note(NOTES_PROGRESS));
  } else if (r < profile.undatedStarted) add(early(today), 30 + Math.floor(rand() * 4) * 10, note(NOTES_PROGRESS));
  return { updates, doneOn, progress };
}

/** The commune, its standard units and people. */
async function seedPeople(tx: Tx, spec: CommuneSpec, provinceId: string, passwordHash: string, logins: DemoLogin[]) {
  const [org] = await tx.insert(organisations).values({ kind: "commune", name: spec.name, code: spec.code, parentId: provinceId }).returning();
  const standard = await seedStandardUnits(tx, org.id, "before-2025");
  const unitIdByCode = new Map(standard.map((u) => [u.code!, u.id]));
  const short = SHORT(spec.code);
  const people = [
    { username: `ct.${short}`, fullName: spec.chairman, role: "chairman" as const, units: ["lanh-dao"] },
    { username: `dm.${short}`, fullName: spec.focalPoint, role: "focal_point" as const, units: ["vp-tk"] },
    ...spec.officers.map((o) => ({ ...o, role: "unit_officer" as const })),
  ];
  const userIds: Record<string, string> = {};
  const officersByUnit = new Map<string, string[]>();
  const userRows = await tx.insert(users).values(people.map((p) => ({ orgId: org.id, username: p.username, fullName: p.fullName, role: p.role, passwordHash }))).returning({ id: users.id, username: users.username });
  const idOf = new Map(userRows.map((u) => [u.username, u.id]));
  const memberships: Array<typeof userUnits.$inferInsert> = [];
  for (const p of people) {
    const userId = idOf.get(p.username)!;
    userIds[p.username] = userId;
    const ids = p.units.map((c) => unitIdByCode.get(c)!);
    memberships.push(...ids.map((unitId) => ({ orgId: org.id, userId, unitId })));
    if (p.role === "unit_officer") for (const id of ids) officersByUnit.set(id, [...(officersByUnit.get(id) ?? []), userId]);
    logins.push({ username: p.username, fullName: p.fullName, role: p.role, org: spec.name, units: p.units });
  }
  await tx.insert(userUnits).values(memberships);
  return { org, unitIdByCode, userIds, officersByUnit, chairmanId: userIds[`ct.${short}`], focalPointId: userIds[`dm.${short}`] };
}

async function seedCommune(tx: Tx, spec: CommuneSpec, index: number, provinceId: string, passwordHash: string, today: IsoDate, logins: DemoLogin[]) {
  const { org, unitIdByCode, userIds, officersByUnit, chairmanId, focalPointId } = await seedPeople(tx, spec, provinceId, passwordHash, logins);
  const profile = spec.profile ?? STANDARD_PROFILE;
  const asOf = addDays(today, -profile.staleDays);
  const ctx: SeedContext = {
    tx, orgId: org.id, unitIdByCode, rand: seededRandom(20250101 + index * 7919), today, focalPointId,
    officerOf: (ids) => ids.map((id) => officersByUnit.get(id)?.[0]).find(Boolean) ?? focalPointId,
  };

  const draft = spec.draft ?? loadDraft(spec.fixture);
  const draftYear = draft.document.year ?? parseIso(today).year;
  const year = parseIso(today).year;
  const shift = (d: string | null) => (d ? shiftYears(d, year - draftYear) : null);
  const issuedDate = shift(draft.document.date) ?? ymd(year, 1, 15);
  const [plan] = await tx.insert(plans).values({
    orgId: org.id, type: "annual", number: spec.number, issuedDate, year,
    title: (draft.document.title ?? `Cải cách hành chính năm ${year}`).replace(String(draftYear), String(year)),
    issuer: draft.document.issuer, signerName: draft.document.signer.name, signerTitle: draft.document.signer.title,
    legalBases: [`Kế hoạch số 25/KH-UBND ngày 10/01/${year} của UBND tỉnh về cải cách hành chính năm ${year}`, "Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021 – 2030"],
    status: "active", createdBy: focalPointId,
  }).returning();
  const start = planStart(plan);
  const yearEnd = ymd(year, 12, 31);

  // Rows are built in the order the random draws need and written in a few batched statements.
  const taskRows: Array<typeof tasks.$inferInsert & { id: string }> = [];
  const taskUnitRows: Array<typeof taskUnits.$inferInsert> = [];
  const updateRows: NewUpdate[] = [];
  const fileRows: Array<typeof evidenceFiles.$inferInsert> = [];
  const extensionCandidates: Array<{ taskId: string; due: string; officer: string }> = [];
  for (const [i, t] of draft.tasks.entries()) {
    const dueDate = shift(t.timeline.due);
    const task: (typeof taskRows)[number] = {
      id: randomUUID(), orgId: org.id, planId: plan.id, ref: t.ref, area: t.area, title: t.title, product: t.product, timelineText: t.timeline.text,
      milestones: t.timeline.milestones.map((m) => shift(m)!), dueDate, originalDueDate: dueDate, recurrence: t.timeline.recurrence,
      criteria: t.criteria, sortOrder: (i + 1) * 10,
    };
    taskRows.push(task);
    const lead = [...new Set(await Promise.all(t.lead.map((u) => unitFor(ctx, u))))];
    const support = [...new Set(await Promise.all(t.support.map((u) => unitFor(ctx, u))))].filter((u) => !lead.includes(u));
    taskUnitRows.push(...lead.map((unitId, position) => ({ orgId: org.id, taskId: task.id, unitId, role: "lead" as const, position })), ...support.map((unitId, position) => ({ orgId: org.id, taskId: task.id, unitId, role: "support" as const, position })));
    const author = ctx.officerOf(lead);
    const { updates, doneOn, progress } = progressFor({ id: task.id, dueDate: dueDate ?? null, recurrence: t.timeline.recurrence }, start, yearEnd, ctx, author, profile, asOf);
    if (updates.length) {
      updateRows.push(...updates);
      Object.assign(task, { doneOn, progress, lastUpdateAt: new Date(`${updates.at(-1)!.date}T09:00:00+07:00`) });
      const withFile = updates.filter((u) => u.statusChange === "done" || (u.period && ctx.rand() < 0.3));
      for (const u of withFile) {
        const content = samplePdf(`${t.ref ?? ""} ${t.title}`);
        fileRows.push({ orgId: org.id, taskId: task.id, updateId: u.id, filename: `Bao-cao-nhiem-vu-${(t.ref ?? String(i + 1)).replace(/[^\w.-]/g, "")}.pdf`, mimeType: "application/pdf", size: content.length, sha256: createHash("sha256").update(content).digest("hex"), content, uploadedBy: author });
      }
    }
    if (!doneOn && !t.timeline.recurrence && dueDate && dueDate < today) extensionCandidates.push({ taskId: task.id, due: dueDate, officer: author });
  }
  if (taskRows.length) await tx.insert(tasks).values(taskRows);
  if (taskUnitRows.length) await tx.insert(taskUnits).values(taskUnitRows);
  if (updateRows.length) await tx.insert(taskUpdates).values(updateRows);
  if (fileRows.length) await tx.insert(evidenceFiles).values(fileRows);

  if (spec.records) {
    // One extension approved, one refused, one waiting for the focal point.
    const [approved, refused, pending] = extensionCandidates;
    if (approved) {
      const newDue = addDays(today, 20);
      await tx.insert(extensionRequests).values({ orgId: org.id, taskId: approved.taskId, requestedBy: approved.officer, currentDue: approved.due, proposedDue: newDue, reason: "Chờ văn bản hướng dẫn của cấp trên nên chưa thể hoàn thành đúng hạn.", status: "approved", decidedBy: focalPointId, decidedAt: new Date(), decisionNote: "Đồng ý, đề nghị hoàn thành đúng hạn mới." });
      await tx.update(tasks).set({ dueDate: newDue }).where(sql`${tasks.id} = ${approved.taskId}`);
    }
    if (refused) await tx.insert(extensionRequests).values({ orgId: org.id, taskId: refused.taskId, requestedBy: refused.officer, currentDue: refused.due, proposedDue: addDays(today, 45), reason: "Công chức phụ trách đi học tập trung.", status: "refused", decidedBy: focalPointId, decidedAt: new Date(), decisionNote: "Không đồng ý; phân công công chức khác phối hợp hoàn thành ngay." });
    if (pending) await tx.insert(extensionRequests).values({ orgId: org.id, taskId: pending.taskId, requestedBy: pending.officer, currentDue: pending.due, proposedDue: addDays(today, 30), reason: "Khối lượng hồ sơ tăng đột biến trong quý, đề nghị gia hạn thêm 30 ngày." });
  }

  // Every full demo commune plan sets the one-stop on-time rate (fed by its dossiers); the demo drafts leave it to the appendix.
  const onTime = { text: "Tỷ lệ hồ sơ thủ tục hành chính giải quyết trước hạn, đúng hạn", op: ">=", value: 98, unit: "%", monitor: [{ unit: "mot-cua", text: "Bộ phận Một cửa" }], implement: [] };
  const targetRows: Array<typeof targets.$inferInsert & { id: string }> = [];
  const targetUnitRows: Array<typeof targetUnits.$inferInsert> = [];
  const valueRows: Array<typeof targetValues.$inferInsert> = [];
  for (const [i, t] of [...draft.targets, ...(spec.records ? [onTime] : [])].entries()) {
    const indicatorKey = suggestIndicator(t.text, t.unit, t.value);
    const target = { id: randomUUID(), orgId: org.id, planId: plan.id, text: t.text, op: t.op, value: t.value, unit: t.unit, sortOrder: (i + 1) * 10, dataSource: indicatorKey ? "computed" as const : "manual" as const, indicatorKey };
    targetRows.push(target);
    targetUnitRows.push(
      ...[...new Set(await Promise.all(t.monitor.map((u) => unitFor(ctx, u))))].map((unitId, position) => ({ orgId: org.id, targetId: target.id, unitId, role: "monitor" as const, position })),
      ...[...new Set(await Promise.all(t.implement.map((u) => unitFor(ctx, u))))].map((unitId, position) => ({ orgId: org.id, targetId: target.id, unitId, role: "implement" as const, position })),
    );
    if (t.value !== null && !indicatorKey) {
      const months = Math.min(parseIso(asOf).month - 1, 11);
      valueRows.push(...Array.from({ length: months }, (_, m) => ({
        orgId: org.id, targetId: target.id, period: `${year}-${String(m + 1).padStart(2, "0")}`,
        value: Math.min(100, Math.round((t.value! + profile.targetLow + ctx.rand() * profile.targetSpread) * 10) / 10), recordedBy: focalPointId,
      })));
    }
  }
  if (targetRows.length) await tx.insert(targets).values(targetRows as Array<typeof targets.$inferInsert>);
  if (targetUnitRows.length) await tx.insert(targetUnits).values(targetUnitRows);
  if (valueRows.length) await tx.insert(targetValues).values(valueRows);
  if (spec.records) {
    await seedDemoRecords(tx, org.id, SHORT(spec.code).toUpperCase(), today, ctx.rand, spec.records.lateShare);
    await refreshComputedTargets(tx, org.id, today, { remind: false });
  }
  if (spec.reformRecords) await seedDemoReformRecords(tx, { orgId: org.id, unitIdByCode, userIds, focalPointId, chairmanId, short: SHORT(spec.code) }, today);
  return { orgId: org.id, chairmanId, focalPointId };
}

/**
 * Creates the demo province, its two full communes (with one-stop dossiers and
 * PAR data) and eight light ones, their people and plans; nothing if data exists.
 */
export async function seedDemo(db: Db, today: IsoDate): Promise<DemoLogin[] | null> {
  const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(organisations);
  if (n > 0) return null;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const logins: DemoLogin[] = [];
  await db.transaction(async (tx) => {
    const [province] = await tx.insert(organisations).values({ kind: "province", name: PROVINCE.name, code: PROVINCE.code }).returning();
    const provinceUsers: string[] = [];
    for (const p of [
      { username: "qt.tinh", fullName: "Phan Văn Quang", role: "province_admin" as const },
      { username: "xem.tinh", fullName: "Lý Thị Hạnh", role: "province_viewer" as const },
    ]) {
      const [u] = await tx.insert(users).values({ orgId: province.id, passwordHash, ...p }).returning({ id: users.id });
      provinceUsers.push(u.id);
      logins.push({ ...p, org: PROVINCE.name, units: [] });
    }
    const communes: DemoParCommune[] = [];
    for (const [i, spec] of [...COMMUNES, ...extraSpecs()].entries()) {
      const c = await seedCommune(tx, spec, i, province.id, passwordHash, today, logins);
      if (spec.records) communes.push({ ...c, subject: spec.code.startsWith("phuong") ? "phuong" : "xa", quality: spec.records.parQuality });
    }
    await seedDemoPar(tx, { id: province.id, code: province.code, adminId: provinceUsers[0] }, communes, today);
  });
  return logins;
}
