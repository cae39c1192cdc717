import { Button, Group, Select } from '@mantine/core';
import { useEffect, useState } from 'react';
import { DateField } from '../../components/DateField';
import { t, type MessageKey } from '../../i18n';
import { isApiError } from '../../lib/api';
import { todayIso } from '../../lib/format';
import type { Window } from './indicatorTypes';
import { WINDOW_PRESETS, type WindowPreset } from './windows';

const LABEL: Record<WindowPreset, MessageKey> = {
  month: 'indicators.window.month',
  lastMonth: 'indicators.window.lastMonth',
  quarter: 'indicators.window.quarter',
  year: 'indicators.window.year',
  custom: 'indicators.window.custom',
};

interface WindowPickerProps {
  preset: WindowPreset;
  window: Window;
  onChange: (next: { period: WindowPreset; from?: string; to?: string }) => void;
  /** The server's answer to the last window, when it refused it (its message names the field). */
  error?: unknown;
}

/** This month, last month, this quarter, this year, or a from–to range typed dd/mm/yyyy. */
export function WindowPicker({ preset, window, onChange, error }: WindowPickerProps) {
  const [choice, setChoice] = useState<WindowPreset>(preset);
  const [from, setFrom] = useState<string | null>(window.from);
  const [to, setTo] = useState<string | null>(window.to);
  const [problem, setProblem] = useState<{ field: 'from' | 'to'; message: string } | null>(null);

  useEffect(() => {
    setChoice(preset);
    setFrom(window.from);
    setTo(window.to);
  }, [preset, window.from, window.to]);

  const serverProblem =
    isApiError(error) && error.code === 'validation' && (error.field === 'from' || error.field === 'to') ? { field: error.field, message: error.message } : null;
  const shown = problem ?? serverProblem;

  const pick = (value: string | null) => {
    const next = (value ?? 'month') as WindowPreset;
    setChoice(next);
    setProblem(null);
    if (next !== 'custom') onChange({ period: next });
  };

  const apply = () => {
    if (!from) return setProblem({ field: 'from', message: t('indicators.window.fromRequired') });
    if (!to) return setProblem({ field: 'to', message: t('indicators.window.toRequired') });
    if (from > to) return setProblem({ field: 'from', message: t('indicators.window.fromAfterTo') });
    setProblem(null);
    onChange({ period: 'custom', from, to });
  };

  return (
    <Group gap="sm" align="flex-start" wrap="wrap" className="no-print" data-testid="window-picker">
      <Select
        label={t('indicators.window.label')}
        data={WINDOW_PRESETS.map((p) => ({ value: p, label: t(LABEL[p]) }))}
        value={choice}
        onChange={pick}
        allowDeselect={false}
        w={170}
      />
      {choice === 'custom' && (
        <>
          <div style={{ width: 160 }}>
            <DateField label={t('indicators.window.from')} value={from} onChange={(v) => { setFrom(v); setProblem(null); }} maxDate={todayIso()} error={shown?.field === 'from' ? shown.message : undefined} clearable={false} />
          </div>
          <div style={{ width: 160 }}>
            <DateField label={t('indicators.window.to')} value={to} onChange={(v) => { setTo(v); setProblem(null); }} error={shown?.field === 'to' ? shown.message : undefined} clearable={false} />
          </div>
          <Button mt={25} onClick={apply}>
            {t('indicators.window.apply')}
          </Button>
        </>
      )}
    </Group>
  );
}
