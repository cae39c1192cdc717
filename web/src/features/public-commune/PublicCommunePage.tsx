// A commune's public page (/cong-khai/<mã>): its plan, the tasks by area with
// their status, progress by area, its targets and results, for anyone: no
// sign-in, no shell, one column on a phone, printable.
import { Alert, Anchor, Box, Button, Center, Group, Loader, Paper, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useEffect } from 'react';
import { Icon } from '../../components/Icon';
import { StatusBadge } from '../../components/StatusBadge';
import { t } from '../../i18n';
import { errorMessage, isApiError } from '../../lib/api';
import { formatDate, formatFileSize, formatNumber, formatPercent, formatQuantity } from '../../lib/format';
import { TargetLightBadge } from '../targets/TargetLightBadge';
import { publicPageQueryOptions, type PublicArea, type PublicPage, type PublicTask } from './publicCommuneQueries';
import './public-commune.css';

const routeApi = getRouteApi('/cong-khai/$orgCode');

export function PublicCommunePage() {
  const { orgCode } = routeApi.useParams();
  const page = useQuery(publicPageQueryOptions(orgCode));
  const name = page.data?.commune.name;

  useEffect(() => {
    document.title = name ? `${t('publicPage.heading')} – ${name}` : t('publicPage.heading');
  }, [name]);

  return (
    <Box component="main" mih="100vh" bg="gray.1" p={{ base: 6, sm: 'md' }} className="public-commune">
      <Box maw={980} mx="auto">
        {page.isPending ? (
          <Center py="xl" role="status">
            <Loader />
          </Center>
        ) : page.isError ? (
          <Alert color={isApiError(page.error) && page.error.code === 'not_found' ? 'gray' : 'red'} icon={<Icon name="alert" />} title={t('publicPage.unavailable')} role="alert" mt="md">
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{errorMessage(page.error)}</Text>
              {!(isApiError(page.error) && page.error.code === 'not_found') && (
                <Button size="xs" variant="light" color="red" onClick={() => void page.refetch()}>
                  {t('common.retry')}
                </Button>
              )}
            </Stack>
          </Alert>
        ) : (
          <PageBody data={page.data} />
        )}
      </Box>
    </Box>
  );
}

function PageBody({ data }: { data: PublicPage }) {
  return (
    <Stack gap="md">
      <Paper withBorder shadow="sm" p={{ base: 'sm', sm: 'lg' }} radius="md">
        <Text fw={700} c="blue.8" tt="uppercase" size="sm">
          {t('publicPage.heading')}
        </Text>
        <Title order={1} size="h2" data-testid="public-commune-name">
          {data.commune.name}
        </Title>
        {data.province && (
          <Text size="sm" c="dimmed">
            {data.province.name}
          </Text>
        )}
        {data.intro && (
          <Text size="sm" mt="sm" style={{ whiteSpace: 'pre-line' }}>
            {data.intro}
          </Text>
        )}
        <Group gap="md" mt="sm" className="no-print">
          <Anchor href={data.ratingUrl} size="sm">
            {t('publicPage.rate')}
          </Anchor>
          <Anchor component="button" type="button" size="sm" onClick={() => window.print()}>
            {t('common.print')}
          </Anchor>
        </Group>
      </Paper>
      {data.plan ? <PlanSection plan={data.plan} /> : <Paper withBorder p="md"><Text c="dimmed">{t('publicPage.noPlan')}</Text></Paper>}
      {data.targets && data.targets.length > 0 && <TargetsSection targets={data.targets} />}
      {data.indicators && <IndicatorsSection indicators={data.indicators} />}
      {data.parResult && <ParSection result={data.parResult} />}
      <Text size="xs" c="dimmed" ta="center">
        {t('publicPage.asOf', { date: formatDate(data.today) })}
      </Text>
    </Stack>
  );
}

function PlanSection({ plan }: { plan: NonNullable<PublicPage['plan']> }) {
  const byArea = new Map<string | null, PublicTask[]>();
  for (const task of plan.tasks) byArea.set(task.area, [...(byArea.get(task.area) ?? []), task]);
  return (
    <>
      <Paper withBorder p={{ base: 'sm', sm: 'lg' }} radius="md" component="section" aria-labelledby="public-plan-title">
        <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
          {t('publicPage.plan')}
        </Text>
        <Title order={2} size="h3" id="public-plan-title" data-testid="public-plan-title">
          {plan.title}
        </Title>
        <Text size="sm" c="dimmed">
          {[plan.number && t('publicPage.number', { number: plan.number }), plan.issuedDate && t('publicPage.issued', { date: formatDate(plan.issuedDate) }), t('publicPage.taskCount', { count: plan.tasks.length })]
            .filter(Boolean)
            .join(' · ')}
        </Text>
      </Paper>
      <Paper withBorder p={{ base: 'sm', sm: 'lg' }} radius="md" component="section" aria-labelledby="public-areas-title">
        <Title order={2} size="h4" id="public-areas-title" mb="sm">
          {t('publicPage.byArea')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {plan.areas.map((area) => (
            <AreaProgress key={area.area ?? 'none'} area={area} />
          ))}
        </SimpleGrid>
      </Paper>
      {plan.areas.map((area) => (
        <Paper key={area.area ?? 'none'} withBorder p={{ base: 'sm', sm: 'lg' }} radius="md" component="section" aria-label={area.name} className="public-area-tasks">
          <Title order={3} size="h5" mb="xs">
            {area.name}
          </Title>
          <ol className="public-task-list">
            {(byArea.get(area.area) ?? []).map((task) => (
              <TaskItem key={task.id} task={task} />
            ))}
          </ol>
        </Paper>
      ))}
    </>
  );
}

function AreaProgress({ area }: { area: PublicArea }) {
  return (
    <div data-testid="public-area">
      <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
        <Text size="sm" fw={600}>
          {area.name}
        </Text>
        <Text size="sm" fw={700} style={{ whiteSpace: 'nowrap' }}>
          {formatPercent(area.doneShare)}
        </Text>
      </Group>
      <Progress value={area.doneShare ?? 0} size="sm" aria-hidden="true" />
      <Text size="xs" c="dimmed">
        {t('publicPage.areaLine', { done: area.done, tasks: area.tasks, onTime: area.doneOnTime, overdue: area.overdue })}
      </Text>
    </div>
  );
}

function TaskItem({ task }: { task: PublicTask }) {
  return (
    <li className="public-task" data-testid="public-task">
      <Group justify="space-between" gap="xs" align="flex-start">
        <Text size="sm" fw={600} style={{ flex: '1 1 240px', minWidth: 0 }}>
          {task.ref && `${task.ref}. `}
          {task.title}
        </Text>
        <StatusBadge status={task.status} size="sm" />
      </Group>
      <Text size="xs" c="dimmed" mt={2}>
        {[
          task.lead.length > 0 && `${t('publicPage.lead')}: ${task.lead.join(', ')}`,
          task.support.length > 0 && `${t('publicPage.support')}: ${task.support.join(', ')}`,
          `${t('publicPage.due')}: ${task.dueDate ? formatDate(task.dueDate) : (task.timelineText ?? t('common.dash'))}`,
          `${t('publicPage.progress')}: ${formatNumber(task.progress)} %`,
        ]
          .filter(Boolean)
          .join(' · ')}
      </Text>
      {task.files.length > 0 && (
        <ul className="public-files">
          {task.files.map((file) => (
            <li key={file.url}>
              <Anchor href={file.url} size="xs">
                {file.name}
              </Anchor>{' '}
              <Text span size="xs" c="dimmed">
                ({formatFileSize(file.size)})
              </Text>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

function TargetsSection({ targets }: { targets: NonNullable<PublicPage['targets']> }) {
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'lg' }} radius="md" component="section" aria-labelledby="public-targets-title">
      <Title order={2} size="h4" id="public-targets-title" mb="sm">
        {t('publicPage.targets')}
      </Title>
      <ul className="public-task-list">
        {targets.map((target, i) => (
          <li key={i} className="public-task">
            <Group justify="space-between" gap="xs" align="flex-start">
              <Text size="sm" style={{ flex: '1 1 240px', minWidth: 0 }}>
                {target.text}
              </Text>
              <TargetLightBadge light={target.light} />
            </Group>
            <Text size="xs" c="dimmed">
              {target.latest ? t('publicPage.latest', { value: formatQuantity(target.latest.value, target.unit), period: target.latest.periodLabel }) : t('publicPage.noValue')}
            </Text>
          </li>
        ))}
      </ul>
    </Paper>
  );
}

function IndicatorsSection({ indicators }: { indicators: NonNullable<PublicPage['indicators']> }) {
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'lg' }} radius="md" component="section" aria-labelledby="public-indicators-title">
      <Title order={2} size="h4" id="public-indicators-title">
        {t('publicPage.indicators')}
      </Title>
      <Text size="xs" c="dimmed" mb="sm">
        {t('publicPage.window', { from: formatDate(indicators.window.from), to: formatDate(indicators.window.to) })}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <div>
          <Text size="sm">{t('publicPage.onTime')}</Text>
          <Text fw={700} size="xl">{formatPercent(indicators.onTime)}</Text>
          <Text size="xs" c="dimmed">{t('publicPage.resolved', { count: formatNumber(indicators.resolved, 0) })}</Text>
        </div>
        <div>
          <Text size="sm">{t('publicPage.online')}</Text>
          <Text fw={700} size="xl">{formatPercent(indicators.online)}</Text>
          <Text size="xs" c="dimmed">{t('publicPage.received', { count: formatNumber(indicators.received, 0) })}</Text>
        </div>
      </SimpleGrid>
    </Paper>
  );
}

function ParSection({ result }: { result: NonNullable<PublicPage['parResult']> }) {
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'lg' }} radius="md" component="section" aria-labelledby="public-par-title">
      <Title order={2} size="h4" id="public-par-title">
        {t('publicPage.par', { year: result.year })}
      </Title>
      <Text size="sm" mt={4} data-testid="public-par">
        {t('publicPage.parLine', { className: result.className, percent: formatPercent(result.percent, 2), rank: result.rank ?? t('common.dash'), of: result.of ?? t('common.dash') })}
      </Text>
      <Anchor href={result.resultsUrl} size="sm" className="no-print">
        {t('publicPage.parAll')}
      </Anchor>
    </Paper>
  );
}
