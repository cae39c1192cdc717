import { hash, verify } from "@node-rs/argon2";
import { and, asc, eq, inArray } from "drizzle-orm";
import { conflict, invalid } from "../domain/errors.js";
import { recordAudit } from "./audit.js";
import { units, userUnits, users, sessions, type Role } from "./schema.js";
import { foreignUnitIds } from "./units.js";
import type { Actor } from "./plans.js";
import type { UnitRef } from "./tasks.js";
import type { Db, Tx } from "./connection.js";

export type UserRow = typeof users.$inferSelect;
export interface UserView extends Omit<UserRow, "passwordHash"> { units: UnitRef[] }

export const hashPassword = (password: string) => hash(password);
export const verifyPassword = (passwordHash: string, password: string) => verify(passwordHash, password).catch(() => false);

export function checkPasswordStrength(password: string, field = "password"): void {
  if (password.length < 8) throw invalid("Mật khẩu phải có ít nhất 8 ký tự.", field);
  if (!/\d/.test(password) || !/[^\d]/.test(password)) throw invalid("Mật khẩu phải có cả chữ và số.", field);
}

export async function loadUsers(tx: Tx, where: ReturnType<typeof eq>): Promise<UserView[]> {
  const rows = await tx.select().from(users).where(where).orderBy(asc(users.fullName));
  if (!rows.length) return [];
  const memberships = await tx.select({ userId: userUnits.userId, id: units.id, name: units.name })
    .from(userUnits).innerJoin(units, eq(units.id, userUnits.unitId)).where(inArray(userUnits.userId, rows.map((r) => r.id)));
  return rows.map(({ passwordHash: _p, ...u }) => ({ ...u, units: memberships.filter((m) => m.userId === u.id).map(({ id, name }) => ({ id, name })) }));
}

export async function getUserView(tx: Tx, id: string): Promise<UserView | null> {
  const [u] = await loadUsers(tx, eq(users.id, id));
  return u ?? null;
}

export interface UserInput { username: string; fullName: string; role: Role; password: string; unitIds: string[] }

async function setUnits(tx: Tx, orgId: string, userId: string, unitIds: string[]) {
  if ((await foreignUnitIds(tx, orgId, unitIds)).length) throw invalid("Bộ phận được chọn không thuộc đơn vị này hoặc đã ngừng hoạt động.", "unitIds");
  await tx.delete(userUnits).where(eq(userUnits.userId, userId));
  if (unitIds.length) await tx.insert(userUnits).values([...new Set(unitIds)].map((unitId) => ({ orgId, userId, unitId })));
}

export async function createUser(db: Db, actor: Actor | null, orgId: string, input: UserInput): Promise<string> {
  checkPasswordStrength(input.password);
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const username = input.username.toLowerCase();
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.username, username));
    if (taken) throw conflict(`Tên đăng nhập "${username}" đã được sử dụng.`, "username");
    const [user] = await tx.insert(users).values({ orgId, username, fullName: input.fullName, role: input.role, passwordHash }).returning();
    await setUnits(tx, orgId, user.id, input.unitIds);
    await recordAudit(tx, { orgId, userId: actor?.id ?? null, action: "create", entity: "user", entityId: user.id,
      summary: `Tạo tài khoản ${username} (${input.fullName})`, changes: { role: input.role, unitIds: input.unitIds } });
    return user.id;
  });
}

export async function updateUser(db: Db, actor: Actor, user: UserView, input: Partial<Omit<UserInput, "username">> & { active?: boolean }): Promise<void> {
  if (input.password !== undefined) checkPasswordStrength(input.password);
  const passwordHash = input.password !== undefined ? await hashPassword(input.password) : undefined;
  await db.transaction(async (tx) => {
    const set = {
      ...(input.fullName !== undefined ? { fullName: input.fullName } : {}),
      ...(input.role !== undefined ? { role: input.role } : {}),
      ...(input.active !== undefined ? { active: input.active } : {}),
      ...(passwordHash ? { passwordHash } : {}),
    };
    if (Object.keys(set).length) await tx.update(users).set(set).where(eq(users.id, user.id));
    if (input.unitIds) await setUnits(tx, user.orgId, user.id, input.unitIds);
    // A deactivated account or a changed password ends every open session.
    if (input.active === false || passwordHash) await tx.delete(sessions).where(eq(sessions.userId, user.id));
    const changes: Record<string, unknown> = {};
    for (const k of ["fullName", "role", "active", "unitIds"] as const) if (input[k] !== undefined) changes[k] = input[k];
    if (passwordHash) changes.password = "(đặt lại)";
    await recordAudit(tx, { orgId: user.orgId, userId: actor.id, action: "update", entity: "user", entityId: user.id, summary: `Sửa tài khoản ${user.username}`, changes });
  });
}

export async function findActiveUserByUsername(tx: Tx, username: string): Promise<UserRow | null> {
  const [u] = await tx.select().from(users).where(and(eq(users.username, username.toLowerCase()), eq(users.active, true)));
  return u ?? null;
}
