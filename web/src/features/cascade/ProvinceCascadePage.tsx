import { Group, Progress, Select, Table, Text, Tooltip } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { EmptyText, LoadError, PageLoading } from '../../components/PageState';
import { PageTitle } from '../../components/PageTitle';
import { t } from '../../i18n';
import { formatDate } from '../../lib/format';
import { useMe } from '../auth/session';
import { plansQueryOptions } from '../plans/planQueries';
import { CASCADE_STATES, rollupQueryOptions, type CascadeState, type Rollup } from './cascadeQueries';

const COLOURS: Record<CascadeState, string> = { done_on_time: 'green', done_late: 'teal', in_progress: 'blue', not_started: 'gray', overdue: 'red' };

/** The province's page: per task given to the communes, how many communes planned it and where they stand. */
export function ProvinceCascadePage() {
  const me = useMe();
  const provinceId = me.org.id;
  const plansQuery = useQuery(plansQueryOptions(provinceId));
  const plans = (plansQuery.data ?? []).filter((p) => p.status !== 'draft');
  const [chosen, setChosen] = useState<string | null>(null);
  const planId = chosen ?? plans[0]?.id ?? null;
  const rollup = useQuery({ ...rollupQueryOptions(provinceId, planId ?? ''), enabled: Boolean(planId) });

  return (
    <>
      <PageTitle title={t('cascade.title')} subtitle={me.org.name} />
      {plansQuery.isPending ? (
        <PageLoading />
      ) : plans.length === 0 ? (
        <EmptyText>{t('cascade.noPlans')}</EmptyText>
      ) : (
        <>
          <Select
            label={t('cascade.plan')}
            data={plans.map((p) => ({ value: p.id, label: `${p.title} (${p.year})` }))}
            value={planId}
            onChange={setChosen}
            allowDeselect={false}
            maw={560}
            mb="md"
          />
          {rollup.isPending ? <PageLoading /> : rollup.isError ? <LoadError error={rollup.error} onRetry={() => void rollup.refetch()} /> : <RollupTable data={rollup.data} />}
        </>
      )}
    </>
  );
}

function RollupTable({ data }: { data: Rollup }) {
  if (data.tasks.length === 0) return <EmptyText>{t('cascade.noTemplates')}</EmptyText>;
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped withTableBorder data-testid="cascade-rollup">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('col.title')}</Table.Th>
            <Table.Th>{t('cascade.due')}</Table.Th>
            <Table.Th ta="right">{t('cascade.planned')}</Table.Th>
            {CASCADE_STATES.map((s) => (
              <Table.Th key={s} ta="right">{t(`status.${s}`)}</Table.Th>
            ))}
            <Table.Th w={180}>{t('cascade.bar')}</Table.Th>
            <Table.Th>{t('cascade.missing')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.tasks.map((row) => (
            <Table.Tr key={row.task.id}>
              <Table.Td>{row.task.title}</Table.Td>
              <Table.Td>{row.task.dueDate ? formatDate(row.task.dueDate) : '–'}</Table.Td>
              <Table.Td ta="right">{`${row.planned}/${data.communeCount}`}</Table.Td>
              {CASCADE_STATES.map((s) => (
                <Table.Td key={s} ta="right">{row.counts[s]}</Table.Td>
              ))}
              <Table.Td>
                <Progress.Root size="lg" aria-label={t('cascade.bar')}>
                  {CASCADE_STATES.map((s) => row.counts[s] > 0 && (
                    <Tooltip key={s} label={`${t(`status.${s}`)}: ${row.counts[s]}`}>
                      <Progress.Section value={(row.counts[s] / Math.max(data.communeCount, 1)) * 100} color={COLOURS[s]} />
                    </Tooltip>
                  ))}
                </Progress.Root>
              </Table.Td>
              <Table.Td>
                <Text size="xs">{row.missing.length ? row.missing.map((c) => c.name).join(', ') : t('cascade.noneMissing')}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group gap="md" mt="xs">
        {CASCADE_STATES.map((s) => (
          <Group key={s} gap={4}><Progress value={100} color={COLOURS[s]} w={16} size="sm" /><Text size="xs">{t(`status.${s}`)}</Text></Group>
        ))}
      </Group>
    </Table.ScrollContainer>
  );
}
