import { z } from "zod";
import { AREA_CODES } from "../../domain/areas.js";
import { parseIso } from "../../domain/dates.js";
import { notFound } from "../../domain/errors.js";
import { provinceOverview } from "../../domain/province-dashboard.js";
import { overviewCommunes, overviewStatusCounts, overviewTargets } from "../../db/province-dashboard.js";
import { requireViewer } from "../auth.js";
import { readableOrg } from "../guards.js";
import { enumOf, idParam, queryYear } from "../validation.js";
import type { RouteModule } from "../app-types.js";

/** Tổng hợp các xã: the province's people compare its communes' yearly plans (docs/province-dashboard.md). */
export const provinceDashboardRoutes: RouteModule = (app, ctx) => {
  const { db } = ctx.database;

  app.get("/api/orgs/:orgId/overview", {
    schema: {
      tags: ["Bảng điều hành"], summary: "Tổng hợp các xã, phường của tỉnh: tiến độ kế hoạch CCHC năm, xếp hạng theo tỷ lệ đúng hạn",
      params: idParam("orgId", "Mã tỉnh"),
      querystring: z.object({ year: queryYear().optional(), area: enumOf("Lĩnh vực", AREA_CODES).optional() }),
    },
  }, async (request) => {
    const viewer = requireViewer(request);
    // A commune's people cannot see the province at all; a commune is not a province to compare.
    const province = await readableOrg(db, viewer, request.params.orgId);
    if (province.kind !== "province" || viewer.orgId !== province.id) throw notFound("tỉnh");
    const today = ctx.today();
    const year = request.query.year ?? parseIso(today).year;
    const area = request.query.area ?? null;
    const [communes, counts, targets] = await Promise.all([
      overviewCommunes(db, province.id, year),
      overviewStatusCounts(db, province.id, year, today),
      overviewTargets(db, province.id, year),
    ]);
    return { year, today, area, province: { id: province.id, name: province.name, code: province.code }, ...provinceOverview({ communes, counts, targets, area, today }) };
  });
};
