/**
 * Criteria sets (bộ tiêu chí) stored as versioned data per province, subject
 * and year. Saving validates with the domain validator; a new set for the same
 * province, subject and year gets the next version and replaces the latest.
 */
import { randomUUID } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import { parseCriteriaSet } from "../domain/par-index/validate.js";
import type { CriteriaSet } from "../domain/par-index/types.js";
import { recordAudit } from "./audit.js";
import { moveToReplacingSet } from "./par-assessments.js";
import type { Db, Tx } from "./connection.js";
import { criteriaSets, organisations } from "./schema.js";

export type CriteriaSetRow = typeof criteriaSets.$inferSelect;

export interface CriteriaSetSummary {
  id: string;
  orgId: string;
  subject: "xa" | "phuong";
  year: number;
  version: number;
  label: string;
  replacesId: string | null;
  isExample: boolean;
  createdBy: string | null;
  createdAt: string;
}

export function summary(row: CriteriaSetRow): CriteriaSetSummary {
  const { content: _content, createdAt, ...rest } = row;
  return { ...rest, createdAt: createdAt.toISOString() };
}

/**
 * Validates `raw` (InvalidCriteriaSet listing every problem otherwise) and
 * stores it for the province. The stored content carries the row's id, the
 * province's code, the version and the set it replaces, whatever the input said.
 */
export async function saveCriteriaSet(db: Db, provinceId: string, userId: string | null, raw: unknown): Promise<CriteriaSetRow> {
  const parsed = parseCriteriaSet(raw);
  return db.transaction(async (tx) => {
    const [org] = await tx.select({ code: organisations.code }).from(organisations).where(eq(organisations.id, provinceId));
    const [latest] = await tx.select({ id: criteriaSets.id, version: criteriaSets.version }).from(criteriaSets)
      .where(and(eq(criteriaSets.orgId, provinceId), eq(criteriaSets.subject, parsed.subject), eq(criteriaSets.year, parsed.year)))
      .orderBy(desc(criteriaSets.version)).limit(1);
    const id = randomUUID();
    const version = (latest?.version ?? 0) + 1;
    const content: CriteriaSet = { ...parsed, id, province: org?.code ?? parsed.province, version };
    if (latest) content.replaces = latest.id; else delete content.replaces;
    const [row] = await tx.insert(criteriaSets).values({
      id, orgId: provinceId, subject: parsed.subject, year: parsed.year, version, label: parsed.label,
      replacesId: latest?.id ?? null, isExample: parsed.isExample ?? false, content, createdBy: userId,
    }).returning();
    // Results are recomputed under the new version at once: the ranking never mixes versions.
    const moved = latest ? await moveToReplacingSet(tx, provinceId, content) : 0;
    await recordAudit(tx, {
      orgId: provinceId, userId, action: "create", entity: "criteria_set", entityId: id,
      summary: `Nhập bộ tiêu chí “${parsed.label}” (${parsed.subject === "xa" ? "xã" : "phường"}, năm ${parsed.year}, phiên bản ${version})${latest ? `, thay thế phiên bản ${latest.version}` : ""}`,
      changes: { subject: parsed.subject, year: parsed.year, version, replacesId: latest?.id ?? null, rescoredAssessments: moved },
    });
    return row;
  });
}

/** The province's sets, newest year first, then subject, then newest version first. */
export async function listCriteriaSets(tx: Tx, provinceId: string): Promise<CriteriaSetRow[]> {
  return tx.select().from(criteriaSets).where(eq(criteriaSets.orgId, provinceId))
    .orderBy(desc(criteriaSets.year), criteriaSets.subject, desc(criteriaSets.version));
}

export async function getCriteriaSet(tx: Tx, id: string): Promise<CriteriaSetRow | null> {
  const [row] = await tx.select().from(criteriaSets).where(eq(criteriaSets.id, id));
  return row ?? null;
}
