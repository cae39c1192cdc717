import { Alert, Button, Center, Group, Loader, Stack, Text } from '@mantine/core';
import { Link, type ErrorComponentProps } from '@tanstack/react-router';
import { t } from '../i18n';
import { errorMessage } from '../lib/api';
import { Icon } from './Icon';

export function PageLoading() {
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Group gap="sm">
        <Loader size="sm" />
        <Text c="dimmed">{t('common.loading')}</Text>
      </Group>
    </Center>
  );
}

/** A failed load with its message and a retry button. */
export function LoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  return (
    <Alert color="red" title={t('error.loadFailed')} icon={<Icon name="alert" />} role="alert">
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{errorMessage(error)}</Text>
        {onRetry && (
          <Button size="xs" variant="light" color="red" leftSection={<Icon name="refresh" size={16} />} onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}

export function PageError({ error, reset }: ErrorComponentProps) {
  return <LoadError error={error} onRetry={reset} />;
}

export function NotFound() {
  return (
    <Stack align="center" py="xl">
      <Text size="lg">{t('error.pageNotFound')}</Text>
      <Button component={Link} to="/" variant="light">
        {t('common.back')}
      </Button>
    </Stack>
  );
}

export function EmptyText({ children }: { children: string }) {
  return (
    <Text c="dimmed" size="sm" py="md">
      {children}
    </Text>
  );
}
