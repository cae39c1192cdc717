import { and, desc, eq, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { conflict, invalid } from "../domain/errors.js";
import { formatViDate, type IsoDate } from "../domain/dates.js";
import { recordAudit } from "./audit.js";
import { notify, usersWithRole } from "./notifications.js";
import { extensionRequests, organisations, tasks, users } from "./schema.js";
import type { Actor } from "./plans.js";
import type { TaskView } from "./tasks.js";
import type { Db, Tx } from "./connection.js";

export type ExtensionRow = typeof extensionRequests.$inferSelect;

const requester = alias(users, "requester");
const decider = alias(users, "decider");

export async function listExtensions(tx: Tx, where: SQL) {
  return tx.select({
    ext: extensionRequests,
    task: { title: tasks.title, ref: tasks.ref, planId: tasks.planId },
    requesterName: requester.fullName,
    deciderName: decider.fullName,
    org: { id: organisations.id, kind: organisations.kind, parentId: organisations.parentId },
  }).from(extensionRequests)
    .innerJoin(tasks, eq(tasks.id, extensionRequests.taskId))
    .innerJoin(organisations, eq(organisations.id, extensionRequests.orgId))
    .leftJoin(requester, eq(requester.id, extensionRequests.requestedBy))
    .leftJoin(decider, eq(decider.id, extensionRequests.decidedBy))
    .where(where)
    .orderBy(desc(extensionRequests.requestedAt));
}
export type ExtensionListRow = Awaited<ReturnType<typeof listExtensions>>[number];

export async function getExtension(tx: Tx, id: string): Promise<ExtensionListRow | null> {
  const [row] = await listExtensions(tx, eq(extensionRequests.id, id));
  return row ?? null;
}

export async function requestExtension(db: Db, actor: Actor, task: TaskView, input: { proposedDue: IsoDate; reason: string }, today: IsoDate): Promise<string> {
  if (task.doneOn) throw conflict("Nhiệm vụ đã hoàn thành, không cần xin gia hạn.");
  if (input.proposedDue < today) throw invalid("Hạn đề nghị không được trước ngày hôm nay.", "proposedDue");
  if (task.dueDate && input.proposedDue <= task.dueDate) throw invalid(`Hạn đề nghị phải sau hạn hiện tại (${formatViDate(task.dueDate)}).`, "proposedDue");
  return db.transaction(async (tx) => {
    const [pending] = await tx.select({ id: extensionRequests.id }).from(extensionRequests)
      .where(and(eq(extensionRequests.taskId, task.id), eq(extensionRequests.status, "pending")));
    if (pending) throw conflict("Nhiệm vụ này đang có một đề nghị gia hạn chờ xử lý.");
    const [ext] = await tx.insert(extensionRequests).values({
      orgId: task.orgId, taskId: task.id, requestedBy: actor.id, currentDue: task.dueDate, proposedDue: input.proposedDue, reason: input.reason,
    }).returning();
    await recordAudit(tx, { orgId: task.orgId, userId: actor.id, action: "request_extension", entity: "task", entityId: task.id,
      summary: `Xin gia hạn nhiệm vụ "${task.title}" đến ${formatViDate(input.proposedDue)}`, changes: { extensionId: ext.id, proposedDue: input.proposedDue, reason: input.reason } });
    await notify(tx, await usersWithRole(tx, task.orgId, ["focal_point"]), {
      orgId: task.orgId, kind: "extension_requested", taskId: task.id, planId: task.planId, dedupeKey: `extension:${ext.id}`,
      message: `Đề nghị gia hạn nhiệm vụ "${task.title}" đến ${formatViDate(input.proposedDue)}.`,
    });
    return ext.id;
  });
}

export async function decideExtension(db: Db, actor: Actor, ext: ExtensionRow, taskTitle: string, decision: "approve" | "refuse", note: string | null): Promise<void> {
  await db.transaction(async (tx) => {
    const status = decision === "approve" ? "approved" : "refused";
    const changed = await tx.update(extensionRequests).set({ status, decidedBy: actor.id, decidedAt: new Date(), decisionNote: note })
      .where(and(eq(extensionRequests.id, ext.id), eq(extensionRequests.status, "pending"))).returning({ id: extensionRequests.id });
    if (!changed.length) throw conflict("Đề nghị gia hạn này đã được xử lý.");
    if (decision === "approve") await tx.update(tasks).set({ dueDate: ext.proposedDue }).where(eq(tasks.id, ext.taskId));
    const verb = decision === "approve" ? "Đồng ý" : "Không đồng ý";
    await recordAudit(tx, { orgId: ext.orgId, userId: actor.id, action: `extension_${status}`, entity: "task", entityId: ext.taskId,
      summary: `${verb} gia hạn nhiệm vụ "${taskTitle}" đến ${formatViDate(ext.proposedDue)}`, changes: { extensionId: ext.id, dueDate: decision === "approve" ? [ext.currentDue, ext.proposedDue] : undefined, note } });
    if (ext.requestedBy) {
      await notify(tx, [ext.requestedBy], {
        orgId: ext.orgId, kind: "extension_decided", taskId: ext.taskId, dedupeKey: `extension-decided:${ext.id}`,
        message: `${verb} gia hạn nhiệm vụ "${taskTitle}" đến ${formatViDate(ext.proposedDue)}.${note ? ` Ý kiến: ${note}` : ""}`,
      });
    }
  });
}
