import { Stack, Text } from '@mantine/core';
import { Icon } from '../../components/Icon';
import { t } from '../../i18n';
import { formatNumber } from '../../lib/format';
import { shareText } from './inspectionQueries';
import type { Coverage } from './inspectionTypes';

const clamp = (value: number) => Math.max(0, Math.min(100, value));

/**
 * Tỷ lệ bao phủ: the share inspected over the share planned, with the plan's
 * target marked on the bar. The sentences below it say the same in words.
 */
export function CoverageBar({ coverage }: { coverage: Coverage }) {
  const { unitsTotal, unitsPlanned, unitsInspected, plannedShare, inspectedShare, targetShare, met, missingToTarget } = coverage;
  if (unitsTotal === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('inspections.coverage.noUnits')}
      </Text>
    );
  }
  const params = { done: unitsInspected, total: unitsTotal, share: shareText(inspectedShare) };
  const line =
    targetShare === null
      ? t('inspections.coverage.line', params)
      : met
        ? t('inspections.coverage.lineMet', { ...params, target: shareText(targetShare) })
        : t('inspections.coverage.lineMissing', { ...params, target: shareText(targetShare), count: formatNumber(missingToTarget, 0) });
  const plannedShort = targetShare !== null && plannedShare < targetShare;

  return (
    <Stack gap={6}>
      <div className="insp-bar" aria-hidden="true" data-met={met === null ? undefined : String(met)}>
        <div className="insp-bar-planned" style={{ width: `${clamp(plannedShare)}%` }} />
        <div className="insp-bar-done" style={{ width: `${clamp(inspectedShare)}%` }} />
        {targetShare !== null && (
          <div className="insp-bar-target" style={{ left: `${clamp(targetShare)}%` }}>
            <span className="insp-bar-target-label">{t('inspections.coverage.targetMark', { target: shareText(targetShare) })}</span>
          </div>
        )}
      </div>
      <Text size="sm" fw={600} data-testid="inspection-coverage">
        <Icon
          name={met ? 'check' : met === false ? 'alert' : 'chart'}
          size={16}
          className="insp-inline-icon"
          style={{ color: met ? 'var(--mantine-color-green-7)' : met === false ? 'var(--mantine-color-orange-7)' : undefined }}
        />{' '}
        {line}
      </Text>
      <Text size="sm" data-testid="inspection-planned-share">
        {t('inspections.coverage.planned', { planned: unitsPlanned, total: unitsTotal, share: shareText(plannedShare) })}
      </Text>
      {plannedShort && (
        <Text size="sm" c="orange.9">
          <Icon name="alert" size={14} className="insp-inline-icon" /> {t('inspections.coverage.plannedShort')}
        </Text>
      )}
    </Stack>
  );
}
