import { Button, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { Icon } from '../../components/Icon';
import { AnchorLink } from '../../components/AnchorLink';
import { t } from '../../i18n';
import { errorMessage } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { createFromProvince, templatesQueryOptions } from './cascadeQueries';

/** On the commune's plan list: "Tạo kế hoạch từ kế hoạch của tỉnh", the province's active plans with their tasks given to the communes. */
export function CreateFromProvinceButton({ orgId }: { orgId: string }) {
  const [opened, modal] = useDisclosure(false);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const templates = useQuery({ ...templatesQueryOptions(orgId), enabled: opened });
  const create = useMutation({
    mutationFn: (provincePlanId: string) => createFromProvince(orgId, provincePlanId),
    onSuccess: (plan) => {
      void queryClient.invalidateQueries();
      modal.close();
      void navigate({ to: '/plans/$planId', params: { planId: plan.id } });
    },
  });
  const plans = templates.data?.plans ?? [];
  return (
    <>
      <Button variant="default" leftSection={<Icon name="plus" size={16} />} onClick={modal.open} data-testid="cascade-create">
        {t('cascade.createFromProvince')}
      </Button>
      <Modal opened={opened} onClose={modal.close} title={t('cascade.createFromProvince')} size="lg">
        <Stack>
          {templates.isPending && <Text>{t('common.loading')}</Text>}
          {templates.isSuccess && plans.length === 0 && <Text c="dimmed">{t('cascade.noProvincePlan')}</Text>}
          {plans.map((plan) => (
            <Stack key={plan.id} gap={6}>
              <Text fw={700}>{plan.title}</Text>
              <Text size="sm" c="dimmed">
                {plan.number ? `${t('plan.number')} ${plan.number}` : t('plans.noNumber')}
                {plan.issuedDate ? ` · ${formatDate(plan.issuedDate)}` : ''} · {t('cascade.templateCount', { count: plan.tasks.length })}
              </Text>
              <Stack gap={2} component="ul" m={0} pl="md">
                {plan.tasks.map((task) => (
                  <Text key={task.id} size="sm" component="li">
                    {task.title}
                    {task.dueDate ? ` — ${t('cascade.due')} ${formatDate(task.dueDate)}` : ''}
                  </Text>
                ))}
              </Stack>
              {plan.communePlanId ? (
                <AnchorLink to="/plans/$planId" params={{ planId: plan.communePlanId }} size="sm">
                  {t('cascade.alreadyCreated')}
                </AnchorLink>
              ) : (
                <Button onClick={() => create.mutate(plan.id)} loading={create.isPending} data-testid="cascade-confirm">
                  {t('cascade.createPlan')}
                </Button>
              )}
            </Stack>
          ))}
          {create.isError && <Text c="red.8">{errorMessage(create.error)}</Text>}
        </Stack>
      </Modal>
    </>
  );
}

/** The "Giao cấp xã" mark on a commune task that serves a provincial task. */
export function CascadeBadge() {
  return (
    <Text size="xs" c="blue.8" fw={600} data-testid="cascade-badge">
      ↳ {t('cascade.badge')}
    </Text>
  );
}
