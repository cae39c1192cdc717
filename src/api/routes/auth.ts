import { z } from "zod";
import { AppError, invalid } from "../../domain/errors.js";
import { createSession, deleteSession, hashToken } from "../../db/sessions.js";
import { findActiveUserByUsername, hashPassword, verifyPassword, checkPasswordStrength } from "../../db/users.js";
import { sessions, users } from "../../db/schema.js";
import { recordAudit } from "../../db/audit.js";
import { and, eq, ne } from "drizzle-orm";
import { SESSION_COOKIE, requireViewer, setSessionCookie, viewerFromToken } from "../auth.js";
import { LoginThrottle } from "../login-throttle.js";
import { presentMe } from "../presenters/me.js";
import { requiredText } from "../validation.js";
import type { RouteModule } from "../app-types.js";

// A hash to verify against when the user does not exist, so timing does not tell.
const DUMMY_HASH = hashPassword("khong-co-tai-khoan-1");

export const authRoutes: RouteModule = (app, ctx) => {
  const throttle = new LoginThrottle();
  const { db } = ctx.database;

  app.post("/api/auth/login", {
    schema: { tags: ["Đăng nhập"], summary: "Đăng nhập", body: z.object({ username: requiredText("Tên đăng nhập", 100), password: z.string({ error: "Mật khẩu là bắt buộc." }).min(1, { error: "Mật khẩu là bắt buộc." }).max(200) }) },
  }, async (request, reply) => {
    const username = request.body.username.toLowerCase();
    const wait = throttle.blockedFor(username, request.ip);
    if (wait) throw new AppError("rate_limited", `Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ${wait} phút.`);
    const user = await findActiveUserByUsername(db, username);
    const ok = user ? await verifyPassword(user.passwordHash, request.body.password) : (await verifyPassword(await DUMMY_HASH, request.body.password), false);
    if (!user || !ok) {
      throttle.fail(username, request.ip);
      throw new AppError("unauthenticated", "Tên đăng nhập hoặc mật khẩu không đúng.", "password");
    }
    throttle.succeed(username);
    const { token, expiresAt } = await createSession(db, user);
    setSessionCookie(reply, token, expiresAt, ctx.secureCookies);
    await recordAudit(db, { orgId: user.orgId, userId: user.id, action: "login", entity: "user", entityId: user.id, summary: `Đăng nhập: ${user.username}` });
    return presentMe((await viewerFromToken(db, token))!, ctx.today());
  });

  app.post("/api/auth/logout", { schema: { tags: ["Đăng nhập"], summary: "Đăng xuất" } }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await deleteSession(db, token);
    reply.clearCookie(SESSION_COOKIE, { path: "/" });
    return { ok: true };
  });

  app.get("/api/auth/me", { schema: { tags: ["Đăng nhập"], summary: "Người dùng hiện tại" } }, async (request) => presentMe(requireViewer(request), ctx.today()));

  app.post("/api/auth/password", {
    schema: { tags: ["Đăng nhập"], summary: "Đổi mật khẩu", body: z.object({ currentPassword: z.string({ error: "Mật khẩu hiện tại là bắt buộc." }), newPassword: z.string({ error: "Mật khẩu mới là bắt buộc." }).max(200) }) },
  }, async (request) => {
    const viewer = requireViewer(request);
    const user = await findActiveUserByUsername(db, viewer.username);
    if (!user || !(await verifyPassword(user.passwordHash, request.body.currentPassword))) throw invalid("Mật khẩu hiện tại không đúng.", "currentPassword");
    checkPasswordStrength(request.body.newPassword, "newPassword");
    const passwordHash = await hashPassword(request.body.newPassword);
    await db.transaction(async (tx) => {
      await tx.update(users).set({ passwordHash }).where(eq(users.id, user.id));
      // Every other session of the account ends; this one goes on.
      const current = request.cookies[SESSION_COOKIE];
      await tx.delete(sessions).where(current ? and(eq(sessions.userId, user.id), ne(sessions.tokenHash, hashToken(current))) : eq(sessions.userId, user.id));
      await recordAudit(tx, { orgId: user.orgId, userId: user.id, action: "change_password", entity: "user", entityId: user.id, summary: `Đổi mật khẩu: ${user.username}` });
    });
    return { ok: true };
  });
};
