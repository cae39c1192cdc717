import { z } from "zod";
import { forbidden, notFound } from "../../domain/errors.js";
import { REPORT_KINDS, type ReportKind } from "../../domain/reports/types.js";
import { communeDeadline, parseReportSettings, provinceDeadline, reportWindow, timeliness } from "../../domain/reports/calendar.js";
import { provinceReportsZip, renderReportFor, reportFileBase } from "../../documents/report-data.js";
import { renderProvinceFiguresXlsx, renderReportXlsx } from "../../documents/report-xlsx.js";
import type { Tx } from "../../db/connection.js";
import { getOrg, type OrgRow } from "../../db/orgs.js";
import {
  REPORT_KIND_LABELS, REPORT_STATUS_LABELS, createReport, editSection, getReport, moveReport, moverNames, provinceReports, refreshReport,
  reportsOf, saveSettings, settingsOf, type ReportMove, type ReportRow,
} from "../../db/reports.js";
import { requireViewer } from "../auth.js";
import { readableOrg } from "../guards.js";
import { canFollowReports, canOnReport, canSetReporting, type ReportAction } from "../policies/reports.js";
import type { Viewer } from "../policies/viewer.js";
import { enumOf, idParam, integerIn, optionalIsoDate, optionalText, queryYear, requiredText, uuid } from "../validation.js";
import type { RouteModule } from "../app-types.js";

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const reportParam = idParam("reportId", "Mã báo cáo");
const kindYear = z.object({ kind: enumOf("Loại báo cáo", REPORT_KINDS), year: queryYear() });
const NOT_ALLOWED: Record<ReportAction, string> = {
  read: "Bạn không có quyền xem báo cáo này.",
  draft: "Chỉ công chức đầu mối CCHC soạn và sửa báo cáo.",
  approve: "Chỉ Chủ tịch UBND duyệt báo cáo.",
  submit: "Chỉ Chủ tịch UBND hoặc công chức đầu mối CCHC gửi báo cáo lên tỉnh.",
  review: "Chỉ Sở Nội vụ (quản trị của tỉnh) tiếp nhận hoặc trả lại báo cáo.",
};
const MOVE_ACTION: Record<ReportMove, ReportAction> = { approve: "approve", submit: "submit", receive: "review", return: "review" };

/** File names here are built from codes, so plain ASCII. */
const contentDisposition = (name: string) => `attachment; filename="${name}"`;
const baseName = reportFileBase;

export const reportRoutes: RouteModule = (app, ctx) => {
  const { db } = ctx.database;

  const reportFor = async (viewer: Viewer, id: string, action: ReportAction) => {
    const r = await getReport(db, id);
    const org = r ? await getOrg(db, r.orgId) : null;
    if (!r || !org || !canOnReport(viewer, "read", { status: r.status, org })) throw notFound("báo cáo");
    if (!canOnReport(viewer, action, { status: r.status, org })) throw forbidden(NOT_ALLOWED[action]);
    return { r, org };
  };

  async function deadlines(tx: Tx, org: OrgRow, kind: ReportKind, year: number) {
    const settings = await settingsOf(tx, org.parentId);
    const window = reportWindow(kind, year);
    return { window, communeDeadline: communeDeadline(window, settings.deadlines[kind]), provinceDeadline: provinceDeadline(kind, year), settings };
  }

  const render = renderReportFor;

  async function present(viewer: Viewer, r: ReportRow, org: OrgRow) {
    const names = await moverNames(db, [r]);
    const step = (by: string | null, at: Date | null) => (at ? { by: by ? names.get(by) ?? null : null, at: at.toISOString() } : null);
    const d = await deadlines(db, org, r.kind, r.year);
    const can = (a: ReportAction) => canOnReport(viewer, a, { status: r.status, org });
    const versions = (await reportsOf(db, org.id, r.year)).filter((x) => x.kind === r.kind && canOnReport(viewer, "read", { status: x.status, org })).map((x) => ({ id: x.id, version: x.version, status: x.status, statusLabel: REPORT_STATUS_LABELS[x.status] }));
    return {
      id: r.id, kind: r.kind, kindLabel: REPORT_KIND_LABELS[r.kind], year: r.year, version: r.version, status: r.status, statusLabel: REPORT_STATUS_LABELS[r.status],
      org: { id: org.id, name: org.name, code: org.code },
      window: d.window, communeDeadline: d.communeDeadline, provinceDeadline: d.provinceDeadline,
      number: r.number, issuedDate: r.issuedDate, content: r.content, editedSections: r.editedSections,
      steps: {
        created: step(r.createdBy, r.createdAt), approved: step(r.approvedBy, r.approvedAt), submitted: step(r.submittedBy, r.submittedAt),
        received: step(r.receivedBy, r.receivedAt), returned: step(r.returnedBy, r.returnedAt),
      },
      returnComment: r.returnComment, versions,
      can: {
        edit: (r.status === "draft" || r.status === "approved") && can("draft"),
        approve: r.status === "draft" && can("approve"),
        submit: r.status === "approved" && can("submit"),
        review: r.status === "submitted" && can("review"),
        newVersion: r.status !== "draft" && r.status !== "approved" && can("draft") && versions[0]?.id === r.id,
      },
    };
  }

  app.get("/api/orgs/:orgId/reports", {
    schema: { tags: ["Báo cáo"], summary: "Lịch báo cáo CCHC định kỳ của xã, phường trong năm: kỳ, thời gian chốt số liệu, hạn gửi, các phiên bản", params: idParam("orgId", "Mã đơn vị"), querystring: z.object({ year: queryYear() }) },
  }, async (request) => {
    const viewer = requireViewer(request);
    const org = await readableOrg(db, viewer, request.params.orgId);
    if (org.kind !== "commune") throw notFound("lịch báo cáo của xã, phường");
    const year = request.query.year;
    const rows = await reportsOf(db, org.id, year);
    const today = ctx.today();
    const kinds = [];
    for (const kind of REPORT_KINDS) {
      const d = await deadlines(db, org, kind, year);
      const versions = rows.filter((r) => r.kind === kind && canOnReport(viewer, "read", { status: r.status, org }));
      const firstSent = versions.map((r) => r.submittedOn).filter((d): d is string => !!d).sort()[0] ?? null;
      kinds.push({
        kind, label: REPORT_KIND_LABELS[kind], window: d.window, communeDeadline: d.communeDeadline, provinceDeadline: d.provinceDeadline,
        timeliness: timeliness(firstSent, d.communeDeadline, today),
        versions: versions.map((r) => ({ id: r.id, version: r.version, status: r.status, statusLabel: REPORT_STATUS_LABELS[r.status], submittedOn: r.submittedOn })),
        canCreate: canOnReport(viewer, "draft", { status: "draft", org }) && !versions.some((r) => r.status === "draft" || r.status === "approved"),
      });
    }
    return { year, kinds };
  });

  app.post("/api/orgs/:orgId/reports", {
    schema: { tags: ["Báo cáo"], summary: "Lập dự thảo báo cáo của một kỳ từ dữ liệu (hoặc phiên bản mới sau khi đã gửi)", params: idParam("orgId", "Mã đơn vị"), body: z.object({ kind: enumOf("Loại báo cáo", REPORT_KINDS), year: integerIn("Năm", 2000, 2100) }) },
  }, async (request, reply) => {
    const viewer = requireViewer(request);
    const org = await readableOrg(db, viewer, request.params.orgId);
    if (!canOnReport(viewer, "draft", { status: "draft", org })) throw forbidden(NOT_ALLOWED.draft);
    const r = await createReport(db, viewer, org, request.body.kind, request.body.year);
    reply.code(201);
    return present(viewer, r, org);
  });

  app.get("/api/reports/:reportId", { schema: { tags: ["Báo cáo"], summary: "Một báo cáo: nội dung, số liệu, các bước", params: reportParam } }, async (request) => {
    const viewer = requireViewer(request);
    const { r, org } = await reportFor(viewer, request.params.reportId, "read");
    return present(viewer, r, org);
  });

  app.put("/api/reports/:reportId/sections/:key", {
    schema: { tags: ["Báo cáo"], summary: "Sửa nội dung một mục của báo cáo", params: z.object({ reportId: uuid("Mã báo cáo"), key: requiredText("Mục", 20) }), body: z.object({ text: z.string({ error: "Nội dung phải là chuỗi ký tự." }).max(20000, { error: "Nội dung dài quá 20.000 ký tự." }) }) },
  }, async (request) => {
    const viewer = requireViewer(request);
    const { r, org } = await reportFor(viewer, request.params.reportId, "draft");
    await editSection(db, viewer, r, request.params.key, request.body.text.replace(/\r\n/g, "\n").trim());
    return present(viewer, (await getReport(db, r.id))!, org);
  });

  app.post("/api/reports/:reportId/refresh", { schema: { tags: ["Báo cáo"], summary: "Cập nhật lại số liệu từ dữ liệu hệ thống (giữ nội dung đã sửa)", params: reportParam } }, async (request) => {
    const viewer = requireViewer(request);
    const { r, org } = await reportFor(viewer, request.params.reportId, "draft");
    await refreshReport(db, viewer, r, org);
    return present(viewer, (await getReport(db, r.id))!, org);
  });

  app.post("/api/reports/:reportId/moves", {
    schema: {
      tags: ["Báo cáo"], summary: "approve (Chủ tịch duyệt), submit (gửi tỉnh: số, ngày), receive / return (tỉnh tiếp nhận, trả lại với lý do)", params: reportParam,
      body: z.object({
        move: enumOf("Thao tác", ["approve", "submit", "receive", "return"] as const), comment: optionalText("Lý do trả lại", 2000),
        number: optionalText("Số báo cáo", 40), issuedDate: optionalIsoDate("Ngày báo cáo"),
      }),
    },
  }, async (request) => {
    const viewer = requireViewer(request);
    const b = request.body;
    const { r, org } = await reportFor(viewer, request.params.reportId, MOVE_ACTION[b.move]);
    await moveReport(db, viewer, r, b.move, { today: ctx.today(), comment: b.comment, number: b.number, issuedDate: b.issuedDate ?? (b.move === "submit" ? ctx.today() : null), render: (x) => render(db, x, org) });
    return present(viewer, (await getReport(db, r.id))!, org);
  });

  app.get("/api/reports/:reportId/export.docx", { schema: { tags: ["Báo cáo"], summary: "Báo cáo dạng DOCX theo Nghị định 30 (bản đã gửi được giữ nguyên)", params: reportParam } }, async (request, reply) => {
    const viewer = requireViewer(request);
    const { r, org } = await reportFor(viewer, request.params.reportId, "read");
    reply.header("Content-Type", DOCX);
    reply.header("Content-Disposition", contentDisposition(`${baseName(r, org)}.docx`));
    return reply.send(r.document ?? await render(db, r, org));
  });

  app.get("/api/reports/:reportId/annex.xlsx", { schema: { tags: ["Báo cáo"], summary: "Phụ lục số liệu và Biểu 06 dạng XLSX", params: reportParam } }, async (request, reply) => {
    const viewer = requireViewer(request);
    const { r, org } = await reportFor(viewer, request.params.reportId, "read");
    reply.header("Content-Type", XLSX);
    reply.header("Content-Disposition", contentDisposition(`${baseName(r, org)}-phu-luc.xlsx`));
    return reply.send(await renderReportXlsx(r.content, { name: org.name }));
  });

  // ── The province ────────────────────────────────────────────────────────
  const provinceFor = async (viewer: Viewer, id: string, manage = false) => {
    const province = await readableOrg(db, viewer, id);
    if (!canFollowReports(viewer, province)) throw forbidden("Chỉ cán bộ của tỉnh theo dõi báo cáo của các xã, phường.");
    if (manage && !canSetReporting(viewer, province)) throw forbidden("Chỉ Sở Nội vụ (quản trị của tỉnh) đặt thời hạn báo cáo.");
    return province;
  };

  async function statusTable(province: OrgRow, kind: ReportKind, year: number) {
    const settings = await settingsOf(db, province.id);
    const window = reportWindow(kind, year);
    const deadline = communeDeadline(window, settings.deadlines[kind]);
    const today = ctx.today();
    const rows = (await provinceReports(db, province.id, kind, year)).map(({ commune, report, firstSubmittedOn }) => ({
      orgId: commune.id, code: commune.code, name: commune.name,
      reportId: report?.id ?? null, version: report?.version ?? null, status: report?.status ?? null, statusLabel: report ? REPORT_STATUS_LABELS[report.status] : "Chưa gửi",
      submittedOn: firstSubmittedOn, timeliness: timeliness(firstSubmittedOn, deadline, today),
      figures: report?.content.figures ?? null, report,
    }));
    return { window, deadline, rows };
  }

  app.get("/api/orgs/:orgId/report-status", {
    schema: { tags: ["Báo cáo"], summary: "Tình hình gửi báo cáo của các xã, phường trong một kỳ: đúng hạn, trễ hạn, chưa gửi", params: idParam("orgId", "Mã tỉnh"), querystring: kindYear },
  }, async (request) => {
    const viewer = requireViewer(request);
    const province = await provinceFor(viewer, request.params.orgId);
    const { kind, year } = request.query;
    const t = await statusTable(province, kind, year);
    const sent = t.rows.filter((r) => r.submittedOn).length;
    const onTime = t.rows.filter((r) => r.timeliness === "on_time").length;
    return {
      kind, year, window: t.window, deadline: t.deadline,
      summary: { communes: t.rows.length, sent, onTime, late: t.rows.filter((r) => r.timeliness === "late").length, missing: t.rows.filter((r) => r.timeliness === "missing").length,
        reportingRate: t.rows.length ? Math.round((sent / t.rows.length) * 10000) / 100 : null, onTimeRate: t.rows.length ? Math.round((onTime / t.rows.length) * 10000) / 100 : null },
      rows: t.rows.map(({ report: _report, ...row }) => row),
      canReview: canSetReporting(viewer, province),
    };
  });

  app.get("/api/orgs/:orgId/reports.zip", {
    schema: { tags: ["Báo cáo"], summary: "Tải tất cả báo cáo đã gửi của một kỳ (ZIP các tệp DOCX)", params: idParam("orgId", "Mã tỉnh"), querystring: kindYear },
  }, async (request, reply) => {
    const viewer = requireViewer(request);
    const province = await provinceFor(viewer, request.params.orgId);
    const { kind, year } = request.query;
    const { zip } = await provinceReportsZip(db, province.id, kind, year);
    reply.header("Content-Type", "application/zip");
    reply.header("Content-Disposition", contentDisposition(`bao-cao-cchc-${kind}-${year}-${province.code}.zip`));
    return reply.send(zip);
  });

  app.get("/api/orgs/:orgId/report-figures.xlsx", {
    schema: { tags: ["Báo cáo"], summary: "Số liệu chính của các báo cáo đã gửi trong một kỳ (XLSX)", params: idParam("orgId", "Mã tỉnh"), querystring: kindYear },
  }, async (request, reply) => {
    const viewer = requireViewer(request);
    const province = await provinceFor(viewer, request.params.orgId);
    const { kind, year } = request.query;
    const t = await statusTable(province, kind, year);
    reply.header("Content-Type", XLSX);
    reply.header("Content-Disposition", contentDisposition(`so-lieu-bao-cao-cchc-${kind}-${year}-${province.code}.xlsx`));
    return reply.send(await renderProvinceFiguresXlsx(
      t.rows.map((r) => ({ code: r.code, name: r.name, status: r.statusLabel, submittedAt: r.submittedOn, timeliness: r.timeliness, figures: r.figures ?? {} })),
      `Số liệu báo cáo CCHC ${t.window.label}`,
    ));
  });

  app.get("/api/orgs/:orgId/report-settings", { schema: { tags: ["Báo cáo"], summary: "Thời hạn gửi báo cáo của xã, phường và nơi nhận", params: idParam("orgId", "Mã tỉnh") } }, async (request) => {
    const viewer = requireViewer(request);
    const province = await provinceFor(viewer, request.params.orgId);
    return settingsOf(db, province.id);
  });

  app.put("/api/orgs/:orgId/report-settings", { schema: { tags: ["Báo cáo"], summary: "Đặt thời hạn gửi báo cáo của xã, phường và nơi nhận", params: idParam("orgId", "Mã tỉnh") } }, async (request) => {
    const viewer = requireViewer(request);
    const province = await provinceFor(viewer, request.params.orgId, true);
    const settings = parseReportSettings(request.body);
    await saveSettings(db, viewer, province.id, settings);
    return settings;
  });
};
