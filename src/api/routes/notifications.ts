import { z } from "zod";
import { and, desc, eq, type SQL } from "drizzle-orm";
import { listNotifications, markRead } from "../../db/notifications.js";
import { auditLog, users } from "../../db/schema.js";
import { requireViewer } from "../auth.js";
import { orgAllowed, readableOrg } from "../guards.js";
import { canReadAudit } from "../policies/admin.js";
import { idParam, uuid } from "../validation.js";
import type { RouteModule } from "../app-types.js";

export const notificationRoutes: RouteModule = (app, ctx) => {
  const { db } = ctx.database;

  app.get("/api/notifications", { schema: { tags: ["Nhắc việc"], summary: "Thông báo nhắc việc của tôi" } }, async (request) => {
    const viewer = requireViewer(request);
    const { unread, items } = await listNotifications(db, viewer.id);
    return {
      unread,
      items: items.map((n) => ({ id: n.id, kind: n.kind, message: n.message, taskId: n.taskId, planId: n.planId, findingId: n.findingId, inspectionId: n.inspectionId, createdAt: n.createdAt.toISOString(), readAt: n.readAt?.toISOString() ?? null })),
    };
  });

  app.post("/api/notifications/read", { schema: { tags: ["Nhắc việc"], summary: "Đánh dấu đã đọc", body: z.object({ ids: z.array(uuid("Mã thông báo")).max(200).optional() }).nullish() } }, async (request) => {
    const viewer = requireViewer(request);
    await markRead(db, viewer.id, request.body?.ids);
    return { ok: true };
  });

  app.get("/api/orgs/:orgId/audit", {
    schema: { tags: ["Nhật ký"], summary: "Nhật ký thay đổi", params: idParam("orgId", "Mã đơn vị"),
      querystring: z.object({ entity: z.string().max(30).optional(), entityId: z.string().max(60).optional(), limit: z.coerce.number({ error: "Số dòng phải là số." }).int({ error: "Số dòng phải là số nguyên." }).min(1, { error: "Số dòng phải từ 1 đến 500." }).max(500, { error: "Số dòng phải từ 1 đến 500." }).default(100) }) },
  }, async (request) => {
    const viewer = requireViewer(request);
    const org = await readableOrg(db, viewer, request.params.orgId);
    orgAllowed(viewer, org, canReadAudit);
    const conds: SQL[] = [eq(auditLog.orgId, org.id)];
    if (request.query.entity) conds.push(eq(auditLog.entity, request.query.entity));
    if (request.query.entityId) conds.push(eq(auditLog.entityId, request.query.entityId));
    const rows = await db.select({ log: auditLog, fullName: users.fullName }).from(auditLog).leftJoin(users, eq(users.id, auditLog.userId))
      .where(and(...conds)).orderBy(desc(auditLog.at), desc(auditLog.id)).limit(request.query.limit);
    return rows.map(({ log, fullName }) => ({
      id: log.id, at: log.at.toISOString(), user: log.userId ? { id: log.userId, fullName: fullName ?? "" } : null,
      action: log.action, entity: log.entity, entityId: log.entityId, summary: log.summary, changes: log.changes,
    }));
  });
};
