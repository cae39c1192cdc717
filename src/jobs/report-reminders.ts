import { and, eq, isNotNull } from "drizzle-orm";
import { daysBetween, formatViDate, parseIso, type IsoDate } from "../domain/dates.js";
import { communeDeadline, reportWindow } from "../domain/reports/calendar.js";
import { REPORT_KINDS } from "../domain/reports/types.js";
import { notify, usersWithRole } from "../db/notifications.js";
import { settingsOf } from "../db/reports.js";
import { organisations, reports } from "../db/schema.js";
import type { Db } from "../db/connection.js";

/**
 * Reminds each commune's focal point and chairman of a periodic report whose
 * deadline is at most `remindDaysBefore` days away (or passed) and that has
 * not been sent: once before the deadline and once after it.
 */
export async function sendReportReminders(db: Db, today: IsoDate): Promise<number> {
  const communes = await db.select().from(organisations).where(and(eq(organisations.kind, "commune"), isNotNull(organisations.parentId)));
  const year = parseIso(today).year;
  let sent = 0;
  const settingsByProvince = new Map<string, Awaited<ReturnType<typeof settingsOf>>>();
  for (const c of communes) {
    if (!settingsByProvince.has(c.parentId!)) settingsByProvince.set(c.parentId!, await settingsOf(db, c.parentId));
    const settings = settingsByProvince.get(c.parentId!)!;
    for (const kind of REPORT_KINDS) {
      const window = reportWindow(kind, year);
      const deadline = communeDeadline(window, settings.deadlines[kind]);
      const left = daysBetween(today, deadline);
      // From the cut-off day on, and until a week after the deadline.
      if (today < window.to || left > settings.remindDaysBefore || left < -7) continue;
      const [done] = await db.select({ id: reports.id }).from(reports)
        .where(and(eq(reports.orgId, c.id), eq(reports.kind, kind), eq(reports.year, year), isNotNull(reports.submittedOn))).limit(1);
      if (done) continue;
      const message = left >= 0
        ? `Báo cáo CCHC ${window.label} cần gửi UBND tỉnh trước ngày ${formatViDate(deadline)} (còn ${left} ngày).`
        : `Báo cáo CCHC ${window.label} đã quá hạn gửi ${-left} ngày (hạn ${formatViDate(deadline)}).`;
      sent += await notify(db, await usersWithRole(db, c.id, ["focal_point", "chairman"]), { orgId: c.id, kind: "report_due", dedupeKey: `report_due:${kind}:${year}:${left >= 0 ? "before" : "late"}`, message });
    }
  }
  return sent;
}
