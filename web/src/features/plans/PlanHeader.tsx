import { Badge, Button, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ConfirmButton } from '../../components/ConfirmButton';
import { Icon } from '../../components/Icon';
import { t, type MessageKey } from '../../i18n';
import { formatDate } from '../../lib/format';
import { invalidateWorkData } from '../../lib/invalidate';
import { planTypeLabel } from '../../lib/labels';
import { notifySuccess } from '../../lib/notify';
import type { PlanDetail, PlanStatus } from '../../lib/types';
import { planApi } from './planQueries';
import { PlanStatusBadge } from './PlanStatusBadge';

interface PlanHeaderProps {
  plan: PlanDetail;
  onEdit: () => void;
  onPrint: () => void;
  onExport: () => void;
}

function Field({ label, value }: { label: string; value: string | null }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={600}>
        {value || t('common.dash')}
      </Text>
    </div>
  );
}

interface Transition {
  to: PlanStatus;
  label: MessageKey;
  confirm: MessageKey;
  color: string;
}

/**
 * Which status buttons the viewer gets: approve a draft (canApprove), close an
 * active plan (canClose), and, when the server allows it (canReopen), send an
 * active plan back to draft or reopen a closed one.
 */
function transitions(plan: PlanDetail): Transition[] {
  const result: Transition[] = [];
  if (plan.status === 'draft' && plan.canApprove) result.push({ to: 'active', label: 'plan.approve', confirm: 'plan.approveConfirm', color: 'green' });
  if (plan.status === 'active' && plan.canClose) result.push({ to: 'closed', label: 'plan.close', confirm: 'plan.closeConfirm', color: 'dark' });
  if (plan.status === 'active' && plan.canReopen) result.push({ to: 'draft', label: 'plan.backToDraft', confirm: 'plan.backToDraftConfirm', color: 'gray' });
  if (plan.status === 'closed' && plan.canReopen) result.push({ to: 'active', label: 'plan.reopen', confirm: 'plan.reopenConfirm', color: 'blue' });
  return result;
}

export function PlanHeader({ plan, onEdit, onPrint, onExport }: PlanHeaderProps) {
  const queryClient = useQueryClient();
  const setStatus = useMutation({
    mutationFn: (status: PlanStatus) => planApi.setStatus(plan.id, status),
    onSuccess: async () => {
      notifySuccess(t('plan.statusChanged'));
      await invalidateWorkData(queryClient);
    },
  });

  const signer = [plan.signerTitle, plan.signerName].filter(Boolean).join(' ');

  return (
    <Paper withBorder p="md" mb="md" component="header">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Stack gap={4} style={{ flex: '1 1 420px', minWidth: 0 }}>
            <Group gap="xs">
              <Badge variant="outline">
                {planTypeLabel(plan.type)}
              </Badge>
              <PlanStatusBadge status={plan.status} />
            </Group>
            <Title order={1} size="h3" data-testid="plan-title">
              {plan.title}
            </Title>
          </Stack>
          <Group gap="xs" className="no-print">
            {transitions(plan).map((transition) => (
              <ConfirmButton
                key={transition.to}
                color={transition.color}
                message={t(transition.confirm)}
                loading={setStatus.isPending}
                onConfirm={() => setStatus.mutateAsync(transition.to)}
              >
                {t(transition.label)}
              </ConfirmButton>
            ))}
            {plan.canEdit && (
              <Button variant="default" leftSection={<Icon name="pencil" size={16} />} onClick={onEdit}>
                {t('plan.editInfo')}
              </Button>
            )}
            <Button variant="default" leftSection={<Icon name="printer" size={16} />} onClick={onPrint}>
              {t('common.print')}
            </Button>
            <Button variant="default" leftSection={<Icon name="download" size={16} />} onClick={onExport}>
              {t('common.exportExcel')}
            </Button>
            {/* The official document (Nghị định 30/2020/NĐ-CP layout): the browser downloads it under the name the server gives. */}
            <Button
              component="a"
              href={`/api/plans/${plan.id}/export.docx`}
              download
              variant="default"
              leftSection={<Icon name="file" size={16} />}
              title={t('plan.downloadDocxHint')}
            >
              {t('plan.downloadDocx')}
            </Button>
          </Group>
        </Group>
        <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="sm">
          <Field label={t('plan.number')} value={plan.number} />
          <Field label={t('plan.issuedDate')} value={formatDate(plan.issuedDate)} />
          <Field label={t('plan.issuer')} value={plan.issuer} />
          <Field label={t('plan.signer')} value={signer} />
          <Field label={t('plan.year')} value={String(plan.year)} />
        </SimpleGrid>
        {plan.legalBases.length > 0 && (
          <div>
            <Text size="xs" c="dimmed">
              {t('plan.legalBases')}
            </Text>
            <List size="sm" spacing={2}>
              {plan.legalBases.map((basis) => (
                <List.Item key={basis}>{basis}</List.Item>
              ))}
            </List>
          </div>
        )}
      </Stack>
    </Paper>
  );
}
