// The controls of one leaf's value: points, Đạt/Không đạt, a deadline, a date,
// a rate, numerator/denominator, a count, and "không phát sinh" where the leaf
// allows it. The kinds offered are the leaf's (self) or the appraisers'.
import { Checkbox, Group, NumberInput, Radio, SimpleGrid, Stack } from '@mantine/core';
import { DateField } from '../../components/DateField';
import { t } from '../../i18n';
import { numberInputSeparators } from '../../lib/format';
import { formatPoints, kindLabel } from './assessmentFormat';
import type { DeadlineStatus, InputKind, LeafInput } from './assessmentTypes';

export interface InputDraft {
  /** The kind being typed (never not_applicable: that is the checkbox). */
  kind: InputKind;
  notApplicable: boolean;
  points: number | string;
  passed: 'yes' | 'no' | null;
  deadline: DeadlineStatus | null;
  date: string | null;
  notYetDone: boolean;
  percent: number | string;
  numerator: number | string;
  denominator: number | string;
  count: number | string;
}

const typedKinds = (kinds: InputKind[]) => kinds.filter((kind) => kind !== 'not_applicable');

/** The form's starting values from a stored input (or empty), keeping only what these kinds can show. */
export function draftFrom(input: LeafInput | null | undefined, kinds: InputKind[]): InputDraft {
  const typed = typedKinds(kinds);
  const usable = input && kinds.includes(input.kind) ? input : null;
  const draft: InputDraft = {
    kind: usable && usable.kind !== 'not_applicable' ? usable.kind : (typed[0] ?? 'score'),
    notApplicable: usable?.kind === 'not_applicable',
    points: '',
    passed: null,
    deadline: null,
    date: null,
    notYetDone: false,
    percent: '',
    numerator: '',
    denominator: '',
    count: '',
  };
  switch (usable?.kind) {
    case 'score':
      draft.points = usable.points;
      break;
    case 'boolean':
      draft.passed = usable.value ? 'yes' : 'no';
      break;
    case 'deadline':
      draft.deadline = usable.status;
      break;
    case 'date':
      draft.date = usable.date;
      draft.notYetDone = usable.date === null;
      break;
    case 'rate':
      draft.percent = usable.percent;
      break;
    case 'ratio':
      draft.numerator = usable.numerator;
      draft.denominator = usable.denominator;
      break;
    case 'count':
      draft.count = usable.value;
      break;
    default:
      break;
  }
  return draft;
}

const num = (value: number | string): number | null => {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  const text = value.trim();
  if (!text) return null;
  const parsed = Number(text.replace(',', '.'));
  return Number.isFinite(parsed) ? parsed : null;
};

/** The input to send, or why it cannot be sent yet (shown under the field). */
export function inputFromDraft(draft: InputDraft): { input: LeafInput } | { problem: string } {
  if (draft.notApplicable) return { input: { kind: 'not_applicable' } };
  const missing = { problem: t('parAssessment.form.valueRequired') };
  switch (draft.kind) {
    case 'score': {
      const points = num(draft.points);
      return points === null ? missing : { input: { kind: 'score', points } };
    }
    case 'boolean':
      return draft.passed === null ? missing : { input: { kind: 'boolean', value: draft.passed === 'yes' } };
    case 'deadline':
      return draft.deadline === null ? missing : { input: { kind: 'deadline', status: draft.deadline } };
    case 'date':
      if (draft.notYetDone) return { input: { kind: 'date', date: null } };
      return draft.date ? { input: { kind: 'date', date: draft.date } } : missing;
    case 'rate': {
      const percent = num(draft.percent);
      return percent === null ? missing : { input: { kind: 'rate', percent } };
    }
    case 'ratio': {
      const numerator = num(draft.numerator);
      const denominator = num(draft.denominator);
      return numerator === null || denominator === null ? missing : { input: { kind: 'ratio', numerator, denominator } };
    }
    case 'count': {
      const value = num(draft.count);
      return value === null ? missing : { input: { kind: 'count', value } };
    }
    case 'not_done':
      return { input: { kind: 'not_done' } };
    case 'not_applicable':
      return { input: { kind: 'not_applicable' } };
  }
}

interface LeafInputFieldsProps {
  draft: InputDraft;
  onChange: (draft: InputDraft) => void;
  kinds: InputKind[];
  maxPoints: number;
  /** "Điểm tự chấm" or "Điểm thẩm định". */
  pointsLabel: string;
  /** "Kết quả tự chấm" or "Kết quả thẩm định" (for Đạt/Không đạt and deadlines). */
  resultLabel: string;
  /** What "không phát sinh" does to this leaf (Tính điểm tối đa / Giảm trừ điểm tối đa). */
  notApplicableHint: string | null;
  error?: string;
  disabled?: boolean;
}

export function LeafInputFields({ draft, onChange, kinds, maxPoints, pointsLabel, resultLabel, notApplicableHint, error, disabled }: LeafInputFieldsProps) {
  const typed = typedKinds(kinds);
  const set = (patch: Partial<InputDraft>) => onChange({ ...draft, ...patch });
  const separators = numberInputSeparators();
  const off = disabled || draft.notApplicable;

  const field = () => {
    switch (draft.kind) {
      case 'score':
        return (
          <NumberInput
            label={pointsLabel}
            description={t('parAssessment.form.pointsHint', { max: formatPoints(maxPoints) })}
            value={draft.points}
            onChange={(points) => set({ points })}
            min={0}
            max={maxPoints}
            step={0.25}
            decimalScale={2}
            decimalSeparator={separators.decimalSeparator}
            thousandSeparator=""
            clampBehavior="none"
            error={error}
            disabled={off}
            required
            withAsterisk={false}
          />
        );
      case 'boolean':
        return (
          <Radio.Group label={resultLabel} value={draft.passed} onChange={(value) => set({ passed: value as 'yes' | 'no' })} error={error} required withAsterisk={false}>
            <Group gap="md" mt={4}>
              <Radio value="yes" label={t('parAssessment.input.pass')} disabled={off} />
              <Radio value="no" label={t('parAssessment.input.fail')} disabled={off} />
            </Group>
          </Radio.Group>
        );
      case 'deadline':
        return (
          <Radio.Group label={resultLabel} value={draft.deadline} onChange={(value) => set({ deadline: value as DeadlineStatus })} error={error} required withAsterisk={false}>
            <Group gap="md" mt={4}>
              <Radio value="on_time" label={t('parAssessment.input.onTime')} disabled={off} />
              <Radio value="late" label={t('parAssessment.input.late')} disabled={off} />
              <Radio value="missing" label={t('parAssessment.input.missing')} disabled={off} />
            </Group>
          </Radio.Group>
        );
      case 'date':
        return (
          <Stack gap={6}>
            {!draft.notYetDone && (
              <DateField label={t('parAssessment.form.date')} value={draft.date} onChange={(date) => set({ date })} error={error} required />
            )}
            <Checkbox
              label={t('parAssessment.input.notYetDone')}
              checked={draft.notYetDone}
              onChange={(event) => set({ notYetDone: event.currentTarget.checked })}
              disabled={off}
              error={draft.notYetDone ? error : undefined}
            />
          </Stack>
        );
      case 'rate':
        return (
          <NumberInput
            label={t('parAssessment.form.rate')}
            value={draft.percent}
            onChange={(percent) => set({ percent })}
            min={0}
            decimalScale={2}
            decimalSeparator={separators.decimalSeparator}
            thousandSeparator=""
            suffix="%"
            error={error}
            disabled={off}
            required
            withAsterisk={false}
          />
        );
      case 'ratio':
        return (
          <SimpleGrid cols={2} spacing="xs">
            <NumberInput
              label={t('parAssessment.form.numerator')}
              value={draft.numerator}
              onChange={(numerator) => set({ numerator })}
              min={0}
              decimalSeparator={separators.decimalSeparator}
              thousandSeparator=""
              error={error}
              disabled={off}
              required
              withAsterisk={false}
            />
            <NumberInput
              label={t('parAssessment.form.denominator')}
              value={draft.denominator}
              onChange={(denominator) => set({ denominator })}
              min={0}
              decimalSeparator={separators.decimalSeparator}
              thousandSeparator=""
              disabled={off}
              required
              withAsterisk={false}
            />
          </SimpleGrid>
        );
      case 'count':
        return (
          <NumberInput
            label={t('parAssessment.form.count')}
            value={draft.count}
            onChange={(count) => set({ count })}
            min={0}
            allowDecimal={false}
            thousandSeparator=""
            error={error}
            disabled={off}
            required
            withAsterisk={false}
          />
        );
      case 'not_done':
        return error ? (
          <Radio.Group label={resultLabel} error={error} value="not_done">
            <Radio value="not_done" label={kindLabel('not_done')} disabled />
          </Radio.Group>
        ) : null;
      default:
        return null;
    }
  };

  return (
    <Stack gap="xs">
      {kinds.includes('not_applicable') && (
        <Checkbox
          label={t('parAssessment.input.notApplicable')}
          description={notApplicableHint ?? undefined}
          checked={draft.notApplicable}
          onChange={(event) => set({ notApplicable: event.currentTarget.checked })}
          disabled={disabled}
          error={draft.notApplicable ? error : undefined}
        />
      )}
      {!draft.notApplicable && typed.length > 1 && (
        <Radio.Group label={t('parAssessment.form.how')} value={draft.kind} onChange={(kind) => set({ kind: kind as InputKind })}>
          <Group gap="md" mt={4}>
            {typed.map((kind) => (
              <Radio key={kind} value={kind} label={kindLabel(kind)} disabled={disabled} />
            ))}
          </Group>
        </Radio.Group>
      )}
      {!draft.notApplicable && field()}
    </Stack>
  );
}
