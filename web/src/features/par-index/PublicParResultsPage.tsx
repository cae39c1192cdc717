// The province's published Chỉ số CCHC of its communes, for anyone: no
// sign-in, one table readable on a phone, each row opening to its areas.
import { Alert, Box, Button, Center, Group, Loader, Paper, Progress, Stack, Tabs, Text, Title, UnstyledButton } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { Fragment, useEffect, useState } from 'react';
import { Icon } from '../../components/Icon';
import { t } from '../../i18n';
import { errorMessage, isApiError } from '../../lib/api';
import { formatDate, formatNumber, formatPercent } from '../../lib/format';
import { ChangeText, ClassBadge } from './ParBadges';
import { publicParResultsQueryOptions, subjectLabel, type PublicParResults, type PublicParRow } from './parQueries';
import './par-results.css';

const routeApi = getRouteApi('/cong-khai/chi-so-cchc/$provinceCode');

export function PublicParResultsPage() {
  const { provinceCode } = routeApi.useParams();
  const { year } = routeApi.useSearch();
  const results = useQuery(publicParResultsQueryOptions(provinceCode, year));
  const provinceName = results.data?.province.name;

  useEffect(() => {
    document.title = provinceName ? `${t('parPublic.heading')} – ${provinceName}` : t('parPublic.heading');
  }, [provinceName]);

  return (
    <Box component="main" mih="100vh" bg="gray.1" p={{ base: 6, sm: 'md' }} className="public-par">
      <Box maw={980} mx="auto">
        {results.isPending ? (
          <Center py="xl" role="status">
            <Loader />
          </Center>
        ) : results.isError ? (
          <Unavailable error={results.error} provinceCode={provinceCode} askedYear={year} onRetry={() => void results.refetch()} />
        ) : (
          <Published data={results.data} provinceCode={provinceCode} />
        )}
      </Box>
    </Box>
  );
}

function Unavailable({ error, provinceCode, askedYear, onRetry }: { error: unknown; provinceCode: string; askedYear?: number; onRetry: () => void }) {
  const navigate = useNavigate();
  const notPublished = isApiError(error) && error.code === 'not_found';
  return (
    <Paper withBorder p={{ base: 'md', sm: 'xl' }} radius="md" mt="md">
      <Stack gap="md">
        <Text fw={700} c="blue.8" tt="uppercase" size="sm">
          {t('parPublic.heading')}
        </Text>
        <Alert
          color={notPublished ? 'gray' : 'red'}
          icon={<Icon name="alert" />}
          title={notPublished ? t('parPublic.notPublishedTitle') : t('parPublic.unavailable')}
          role="alert"
          data-testid="par-public-unavailable"
        >
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{notPublished ? t('parPublic.notPublished') : errorMessage(error)}</Text>
            {notPublished && (
              <Text size="xs" c="dimmed">
                {errorMessage(error)}
              </Text>
            )}
            {notPublished && askedYear !== undefined && (
              <Button size="xs" variant="light" onClick={() => void navigate({ to: '/cong-khai/chi-so-cchc/$provinceCode', params: { provinceCode }, search: {} })}>
                {t('parPublic.latest')}
              </Button>
            )}
            {!notPublished && (
              <Button size="xs" variant="light" color="red" leftSection={<Icon name="refresh" size={14} />} onClick={onRetry}>
                {t('common.retry')}
              </Button>
            )}
          </Stack>
        </Alert>
      </Stack>
    </Paper>
  );
}

function Published({ data, provinceCode }: { data: PublicParResults; provinceCode: string }) {
  const navigate = useNavigate();
  const years = [...data.years].sort((a, b) => b - a);
  return (
    <Paper withBorder shadow="sm" p={{ base: 'sm', sm: 'xl' }} radius="md">
      <Stack gap="md">
        <div>
          <Text fw={700} c="blue.8" tt="uppercase" size="sm">
            {t('parPublic.heading')}
          </Text>
          <Title order={1} size="h2" data-testid="par-public-province">
            {data.province.name}
          </Title>
          <Text size="sm" c="dimmed" mt={4}>
            {t('parPublic.subtitle', { year: data.year, date: formatDate(data.publishedAt), count: data.rows.length })}
          </Text>
        </div>
        {years.length > 0 && (
          <Tabs
            value={String(data.year)}
            onChange={(value) =>
              value && void navigate({ to: '/cong-khai/chi-so-cchc/$provinceCode', params: { provinceCode }, search: { year: Number(value) }, replace: true })
            }
            keepMounted={false}
          >
            <Tabs.List aria-label={t('parPublic.years')}>
              {years.map((y) => (
                <Tabs.Tab key={y} value={String(y)}>
                  {t('parPublic.yearTab', { year: y })}
                </Tabs.Tab>
              ))}
            </Tabs.List>
          </Tabs>
        )}
        <PublicTable key={data.year} data={data} />
        <Text size="xs" c="dimmed">
          {t('parPublic.note')}
        </Text>
        <Text size="xs" c="dimmed">
          {t('parPublic.classes')}
        </Text>
      </Stack>
    </Paper>
  );
}

function PublicTable({ data }: { data: PublicParResults }) {
  const [open, setOpen] = useState<Set<string>>(new Set());
  const toggle = (code: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (next.has(code)) next.delete(code);
      else next.add(code);
      return next;
    });

  if (data.rows.length === 0) return <Text c="dimmed">{t('parPublic.empty')}</Text>;

  return (
    <table className="par-public-table" data-testid="par-public-table">
      <caption className="visually-hidden">{t('parPublic.tableCaption', { year: data.year, province: data.province.name })}</caption>
      <thead>
        <tr>
          <th scope="col" className="par-col-rank">
            {t('parResults.colRank')}
          </th>
          <th scope="col">{t('parResults.colName')}</th>
          <th scope="col" className="par-col-num par-hide-phone">
            {t('parResults.colTotal')}
          </th>
          <th scope="col" className="par-col-num">
            {t('parResults.colPercent')}
          </th>
          <th scope="col">{t('parResults.colClass')}</th>
          <th scope="col" className="par-hide-phone">
            {t('parPublic.colChange', { year: data.year - 1 })}
          </th>
        </tr>
      </thead>
      <tbody>
        {data.rows.map((row) => {
          const expanded = open.has(row.code);
          const detailId = `par-areas-${row.code}`;
          return (
            <Fragment key={row.code}>
              <tr className="par-public-row" data-expanded={expanded || undefined} onClick={() => toggle(row.code)} data-testid="par-public-row">
                <td className="par-col-rank">
                  <Text fw={700} size="md">
                    {row.rank}
                  </Text>
                </td>
                <td>
                  <UnstyledButton
                    className="par-public-toggle"
                    aria-expanded={expanded}
                    aria-controls={detailId}
                    onClick={(event) => {
                      event.stopPropagation();
                      toggle(row.code);
                    }}
                  >
                    <Group gap={6} wrap="nowrap" align="flex-start">
                      <Icon name={expanded ? 'minus' : 'plus'} size={16} style={{ flexShrink: 0, marginTop: 3 }} />
                      <span>
                        <Text span fw={600} size="sm" className="par-public-name">
                          {row.name}
                        </Text>
                        <Text span size="xs" c="dimmed" className="par-show-phone">
                          {t('parResults.points', { points: formatNumber(row.total, 2), max: formatNumber(row.maxTotal, 2) })}
                          {row.previous && ' · '}
                          {row.previous && <ChangeText change={row.change} />}
                        </Text>
                      </span>
                    </Group>
                  </UnstyledButton>
                </td>
                <td className="par-col-num par-hide-phone">{t('parResults.points', { points: formatNumber(row.total, 2), max: formatNumber(row.maxTotal, 2) })}</td>
                <td className="par-col-num">
                  <Text fw={700} size="sm">
                    {formatPercent(row.percent, 2)}
                  </Text>
                </td>
                <td>
                  <ClassBadge className={row.className} size="sm" />
                </td>
                <td className="par-hide-phone">
                  {row.previous ? (
                    <Stack gap={0}>
                      <ChangeText change={row.change} />
                      <Text size="xs" c="dimmed">
                        {t('parPublic.previousLine', { percent: formatPercent(row.previous.percent, 2), rank: row.previous.rank ?? t('common.dash') })}
                      </Text>
                    </Stack>
                  ) : (
                    <Text size="xs" c="dimmed">
                      {t('common.dash')}
                    </Text>
                  )}
                </td>
              </tr>
              {expanded && (
                <tr className="par-public-detail">
                  <td colSpan={6} id={detailId}>
                    <AreaPoints row={row} />
                  </td>
                </tr>
              )}
            </Fragment>
          );
        })}
      </tbody>
    </table>
  );
}

function AreaPoints({ row }: { row: PublicParRow }) {
  // The survey's share of the maximum: what the areas leave of it.
  const surveyMax = Math.round((row.maxTotal - row.areas.reduce((sum, area) => sum + area.max, 0)) * 100) / 100;
  return (
    <Stack gap={6} py={4} data-testid="par-public-areas">
      <Text size="xs" c="dimmed">
        {subjectLabel(row.subject)} · {t('parResults.rankOf', { rank: row.rank, of: row.of })}
        {row.previous && ` · ${t('parPublic.previousLine', { percent: formatPercent(row.previous.percent, 2), rank: row.previous.rank ?? t('common.dash') })}`}
      </Text>
      <ul className="par-area-list">
        {row.areas.map((area) => (
          <li key={area.code}>
            <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
              <Text size="sm">
                {area.code}. {area.name}
              </Text>
              <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
                {t('parResults.points', { points: formatNumber(area.points, 2), max: formatNumber(area.max, 2) })}
              </Text>
            </Group>
            <Progress value={area.max > 0 ? (area.points / area.max) * 100 : 0} size="sm" aria-hidden="true" />
          </li>
        ))}
        <li>
          <Group justify="space-between" gap="xs" wrap="nowrap">
            <Text size="sm">{t('parPublic.survey')}</Text>
            <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
              {surveyMax > 0 ? t('parResults.points', { points: formatNumber(row.survey, 2), max: formatNumber(surveyMax, 2) }) : formatNumber(row.survey, 2)}
            </Text>
          </Group>
        </li>
        <li>
          <Group justify="space-between" gap="xs" wrap="nowrap">
            <Text size="sm" fw={700}>
              {t('parResults.colTotal')}
            </Text>
            <Text size="sm" fw={700} style={{ whiteSpace: 'nowrap' }}>
              {t('parResults.points', { points: formatNumber(row.total, 2), max: formatNumber(row.maxTotal, 2) })} · {formatPercent(row.percent, 2)}
            </Text>
          </Group>
        </li>
      </ul>
    </Stack>
  );
}
