// The follow-up of one finding beside its inspection: what was found, who
// must fix it by when, every update so far, and the moves the viewer may make
// (progress note, fixed, escalated to the level above, reopened, edited).
import { Badge, Button, Drawer, Group, Stack, Text, Textarea, Timeline, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
// Drawer styles are not in the app-wide set (web/src/styles/mantine.ts): loaded with the screens that use one.
import { DateField } from '../../components/DateField';
import { Icon } from '../../components/Icon';
import { LoadError, PageLoading } from '../../components/PageState';
import { t, type MessageKey } from '../../i18n';
import { daysBetween, formatDate, formatDateTime, formatNumber, todayIso } from '../../lib/format';
import { checkedSubmit, required, useFormErrors } from '../../lib/formErrors';
import { notifySuccess } from '../../lib/notify';
import { areaName, useAreas } from '../reference/areas';
import { FindingFormModal } from './FindingFormModal';
import { FindingStatusBadge, SeverityBadge } from './InspectionBadges';
import { findingQueryOptions, inspectionApi, STATUS_CHANGE_LOOK, storeFinding } from './inspectionQueries';
import type { Finding, FindingStatusChange, FindingUpdate, Inspection } from './inspectionTypes';

type InspectionRef = Pick<Inspection, 'id' | 'orgId' | 'unit' | 'conductedOn'>;

interface FindingDrawerProps {
  findingId: string | null;
  inspection: InspectionRef;
  onClose: () => void;
}

export function FindingDrawer({ findingId, inspection, onClose }: FindingDrawerProps) {
  const phone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  return (
    <Drawer
      opened={Boolean(findingId)}
      onClose={onClose}
      position="right"
      size={phone ? '100%' : 'xl'}
      title={<Text fw={700}>{t('finding.drawer.title')}</Text>}
      closeButtonProps={{ 'aria-label': t('finding.drawer.close') }}
    >
      {findingId && <FindingPanel key={findingId} id={findingId} inspection={inspection} />}
    </Drawer>
  );
}

type Move = 'note' | FindingStatusChange;

const MOVE_TEXT: Record<Move, { button: MessageKey; note: MessageKey; submit: MessageKey; done: MessageKey; noteRequired: boolean; withDate: boolean }> = {
  note: { button: 'finding.move.note', note: 'finding.move.noteLabel', submit: 'finding.move.noteSubmit', done: 'finding.move.noteDone', noteRequired: true, withDate: false },
  fixed: { button: 'finding.move.fixed', note: 'finding.move.fixedLabel', submit: 'finding.move.fixedSubmit', done: 'finding.move.fixedDone', noteRequired: false, withDate: true },
  escalated: {
    button: 'finding.move.escalated',
    note: 'finding.move.escalatedLabel',
    submit: 'finding.move.escalatedSubmit',
    done: 'finding.move.escalatedDone',
    noteRequired: true,
    withDate: true,
  },
  reopened: {
    button: 'finding.move.reopened',
    note: 'finding.move.reopenedLabel',
    submit: 'finding.move.reopenedSubmit',
    done: 'finding.move.reopenedDone',
    noteRequired: false,
    withDate: false,
  },
};

function FindingPanel({ id, inspection }: { id: string; inspection: InspectionRef }) {
  const finding = useQuery(findingQueryOptions(id));
  if (finding.isPending) return <PageLoading />;
  if (finding.isError) return <LoadError error={finding.error} onRetry={() => void finding.refetch()} />;
  return <FindingDetail finding={finding.data} inspection={inspection} />;
}

/** Which moves the server's flags allow from the finding's status. */
function allowedMoves(finding: Finding): Move[] {
  const moves: Move[] = [];
  if (finding.can.update) moves.push('note');
  if (finding.status === 'open' && finding.can.update) moves.push('fixed');
  if (finding.status === 'open' && finding.can.escalate) moves.push('escalated');
  if (finding.status !== 'open' && (finding.can.escalate || finding.can.edit)) moves.push('reopened');
  return moves;
}

function dueHint(finding: Finding, today: string): { text: string; late: boolean } | null {
  if (finding.status !== 'open') return null;
  const days = daysBetween(today, finding.fixDue);
  if (days < 0) return { text: t('finding.daysLate', { days: formatNumber(-days, 0) }), late: true };
  if (days === 0) return { text: t('finding.dueToday'), late: false };
  return { text: t('finding.daysLeft', { days: formatNumber(days, 0) }), late: false };
}

function FindingDetail({ finding, inspection }: { finding: Finding; inspection: InspectionRef }) {
  const areas = useAreas();
  const [move, setMove] = useState<Move | null>(null);
  const [editing, setEditing] = useState(false);
  const moves = allowedMoves(finding);
  const hint = dueHint(finding, todayIso());

  return (
    <Stack gap="md" data-testid="finding-detail" data-finding-status={finding.displayStatus}>
      <Stack gap={6}>
        <Group gap="xs">
          <FindingStatusBadge status={finding.displayStatus} />
          <SeverityBadge severity={finding.severity} size="md" />
          {hint && (
            <Text size="sm" fw={600} c={hint.late ? 'red.8' : undefined}>
              {hint.text}
            </Text>
          )}
        </Group>
        <Title order={2} size="h4" className="pre-line">
          {finding.description}
        </Title>
      </Stack>
      <dl className="fact-grid">
        <div>
          <dt>{t('finding.col.area')}</dt>
          <dd>{areaName(areas, finding.area) ?? t('finding.noArea')}</dd>
        </div>
        <div>
          <dt>{t('finding.col.responsibleUnit')}</dt>
          <dd>{finding.responsibleUnit.name}</dd>
        </div>
        <div>
          <dt>{t('finding.col.fixDue')}</dt>
          <dd>{formatDate(finding.fixDue)}</dd>
        </div>
        {finding.closedOn && (
          <div>
            <dt>{finding.status === 'escalated' ? t('finding.escalatedOn') : t('finding.fixedOn')}</dt>
            <dd>{formatDate(finding.closedOn)}</dd>
          </div>
        )}
        <div>
          <dt>{t('finding.inspectedUnit')}</dt>
          <dd>{finding.inspectedUnit.name}</dd>
        </div>
      </dl>
      {finding.resolution && (
        <div>
          <Text size="xs" c="dimmed">
            {finding.status === 'escalated' ? t('finding.escalationNote') : t('finding.resolution')}
          </Text>
          <Text size="sm" className="pre-line">
            {finding.resolution}
          </Text>
        </div>
      )}

      {(moves.length > 0 || finding.can.edit) && (
        <Group gap="xs" className="no-print">
          {moves.map((item) => (
            <Button
              key={item}
              variant={move === item ? 'filled' : item === 'note' ? 'light' : 'default'}
              color={item === 'fixed' ? 'green' : item === 'escalated' ? 'cyan' : undefined}
              leftSection={<Icon name={item === 'note' ? 'pencil' : STATUS_CHANGE_LOOK[item].icon} size={16} />}
              aria-expanded={move === item}
              onClick={() => setMove(move === item ? null : item)}
            >
              {t(MOVE_TEXT[item].button)}
            </Button>
          ))}
          {finding.can.edit && (
            <Button variant="subtle" leftSection={<Icon name="pencil" size={16} />} onClick={() => setEditing(true)}>
              {t('common.edit')}
            </Button>
          )}
        </Group>
      )}
      {move && <FollowUpForm key={move} finding={finding} move={move} minDate={inspection.conductedOn} onDone={() => setMove(null)} />}
      {!finding.can.update && !finding.can.edit && finding.status === 'open' && (
        <Text size="xs" c="dimmed">
          {t('finding.whoUpdates')}
        </Text>
      )}

      <UpdatesTimeline updates={finding.updates} />
      <FindingFormModal opened={editing} onClose={() => setEditing(false)} inspection={inspection} finding={finding} />
    </Stack>
  );
}

const FOLLOW_UP_FIELDS = ['note', 'date'] as const;

function FollowUpForm({ finding, move, minDate, onDone }: { finding: Finding; move: Move; minDate: string | null; onDone: () => void }) {
  const queryClient = useQueryClient();
  const errors = useFormErrors(FOLLOW_UP_FIELDS);
  const today = todayIso();
  const text = MOVE_TEXT[move];
  const [note, setNote] = useState('');
  const [date, setDate] = useState<string | null>(today);

  const send = useMutation({
    mutationFn: () =>
      inspectionApi.followUp(finding.id, {
        note: note.trim(),
        ...(move === 'note' ? {} : { statusChange: move }),
        ...(text.withDate && date ? { date } : {}),
      }),
    meta: { handlesErrors: true },
    onSuccess: async (saved) => {
      notifySuccess(t(text.done));
      await storeFinding(queryClient, saved);
      onDone();
    },
    onError: errors.fromError,
  });

  const submit = checkedSubmit(
    errors,
    () => {
      if (text.noteRequired && !note.trim()) return required('note');
      if (text.withDate && !date) return required('date');
      if (text.withDate && date && date > today) return ['date', t('finding.move.future')] as const;
      return undefined;
    },
    () => send.mutate(),
  );

  return (
    <form onSubmit={submit} noValidate className="insp-follow-up" aria-label={t(text.button)}>
      <Stack gap="sm">
        <Textarea
          label={t(text.note)}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          error={errors.errors.note}
          autosize
          minRows={3}
          required={text.noteRequired}
          data-autofocus
        />
        {text.withDate && (
          <DateField
            label={move === 'fixed' ? t('finding.move.fixedDate') : t('finding.move.escalatedDate')}
            value={date}
            onChange={setDate}
            error={errors.errors.date}
            minDate={minDate ?? undefined}
            maxDate={today}
            required
            clearable={false}
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={send.isPending} color={move === 'fixed' ? 'green' : move === 'escalated' ? 'cyan' : undefined}>
            {t(text.submit)}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function UpdatesTimeline({ updates }: { updates: FindingUpdate[] }) {
  const sorted = [...updates].sort((a, b) => (a.date === b.date ? b.at.localeCompare(a.at) : b.date.localeCompare(a.date)));
  return (
    <section aria-labelledby="finding-updates-heading">
      <Title order={3} size="h5" mb="sm" id="finding-updates-heading">
        {t('finding.updates')}
      </Title>
      {sorted.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('finding.noUpdates')}
        </Text>
      ) : (
        <Timeline bulletSize={22} lineWidth={2} active={sorted.length}>
          {sorted.map((update) => {
            const look = update.statusChange ? STATUS_CHANGE_LOOK[update.statusChange] : null;
            return (
              <Timeline.Item
                key={update.id}
                data-testid="finding-update"
                bullet={<Icon name={look?.icon ?? 'pencil'} size={12} />}
                title={
                  <Group gap="xs">
                    <Text size="sm" fw={700}>
                      {formatDate(update.date)}
                    </Text>
                    <Text size="sm">{update.author ?? t('finding.unknownAuthor')}</Text>
                    {look && (
                      <Badge size="sm" color={look.color} variant="light" leftSection={<Icon name={look.icon} size={12} />}>
                        {t(look.label)}
                      </Badge>
                    )}
                  </Group>
                }
              >
                <Stack gap={2} mt={4}>
                  {update.note && (
                    <Text size="sm" className="pre-line">
                      {update.note}
                    </Text>
                  )}
                  <Text size="xs" c="dimmed">
                    {formatDateTime(update.at)}
                  </Text>
                </Stack>
              </Timeline.Item>
            );
          })}
        </Timeline>
      )}
    </section>
  );
}
