import { and, eq, lte } from "drizzle-orm";
import { addDays, daysBetween, formatViDate, type IsoDate } from "../domain/dates.js";
import { findingDisplayStatus } from "../domain/inspections/coverage.js";
import { DUE_SOON_DAYS } from "../domain/task-status.js";
import { listFindings } from "../db/inspections.js";
import { notify, usersOfUnits, usersWithRole } from "../db/notifications.js";
import { inspectionFindings } from "../db/schema.js";
import type { Db } from "../db/connection.js";

/** A long description is cut in a notification; the finding itself has it whole. */
const short = (text: string, max = 120) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);

/**
 * Findings not yet fixed: the officers of the unit that must fix one hear of
 * it when its deadline is at most 7 days away (once per deadline) and, with
 * the commune's focal point, once a week while it is overdue. The message
 * names the inspected unit, so the reader knows which inspection it came from.
 */
export async function sendFindingReminders(db: Db, today: IsoDate): Promise<number> {
  const findings = await listFindings(db, and(eq(inspectionFindings.status, "open"), lte(inspectionFindings.fixDue, addDays(today, DUE_SOON_DAYS)))!);
  // The same weeks as the task reminders (counted from Monday 03/01/2000).
  const week = Math.floor(daysBetween("2000-01-03", today) / 7);
  const officersOf = new Map<string, string[]>();
  const focalPoints = new Map<string, string[]>();
  let sent = 0;
  for (const f of findings) {
    const status = findingDisplayStatus(f, today);
    if (status !== "due_soon" && status !== "overdue") continue;
    if (!officersOf.has(f.responsibleUnitId)) officersOf.set(f.responsibleUnitId, await usersOfUnits(db, [f.responsibleUnitId]));
    const officers = officersOf.get(f.responsibleUnitId)!;
    const what = `Vấn đề phát hiện qua kiểm tra CCHC tại ${f.inspectedUnit.name}: "${short(f.description)}"`;
    if (status === "due_soon") {
      sent += await notify(db, officers, { orgId: f.orgId, kind: "finding_due_soon", findingId: f.id, dedupeKey: `finding_due_soon:${f.id}:${f.fixDue}`,
        message: `${what} cần khắc phục trước ngày ${formatViDate(f.fixDue)} (còn ${daysBetween(today, f.fixDue)} ngày).` });
      continue;
    }
    if (!focalPoints.has(f.orgId)) focalPoints.set(f.orgId, await usersWithRole(db, f.orgId, ["focal_point"]));
    sent += await notify(db, [...new Set([...officers, ...focalPoints.get(f.orgId)!])], { orgId: f.orgId, kind: "finding_overdue", findingId: f.id, dedupeKey: `finding_overdue:${f.id}:${week}`,
      message: `${what} đã quá hạn khắc phục ${daysBetween(f.fixDue, today)} ngày (hạn ${formatViDate(f.fixDue)}).` });
  }
  return sent;
}
