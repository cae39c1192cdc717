// Editing a campaign's criteria: add, remove, reorder; each is computed from
// the records (a figure, its threshold, the date it is counted to) or judged
// by a person. The server's 400 names the criterion by its position; the
// message is shown above the list and beside that criterion.
import { ActionIcon, Alert, Button, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { DateField } from '../../../components/DateField';
import { FormActions } from '../../../components/FormActions';
import { FormModal } from '../../../components/FormModal';
import { Icon } from '../../../components/Icon';
import { ToggleButtons } from '../../../components/ToggleButtons';
import { t } from '../../../i18n';
import { errorMessage, isApiError } from '../../../lib/api';
import { formatDate, numberInputSeparators } from '../../../lib/format';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { appliesLabel, emulationApi, storeCampaign } from '../emulationQueries';
import { APPLIES_TO, type AppliesTo, type Campaign, type Criterion, type CriterionInput, type Metric, type MetricInfo } from '../emulationTypes';

const MAX_CRITERIA = 30;

interface Draft {
  /** Local key for React; `id` is the server's. */
  key: string;
  id?: string;
  label: string;
  appliesTo: AppliesTo;
  kind: 'computed' | 'judged';
  metric: Metric;
  threshold: number | '';
  asOf: string | null;
}

function defaultThreshold(metric: MetricInfo | undefined): number {
  if (!metric) return 0;
  if (metric.direction === 'max') return 0;
  return metric.unit === '%' ? 100 : 1;
}

function toDraft(criterion: Criterion, fallbackMetric: Metric): Draft {
  const source = criterion.source;
  return {
    key: criterion.id,
    id: criterion.id,
    label: criterion.label,
    appliesTo: criterion.appliesTo,
    kind: source.kind,
    metric: source.kind === 'computed' ? source.metric : fallbackMetric,
    threshold: source.kind === 'computed' ? source.threshold : '',
    asOf: source.kind === 'computed' ? source.asOf : null,
  };
}

function toInput(draft: Draft): CriterionInput {
  return {
    ...(draft.id ? { id: draft.id } : {}),
    label: draft.label.trim(),
    appliesTo: draft.appliesTo,
    source:
      draft.kind === 'judged'
        ? { kind: 'judged' }
        : { kind: 'computed', metric: draft.metric, threshold: draft.threshold === '' ? 0 : draft.threshold, asOf: draft.asOf },
  };
}

/** The inputs of one criterion a message can be attached to; `row` is the criterion as a whole. */
type Part = 'label' | 'metric' | 'threshold' | 'asOf' | 'row';

interface Problem {
  part: Part;
  message: string;
}

/** The criterion (0-based) and its input a server field such as `criteria.2.source.threshold` names. */
function placeOfField(field: string | null): { row: number; part: Part } | null {
  const match = field ? /^criteria\.(\d+)(?:\.(?:source\.)?(\w+))?/.exec(field) : null;
  if (!match) return null;
  const sub = match[2];
  const part: Part = sub === 'label' || sub === 'metric' || sub === 'threshold' || sub === 'asOf' ? sub : 'row';
  return { row: Number(match[1]), part };
}

export function CriteriaFormModal({ opened, onClose, campaign }: { opened: boolean; onClose: () => void; campaign: Campaign }) {
  return (
    <FormModal opened={opened} onClose={onClose} title={t('emulation.criteria.editTitle')} size="xl">
      <CriteriaForm campaign={campaign} onClose={onClose} />
    </FormModal>
  );
}

function CriteriaForm({ campaign, onClose }: { campaign: Campaign; onClose: () => void }) {
  const queryClient = useQueryClient();
  const metrics = campaign.metrics;
  const firstMetric = metrics[0]?.key ?? 'tasks_done_share';
  const [drafts, setDrafts] = useState<Draft[]>(() => campaign.criteria.map((criterion) => toDraft(criterion, firstMetric)));
  const [problems, setProblems] = useState<Record<string, Problem>>({});
  const [serverError, setServerError] = useState<{ message: string; row: number | null; part: Part } | null>(null);
  const listRef = useRef<HTMLDivElement>(null);

  // Bring the criterion a message names into view (the list is longer than the dialog).
  useEffect(() => {
    if (serverError?.row == null && Object.keys(problems).length === 0) return;
    listRef.current?.querySelector('[data-invalid]')?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [serverError, problems]);
  const counter = useRef(0);

  const save = useMutation({
    mutationFn: (criteria: CriterionInput[]) => emulationApi.saveCriteria(campaign.id, criteria),
    meta: { handlesErrors: true },
    onSuccess: async (answer) => {
      await storeCampaign(queryClient, campaign.id, answer);
      notifySuccess(t('emulation.criteria.saved'));
      onClose();
    },
    onError: (error) => {
      if (isApiError(error) && (error.code === 'validation' || error.code === 'conflict')) {
        const place = placeOfField(error.field);
        setServerError({ message: errorMessage(error), row: place?.row ?? null, part: place?.part ?? 'row' });
      } else {
        notifyError(error);
      }
    },
  });

  const change = (key: string, patch: Partial<Draft>) => {
    setDrafts((list) => list.map((draft) => (draft.key === key ? { ...draft, ...patch } : draft)));
    setProblems((previous) => {
      if (!(key in previous)) return previous;
      const next = { ...previous };
      delete next[key];
      return next;
    });
  };

  const move = (index: number, by: -1 | 1) => {
    setDrafts((list) => {
      const next = [...list];
      const [item] = next.splice(index, 1);
      next.splice(index + by, 0, item);
      return next;
    });
    setServerError(null);
  };

  const add = () => {
    counter.current += 1;
    const metric = metrics[0];
    setDrafts((list) => [
      ...list,
      { key: `new-${counter.current}`, label: '', appliesTo: 'both', kind: 'computed', metric: firstMetric, threshold: defaultThreshold(metric), asOf: null },
    ]);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setServerError(null);
    const found: Record<string, Problem> = {};
    for (const draft of drafts) {
      if (!draft.label.trim()) found[draft.key] = { part: 'label', message: t('emulation.criteria.labelRequired') };
      else if (draft.kind === 'computed' && draft.threshold === '') found[draft.key] = { part: 'threshold', message: t('emulation.criteria.thresholdRequired') };
    }
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    save.mutate(drafts.map(toInput));
  };

  const metricOptions = metrics.map((metric) => ({ value: metric.key, label: `${metric.label} (${metric.unit})` }));
  const separators = numberInputSeparators();

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm" c="dimmed">
          {t('emulation.criteria.formIntro', { date: formatDate(campaign.cutOff) })}
        </Text>
        {serverError && (
          <Alert color="red" icon={<Icon name="alert" />} role="alert" title={t('emulation.criteria.notSaved')}>
            {serverError.message}
          </Alert>
        )}
        {Object.keys(problems).length > 0 && (
          <Alert color="red" icon={<Icon name="alert" />} role="alert">
            {t('emulation.criteria.fixProblems', { count: Object.keys(problems).length })}
          </Alert>
        )}
        {drafts.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('emulation.criteria.none')}
          </Text>
        )}
        <div ref={listRef}>
          <Stack gap="sm" component="ol" className="emu-criteria-form">
            {drafts.map((draft, index) => {
              const metric = metrics.find((item) => item.key === draft.metric);
              const problem: Problem | undefined =
                problems[draft.key] ?? (serverError && serverError.row === index ? { part: serverError.part, message: serverError.message } : undefined);
              // A message about an input hidden for judged criteria is shown for the criterion as a whole.
              const part = problem && draft.kind === 'judged' && problem.part !== 'label' ? 'row' : problem?.part;
              const errorOn = (which: Part) => (problem && part === which ? problem.message : undefined);
              const position = index + 1;
              return (
                <Paper
                  key={draft.key}
                  component="li"
                  withBorder
                  p="sm"
                  className="emu-criterion-draft"
                  data-invalid={problem ? true : undefined}
                  aria-label={t('emulation.criteria.position', { position })}
                  data-testid="criterion-draft"
                >
                  <Stack gap="xs">
                    <Group justify="space-between" gap="xs" wrap="nowrap">
                      <Text size="sm" fw={700}>
                        {t('emulation.criteria.position', { position })}
                      </Text>
                      <Group gap={4} wrap="nowrap">
                        <ActionIcon
                          variant="subtle"
                          color="gray"
                          disabled={index === 0}
                          onClick={() => move(index, -1)}
                          aria-label={t('emulation.criteria.moveUp', { position })}
                        >
                          <span aria-hidden="true" className="emu-arrow">↑</span>
                        </ActionIcon>
                        <ActionIcon
                          variant="subtle"
                          color="gray"
                          disabled={index === drafts.length - 1}
                          onClick={() => move(index, 1)}
                          aria-label={t('emulation.criteria.moveDown', { position })}
                        >
                          <span aria-hidden="true" className="emu-arrow">↓</span>
                        </ActionIcon>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          onClick={() => {
                            setDrafts((list) => list.filter((item) => item.key !== draft.key));
                            setServerError(null);
                          }}
                          aria-label={t('emulation.criteria.remove', { position })}
                        >
                          <Icon name="trash" size={16} />
                        </ActionIcon>
                      </Group>
                    </Group>
                    <Textarea
                      label={t('emulation.criteria.label')}
                      value={draft.label}
                      onChange={(event) => change(draft.key, { label: event.currentTarget.value })}
                      autosize
                      minRows={1}
                      maxLength={500}
                      required
                      error={errorOn('label')}
                    />
                    {errorOn('row') && (
                      <Text size="sm" c="red.8" role="alert">
                        {errorOn('row')}
                      </Text>
                    )}
                    <SimpleGrid cols={{ base: 1, sm: 2 }}>
                      <Select
                        label={t('emulation.criteria.appliesTo')}
                        data={APPLIES_TO.map((value) => ({ value, label: appliesLabel(value) }))}
                        value={draft.appliesTo}
                        onChange={(value) => value && change(draft.key, { appliesTo: value as AppliesTo })}
                        allowDeselect={false}
                      />
                      <ToggleButtons
                        size="xs"
                        label={t('emulation.criteria.kind')}
                        value={draft.kind}
                        onChange={(kind) =>
                          change(draft.key, { kind, threshold: kind === 'computed' && draft.threshold === '' ? defaultThreshold(metric) : draft.threshold })
                        }
                        options={[
                          { value: 'computed', label: t('emulation.criteria.computed') },
                          { value: 'judged', label: t('emulation.criteria.judged') },
                        ]}
                      />
                    </SimpleGrid>
                    {draft.kind === 'computed' ? (
                      <>
                        <Select
                          label={t('emulation.criteria.metric')}
                          data={metricOptions}
                          value={draft.metric}
                          onChange={(value) => {
                            if (!value) return;
                            const next = metrics.find((item) => item.key === value);
                            change(draft.key, { metric: value as Metric, threshold: defaultThreshold(next) });
                          }}
                          allowDeselect={false}
                          error={errorOn('metric')}
                        />
                        <SimpleGrid cols={{ base: 1, sm: 2 }}>
                          <NumberInput
                            label={metric?.direction === 'max' ? t('emulation.criteria.thresholdMax') : t('emulation.criteria.thresholdMin')}
                            description={metric?.direction === 'max' ? t('emulation.criteria.thresholdMaxHint') : t('emulation.criteria.thresholdMinHint')}
                            value={draft.threshold}
                            onChange={(value) => change(draft.key, { threshold: typeof value === 'number' ? value : value === '' ? '' : Number(value) })}
                            min={0}
                            max={metric?.unit === '%' ? 100 : 1000}
                            allowDecimal={metric?.unit === '%'}
                            allowNegative={false}
                            decimalScale={2}
                            rightSection={<Text size="xs" c="dimmed">{metric?.unit}</Text>}
                            rightSectionWidth={metric && metric.unit.length > 2 ? 80 : 36}
                            required
                            error={errorOn('threshold')}
                            {...separators}
                          />
                          <DateField
                            label={t('emulation.criteria.asOf')}
                            description={t('emulation.criteria.asOfHint')}
                            value={draft.asOf}
                            onChange={(asOf) => change(draft.key, { asOf })}
                            error={errorOn('asOf')}
                            minDate={campaign.periodFrom}
                            maxDate={campaign.periodTo}
                          />
                        </SimpleGrid>
                      </>
                    ) : (
                      <Text size="xs" c="dimmed">
                        {t('emulation.rule.judged')}
                      </Text>
                    )}
                  </Stack>
                </Paper>
              );
            })}
          </Stack>
        </div>
        <Group>
          <Button variant="light" leftSection={<Icon name="plus" size={16} />} onClick={add} disabled={drafts.length >= MAX_CRITERIA}>
            {t('emulation.criteria.add')}
          </Button>
          {drafts.length >= MAX_CRITERIA && (
            <Text size="xs" c="dimmed">
              {t('emulation.criteria.max', { max: MAX_CRITERIA })}
            </Text>
          )}
        </Group>
        <FormActions onCancel={onClose} submitting={save.isPending} submitLabel={t('emulation.criteria.save')} />
      </Stack>
    </form>
  );
}
