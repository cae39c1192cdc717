// Sending a file with upload progress (slow connections see how far it got),
// then waiting while the server reads it. One hook for every upload screen.
import { useCallback, useRef, useState } from 'react';
import { uploadMultipart, type UploadHandle } from './api';

export type UploadState =
  | { phase: 'idle' }
  | { phase: 'sending'; percent: number; loaded: number; total: number }
  /** The bytes are sent; the server is reading or checking the file. */
  | { phase: 'processing' }
  | { phase: 'failed'; error: unknown };

export function isUploadBusy(state: UploadState): boolean {
  return state.phase === 'sending' || state.phase === 'processing';
}

/**
 * Posts multipart forms with progress. `onDone` receives the server's answer;
 * a failure (network, refusal, abort) stays in `state` until the next send or `reset`.
 */
export function useMultipartUpload<T>(onDone: (result: T) => void | Promise<void>) {
  const [state, setState] = useState<UploadState>({ phase: 'idle' });
  const handle = useRef<UploadHandle<T> | null>(null);

  const send = useCallback(
    async (path: string, form: FormData) => {
      setState({ phase: 'sending', percent: 0, loaded: 0, total: 0 });
      handle.current = uploadMultipart<T>(path, form, (progress) =>
        setState(
          progress.percent >= 100
            ? { phase: 'processing' }
            : { phase: 'sending', percent: progress.percent, loaded: progress.loaded, total: progress.total },
        ),
      );
      try {
        const result = await handle.current.promise;
        await onDone(result);
        setState({ phase: 'idle' });
      } catch (error) {
        setState({ phase: 'failed', error });
      } finally {
        handle.current = null;
      }
    },
    [onDone],
  );

  const abort = useCallback(() => handle.current?.abort(), []);
  const reset = useCallback(() => setState({ phase: 'idle' }), []);
  return { state, send, abort, reset };
}
