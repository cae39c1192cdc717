// The update being written is kept in this browser until it is sent, so a
// dropped connection or a closed tab does not lose the officer's note.
import { storage } from '../../lib/storage';

export interface UpdateDraft {
  note: string;
  progress: number;
  markDone: boolean;
  period: string | null;
  date: string | null;
}

const key = (taskId: string) => `cchc.updateDraft.${taskId}`;

export function loadDraft(taskId: string): UpdateDraft | null {
  const draft = storage.get<Partial<UpdateDraft>>(key(taskId));
  if (!draft || typeof draft.note !== 'string') return null;
  return {
    note: draft.note,
    progress: typeof draft.progress === 'number' ? draft.progress : 0,
    markDone: draft.markDone === true,
    period: typeof draft.period === 'string' ? draft.period : null,
    date: typeof draft.date === 'string' ? draft.date : null,
  };
}

export function saveDraft(taskId: string, draft: UpdateDraft): void {
  storage.set(key(taskId), draft);
}

export function clearDraft(taskId: string): void {
  storage.remove(key(taskId));
}
