import { Button, Group, Paper, Text, Title } from '@mantine/core';
import { Icon } from '../../components/Icon';
import { t } from '../../i18n';
import { formatDate } from '../../lib/format';
import { PERIOD_LOOK, periodStateLabel } from '../../lib/status';
import type { Period } from '../../lib/types';

interface PeriodChipsProps {
  periods: Period[];
  selected: string | null;
  /** Given when the viewer may report: clicking a period picks it in the update form. */
  onSelect?: (key: string) => void;
}

/** The check-in periods of a recurring task: ok / late / missing / current / upcoming. */
export function PeriodChips({ periods, selected, onSelect }: PeriodChipsProps) {
  if (periods.length === 0) return null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="periods-heading">
      <Title order={2} size="h5" mb="xs" id="periods-heading">
        {t('task.periods')}
      </Title>
      <Group gap={6}>
        {periods.map((period) => {
          const look = PERIOD_LOOK[period.state];
          const selectable = Boolean(onSelect) && period.state !== 'upcoming';
          const title = period.checkInDate ? t('task.periodCheckIn', { date: formatDate(period.checkInDate) }) : undefined;
          return (
            <Button
              key={period.key}
              size="compact-sm"
              radius="xl"
              color={look.color}
              variant={selected === period.key ? 'filled' : 'light'}
              leftSection={<Icon name={look.icon} size={14} />}
              onClick={selectable ? () => onSelect!(period.key) : undefined}
              aria-pressed={selectable ? selected === period.key : undefined}
              title={title}
              data-period-state={period.state}
              className="status-badge"
              style={selectable ? undefined : { cursor: 'default' }}
            >
              <Text span size="xs" fw={600}>
                {period.label}
              </Text>
              <Text span size="xs" ml={4}>
                · {periodStateLabel(period.state)}
              </Text>
            </Button>
          );
        })}
      </Group>
    </Paper>
  );
}
