import { auditLog } from "./schema.js";
import type { Tx } from "./connection.js";

export interface AuditEntry {
  orgId: string;
  userId: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  summary: string;
  changes?: Record<string, unknown>;
}

/** Written inside the same transaction as the change it describes. */
export async function recordAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({ ...entry, changes: entry.changes ?? null });
}

/** The fields of `after` that differ from `before`, as { field: [old, new] }. */
export function diff<T extends Record<string, unknown>>(before: T, after: Partial<T>): Record<string, [unknown, unknown]> {
  const out: Record<string, [unknown, unknown]> = {};
  for (const [k, v] of Object.entries(after)) {
    if (v === undefined) continue;
    if (JSON.stringify(before[k]) !== JSON.stringify(v)) out[k] = [before[k] ?? null, v];
  }
  return out;
}
