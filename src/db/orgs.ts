import { eq, or } from "drizzle-orm";
import { organisations } from "./schema.js";
import type { Tx } from "./connection.js";

export type OrgRow = typeof organisations.$inferSelect;

export async function getOrg(tx: Tx, id: string): Promise<OrgRow | null> {
  const [row] = await tx.select().from(organisations).where(eq(organisations.id, id));
  return row ?? null;
}

/** An organisation and, for a province, the communes under it. */
export async function listOrgFamily(tx: Tx, orgId: string): Promise<OrgRow[]> {
  return tx.select().from(organisations)
    .where(or(eq(organisations.id, orgId), eq(organisations.parentId, orgId)))
    .orderBy(organisations.kind, organisations.name);
}
