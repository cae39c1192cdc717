import { useCallback } from 'react';
import { useMultipartUpload } from '../../lib/upload';
import type { ImportReview } from './importDraft';

/** Uploads a plan document with progress; once the bytes are sent, the server is reading it. */
export function useImportUpload(orgId: string, onRead: (review: ImportReview) => void | Promise<void>) {
  const { state, send: sendForm, abort } = useMultipartUpload<ImportReview>(onRead);
  const send = useCallback(
    (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return sendForm(`/api/orgs/${orgId}/imports`, form);
    },
    [orgId, sendForm],
  );
  return { state, send, abort };
}
