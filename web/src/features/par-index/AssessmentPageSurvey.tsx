// Điểm điều tra xã hội học of one commune, typed by the province's
// administrator as points (of the set's survey weight) or as a percentage.
import { Button, Group, NumberInput, SegmentedControl, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ConfirmButton } from '../../components/ConfirmButton';
import { Icon } from '../../components/Icon';
import { SectionPanel } from '../../components/SectionPanel';
import { t } from '../../i18n';
import { numberInputSeparators } from '../../lib/format';
import { useFormErrors } from '../../lib/formErrors';
import { notifySuccess } from '../../lib/notify';
import { formatPoints } from './assessmentFormat';
import { assessmentApi, storeView } from './assessmentQueries';
import type { AssessmentView, SurveyInput } from './assessmentTypes';

export function AssessmentPageSurvey({ view }: { view: AssessmentView }) {
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<SurveyInput['kind']>(view.survey?.kind ?? 'points');
  const [value, setValue] = useState<number | string>(
    view.survey ? (view.survey.kind === 'points' ? view.survey.points : view.survey.percent) : '',
  );
  const errors = useFormErrors(['survey'] as const);
  const save = useMutation({
    mutationFn: (survey: SurveyInput | null) => assessmentApi.setSurvey(view.id, survey),
    meta: { handlesErrors: true },
    onSuccess: (next, survey) => {
      storeView(queryClient, next);
      if (!survey) setValue('');
      notifySuccess(survey ? t('parAssessment.survey.saved') : t('parAssessment.survey.cleared'));
    },
    onError: errors.fromError,
  });
  const separators = numberInputSeparators();
  const max = view.set.surveyWeight;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    errors.clear();
    const number = typeof value === 'number' ? value : Number(String(value).replace(',', '.'));
    if (value === '' || !Number.isFinite(number)) return errors.set('survey', t('common.required'));
    save.mutate(kind === 'points' ? { kind: 'points', points: number } : { kind: 'percent', percent: number });
  };

  return (
    <SectionPanel id="par-survey" title={t('parAssessment.survey.title')} className="no-print">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {view.survey
              ? t('parAssessment.survey.current', {
                  points: formatPoints(view.result.survey.points),
                  max: formatPoints(max),
                  source: view.surveySource ?? t('common.dash'),
                })
              : t('parAssessment.survey.none', { max: formatPoints(max) })}
          </Text>
          <SegmentedControl
            aria-label={t('parAssessment.survey.kind')}
            value={kind}
            onChange={(next) => {
              setKind(next as SurveyInput['kind']);
              errors.clear();
            }}
            data={[
              { value: 'points', label: t('parAssessment.survey.byPoints') },
              { value: 'percent', label: t('parAssessment.survey.byPercent') },
            ]}
            style={{ alignSelf: 'flex-start' }}
          />
          <NumberInput
            label={kind === 'points' ? t('parAssessment.survey.points', { max: formatPoints(max) }) : t('parAssessment.survey.percent')}
            value={value}
            onChange={setValue}
            min={0}
            max={kind === 'points' ? max : 100}
            step={kind === 'points' ? 0.25 : 1}
            decimalScale={2}
            decimalSeparator={separators.decimalSeparator}
            thousandSeparator=""
            clampBehavior="none"
            error={errors.errors.survey}
            maw={280}
            required
            withAsterisk={false}
          />
          <Group gap="xs">
            <Button type="submit" loading={save.isPending && save.variables !== null} leftSection={<Icon name="check" size={16} />}>
              {t('parAssessment.survey.save')}
            </Button>
            {view.survey && (
              <ConfirmButton
                variant="subtle"
                color="red"
                message={t('parAssessment.survey.clearConfirm')}
                loading={save.isPending && save.variables === null}
                onConfirm={() => save.mutateAsync(null)}
              >
                {t('parAssessment.survey.clear')}
              </ConfirmButton>
            )}
          </Group>
        </Stack>
      </form>
    </SectionPanel>
  );
}
