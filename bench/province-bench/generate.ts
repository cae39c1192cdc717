/**
 * The province benchmark's data: one province with N communes, each with its
 * standard units, one active annual plan of T tasks over the 8 reform areas
 * (lead units, due dates over the year, one task in ten recurring monthly),
 * 12 months of progress updates for the tasks being worked on, a done date
 * for about 60 % of the tasks due by today (some late), and targets with a
 * value every month. Built in memory with ids made here, then written with
 * multi-row INSERTs in one transaction. Seeded: every run makes the same data.
 */
import { randomUUID } from "node:crypto";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Db, Tx } from "../../src/db/connection.js";
import { organisations, plans, targets, targetValues, taskUnits, taskUpdates, tasks, units, users } from "../../src/db/schema.js";
import { standardUnits } from "../../src/db/units.js";
import { hashPassword } from "../../src/db/users.js";
import { seededRandom } from "../../src/db/seed/random.js";
import { AREAS } from "../../src/domain/areas.js";
import { addDays, daysInMonth, parseIso, ymd, type IsoDate } from "../../src/domain/dates.js";

export const ADMIN = { username: "qt.bench", password: "Bench12345" };

export interface BenchProvince { provinceId: string; rows: Record<string, number> }

const TARGETS = [
  { text: "Tỷ lệ hồ sơ TTHC giải quyết đúng hạn", op: ">=", value: 98 },
  { text: "Tỷ lệ hồ sơ trực tuyến toàn trình", op: ">=", value: 50 },
  { text: "Tỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC", op: ">=", value: 90 },
  { text: "Tỷ lệ thanh toán trực tuyến", op: ">=", value: 45 },
  { text: "Tỷ lệ phản ánh, kiến nghị được xử lý đúng hạn", op: "=", value: 100 },
  { text: "Mức độ hài lòng của người dân", op: ">=", value: 95 },
  { text: "Tỷ lệ văn bản điện tử có chữ ký số", op: ">=", value: 95 },
  { text: "Tỷ lệ kết quả giải quyết TTHC điện tử", op: "=", value: 100 },
] as const;

async function insertBatched(tx: Tx, table: PgTable, rows: Record<string, unknown>[], maxParams = 20_000): Promise<number> {
  if (!rows.length) return 0;
  const size = Math.max(1, Math.floor(maxParams / Object.keys(rows[0]!).length));
  for (let i = 0; i < rows.length; i += size) await tx.insert(table).values(rows.slice(i, i + size) as any);
  return rows.length;
}

const at = (date: IsoDate, hour = 9) => new Date(`${date}T${String(hour).padStart(2, "0")}:00:00+07:00`);

export async function generateProvince(db: Db, communes: number, tasksPerCommune: number, today: IsoDate, seed = 150): Promise<BenchProvince> {
  const rand = seededRandom(seed);
  const int = (min: number, max: number) => min + Math.floor(rand() * (max - min + 1));
  const { year, month: todayMonth } = parseIso(today);
  const provinceId = randomUUID();
  const all = {
    organisations: [{ id: provinceId, kind: "province", name: "Tỉnh Bench (150 xã)", code: "bench-tinh" }] as Record<string, unknown>[],
    users: [{ orgId: provinceId, username: ADMIN.username, fullName: "Sở Nội vụ (benchmark)", role: "province_admin", passwordHash: await hashPassword(ADMIN.password) }] as Record<string, unknown>[],
    units: [] as Record<string, unknown>[], plans: [] as Record<string, unknown>[], tasks: [] as Record<string, unknown>[],
    taskUnits: [] as Record<string, unknown>[], taskUpdates: [] as Record<string, unknown>[], targets: [] as Record<string, unknown>[], targetValues: [] as Record<string, unknown>[],
  };

  for (let c = 1; c <= communes; c++) {
    const orgId = randomUUID();
    const n = String(c).padStart(3, "0");
    all.organisations.push({ id: orgId, parentId: provinceId, kind: "commune", name: `UBND xã Bench ${n}`, code: `bench-xa-${n}` });
    const unitIds = standardUnits("after-2025").map((u) => {
      const id = randomUUID();
      all.units.push({ ...u, id, orgId });
      return id;
    });
    const planId = randomUUID();
    all.plans.push({ id: planId, orgId, type: "annual", year, title: `Kế hoạch CCHC năm ${year} của xã Bench ${n}`, status: "active", issuedDate: ymd(year, 1, 10), createdAt: at(ymd(year, 1, 10)) });
    // Communes differ: some finish most of their work on time, some fall behind.
    const diligence = 0.35 + 0.6 * rand();
    for (let k = 0; k < tasksPerCommune; k++) {
      const taskId = randomUUID();
      const area = AREAS[k % AREAS.length]!.code;
      const recurring = k % 10 === 3;
      const dueMonth = int(2, 12);
      const dueDate = recurring ? ymd(year, 12, 31) : ymd(year, dueMonth, rand() < 0.6 ? daysInMonth(year, dueMonth) : 15);
      const startMonth = recurring ? 1 : Math.max(1, dueMonth - int(1, 5));
      let doneOn: IsoDate | null = null;
      if (!recurring && dueDate <= today && rand() < diligence + 0.1) {
        doneOn = rand() < 0.8 ? addDays(dueDate, -int(0, 20)) : addDays(dueDate, int(2, 25));
        if (doneOn > today) doneOn = today;
      } else if (!recurring && rand() < 0.1) doneOn = addDays(today, -int(1, 20));
      const endMonth = Math.min(todayMonth, parseIso(doneOn ?? today).month);
      let last: Date | null = null;
      let progress = 0;
      for (let m = startMonth; m <= endMonth; m++) {
        const date = m === todayMonth ? today : ymd(year, m, int(5, 28));
        if (date > today || (doneOn && date > doneOn)) break;
        progress = Math.min(95, Math.round(((m - startMonth + 1) / (endMonth - startMonth + 2)) * 100));
        last = at(date, int(7, 16));
        all.taskUpdates.push({ orgId, taskId, date, progress: recurring ? null : progress, note: "Đang triển khai theo kế hoạch", period: recurring ? `${year}-${String(m).padStart(2, "0")}` : null, createdAt: last });
      }
      if (doneOn) {
        last = at(doneOn, 15);
        progress = 100;
        all.taskUpdates.push({ orgId, taskId, date: doneOn, progress: 100, note: "Đã hoàn thành", statusChange: "done", createdAt: last });
      }
      all.tasks.push({
        id: taskId, orgId, planId, ref: `${k + 1}`, area, title: `Nhiệm vụ ${k + 1} của xã Bench ${n}`, dueDate, originalDueDate: dueDate,
        recurrence: recurring ? "monthly" : null, sortOrder: (k + 1) * 10, progress, doneOn, lastUpdateAt: last, createdAt: at(ymd(year, 1, 10)),
      });
      all.taskUnits.push({ orgId, taskId, unitId: unitIds[k % unitIds.length], role: "lead", position: 0 });
    }
    for (const [i, t] of TARGETS.entries()) {
      const targetId = randomUUID();
      all.targets.push({ id: targetId, orgId, planId, text: t.text, op: t.op, value: t.value, unit: "%", sortOrder: i * 10 });
      for (let m = 1; m < todayMonth; m++) {
        const value = Math.min(100, Math.round((t.value * (0.85 + 0.2 * diligence) + rand() * 4 - 2) * 10) / 10);
        all.targetValues.push({ orgId, targetId, period: `${year}-${String(m).padStart(2, "0")}`, value, recordedAt: at(ymd(year, m + 1, 5)) });
      }
    }
  }

  const rows: Record<string, number> = {};
  await db.transaction(async (tx) => {
    rows.organisations = await insertBatched(tx, organisations, all.organisations);
    rows.users = await insertBatched(tx, users, all.users);
    rows.units = await insertBatched(tx, units, all.units);
    rows.plans = await insertBatched(tx, plans, all.plans);
    rows.tasks = await insertBatched(tx, tasks, all.tasks);
    rows.task_units = await insertBatched(tx, taskUnits, all.taskUnits);
    rows.task_updates = await insertBatched(tx, taskUpdates, all.taskUpdates);
    rows.targets = await insertBatched(tx, targets, all.targets);
    rows.target_values = await insertBatched(tx, targetValues, all.targetValues);
  });
  rows.done = all.tasks.filter((t) => t.doneOn).length;
  return { provinceId, rows };
}
