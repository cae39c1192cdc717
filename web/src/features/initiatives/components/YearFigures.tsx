// The year's totals (đã nộp, được công nhận, đã áp dụng) and the plan targets counting initiatives.
import { Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { AnchorLink } from '../../../components/AnchorLink';
import { Icon, type IconName } from '../../../components/Icon';
import { SectionPanel } from '../../../components/SectionPanel';
import { TagBadge } from '../../../components/TagBadge';
import { t } from '../../../i18n';
import { formatNumber } from '../../../lib/format';
import { countWords, STATUS_LOOK } from '../initiativeQueries';
import type { InitiativeTarget, InitiativeYear } from '../initiativeTypes';

function Figure({ label, hint, value, icon, color, testId }: { label: string; hint?: string; value: number; icon: IconName; color: string; testId: string }) {
  return (
    <Paper withBorder p="md" className="kpi-card" data-testid={testId} data-value={value} style={{ borderLeft: `4px solid var(--mantine-color-${color}-filled)` }}>
      <Group gap={6} wrap="nowrap" mb={4}>
        <Icon name={icon} size={16} style={{ color: `var(--mantine-color-${color}-filled)` }} />
        <Text size="sm" c="dimmed" lh={1.2}>
          {label}
        </Text>
      </Group>
      <Text fz={28} fw={700} lh={1.1}>
        {formatNumber(value, 0)}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed" mt={2}>
          {hint}
        </Text>
      )}
    </Paper>
  );
}

export function YearTotals({ view }: { view: InitiativeYear }) {
  return (
    <SimpleGrid cols={{ base: 3 }} spacing="sm" aria-label={t('initiatives.totals')}>
      <Figure label={t('initiatives.total.count')} value={view.totals.count} icon={STATUS_LOOK.submitted.icon} color={STATUS_LOOK.submitted.color} testId="initiative-total-count" />
      <Figure label={t('initiatives.total.recognised')} hint={t('initiatives.total.recognisedHint')} value={view.totals.recognised} icon={STATUS_LOOK.recognised.icon} color={STATUS_LOOK.recognised.color} testId="initiative-total-recognised" />
      <Figure label={t('initiatives.total.applied')} value={view.totals.applied} icon={STATUS_LOOK.applied.icon} color={STATUS_LOOK.applied.color} testId="initiative-total-applied" />
    </SimpleGrid>
  );
}

function TargetLine({ target }: { target: InitiativeTarget }) {
  const met = target.value === null ? null : target.current >= target.value;
  const goal = target.value === null ? target.text : countWords(target.value);
  return (
    <Stack gap={2} component="li" data-testid="initiative-target">
      <Group gap="xs" wrap="wrap">
        <Text size="sm" fw={600}>
          {t('initiatives.target.line', { goal, current: formatNumber(target.current, 0) })}
        </Text>
        {met !== null && (
          <TagBadge
            color={met ? 'green' : 'orange'}
            icon={met ? 'check' : 'hourglass'}
            label={met ? t('initiatives.target.met') : t('initiatives.target.notMet', { missing: formatNumber((target.value ?? 0) - target.current, 0) })}
            size="sm"
            state={met ? 'met' : 'not_met'}
          />
        )}
      </Group>
      <AnchorLink to="/plans/$planId" params={{ planId: target.planId }} size="xs" c="dimmed" lineClamp={2}>
        {target.text}
      </AnchorLink>
    </Stack>
  );
}

export function YearTargets({ view }: { view: InitiativeYear }) {
  return (
    <SectionPanel
      id="initiative-targets"
      title={t('initiatives.target.heading')}
      empty={view.targets.length === 0 ? t('initiatives.target.none', { year: view.year }) : undefined}
    >
      <Stack gap="sm" component="ul" className="initiative-plain-list">
        {view.targets.map((target) => (
          <TargetLine key={target.id} target={target} />
        ))}
      </Stack>
    </SectionPanel>
  );
}
