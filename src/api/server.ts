import { existsSync } from "node:fs";
import Fastify, { type FastifyError } from "fastify";
import cookie from "@fastify/cookie";
import multipart from "@fastify/multipart";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import fastifyStatic from "@fastify/static";
import { hasZodFastifySchemaValidationErrors, jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import { AppError } from "../domain/errors.js";
import { MAX_EVIDENCE_BYTES, MAX_EVIDENCE_FILES } from "../domain/evidence.js";
import { SESSION_COOKIE, viewerFromToken } from "./auth.js";
import type { AppContext } from "./context.js";
import type { App } from "./app-types.js";
import { authRoutes } from "./routes/auth.js";
import { orgRoutes } from "./routes/orgs.js";
import { adminRoutes } from "./routes/admin.js";
import { planRoutes } from "./routes/plans.js";
import { taskRoutes } from "./routes/tasks.js";
import { updateRoutes } from "./routes/updates.js";
import { extensionRoutes } from "./routes/extensions.js";
import { targetRoutes } from "./routes/targets.js";
import { dashboardRoutes } from "./routes/dashboard.js";
import { provinceDashboardRoutes } from "./routes/province-dashboard.js";
import { notificationRoutes } from "./routes/notifications.js";
import { importRoutes } from "./routes/imports.js";
import { ratingRoutes } from "./routes/ratings.js";
import { recordRoutes } from "./routes/records.js";
import { indicatorRoutes } from "./routes/indicators.js";
import { criteriaSetRoutes } from "./routes/criteria-sets.js";
import { documentRoutes } from "./routes/documents.js";
import { parAssessmentRoutes } from "./routes/par-assessments.js";
import { reportRoutes } from "./routes/reports.js";
import { publicCommuneRoutes } from "./routes/public-commune.js";
import { orgTreeRoutes } from "./routes/org-tree.js";
import { cascadeRoutes } from "./routes/cascade.js";
import { inspectionRoutes } from "./routes/inspections.js";
import { initiativeRoutes } from "./routes/initiatives.js";
import { emulationRoutes } from "./routes/emulation.js";

const ROUTES = [authRoutes, orgRoutes, adminRoutes, planRoutes, taskRoutes, updateRoutes, extensionRoutes, targetRoutes, dashboardRoutes, provinceDashboardRoutes, notificationRoutes, importRoutes, ratingRoutes, recordRoutes, indicatorRoutes, criteriaSetRoutes, parAssessmentRoutes, reportRoutes, documentRoutes, publicCommuneRoutes, cascadeRoutes, orgTreeRoutes, inspectionRoutes, initiativeRoutes, emulationRoutes];
/** Routes that answer without a session, by the pattern the router matched (so no other path can pass for one). */
const PUBLIC_API = new Set(["/api/auth/login", "/api/auth/logout", "/api/health", "/api/public/communes/:orgCode", "/api/public/communes/:orgCode/ratings", "/api/public/provinces/:orgCode/par-results", "/api/public/communes/:orgCode/page", "/api/public/communes/:orgCode/evidence/:fileId"]);
/**
 * Writes accepted whatever their Origin. The Origin check stops another site
 * from writing with a signed-in user's cookie; the public rating uses no
 * session at all (it never reads request.viewer), so a forged request borrows
 * nothing a direct one could not do, and the flood limits count it the same.
 * Letting it through keeps the page working where the browser's Origin is not
 * the Host the server sees: the PUBLIC_URL of the QR code behind a proxy that
 * rewrites Host, or a browser that sends "Origin: null".
 */
const ANY_ORIGIN_WRITES = new Set(["POST /api/public/communes/:orgCode/ratings"]);

/** The host part of an Origin header; null when it is not a URL (such as "null"). */
function originHost(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

/** Translates any error into the one JSON shape with a Vietnamese message. */
function toAppError(err: FastifyError): AppError {
  if (err instanceof AppError) return err;
  if (hasZodFastifySchemaValidationErrors(err)) {
    const first = err.validation[0];
    const field = first.instancePath.replace(/^\//, "").replaceAll("/", ".") || undefined;
    return new AppError("validation", first.message || "Dữ liệu gửi lên không hợp lệ.", field);
  }
  switch (err.code) {
    case "FST_REQ_FILE_TOO_LARGE":
      return new AppError("too_large", `Tệp đính kèm vượt quá dung lượng cho phép (tối đa ${MAX_EVIDENCE_BYTES / 1024 / 1024} MB).`, "files");
    case "FST_FILES_LIMIT":
      return new AppError("validation", `Mỗi lần cập nhật đính kèm tối đa ${MAX_EVIDENCE_FILES} tệp.`, "files");
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return new AppError("too_large", "Dữ liệu gửi lên quá lớn.");
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return new AppError("validation", "Định dạng dữ liệu gửi lên không được hỗ trợ.");
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
    case "FST_ERR_CTP_INVALID_JSON_BODY":
      return new AppError("validation", "Dữ liệu gửi lên không phải JSON hợp lệ.");
  }
  if (err instanceof SyntaxError) return new AppError("validation", "Dữ liệu gửi lên không phải JSON hợp lệ.");
  if (err.statusCode === 413) return new AppError("too_large", "Dữ liệu gửi lên quá lớn.");
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) return new AppError("validation", "Yêu cầu không hợp lệ.");
  return new AppError("internal", "Đã có lỗi hệ thống. Vui lòng thử lại sau; nếu lỗi lặp lại, hãy báo cho quản trị hệ thống.");
}

export async function buildServer(ctx: AppContext): Promise<App> {
  const app = Fastify({ logger: ctx.logger ?? false, trustProxy: ctx.trustProxy ?? false, bodyLimit: 2 * 1024 * 1024 }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorateRequest("viewer", null);

  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: MAX_EVIDENCE_BYTES, files: MAX_EVIDENCE_FILES, fields: 20, fieldSize: 100_000 } });
  await app.register(swagger, {
    openapi: {
      info: { title: "cchc — API theo dõi cải cách hành chính", version: "0.1.0", description: "Lỗi trả về dạng { error: { code, message, field } } với thông điệp tiếng Việt." },
      components: { securitySchemes: { session: { type: "apiKey", in: "cookie", name: SESSION_COOKIE } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs" });

  app.setErrorHandler((err: FastifyError, request, reply) => {
    const appErr = toAppError(err);
    if (appErr.code === "internal") request.log.error(err);
    reply.code(appErr.status).send(appErr.toJSON());
  });

  app.addHook("onRequest", async (request) => {
    if (!request.url.startsWith("/api/") || request.url.startsWith("/api/docs")) return;
    // Cross-site writes are refused even if a browser would send the cookie.
    const route = request.routeOptions.url;
    if (request.method !== "GET" && request.method !== "HEAD" && !ANY_ORIGIN_WRITES.has(`${request.method} ${route}`)) {
      const origin = request.headers.origin;
      if (origin && originHost(origin) !== request.headers.host) throw new AppError("forbidden", "Yêu cầu từ trang web khác bị từ chối.");
    }
    const path = request.url.split("?")[0];
    request.viewer = await viewerFromToken(ctx.database.db, request.cookies[SESSION_COOKIE]);
    if (!request.viewer && !PUBLIC_API.has(route ?? path)) throw new AppError("unauthenticated", "Bạn cần đăng nhập để tiếp tục.");
  });

  app.addHook("onSend", async (request, reply, payload) => {
    if (request.url.startsWith("/api/") && !reply.hasHeader("Cache-Control")) reply.header("Cache-Control", "no-store");
    reply.header("X-Frame-Options", "DENY");
    reply.header("Referrer-Policy", "same-origin");
    return payload;
  });

  for (const register of ROUTES) register(app, ctx);

  if (ctx.webRoot && existsSync(ctx.webRoot)) {
    await app.register(fastifyStatic, {
      root: ctx.webRoot,
      wildcard: false,
      // Built assets carry their hash in the name; index.html must be asked for anew.
      setHeaders: (reply, path) => reply.header("Cache-Control", path.endsWith(".html") ? "no-cache" : path.includes("/assets/") ? "public, max-age=31536000, immutable" : "public, max-age=3600"),
    });
    // The browser app routes on the client: any non-API path gets index.html.
    app.setNotFoundHandler((request, reply) => {
      if (request.url.startsWith("/api/") || request.method !== "GET") {
        reply.code(404).send(new AppError("not_found", "Không tìm thấy địa chỉ yêu cầu.").toJSON());
        return;
      }
      reply.header("Cache-Control", "no-cache").sendFile("index.html");
    });
  } else {
    app.setNotFoundHandler((_request, reply) => {
      reply.code(404).send(new AppError("not_found", "Không tìm thấy địa chỉ yêu cầu.").toJSON());
    });
  }
  return app;
}
