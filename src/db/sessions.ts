import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, lt } from "drizzle-orm";
import { sessions, users } from "./schema.js";
import type { Tx } from "./connection.js";

export const SESSION_DAYS = 14;
export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export async function createSession(tx: Tx, user: { id: string; orgId: string }): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 86_400_000);
  await tx.insert(sessions).values({ tokenHash: hashToken(token), userId: user.id, orgId: user.orgId, expiresAt });
  await tx.update(users).set({ lastLoginAt: new Date() }).where(eq(users.id, user.id));
  await tx.delete(sessions).where(lt(sessions.expiresAt, new Date()));
  return { token, expiresAt };
}

export async function userOfSession(tx: Tx, token: string) {
  const [row] = await tx.select({ user: users }).from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, hashToken(token)), gt(sessions.expiresAt, new Date()), eq(users.active, true)));
  return row?.user ?? null;
}

export async function deleteSession(tx: Tx, token: string): Promise<void> {
  await tx.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
}
