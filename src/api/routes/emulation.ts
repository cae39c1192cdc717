import { z } from "zod";
import { renderCommendationDocx } from "../../documents/commendation-docx.js";
import { renderCommendationXlsx } from "../../documents/commendation-xlsx.js";
import { documentFileName } from "../../documents/file-name.js";
import type { CommendationData } from "../../documents/inspection-emulation-data.js";
import { communeIssuer } from "../../documents/issuer.js";
import { vietnamDate } from "../../domain/dates.js";
import { defaultCriteria, parseCriteria } from "../../domain/emulation/criteria.js";
import { METRICS, METRIC_KEYS } from "../../domain/emulation/types.js";
import { conflict, forbidden, invalid, notFound } from "../../domain/errors.js";
import type { Tx } from "../../db/connection.js";
import {
  CONFIRMED, addParticipant, campaignCutOff, campaignResults, confirmCampaign, createCampaign, createCampaignFromPlan, deleteCampaign, emulationPlansOf, evaluateBundle,
  getCampaignRow, getParticipantRow, listCampaignRows, loadCampaign, removeParticipant, reopenCampaign, updateCampaign, upsertJudgment,
  type CampaignRow,
} from "../../db/emulation.js";
import { getOrg, type OrgRow } from "../../db/orgs.js";
import { signerOf } from "../../db/reports.js";
import { loadTaskViews, tasksOfPlan } from "../../db/tasks.js";
import { requireViewer } from "../auth.js";
import { planFor, readableOrg } from "../guards.js";
import { CAMPAIGN_NOT_ALLOWED, canOnCampaigns, type CampaignAction } from "../policies/emulation.js";
import type { OrgRef, Viewer } from "../policies/viewer.js";
import { enumOf, idParam, isoDate, optionalText, queryYear, requiredText, uuid, year } from "../validation.js";
import type { RouteModule } from "../app-types.js";
import { DOCX_TYPE, attachment } from "./documents.js";

const TAG = "Thi đua, khen thưởng";
const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const campaignParam = idParam("campaignId", "Mã phong trào thi đua");
const criteriaField = z.unknown().optional()
  .describe("Danh sách tiêu chí: { id?, label, appliesTo: unit|person|both, source: { kind: computed, metric, threshold, asOf } | { kind: judged } }");

const campaignBody = z.object({
  title: requiredText("Tên phong trào thi đua", 500),
  year: year(),
  periodFrom: isoDate("Ngày bắt đầu phong trào"),
  periodTo: isoDate("Ngày kết thúc phong trào"),
  criteria: criteriaField,
});
const campaignChange = campaignBody.omit({ year: true }).partial();
const participantBody = z.object({
  kind: enumOf("Loại đối tượng tham gia", ["unit", "person"] as const),
  unitId: uuid("Bộ phận"),
  userId: uuid("Tài khoản").nullable().optional(),
  name: optionalText("Họ và tên", 200),
  title: optionalText("Chức vụ", 300),
});
const judgmentBody = z.object({
  participantId: uuid("Tập thể, cá nhân được đánh giá"),
  criterionId: requiredText("Mã tiêu chí", 40),
  met: z.boolean({ error: "Kết quả đánh giá (đạt hay chưa đạt) là bắt buộc." }),
  note: requiredText("Nhận xét", 2000).min(3, { error: "Nhận xét cần ít nhất 3 ký tự: căn cứ đánh giá đạt hay chưa đạt." }),
});
const confirmBody = z.object({
  entries: z.array(z.object({
    participantId: uuid("Tập thể, cá nhân"),
    included: z.boolean({ error: "Quyết định đưa vào danh sách đề nghị khen thưởng (có hay không) là bắt buộc." }),
    reason: optionalText("Lý do", 2000),
  }), { error: "Danh sách đề nghị khen thưởng là bắt buộc." }).max(1000),
});


export const emulationRoutes: RouteModule = (app, ctx) => {
  const { db } = ctx.database;

  /** The campaign; 404 when the viewer cannot read its commune, 403 when not allowed, 409 for changes once confirmed. */
  const campaignFor = async (viewer: Viewer, id: string, action: CampaignAction) => {
    const c = await getCampaignRow(db, id);
    if (!c || !canOnCampaigns(viewer, "read", c.org)) throw notFound("phong trào thi đua");
    if (action !== "read" && !canOnCampaigns(viewer, action, c.org)) throw forbidden(CAMPAIGN_NOT_ALLOWED[action]);
    if ((action === "manage" || action === "judge") && c.status === "confirmed") throw conflict(CONFIRMED);
    return c;
  };

  const communeFor = async (viewer: Viewer, orgId: string): Promise<OrgRow> => {
    const org = await readableOrg(db, viewer, orgId);
    if (org.kind !== "commune") throw invalid("Chỉ xã, phường có phong trào thi đua.", "orgId");
    return org;
  };

  const present = async (tx: Tx, viewer: Viewer, c: CampaignRow & { org: OrgRef }) => {
    const today = ctx.today();
    const b = await loadCampaign(tx, c);
    const results = await campaignResults(tx, b, today);
    const groups = c.sourcePlanId ? await loadTaskViews(tx, tasksOfPlan(c.sourcePlanId), today) : [];
    const names = new Map(b.participants.map((p) => [p.id, p.displayName]));
    return {
      id: c.id, orgId: c.orgId, title: c.title, year: c.year, periodFrom: c.periodFrom, periodTo: c.periodTo, status: c.status,
      cutOff: campaignCutOff(c, today),
      sourcePlan: b.sourcePlan,
      contentGroups: groups.map((t) => ({ taskId: t.id, ref: t.ref, title: t.title, area: t.area, status: t.derived.status, leadUnits: t.lead.map((u) => u.name) })),
      criteria: c.criteria.map((k) => {
        const m = k.source.kind === "computed" ? METRICS[k.source.metric] : null;
        return { ...k, metricLabel: m?.label ?? null, unit: m?.unit ?? null, direction: m?.direction ?? null };
      }),
      participants: b.participants.map((p, i) => ({
        id: p.id, kind: p.kind, unit: { id: p.unitId, name: p.unitName }, userId: p.userId, name: p.displayName, title: p.title,
        results: results[i].results, proposed: results[i].proposed, missing: results[i].missing,
      })),
      proposal: c.proposal ? c.proposal.filter((e) => names.has(e.participantId)).map(({ frozen: _, ...e }) => ({ ...e, name: names.get(e.participantId)! })) : null,
      confirmedBy: b.confirmedByName,
      confirmedAt: c.confirmedAt?.toISOString() ?? null,
      metrics: METRIC_KEYS.map((key) => ({ key, ...METRICS[key] })),
      can: {
        manage: canOnCampaigns(viewer, "manage", c.org),
        judge: canOnCampaigns(viewer, "judge", c.org),
        confirm: canOnCampaigns(viewer, "confirm", c.org),
        export: c.status === "confirmed",
      },
    };
  };

  const view = async (viewer: Viewer, id: string) => present(db, viewer, await campaignFor(viewer, id, "read"));

  app.get("/api/orgs/:orgId/campaigns", {
    schema: {
      tags: [TAG], summary: "Các phong trào thi đua của xã, phường trong năm và các kế hoạch thi đua có thể tạo phong trào",
      params: idParam("orgId", "Mã đơn vị"), querystring: z.object({ year: queryYear().optional() }),
    },
  }, async (request) => {
    const viewer = requireViewer(request);
    const org = await communeFor(viewer, request.params.orgId);
    const y = request.query.year ?? Number(ctx.today().slice(0, 4));
    const campaigns = [];
    for (const c of await listCampaignRows(db, org.id, y)) {
      const b = await loadCampaign(db, c);
      const proposed = c.status === "confirmed" && c.proposal
        ? c.proposal.filter((e) => e.included && b.participants.some((p) => p.id === e.participantId)).length
        : (await evaluateBundle(db, b, ctx.today())).filter((r) => r.proposed).length;
      campaigns.push({
        id: c.id, title: c.title, year: c.year, periodFrom: c.periodFrom, periodTo: c.periodTo, status: c.status,
        participants: b.participants.length, proposed, sourcePlan: b.sourcePlan,
      });
    }
    return { year: y, campaigns, emulationPlans: await emulationPlansOf(db, org.id, y), can: { manage: canOnCampaigns(viewer, "manage", org) } };
  });

  app.post("/api/orgs/:orgId/campaigns", {
    schema: { tags: [TAG], summary: "Tạo phong trào thi đua (không gửi tiêu chí: dùng bộ tiêu chí mặc định)", params: idParam("orgId", "Mã đơn vị"), body: campaignBody },
  }, async (request, reply) => {
    const viewer = requireViewer(request);
    const org = await communeFor(viewer, request.params.orgId);
    if (!canOnCampaigns(viewer, "manage", org)) throw forbidden(CAMPAIGN_NOT_ALLOWED.manage);
    const { criteria, ...rest } = request.body;
    const c = await createCampaign(db, viewer, org.id, { ...rest, criteria: criteria === undefined ? defaultCriteria() : parseCriteria(criteria) });
    reply.code(201);
    return present(db, viewer, { ...c, org });
  });

  app.post("/api/plans/:planId/campaign", {
    schema: {
      tags: [TAG], summary: "Tạo phong trào thi đua từ kế hoạch thi đua: cả năm, bộ tiêu chí mặc định, mọi bộ phận của xã tham gia",
      params: idParam("planId", "Mã kế hoạch"),
    },
  }, async (request, reply) => {
    const viewer = requireViewer(request);
    const plan = await planFor(db, viewer, request.params.planId, "read");
    if (!canOnCampaigns(viewer, "manage", plan.org)) throw forbidden(CAMPAIGN_NOT_ALLOWED.manage);
    const c = await createCampaignFromPlan(db, viewer, plan, defaultCriteria());
    reply.code(201);
    return present(db, viewer, { ...c, org: plan.org });
  });

  app.get("/api/campaigns/:campaignId", {
    schema: { tags: [TAG], summary: "Phong trào thi đua: tiêu chí, kết quả từng tập thể, cá nhân, danh sách đề nghị khen thưởng", params: campaignParam },
  }, async (request) => view(requireViewer(request), request.params.campaignId));

  app.patch("/api/campaigns/:campaignId", {
    schema: { tags: [TAG], summary: "Sửa tên, thời gian hoặc tiêu chí của phong trào thi đua", params: campaignParam, body: campaignChange },
  }, async (request) => {
    const viewer = requireViewer(request);
    const c = await campaignFor(viewer, request.params.campaignId, "manage");
    const { criteria, ...rest } = request.body;
    await updateCampaign(db, viewer, c.id, { ...rest, ...(criteria !== undefined ? { criteria: parseCriteria(criteria) } : {}) });
    return view(viewer, c.id);
  });

  app.delete("/api/campaigns/:campaignId", {
    schema: { tags: [TAG], summary: "Xóa phong trào thi đua (khi danh sách chưa được xác nhận)", params: campaignParam },
  }, async (request) => {
    const viewer = requireViewer(request);
    const c = await campaignFor(viewer, request.params.campaignId, "manage");
    await deleteCampaign(db, viewer, c.id);
    return { ok: true };
  });

  app.post("/api/campaigns/:campaignId/participants", {
    schema: { tags: [TAG], summary: "Thêm tập thể hoặc cá nhân tham gia phong trào thi đua", params: campaignParam, body: participantBody },
  }, async (request, reply) => {
    const viewer = requireViewer(request);
    const c = await campaignFor(viewer, request.params.campaignId, "manage");
    const b = request.body;
    await addParticipant(db, viewer, c.id, { kind: b.kind, unitId: b.unitId, userId: b.userId ?? null, name: b.name ?? null, title: b.title ?? null });
    reply.code(201);
    return view(viewer, c.id);
  });

  app.delete("/api/campaign-participants/:participantId", {
    schema: { tags: [TAG], summary: "Bỏ một tập thể, cá nhân khỏi phong trào thi đua", params: idParam("participantId", "Mã đối tượng tham gia") },
  }, async (request) => {
    const viewer = requireViewer(request);
    const p = await getParticipantRow(db, request.params.participantId);
    if (!p) throw notFound("đối tượng tham gia phong trào thi đua");
    const c = await campaignFor(viewer, p.campaignId, "manage").catch((e) => { throw e.status === 404 ? notFound("đối tượng tham gia phong trào thi đua") : e; });
    await removeParticipant(db, viewer, p);
    return view(viewer, c.id);
  });

  app.put("/api/campaigns/:campaignId/judgments", {
    schema: { tags: [TAG], summary: "Đánh giá một tiêu chí do người có thẩm quyền quyết định cho một tập thể, cá nhân", params: campaignParam, body: judgmentBody },
  }, async (request) => {
    const viewer = requireViewer(request);
    const c = await campaignFor(viewer, request.params.campaignId, "judge");
    await upsertJudgment(db, viewer, c.id, request.body);
    return view(viewer, c.id);
  });

  app.post("/api/campaigns/:campaignId/confirm", {
    schema: { tags: [TAG], summary: "Xác nhận danh sách đề nghị khen thưởng (quyết định khác đề xuất theo tiêu chí cần ghi lý do)", params: campaignParam, body: confirmBody },
  }, async (request) => {
    const viewer = requireViewer(request);
    const c = await campaignFor(viewer, request.params.campaignId, "confirm");
    const entries = request.body.entries.map((e) => ({ participantId: e.participantId, included: e.included, reason: e.reason ?? null }));
    await confirmCampaign(db, viewer, c.id, entries, ctx.today());
    return view(viewer, c.id);
  });

  app.post("/api/campaigns/:campaignId/reopen", {
    schema: { tags: [TAG], summary: "Mở lại danh sách đề nghị khen thưởng đã xác nhận để sửa", params: campaignParam },
  }, async (request) => {
    const viewer = requireViewer(request);
    const c = await campaignFor(viewer, request.params.campaignId, "confirm");
    await reopenCampaign(db, viewer, c.id);
    return view(viewer, c.id);
  });

  /** What the proposal documents print: the confirmed decisions with each participant's results. */
  const commendationData = async (viewer: Viewer, id: string): Promise<{ data: CommendationData; c: CampaignRow }> => {
    const c = await campaignFor(viewer, id, "read");
    if (c.status !== "confirmed" || !c.proposal) throw conflict("Danh sách đề nghị khen thưởng chưa được xác nhận nên chưa xuất được.");
    const b = await loadCampaign(db, c);
    const results = await campaignResults(db, b, ctx.today());
    const org = (await getOrg(db, c.orgId))!;
    const province = org.parentId ? await getOrg(db, org.parentId) : null;
    const decisions = new Map(c.proposal.map((e) => [e.participantId, e]));
    const data: CommendationData = {
      issuer: communeIssuer(org.name, province?.name ?? null),
      campaignTitle: c.title, year: c.year, periodFrom: c.periodFrom, periodTo: c.periodTo,
      date: vietnamDate(c.confirmedAt ?? new Date()),
      criteria: c.criteria.map((k) => ({ id: k.id, label: k.label, appliesTo: k.appliesTo })),
      rows: b.participants.map((p, i) => ({
        kind: p.kind, name: p.displayName, title: p.title, unitName: p.unitName,
        included: decisions.get(p.id)?.included ?? false, reason: decisions.get(p.id)?.reason ?? null,
        results: results[i].results.map((r) => ({ criterionId: r.criterionId, outcome: r.outcome, text: r.text })),
      })),
      signer: await signerOf(db, org.id),
    };
    return { data, c };
  };

  app.get("/api/campaigns/:campaignId/proposal.docx", {
    schema: { tags: [TAG], summary: "Danh sách đề nghị khen thưởng (DOCX, kèm Tờ trình), sau khi đã xác nhận", params: campaignParam },
  }, async (request, reply) => {
    const { data, c } = await commendationData(requireViewer(request), request.params.campaignId);
    const file = await renderCommendationDocx(data);
    reply.header("Content-Type", DOCX_TYPE);
    reply.header("Content-Disposition", attachment(documentFileName({ number: null, year: c.year, typeAbbreviation: "DS-KT", title: c.title, extension: "docx" })));
    return reply.send(file);
  });

  app.get("/api/campaigns/:campaignId/proposal.xlsx", {
    schema: { tags: [TAG], summary: "Bảng kết quả từng tiêu chí của mọi tập thể, cá nhân và danh sách đề nghị khen thưởng (XLSX)", params: campaignParam },
  }, async (request, reply) => {
    const { data, c } = await commendationData(requireViewer(request), request.params.campaignId);
    const file = await renderCommendationXlsx(data);
    reply.header("Content-Type", XLSX_TYPE);
    reply.header("Content-Disposition", attachment(documentFileName({ number: null, year: c.year, typeAbbreviation: "DS-KT", title: c.title, extension: "xlsx" })));
    return reply.send(file);
  });
};
