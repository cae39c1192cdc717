import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import { uploadMultipart, type UploadHandle } from '../../lib/api';
import { invalidateWorkData } from '../../lib/invalidate';
import type { Task } from '../../lib/types';

export interface UpdatePayload {
  date: string | null;
  progress: number;
  note: string;
  markDone: boolean;
  reopen: boolean;
  period: string | null;
  files: File[];
}

type UploadState =
  | { phase: 'idle' }
  | { phase: 'sending'; percent: number }
  | { phase: 'failed'; error: unknown };

/** Sends a progress update as multipart with upload progress; keeps the payload for a retry. */
export function useUpdateUpload(taskId: string, onSent: (task: Task) => void) {
  const queryClient = useQueryClient();
  const [state, setState] = useState<UploadState>({ phase: 'idle' });
  const handle = useRef<UploadHandle<Task> | null>(null);
  // One key per update until it is accepted: a retry after a lost answer is not stored twice.
  const clientKey = useRef<string | null>(null);

  const send = useCallback(
    async (payload: UpdatePayload) => {
      const form = new FormData();
      clientKey.current ??= crypto.randomUUID();
      form.append('clientKey', clientKey.current);
      if (payload.date) form.append('date', payload.date);
      form.append('progress', String(payload.progress));
      form.append('note', payload.note);
      if (payload.markDone) form.append('markDone', 'true');
      if (payload.reopen) form.append('reopen', 'true');
      if (payload.period) form.append('period', payload.period);
      for (const file of payload.files) form.append('files', file, file.name);

      setState({ phase: 'sending', percent: 0 });
      handle.current = uploadMultipart<Task>(`/api/tasks/${taskId}/updates`, form, (progress) =>
        setState({ phase: 'sending', percent: progress.percent }),
      );
      try {
        const task = await handle.current.promise;
        clientKey.current = null;
        queryClient.setQueryData(['task', taskId], task);
        setState({ phase: 'idle' });
        onSent(task);
        void invalidateWorkData(queryClient);
      } catch (error) {
        setState({ phase: 'failed', error });
      } finally {
        handle.current = null;
      }
    },
    [taskId, queryClient, onSent],
  );

  const abort = useCallback(() => handle.current?.abort(), []);
  const reset = useCallback(() => setState({ phase: 'idle' }), []);

  return { state, send, abort, reset };
}
