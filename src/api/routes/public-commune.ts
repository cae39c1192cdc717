import { createHash } from "node:crypto";
import { z } from "zod";
import { forbidden, notFound } from "../../domain/errors.js";
import { findPublicCommune, getPublicPageSettings, loadPublicPage, publicEvidence, savePublicPageSettings, type PublicPage } from "../../db/public-commune.js";
import { requireViewer } from "../auth.js";
import { readableOrg } from "../guards.js";
import { canEditPublicPageSettings, canReadPublicPageSettings } from "../policies/public-page.js";
import { presentTarget } from "../presenters/target.js";
import { idParam, optionalText, requiredText, uuid } from "../validation.js";
import type { RouteModule } from "../app-types.js";

const orgCodeParam = z.object({ orgCode: requiredText("Mã xã, phường", 100) });
const flag = (label: string) => z.boolean({ error: `${label} phải là đúng hoặc sai.` });
const settingsBody = z.object({
  publishPlan: flag("Công khai kế hoạch"),
  publishTargets: flag("Công khai chỉ tiêu"),
  publishIndicators: flag("Công khai chỉ số một cửa"),
  intro: optionalText("Lời giới thiệu", 2000),
});

/** The page as citizens get it: targets reduced to their text, latest figure and light (no notes, no units). */
function presentPublicPage(page: PublicPage, today: string) {
  return {
    ...page,
    targets: page.targets?.map((t) => {
      const p = presentTarget(t, today);
      return { text: p.text, op: p.op, value: p.value, unit: p.unit, latest: p.latest, light: p.light };
    }) ?? null,
  };
}

export const publicCommuneRoutes: RouteModule = (app, ctx) => {
  const { db } = ctx.database;

  // ── Public: no session (PUBLIC_API in server.ts) ──────────────────────────
  app.get("/api/public/communes/:orgCode/page", {
    schema: { tags: ["Công khai"], summary: "Trang công khai của xã, phường: kế hoạch, tiến độ theo lĩnh vực, chỉ tiêu, kết quả (một tài liệu JSON, lưu đệm 5 phút)", params: orgCodeParam, security: [] },
  }, async (request, reply) => {
    const today = ctx.today();
    const org = await findPublicCommune(db, request.params.orgCode);
    const body = JSON.stringify(presentPublicPage(await loadPublicPage(db, org, today), today));
    const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
    reply.header("Cache-Control", "public, max-age=300");
    reply.header("ETag", etag);
    const asked = request.headers["if-none-match"];
    if (asked && asked.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag)) return reply.code(304).send();
    reply.type("application/json; charset=utf-8");
    return reply.send(body);
  });

  app.get("/api/public/communes/:orgCode/evidence/:fileId", {
    schema: { tags: ["Công khai"], summary: "Tải tài liệu kiểm chứng mà xã, phường đã đánh dấu công khai", params: orgCodeParam.extend({ fileId: uuid("Mã tệp") }), security: [] },
  }, async (request, reply) => {
    const org = await findPublicCommune(db, request.params.orgCode);
    const file = await publicEvidence(db, org, request.params.fileId, ctx.today());
    reply.header("Content-Type", file.mimeType);
    reply.header("Content-Disposition", `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`);
    reply.header("X-Content-Type-Options", "nosniff");
    reply.header("Cache-Control", "public, max-age=300");
    return reply.send(file.content);
  });

  // ── Staff: what the commune publishes ─────────────────────────────────────
  app.get("/api/orgs/:orgId/public-page-settings", {
    schema: { tags: ["Công khai"], summary: "Nội dung xã, phường chọn công khai trên trang công khai", params: idParam("orgId", "Mã đơn vị") },
  }, async (request) => {
    const viewer = requireViewer(request);
    const org = await readableOrg(db, viewer, request.params.orgId);
    if (!canReadPublicPageSettings(viewer, org)) throw notFound("trang công khai: trang này chỉ có cho xã, phường");
    return { ...(await getPublicPageSettings(db, org.id)), pageUrl: `/cong-khai/${encodeURIComponent(org.code)}`, canEdit: canEditPublicPageSettings(viewer, org) };
  });

  app.put("/api/orgs/:orgId/public-page-settings", {
    schema: { tags: ["Công khai"], summary: "Chọn nội dung công khai (Chủ tịch, công chức đầu mối CCHC)", params: idParam("orgId", "Mã đơn vị"), body: settingsBody },
  }, async (request) => {
    const viewer = requireViewer(request);
    const org = await readableOrg(db, viewer, request.params.orgId);
    if (!canReadPublicPageSettings(viewer, org)) throw notFound("trang công khai: trang này chỉ có cho xã, phường");
    if (!canEditPublicPageSettings(viewer, org)) throw forbidden("Chỉ Chủ tịch UBND và công chức đầu mối CCHC của xã, phường chọn nội dung công khai.");
    const saved = await savePublicPageSettings(db, viewer, org, { ...request.body, intro: request.body.intro ?? null });
    return { ...saved, pageUrl: `/cong-khai/${encodeURIComponent(org.code)}`, canEdit: true };
  });
};
