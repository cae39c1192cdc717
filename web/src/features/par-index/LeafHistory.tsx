// "Lịch sử": every value written for a leaf at the stages the viewer sees,
// newest first, with who wrote it and when.
import { Badge, Button, Group, Modal, Paper, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Icon } from '../../components/Icon';
import { LoadError, PageLoading } from '../../components/PageState';
import { t } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { describeInput, stageLabel } from './assessmentFormat';
import { leafHistoryQueryOptions } from './assessmentQueries';
import type { LeafNode } from './assessmentTypes';

export function LeafHistoryButton({ assessmentId, leaf }: { assessmentId: string; leaf: LeafNode }) {
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button
        size="xs"
        variant="default"
        leftSection={<Icon name="clock" size={16} />}
        onClick={() => setOpened(true)}
        disabled={leaf.historyCount === 0}
        className="no-print"
      >
        {t('parAssessment.history.button', { count: leaf.historyCount })}
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title={t('parAssessment.history.title', { code: leaf.code })} size="lg">
        {opened && <HistoryList assessmentId={assessmentId} code={leaf.code} />}
      </Modal>
    </>
  );
}

function HistoryList({ assessmentId, code }: { assessmentId: string; code: string }) {
  const history = useQuery(leafHistoryQueryOptions(assessmentId, code));
  if (history.isPending) return <PageLoading />;
  if (history.isError) return <LoadError error={history.error} onRetry={() => void history.refetch()} />;
  if (history.data.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('parAssessment.history.empty')}
      </Text>
    );
  }
  return (
    <Stack gap="xs" component="ol" className="par-history">
      {history.data.map((entry, index) => (
        <Paper key={`${entry.at}-${index}`} withBorder p="sm" component="li">
          <Group gap="xs" justify="space-between" align="flex-start">
            <Group gap={6}>
              <Badge variant="light" size="sm">
                {stageLabel(entry.stage)}
              </Badge>
              {entry.input && (
                <Text size="sm" fw={600}>
                  {describeInput(entry.input)}
                </Text>
              )}
              {entry.automatic && (
                <Badge variant="light" color="cyan" size="sm">
                  {t('parAssessment.from.automatic')}
                </Badge>
              )}
            </Group>
            <Text size="xs" c="dimmed">
              {[entry.by ?? (entry.automatic ? t('parAssessment.history.system') : null), formatDateTime(entry.at)].filter(Boolean).join(' · ')}
            </Text>
          </Group>
          {entry.text && (
            <Text size="sm" mt={4} className="pre-line">
              {entry.text}
            </Text>
          )}
          {entry.explanation && (
            <Text size="sm" mt={4} className="pre-line">
              <Text span size="xs" c="dimmed">
                {t('parAssessment.field.explanation')}:{' '}
              </Text>
              {entry.explanation}
            </Text>
          )}
        </Paper>
      ))}
    </Stack>
  );
}
