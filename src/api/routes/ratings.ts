import QRCode from "qrcode";
import { z } from "zod";
import type { FastifyRequest } from "fastify";
import { parseIso, ymd } from "../../domain/dates.js";
import { AppError, invalid, notFound } from "../../domain/errors.js";
import { RATINGS, communeNotFound, findRatingOrg, hasRatingPage, ratingStats, submitPublicRating } from "../../db/ratings.js";
import { requireViewer } from "../auth.js";
import { readableOrg } from "../guards.js";
import { RatingFloodGuard } from "../rating-limiter.js";
import { enumOf, idParam, isoDate, requiredText } from "../validation.js";
import type { AppContext } from "../context.js";
import type { RouteModule } from "../app-types.js";

/** A rating is two short fields; anything bigger is not a rating. */
const RATING_BODY_LIMIT = 1024;

const orgCodeParam = z.object({ orgCode: requiredText("Mã xã, phường", 100) });

const ratingBody = z.object({
  dossierCode: requiredText("Mã hồ sơ", 60)
    .regex(/^[A-Za-z0-9._/-]+$/, { error: "Mã hồ sơ chỉ gồm chữ cái không dấu, chữ số và các dấu . - _ /; vui lòng nhập đúng mã trên giấy tiếp nhận (phiếu hẹn trả)." }),
  rating: enumOf("Mức độ hài lòng", RATINGS),
});

const summaryQuery = z.object({ from: isoDate("Từ ngày").optional(), to: isoDate("Đến ngày").optional() });

/** Where citizens reach the server: PUBLIC_URL, else the address this request came to. */
export function publicOrigin(ctx: AppContext, request: FastifyRequest): string {
  return ctx.publicUrl ?? `${request.protocol}://${request.host}`;
}

export const ratingPageUrl = (origin: string, orgCode: string) => `${origin}/danh-gia/${encodeURIComponent(orgCode)}`;

const xmlText = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export const ratingRoutes: RouteModule = (app, ctx) => {
  const { db } = ctx.database;
  const guard = new RatingFloodGuard(ctx.ratingLimits);

  // ── Public: no session (PUBLIC_API in server.ts) ──────────────────────────
  app.get("/api/public/communes/:orgCode", {
    schema: { tags: ["Đánh giá hài lòng"], summary: "Tên xã, phường cho trang đánh giá công khai", params: orgCodeParam, security: [] },
  }, async (request) => {
    const org = await findRatingOrg(db, request.params.orgCode);
    if (!org) throw communeNotFound(request.params.orgCode);
    return { name: org.name, code: org.code };
  });

  app.post("/api/public/communes/:orgCode/ratings", {
    bodyLimit: RATING_BODY_LIMIT,
    schema: { tags: ["Đánh giá hài lòng"], summary: "Người dân đánh giá một hồ sơ (một lần cho mỗi mã hồ sơ)", params: orgCodeParam, body: ratingBody, security: [] },
    // Counted before the body is read or checked, so malformed floods are limited as well.
    onRequest: async (request, reply) => {
      const orgCode = communeKey(request);
      const refusal = guard.check(request.ip, orgCode);
      if (refusal) {
        reply.header("Retry-After", String(refusal.retryAfterSeconds));
        const minutes = Math.ceil(refusal.retryAfterSeconds / 60);
        throw new AppError("rate_limited", refusal.reason === "address"
          ? `Ông/bà đã gửi quá nhiều lượt đánh giá. Vui lòng thử lại sau ${minutes} phút.`
          : `Trang đánh giá đang nhận quá nhiều lượt gửi. Vui lòng thử lại sau ${minutes} phút.`);
      }
      guard.attempt(request.ip, orgCode);
    },
  }, async (request, reply) => {
    // The viewer is never looked at: a signed-in officer's tablet rates like anyone else.
    const { dossierCode, rating } = request.body;
    try {
      const result = await submitPublicRating(db, request.params.orgCode, dossierCode, rating, ctx.today());
      reply.code(201);
      return { ok: true, message: `Cảm ơn ông/bà đã đánh giá. Ý kiến của ông/bà giúp ${result.orgName} phục vụ người dân tốt hơn.` };
    } catch (err) {
      if (err instanceof AppError && err.code === "not_found") guard.failedLookup(request.ip, communeKey(request));
      throw err;
    }
  });

  // ── Staff ─────────────────────────────────────────────────────────────────
  app.get("/api/orgs/:orgId/rating-qr.svg", {
    schema: { tags: ["Đánh giá hài lòng"], summary: "Mã QR (SVG) dẫn tới trang đánh giá của xã, phường", params: idParam("orgId", "Mã đơn vị") },
  }, async (request, reply) => {
    const viewer = requireViewer(request);
    const org = await readableOrg(db, viewer, request.params.orgId);
    if (!hasRatingPage(org)) throw notFound("trang đánh giá hài lòng: trang này chỉ có cho xã, phường");
    const url = ratingPageUrl(publicOrigin(ctx, request), org.code);
    const svg = await QRCode.toString(url, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
    reply.header("Content-Type", "image/svg+xml; charset=utf-8");
    reply.header("Content-Disposition", `inline; filename="ma-qr-danh-gia-${org.code}.svg"`);
    reply.header("X-Content-Type-Options", "nosniff");
    // The address in words, for screen readers and for anyone checking the file.
    return svg.replace(/^<svg([^>]*)>/, `<svg$1><title>${xmlText(`Đánh giá hài lòng – ${org.name}: ${url}`)}</title>`);
  });

  app.get("/api/orgs/:orgId/ratings/summary", {
    schema: { tags: ["Đánh giá hài lòng"], summary: "Số lượt đánh giá theo mức độ và nguồn (mặc định: tháng này)", params: idParam("orgId", "Mã đơn vị"), querystring: summaryQuery },
  }, async (request) => {
    const viewer = requireViewer(request);
    const org = await readableOrg(db, viewer, request.params.orgId);
    const today = ctx.today();
    const { year, month } = parseIso(today);
    const from = request.query.from ?? ymd(year, month, 1);
    const to = request.query.to ?? today;
    if (from > to) throw invalid("Từ ngày phải trước hoặc trùng Đến ngày.", "from");
    const stats = await ratingStats(db, org.id, { from, to });
    return { org: { id: org.id, name: org.name, code: org.code }, pageUrl: hasRatingPage(org) ? ratingPageUrl(publicOrigin(ctx, request), org.code) : null, ...stats };
  });
};

/** The commune a request is counted against (before its parameters are checked). */
function communeKey(request: FastifyRequest): string {
  const code = (request.params as { orgCode?: unknown }).orgCode;
  return typeof code === "string" ? code.trim().slice(0, 100) : "";
}
