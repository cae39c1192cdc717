import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { conflict, invalid } from "../domain/errors.js";
import { periodContaining } from "../domain/periods.js";
import { checkInKind, expectedPeriods, type Recurrence } from "../domain/task-status.js";
import type { IsoDate } from "../domain/dates.js";
import { recordAudit } from "./audit.js";
import { evidenceFiles, taskUpdates, tasks } from "./schema.js";
import { planStart, type TaskView } from "./tasks.js";
import type { Actor } from "./plans.js";
import type { Db } from "./connection.js";

export interface EvidenceUpload { filename: string; mimeType: string; content: Buffer }
export interface UpdateInput {
  date: IsoDate;
  progress?: number;
  note: string;
  markDone?: boolean;
  reopen?: boolean;
  period?: string;
  /** The browser's key for this update: a repeat of an accepted key changes nothing. */
  clientKey?: string;
  files: EvidenceUpload[];
}

export async function isRepeatedUpdate(db: Db, taskId: string, clientKey: string | undefined): Promise<boolean> {
  if (!clientKey) return false;
  const [row] = await db.select({ id: taskUpdates.id }).from(taskUpdates).where(and(eq(taskUpdates.taskId, taskId), eq(taskUpdates.clientKey, clientKey)));
  return !!row;
}

/** The check-in period an update counts for: the one chosen, or the one its date falls in. */
function checkInPeriod(task: TaskView, input: UpdateInput): string | null {
  if (!task.recurrence) {
    if (input.period) throw invalid("Nhiệm vụ này không định kỳ nên không chọn kỳ báo cáo.", "period");
    return null;
  }
  const periods = expectedPeriods({ recurrence: task.recurrence as Recurrence, startDate: planStart(task.plan), yearEnd: `${task.plan.year}-12-31`, dueDate: task.dueDate });
  const key = input.period ?? periodContaining(checkInKind(task.recurrence as Recurrence), input.date).key;
  const period = periods.find((p) => p.key === key);
  if (!period) throw invalid(input.period ? "Kỳ báo cáo không thuộc thời gian thực hiện của nhiệm vụ." : "Ngày cập nhật nằm ngoài thời gian thực hiện của nhiệm vụ.", input.period ? "period" : "date");
  if (period.start > input.date) throw invalid("Không thể cập nhật cho kỳ chưa bắt đầu.", "period");
  return key;
}

/** Posts a progress update with its evidence: one transaction, one audit entry. */
export async function postUpdate(db: Db, actor: Actor, task: TaskView, input: UpdateInput, today: IsoDate): Promise<void> {
  if (input.date > today) throw invalid("Ngày cập nhật không được sau ngày hôm nay.", "date");
  if (input.markDone && input.reopen) throw invalid("Không thể vừa đánh dấu hoàn thành vừa mở lại nhiệm vụ.", "markDone");
  if (input.markDone && task.doneOn) throw conflict("Nhiệm vụ đã được đánh dấu hoàn thành trước đó.", "markDone");
  if (input.reopen && !task.doneOn) throw conflict("Nhiệm vụ chưa hoàn thành nên không cần mở lại.", "reopen");
  const period = checkInPeriod(task, input);
  const progress = input.markDone ? 100 : input.progress;
  await db.transaction(async (tx) => {
    const [update] = await tx.insert(taskUpdates).values({
      orgId: task.orgId, taskId: task.id, authorId: actor.id, date: input.date, progress: progress ?? null, note: input.note,
      statusChange: input.markDone ? "done" : input.reopen ? "reopened" : null, period, clientKey: input.clientKey ?? null,
    }).returning();
    for (const f of input.files) {
      await tx.insert(evidenceFiles).values({
        orgId: task.orgId, taskId: task.id, updateId: update.id, filename: f.filename, mimeType: f.mimeType, size: f.content.length,
        sha256: createHash("sha256").update(f.content).digest("hex"), content: f.content, uploadedBy: actor.id,
      });
    }
    await tx.update(tasks).set({
      lastUpdateAt: new Date(),
      ...(progress !== undefined ? { progress } : {}),
      ...(input.markDone ? { doneOn: input.date } : {}),
      ...(input.reopen ? { doneOn: null, progress: Math.min(progress ?? task.progress, 99) } : {}),
    }).where(eq(tasks.id, task.id));
    const what = input.markDone ? "Báo cáo hoàn thành" : input.reopen ? "Mở lại" : "Cập nhật tiến độ";
    await recordAudit(tx, {
      orgId: task.orgId, userId: actor.id, action: "update_progress", entity: "task", entityId: task.id,
      summary: `${what} nhiệm vụ "${task.title}"${input.files.length ? ` (${input.files.length} tệp kiểm chứng)` : ""}`,
      changes: { updateId: update.id, progress: [task.progress, progress ?? task.progress], doneOn: [task.doneOn, input.markDone ? input.date : input.reopen ? null : task.doneOn], period, files: input.files.map((f) => f.filename) },
    });
  });
}
