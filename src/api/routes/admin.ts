import { z } from "zod";
import { and, eq } from "drizzle-orm";
import { conflict, forbidden, invalid } from "../../domain/errors.js";
import { recordAudit, diff } from "../../db/audit.js";
import { units, users } from "../../db/schema.js";
import { listUnits } from "../../db/units.js";
import { createUser, getUserView, loadUsers, updateUser } from "../../db/users.js";
import { requireViewer } from "../auth.js";
import { orgAllowed, readableOrg, unitFor, userFor } from "../guards.js";
import { canListUsers, canManageAccount, canManageOrg, rolesFor } from "../policies/admin.js";
import { presentUnit, presentUser } from "../presenters/user.js";
import { enumOf, idParam, integerIn, requiredText, uuid } from "../validation.js";
import type { RouteModule } from "../app-types.js";

const UNIT_KINDS = ["unit", "officer-title", "organisation", "leadership", "generic"] as const;
const ROLE_VALUES = ["province_admin", "province_viewer", "chairman", "focal_point", "unit_officer"] as const;
const abbreviations = z.array(requiredText("Tên viết tắt", 100), { error: "Tên viết tắt phải là danh sách." }).max(20);
const unitIds = z.array(uuid("Bộ phận"), { error: "Danh sách bộ phận không hợp lệ." }).max(50);
const username = requiredText("Tên đăng nhập", 60).regex(/^[a-zA-Z0-9._-]+$/, { error: "Tên đăng nhập chỉ gồm chữ không dấu, số và các ký tự . _ -" });
const password = z.string({ error: "Mật khẩu là bắt buộc." }).max(200);
const ACCOUNT_DENIED = "Tài khoản Chủ tịch và công chức đầu mối CCHC do quản trị cấp tỉnh cấp và quản lý; công chức đầu mối chỉ quản lý tài khoản công chức bộ phận.";

export const adminRoutes: RouteModule = (app, ctx) => {
  const { db } = ctx.database;

  app.get("/api/orgs/:orgId/units", {
    schema: { tags: ["Bộ phận"], summary: "Bộ phận của đơn vị", params: idParam("orgId", "Mã đơn vị"), querystring: z.object({ all: z.enum(["0", "1"]).optional() }) },
  }, async (request) => {
    const viewer = requireViewer(request);
    const org = await readableOrg(db, viewer, request.params.orgId);
    return (await listUnits(db, org.id, request.query.all === "1")).map(presentUnit);
  });

  app.post("/api/orgs/:orgId/units", {
    schema: { tags: ["Bộ phận"], summary: "Thêm bộ phận", params: idParam("orgId", "Mã đơn vị"),
      body: z.object({ name: requiredText("Tên bộ phận", 200), code: z.string().trim().max(60).regex(/^[a-z0-9-]*$/, { error: "Mã bộ phận chỉ gồm chữ thường không dấu, số và dấu gạch ngang." }).optional(), abbreviations: abbreviations.optional(), kind: enumOf("Loại bộ phận", UNIT_KINDS).optional() }) },
  }, async (request, reply) => {
    const viewer = requireViewer(request);
    const org = await readableOrg(db, viewer, request.params.orgId);
    orgAllowed(viewer, org, canManageOrg);
    const body = request.body;
    const unit = await db.transaction(async (tx) => {
      const existing = await listUnits(tx, org.id, true);
      if (existing.some((u) => u.name.toLowerCase() === body.name.toLowerCase())) throw conflict(`Bộ phận "${body.name}" đã có.`, "name");
      if (body.code && existing.some((u) => u.code === body.code)) throw conflict(`Mã bộ phận "${body.code}" đã được dùng.`, "code");
      const [row] = await tx.insert(units).values({ orgId: org.id, name: body.name, code: body.code || null, abbreviations: body.abbreviations ?? [], kind: body.kind ?? "unit", sortOrder: (existing.length + 1) * 10 }).returning();
      await recordAudit(tx, { orgId: org.id, userId: viewer.id, action: "create", entity: "unit", entityId: row.id, summary: `Thêm bộ phận "${row.name}"`, changes: { after: body } });
      return row;
    });
    reply.code(201);
    return presentUnit(unit);
  });

  app.patch("/api/units/:unitId", {
    schema: { tags: ["Bộ phận"], summary: "Sửa bộ phận", params: idParam("unitId", "Mã bộ phận"),
      body: z.object({ name: requiredText("Tên bộ phận", 200).optional(), abbreviations: abbreviations.optional(), active: z.boolean({ error: "Trạng thái hoạt động phải là đúng/sai." }).optional(), sortOrder: integerIn("Thứ tự", 0, 100000).optional() }) },
  }, async (request) => {
    const viewer = requireViewer(request);
    const { unit, org } = await unitFor(db, viewer, request.params.unitId);
    orgAllowed(viewer, org, canManageOrg);
    const updated = await db.transaction(async (tx) => {
      if (request.body.name) {
        const [dup] = await tx.select({ id: units.id }).from(units).where(and(eq(units.orgId, org.id), eq(units.name, request.body.name)));
        if (dup && dup.id !== unit.id) throw conflict(`Bộ phận "${request.body.name}" đã có.`, "name");
      }
      const [row] = await tx.update(units).set(request.body).where(eq(units.id, unit.id)).returning();
      await recordAudit(tx, { orgId: org.id, userId: viewer.id, action: "update", entity: "unit", entityId: unit.id, summary: `Sửa bộ phận "${row.name}"`, changes: diff(unit, request.body) });
      return row;
    });
    return presentUnit(updated);
  });

  app.get("/api/orgs/:orgId/users", { schema: { tags: ["Tài khoản"], summary: "Tài khoản của đơn vị", params: idParam("orgId", "Mã đơn vị") } }, async (request) => {
    const viewer = requireViewer(request);
    const org = await readableOrg(db, viewer, request.params.orgId);
    orgAllowed(viewer, org, canListUsers);
    return (await loadUsers(db, eq(users.orgId, org.id))).map(presentUser);
  });

  app.post("/api/orgs/:orgId/users", {
    schema: { tags: ["Tài khoản"], summary: "Tạo tài khoản", params: idParam("orgId", "Mã đơn vị"),
      body: z.object({ username, fullName: requiredText("Họ và tên", 200), role: enumOf("Vai trò", ROLE_VALUES), password, unitIds: unitIds.default([]) }) },
  }, async (request, reply) => {
    const viewer = requireViewer(request);
    const org = await readableOrg(db, viewer, request.params.orgId);
    orgAllowed(viewer, org, canManageOrg);
    if (!rolesFor(org).includes(request.body.role)) throw invalid("Vai trò này không dùng cho loại đơn vị này.", "role");
    if (!canManageAccount(viewer, org, request.body.role)) throw forbidden(ACCOUNT_DENIED);
    if (request.body.role === "unit_officer" && !request.body.unitIds.length) throw invalid("Công chức bộ phận phải thuộc ít nhất một bộ phận.", "unitIds");
    const id = await createUser(db, viewer, org.id, request.body);
    reply.code(201);
    return presentUser((await getUserView(db, id))!);
  });

  app.patch("/api/users/:userId", {
    schema: { tags: ["Tài khoản"], summary: "Sửa tài khoản", params: idParam("userId", "Mã tài khoản"),
      body: z.object({ fullName: requiredText("Họ và tên", 200).optional(), role: enumOf("Vai trò", ROLE_VALUES).optional(), unitIds: unitIds.optional(), active: z.boolean({ error: "Trạng thái hoạt động phải là đúng/sai." }).optional(), password: password.optional() }) },
  }, async (request) => {
    const viewer = requireViewer(request);
    const { user, org } = await userFor(db, viewer, request.params.userId);
    orgAllowed(viewer, org, canManageOrg);
    if (request.body.role && !rolesFor(org).includes(request.body.role)) throw invalid("Vai trò này không dùng cho loại đơn vị này.", "role");
    if (user.id !== viewer.id && (!canManageAccount(viewer, org, user.role) || (request.body.role && !canManageAccount(viewer, org, request.body.role)))) throw forbidden(ACCOUNT_DENIED);
    if (user.id === viewer.id && (request.body.active === false || (request.body.role && request.body.role !== viewer.role))) throw forbidden("Bạn không thể tự khóa hoặc tự đổi vai trò của chính mình.");
    await updateUser(db, viewer, user, request.body);
    return presentUser((await getUserView(db, user.id))!);
  });
};
