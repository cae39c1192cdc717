import { z } from "zod";
import { and, desc, eq } from "drizzle-orm";
import { forbidden, notFound } from "../../domain/errors.js";
import { provinceResultTable, publication, publishResults } from "../../db/par-assessments.js";
import { organisations, parPublications } from "../../db/schema.js";
import { requireViewer } from "../auth.js";
import { readableOrg } from "../guards.js";
import { canManageProvinceResults, canReadProvinceResults } from "../policies/par-assessments.js";
import { idParam, integerIn, queryYear, requiredText } from "../validation.js";
import type { RouteModule } from "../app-types.js";

export const provinceResultRoutes: RouteModule = (app, ctx) => {
  const { db } = ctx.database;

  app.get("/api/orgs/:orgId/par-results", {
    schema: {
      tags: ["Chỉ số CCHC"], summary: "Kết quả Chỉ số CCHC của các xã, phường trong tỉnh: điểm, xếp loại, thứ hạng, so với năm trước",
      params: idParam("orgId", "Mã tỉnh"), querystring: z.object({ year: queryYear() }),
    },
  }, async (request) => {
    const viewer = requireViewer(request);
    const province = await readableOrg(db, viewer, request.params.orgId);
    if (!canReadProvinceResults(viewer, province)) throw forbidden("Chỉ cán bộ của tỉnh xem bảng kết quả của các xã, phường.");
    const year = request.query.year;
    const rows = await provinceResultTable(db, province, year);
    const pub = await publication(db, province.id, year);
    const counts: Record<string, number> = {};
    for (const r of rows) counts[r.status ?? "none"] = (counts[r.status ?? "none"] ?? 0) + 1;
    return {
      year, rows, counts,
      published: pub ? { at: pub.publishedAt.toISOString() } : null,
      canManage: canManageProvinceResults(viewer, province),
    };
  });

  app.post("/api/orgs/:orgId/par-results/publish", {
    schema: { tags: ["Chỉ số CCHC"], summary: "Công bố kết quả của một năm (trang công khai của tỉnh)", params: idParam("orgId", "Mã tỉnh"), body: z.object({ year: integerIn("Năm", 2000, 2100) }) },
  }, async (request) => {
    const viewer = requireViewer(request);
    const province = await readableOrg(db, viewer, request.params.orgId);
    if (!canManageProvinceResults(viewer, province)) throw forbidden("Chỉ Sở Nội vụ (quản trị của tỉnh) công bố kết quả.");
    await publishResults(db, viewer, province.id, request.body.year);
    return { ok: true };
  });

  // ── Public: no session (PUBLIC_API in server.ts) ──────────────────────────
  app.get("/api/public/provinces/:orgCode/par-results", {
    schema: {
      tags: ["Công khai"], summary: "Kết quả Chỉ số CCHC đã công bố của các xã, phường (năm mới nhất nếu không chọn năm)",
      params: z.object({ orgCode: requiredText("Mã tỉnh", 100) }), querystring: z.object({ year: queryYear().optional() }),
    },
  }, async (request, reply) => {
    const [province] = await db.select().from(organisations).where(and(eq(organisations.code, request.params.orgCode), eq(organisations.kind, "province")));
    if (!province) throw notFound("tỉnh");
    const years = (await db.select({ year: parPublications.year, at: parPublications.publishedAt }).from(parPublications)
      .where(eq(parPublications.orgId, province.id)).orderBy(desc(parPublications.year)));
    const year = request.query.year ?? years[0]?.year;
    const pub = years.find((y) => y.year === year);
    if (!year || !pub) throw notFound(`kết quả Chỉ số CCHC đã công bố${request.query.year ? ` năm ${request.query.year}` : ""} của ${province.name}`);
    const previousPublished = years.some((y) => y.year === year - 1);
    const rows = (await provinceResultTable(db, province, year)).filter((r) => r.rank !== null).map((r) => ({
      rank: r.rank, of: r.of, code: r.code, name: r.name, subject: r.subject,
      total: r.result!.total, maxTotal: r.result!.maxTotal, percent: r.result!.percent, className: r.result!.className,
      areas: r.result!.areas.map((x) => ({ code: x.code, name: x.name, points: x.points, max: x.max })),
      survey: r.result!.survey.points,
      previous: previousPublished && r.previous ? { percent: r.previous.percent, rank: r.previous.rank, className: r.previous.className } : null,
      change: previousPublished ? r.change : null,
    }));
    reply.header("Cache-Control", "public, max-age=300");
    return { province: { name: province.name, code: province.code }, year, publishedAt: pub.at.toISOString(), years: years.map((y) => y.year), rows };
  });
};
