import { Group, Stack, Text } from '@mantine/core';
import { SectionPanel } from '../../components/SectionPanel';
import { t } from '../../i18n';
import { formatDate } from '../../lib/format';
import type { Extension } from '../../lib/types';
import { ExtensionStatusBadge } from '../extensions/ExtensionStatusBadge';

/** Lịch sử gia hạn of one task, newest first. */
export function ExtensionHistory({ extensions }: { extensions: Extension[] }) {
  const sorted = [...extensions].sort((a, b) => b.requestedAt.localeCompare(a.requestedAt));
  return (
    <SectionPanel
      id="extension-history-heading"
      title={t('extension.history')}
      empty={sorted.length === 0 ? t('extension.noHistory') : undefined}
    >
      <Stack gap="sm">
        {sorted.map((extension) => (
          <div key={extension.id} data-testid="extension-item">
            <Group gap="xs" justify="space-between">
              <Text size="sm" fw={700}>
                {t('extension.change', {
                  from: extension.currentDue ? formatDate(extension.currentDue) : t('common.dash'),
                  to: formatDate(extension.proposedDue),
                })}
              </Text>
              <ExtensionStatusBadge status={extension.status} />
            </Group>
            <Text size="sm" className="pre-line">
              {extension.reason}
            </Text>
            <Text size="xs" c="dimmed">
              {extension.requestedBy.fullName} · {formatDate(extension.requestedAt)}
            </Text>
            {extension.decidedBy && (
              <Text size="xs" c="dimmed">
                {t('extension.decidedBy', { name: extension.decidedBy.fullName, date: formatDate(extension.decidedAt) })}
                {extension.decisionNote ? ` — ${extension.decisionNote}` : ''}
              </Text>
            )}
          </div>
        ))}
      </Stack>
    </SectionPanel>
  );
}
