import { Anchor, Badge, Group, Stack, Text, Timeline } from '@mantine/core';
import { Icon } from '../../components/Icon';
import { SectionPanel } from '../../components/SectionPanel';
import { t } from '../../i18n';
import { formatDate, formatDateTime, formatFileSize } from '../../lib/format';
import { periodLabel } from '../../lib/periods';
import type { Update } from '../../lib/types';

/** Quá trình thực hiện: every update, newest first, with its evidence files. */
export function UpdateTimeline({ updates }: { updates: Update[] }) {
  const sorted = [...updates].sort((a, b) => (a.date === b.date ? b.createdAt.localeCompare(a.createdAt) : b.date.localeCompare(a.date)));
  return (
    <SectionPanel id="updates-heading" title={t('task.updates')} empty={sorted.length === 0 ? t('task.noUpdates') : undefined}>
      <Timeline bulletSize={22} lineWidth={2} active={sorted.length}>
        {sorted.map((update) => (
          <Timeline.Item
            key={update.id}
            data-testid="update-item"
            bullet={<Icon name={update.statusChange === 'done' ? 'check' : update.files.length ? 'file' : 'pencil'} size={12} />}
            title={
              <Group gap="xs">
                <Text size="sm" fw={700}>
                  {formatDate(update.date)}
                </Text>
                <Text size="sm">{update.author.fullName}</Text>
                {update.progress !== null && (
                  <Badge size="sm" variant="light">
                    {t('task.progressValue', { value: update.progress })}
                  </Badge>
                )}
                {update.statusChange === 'done' && (
                  <Badge size="sm" color="green" variant="light" leftSection={<Icon name="check" size={12} />}>
                    {t('task.statusDone')}
                  </Badge>
                )}
                {update.statusChange === 'reopened' && (
                  <Badge size="sm" color="orange" variant="light" leftSection={<Icon name="refresh" size={12} />}>
                    {t('task.statusReopened')}
                  </Badge>
                )}
                {update.period && (
                  <Badge size="sm" color="gray" variant="outline">
                    {periodLabel(update.period)}
                  </Badge>
                )}
              </Group>
            }
          >
            <Stack gap={4} mt={4}>
              {update.note && (
                <Text size="sm" className="pre-line">
                  {update.note}
                </Text>
              )}
              {update.files.length > 0 && (
                <Stack gap={2} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                  {update.files.map((file) => (
                    <li key={file.id}>
                      <Anchor href={file.url} download={file.filename} size="sm" aria-label={t('task.download', { name: file.filename })}>
                        <Group gap={4} wrap="nowrap" component="span">
                          <Icon name="download" size={14} />
                          <span>{file.filename}</span>
                          <Text span size="xs" c="dimmed">
                            ({formatFileSize(file.size)})
                          </Text>
                        </Group>
                      </Anchor>
                    </li>
                  ))}
                </Stack>
              )}
              <Text size="xs" c="dimmed">
                {formatDateTime(update.createdAt)}
              </Text>
            </Stack>
          </Timeline.Item>
        ))}
      </Timeline>
    </SectionPanel>
  );
}
