// What may be done with a report, by what the server says the viewer may do:
// the chairman's approval, sending it to the province with its number and
// date, the province's receipt or return with a reason, reading the figures
// again, a new version after it was sent, and the files.
import { Button, Group, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { ConfirmButton } from '../../components/ConfirmButton';
import { DateField } from '../../components/DateField';
import { FormActions } from '../../components/FormActions';
import { FormModal } from '../../components/FormModal';
import { Icon } from '../../components/Icon';
import { t } from '../../i18n';
import { checkedSubmit, required, useFormErrors } from '../../lib/formErrors';
import { todayIso } from '../../lib/format';
import { notifySuccess } from '../../lib/notify';
import { reportApi, storeReport } from './reportQueries';
import type { MoveBody, ReportView } from './reportTypes';

export function ReportActions({ view }: { view: ReportView }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [dialog, setDialog] = useState<'submit' | 'return' | null>(null);
  const { can } = view;

  const move = useMutation({
    mutationFn: (body: MoveBody) => reportApi.move(view.id, body),
    onSuccess: async (next, body) => {
      await storeReport(queryClient, next);
      notifySuccess(t(`reports.move.${body.move}Done`));
    },
  });
  const refresh = useMutation({
    mutationFn: () => reportApi.refresh(view.id),
    onSuccess: async (next) => {
      await storeReport(queryClient, next);
      notifySuccess(t('reports.refreshDone'));
    },
  });
  const newVersion = useMutation({
    mutationFn: () => reportApi.create(view.org.id, view.kind, view.year),
    onSuccess: async (next) => {
      await storeReport(queryClient, next);
      notifySuccess(t('reports.created', { version: next.version }));
      void navigate({ to: '/bao-cao/$reportId', params: { reportId: next.id } });
    },
  });
  const busy = move.isPending || refresh.isPending || newVersion.isPending;

  return (
    <Stack gap="xs" className="no-print">
      <Group gap="xs" data-testid="report-actions">
        {can.approve && (
          <ConfirmButton
            color="green"
            leftSection={<Icon name="check" size={16} />}
            message={t('reports.move.approveConfirm', { title: view.content.title })}
            loading={move.isPending && move.variables?.move === 'approve'}
            disabled={busy && !(move.isPending && move.variables?.move === 'approve')}
            onConfirm={() => move.mutateAsync({ move: 'approve' })}
          >
            {t('reports.move.approve')}
          </ConfirmButton>
        )}
        {can.submit && (
          <Button leftSection={<Icon name="upload" size={16} />} onClick={() => setDialog('submit')} disabled={busy}>
            {t('reports.move.submit')}
          </Button>
        )}
        {can.review && (
          <>
            <ConfirmButton
              color="green"
              leftSection={<Icon name="check" size={16} />}
              message={t('reports.move.receiveConfirm', { org: view.org.name, title: view.content.title })}
              loading={move.isPending && move.variables?.move === 'receive'}
              disabled={busy && !(move.isPending && move.variables?.move === 'receive')}
              onConfirm={() => move.mutateAsync({ move: 'receive' })}
            >
              {t('reports.move.receive')}
            </ConfirmButton>
            <Button color="red" variant="light" leftSection={<Icon name="x" size={16} />} onClick={() => setDialog('return')} disabled={busy}>
              {t('reports.move.return')}
            </Button>
          </>
        )}
        {can.edit && (
          <ConfirmButton
            variant="default"
            leftSection={<Icon name="refresh" size={16} />}
            message={view.status === 'approved' ? t('reports.refreshConfirmApproved') : t('reports.refreshConfirm')}
            loading={refresh.isPending}
            disabled={busy && !refresh.isPending}
            onConfirm={() => refresh.mutateAsync()}
          >
            {t('reports.refresh')}
          </ConfirmButton>
        )}
        {can.newVersion && (
          <ConfirmButton
            variant="light"
            leftSection={<Icon name="plus" size={16} />}
            message={t('reports.newVersionConfirm', { version: view.version + 1 })}
            loading={newVersion.isPending}
            disabled={busy && !newVersion.isPending}
            onConfirm={() => newVersion.mutateAsync()}
          >
            {t('reports.newVersion')}
          </ConfirmButton>
        )}
        <Button component="a" href={reportApi.docxHref(view.id)} download variant="default" leftSection={<Icon name="file" size={16} />} title={t('reports.docxHint')}>
          {t('reports.docx')}
        </Button>
        <Button component="a" href={reportApi.annexHref(view.id)} download variant="default" leftSection={<Icon name="download" size={16} />}>
          {t('reports.annexXlsx')}
        </Button>
        <Button variant="subtle" leftSection={<Icon name="printer" size={16} />} onClick={() => window.print()}>
          {t('common.print')}
        </Button>
      </Group>
      <FormModal opened={dialog === 'submit'} onClose={() => setDialog(null)} title={t('reports.move.submitTitle')} centered>
        <SubmitForm view={view} onDone={() => setDialog(null)} />
      </FormModal>
      <FormModal opened={dialog === 'return'} onClose={() => setDialog(null)} title={t('reports.move.returnTitle')} centered>
        <ReturnForm view={view} onDone={() => setDialog(null)} />
      </FormModal>
    </Stack>
  );
}

function useMoveForm(view: ReportView, onDone: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: MoveBody) => reportApi.move(view.id, body),
    meta: { handlesErrors: true },
    onSuccess: async (next, body) => {
      await storeReport(queryClient, next);
      notifySuccess(t(`reports.move.${body.move}Done`));
      onDone();
    },
  });
}

/** "Gửi tỉnh": the report's number (15/BC-UBND) and date, today unless changed. */
function SubmitForm({ view, onDone }: { view: ReportView; onDone: () => void }) {
  const [number, setNumber] = useState(view.number ?? '');
  const [issuedDate, setIssuedDate] = useState<string | null>(view.issuedDate ?? todayIso());
  const errors = useFormErrors(['number', 'issuedDate'] as const);
  const send = useMoveForm(view, onDone);
  const submit = checkedSubmit(
    errors,
    () => (!number.trim() ? required('number') : !issuedDate ? required('issuedDate') : undefined),
    () => send.mutate({ move: 'submit', number: number.trim(), issuedDate: issuedDate! }, { onError: errors.fromError }),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput
          label={t('reports.number')}
          description={t('reports.numberHint')}
          placeholder="15/BC-UBND"
          required
          value={number}
          onChange={(event) => setNumber(event.currentTarget.value)}
          error={errors.errors.number}
          maxLength={40}
          data-autofocus
        />
        <DateField label={t('reports.issuedDate')} required value={issuedDate} onChange={setIssuedDate} error={errors.errors.issuedDate} clearable={false} />
        <FormActions onCancel={onDone} submitLabel={t('reports.move.submit')} submitting={send.isPending} />
      </Stack>
    </form>
  );
}

/** "Trả lại": the reason is required; the commune sees it in red on the report. */
function ReturnForm({ view, onDone }: { view: ReportView; onDone: () => void }) {
  const [comment, setComment] = useState('');
  const errors = useFormErrors(['comment'] as const);
  const send = useMoveForm(view, onDone);
  const submit = checkedSubmit(
    errors,
    () => (!comment.trim() ? required('comment') : undefined),
    () => send.mutate({ move: 'return', comment: comment.trim() }, { onError: errors.fromError }),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Textarea
          label={t('reports.returnReason')}
          required
          autosize
          minRows={3}
          maxRows={10}
          maxLength={2000}
          value={comment}
          onChange={(event) => setComment(event.currentTarget.value)}
          error={errors.errors.comment}
          data-autofocus
        />
        <FormActions onCancel={onDone} submitLabel={t('reports.move.return')} submitting={send.isPending} submitColor="red" />
      </Stack>
    </form>
  );
}
