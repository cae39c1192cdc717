// Kết quả Chỉ số CCHC of the province's communes for a year: who is where in
// the process (chips that filter), the ranked table with last year beside it,
// the export, the chart, and for the province's administrator the survey
// import and the publication.
import { Alert, Anchor, Badge, Button, Chip, Group, List, Select, Skeleton, Stack, Switch, Text, Tooltip } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { lazy, Suspense, useCallback, useMemo, useState, type ReactNode } from 'react';
import { AnchorLink } from '../../components/AnchorLink';
import { ConfirmButton } from '../../components/ConfirmButton';
import { DataTable, type Column } from '../../components/DataTable';
import { FileDropZone } from '../../components/FileDropZone';
import { Icon } from '../../components/Icon';
import { EmptyText, LoadError, PageLoading } from '../../components/PageState';
import { PageTitle } from '../../components/PageTitle';
import { SectionPanel } from '../../components/SectionPanel';
import { ToggleButtons } from '../../components/ToggleButtons';
import { UploadProgress } from '../../components/UploadProgress';
import { t } from '../../i18n';
import { errorMessage, isApiError } from '../../lib/api';
import { downloadText, toCsv } from '../../lib/csv';
import { formatDate, formatNumber, formatPercent } from '../../lib/format';
import { notifySuccess } from '../../lib/notify';
import { isUploadBusy, useMultipartUpload, type UploadState } from '../../lib/upload';
import { useMe } from '../auth/session';
import { ChangeText, ClassBadge, ParStatusBadge } from './ParBadges';
import {
  areasOf,
  invalidatePar,
  PAR_STATUS_LOOK,
  PAR_STATUSES,
  parApi,
  parResultsQueryOptions,
  parStatusLabel,
  publicParPath,
  subjectLabel,
  type ParResultRow,
  type ParResults,
  type ParStatusOrNone,
  type ParSubject,
} from './parQueries';
import './par-results.css';

const ParPercentChart = lazy(() => import('./ParResultsChart').then((module) => ({ default: module.ParPercentChart })));

const routeApi = getRouteApi('/app/chi-so-cchc/ket-qua');
const YEARS_BACK = 5;

type SubjectFilter = 'all' | ParSubject;

export function ParResultsPage() {
  const me = useMe();
  const { year: chosenYear } = routeApi.useSearch();
  const navigate = useNavigate();
  const currentYear = Number(me.today.slice(0, 4));
  const year = chosenYear ?? currentYear;
  const years = useMemo(() => {
    const list = Array.from({ length: YEARS_BACK + 1 }, (_, i) => currentYear - i);
    return list.includes(year) ? list : [year, ...list].sort((a, b) => b - a);
  }, [currentYear, year]);

  const province = me.org.kind === 'province' ? me.org : null;
  const resultsQuery = useQuery({ ...parResultsQueryOptions(province?.id ?? '', year), enabled: Boolean(province) });

  const yearSelect = (
    <Select
      label={t('parResults.year')}
      data={years.map((value) => ({ value: String(value), label: String(value) }))}
      value={String(year)}
      onChange={(value) => value && void navigate({ to: '/chi-so-cchc/ket-qua', search: { year: Number(value) }, replace: true })}
      allowDeselect={false}
      w={140}
      data-testid="par-year"
    />
  );

  if (!province) {
    return (
      <>
        <PageTitle title={t('parResults.title')} subtitle={me.org.name} />
        <EmptyText>{t('parResults.onlyProvince')}</EmptyText>
      </>
    );
  }

  return (
    <Stack gap="md">
      <PageTitle title={t('parResults.titleYear', { year })} subtitle={province.name} />
      {resultsQuery.isPending ? (
        <>
          <Group>{yearSelect}</Group>
          <PageLoading />
        </>
      ) : resultsQuery.isError ? (
        <>
          <Group>{yearSelect}</Group>
          <LoadError error={resultsQuery.error} onRetry={() => void resultsQuery.refetch()} />
        </>
      ) : (
        <ResultsView key={year} data={resultsQuery.data} provinceId={province.id} provinceCode={province.code} yearSelect={yearSelect} />
      )}
    </Stack>
  );
}

function ResultsView({ data, provinceId, provinceCode, yearSelect }: { data: ParResults; provinceId: string; provinceCode: string; yearSelect: ReactNode }) {
  // Area columns by default only where they fit beside the rest (the switch shows them anywhere).
  const wide = useMediaQuery('(min-width: 100em)', false, { getInitialValueInEffect: false });
  const [statuses, setStatuses] = useState<ParStatusOrNone[]>([]);
  const [subject, setSubject] = useState<SubjectFilter>('all');
  const [areasChoice, setAreasChoice] = useState<boolean | null>(null);
  const showAreas = areasChoice ?? wide;

  const rows = useMemo(
    () =>
      data.rows.filter(
        (row) => (subject === 'all' || row.subject === subject) && (statuses.length === 0 || statuses.includes(row.status ?? 'none')),
      ),
    [data.rows, subject, statuses],
  );
  const areas = useMemo(() => areasOf(data.rows.map((row) => row.result)), [data.rows]);
  const hasSubjects = new Set(data.rows.map((row) => row.subject)).size > 1;
  const columns = useMemo(() => resultColumns(data.year, showAreas ? areas : []), [data.year, showAreas, areas]);
  const finals = data.counts.final ?? 0;

  const download = () => {
    const suffix = subject === 'all' ? '' : `-${subject}`;
    downloadText(`ket-qua-chi-so-cchc-${data.year}${suffix}.csv`, toCsv(exportColumns(data.year, areas), rows));
  };

  return (
    <>
      <PublicationPanel data={data} provinceId={provinceId} provinceCode={provinceCode} />
      <Group align="flex-end" gap="md" wrap="wrap">
        {yearSelect}
        {hasSubjects && (
          <ToggleButtons<SubjectFilter>
            label={t('parResults.subject')}
            value={subject}
            onChange={setSubject}
            options={[
              { value: 'all', label: t('parResults.subjectAll') },
              { value: 'xa', label: t('parResults.subject.xa') },
              { value: 'phuong', label: t('parResults.subject.phuong') },
            ]}
          />
        )}
      </Group>
      <StatusChips counts={data.counts} selected={statuses} onChange={setStatuses} />

      <SectionPanel id="par-results-table" title={t('parResults.tableTitle', { year: data.year })}>
        <Stack gap="xs">
          <Group justify="space-between" gap="xs">
            <Text size="sm" c="dimmed">
              {t('parResults.shown', { shown: rows.length, total: data.rows.length, finals })}
            </Text>
            <Group gap="sm">
              {areas.length > 0 && (
                <Switch
                  size="sm"
                  label={t('parResults.showAreas')}
                  checked={showAreas}
                  onChange={(event) => setAreasChoice(event.currentTarget.checked)}
                  visibleFrom="sm"
                />
              )}
              <Button size="xs" variant="default" leftSection={<Icon name="download" size={14} />} onClick={download} disabled={rows.length === 0}>
                {t('common.exportExcel')}
              </Button>
            </Group>
          </Group>
          <DataTable
            columns={columns}
            rows={rows}
            rowKey={(row) => row.orgId}
            rowTestId="par-result-row"
            caption={t('parResults.tableTitle', { year: data.year })}
            emptyText={data.rows.length === 0 ? t('parResults.noCommunes') : t('common.noMatch')}
            minWidth={showAreas ? 1000 + (areas.length + 1) * 56 : 900}
          />
          <Text size="xs" c="dimmed">
            {t('parResults.rankNote')}
          </Text>
          {showAreas && areas.length > 0 && (
            <Text size="xs" c="dimmed" visibleFrom="sm" data-testid="par-area-legend">
              {t('parResults.areasLegend')}{' '}
              {areas.map((area, i) => (
                <span key={area.code}>
                  {i > 0 && '; '}
                  <b>{t('parResults.areaHeader', { code: area.code })}</b> – {area.name}
                </span>
              ))}
              .
            </Text>
          )}
        </Stack>
      </SectionPanel>

      <ChartPanel rows={rows} year={data.year} />
      {data.canManage && <SurveyImport provinceId={provinceId} year={data.year} />}
    </>
  );
}

/** Counts by status, every status always shown; clicking filters the table. */
function StatusChips({
  counts,
  selected,
  onChange,
}: {
  counts: ParResults['counts'];
  selected: ParStatusOrNone[];
  onChange: (value: ParStatusOrNone[]) => void;
}) {
  return (
    <div role="group" aria-label={t('parResults.countsLabel')}>
      <Chip.Group multiple value={selected} onChange={(value) => onChange(value as ParStatusOrNone[])}>
        <Group gap="xs">
          {PAR_STATUSES.map((status) => {
            const look = PAR_STATUS_LOOK[status];
            return (
              <Chip key={status} value={status} color={look.color} variant="outline" icon={<Icon name="check" size={14} />} data-status={status} data-testid="par-status-chip">
                <Group gap={6} wrap="nowrap">
                  <Icon name={look.icon} size={14} style={{ color: `var(--mantine-color-${look.color}-filled)` }} />
                  <span>{parStatusLabel(status)}</span>
                  <Badge size="sm" variant="light" color={look.color} className="par-count">
                    {formatNumber(counts[status] ?? 0, 0)}
                  </Badge>
                </Group>
              </Chip>
            );
          })}
        </Group>
      </Chip.Group>
    </div>
  );
}

function pointsText(points: number, max: number): string {
  return t('parResults.points', { points: formatNumber(points, 2), max: formatNumber(max, 2) });
}

function resultColumns(year: number, areas: Array<{ code: string; name: string }>): Column<ParResultRow>[] {
  const provisional = (row: ParResultRow) => row.status !== 'final';
  const columns: Column<ParResultRow>[] = [
    {
      key: 'rank',
      header: t('parResults.colRank'),
      align: 'center',
      width: 70,
      render: (row) =>
        row.rank !== null ? (
          <Text size="sm" fw={700} data-testid="par-rank">
            {t('parResults.rankOf', { rank: row.rank, of: row.of })}
          </Text>
        ) : (
          t('common.dash')
        ),
    },
    {
      key: 'name',
      header: t('parResults.colName'),
      primary: true,
      width: 220,
      render: (row) => (
        <Stack gap={0}>
          {row.assessmentId ? (
            <AnchorLink to="/chi-so-cchc/$assessmentId" params={{ assessmentId: row.assessmentId }} fw={600} size="sm">
              {row.name}
            </AnchorLink>
          ) : (
            <Text size="sm" fw={600}>
              {row.name}
            </Text>
          )}
          <Text size="xs" c="dimmed">
            {subjectLabel(row.subject)} · {row.code}
          </Text>
        </Stack>
      ),
    },
    {
      key: 'status',
      header: t('parResults.colStatus'),
      width: 140,
      render: (row) => {
        const status = row.status ?? 'none';
        return (
          <Tooltip label={parStatusLabel(status, true)} withArrow openDelay={300}>
            <span>
              <ParStatusBadge status={status} size="sm" />
            </span>
          </Tooltip>
        );
      },
    },
    {
      key: 'total',
      header: t('parResults.colTotal'),
      align: 'right',
      width: 110,
      render: (row) =>
        row.result ? (
          <Text size="sm" fw={provisional(row) ? 400 : 600} c={provisional(row) ? 'dimmed' : undefined}>
            {pointsText(row.result.total, row.result.maxTotal)}
          </Text>
        ) : (
          t('common.dash')
        ),
    },
    {
      key: 'percent',
      header: t('parResults.colPercent'),
      align: 'right',
      width: 80,
      render: (row) => (
        <Text size="sm" fw={provisional(row) ? 400 : 700} c={provisional(row) ? 'dimmed' : undefined}>
          {formatPercent(row.result?.percent, 2)}
        </Text>
      ),
    },
    {
      key: 'class',
      header: t('parResults.colClass'),
      width: 150,
      render: (row) => <ClassBadge className={row.result?.className ?? null} provisional={Boolean(row.result) && provisional(row)} />,
    },
    {
      key: 'previous',
      header: t('parResults.colPrevious'),
      width: 180,
      render: (row) =>
        row.previous ? (
          <Stack gap={0}>
            <ChangeText change={row.change} />
            <Text size="xs" c="dimmed">
              {t('parResults.previousLine', {
                year: year - 1,
                percent: formatPercent(row.previous.percent, 2),
                rank: row.previous.rank ?? t('common.dash'),
              })}
            </Text>
          </Stack>
        ) : (
          <Text size="xs" c="dimmed">
            {t('parResults.noPrevious')}
          </Text>
        ),
    },
  ];
  for (const area of areas) {
    columns.push({
      key: `area-${area.code}`,
      header: t('parResults.areaHeader', { code: area.code }),
      align: 'right',
      width: 56,
      hideInCards: true,
      render: (row) => {
        const found = row.result?.areas.find((a) => a.code === area.code);
        return found ? (
          <Text size="xs" title={`${area.name}: ${pointsText(found.points, found.max)}`} c={found.points < found.max ? undefined : 'green.9'}>
            {formatNumber(found.points, 2)}
          </Text>
        ) : (
          t('common.dash')
        );
      },
    });
  }
  if (areas.length > 0) {
    columns.push({
      key: 'survey',
      header: t('parResults.colSurvey'),
      align: 'right',
      width: 64,
      hideInCards: true,
      render: (row) =>
        row.result && !row.result.survey.missing ? (
          <Text size="xs" title={pointsText(row.result.survey.points, row.result.survey.max)}>
            {formatNumber(row.result.survey.points, 2)}
          </Text>
        ) : (
          t('common.dash')
        ),
    });
  }
  return columns;
}

/** The file's columns: what the table shows, with plain numbers, every area and the survey. */
function exportColumns(year: number, areas: Array<{ code: string; name: string }>): Column<ParResultRow>[] {
  const none = () => null;
  const num = (value: number | null | undefined) => (value === null || value === undefined ? '' : value);
  return [
    { key: 'rank', header: t('parResults.colRank'), render: none, exportValue: (row) => num(row.rank) },
    { key: 'code', header: t('parResults.colCode'), render: none, exportValue: (row) => row.code },
    { key: 'name', header: t('parResults.colName'), render: none, exportValue: (row) => row.name },
    { key: 'subject', header: t('parResults.subject'), render: none, exportValue: (row) => subjectLabel(row.subject) },
    { key: 'status', header: t('parResults.colStatus'), render: none, exportValue: (row) => parStatusLabel(row.status ?? 'none', true) },
    { key: 'total', header: t('parResults.colTotal'), render: none, exportValue: (row) => num(row.result?.total) },
    { key: 'max', header: t('parResults.colMax'), render: none, exportValue: (row) => num(row.result?.maxTotal) },
    { key: 'percent', header: t('parResults.colPercent'), render: none, exportValue: (row) => num(row.result?.percent) },
    { key: 'class', header: t('parResults.colClass'), render: none, exportValue: (row) => row.result?.className ?? '' },
    { key: 'prevPercent', header: t('parResults.colPrevPercent', { year: year - 1 }), render: none, exportValue: (row) => num(row.previous?.percent) },
    { key: 'change', header: t('parResults.colChange'), render: none, exportValue: (row) => num(row.change) },
    { key: 'prevRank', header: t('parResults.colPrevRank', { year: year - 1 }), render: none, exportValue: (row) => num(row.previous?.rank) },
    ...areas.map(
      (area): Column<ParResultRow> => ({
        key: `area-${area.code}`,
        header: `${area.code}. ${area.name}`,
        render: none,
        exportValue: (row) => num(row.result?.areas.find((a) => a.code === area.code)?.points),
      }),
    ),
    { key: 'survey', header: t('parResults.colSurveyLong'), render: none, exportValue: (row) => (row.result && !row.result.survey.missing ? row.result.survey.points : '') },
  ];
}

function ChartPanel({ rows, year }: { rows: ParResultRow[]; year: number }) {
  const scored = rows.filter((row) => row.result?.percent !== null && row.result?.percent !== undefined);
  if (scored.length === 0) return null;
  return (
    <SectionPanel id="par-results-chart" title={t('parResults.chartTitle', { year })} visibleFrom="sm">
      <Suspense fallback={<Skeleton height={120} aria-label={t('dashboard.chartLoading')} />}>
        <div className="par-chart">
          <ParPercentChart rows={scored} />
        </div>
      </Suspense>
      <Text size="xs" c="dimmed" mt="xs">
        {t('parResults.chartNote')}
      </Text>
    </SectionPanel>
  );
}

/** Publication: the date and the public link once published; the button (with a question) for the administrator. */
function PublicationPanel({ data, provinceId, provinceCode }: { data: ParResults; provinceId: string; provinceCode: string }) {
  const queryClient = useQueryClient();
  const publish = useMutation({
    mutationFn: () => parApi.publish(provinceId, data.year),
    onSuccess: async () => {
      notifySuccess(t('parResults.publish.done', { year: data.year }));
      await invalidatePar(queryClient);
    },
  });
  const finals = data.counts.final ?? 0;
  const link = publicParPath(provinceCode, data.year);
  const absolute = `${window.location.origin}${link}`;

  return (
    <Stack gap="xs">
      {data.published ? (
        <Alert color="green" icon={<Icon name="check" />} data-testid="par-published">
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {t('parResults.publish.publishedOn', { date: formatDate(data.published.at) })}
            </Text>
            <Text size="sm">
              {t('parResults.publish.publicLink')}{' '}
              <Anchor href={link} target="_blank" rel="noopener" style={{ overflowWrap: 'anywhere' }} data-testid="par-public-link">
                {absolute}
              </Anchor>
            </Text>
          </Stack>
        </Alert>
      ) : (
        <Text size="sm" c="dimmed" data-testid="par-not-published">
          {t('parResults.publish.notYet', { year: data.year })}
        </Text>
      )}
      {data.canManage && (
        <Group gap="xs">
          <ConfirmButton
            leftSection={<Icon name="check" size={16} />}
            color={data.published ? 'gray' : 'blue'}
            variant={data.published ? 'default' : 'filled'}
            loading={publish.isPending}
            disabled={finals === 0}
            message={
              data.published
                ? t('parResults.publish.confirmAgain', { year: data.year, count: finals })
                : t('parResults.publish.confirm', { year: data.year, count: finals })
            }
            onConfirm={() => publish.mutateAsync()}
            data-testid="par-publish"
          >
            {t('parResults.publish.button', { year: data.year })}
          </ConfirmButton>
          {finals === 0 && (
            <Text size="xs" c="dimmed">
              {t('parResults.publish.noFinals')}
            </Text>
          )}
        </Group>
      )}
    </Stack>
  );
}

/** The survey points of the communes from a .xlsx sheet; a refused file lists every bad row and nothing is written. */
function SurveyImport({ provinceId, year }: { provinceId: string; year: number }) {
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [imported, setImported] = useState<number | null>(null);
  const onDone = useCallback(
    async (result: { imported: number }) => {
      setImported(result.imported);
      setFile(null);
      await invalidatePar(queryClient);
    },
    [queryClient, year],
  );
  const upload = useMultipartUpload<{ imported: number }>(onDone);
  const busy = isUploadBusy(upload.state);
  const tooLarge = file !== null && file.size > 2 * 1024 * 1024;

  const send = () => {
    if (!file || tooLarge) return;
    setImported(null);
    const form = new FormData();
    form.append('year', String(year));
    form.append('file', file, file.name);
    void upload.send(parApi.surveyPath(provinceId), form);
  };

  return (
    <SectionPanel id="par-survey" title={t('parResults.survey.title')} maw={880}>
      <Stack gap="sm">
        <Text size="sm">{t('parResults.survey.intro', { year })}</Text>
        <div className="par-survey-columns" aria-label={t('parResults.survey.columnsLabel')}>
          <Text size="sm" fw={600}>
            {t('parResults.survey.columnsLabel')}
          </Text>
          <List size="sm" spacing={2}>
            <List.Item>{t('parResults.survey.colA')}</List.Item>
            <List.Item>{t('parResults.survey.colB')}</List.Item>
            <List.Item>{t('parResults.survey.colC')}</List.Item>
          </List>
          <Text size="xs" c="dimmed" mt={4}>
            {t('parResults.survey.columnsNote')}
          </Text>
        </div>
        <FileDropZone
          label={t('parResults.survey.file')}
          hint={t('parResults.survey.fileHint')}
          files={file ? [file] : []}
          onChange={(list) => {
            setFile(list.at(-1) ?? null);
            upload.reset();
          }}
          accept=".xlsx"
          disabled={busy}
          error={tooLarge ? t('parResults.survey.tooLarge') : undefined}
        />
        <SurveyUploadState state={upload.state} />
        {imported !== null && upload.state.phase === 'idle' && (
          <Alert color="green" icon={<Icon name="check" />} role="status" data-testid="par-survey-done">
            {t('parResults.survey.done', { count: imported, year })}
          </Alert>
        )}
        <Group>
          <Button leftSection={<Icon name="upload" size={16} />} disabled={!file || busy || tooLarge} loading={busy} onClick={send}>
            {upload.state.phase === 'failed' ? t('parResults.survey.retry') : t('parResults.survey.send')}
          </Button>
          {upload.state.phase === 'sending' && (
            <Button variant="default" onClick={upload.abort}>
              {t('common.cancel')}
            </Button>
          )}
        </Group>
      </Stack>
    </SectionPanel>
  );
}

/** Progress while sending; a refusal whose message lists rows (one per line) becomes a list of them. */
function SurveyUploadState({ state }: { state: UploadState }) {
  if (state.phase === 'failed' && isApiError(state.error) && state.error.code === 'validation') {
    const [first, ...lines] = errorMessage(state.error).split('\n').filter(Boolean);
    if (lines.length > 0) {
      return (
        <Alert color="red" icon={<Icon name="alert" />} title={first} role="alert" data-testid="par-survey-errors">
          <Text size="sm" mb={4}>
            {t('parResults.survey.nothingWritten', { count: lines.length })}
          </Text>
          <List size="sm" spacing={2} className="par-survey-problems">
            {lines.map((line, i) => (
              <List.Item key={i}>{line}</List.Item>
            ))}
          </List>
        </Alert>
      );
    }
  }
  return (
    <UploadProgress
      state={state}
      sendingText={(percent) => t('parResults.survey.uploading', { percent })}
      progressLabel={t('parResults.survey.uploadProgress')}
      processingText={t('parResults.survey.processing')}
      processingTestId="par-survey-processing"
    />
  );
}
