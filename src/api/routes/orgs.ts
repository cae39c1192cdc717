import { z } from "zod";
import { sql } from "drizzle-orm";
import { AREAS } from "../../domain/areas.js";
import { listOrgFamily } from "../../db/orgs.js";
import { requireViewer } from "../auth.js";
import { readableOrg } from "../guards.js";
import { isProvincial } from "../policies/viewer.js";
import { presentOrg } from "../presenters/user.js";
import { idParam } from "../validation.js";
import type { RouteModule } from "../app-types.js";

export const orgRoutes: RouteModule = (app, ctx) => {
  const { db } = ctx.database;

  app.get("/api/reference/areas", { schema: { tags: ["Danh mục"], summary: "8 lĩnh vực cải cách hành chính" } }, async (request) => {
    requireViewer(request);
    return AREAS.map((a) => ({ ...a }));
  });

  app.get("/api/orgs", { schema: { tags: ["Đơn vị"], summary: "Các đơn vị người dùng được xem" } }, async (request) => {
    const viewer = requireViewer(request);
    const orgs = isProvincial(viewer) ? await listOrgFamily(db, viewer.orgId) : [await readableOrg(db, viewer, viewer.orgId)];
    return orgs.map(presentOrg);
  });

  app.get("/api/orgs/:orgId", { schema: { tags: ["Đơn vị"], summary: "Một đơn vị", params: idParam("orgId", "Mã đơn vị") } }, async (request) => {
    const viewer = requireViewer(request);
    return presentOrg(await readableOrg(db, viewer, request.params.orgId));
  });

  app.get("/api/health", { schema: { tags: ["Hệ thống"], summary: "Tình trạng hệ thống", querystring: z.object({}).passthrough() } }, async () => {
    await db.execute(sql`select 1`);
    return { ok: true, database: ctx.database.kind };
  });
};
