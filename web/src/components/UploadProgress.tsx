import { Alert, Progress, Stack, Text } from '@mantine/core';
import { errorMessage, isApiError } from '../lib/api';
import { formatFileSize } from '../lib/format';
import type { UploadState } from '../lib/upload';
import { Icon } from './Icon';

interface UploadProgressProps {
  state: UploadState;
  /** "Đang tải lên… 40%" */
  sendingText: (percent: number) => string;
  /** The progress bar's accessible name. */
  progressLabel: string;
  /** Shown once the bytes are sent, while the server reads the file. */
  processingText: string;
  processingTestId?: string;
}

/** How far an upload got (bytes sent of the total), then that the server is reading it, or why it failed. */
export function UploadProgress({ state, sendingText, progressLabel, processingText, processingTestId }: UploadProgressProps) {
  if (state.phase === 'sending') {
    return (
      <Stack gap={4} role="status" aria-live="polite">
        <Text size="sm">
          {sendingText(state.percent)}
          {state.total > 0 && (
            <Text span size="xs" c="dimmed" ml={8}>
              {formatFileSize(state.loaded)} / {formatFileSize(state.total)}
            </Text>
          )}
        </Text>
        <Progress value={state.percent} aria-label={progressLabel} />
      </Stack>
    );
  }
  if (state.phase === 'processing') {
    return (
      <Stack gap={4} data-testid={processingTestId} role="status" aria-live="polite">
        <Text size="sm">{processingText}</Text>
        <Progress value={100} striped animated aria-label={processingText} />
      </Stack>
    );
  }
  if (state.phase === 'failed') {
    const aborted = isApiError(state.error) && state.error.code === 'aborted';
    return (
      <Alert color={aborted ? 'gray' : 'red'} icon={<Icon name="alert" />} role="alert">
        {errorMessage(state.error)}
      </Alert>
    );
  }
  return null;
}
