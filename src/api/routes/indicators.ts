import type { FastifyRequest } from "fastify";
import { z } from "zod";
import { parseIso, type IsoDate } from "../../domain/dates.js";
import { invalid } from "../../domain/errors.js";
import { breakdown, lateDossiers } from "../../domain/indicators/breakdown.js";
import { filterDossiers } from "../../domain/indicators/compute.js";
import { INDICATOR_CATALOGUE } from "../../domain/indicators/catalogue.js";
import { hintsFor } from "../../domain/indicators/hints.js";
import { DEFAULT_SETTINGS, makeContext } from "../../domain/indicators/qd766.js";
import { periodsOfYear } from "../../domain/periods.js";
import { figuresOf } from "../../db/indicator-figures.js";
import { loadRecords, recordCounts } from "../../db/records.js";
import { requireViewer } from "../auth.js";
import { readableOrg } from "../guards.js";
import { enumOf, idParam, isoDate, optionalText, queryYear } from "../validation.js";
import type { RouteModule } from "../app-types.js";

const windowQuery = z.object({
  from: isoDate("Từ ngày"),
  to: isoDate("Đến ngày"),
  unit: optionalText("Đơn vị xử lý", 200),
  field: optionalText("Lĩnh vực", 200),
});
function checkWindow(q: { from: IsoDate; to: IsoDate }) {
  if (q.from > q.to) throw invalid("Từ ngày phải trước hoặc bằng đến ngày.", "from");
  if (parseIso(q.to).year - parseIso(q.from).year > 5) throw invalid("Khoảng thời gian tối đa 5 năm.", "to");
}
const filterOf = (q: { unit?: string | null; field?: string | null }) => ({ ...(q.unit ? { unit: q.unit } : {}), ...(q.field ? { field: q.field } : {}) });

export const indicatorRoutes: RouteModule = (app, ctx) => {
  const { db } = ctx.database;

  /** The readable commune, the checked window, its records, and the dossiers the filters keep. */
  async function windowRecords(request: FastifyRequest, orgId: string, query: z.infer<typeof windowQuery>) {
    const org = await readableOrg(db, requireViewer(request), orgId);
    checkWindow(query);
    const window = { from: query.from, to: query.to };
    const records = await loadRecords(db, [org.id], window);
    const c = makeContext({ window, procedures: records.procedures });
    return { org, window, records, c, dossiers: filterDossiers(records.dossiers, filterOf(query), c.procedures) };
  }

  app.get("/api/reference/indicators", { schema: { tags: ["Danh mục"], summary: "Các chỉ số tự động một chỉ tiêu có thể liên kết" } }, async (request) => {
    requireViewer(request);
    return INDICATOR_CATALOGUE.map(({ key, label, unit }) => ({ key, label, unit }));
  });

  app.get("/api/orgs/:orgId/indicators", {
    schema: { tags: ["Dữ liệu một cửa"], summary: "Số liệu, tỷ lệ và Bộ chỉ số 766 của một kỳ", params: idParam("orgId", "Mã đơn vị"), querystring: windowQuery },
  }, async (request) => {
    const { org, window, records } = await windowRecords(request, request.params.orgId, request.query);
    const figures = figuresOf(records, window, filterOf(request.query));
    return { ...figures, hints: hintsFor(figures.index766, DEFAULT_SETTINGS), settings: DEFAULT_SETTINGS, hasCatalogue: records.procedures !== null, stored: await recordCounts(db, org.id) };
  });

  app.get("/api/orgs/:orgId/indicators/series", {
    schema: { tags: ["Dữ liệu một cửa"], summary: "Tỷ lệ và điểm 766 từng tháng của một năm (đến hôm nay)", params: idParam("orgId", "Mã đơn vị"), querystring: z.object({ year: queryYear() }) },
  }, async (request) => {
    const viewer = requireViewer(request);
    const org = await readableOrg(db, viewer, request.params.orgId);
    const today = ctx.today();
    const months = periodsOfYear("month", request.query.year).filter((p) => p.start <= today);
    if (!months.length) return { year: request.query.year, months: [] };
    const last = months.at(-1)!;
    const records = await loadRecords(db, [org.id], { from: months[0]!.start, to: last.end < today ? last.end : today });
    return {
      year: request.query.year,
      months: months.map((p) => {
        const f = figuresOf(records, { from: p.start, to: p.end < today ? p.end : today });
        return { period: p.key, label: p.label, received: f.counts.received.total, resolved: f.counts.resolved.total, rates: f.rates, index766: f.index766.total };
      }),
    };
  });

  app.get("/api/orgs/:orgId/indicators/breakdown", {
    schema: {
      tags: ["Dữ liệu một cửa"], summary: "Số liệu theo lĩnh vực, đơn vị xử lý hoặc thủ tục (Biểu 06)", params: idParam("orgId", "Mã đơn vị"),
      querystring: windowQuery.extend({ by: enumOf("Phân theo", ["field", "unit", "procedure"] as const) }),
    },
  }, async (request) => {
    const { window, records, c, dossiers: ds } = await windowRecords(request, request.params.orgId, request.query);
    const total = figuresOf({ ...records, dossiers: ds }, window);
    return { window, by: request.query.by, rows: breakdown(c, ds, request.query.by), total: { counts: total.counts, rates: total.rates } };
  });

  app.get("/api/orgs/:orgId/indicators/late", {
    schema: {
      tags: ["Dữ liệu một cửa"], summary: "Hồ sơ trễ hạn, quá hạn trong kỳ và lý do", params: idParam("orgId", "Mã đơn vị"),
      querystring: windowQuery.extend({ limit: z.coerce.number().int().min(1).max(2000).default(200) }),
    },
  }, async (request) => {
    const { window, c, dossiers } = await windowRecords(request, request.params.orgId, request.query);
    const rows = lateDossiers(c, dossiers);
    return { window, total: rows.length, rows: rows.slice(0, request.query.limit) };
  });
};
