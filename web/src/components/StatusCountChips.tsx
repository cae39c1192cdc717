import { Chip, Group, Text } from '@mantine/core';
import { t } from '../i18n';
import { STATUS_LOOK, statusLabel } from '../lib/status';
import { STATUSES, type Status, type StatusCounts } from '../lib/types';
import { Icon } from './Icon';

interface StatusCountChipsProps {
  counts: StatusCounts;
  selected: Status[];
  onChange: (selected: Status[]) => void;
  /** Hide statuses with no task (default true). */
  hideEmpty?: boolean;
}

/** Counts per status at the top of a list; clicking a chip filters the list. */
export function StatusCountChips({ counts, selected, onChange, hideEmpty = true }: StatusCountChipsProps) {
  const shown = STATUSES.filter((status) => !hideEmpty || counts[status] > 0 || selected.includes(status));
  return (
    <div role="group" aria-label={t('status.countsLabel')} className="no-print-controls">
      <Chip.Group multiple value={selected} onChange={(value) => onChange(value as Status[])}>
        <Group gap="xs">
          {shown.map((status) => {
            const look = STATUS_LOOK[status];
            return (
              <Chip
                key={status}
                value={status}
                color={look.color}
                variant="outline"
                icon={<Icon name="check" size={14} />}
                data-status={status}
              >
                <Group gap={6} wrap="nowrap">
                  <Icon name={look.icon} size={14} style={{ color: `var(--mantine-color-${look.color}-filled)` }} />
                  <span>{statusLabel(status)}</span>
                  <Text span fw={700}>
                    {counts[status]}
                  </Text>
                </Group>
              </Chip>
            );
          })}
        </Group>
      </Chip.Group>
    </div>
  );
}
