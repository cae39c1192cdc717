import { eq } from "drizzle-orm";
import { daysBetween, formatViDate, type IsoDate } from "../domain/dates.js";
import { notify, usersOfUnits, usersWithRole } from "../db/notifications.js";
import { plans } from "../db/schema.js";
import { loadTaskViews } from "../db/tasks.js";
import { orgsWithComputedTargets, refreshComputedTargets } from "../db/computed-targets.js";
import type { Db } from "../db/connection.js";
import { sendReportReminders } from "./report-reminders.js";
import { sendFindingReminders } from "./finding-reminders.js";

/**
 * Daily reminders for the tasks of active plans: officers of the lead and
 * support units hear of what falls due within 7 days and of what is overdue;
 * the focal point hears of overdue tasks too. Each reminder is sent once per
 * due date (overdue: once a week), however often the job runs. Targets linked
 * to one-stop indicators are recomputed; one at risk warns its monitoring units
 * once a month. Periodic reports not yet sent are reminded near their deadline
 * (report-reminders.ts), and so are inspection findings near or past their
 * deadline (finding-reminders.ts).
 */
export async function sendReminders(db: Db, today: IsoDate): Promise<{ sent: number }> {
  const views = await loadTaskViews(db, eq(plans.status, "active"), today);
  let sent = 0;
  const focalPoints = new Map<string, string[]>();
  // Many tasks share the same units: their officers are looked up once per run.
  const officersOf = new Map<string, string[]>();
  for (const task of views) {
    const status = task.derived.status;
    if (status !== "due_soon" && status !== "overdue") continue;
    const unitKey = [...task.lead, ...task.support].map((u) => u.id).sort().join(",");
    if (!officersOf.has(unitKey)) officersOf.set(unitKey, await usersOfUnits(db, unitKey ? unitKey.split(",") : []));
    const unitUsers = officersOf.get(unitKey)!;
    if (status === "due_soon") {
      const current = task.derived.periods.find((p) => p.state === "current");
      const due = task.recurrence && current ? current.end : task.dueDate!;
      const what = task.recurrence && current ? `chưa cập nhật kỳ ${current.label}, hạn ${formatViDate(due)}` : `đến hạn ngày ${formatViDate(due)}`;
      sent += await notify(db, unitUsers, { orgId: task.orgId, kind: "due_soon", taskId: task.id, planId: task.planId, dedupeKey: `due_soon:${task.id}:${due}`,
        message: `Nhiệm vụ "${task.title}" ${what} (còn ${daysBetween(today, due)} ngày).` });
      continue;
    }
    if (!focalPoints.has(task.orgId)) focalPoints.set(task.orgId, await usersWithRole(db, task.orgId, ["focal_point"]));
    const missing = task.derived.missingPeriods;
    const week = Math.floor(daysBetween("2000-01-03", today) / 7);
    const message = missing.length
      ? `Nhiệm vụ "${task.title}" thiếu cập nhật ${missing.map((p) => p.label).join(", ")}.`
      : `Nhiệm vụ "${task.title}" đã quá hạn ${daysBetween(task.dueDate!, today)} ngày (hạn ${formatViDate(task.dueDate)}).`;
    const recipients = [...new Set([...unitUsers, ...focalPoints.get(task.orgId)!])];
    sent += await notify(db, recipients, { orgId: task.orgId, kind: missing.length ? "missing_checkin" : "overdue", taskId: task.id, planId: task.planId, dedupeKey: `overdue:${task.id}:${week}`, message });
  }
  // Computed targets follow ratings given since the last import, and warn when at risk.
  for (const orgId of await orgsWithComputedTargets(db)) {
    sent += (await db.transaction((tx) => refreshComputedTargets(tx, orgId, today))).sent;
  }
  sent += await sendReportReminders(db, today);
  sent += await sendFindingReminders(db, today);
  return { sent };
}

/** Runs the reminders now and then whenever the date in Vietnam changes. */
export function scheduleReminders(db: Db, today: () => IsoDate, log: (msg: string) => void): () => void {
  let lastRun: IsoDate | null = null;
  const tick = async () => {
    const day = today();
    if (day === lastRun) return;
    lastRun = day;
    try {
      const { sent } = await sendReminders(db, day);
      log(`Nhắc việc ngày ${formatViDate(day)}: đã gửi ${sent} thông báo.`);
    } catch (err) {
      lastRun = null;
      log(`Lỗi khi gửi nhắc việc: ${(err as Error).message}`);
    }
  };
  void tick();
  const timer = setInterval(tick, 15 * 60_000);
  timer.unref();
  return () => clearInterval(timer);
}
