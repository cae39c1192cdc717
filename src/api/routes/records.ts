import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { forbidden, invalid, notFound } from "../../domain/errors.js";
import { refreshComputedTargets } from "../../db/computed-targets.js";
import type { Db } from "../../db/connection.js";
import { RECORD_KINDS, type RecordKind, applyStagedFile, discardStagedFile, listImports, recordCounts, stageRecordFile } from "../../db/records.js";
import { units, users } from "../../db/schema.js";
import { requireViewer } from "../auth.js";
import { readableOrg } from "../guards.js";
import { readSingleFile } from "../single-file.js";
import { ONE_STOP_UNIT_CODES, canImportRecords } from "../policies/records.js";
import type { Viewer } from "../policies/viewer.js";
import { idParam, uuid } from "../validation.js";
import type { RouteModule } from "../app-types.js";

/** One-stop exports larger than this are refused (a commune's year is a few MB). */
export const MAX_RECORD_UPLOAD_BYTES = 20 * 1024 * 1024;
const RECORD_EXTENSIONS = [".csv", ".xlsx"];

async function oneStopUnitIds(db: Db, orgId: string): Promise<string[]> {
  const rows = await db.select({ id: units.id }).from(units).where(and(eq(units.orgId, orgId), inArray(units.code, ONE_STOP_UNIT_CODES)));
  return rows.map((r) => r.id);
}

async function mayImport(db: Db, viewer: Viewer, orgId: string): Promise<boolean> {
  return canImportRecords(viewer, orgId, await oneStopUnitIds(db, orgId));
}

export const recordRoutes: RouteModule = (app, ctx) => {
  const { db } = ctx.database;

  const importingOrg = async (viewer: Viewer, orgId: string) => {
    const org = await readableOrg(db, viewer, orgId);
    if (!(await mayImport(db, viewer, org.id))) throw forbidden("Chỉ công chức đầu mối CCHC hoặc cán bộ Bộ phận Một cửa của đơn vị được nhập dữ liệu một cửa.");
    return org;
  };

  app.post("/api/orgs/:orgId/record-files", {
    schema: {
      tags: ["Dữ liệu một cửa"], summary: "Kiểm tra tệp hồ sơ / thủ tục / PAKN / khảo sát (multipart: kind, file); chưa ghi dữ liệu",
      params: idParam("orgId", "Mã đơn vị"), consumes: ["multipart/form-data"],
    },
  }, async (request) => {
    const viewer = requireViewer(request);
    const org = await importingOrg(viewer, request.params.orgId);
    const file = await readSingleFile(request, { maxBytes: MAX_RECORD_UPLOAD_BYTES, extensions: RECORD_EXTENSIONS, what: "một tệp" });
    const kind = file.fields.kind;
    if (!kind || !RECORD_KINDS.includes(kind as RecordKind)) throw invalid(`Loại dữ liệu không hợp lệ: chỉ nhận ${RECORD_KINDS.join(", ")}.`, "kind");
    return stageRecordFile(db, viewer, org.id, kind as RecordKind, file.filename, file.content);
  });

  app.post("/api/orgs/:orgId/record-files/:uploadId/confirm", {
    schema: {
      tags: ["Dữ liệu một cửa"], summary: "Xác nhận nhập tệp đã kiểm tra: ghi toàn bộ hoặc không ghi gì",
      params: z.object({ orgId: uuid("Mã đơn vị"), uploadId: uuid("Mã tệp chờ xác nhận") }),
    },
  }, async (request, reply) => {
    const viewer = requireViewer(request);
    const org = await importingOrg(viewer, request.params.orgId);
    let targets = { values: 0, atRisk: 0 };
    const summary = await applyStagedFile(db, viewer, org.id, request.params.uploadId, async (tx, orgId) => {
      targets = await refreshComputedTargets(tx, orgId, ctx.today());
    });
    reply.code(201);
    return { ...summary, targetValues: targets.values, targetsAtRisk: targets.atRisk };
  });

  app.delete("/api/orgs/:orgId/record-files/:uploadId", {
    schema: {
      tags: ["Dữ liệu một cửa"], summary: "Hủy tệp đã kiểm tra mà không nhập",
      params: z.object({ orgId: uuid("Mã đơn vị"), uploadId: uuid("Mã tệp chờ xác nhận") }),
    },
  }, async (request, reply) => {
    const viewer = requireViewer(request);
    const org = await importingOrg(viewer, request.params.orgId);
    if (!(await discardStagedFile(db, org.id, request.params.uploadId))) throw notFound("tệp chờ xác nhận");
    reply.code(204);
    return null;
  });

  app.get("/api/orgs/:orgId/record-imports", {
    schema: { tags: ["Dữ liệu một cửa"], summary: "Số bản ghi đã nhập và các lần nhập gần đây", params: idParam("orgId", "Mã đơn vị") },
  }, async (request) => {
    const viewer = requireViewer(request);
    const org = await readableOrg(db, viewer, request.params.orgId);
    const imports = await listImports(db, org.id);
    const ids = [...new Set(imports.map((i) => i.createdBy).filter((x): x is string => !!x))];
    const names = new Map((ids.length ? await db.select({ id: users.id, fullName: users.fullName }).from(users).where(inArray(users.id, ids)) : []).map((u) => [u.id, u.fullName]));
    return {
      canImport: await mayImport(db, viewer, org.id),
      counts: await recordCounts(db, org.id),
      imports: imports.map((i) => ({ ...i, createdAt: i.createdAt.toISOString(), createdByName: i.createdBy ? names.get(i.createdBy) ?? null : null })),
    };
  });
};
