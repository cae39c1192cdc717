// The moves of the process, each asked before it is done: the chairman's
// sign-off, closing round 1, the explanation and the final score; reloading
// the automatic criteria; and the remediation plan made from the lost points.
import { Alert, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { AnchorLink } from '../../components/AnchorLink';
import { ConfirmButton } from '../../components/ConfirmButton';
import { Icon } from '../../components/Icon';
import { t, type MessageKey } from '../../i18n';
import { errorMessage, isApiError } from '../../lib/api';
import { invalidateWorkData } from '../../lib/invalidate';
import { notifySuccess } from '../../lib/notify';
import { assessmentApi, storeView } from './assessmentQueries';
import type { AssessmentView, Move } from './assessmentTypes';
import { ActionError } from './AssessmentPageProblems';

interface MoveButton {
  move: Move;
  allowed: (can: AssessmentView['can']) => boolean;
  label: MessageKey;
  confirm: MessageKey;
  done: MessageKey;
  color?: string;
}

const MOVES: MoveButton[] = [
  { move: 'submit', allowed: (can) => can.submit, label: 'parAssessment.move.submit', confirm: 'parAssessment.move.submitConfirm', done: 'parAssessment.move.submitDone' },
  { move: 'close_round1', allowed: (can) => can.closeRound1, label: 'parAssessment.move.closeRound1', confirm: 'parAssessment.move.closeRound1Confirm', done: 'parAssessment.move.closeRound1Done' },
  { move: 'close_explanation', allowed: (can) => can.closeExplanation, label: 'parAssessment.move.closeExplanation', confirm: 'parAssessment.move.closeExplanationConfirm', done: 'parAssessment.move.closeExplanationDone' },
  { move: 'close_final', allowed: (can) => can.closeFinal, label: 'parAssessment.move.closeFinal', confirm: 'parAssessment.move.closeFinalConfirm', done: 'parAssessment.move.closeFinalDone', color: 'green' },
];

type Failure = { title: string; error: unknown } | null;

/** `remediation`: false while the lost-points tab (which has its own button) is shown, so the button is on screen once. */
export function AssessmentActions({ view, onReveal, remediation = true }: { view: AssessmentView; onReveal: (code: string) => void; remediation?: boolean }) {
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<Failure>(null);
  const failureRef = useRef<HTMLDivElement>(null);
  // On a phone the refusal would be below the fold: bring it into view.
  useEffect(() => {
    if (failure) failureRef.current?.scrollIntoView({ behavior: 'smooth', block: 'nearest' });
  }, [failure]);

  const move = useMutation({
    mutationFn: (m: MoveButton) => assessmentApi.move(view.id, m.move),
    meta: { handlesErrors: true },
    onMutate: () => setFailure(null),
    onSuccess: (next, m) => {
      storeView(queryClient, next);
      notifySuccess(t(m.done));
    },
    onError: (error, m) => setFailure({ title: t('parAssessment.move.failed', { action: t(m.label) }), error }),
  });
  const refresh = useMutation({
    mutationFn: () => assessmentApi.refresh(view.id),
    meta: { handlesErrors: true },
    onMutate: () => setFailure(null),
    onSuccess: (next) => {
      storeView(queryClient, next);
      notifySuccess(t('parAssessment.refresh.done'));
    },
    onError: (error) => setFailure({ title: t('parAssessment.move.failed', { action: t('parAssessment.refresh.button') }), error }),
  });

  const moves = MOVES.filter((m) => m.allowed(view.can));
  const showRemediation = remediation && view.can.remediate;
  const anything = moves.length > 0 || view.can.selfScore || showRemediation;
  if (!anything) return null;

  return (
    <Stack gap="xs" className="no-print">
      <Group gap="xs">
        {moves.map((m) => (
          <ConfirmButton
            key={m.move}
            color={m.color}
            leftSection={<Icon name="check" size={16} />}
            message={t(m.confirm, { year: view.year, org: view.org.name })}
            loading={move.isPending && move.variables?.move === m.move}
            onConfirm={() => move.mutateAsync(m)}
          >
            {t(m.label)}
          </ConfirmButton>
        ))}
        {view.can.selfScore && (
          <ConfirmButton
            variant="default"
            leftSection={<Icon name="refresh" size={16} />}
            message={t('parAssessment.refresh.confirm')}
            loading={refresh.isPending}
            onConfirm={() => refresh.mutateAsync()}
          >
            {t('parAssessment.refresh.button')}
          </ConfirmButton>
        )}
        {showRemediation && <RemediationButton view={view} />}
      </Group>
      {failure && (
        <div ref={failureRef}>
          <ActionError title={failure.title} error={failure.error} onReveal={onReveal} onClose={() => setFailure(null)} />
        </div>
      )}
    </Stack>
  );
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** "Tạo kế hoạch khắc phục": a draft plan with one task per criterion that lost points; opens it. */
export function RemediationButton({ view }: { view: AssessmentView }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const create = useMutation({
    mutationFn: () => assessmentApi.remediationPlan(view.id),
    meta: { handlesErrors: true },
    onSuccess: async (answer) => {
      notifySuccess(t('parAssessment.remediation.done', { tasks: answer.tasks }));
      await invalidateWorkData(queryClient);
      void navigate({ to: '/plans/$planId', params: { planId: answer.planId } });
    },
  });
  const existing = isApiError(create.error) && create.error.code === 'conflict' && create.error.field && UUID.test(create.error.field) ? create.error.field : null;
  return (
    <Stack gap={6} align="flex-start" className="no-print">
      <ConfirmButton
        variant="light"
        color="grape"
        leftSection={<Icon name="checklist" size={16} />}
        message={t('parAssessment.remediation.confirm', { count: view.result.lostPoints.length })}
        loading={create.isPending}
        onConfirm={() => create.mutateAsync()}
      >
        {t('parAssessment.remediation.button')}
      </ConfirmButton>
      {create.isError && (
        <Alert color={existing ? 'blue' : 'red'} icon={<Icon name="alert" />} role="alert" p="xs" withCloseButton onClose={() => create.reset()} closeButtonLabel={t('parAssessment.close')}>
          <Text size="sm">{errorMessage(create.error)}</Text>
          {existing && (
            <AnchorLink to="/plans/$planId" params={{ planId: existing }} size="sm" fw={600}>
              {t('parAssessment.remediation.open')}
            </AnchorLink>
          )}
        </Alert>
      )}
    </Stack>
  );
}
