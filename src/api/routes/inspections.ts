import { z } from "zod";
import { AREA_CODES, areaName } from "../../domain/areas.js";
import { parseIso, type IsoDate } from "../../domain/dates.js";
import { conflict, forbidden, notFound } from "../../domain/errors.js";
import {
  FINDING_DISPLAY_STATUSES, coverageOf, findingDisplayStatus, inspectionStatus, isHandled, matchesStatusFilter, tallyFindings, teamLead,
} from "../../domain/inspections/coverage.js";
import { documentFileName } from "../../documents/file-name.js";
import type { InspectionNoticeData } from "../../documents/inspection-emulation-data.js";
import { renderInspectionNotice } from "../../documents/inspection-notice-docx.js";
import { communeIssuer } from "../../documents/issuer.js";
import { TYPE_ABBREVIATION } from "../../documents/nd30.js";
import {
  addFindingUpdate, countedUnits, createFinding, createInspection, deleteInspection, escalatedFindingsOf, findingsOfInspection, findingsOfPlan,
  findingsOfYear, getFinding, getInspection, getInspectionPlan, inspectionsOfPlan, planOfYear, saveInspectionPlan, updateFinding, updateInspection,
  updatesOf, type FindingView, type InspectionView,
} from "../../db/inspections.js";
import { getOrg, type OrgRow } from "../../db/orgs.js";
import { signerOf } from "../../db/reports.js";
import { FINDING_SEVERITIES } from "../../db/schema.js";
import { requireViewer } from "../auth.js";
import { readableOrg } from "../guards.js";
import {
  NOT_ALLOWED, canManageInspections, canReadEscalatedFindings, canReadInspections, canUpdateFinding, type FindingRef,
} from "../policies/inspections.js";
import type { Viewer } from "../policies/viewer.js";
import { enumOf, idParam, isoDate, optionalIsoDate, optionalText, queryYear, requiredText, uuid, year } from "../validation.js";
import type { RouteModule } from "../app-types.js";
import { attachment, DOCX_TYPE } from "./documents.js";

const TAGS = ["Kiểm tra CCHC"];

const share = z.number({ error: (issue) => (issue.input === undefined || issue.input === null ? "Tỷ lệ bộ phận cần kiểm tra là bắt buộc." : "Tỷ lệ bộ phận cần kiểm tra phải là số.") })
  .min(0, { error: "Tỷ lệ bộ phận cần kiểm tra không được nhỏ hơn 0 %." })
  .max(100, { error: "Tỷ lệ bộ phận cần kiểm tra không được lớn hơn 100 %." });
const planBody = z.object({
  year: year(),
  title: requiredText("Tên kế hoạch kiểm tra", 500),
  number: optionalText("Số kế hoạch", 60),
  issuedDate: optionalIsoDate("Ngày ban hành"),
  targetShare: share,
  notes: optionalText("Ghi chú", 5000),
});

/** Free text that may be empty (the column is never null). */
const plainText = (label: string, max: number) => z.string({ error: `${label} phải là chuỗi ký tự.` }).trim().max(max, { error: `${label} dài quá ${max} ký tự.` });
const team = z.array(requiredText("Thành viên tổ kiểm tra", 300), { error: "Tổ kiểm tra phải là danh sách thành viên." })
  .max(30, { error: "Tổ kiểm tra có tối đa 30 thành viên." });
const inspectionBody = z.object({
  unitId: uuid("Bộ phận được kiểm tra"),
  plannedFrom: isoDate("Ngày bắt đầu dự kiến"),
  plannedTo: isoDate("Ngày kết thúc dự kiến"),
  team: team.default([]),
  content: plainText("Nội dung kiểm tra", 10000).default(""),
});
const inspectionChanges = z.object({
  plannedFrom: isoDate("Ngày bắt đầu dự kiến").optional(),
  plannedTo: isoDate("Ngày kết thúc dự kiến").optional(),
  team: team.optional(),
  content: plainText("Nội dung kiểm tra", 10000).optional(),
  conductedOn: optionalIsoDate("Ngày kiểm tra"),
  conclusion: optionalText("Kết luận kiểm tra", 20000),
  noticeNumber: optionalText("Số thông báo kết luận", 60),
  noticeDate: optionalIsoDate("Ngày thông báo kết luận"),
});
const findingBody = z.object({
  area: enumOf("Lĩnh vực", AREA_CODES).nullable().optional(),
  description: requiredText("Nội dung vấn đề phát hiện", 5000),
  severity: enumOf("Mức độ", FINDING_SEVERITIES).optional(),
  responsibleUnitId: uuid("Bộ phận chịu trách nhiệm khắc phục"),
  fixDue: isoDate("Hạn khắc phục"),
});
const findingUpdateBody = z.object({
  note: plainText("Nội dung cập nhật", 5000).default(""),
  statusChange: enumOf("Thay đổi trạng thái", ["fixed", "escalated", "reopened"] as const).nullable().optional(),
  date: optionalIsoDate("Ngày cập nhật"),
});
const yearQuery = z.object({ year: queryYear().optional() });
const findingsQuery = z.object({
  year: queryYear().optional(),
  status: enumOf("Trạng thái", FINDING_DISPLAY_STATUSES).optional(),
  unitId: uuid("Bộ phận chịu trách nhiệm khắc phục").optional(),
});
const inspectionParam = idParam("inspectionId", "Mã cuộc kiểm tra");
const findingParam = idParam("findingId", "Mã vấn đề phát hiện");

/** Overdue first, then what falls due soon, what is open, and the closed ones; earliest deadline first within each. */
const DISPLAY_ORDER = ["overdue", "due_soon", "open", "escalated", "fixed_late", "fixed"] as const;

/** How a unit is named in a document: a công chức title reads "Công chức Tư pháp – Hộ tịch". */
const documentUnitName = (u: { name: string; kind: string }) => (u.kind === "officer-title" ? `Công chức ${u.name}` : u.name);
const unitRef = (u: { id: string; name: string }) => ({ id: u.id, name: u.name });

export const inspectionRoutes: RouteModule = (app, ctx) => {
  const { db } = ctx.database;
  const yearOf = (y: number | undefined) => y ?? parseIso(ctx.today()).year;

  const communeFor = async (viewer: Viewer, orgId: string, manage = false): Promise<OrgRow> => {
    const org = await readableOrg(db, viewer, orgId);
    if (!canReadInspections(viewer, org)) throw notFound("sổ theo dõi kiểm tra của xã, phường");
    if (manage && !canManageInspections(viewer, org)) throw forbidden(NOT_ALLOWED.manage);
    return org;
  };

  const inspectionFor = async (viewer: Viewer, id: string, manage = false) => {
    const i = await getInspection(db, id);
    const org = i ? await getOrg(db, i.orgId) : null;
    if (!i || !org || !canReadInspections(viewer, org)) throw notFound("cuộc kiểm tra");
    if (manage && !canManageInspections(viewer, org)) throw forbidden(NOT_ALLOWED.manage);
    return { i, org };
  };

  const findingFor = async (viewer: Viewer, id: string) => {
    const f = await getFinding(db, id);
    const org = f ? await getOrg(db, f.orgId) : null;
    if (!f || !org || !canReadInspections(viewer, org)) throw notFound("vấn đề phát hiện");
    return { f, org, ref: { org, responsibleUnitId: f.responsibleUnitId } satisfies FindingRef };
  };

  function presentFinding(f: FindingView, today: IsoDate) {
    return {
      id: f.id, inspectionId: f.inspectionId, inspectedUnit: unitRef(f.inspectedUnit), area: f.area, description: f.description, severity: f.severity,
      responsibleUnit: unitRef(f.responsibleUnit), fixDue: f.fixDue, status: f.status, displayStatus: findingDisplayStatus(f, today),
      closedOn: f.closedOn, resolution: f.resolution, lastUpdateAt: f.lastUpdateAt?.toISOString() ?? null,
    };
  }

  const byUrgency = (today: IsoDate) => (a: FindingView, b: FindingView) =>
    DISPLAY_ORDER.indexOf(findingDisplayStatus(a, today)) - DISPLAY_ORDER.indexOf(findingDisplayStatus(b, today)) || a.fixDue.localeCompare(b.fixDue);

  async function presentYear(viewer: Viewer, org: OrgRow, year: number) {
    const today = ctx.today();
    const plan = await planOfYear(db, org.id, year);
    const counted = await countedUnits(db, org.id);
    const visits = plan ? await inspectionsOfPlan(db, plan.id) : [];
    const findings = plan ? await findingsOfPlan(db, plan.id) : [];
    return {
      year, orgId: org.id,
      plan: plan ? { id: plan.id, title: plan.title, number: plan.number, issuedDate: plan.issuedDate, targetShare: plan.targetShare, notes: plan.notes } : null,
      units: counted.map((u) => ({ id: u.id, name: u.name })),
      coverage: coverageOf({ unitIds: counted.map((u) => u.id), inspections: visits, targetShare: plan?.targetShare ?? null }, today),
      findings: tallyFindings(findings, today),
      inspections: visits.map((i) => {
        const mine = findings.filter((f) => f.inspectionId === i.id);
        return {
          id: i.id, unit: unitRef(i.unit), plannedFrom: i.plannedFrom, plannedTo: i.plannedTo, conductedOn: i.conductedOn,
          status: inspectionStatus(i, today), teamLead: teamLead(i.team),
          findings: { total: mine.length, open: mine.filter((f) => !isHandled(f.status)).length, overdue: mine.filter((f) => findingDisplayStatus(f, today) === "overdue").length },
        };
      }),
      can: { manage: canManageInspections(viewer, org) },
    };
  }

  async function presentInspection(viewer: Viewer, id: string, org: OrgRow) {
    const today = ctx.today();
    const i = (await getInspection(db, id))!;
    const findings = await findingsOfInspection(db, i.id);
    return {
      id: i.id, orgId: i.orgId, year: i.year, inspectionPlanId: i.inspectionPlanId, unit: unitRef(i.unit),
      plannedFrom: i.plannedFrom, plannedTo: i.plannedTo, team: i.team, content: i.content, conductedOn: i.conductedOn, conclusion: i.conclusion,
      noticeNumber: i.noticeNumber, noticeDate: i.noticeDate, status: inspectionStatus(i, today),
      findings: findings.map((f) => presentFinding(f, today)),
      can: { manage: canManageInspections(viewer, org), notice: !!i.conductedOn && !!i.conclusion?.trim() },
    };
  }

  async function presentFindingDetail(viewer: Viewer, id: string) {
    const { f, org, ref } = await findingFor(viewer, id);
    const updates = await updatesOf(db, f.id);
    return {
      ...presentFinding(f, ctx.today()),
      updates: updates.map(({ u, author }) => ({ id: u.id, date: u.date, note: u.note, statusChange: u.statusChange, author: author ?? null, at: u.createdAt.toISOString() })),
      can: { edit: canManageInspections(viewer, org), update: canUpdateFinding(viewer, ref), escalate: canUpdateFinding(viewer, ref, "escalated") },
    };
  }

  // ── The year and its plan ───────────────────────────────────────────────
  app.get("/api/orgs/:orgId/inspections", {
    schema: { tags: TAGS, summary: "Kế hoạch kiểm tra CCHC của năm: tỷ lệ bao phủ so với chỉ tiêu, các cuộc kiểm tra, vấn đề phát hiện", params: idParam("orgId", "Mã đơn vị"), querystring: yearQuery },
  }, async (request) => {
    const viewer = requireViewer(request);
    const org = await communeFor(viewer, request.params.orgId);
    return presentYear(viewer, org, yearOf(request.query.year));
  });

  app.put("/api/orgs/:orgId/inspection-plan", {
    schema: { tags: TAGS, summary: "Lập hoặc sửa kế hoạch kiểm tra CCHC của một năm (tỷ lệ bộ phận cần kiểm tra)", params: idParam("orgId", "Mã đơn vị"), body: planBody },
  }, async (request) => {
    const viewer = requireViewer(request);
    const org = await communeFor(viewer, request.params.orgId, true);
    await saveInspectionPlan(db, viewer, org.id, request.body);
    return presentYear(viewer, org, request.body.year);
  });

  // ── Inspections ─────────────────────────────────────────────────────────
  app.post("/api/inspection-plans/:inspectionPlanId/inspections", {
    schema: { tags: TAGS, summary: "Thêm cuộc kiểm tra một bộ phận vào kế hoạch", params: idParam("inspectionPlanId", "Mã kế hoạch kiểm tra"), body: inspectionBody },
  }, async (request, reply) => {
    const viewer = requireViewer(request);
    const plan = await getInspectionPlan(db, request.params.inspectionPlanId);
    const org = plan ? await getOrg(db, plan.orgId) : null;
    if (!plan || !org || !canReadInspections(viewer, org)) throw notFound("kế hoạch kiểm tra");
    if (!canManageInspections(viewer, org)) throw forbidden(NOT_ALLOWED.manage);
    const id = await createInspection(db, viewer, plan, request.body);
    reply.code(201);
    return presentInspection(viewer, id, org);
  });

  app.get("/api/inspections/:inspectionId", { schema: { tags: TAGS, summary: "Một cuộc kiểm tra: thời gian, tổ kiểm tra, kết luận, vấn đề phát hiện", params: inspectionParam } }, async (request) => {
    const viewer = requireViewer(request);
    const { i, org } = await inspectionFor(viewer, request.params.inspectionId);
    return presentInspection(viewer, i.id, org);
  });

  app.patch("/api/inspections/:inspectionId", {
    schema: { tags: TAGS, summary: "Sửa cuộc kiểm tra; ghi nhận ngày kiểm tra, kết luận, số và ngày thông báo kết luận", params: inspectionParam, body: inspectionChanges },
  }, async (request) => {
    const viewer = requireViewer(request);
    const { i, org } = await inspectionFor(viewer, request.params.inspectionId, true);
    await updateInspection(db, viewer, i, request.body, ctx.today());
    return presentInspection(viewer, i.id, org);
  });

  app.delete("/api/inspections/:inspectionId", { schema: { tags: TAGS, summary: "Xóa cuộc kiểm tra chưa có vấn đề phát hiện", params: inspectionParam } }, async (request) => {
    const viewer = requireViewer(request);
    const { i } = await inspectionFor(viewer, request.params.inspectionId, true);
    await deleteInspection(db, viewer, i, ctx.today());
    return { ok: true };
  });

  app.get("/api/inspections/:inspectionId/notice.docx", {
    schema: { tags: TAGS, summary: "Thông báo kết luận kiểm tra (DOCX, theo Nghị định 30/2020/NĐ-CP)", params: inspectionParam },
  }, async (request, reply) => {
    const viewer = requireViewer(request);
    const { i, org } = await inspectionFor(viewer, request.params.inspectionId);
    if (!i.conductedOn || !i.conclusion?.trim()) throw conflict("Cần ghi nhận ngày kiểm tra và kết luận kiểm tra trước khi lập thông báo kết luận.");
    const file = await renderInspectionNotice(await noticeData(i, org));
    const name = documentFileName({ number: i.noticeNumber, year: i.year, typeAbbreviation: TYPE_ABBREVIATION.notice, title: `Kết luận kiểm tra ${i.unit.name}`, extension: "docx" });
    reply.header("Content-Type", DOCX_TYPE);
    reply.header("Content-Disposition", attachment(name));
    return reply.send(file);
  });

  async function noticeData(i: InspectionView, org: OrgRow): Promise<InspectionNoticeData> {
    const province = org.parentId ? await getOrg(db, org.parentId) : null;
    const issuer = communeIssuer(org.name, province?.name ?? null);
    const findings = await findingsOfInspection(db, i.id);
    const unitInspected = documentUnitName(i.unit);
    const others = [...new Set(findings.map((f) => documentUnitName(f.responsibleUnit)))].filter((n) => n !== unitInspected);
    return {
      issuer, number: i.noticeNumber, date: i.noticeDate ?? ctx.today(), year: i.year, unitInspected,
      plannedFrom: i.plannedFrom, plannedTo: i.plannedTo, conductedOn: i.conductedOn!, team: i.team, content: i.content, conclusion: i.conclusion!,
      findings: findings.map((f) => ({ description: f.description, areaName: f.area ? areaName(f.area) : null, severity: f.severity, responsibleUnit: documentUnitName(f.responsibleUnit), fixDue: f.fixDue })),
      signer: await signerOf(db, org.id),
      // The renderer closes the list with "Lưu: VT.".
      recipients: [unitInspected, ...others, `Chủ tịch, các Phó Chủ tịch UBND ${issuer.unitKind}`],
    };
  }

  // ── Findings ────────────────────────────────────────────────────────────
  app.post("/api/inspections/:inspectionId/findings", {
    schema: { tags: TAGS, summary: "Ghi nhận vấn đề phát hiện qua kiểm tra (tồn tại, hạn chế), bộ phận chịu trách nhiệm và hạn khắc phục", params: inspectionParam, body: findingBody },
  }, async (request, reply) => {
    const viewer = requireViewer(request);
    const { i } = await inspectionFor(viewer, request.params.inspectionId, true);
    const b = request.body;
    const id = await createFinding(db, viewer, i, { area: b.area ?? null, description: b.description, severity: b.severity ?? "moderate", responsibleUnitId: b.responsibleUnitId, fixDue: b.fixDue }, ctx.today());
    reply.code(201);
    return presentFindingDetail(viewer, id);
  });

  app.get("/api/findings/:findingId", { schema: { tags: TAGS, summary: "Một vấn đề phát hiện và quá trình khắc phục", params: findingParam } }, async (request) => {
    const viewer = requireViewer(request);
    return presentFindingDetail(viewer, request.params.findingId);
  });

  app.patch("/api/findings/:findingId", {
    schema: { tags: TAGS, summary: "Sửa vấn đề phát hiện: nội dung, lĩnh vực, mức độ, bộ phận chịu trách nhiệm, hạn khắc phục", params: findingParam, body: findingBody.partial() },
  }, async (request) => {
    const viewer = requireViewer(request);
    const { f, org } = await findingFor(viewer, request.params.findingId);
    if (!canManageInspections(viewer, org)) throw forbidden(NOT_ALLOWED.manage);
    await updateFinding(db, viewer, f, request.body);
    return presentFindingDetail(viewer, f.id);
  });

  app.post("/api/findings/:findingId/updates", {
    schema: { tags: TAGS, summary: "Cập nhật tiến độ khắc phục: ghi chú, đã khắc phục, kiến nghị cấp trên (cần nêu kiến nghị), mở lại", params: findingParam, body: findingUpdateBody },
  }, async (request) => {
    const viewer = requireViewer(request);
    const { f, ref } = await findingFor(viewer, request.params.findingId);
    const change = request.body.statusChange ?? null;
    if (!canUpdateFinding(viewer, ref, change)) throw forbidden(canUpdateFinding(viewer, ref) ? NOT_ALLOWED.escalate : NOT_ALLOWED.update);
    await addFindingUpdate(db, viewer, f, { note: request.body.note, statusChange: change, date: request.body.date ?? null }, ctx.today());
    return presentFindingDetail(viewer, f.id);
  });

  app.get("/api/orgs/:orgId/findings", {
    schema: { tags: TAGS, summary: "Theo dõi khắc phục các vấn đề phát hiện trong năm (lọc theo trạng thái, bộ phận chịu trách nhiệm)", params: idParam("orgId", "Mã đơn vị"), querystring: findingsQuery },
  }, async (request) => {
    const viewer = requireViewer(request);
    const org = await communeFor(viewer, request.params.orgId);
    const year = yearOf(request.query.year);
    const { status, unitId } = request.query;
    const today = ctx.today();
    const rows = (await findingsOfYear(db, org.id, year))
      .filter((f) => (!status || matchesStatusFilter(findingDisplayStatus(f, today), status)) && (!unitId || f.responsibleUnitId === unitId))
      .sort(byUrgency(today));
    return { year, findings: rows.map((f) => presentFinding(f, today)) };
  });

  app.get("/api/orgs/:orgId/escalated-findings", {
    schema: { tags: TAGS, summary: "Các vấn đề xã, phường đã kiến nghị cấp trên trong năm (cán bộ của tỉnh)", params: idParam("orgId", "Mã tỉnh"), querystring: yearQuery },
  }, async (request) => {
    const viewer = requireViewer(request);
    const province = await readableOrg(db, viewer, request.params.orgId);
    if (!canReadEscalatedFindings(viewer, province)) throw forbidden(NOT_ALLOWED.escalated);
    const year = yearOf(request.query.year);
    const today = ctx.today();
    const rows = (await escalatedFindingsOf(db, province.id, year)).sort((a, b) => a.commune.name.localeCompare(b.commune.name, "vi") || (a.closedOn ?? "").localeCompare(b.closedOn ?? ""));
    return { year, findings: rows.map((f) => ({ ...presentFinding(f, today), commune: f.commune })) };
  });
};
