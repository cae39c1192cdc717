import { and, asc, eq, inArray } from "drizzle-orm";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { units } from "./schema.js";
import type { Tx } from "./connection.js";

export type UnitRow = typeof units.$inferSelect;
export type UnitKind = UnitRow["kind"];

interface ReferenceUnits {
  units: Array<{ id: string; name: string; abbreviations: string[]; era: string; kind: UnitKind }>;
  generic: Array<{ id: string; name: string; examples: string[] }>;
}

let reference: ReferenceUnits | null = null;
export function referenceUnits(): ReferenceUnits {
  reference ??= JSON.parse(readFileSync(fileURLToPath(new URL("../../fixtures/units.json", import.meta.url)), "utf8"));
  return reference!;
}

/**
 * The standard units of a commune People's Committee, for the era the commune
 * lives in (before or after the July 2025 reorganisation), plus the generic
 * "units concerned" that plans name as supporters.
 */
export function standardUnits(era: "before-2025" | "after-2025") {
  const ref = referenceUnits();
  const list = ref.units.filter((u) => u.era === era || u.era === "any")
    .map((u) => ({ code: u.id, name: u.name, abbreviations: u.abbreviations, kind: u.kind }));
  const generic = ref.generic.map((g) => ({ code: g.id, name: g.name, abbreviations: g.examples, kind: "generic" as const }));
  return [...list, ...generic].map((u, i) => ({ ...u, sortOrder: (i + 1) * 10 }));
}

export async function seedStandardUnits(tx: Tx, orgId: string, era: "before-2025" | "after-2025"): Promise<UnitRow[]> {
  return tx.insert(units).values(standardUnits(era).map((u) => ({ ...u, orgId }))).returning();
}

export async function listUnits(tx: Tx, orgId: string, includeInactive = false): Promise<UnitRow[]> {
  const where = includeInactive ? eq(units.orgId, orgId) : and(eq(units.orgId, orgId), eq(units.active, true));
  return tx.select().from(units).where(where).orderBy(asc(units.sortOrder), asc(units.name));
}

export async function getUnit(tx: Tx, id: string): Promise<UnitRow | null> {
  const [row] = await tx.select().from(units).where(eq(units.id, id));
  return row ?? null;
}

/** The ids among `ids` that are not active units of the organisation. */
export async function foreignUnitIds(tx: Tx, orgId: string, ids: string[]): Promise<string[]> {
  if (!ids.length) return [];
  const found = await tx.select({ id: units.id }).from(units)
    .where(and(eq(units.orgId, orgId), inArray(units.id, ids), eq(units.active, true)));
  const ok = new Set(found.map((r) => r.id));
  return ids.filter((id) => !ok.has(id));
}
