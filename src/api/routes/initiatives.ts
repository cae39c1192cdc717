import { z } from "zod";
import { forbidden, invalid, notFound } from "../../domain/errors.js";
import { ALLOWED_EVIDENCE_EXTENSIONS, checkEvidenceFile, MAX_EVIDENCE_BYTES } from "../../domain/evidence.js";
import { initiativeTotals, tallyByUnit } from "../../domain/initiatives.js";
import { COUNTED_UNIT_KINDS } from "../../domain/inspections/units.js";
import type { Tx } from "../../db/connection.js";
import {
  addInitiativeEvidence, createInitiative, deleteInitiative, getInitiative, getInitiativeCall, getInitiativeEvidence, initiativeCounts,
  initiativeTargets, loadEvidenceList, loadInitiativeSummaries, loadInitiativeSummary, removeInitiativeEvidence, setInitiativeCall,
  updateInitiative, type InitiativeRow, type InitiativeSummaryRow,
} from "../../db/initiatives.js";
import { getOrg, type OrgRow } from "../../db/orgs.js";
import { INITIATIVE_STATUSES } from "../../db/schema.js";
import { listUnits } from "../../db/units.js";
import { requireViewer } from "../auth.js";
import { readableOrg } from "../guards.js";
import { canManageInitiatives, canOnInitiative, canRegisterInitiative, type InitiativeAction } from "../policies/initiatives.js";
import type { Viewer } from "../policies/viewer.js";
import { readSingleFile } from "../single-file.js";
import { enumOf, idParam, integerIn, isoDate, optionalIsoDate, optionalText, queryYear, requiredText, uuid, year } from "../validation.js";
import type { RouteModule } from "../app-types.js";

const TAG = "Sáng kiến";

const author = z.object({
  name: optionalText("Tên tác giả", 200),
  userId: uuid("Tài khoản của tác giả").nullable().optional(),
}, { error: "Mỗi tác giả cần có tên (name) và tài khoản nếu có (userId)." });
const authors = z.array(author, { error: (issue) => (issue.input === undefined ? "Sáng kiến cần có ít nhất một tác giả." : "Danh sách tác giả không hợp lệ.") })
  .min(1, { error: "Sáng kiến cần có ít nhất một tác giả." })
  .max(20, { error: "Một sáng kiến ghi tối đa 20 tác giả." });

const initiativeBody = z.object({
  year: year(),
  title: requiredText("Tên sáng kiến", 500),
  summary: optionalText("Tóm tắt nội dung sáng kiến", 10_000),
  unitId: uuid("Bộ phận"),
  authors,
  submittedOn: isoDate("Ngày nộp"),
});
const patchBody = initiativeBody.omit({ year: true }).partial().extend({
  status: enumOf("Trạng thái", INITIATIVE_STATUSES).optional(),
  recognisedOn: optionalIsoDate("Ngày công nhận"),
  appliedOn: optionalIsoDate("Ngày áp dụng"),
});
const callBody = z.object({
  year: year(),
  dueDate: isoDate("Hạn nộp sáng kiến"),
  perUnit: integerIn("Số sáng kiến mỗi bộ phận", 1, 20),
});
const linkBody = z.object({
  label: optionalText("Tên minh chứng", 300),
  url: z.string({ error: "Đường dẫn là bắt buộc." }).trim()
    .refine((u) => { try { return /^https?:$/.test(new URL(u).protocol); } catch { return false; } }, { error: "Đường dẫn phải là địa chỉ web bắt đầu bằng http:// hoặc https://." }),
}, { error: "Minh chứng phải là tệp (multipart, trường file) hoặc đường dẫn { label, url }." });

const orgParam = idParam("orgId", "Mã đơn vị");
const initiativeParam = idParam("initiativeId", "Mã sáng kiến");
const fileParam = idParam("initiativeFileId", "Mã minh chứng");
const EXTENSIONS = ALLOWED_EVIDENCE_EXTENSIONS.map((e) => `.${e}`);

const NOT_ALLOWED: Record<Exclude<InitiativeAction, "read">, string> = {
  edit: "Chỉ công chức đầu mối CCHC hoặc công chức của bộ phận đăng ký sáng kiến (khi sáng kiến chưa được công nhận) được sửa sáng kiến và minh chứng.",
  changeStatus: "Chỉ công chức đầu mối CCHC được công nhận sáng kiến, ghi ngày áp dụng hoặc chuyển sáng kiến sang bộ phận khác.",
  delete: "Chỉ công chức đầu mối CCHC được xóa sáng kiến.",
};

export const initiativeRoutes: RouteModule = (app, ctx) => {
  const { db } = ctx.database;

  const communeFor = async (viewer: Viewer, orgId: string) => {
    const org = await readableOrg(db, viewer, orgId);
    if (org.kind !== "commune") throw invalid("Chỉ xã, phường có sổ theo dõi sáng kiến.", "orgId");
    return org;
  };

  /** The initiative and its commune; 404 when the viewer cannot read it, 403 when they may not do `action`. */
  const initiativeFor = async (viewer: Viewer, id: string, action: InitiativeAction): Promise<{ row: InitiativeRow; org: OrgRow }> => {
    const row = await getInitiative(db, id);
    const org = row ? await getOrg(db, row.orgId) : null;
    if (!row || !org || !canOnInitiative(viewer, "read", { ...row, org })) throw notFound("sáng kiến");
    if (action !== "read" && !canOnInitiative(viewer, action, { ...row, org })) {
      const ownUnit = viewer.orgId === org.id && viewer.role === "unit_officer" && viewer.unitIds.includes(row.unitId);
      throw forbidden(action === "edit" && ownUnit ? "Sáng kiến đã được công nhận nên chỉ công chức đầu mối CCHC được sửa." : NOT_ALLOWED[action]);
    }
    return { row, org };
  };

  const summaryOf = (r: InitiativeSummaryRow) => ({
    id: r.id, year: r.year, title: r.title, unit: r.unit, authors: r.authors, submittedOn: r.submittedOn,
    status: r.status, recognisedOn: r.recognisedOn, appliedOn: r.appliedOn, evidenceCount: r.evidenceCount,
  });

  async function presentInitiative(tx: Tx, viewer: Viewer, row: InitiativeRow, org: OrgRow) {
    const summary = await loadInitiativeSummary(tx, row);
    const evidence = await loadEvidenceList(tx, row.id);
    const ref = { ...row, org };
    return {
      ...summaryOf(summary),
      summary: row.summary,
      evidence: evidence.map((e) => ({
        id: e.id, kind: e.kind, label: e.label, filename: e.filename, size: e.size,
        url: e.kind === "file" ? `/api/initiative-evidence/${e.id}` : e.url, addedBy: e.addedBy, at: e.at.toISOString(),
      })),
      can: { edit: canOnInitiative(viewer, "edit", ref), changeStatus: canOnInitiative(viewer, "changeStatus", ref), delete: canOnInitiative(viewer, "delete", ref) },
    };
  }
  const view = async (viewer: Viewer, id: string) => {
    const { row, org } = await initiativeFor(viewer, id, "read");
    return presentInitiative(db, viewer, row, org);
  };

  async function presentYear(viewer: Viewer, org: OrgRow, year: number) {
    const today = ctx.today();
    const [list, call, targetRows, allUnits, current] = await Promise.all([
      loadInitiativeSummaries(db, org.id, year), getInitiativeCall(db, org.id, year), initiativeTargets(db, org.id, year),
      listUnits(db, org.id), initiativeCounts(db, org.id, year, today),
    ]);
    const counted = allUnits.filter((u) => (COUNTED_UNIT_KINDS as readonly string[]).includes(u.kind)).map((u) => ({ id: u.id, name: u.name }));
    // "Units concerned" are a phrase of plan documents, not a unit that registers anything.
    const registerUnitIds = allUnits.filter((u) => u.kind !== "generic" && canRegisterInitiative(viewer, org, u.id)).map((u) => u.id);
    return {
      year, orgId: org.id, call,
      initiatives: list.map(summaryOf),
      byUnit: tallyByUnit(counted, list, call, today),
      totals: initiativeTotals(list),
      targets: targetRows.map((t) => ({ ...t, current })),
      can: { manage: canManageInitiatives(viewer, org), register: registerUnitIds.length > 0, registerUnitIds },
    };
  }

  app.get("/api/orgs/:orgId/initiatives", {
    schema: { tags: [TAG], summary: "Sổ sáng kiến của năm: hạn nộp, danh sách, số sáng kiến theo bộ phận, chỉ tiêu kế hoạch", params: orgParam, querystring: z.object({ year: queryYear().optional() }) },
  }, async (request) => {
    const viewer = requireViewer(request);
    const org = await communeFor(viewer, request.params.orgId);
    return presentYear(viewer, org, request.query.year ?? Number(ctx.today().slice(0, 4)));
  });

  app.put("/api/orgs/:orgId/initiative-call", {
    schema: { tags: [TAG], summary: "Đặt hạn nộp sáng kiến của năm và số sáng kiến mỗi bộ phận", params: orgParam, body: callBody },
  }, async (request) => {
    const viewer = requireViewer(request);
    const org = await communeFor(viewer, request.params.orgId);
    if (!canManageInitiatives(viewer, org)) throw forbidden("Chỉ công chức đầu mối CCHC được đặt hạn nộp sáng kiến.");
    await setInitiativeCall(db, viewer, org.id, request.body);
    return presentYear(viewer, org, request.body.year);
  });

  app.post("/api/orgs/:orgId/initiatives", {
    schema: { tags: [TAG], summary: "Đăng ký sáng kiến của một bộ phận", params: orgParam, body: initiativeBody },
  }, async (request, reply) => {
    const viewer = requireViewer(request);
    const org = await communeFor(viewer, request.params.orgId);
    if (!canRegisterInitiative(viewer, org, request.body.unitId)) {
      throw forbidden(viewer.orgId === org.id && viewer.role === "unit_officer"
        ? "Bạn chỉ được đăng ký sáng kiến cho bộ phận của mình."
        : "Chỉ công chức đầu mối CCHC hoặc công chức của bộ phận được đăng ký sáng kiến.");
    }
    const id = await createInitiative(db, viewer, org.id, request.body, ctx.today());
    reply.code(201);
    return view(viewer, id);
  });

  app.get("/api/initiatives/:initiativeId", {
    schema: { tags: [TAG], summary: "Sáng kiến: nội dung, tác giả, trạng thái, minh chứng", params: initiativeParam },
  }, async (request) => view(requireViewer(request), request.params.initiativeId));

  app.patch("/api/initiatives/:initiativeId", {
    schema: { tags: [TAG], summary: "Sửa sáng kiến; công nhận (status recognised, recognisedOn) hoặc ghi áp dụng (applied, appliedOn)", params: initiativeParam, body: patchBody },
  }, async (request) => {
    const viewer = requireViewer(request);
    const { row, org } = await initiativeFor(viewer, request.params.initiativeId, "edit");
    const b = request.body;
    const differs = <K extends keyof InitiativeRow>(k: K, v: InitiativeRow[K] | undefined) => v !== undefined && v !== row[k];
    const keeperOnly = differs("unitId", b.unitId) || differs("status", b.status) || differs("recognisedOn", b.recognisedOn) || differs("appliedOn", b.appliedOn);
    if (keeperOnly && !canOnInitiative(viewer, "changeStatus", { ...row, org })) throw forbidden(NOT_ALLOWED.changeStatus);
    await updateInitiative(db, viewer, row, b, ctx.today());
    return view(viewer, row.id);
  });

  app.delete("/api/initiatives/:initiativeId", {
    schema: { tags: [TAG], summary: "Xóa sáng kiến cùng minh chứng của nó", params: initiativeParam },
  }, async (request) => {
    const viewer = requireViewer(request);
    const { row } = await initiativeFor(viewer, request.params.initiativeId, "delete");
    await deleteInitiative(db, viewer, row, ctx.today());
    return { ok: true };
  });

  app.post("/api/initiatives/:initiativeId/evidence", {
    schema: {
      tags: [TAG], params: initiativeParam, consumes: ["multipart/form-data", "application/json"],
      summary: `Thêm minh chứng: tệp (multipart: file, label; ≤ ${MAX_EVIDENCE_BYTES / 1024 / 1024} MB) hoặc đường dẫn (JSON { label, url })`,
    },
  }, async (request, reply) => {
    const viewer = requireViewer(request);
    const { row } = await initiativeFor(viewer, request.params.initiativeId, "edit");
    if (request.isMultipart()) {
      const file = await readSingleFile(request, { maxBytes: MAX_EVIDENCE_BYTES, extensions: EXTENSIONS, what: "tệp minh chứng" });
      const check = checkEvidenceFile(file.filename, file.content.subarray(0, 16), file.content.length);
      if (!check.ok) throw invalid(check.message, "file");
      await addInitiativeEvidence(db, viewer, row, { kind: "file", filename: file.filename, mimeType: check.mimeType, content: file.content, label: file.fields.label });
    } else {
      const link = linkBody.safeParse(request.body ?? undefined);
      if (!link.success) {
        const issue = link.error.issues[0];
        throw invalid(issue.message, issue.path.join(".") || undefined);
      }
      await addInitiativeEvidence(db, viewer, row, { kind: "link", url: link.data.url, label: link.data.label });
    }
    reply.code(201);
    return view(viewer, row.id);
  });

  app.get("/api/initiative-evidence/:initiativeFileId", {
    schema: { tags: [TAG], summary: "Tải tệp minh chứng của sáng kiến", params: fileParam },
  }, async (request, reply) => {
    const viewer = requireViewer(request);
    const ev = await getInitiativeEvidence(db, request.params.initiativeFileId);
    if (!ev) throw notFound("minh chứng");
    await initiativeFor(viewer, ev.initiativeId, "read").catch(() => { throw notFound("minh chứng"); });
    if (ev.kind !== "file" || !ev.content) throw notFound("tệp minh chứng");
    reply.header("Content-Type", ev.mimeType ?? "application/octet-stream");
    reply.header("Content-Disposition", `attachment; filename*=UTF-8''${encodeURIComponent(ev.filename ?? "minh-chung")}`);
    reply.header("X-Content-Type-Options", "nosniff");
    reply.header("Cache-Control", "private, max-age=3600");
    return reply.send(ev.content);
  });

  app.delete("/api/initiative-evidence/:initiativeFileId", {
    schema: { tags: [TAG], summary: "Gỡ một minh chứng của sáng kiến", params: fileParam },
  }, async (request) => {
    const viewer = requireViewer(request);
    const ev = await getInitiativeEvidence(db, request.params.initiativeFileId);
    if (!ev) throw notFound("minh chứng");
    const { row } = await initiativeFor(viewer, ev.initiativeId, "edit").catch((err) => { throw err.status === 404 ? notFound("minh chứng") : err; });
    await removeInitiativeEvidence(db, viewer, row, ev.id);
    return view(viewer, row.id);
  });
};
