import { z } from "zod";
import { and, eq, type SQL } from "drizzle-orm";
import { conflict, forbidden } from "../../domain/errors.js";
import { decideExtension, getExtension, listExtensions } from "../../db/extensions.js";
import { extensionRequests } from "../../db/schema.js";
import { requireViewer } from "../auth.js";
import { extensionFor, readableOrg } from "../guards.js";
import { canDecideExtension, mayDecideExtensions } from "../policies/extension.js";
import { presentExtension } from "../presenters/extension.js";
import { enumOf, idParam, optionalText } from "../validation.js";
import type { RouteModule } from "../app-types.js";

export const extensionRoutes: RouteModule = (app, ctx) => {
  const { db } = ctx.database;

  app.get("/api/orgs/:orgId/extensions", {
    schema: { tags: ["Gia hạn"], summary: "Đề nghị gia hạn của đơn vị", params: idParam("orgId", "Mã đơn vị"), querystring: z.object({ status: enumOf("Trạng thái", ["pending", "approved", "refused"] as const).optional() }) },
  }, async (request) => {
    const viewer = requireViewer(request);
    const org = await readableOrg(db, viewer, request.params.orgId);
    const conds: SQL[] = [eq(extensionRequests.orgId, org.id)];
    if (request.query.status) conds.push(eq(extensionRequests.status, request.query.status));
    // A unit officer follows their own requests; deciders and readers of the commune see all.
    if (viewer.role === "unit_officer") conds.push(eq(extensionRequests.requestedBy, viewer.id));
    return (await listExtensions(db, and(...conds)!)).map(presentExtension);
  });

  app.post("/api/extensions/:extensionId/decision", {
    schema: { tags: ["Gia hạn"], summary: "Đồng ý hoặc không đồng ý gia hạn", params: idParam("extensionId", "Mã đề nghị"),
      body: z.object({ decision: enumOf("Quyết định", ["approve", "refuse"] as const), note: optionalText("Ý kiến", 2000) }) },
  }, async (request) => {
    const viewer = requireViewer(request);
    const row = await extensionFor(db, viewer, request.params.extensionId);
    if (mayDecideExtensions(viewer) && viewer.orgId === row.ext.orgId && row.ext.status !== "pending") throw conflict("Đề nghị gia hạn này đã được xử lý.");
    if (!canDecideExtension(viewer, { orgId: row.ext.orgId, org: row.org, status: row.ext.status, requestedBy: row.ext.requestedBy })) {
      throw forbidden(mayDecideExtensions(viewer) ? "Bạn không thể tự quyết định đề nghị gia hạn của chính mình." : "Chỉ công chức đầu mối CCHC hoặc Chủ tịch UBND được quyết định gia hạn.");
    }
    await decideExtension(db, viewer, row.ext, row.task.title, request.body.decision, request.body.note ?? null);
    return presentExtension((await getExtension(db, row.ext.id))!);
  });
};
