import { z } from "zod";
import { AREA_CODES } from "../../domain/areas.js";
import { forbidden } from "../../domain/errors.js";
import { RECURRENCES } from "../../domain/task-status.js";
import { TARGET_OPS } from "../../domain/targets.js";
import { acceptPlanDraft } from "../../db/plan-import.js";
import { planWithCounts } from "../../db/plans.js";
import { PLAN_TYPES } from "../../db/schema.js";
import { importPlanWithSources } from "../../import/index.js";
import { requireViewer } from "../auth.js";
import { readableOrg } from "../guards.js";
import { readSingleFile } from "../single-file.js";
import { canOnPlan } from "../policies/plan.js";
import { presentPlan } from "../presenters/plan.js";
import { enumOf, idParam, isoDate, optionalIsoDate, optionalText, requiredText, uuid, year } from "../validation.js";
import type { Viewer } from "../policies/viewer.js";
import type { OrgRow } from "../../db/orgs.js";
import type { RouteModule } from "../app-types.js";

/** Plan documents larger than this are refused. */
export const MAX_IMPORT_UPLOAD_BYTES = 20 * 1024 * 1024;
const IMPORT_EXTENSIONS = [".txt", ".md", ".docx", ".pdf"];

/** A text the draft may leave out: null when blank or missing. */
const nullableText = (label: string, max: number) => optionalText(label, max).transform((v) => v ?? null);

const draftUnit = z.object({
  unit: z.string({ error: "Mã đơn vị tham chiếu phải là chuỗi ký tự." }).max(60).nullable(),
  text: requiredText("Tên đơn vị", 500),
  unitId: uuid("Bộ phận").optional(),
});
const unitList = (label: string) => z.array(draftUnit, { error: `${label} phải là danh sách đơn vị.` }).max(30, { error: `${label} có quá nhiều đơn vị.` });

const draftTask = z.object({
  ref: nullableText("Số thứ tự", 20),
  area: enumOf("Lĩnh vực", AREA_CODES).nullable(),
  title: requiredText("Tên nhiệm vụ", 10000),
  product: nullableText("Sản phẩm", 5000),
  lead: unitList("Bộ phận chủ trì"),
  support: unitList("Bộ phận phối hợp"),
  timeline: z.object({
    text: nullableText("Thời gian thực hiện", 2000),
    milestones: z.array(isoDate("Mốc thời gian")).max(50),
    due: optionalIsoDate("Hạn hoàn thành").transform((v) => v ?? null),
    recurrence: enumOf("Tính định kỳ", RECURRENCES).nullable(),
  }),
  criteria: z.array(requiredText("Mã tiêu chí", 30)).max(30),
});

const draftTarget = z.object({
  text: requiredText("Nội dung chỉ tiêu", 2000),
  op: enumOf("Phép so sánh", TARGET_OPS).nullable(),
  value: z.number({ error: "Giá trị chỉ tiêu phải là số." }).min(-1e12).max(1e12).nullable(),
  unit: nullableText("Đơn vị tính", 30),
  monitor: unitList("Bộ phận theo dõi"),
  implement: unitList("Bộ phận thực hiện"),
});

export const acceptBody = z.object({
  type: enumOf("Loại kế hoạch", PLAN_TYPES),
  draft: z.object({
    document: z.object({
      type: z.string().max(20).nullable().optional().transform((v) => v ?? null),
      number: nullableText("Số kế hoạch", 60),
      issuer: nullableText("Cơ quan ban hành", 200),
      place: nullableText("Địa danh", 120),
      date: optionalIsoDate("Ngày ban hành").transform((v) => v ?? null),
      title: requiredText("Tên kế hoạch", 500),
      year: year(),
      signer: z.object({ name: nullableText("Người ký", 120), title: nullableText("Chức vụ người ký", 120) }),
    }),
    targets: z.array(draftTarget).max(500, { error: "Kế hoạch có quá nhiều chỉ tiêu." }),
    tasks: z.array(draftTask).min(1, { error: "Kế hoạch cần có ít nhất một nhiệm vụ." }).max(1000, { error: "Kế hoạch có quá nhiều nhiệm vụ." }),
  }),
  unitMap: z.record(z.string(), z.union([
    z.object({ unitId: uuid("Bộ phận") }),
    z.object({ create: z.object({ name: requiredText("Tên bộ phận mới", 200) }) }),
  ], { error: "Mỗi đơn vị chưa khớp cần chọn một bộ phận (unitId) hoặc tạo mới (create.name)." })).default({}),
});

/** The commune whose plan the viewer may create: 404 for a commune they cannot see, 403 for one they may not plan for. */
async function planningOrg(db: Parameters<typeof readableOrg>[0], viewer: Viewer, orgId: string): Promise<OrgRow> {
  const org = await readableOrg(db, viewer, orgId);
  if (!canOnPlan(viewer, "create", { orgId: org.id, status: "draft", org })) throw forbidden("Chỉ công chức đầu mối CCHC của đơn vị được tạo kế hoạch.");
  return org;
}

export const importRoutes: RouteModule = (app, ctx) => {
  const { db } = ctx.database;

  app.post("/api/orgs/:orgId/imports", {
    schema: { tags: ["Kế hoạch"], summary: "Đọc tài liệu kế hoạch thành bản nháp (multipart: file; không lưu gì)", params: idParam("orgId", "Mã đơn vị"), consumes: ["multipart/form-data"] },
  }, async (request) => {
    const viewer = requireViewer(request);
    await planningOrg(db, viewer, request.params.orgId);
    const file = await readSingleFile(request, { maxBytes: MAX_IMPORT_UPLOAD_BYTES, extensions: IMPORT_EXTENSIONS, what: "một tệp tài liệu kế hoạch" });
    const review = await importPlanWithSources(file.content, file.filename);
    return {
      filename: file.filename,
      draft: review.draft,
      sourceLines: review.sourceLines,
      spans: Object.fromEntries(review.spans.map((s, i) => [String(i), s])),
    };
  });

  app.post("/api/orgs/:orgId/imports/accept", {
    schema: { tags: ["Kế hoạch"], summary: "Tạo kế hoạch (dự thảo) từ bản nháp đã duyệt", params: idParam("orgId", "Mã đơn vị"), body: acceptBody },
  }, async (request, reply) => {
    const viewer = requireViewer(request);
    const org = await planningOrg(db, viewer, request.params.orgId);
    const plan = await acceptPlanDraft(db, viewer, org.id, request.body);
    reply.code(201);
    return presentPlan(await planWithCounts(db, org.id, plan.id, ctx.today()));
  });
};
