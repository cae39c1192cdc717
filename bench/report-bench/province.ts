/**
 * The report benchmark's data: a province of N communes, each with the
 * standard units, a chairman (who signs), an active annual plan of the year
 * made through acceptPlanDraft (tasks over the 8 areas with lead units, due
 * dates over the year, a few targets), then in bulk for every task one
 * progress update with a note (about 60 % done by the report's cut-off, a
 * quarter of those late) with tasks.done_on / progress / last_update_at set to
 * match, and monthly target values. Commune 1 gets a year of one-stop records
 * through importRecords (catalogue, dossiers, PAKN); the others get a copy of
 * them in one INSERT … SELECT each (same records, their own org_id).
 */
import { sql } from "drizzle-orm";
import { getTableConfig, type PgTable } from "drizzle-orm/pg-core";
import type { Db } from "../../src/db/connection.js";
import type { OrgRow } from "../../src/db/orgs.js";
import { acceptPlanDraft, type AcceptedDraft } from "../../src/db/plan-import.js";
import { importRecords } from "../../src/db/records.js";
import { dossiers, feedback, organisations, plans, procedures, targets, targetValues, taskUpdates, tasks, users } from "../../src/db/schema.js";
import { pick, seededRandom } from "../../src/db/seed/random.js";
import { seedStandardUnits } from "../../src/db/units.js";
import { AREAS } from "../../src/domain/areas.js";
import { addDays, daysInMonth, ymd, type IsoDate } from "../../src/domain/dates.js";
import { csvText, dossierCsvLines, feedbackCsvLines, generateCommuneRecords, procedureCsvLines } from "../../test/support/dossier-generator.js";

export interface BenchProvince {
  province: OrgRow;
  communes: OrgRow[];
  /** The chairman of each commune, by commune id: creates, approves and submits its report. */
  chairmen: Map<string, { id: string; orgId: string }>;
  /** Time of the one-stop part: importRecords for commune 1, the copies for the others. */
  importMs: number;
  copyMs: number;
}

const BATCH = 1000;
/** Lead units of each area's tasks (unit codes of fixtures/units.json, after-2025 era), in AREAS order. */
const LEADS = [
  ["vp-hdnd-ubnd", "lanh-dao"], ["vp-hdnd-ubnd", "p-vhxh"], ["tt-pvhcc", "vp-hdnd-ubnd"], ["vp-hdnd-ubnd"],
  ["vp-hdnd-ubnd", "lanh-dao"], ["p-kt"], ["vp-hdnd-ubnd", "tt-pvhcc", "p-kthtdt"], ["tt-pvhcc", "p-vhxh"],
];
const SUPPORT = ["p-kt", "p-kthtdt", "p-vhxh", "tt-dvth", "dai-truyen-thanh", "ubmttq", "lien-quan"];
/** Weights of the areas in real commune plans. */
const WEIGHTS = [14, 10, 18, 10, 12, 10, 18, 8];
const TARGETS = [
  { text: "Tỷ lệ hồ sơ giải quyết trực tuyến toàn trình trên tổng số hồ sơ đạt tối thiểu 80%.", op: ">=", value: 80, unit: "%", monitor: "vp-hdnd-ubnd", implement: "tt-pvhcc" },
  { text: "100% hồ sơ thủ tục hành chính được giải quyết đúng hạn.", op: "=", value: 100, unit: "%", monitor: "lanh-dao", implement: "tt-pvhcc" },
  { text: "Tỷ lệ số hóa hồ sơ, kết quả giải quyết thủ tục hành chính đạt tối thiểu 90%.", op: ">=", value: 90, unit: "%", monitor: "vp-hdnd-ubnd", implement: "tt-pvhcc" },
  { text: "Mức độ hài lòng của người dân đối với sự phục vụ của cơ quan hành chính đạt trên 90%.", op: ">", value: 90, unit: "%", monitor: "lanh-dao", implement: "p-vhxh" },
];
const NOTES_DONE = ["Đã hoàn thành, báo cáo kết quả gửi Văn phòng HĐND và UBND.", "Hoàn thành; đã ban hành văn bản và gửi các bộ phận.", "Đã tổ chức thực hiện xong, có biên bản kèm theo."];
const NOTES_OPEN = ["Đang triển khai, đã hoàn thành dự thảo.", "Đang tổng hợp số liệu từ các bộ phận.", "Đã giao nhiệm vụ, đang chờ ý kiến góp ý."];

/** The plan draft of one commune: `count` tasks over the 8 areas, due dates spread over the year. */
function planDraft(year: number, count: number, rand: () => number): AcceptedDraft {
  const total = WEIGHTS.reduce((a, b) => a + b, 0);
  const perArea = WEIGHTS.map((w) => Math.floor((count * w) / total));
  for (let i = 0; perArea.reduce((a, b) => a + b, 0) < count; i++) perArea[i % 8]!++;
  const unit = (code: string) => ({ unit: code, text: code });
  const draftTasks: AcceptedDraft["tasks"] = AREAS.flatMap((area, a) => Array.from({ length: perArea[a]! }, (_, i) => {
    const month = 1 + Math.floor(rand() * 12);
    const due = ymd(year, month, rand() < 0.6 ? daysInMonth(year, month) : 15);
    const lead = pick(rand, LEADS[a]!);
    return {
      ref: `${["I", "II", "III", "IV", "V", "VI", "VII", "VIII"][a]}.${i + 1}`, area: area.code,
      title: `${area.short}: nhiệm vụ số ${i + 1} của kế hoạch năm ${year}`, product: "Báo cáo kết quả thực hiện",
      lead: [unit(lead)], support: rand() < 0.6 ? [unit(pick(rand, SUPPORT.filter((s) => s !== lead)))] : [],
      timeline: { text: `Trước ngày ${due.slice(8, 10)}/${month}/${year}`, milestones: [], due, recurrence: null }, criteria: [],
    };
  }));
  return {
    document: { type: "ke-hoach", number: "05/KH-UBND", issuer: "UBND xã", place: null, date: ymd(year, 1, 10), title: `Kế hoạch cải cách hành chính năm ${year}`, year, signer: { name: null, title: "Chủ tịch" } },
    tasks: draftTasks,
    targets: TARGETS.map((t) => ({ text: t.text, op: t.op, value: t.value, unit: t.unit, monitor: [unit(t.monitor)], implement: [unit(t.implement)] })),
  };
}

/**
 * How each task stood at `cutoff`: 60 % done (a quarter of them late, never
 * after the cut-off), the others in progress; one update per task.
 */
function progressOf(task: { id: string; orgId: string; dueDate: string | null }, authorId: string, start: IsoDate, cutoff: IsoDate, rand: () => number) {
  const due = task.dueDate!;
  const late = addDays(due, 3 + Math.floor(rand() * 20));
  const done = rand() < 0.6;
  const doneOn = !done ? null : rand() < 0.25 && late <= cutoff ? late : maxDate(start, minDate(cutoff, addDays(due, -Math.floor(rand() * 20))));
  const date = doneOn ?? maxDate(start, minDate(cutoff, addDays(due, -5)));
  const progress = doneOn ? 100 : 20 + 10 * Math.floor(rand() * 7);
  const at = new Date(`${date}T09:30:00+07:00`);
  return {
    update: { orgId: task.orgId, taskId: task.id, authorId, date, progress, note: pick(rand, doneOn ? NOTES_DONE : NOTES_OPEN), statusChange: doneOn ? "done" as const : null, createdAt: at },
    task: { id: task.id, done_on: doneOn, progress, last_update_at: at.toISOString() },
  };
}
const minDate = (a: IsoDate, b: IsoDate) => (a < b ? a : b);
const maxDate = (a: IsoDate, b: IsoDate) => (a > b ? a : b);

async function insertAll(db: Db, table: PgTable, rows: Record<string, unknown>[]) {
  for (let i = 0; i < rows.length; i += BATCH) await db.insert(table).values(rows.slice(i, i + BATCH) as never);
}

/** Copies commune 1's rows of a one-stop table to the other communes, import_id left empty. */
async function copyRecords(db: Db, table: PgTable, from: string, to: string[]) {
  const names = getTableConfig(table).columns.map((c) => c.name).filter((n) => n !== "org_id" && n !== "import_id");
  const cols = sql.raw(names.map((n) => `"${n}"`).join(", "));
  const src = sql.raw(names.map((n) => `r."${n}"`).join(", "));
  for (const id of to) await db.execute(sql`insert into ${table} (org_id, ${cols}) select ${id}::uuid, ${src} from ${table} r where r.org_id = ${from}::uuid`);
}

export async function generateProvince(db: Db, o: { communes: number; tasks: number; dossiers: number; year: number; cutoff: IsoDate; seed: number; log: (s: string) => void }): Promise<BenchProvince> {
  const rand = seededRandom(o.seed);
  const [province] = await db.insert(organisations).values({ kind: "province", name: "Tỉnh Minh Hòa (benchmark)", code: "bench-tinh" }).returning();
  const communes = await db.insert(organisations).values(Array.from({ length: o.communes }, (_, i) => {
    const n = String(i + 1).padStart(3, "0");
    return { parentId: province!.id, kind: "commune" as const, name: `UBND xã Bench ${n}`, code: `bench-xa-${n}` };
  })).returning();
  const chairmen = await db.insert(users).values(communes.map((c, i) => ({
    orgId: c.id, username: `ct.bench${i + 1}`, fullName: `Nguyễn Văn Chủ ${i + 1}`, role: "chairman" as const, passwordHash: "!",
  }))).returning({ id: users.id, orgId: users.orgId });

  const updates: Record<string, unknown>[] = [];
  const taskFacts: Record<string, unknown>[] = [];
  const values: Record<string, unknown>[] = [];
  for (const [i, c] of communes.entries()) {
    await seedStandardUnits(db, c.id, "after-2025");
    const plan = await acceptPlanDraft(db, chairmen[i]!, c.id, { draft: planDraft(o.year, o.tasks, rand), type: "annual", unitMap: {} });
    await db.update(plans).set({ status: "active" }).where(sql`${plans.id} = ${plan.id}`);
    for (const t of await db.select({ id: tasks.id, orgId: tasks.orgId, dueDate: tasks.dueDate }).from(tasks).where(sql`${tasks.planId} = ${plan.id}`)) {
      const p = progressOf(t, chairmen[i]!.id, plan.issuedDate!, o.cutoff, rand);
      updates.push(p.update);
      taskFacts.push(p.task);
    }
    for (const t of await db.select({ id: targets.id, value: targets.value }).from(targets).where(sql`${targets.planId} = ${plan.id}`)) {
      for (let m = 1; m <= 11; m++) values.push({ orgId: c.id, targetId: t.id, period: `${o.year}-${String(m).padStart(2, "0")}`, value: Math.min(100, Math.round(((t.value ?? 90) - 10 + m + rand() * 6) * 10) / 10) });
    }
    if ((i + 1) % 50 === 0 || i + 1 === communes.length) o.log(`  đã tạo kế hoạch của ${i + 1}/${communes.length} xã`);
  }
  await insertAll(db, taskUpdates, updates);
  await insertAll(db, targetValues, values);
  for (let i = 0; i < taskFacts.length; i += BATCH) {
    const json = JSON.stringify(taskFacts.slice(i, i + BATCH));
    await db.execute(sql`update tasks t set done_on = v.done_on, progress = v.progress, last_update_at = v.last_update_at
      from json_to_recordset(${json}::json) as v(id uuid, done_on date, progress int, last_update_at timestamptz) where t.id = v.id`);
  }

  // A year of one-stop records: dossiers accepted from 1/12 of the previous year to the cut-off, exported the day after.
  let t0 = performance.now();
  const first = communes[0]!;
  const records = generateCommuneRecords({ seed: o.seed, unitCode: "H40.001", dossiers: o.dossiers, from: ymd(o.year - 1, 12, 1), to: o.cutoff, asOf: addDays(o.cutoff, 1) });
  await importRecords(db, null, first.id, "procedures", "thutuc.csv", Buffer.from(csvText(procedureCsvLines(records.procedures, o.seed))));
  await importRecords(db, null, first.id, "dossiers", "hoso.csv", Buffer.from(csvText(dossierCsvLines(records.dossiers, o.seed))));
  await importRecords(db, null, first.id, "feedback", "pakn.csv", Buffer.from(csvText(feedbackCsvLines(records.feedback, o.seed))));
  const importMs = performance.now() - t0;
  t0 = performance.now();
  const others = communes.slice(1).map((c) => c.id);
  for (const table of [procedures, dossiers, feedback]) await copyRecords(db, table, first.id, others);
  await db.execute(sql`analyze`);
  return { province: province!, communes, chairmen: new Map(chairmen.map((u) => [u.orgId, u])), importMs, copyMs: performance.now() - t0 };
}
