import type { FastifyReply, FastifyRequest } from "fastify";
import { eq } from "drizzle-orm";
import { unauthenticated } from "../domain/errors.js";
import { units, userUnits } from "../db/schema.js";
import { getOrg } from "../db/orgs.js";
import { userOfSession } from "../db/sessions.js";
import type { Tx } from "../db/connection.js";
import type { Viewer } from "./policies/viewer.js";

export const SESSION_COOKIE = "cchc_session";

declare module "fastify" {
  interface FastifyRequest { viewer: Viewer | null }
}

export async function viewerFromToken(tx: Tx, token: string | undefined): Promise<Viewer | null> {
  if (!token) return null;
  const user = await userOfSession(tx, token);
  if (!user) return null;
  const org = await getOrg(tx, user.orgId);
  if (!org) return null;
  const memberships = await tx.select({ id: units.id, name: units.name }).from(userUnits).innerJoin(units, eq(units.id, userUnits.unitId)).where(eq(userUnits.userId, user.id));
  return {
    id: user.id, orgId: user.orgId, role: user.role, username: user.username, fullName: user.fullName,
    unitIds: memberships.map((m) => m.id),
    units: memberships,
    org: { id: org.id, kind: org.kind, parentId: org.parentId, name: org.name, code: org.code },
  };
}

/** The signed-in viewer, or a 401. */
export function requireViewer(request: FastifyRequest): Viewer {
  if (!request.viewer) throw unauthenticated();
  return request.viewer;
}

export function setSessionCookie(reply: FastifyReply, token: string, expires: Date, secure: boolean | "auto") {
  reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: "lax", path: "/", expires, secure });
}
