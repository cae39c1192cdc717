import { Chip, Group, Text, type MantineColor } from '@mantine/core';
import { t } from '../i18n';
import { formatNumber } from '../lib/format';
import { STATUS_LOOK, statusLabel } from '../lib/status';
import { STATUSES, type Status, type StatusCounts } from '../lib/types';
import { Icon, type IconName } from './Icon';

interface CountChipsProps<S extends string> {
  /** Every status, in the order the chips stand. */
  statuses: readonly S[];
  look: Record<S, { color: MantineColor; icon: IconName }>;
  label: (status: S) => string;
  counts: Record<S, number>;
  selected: S[];
  onChange: (selected: S[]) => void;
  ariaLabel: string;
  /** A visible title above the chips (the group is named by ariaLabel). */
  heading?: string;
  /** Hide statuses with nothing in them (default true). */
  hideEmpty?: boolean;
  className?: string;
}

/** Counts per status at the top of a list; clicking a chip filters the list. */
export function CountChips<S extends string>({ statuses, look, label, counts, selected, onChange, ariaLabel, heading, hideEmpty = true, className }: CountChipsProps<S>) {
  const shown = statuses.filter((status) => !hideEmpty || counts[status] > 0 || selected.includes(status));
  return (
    <div role="group" aria-label={ariaLabel} className={className}>
      {heading && (
        <Text size="sm" fw={500} mb={4} aria-hidden="true">
          {heading}
        </Text>
      )}
      <Chip.Group multiple value={selected} onChange={(value) => onChange(statuses.filter((status) => value.includes(status)))}>
        <Group gap="xs">
          {shown.map((status) => (
            <Chip key={status} value={status} color={look[status].color} variant="outline" icon={<Icon name="check" size={14} />} data-status={status}>
              <Group gap={6} wrap="nowrap">
                <Icon name={look[status].icon} size={14} style={{ color: `var(--mantine-color-${look[status].color}-filled)` }} />
                <span>{label(status)}</span>
                <Text span fw={700}>
                  {formatNumber(counts[status], 0)}
                </Text>
              </Group>
            </Chip>
          ))}
        </Group>
      </Chip.Group>
    </div>
  );
}

interface StatusCountChipsProps {
  counts: StatusCounts;
  selected: Status[];
  onChange: (selected: Status[]) => void;
  /** Hide statuses with no task (default true). */
  hideEmpty?: boolean;
}

/** The tasks' counts per status. */
export function StatusCountChips(props: StatusCountChipsProps) {
  return <CountChips statuses={STATUSES} look={STATUS_LOOK} label={statusLabel} ariaLabel={t('status.countsLabel')} className="no-print-controls" {...props} />;
}
