import { Badge, Button, Card, Group, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useMemo } from 'react';
import { AnchorLink } from '../../components/AnchorLink';
import { Icon } from '../../components/Icon';
import { EmptyText, LoadError, PageLoading } from '../../components/PageState';
import { PageTitle } from '../../components/PageTitle';
import { StatusCountsInline } from '../../components/StatusCountsInline';
import { t } from '../../i18n';
import { formatDate } from '../../lib/format';
import { planTypeLabel } from '../../lib/labels';
import type { Plan } from '../../lib/types';
import { useMe } from '../auth/session';
import { useCurrentOrg } from '../org/CurrentOrg';
import { CreateFromProvinceButton } from '../cascade/CreateFromProvinceButton';
import { PlanFormModal } from './PlanFormModal';
import { plansQueryOptions } from './planQueries';
import { PlanStatusBadge } from './PlanStatusBadge';

const routeApi = getRouteApi('/app/plans');

export function PlanListPage() {
  const me = useMe();
  const { orgId, org } = useCurrentOrg();
  const { year } = routeApi.useSearch();
  const navigate = useNavigate();
  const [createOpened, create] = useDisclosure(false);
  const plansQuery = useQuery(plansQueryOptions(orgId));

  const plans = plansQuery.data ?? [];
  const years = useMemo(() => [...new Set(plans.map((plan) => plan.year))].sort((a, b) => b - a), [plans]);
  const shown = year ? plans.filter((plan) => plan.year === year) : plans;
  const canCreate = me.permissions.managePlans && org.kind === 'commune';

  return (
    <>
      <PageTitle
        title={t('plans.title')}
        subtitle={org.name}
        actions={
          canCreate && (
            <Group gap="xs">
              <CreateFromProvinceButton orgId={orgId} />
              <Button variant="default" leftSection={<Icon name="upload" size={16} />} onClick={() => void navigate({ to: '/plans/import' })}>
                {t('plans.import')}
              </Button>
              <Button leftSection={<Icon name="plus" size={16} />} onClick={create.open}>
                {t('plans.create')}
              </Button>
            </Group>
          )
        }
      />
      <Group mb="md">
        <Select
          label={t('plans.year')}
          data={[{ value: '', label: t('plans.allYears') }, ...years.map((value) => ({ value: String(value), label: String(value) }))]}
          value={year ? String(year) : ''}
          onChange={(value) => void navigate({ to: '/plans', search: { year: value ? Number(value) : undefined }, replace: true })}
          allowDeselect={false}
          w={200}
        />
      </Group>
      {plansQuery.isPending ? (
        <PageLoading />
      ) : plansQuery.isError ? (
        <LoadError error={plansQuery.error} onRetry={() => void plansQuery.refetch()} />
      ) : shown.length === 0 ? (
        <EmptyText>{org.kind === 'commune' ? t('plans.empty') : t('plans.pickOrg')}</EmptyText>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          {shown.map((plan) => (
            <PlanCard key={plan.id} plan={plan} />
          ))}
        </SimpleGrid>
      )}
      {canCreate && (
        <PlanFormModal
          opened={createOpened}
          onClose={create.close}
          orgId={orgId}
          onSaved={(plan) => void navigate({ to: '/plans/$planId', params: { planId: plan.id } })}
        />
      )}
    </>
  );
}

function PlanCard({ plan }: { plan: Plan }) {
  return (
    <Card withBorder padding="md" data-testid="plan-card">
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
          <Badge variant="outline" color="blue">
            {planTypeLabel(plan.type)}
          </Badge>
          <PlanStatusBadge status={plan.status} />
        </Group>
        <Text size="sm" c="dimmed">
          {plan.number ? `${t('plan.number')} ${plan.number}` : t('plans.noNumber')}
          {plan.issuedDate ? ` · ${formatDate(plan.issuedDate)}` : ''} · {t('plan.year')} {plan.year}
        </Text>
        <AnchorLink to="/plans/$planId" params={{ planId: plan.id }} fw={700} size="md" c="dark">
          {plan.title}
        </AnchorLink>
        <Text size="sm" fw={600}>
          {t('plans.taskCount', { count: plan.taskCount })}
        </Text>
        <StatusCountsInline counts={plan.statusCounts} />
      </Stack>
    </Card>
  );
}
