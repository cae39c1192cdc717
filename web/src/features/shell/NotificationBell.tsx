import { Badge, Box, Button, Group, Indicator, Popover, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { Icon } from '../../components/Icon';
import { t } from '../../i18n';
import { formatDateTime, formatNumber } from '../../lib/format';
import { notificationKindLabel } from '../../lib/labels';
import type { AppNotification, NotificationKind } from '../../lib/types';
import { notificationsQueryOptions, useMarkNotificationsRead } from './notificationQueries';

const KIND_COLOR: Record<NotificationKind, string> = {
  due_soon: 'orange',
  overdue: 'red',
  extension_requested: 'blue',
  extension_decided: 'green',
  missing_checkin: 'red',
  target_at_risk: 'orange',
  report_due: 'orange',
  report_returned: 'red',
  finding_due_soon: 'orange',
  finding_overdue: 'red',
};

export function NotificationBell() {
  const [opened, setOpened] = useState(false);
  const navigate = useNavigate();
  const { data } = useQuery(notificationsQueryOptions);
  const markRead = useMarkNotificationsRead();
  const unread = data?.unread ?? 0;
  const items = data?.items ?? [];

  const open = (item: AppNotification) => {
    setOpened(false);
    if (!item.readAt) markRead.mutate([item.id]);
    if (item.taskId) void navigate({ to: '/tasks/$taskId', params: { taskId: item.taskId } });
    else if (item.planId) void navigate({ to: '/plans/$planId', params: { planId: item.planId } });
    else if (item.inspectionId) void navigate({ to: '/kiem-tra/$inspectionId', params: { inspectionId: item.inspectionId }, search: { finding: item.findingId ?? undefined } });
  };

  const label = unread > 0 ? t('notifications.bellUnread', { count: formatNumber(unread, 0) }) : t('notifications.bell');

  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={380} shadow="md" withArrow trapFocus>
      <Popover.Target>
        <Indicator
          label={unread > 99 ? '99+' : unread}
          disabled={unread === 0}
          color="red"
          size={18}
          offset={4}
          inline
        >
          <Button
            variant="subtle"
            color="gray"
            size="sm"
            px="xs"
            data-testid="notification-bell"
            data-unread={unread}
            aria-label={label}
            aria-haspopup="dialog"
            aria-expanded={opened}
            onClick={() => setOpened((value) => !value)}
            leftSection={<Icon name="bell" size={20} />}
          >
            <Box component="span" visibleFrom="md">
              {t('notifications.bell')}
            </Box>
          </Button>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown p={0} aria-label={t('notifications.title')}>
        <Group justify="space-between" px="sm" py="xs" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
          <Text fw={700}>{t('notifications.title')}</Text>
          <Button size="compact-xs" variant="subtle" disabled={unread === 0} onClick={() => markRead.mutate(undefined)}>
            {t('notifications.markAllRead')}
          </Button>
        </Group>
        {items.length === 0 ? (
          <Text c="dimmed" size="sm" p="sm">
            {t('notifications.empty')}
          </Text>
        ) : (
          <ScrollArea.Autosize mah={420}>
            <Stack gap={0} role="list">
              {items.map((item) => (
                <UnstyledButton
                  key={item.id}
                  role="listitem"
                  onClick={() => open(item)}
                  px="sm"
                  py="xs"
                  className="notification-item"
                  data-unread={!item.readAt || undefined}
                >
                  <Group gap={6} mb={2} wrap="nowrap">
                    <Badge size="xs" variant="light" color={KIND_COLOR[item.kind]}>
                      {notificationKindLabel(item.kind)}
                    </Badge>
                    {!item.readAt && (
                      <Text size="xs" c="blue" fw={700}>
                        ● {t('notifications.unreadMark')}
                      </Text>
                    )}
                    <Text size="xs" c="dimmed" ml="auto">
                      {formatDateTime(item.createdAt)}
                    </Text>
                  </Group>
                  <Text size="sm" fw={item.readAt ? 400 : 600} lineClamp={3}>
                    {item.message}
                  </Text>
                </UnstyledButton>
              ))}
            </Stack>
          </ScrollArea.Autosize>
        )}
      </Popover.Dropdown>
    </Popover>
  );
}
