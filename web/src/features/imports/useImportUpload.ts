import { useCallback, useRef, useState } from 'react';
import { uploadMultipart, type UploadHandle } from '../../lib/api';
import type { ImportReview } from './importDraft';

export type ImportUploadState =
  | { phase: 'idle' }
  | { phase: 'sending'; percent: number }
  | { phase: 'reading' }
  | { phase: 'failed'; error: unknown };

/** Uploads a plan document with progress; once the bytes are sent, the server is reading it. */
export function useImportUpload(orgId: string, onRead: (review: ImportReview) => void | Promise<void>) {
  const [state, setState] = useState<ImportUploadState>({ phase: 'idle' });
  const handle = useRef<UploadHandle<ImportReview> | null>(null);

  const send = useCallback(
    async (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      setState({ phase: 'sending', percent: 0 });
      handle.current = uploadMultipart<ImportReview>(`/api/orgs/${orgId}/imports`, form, (progress) =>
        setState(progress.percent >= 100 ? { phase: 'reading' } : { phase: 'sending', percent: progress.percent }),
      );
      try {
        const review = await handle.current.promise;
        await onRead(review);
        setState({ phase: 'idle' });
      } catch (error) {
        setState({ phase: 'failed', error });
      } finally {
        handle.current = null;
      }
    },
    [orgId, onRead],
  );

  const abort = useCallback(() => handle.current?.abort(), []);
  return { state, send, abort };
}
