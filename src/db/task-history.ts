import { asc, desc, eq } from "drizzle-orm";
import { evidenceFiles, taskUpdates, users } from "./schema.js";
import type { Tx } from "./connection.js";

/** A task's updates, newest first, each with its author and evidence files (without their content). */
export async function loadUpdates(tx: Tx, taskId: string) {
  const rows = await tx.select({ update: taskUpdates, authorName: users.fullName })
    .from(taskUpdates).leftJoin(users, eq(users.id, taskUpdates.authorId))
    .where(eq(taskUpdates.taskId, taskId)).orderBy(desc(taskUpdates.date), desc(taskUpdates.createdAt));
  const files = await tx.select({ id: evidenceFiles.id, updateId: evidenceFiles.updateId, filename: evidenceFiles.filename, mimeType: evidenceFiles.mimeType, size: evidenceFiles.size })
    .from(evidenceFiles).where(eq(evidenceFiles.taskId, taskId)).orderBy(asc(evidenceFiles.createdAt));
  return rows.map(({ update, authorName }) => ({ ...update, authorName, files: files.filter((f) => f.updateId === update.id) }));
}

export async function getEvidence(tx: Tx, id: string) {
  const [row] = await tx.select().from(evidenceFiles).where(eq(evidenceFiles.id, id));
  return row ?? null;
}
