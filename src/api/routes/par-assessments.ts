import { z } from "zod";
import { and, eq, inArray } from "drizzle-orm";
import { AppError, conflict, forbidden, invalid, notFound } from "../../domain/errors.js";
import { checkEvidenceFile, MAX_EVIDENCE_BYTES } from "../../domain/evidence.js";
import { fold } from "../../domain/text.js";
import { STATUS_LABELS, countingInput, currentEntries, type Stage } from "../../domain/par-index/assessment.js";
import { remediationDraft } from "../../domain/par-index/remediation.js";
import { score } from "../../domain/par-index/score.js";
import { InvalidSurveySheet, parseSurveySheet } from "../../domain/par-index/survey-sheet.js";
import type { LeafInput } from "../../domain/par-index/types.js";
import { getOrg, type OrgRow } from "../../db/orgs.js";
import {
  addEvidence, createAssessment, getAssessment, getEvidence, importSurvey, listAssessmentsOf, latestSet, loadEntries,
  moveAssessment, refreshAssessment, removeEvidence, saveEntry, setOf, setSurvey, subjectOf, type AssessmentRow, type Move,
} from "../../db/par-assessments.js";
import { acceptPlanDraft } from "../../db/plan-import.js";
import { plans, targets, tasks } from "../../db/schema.js";
import { listUnits } from "../../db/units.js";
import { openWorkbook, sheetGrid } from "../xlsx-grid.js";
import { requireViewer } from "../auth.js";
import { readableOrg } from "../guards.js";
import { canOnAssessment, canOnCommuneAssessment, type AssessmentAction } from "../policies/par-assessments.js";
import type { Viewer } from "../policies/viewer.js";
import { presentAssessment, userNames } from "../presenters/par-assessment.js";
import { readSingleFile } from "../single-file.js";
import { enumOf, idParam, integerIn, optionalText, queryYear, requiredText, uuid } from "../validation.js";
import type { RouteModule } from "../app-types.js";
import { provinceResultRoutes } from "./par-results.js";

const num = (label: string) => z.number({ error: `${label} phải là số.` });
const leafInput = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("not_applicable") }),
  z.object({ kind: z.literal("score"), points: num("Điểm") }),
  z.object({ kind: z.literal("not_done") }),
  z.object({ kind: z.literal("boolean"), value: z.boolean({ error: "Kết quả đạt/không đạt phải là đúng hoặc sai." }) }),
  z.object({ kind: z.literal("deadline"), status: enumOf("Tình trạng thời hạn", ["on_time", "late", "missing"] as const) }),
  z.object({ kind: z.literal("date"), date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: "Ngày thực hiện không hợp lệ." }).nullable() }),
  z.object({ kind: z.literal("rate"), percent: num("Tỷ lệ") }),
  z.object({ kind: z.literal("ratio"), numerator: num("Tử số"), denominator: num("Mẫu số") }),
  z.object({ kind: z.literal("count"), value: num("Số lượng").int({ error: "Số lượng phải là số nguyên." }) }),
], { error: "Kiểu kết quả không hợp lệ." });

const entryBody = z.object({
  input: leafInput.nullable().optional(),
  text: optionalText("Ghi chú / ý kiến", 5000),
  explanation: optionalText("Giải trình", 5000),
});
const stageParam = z.object({
  assessmentId: uuid("Mã bản đánh giá"),
  code: requiredText("Mã tiêu chí", 40),
  stage: enumOf("Bước", ["self", "round1", "response", "final"] as const),
});
const leafParam = z.object({ assessmentId: uuid("Mã bản đánh giá"), code: requiredText("Mã tiêu chí", 40) });
const evidenceParam = z.object({ assessmentId: uuid("Mã bản đánh giá"), evidenceId: uuid("Mã tài liệu") });
const assessmentParam = idParam("assessmentId", "Mã bản đánh giá");

const linkBody = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("link"), stage: enumOf("Bước", ["self", "response"] as const),
    url: z.string().trim().url({ error: "Đường dẫn không hợp lệ (cần dạng https://…)." }).refine((u) => /^https?:\/\//i.test(u), { error: "Đường dẫn phải bắt đầu bằng http:// hoặc https://." }),
    label: requiredText("Tên tài liệu", 300),
  }),
  z.object({
    kind: z.literal("record"), stage: enumOf("Bước", ["self", "response"] as const),
    recordType: enumOf("Loại bản ghi", ["plan", "task", "target"] as const), recordId: uuid("Mã bản ghi"),
    label: optionalText("Tên tài liệu", 300),
  }),
], { error: "Loại tài liệu kiểm chứng không hợp lệ (link hoặc record)." });

const surveyBody = z.object({
  survey: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("points"), points: num("Điểm điều tra") }),
    z.object({ kind: z.literal("percent"), percent: num("Tỷ lệ điều tra") }),
  ], { error: "Điểm điều tra không hợp lệ." }).nullable(),
});

const MOVE_ACTION: Record<Move, AssessmentAction> = { submit: "submit", close_round1: "appraise", close_explanation: "respond", close_final: "appraise" };
const STAGE_ACTION: Record<Stage, AssessmentAction> = { self: "selfScore", round1: "appraise", response: "respond", final: "appraise" };
const NOT_ALLOWED: Record<AssessmentAction, string> = {
  read: "Bạn không có quyền xem bản đánh giá này.",
  open: "Chỉ công chức đầu mối CCHC hoặc Chủ tịch UBND mở bản tự đánh giá.",
  selfScore: "Chỉ công chức đầu mối CCHC hoặc Chủ tịch UBND tự chấm điểm.",
  submit: "Chỉ Chủ tịch UBND ký duyệt và trình bản tự đánh giá.",
  appraise: "Chỉ Sở Nội vụ (quản trị của tỉnh) thẩm định và chốt điểm.",
  respond: "Chỉ công chức đầu mối CCHC hoặc Chủ tịch UBND giải trình.",
  remediate: "Chỉ công chức đầu mối CCHC tạo kế hoạch khắc phục.",
};

const XLSX = [".xlsx"];
const MAX_SURVEY_BYTES = 2 * 1024 * 1024;

export const parAssessmentRoutes: RouteModule = (app, ctx) => {
  const { db } = ctx.database;

  /** The assessment and its commune; 404 when the viewer cannot read it, 403 when they may not do `action`. */
  const assessmentFor = async (viewer: Viewer, id: string, action: AssessmentAction): Promise<{ a: AssessmentRow; org: OrgRow }> => {
    const a = await getAssessment(db, id);
    const org = a ? await getOrg(db, a.orgId) : null;
    if (!a || !org || !canOnAssessment(viewer, "read", { orgId: a.orgId, status: a.status, org })) throw notFound("bản đánh giá Chỉ số CCHC");
    if (!canOnAssessment(viewer, action, { orgId: a.orgId, status: a.status, org })) throw forbidden(NOT_ALLOWED[action]);
    return { a, org };
  };
  const view = async (viewer: Viewer, id: string) => {
    const { a, org } = await assessmentFor(viewer, id, "read");
    return presentAssessment(db, viewer, a, org);
  };

  app.get("/api/orgs/:orgId/par-assessments", {
    schema: { tags: ["Chỉ số CCHC"], summary: "Các bản tự đánh giá Chỉ số CCHC của xã, phường và các năm có thể mở", params: idParam("orgId", "Mã đơn vị") },
  }, async (request) => {
    const viewer = requireViewer(request);
    const org = await readableOrg(db, viewer, request.params.orgId);
    if (org.kind !== "commune") throw invalid("Chỉ xã, phường có bản tự đánh giá Chỉ số CCHC.", "orgId");
    const rows = await listAssessmentsOf(db, org.id);
    const year = Number(ctx.today().slice(0, 4));
    const openable: number[] = [];
    if (org.parentId && canOnCommuneAssessment(viewer, "open", org)) {
      for (const y of [year, year - 1]) {
        if (!rows.some((r) => r.year === y) && await latestSet(db, org.parentId, subjectOf(org), y)) openable.push(y);
      }
    }
    return {
      assessments: rows.map((r) => ({ id: r.id, year: r.year, status: r.status, statusLabel: STATUS_LABELS[r.status], result: r.result, updatedAt: r.updatedAt.toISOString() })),
      openableYears: openable,
    };
  });

  app.post("/api/orgs/:orgId/par-assessments", {
    schema: { tags: ["Chỉ số CCHC"], summary: "Mở bản tự đánh giá của một năm theo bộ tiêu chí mới nhất của tỉnh", params: idParam("orgId", "Mã đơn vị"), body: z.object({ year: integerIn("Năm", 2000, 2100) }) },
  }, async (request, reply) => {
    const viewer = requireViewer(request);
    const org = await readableOrg(db, viewer, request.params.orgId);
    if (!canOnCommuneAssessment(viewer, "open", org)) throw forbidden(NOT_ALLOWED.open);
    const a = await createAssessment(db, viewer, org, request.body.year, ctx.today());
    reply.code(201);
    return presentAssessment(db, viewer, a, org);
  });

  app.get("/api/par-assessments/:assessmentId", {
    schema: { tags: ["Chỉ số CCHC"], summary: "Bản đánh giá: cây tiêu chí, điểm từng bước, tài liệu kiểm chứng, kết quả", params: assessmentParam },
  }, async (request) => view(requireViewer(request), request.params.assessmentId));

  app.post("/api/par-assessments/:assessmentId/refresh", {
    schema: { tags: ["Chỉ số CCHC"], summary: "Cập nhật lại các tiêu chí tính tự động từ dữ liệu của hệ thống", params: assessmentParam },
  }, async (request) => {
    const viewer = requireViewer(request);
    const { a } = await assessmentFor(viewer, request.params.assessmentId, "selfScore");
    await refreshAssessment(db, viewer, a, ctx.today());
    return view(viewer, a.id);
  });

  app.put("/api/par-assessments/:assessmentId/leaves/:code/:stage", {
    schema: { tags: ["Chỉ số CCHC"], summary: "Ghi điểm, ghi chú, giải trình của một tiêu chí ở một bước (self, round1, response, final)", params: stageParam, body: entryBody },
  }, async (request) => {
    const viewer = requireViewer(request);
    const { code, stage } = request.params;
    const { a } = await assessmentFor(viewer, request.params.assessmentId, STAGE_ACTION[stage]);
    const b = request.body;
    await saveEntry(db, viewer, a, code, stage, { input: (b.input ?? null) as LeafInput | null, text: b.text ?? "", explanation: b.explanation ?? "" });
    return view(viewer, a.id);
  });

  app.get("/api/par-assessments/:assessmentId/leaves/:code/history", {
    schema: { tags: ["Chỉ số CCHC"], summary: "Mọi giá trị đã ghi của một tiêu chí, ai ghi, lúc nào", params: leafParam },
  }, async (request) => {
    const viewer = requireViewer(request);
    const { a } = await assessmentFor(viewer, request.params.assessmentId, "read");
    const presented = await presentAssessment(db, viewer, a, (await getOrg(db, a.orgId))!);
    const visible = new Set(presented.stages.map((s) => s.stage));
    const entries = (await loadEntries(db, a.id)).filter((e) => e.leafCode === request.params.code && visible.has(e.stage));
    const names = await userNames(db, entries.map((e) => e.by));
    return entries.reverse().map((e) => ({ ...e, by: e.by ? names.get(e.by) ?? null : null }));
  });

  app.post("/api/par-assessments/:assessmentId/leaves/:code/evidence", {
    schema: { tags: ["Chỉ số CCHC"], summary: "Đính kèm tệp tài liệu kiểm chứng (multipart: stage, label, file)", params: leafParam, consumes: ["multipart/form-data"] },
  }, async (request, reply) => {
    const viewer = requireViewer(request);
    const { a } = await assessmentFor(viewer, request.params.assessmentId, a0Stage(await getAssessment(db, request.params.assessmentId)));
    const file = await readSingleFile(request, { maxBytes: MAX_EVIDENCE_BYTES, extensions: [".pdf", ".doc", ".docx", ".xls", ".xlsx", ".jpg", ".jpeg", ".png", ".zip"], what: "tệp tài liệu kiểm chứng" });
    const check = checkEvidenceFile(file.filename, file.content.subarray(0, 16), file.content.length);
    if (!check.ok) throw invalid(check.message, "file");
    const stage = file.fields.stage === "response" ? "response" : "self";
    const id = await addEvidence(db, viewer, a, request.params.code, stage, { kind: "file", filename: file.filename, mimeType: check.mimeType, content: file.content, label: file.fields.label });
    reply.code(201);
    return { id, assessment: await view(viewer, a.id) };
  });

  app.post("/api/par-assessments/:assessmentId/leaves/:code/evidence-links", {
    schema: { tags: ["Chỉ số CCHC"], summary: "Gắn đường dẫn hoặc bản ghi của hệ thống (kế hoạch, nhiệm vụ, chỉ tiêu) làm tài liệu kiểm chứng", params: leafParam, body: linkBody },
  }, async (request, reply) => {
    const viewer = requireViewer(request);
    const b = request.body;
    const { a } = await assessmentFor(viewer, request.params.assessmentId, b.stage === "response" ? "respond" : "selfScore");
    const id = await addEvidence(db, viewer, a, request.params.code, b.stage, b.kind === "link"
      ? { kind: "link", url: b.url, label: b.label }
      : { kind: "record", recordType: b.recordType, recordId: b.recordId, label: b.label ?? undefined });
    reply.code(201);
    return { id, assessment: await view(viewer, a.id) };
  });

  app.delete("/api/par-assessments/:assessmentId/evidence/:evidenceId", {
    schema: { tags: ["Chỉ số CCHC"], summary: "Gỡ một tài liệu kiểm chứng (khi đang tự chấm hoặc giải trình)", params: evidenceParam },
  }, async (request) => {
    const viewer = requireViewer(request);
    const { a } = await assessmentFor(viewer, request.params.assessmentId, a0Stage(await getAssessment(db, request.params.assessmentId)));
    await removeEvidence(db, viewer, a, request.params.evidenceId);
    return view(viewer, a.id);
  });

  app.get("/api/par-assessments/:assessmentId/evidence/:evidenceId", {
    schema: { tags: ["Chỉ số CCHC"], summary: "Tải tệp tài liệu kiểm chứng", params: evidenceParam },
  }, async (request, reply) => {
    const viewer = requireViewer(request);
    const { a } = await assessmentFor(viewer, request.params.assessmentId, "read");
    const ev = await getEvidence(db, request.params.evidenceId);
    if (!ev || ev.assessmentId !== a.id || ev.kind !== "file" || !ev.content) throw notFound("tệp");
    reply.header("Content-Type", ev.mimeType ?? "application/octet-stream");
    reply.header("Content-Disposition", `attachment; filename*=UTF-8''${encodeURIComponent(ev.filename ?? "tai-lieu")}`);
    reply.header("X-Content-Type-Options", "nosniff");
    reply.header("Cache-Control", "private, max-age=3600");
    return reply.send(ev.content);
  });

  app.get("/api/par-assessments/:assessmentId/records", {
    schema: {
      tags: ["Chỉ số CCHC"], summary: "Kế hoạch, nhiệm vụ, chỉ tiêu của năm đánh giá để chọn làm tài liệu kiểm chứng",
      params: assessmentParam, querystring: z.object({ q: z.string().trim().max(200).optional() }),
    },
  }, async (request) => {
    const viewer = requireViewer(request);
    const { a } = await assessmentFor(viewer, request.params.assessmentId, "read");
    const q = fold(request.query.q ?? "");
    const yearPlans = await db.select({ id: plans.id, title: plans.title, number: plans.number }).from(plans).where(and(eq(plans.orgId, a.orgId), eq(plans.year, a.year)));
    const planIds = yearPlans.map((p) => p.id);
    const yearTasks = planIds.length ? await db.select({ id: tasks.id, title: tasks.title, ref: tasks.ref }).from(tasks).where(inArray(tasks.planId, planIds)) : [];
    const yearTargets = planIds.length ? await db.select({ id: targets.id, text: targets.text }).from(targets).where(inArray(targets.planId, planIds)) : [];
    const all = [
      ...yearPlans.map((p) => ({ type: "plan" as const, id: p.id, label: `Kế hoạch${p.number ? ` số ${p.number}` : ""}: ${p.title}` })),
      ...yearTasks.map((t) => ({ type: "task" as const, id: t.id, label: `Nhiệm vụ${t.ref ? ` ${t.ref}` : ""}: ${t.title}` })),
      ...yearTargets.map((t) => ({ type: "target" as const, id: t.id, label: `Chỉ tiêu: ${t.text}` })),
    ];
    return all.filter((r) => !q || fold(r.label).includes(q)).slice(0, 50);
  });

  app.post("/api/par-assessments/:assessmentId/moves", {
    schema: {
      tags: ["Chỉ số CCHC"], summary: "Chuyển bước: submit (Chủ tịch ký duyệt, trình), close_round1, close_explanation, close_final",
      params: assessmentParam, body: z.object({ move: enumOf("Thao tác", ["submit", "close_round1", "close_explanation", "close_final"] as const) }),
    },
  }, async (request) => {
    const viewer = requireViewer(request);
    const { move } = request.body;
    const { a } = await assessmentFor(viewer, request.params.assessmentId, MOVE_ACTION[move]);
    await moveAssessment(db, viewer, a, move, ctx.today());
    return view(viewer, a.id);
  });

  app.put("/api/par-assessments/:assessmentId/survey", {
    schema: { tags: ["Chỉ số CCHC"], summary: "Điểm điều tra xã hội học của đơn vị (điểm hoặc tỷ lệ %; null để xóa)", params: assessmentParam, body: surveyBody },
  }, async (request) => {
    const viewer = requireViewer(request);
    const { a } = await assessmentFor(viewer, request.params.assessmentId, "appraise");
    if (a.status === "draft") throw conflict("Đơn vị chưa trình bản tự đánh giá.");
    await setSurvey(db, viewer, a, request.body.survey, "Nhập trực tiếp");
    return view(viewer, a.id);
  });

  app.post("/api/par-assessments/:assessmentId/remediation-plan", {
    schema: { tags: ["Chỉ số CCHC"], summary: "Tạo dự thảo kế hoạch khắc phục: mỗi tiêu chí bị trừ điểm là một nhiệm vụ", params: assessmentParam },
  }, async (request, reply) => {
    const viewer = requireViewer(request);
    const { a, org } = await assessmentFor(viewer, request.params.assessmentId, "remediate");
    if (a.status !== "final") throw conflict("Chỉ tạo kế hoạch khắc phục khi đã có điểm chốt.");
    const set = await setOf(db, a);
    const result = score(set, countingInput(set, currentEntries(await loadEntries(db, a.id)), a.survey ?? null).input);
    if (!result.lostPoints.length) throw conflict("Không có tiêu chí nào bị trừ điểm nên không cần kế hoạch khắc phục.");
    const draft = remediationDraft({ set, lost: result.lostPoints, communeName: org.name, year: a.year, units: await listUnits(db, a.orgId) });
    const [existing] = await db.select({ id: plans.id }).from(plans).where(and(eq(plans.orgId, a.orgId), eq(plans.type, "remediation"), eq(plans.title, draft.document.title)));
    if (existing) throw new AppError("conflict", "Đã có kế hoạch khắc phục từ kết quả này; hãy mở kế hoạch đó để chỉnh sửa.", existing.id);
    const plan = await acceptPlanDraft(db, viewer, a.orgId, { draft, type: "remediation", unitMap: {} });
    reply.code(201);
    return { planId: plan.id, tasks: draft.tasks.length, targets: draft.targets.length };
  });

  app.post("/api/orgs/:orgId/par-survey", {
    schema: {
      tags: ["Chỉ số CCHC"], summary: "Nhập điểm điều tra xã hội học của các xã, phường từ tệp .xlsx (multipart: year, file); sai một dòng thì không ghi gì",
      params: idParam("orgId", "Mã tỉnh"), consumes: ["multipart/form-data"],
    },
  }, async (request) => {
    const viewer = requireViewer(request);
    const province = await readableOrg(db, viewer, request.params.orgId);
    if (province.kind !== "province" || viewer.orgId !== province.id || viewer.role !== "province_admin") throw forbidden(NOT_ALLOWED.appraise);
    const file = await readSingleFile(request, { maxBytes: MAX_SURVEY_BYTES, extensions: XLSX, what: "tệp điểm điều tra" });
    const year = queryYear().safeParse(file.fields.year);
    if (!year.success) throw invalid("Năm không hợp lệ.", "year");
    const grid = await readGrid(file.content, file.filename);
    let rows;
    try {
      rows = parseSurveySheet(grid);
    } catch (err) {
      if (err instanceof InvalidSurveySheet) throw invalid(`Không nhập được điểm điều tra từ tệp ${file.filename}:\n${err.problems.join("\n")}`, "file");
      throw err;
    }
    return { imported: await importSurvey(db, viewer, province, year.data, rows, file.filename) };
  });

  provinceResultRoutes(app, ctx);

  /** Evidence belongs to the commune's current stage: self-assessment, then explanation. */
  function a0Stage(a: AssessmentRow | null): AssessmentAction {
    return a?.status === "round1" ? "respond" : "selfScore";
  }
};

async function readGrid(buf: Buffer, file: string): Promise<string[][]> {
  const ws = (await openWorkbook(buf, file)).worksheets[0];
  if (!ws) throw invalid(`${file}: tệp không có trang tính nào.`, "file");
  return sheetGrid(ws, 3);
}
