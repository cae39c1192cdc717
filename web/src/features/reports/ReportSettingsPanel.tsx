// The province administrator's settings of the periodic reports: per report
// the communes' deadline (N working days after the cut-off, or a fixed day of
// the window's last month), the "Kính gửi" recipients, and how many days
// before the deadline the focal points are reminded. The server checks them
// and names what is wrong in Vietnamese; the message is shown by its field.
import { Alert, Button, Group, NumberInput, Select, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Icon } from '../../components/Icon';
import { LoadError, PageLoading } from '../../components/PageState';
import { SectionPanel } from '../../components/SectionPanel';
import { t } from '../../i18n';
import { errorMessage, isApiError } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { notifySuccess } from '../../lib/notify';
import { kindLabel, reportApi, settingsQueryOptions } from './reportQueries';
import { REPORT_KINDS, type DeadlineRule, type ReportKind, type ReportSettings } from './reportTypes';

type RuleName = DeadlineRule['rule'];

interface RuleForm {
  rule: RuleName;
  /** Working days or day of month as typed ('' while empty). */
  value: number | string;
}

interface SettingsForm {
  deadlines: Record<ReportKind, RuleForm>;
  recipients: string;
  remindDaysBefore: number | string;
}

function toForm(settings: ReportSettings): SettingsForm {
  const deadlines = {} as Record<ReportKind, RuleForm>;
  for (const kind of REPORT_KINDS) {
    const rule = settings.deadlines[kind];
    deadlines[kind] = rule.rule === 'working_days_after_cutoff' ? { rule: rule.rule, value: rule.n } : { rule: rule.rule, value: rule.day };
  }
  return { deadlines, recipients: settings.recipients.join('\n'), remindDaysBefore: settings.remindDaysBefore };
}

/** As typed; what does not hold is left for the server to name. */
function toBody(form: SettingsForm): unknown {
  const num = (value: number | string) => (typeof value === 'number' ? value : value.trim() === '' ? null : Number(value));
  return {
    deadlines: Object.fromEntries(
      REPORT_KINDS.map((kind) => {
        const d = form.deadlines[kind];
        return [kind, d.rule === 'working_days_after_cutoff' ? { rule: d.rule, n: num(d.value) } : { rule: d.rule, day: num(d.value) }];
      }),
    ),
    recipients: form.recipients
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean),
    remindDaysBefore: num(form.remindDaysBefore),
  };
}

const END_MONTH: Record<ReportKind, number> = { q1: 3, h1: 6, q3: 9, year: 12 };

/**
 * The deadline the rule gives for the year's report, as the server computes it
 * (src/domain/reports/calendar.ts): the n-th weekday after the cut-off (the
 * 14th of the last month), or that day of the month; null while not valid.
 */
export function previewDeadline(kind: ReportKind, year: number, d: RuleForm): string | null {
  const value = typeof d.value === 'number' ? d.value : Number.NaN;
  const month = END_MONTH[kind];
  const iso = (date: Date) => date.toISOString().slice(0, 10);
  if (d.rule === 'day_of_month') return Number.isInteger(value) && value >= 1 && value <= 28 ? iso(new Date(Date.UTC(year, month - 1, value))) : null;
  if (!Number.isInteger(value) || value < 0 || value > 20) return null;
  const date = new Date(Date.UTC(year, month - 1, 14));
  for (let left = value; left > 0; ) {
    date.setUTCDate(date.getUTCDate() + 1);
    const day = date.getUTCDay();
    if (day !== 0 && day !== 6) left -= 1;
  }
  return iso(date);
}

export function ReportSettingsPanel({ provinceId, year }: { provinceId: string; year: number }) {
  const settings = useQuery(settingsQueryOptions(provinceId));
  return (
    <SectionPanel id="report-settings" title={t('reports.settings.title')} maw={880} className="no-print">
      {settings.isPending ? (
        <PageLoading />
      ) : settings.isError ? (
        <LoadError error={settings.error} onRetry={() => void settings.refetch()} />
      ) : (
        <SettingsEditor provinceId={provinceId} initial={settings.data} year={year} />
      )}
    </SectionPanel>
  );
}

function SettingsEditor({ provinceId, initial, year }: { provinceId: string; initial: ReportSettings; year: number }) {
  const queryClient = useQueryClient();
  const [form, setForm] = useState<SettingsForm>(() => toForm(initial));
  const save = useMutation({
    mutationFn: () => reportApi.saveSettings(provinceId, toBody(form) as ReportSettings),
    meta: { handlesErrors: true },
    onSuccess: async (saved) => {
      queryClient.setQueryData(settingsQueryOptions(provinceId).queryKey, saved);
      setForm(toForm(saved));
      notifySuccess(t('reports.settings.saved'));
      // Deadlines move the timeliness of every commune.
      await queryClient.invalidateQueries({ queryKey: ['reports'], predicate: (q) => q.queryKey[1] !== 'settings' });
    },
  });
  const field = isApiError(save.error) ? (save.error.field ?? '') : '';
  const message = save.isError ? errorMessage(save.error) : null;
  const errorFor = (prefix: string) => (message && (field === prefix || field.startsWith(`${prefix}.`)) ? message : undefined);
  const placed = message !== null && (field.startsWith('deadlines.') || field.startsWith('recipients') || field === 'remindDaysBefore');

  const setRule = (kind: ReportKind, next: Partial<RuleForm>) => {
    save.reset();
    setForm((f) => ({ ...f, deadlines: { ...f.deadlines, [kind]: { ...f.deadlines[kind], ...next } } }));
  };

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate();
      }}
      noValidate
    >
      <Stack gap="sm">
        <Text size="sm">{t('reports.settings.intro')}</Text>
        <div className="report-settings-grid" role="group" aria-label={t('reports.settings.deadlines')}>
          <div className="report-settings-head" aria-hidden="true">
            <span>{t('reports.settings.report')}</span>
            <span>{t('reports.settings.rule')}</span>
            <span>{t('reports.settings.value')}</span>
            <span>{t('reports.settings.preview', { year })}</span>
          </div>
          {REPORT_KINDS.map((kind) => {
            const d = form.deadlines[kind];
            const error = errorFor(`deadlines.${kind}`);
            const working = d.rule === 'working_days_after_cutoff';
            const labelId = `report-settings-${kind}`;
            const due = previewDeadline(kind, year, d);
            return (
              <div key={kind} className="report-settings-row" role="group" aria-labelledby={labelId} data-kind={kind}>
                <Text id={labelId} size="sm" fw={600}>
                  {t('reports.settings.deadlineOf', { kind: kindLabel(kind) })}
                </Text>
                <Select
                  aria-label={t('reports.settings.rule')}
                  data={[
                    { value: 'working_days_after_cutoff', label: t('reports.settings.ruleWorkingDays') },
                    { value: 'day_of_month', label: t('reports.settings.ruleDayOfMonth') },
                  ]}
                  value={d.rule}
                  onChange={(value) => value && setRule(kind, { rule: value as RuleName, value: value === 'day_of_month' ? 16 : 2 })}
                  allowDeselect={false}
                />
                <NumberInput
                  aria-label={working ? t('reports.settings.n') : t('reports.settings.day')}
                  placeholder={working ? t('reports.settings.nHint') : t('reports.settings.dayHint')}
                  title={working ? t('reports.settings.nHint') : t('reports.settings.dayHint')}
                  value={d.value}
                  onChange={(value) => setRule(kind, { value })}
                  min={working ? 0 : 1}
                  max={working ? 20 : 28}
                  allowDecimal={false}
                  allowNegative={false}
                  clampBehavior="none"
                  suffix={working ? t('reports.settings.nSuffix') : undefined}
                  prefix={working ? undefined : t('reports.settings.dayPrefix')}
                  error={error}
                />
                <Text size="sm" c={due ? undefined : 'dimmed'} data-testid="report-settings-preview">
                  {due ? t('reports.settings.previewValue', { date: formatDate(due) }) : t('common.dash')}
                </Text>
              </div>
            );
          })}
        </div>
        <Textarea
          label={t('reports.settings.recipients')}
          description={t('reports.settings.recipientsHint')}
          autosize
          minRows={2}
          maxRows={10}
          value={form.recipients}
          onChange={(event) => {
            save.reset();
            setForm({ ...form, recipients: event.currentTarget.value });
          }}
          error={errorFor('recipients')}
        />
        <NumberInput
          label={t('reports.settings.remind')}
          description={t('reports.settings.remindHint')}
          value={form.remindDaysBefore}
          onChange={(value) => {
            save.reset();
            setForm({ ...form, remindDaysBefore: value });
          }}
          min={0}
          max={30}
          allowDecimal={false}
          allowNegative={false}
          clampBehavior="none"
          w={200}
          error={errorFor('remindDaysBefore')}
        />
        {message && !placed && (
          <Alert color="red" icon={<Icon name="alert" />} role="alert" p="xs" data-testid="report-settings-error">
            <Text size="sm">{message}</Text>
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={save.isPending} leftSection={<Icon name="check" size={16} />}>
            {t('reports.settings.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
