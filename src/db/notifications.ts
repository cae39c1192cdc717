import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { inspectionFindings, notifications, users } from "./schema.js";
import type { Tx } from "./connection.js";

export type NotificationRow = typeof notifications.$inferSelect;
export interface NewNotification {
  orgId: string;
  kind: NotificationRow["kind"];
  message: string;
  taskId?: string | null;
  planId?: string | null;
  /** An inspection finding the reminder is about. */
  findingId?: string | null;
  dedupeKey: string;
}

/** Sends one notification to each user; a repeat with the same key is ignored. */
export async function notify(tx: Tx, userIds: string[], n: NewNotification): Promise<number> {
  if (!userIds.length) return 0;
  const rows = await tx.insert(notifications)
    .values(userIds.map((userId) => ({ ...n, userId, taskId: n.taskId ?? null, planId: n.planId ?? null, findingId: n.findingId ?? null })))
    .onConflictDoNothing({ target: [notifications.userId, notifications.dedupeKey] })
    .returning({ id: notifications.id });
  return rows.length;
}

export async function usersWithRole(tx: Tx, orgId: string, roles: Array<(typeof users.$inferSelect)["role"]>): Promise<string[]> {
  const rows = await tx.select({ id: users.id }).from(users).where(and(eq(users.orgId, orgId), eq(users.active, true), inArray(users.role, roles)));
  return rows.map((r) => r.id);
}

/** Active users who belong to one of the units. */
export async function usersOfUnits(tx: Tx, unitIds: string[]): Promise<string[]> {
  if (!unitIds.length) return [];
  const rows = await tx.execute(sql`select distinct u.id from users u join user_units uu on uu.user_id = u.id
    where u.active and uu.unit_id in (${sql.join(unitIds.map((id) => sql`${id}`), sql`, `)})`);
  return (rows as unknown as { rows: Array<{ id: string }> }).rows.map((r) => r.id);
}

export async function listNotifications(tx: Tx, userId: string, limit = 50) {
  // A finding reminder opens the inspection the finding belongs to.
  const items = await tx.select({ n: notifications, inspectionId: inspectionFindings.inspectionId }).from(notifications)
    .leftJoin(inspectionFindings, eq(inspectionFindings.id, notifications.findingId))
    .where(eq(notifications.userId, userId)).orderBy(desc(notifications.createdAt)).limit(limit)
    .then((rows) => rows.map((r) => ({ ...r.n, inspectionId: r.inspectionId })));
  const [{ unread }] = await tx.select({ unread: sql<number>`count(*)::int` }).from(notifications).where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return { unread, items };
}

export async function markRead(tx: Tx, userId: string, ids?: string[]): Promise<void> {
  const scope = ids?.length ? and(eq(notifications.userId, userId), inArray(notifications.id, ids)) : eq(notifications.userId, userId);
  await tx.update(notifications).set({ readAt: new Date() }).where(and(scope, isNull(notifications.readAt)));
}
