import { and, eq, inArray, or, sql } from "drizzle-orm";
import { conflict, invalid } from "../domain/errors.js";
import type { AccountRow, AccountSheetCommune, AccountSheetContext } from "../domain/org-tree/account-sheet.js";
import { parentProblem, type OrgNodeInput } from "../domain/org-tree/tree.js";
import { recordAudit } from "./audit.js";
import { getOrg, type OrgRow } from "./orgs.js";
import { organisations, units, userUnits, users } from "./schema.js";
import { seedStandardUnits } from "./units.js";
import { checkPasswordStrength, hashPassword } from "./users.js";
import type { Actor } from "./plans.js";
import type { Db, Tx } from "./connection.js";

/** An organisation with the province it belongs to (itself, its parent, or its parent district's parent). */
export interface PlacedOrg extends OrgRow { provinceId: string | null }

export async function getPlacedOrg(tx: Tx, id: string): Promise<PlacedOrg | null> {
  const org = await getOrg(tx, id);
  if (!org) return null;
  if (org.kind === "province") return { ...org, provinceId: org.id };
  const parent = org.parentId ? await getOrg(tx, org.parentId) : null;
  if (!parent) return { ...org, provinceId: null };
  return { ...org, provinceId: parent.kind === "province" ? parent.id : parent.parentId };
}

/** The province, its communes and legacy districts, and the communes under those, with their account counts. */
export async function loadProvinceOrgs(tx: Tx, provinceId: string): Promise<OrgNodeInput[]> {
  const districts = tx.select({ id: organisations.id }).from(organisations).where(and(eq(organisations.parentId, provinceId), eq(organisations.kind, "district")));
  const rows = await tx.select({ id: organisations.id, parentId: organisations.parentId, kind: organisations.kind, name: organisations.name, code: organisations.code })
    .from(organisations)
    .where(or(eq(organisations.id, provinceId), eq(organisations.parentId, provinceId), inArray(organisations.parentId, districts)));
  const counts = await tx.select({ orgId: users.orgId, n: sql<number>`count(*)::int` }).from(users)
    .where(and(inArray(users.orgId, rows.map((r) => r.id)), eq(users.active, true))).groupBy(users.orgId);
  const byOrg = new Map(counts.map((c) => [c.orgId, Number(c.n)]));
  return rows.map((r) => ({ ...r, accounts: byOrg.get(r.id) ?? 0 }));
}

export interface NewOrgInput { name: string; code: string; kind: "commune" | "district"; parentId: string }

/**
 * Adds a commune (with the standard units of its era: after the July 2025
 * reorganisation under the province, before it under a legacy district) or a
 * legacy district, in one transaction with its audit entry.
 */
export async function addOrganisation(db: Db, actor: Actor, provinceId: string, input: NewOrgInput): Promise<OrgRow> {
  return db.transaction(async (tx) => {
    const parent = await getPlacedOrg(tx, input.parentId);
    const problem = parentProblem(input.kind, parent && parent.provinceId === provinceId ? parent : null, provinceId);
    if (problem) throw invalid(problem, "parentId");
    const [taken] = await tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.code, input.code));
    if (taken) throw conflict(`Mã đơn vị “${input.code}” đã được dùng (mã là duy nhất trên toàn hệ thống).`, "code");
    const [org] = await tx.insert(organisations).values({ kind: input.kind, name: input.name, code: input.code, parentId: input.parentId }).returning();
    if (input.kind === "commune") await seedStandardUnits(tx, org!.id, parent!.kind === "district" ? "before-2025" : "after-2025");
    await recordAudit(tx, { orgId: provinceId, userId: actor.id, action: "create", entity: "organisation", entityId: org!.id,
      summary: `Thêm ${input.kind === "district" ? "huyện cũ" : "xã/phường"} “${input.name}” (${input.code})`, changes: { after: input } });
    return org!;
  });
}

/** Renames an organisation of the province, or marks it a legacy district (one way: history is not undone). */
export async function updateOrganisation(db: Db, actor: Actor, provinceId: string, org: OrgRow, input: { name?: string; legacy?: boolean }): Promise<OrgRow> {
  return db.transaction(async (tx) => {
    const set: Partial<Pick<OrgRow, "name" | "kind">> = {};
    if (input.name !== undefined && input.name !== org.name) set.name = input.name;
    if (input.legacy === true && org.kind !== "district") {
      if (org.parentId !== provinceId) throw invalid("Chỉ đơn vị trực thuộc tỉnh mới đánh dấu được là huyện cũ.", "legacy");
      set.kind = "district";
    }
    if (input.legacy === false && org.kind === "district") throw invalid("Huyện cũ đã kết thúc từ 01/7/2025, không chuyển lại thành xã/phường được.", "legacy");
    if (!Object.keys(set).length) return org;
    const [row] = await tx.update(organisations).set(set).where(eq(organisations.id, org.id)).returning();
    const changes: Record<string, [unknown, unknown]> = {};
    if (set.name) changes.name = [org.name, set.name];
    if (set.kind) changes.kind = [org.kind, set.kind];
    await recordAudit(tx, { orgId: provinceId, userId: actor.id, action: "update", entity: "organisation", entityId: org.id,
      summary: set.kind ? `Đánh dấu “${row!.name}” là huyện cũ (trước 01/7/2025)` : `Đổi tên đơn vị “${org.name}” thành “${row!.name}”`, changes });
    return row!;
  });
}

/** What the sheet check needs from the database: the organisations and user names the sheet names. */
export async function accountSheetContext(tx: Tx, provinceId: string, names: { orgCodes: string[]; usernames: string[] }): Promise<AccountSheetContext> {
  const orgs = new Map<string, AccountSheetCommune>();
  if (names.orgCodes.length) {
    const rows = await tx.select().from(organisations).where(inArray(organisations.code, names.orgCodes));
    const unitRows = rows.length ? await tx.select({ orgId: units.orgId, id: units.id, code: units.code }).from(units)
      .where(and(inArray(units.orgId, rows.map((r) => r.id)), eq(units.active, true))) : [];
    for (const r of rows) {
      const placed = (await getPlacedOrg(tx, r.id))!;
      const placement: AccountSheetCommune["placement"] = placed.provinceId !== provinceId ? "other-province"
        : r.kind === "province" ? "province" : r.kind === "district" ? "district" : "in-province";
      const unitCodes = new Map(unitRows.filter((u) => u.orgId === r.id && u.code).map((u) => [u.code!, u.id]));
      orgs.set(r.code, { id: r.id, code: r.code, name: r.name, placement, unitCodes });
    }
  }
  const taken = names.usernames.length ? await tx.select({ username: users.username }).from(users).where(inArray(users.username, names.usernames)) : [];
  return {
    orgs,
    takenUsernames: new Set(taken.map((t) => t.username)),
    passwordProblem: (password) => {
      try { checkPasswordStrength(password); return null; } catch (err) { return (err as Error).message; }
    },
  };
}

/**
 * Creates every account of a checked sheet in one transaction: an audit entry
 * in each commune and one in the province. A user name taken meanwhile
 * refuses the whole sheet.
 */
export async function createAccounts(db: Db, actor: Actor, province: OrgRow, accounts: AccountRow[], filename: string): Promise<void> {
  const hashes = await Promise.all(accounts.map((a) => hashPassword(a.password)));
  await db.transaction(async (tx) => {
    const taken = await tx.select({ username: users.username }).from(users).where(inArray(users.username, accounts.map((a) => a.username)));
    if (taken.length) throw conflict(`Tên đăng nhập ${taken.map((t) => `“${t.username}”`).join(", ")} vừa được dùng; hãy kiểm tra lại tệp.`, "file");
    const created = await tx.insert(users).values(accounts.map((a, i) => ({ orgId: a.orgId, username: a.username, fullName: a.fullName, role: a.role, passwordHash: hashes[i]! })))
      .returning({ id: users.id, username: users.username });
    const idOf = new Map(created.map((c) => [c.username, c.id]));
    const memberships = accounts.flatMap((a) => a.unitIds.map((unitId) => ({ orgId: a.orgId, userId: idOf.get(a.username)!, unitId })));
    if (memberships.length) await tx.insert(userUnits).values(memberships);
    const communes = [...new Set(accounts.map((a) => a.orgId))];
    for (const orgId of communes) {
      const mine = accounts.filter((a) => a.orgId === orgId);
      await recordAudit(tx, { orgId, userId: actor.id, action: "create", entity: "user", entityId: null,
        summary: `Tạo ${mine.length} tài khoản từ tệp ${filename}`, changes: { accounts: mine.map((a) => ({ username: a.username, role: a.role, unitIds: a.unitIds })) } });
    }
    await recordAudit(tx, { orgId: province.id, userId: actor.id, action: "create", entity: "user", entityId: null,
      summary: `Tạo ${accounts.length} tài khoản cho ${communes.length} xã/phường từ tệp ${filename}`, changes: { communes: communes.length, accounts: accounts.length } });
  });
}
