// Đánh giá hài lòng (staff): the QR sheet to print for the one-stop counter and
// this month's answers.
import { Alert, Anchor, Button, Grid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { DataTable, type Column } from '../../components/DataTable';
import { Icon } from '../../components/Icon';
import { LoadError, PageLoading } from '../../components/PageState';
import { PageTitle } from '../../components/PageTitle';
import { SectionPanel } from '../../components/SectionPanel';
import { ToggleButtons } from '../../components/ToggleButtons';
import { t } from '../../i18n';
import { downloadText, toCsv } from '../../lib/csv';
import { formatDate, formatNumber, formatPercent } from '../../lib/format';
import { useCurrentOrg } from '../org/CurrentOrg';
import { RATING_LABEL, RATINGS, ratingQrPath, ratingSummaryQueryOptions, type Rating, type RatingSummary } from './ratingQueries';
import './ratings.css';

type Paper = 'a5' | 'a4';
/** Overrides the app's A4 landscape (print.css) while this page is shown: the later rule wins. */
const PAGE_RULE: Record<Paper, string> = {
  a5: '@page { size: A5 portrait; margin: 10mm; }',
  a4: '@page { size: A4 portrait; margin: 15mm; }',
};
interface CountRow {
  key: Rating | 'total';
  label: string;
  public: number;
  survey: number;
  total: number;
}

function countRows(summary: RatingSummary): CountRow[] {
  const row = (key: Rating | 'total', label: string): CountRow => ({
    key,
    label,
    public: summary.bySource.public[key],
    survey: summary.bySource.survey[key],
    total: summary.answers[key],
  });
  return [...RATINGS.map((rating) => row(rating, t(RATING_LABEL[rating]))), row('total', t('ratings.total'))];
}

const number = (value: number) => formatNumber(value, 0);

export function RatingsPage() {
  const { orgId, org } = useCurrentOrg();
  const [paper, setPaper] = useState<Paper>('a5');
  const summaryQuery = useQuery(ratingSummaryQueryOptions(orgId));

  if (summaryQuery.isPending) return <PageLoading />;
  if (summaryQuery.isError) return <LoadError error={summaryQuery.error} onRetry={() => void summaryQuery.refetch()} />;
  const summary = summaryQuery.data;
  const rows = countRows(summary);

  const columns: Column<CountRow>[] = [
    { key: 'label', header: t('ratings.answerColumn'), primary: true, render: (row) => <Text size="sm" fw={row.key === 'total' ? 700 : 500}>{row.label}</Text>, exportValue: (row) => row.label },
    { key: 'public', header: t('ratings.source.public'), align: 'right', render: (row) => number(row.public), exportValue: (row) => row.public },
    { key: 'survey', header: t('ratings.source.survey'), align: 'right', render: (row) => number(row.survey), exportValue: (row) => row.survey },
    { key: 'total', header: t('ratings.total'), align: 'right', render: (row) => <Text size="sm" fw={700}>{number(row.total)}</Text>, exportValue: (row) => row.total },
  ];
  const exportCsv = () => downloadText(`danh-gia-hai-long-${org.code}-${summary.window.from.slice(0, 7)}.csv`, toCsv(columns, rows));

  return (
    <Stack gap="md" className="rating-page">
      <div className="no-print">
        <PageTitle
        title={t('ratings.title')}
        subtitle={t('ratings.subtitle', { org: org.name, from: formatDate(summary.window.from), to: formatDate(summary.window.to) })}
        actions={
          summary.pageUrl && (
            <>
              <ToggleButtons<Paper>
                ariaLabel={t('ratings.paper')}
                value={paper}
                onChange={setPaper}
                options={[{ value: 'a5', label: 'A5' }, { value: 'a4', label: 'A4' }]}
              />
              <Button leftSection={<Icon name="printer" size={16} />} onClick={() => window.print()}>
                {t('ratings.print')}
              </Button>
            </>
          )
        }
        />
      </div>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 6 }} className="rating-sheet-col">
          {summary.pageUrl ? (
            <Stack gap="sm">
              <Text size="sm" c="dimmed" className="no-print">
                {t('ratings.sheetHelp')}
              </Text>
              <RatingSheet communeName={org.name} qrSrc={ratingQrPath(orgId)} pageUrl={summary.pageUrl} paper={paper} />
              <Anchor href={summary.pageUrl} target="_blank" rel="noopener" size="sm" className="no-print">
                {t('ratings.openPage')}
              </Anchor>
            </Stack>
          ) : (
            <Alert color="gray" icon={<Icon name="qrcode" />}>
              {t('ratings.noPage')}
            </Alert>
          )}
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }} className="no-print">
          <SectionPanel id="rating-counts-heading" title={t('ratings.countsTitle')}>
            <Stack gap="sm">
              {summary.answers.total === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('ratings.noneYet')}
                </Text>
              ) : (
                <>
                  <DataTable
                    columns={columns}
                    rows={rows}
                    rowKey={(row) => row.key}
                    rowTestId="rating-count-row"
                    caption={t('ratings.countsTitle')}
                    layout="table"
                    minWidth={360}
                  />
                  <Text size="sm" fw={600}>
                    {t('ratings.satisfied', { rate: formatPercent(summary.satisfied.rate, 2) })}
                  </Text>
                  <Button variant="default" size="xs" w="fit-content" leftSection={<Icon name="download" size={16} />} onClick={exportCsv}>
                    {t('common.exportExcel')}
                  </Button>
                </>
              )}
              <Text size="xs" c="dimmed">
                {t('ratings.feedsRate')}
              </Text>
            </Stack>
          </SectionPanel>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

/** The sheet as it prints: the commune, the question, the QR code and the address in words. */
function RatingSheet({ communeName, qrSrc, pageUrl, paper }: { communeName: string; qrSrc: string; pageUrl: string; paper: Paper }) {
  return (
    <section className="rating-sheet" data-paper={paper} aria-label={t('ratings.sheetTitle')}>
      <style>{PAGE_RULE[paper]}</style>
      <Text className="rating-sheet__org" fw={700}>
        {communeName}
      </Text>
      <Text className="rating-sheet__heading" fw={700} c="blue.8">
        {t('ratings.sheetHeading')}
      </Text>
      <Title order={2} className="rating-sheet__question">
        {t('ratings.question')}
      </Title>
      <img className="rating-sheet__qr" src={qrSrc} alt={t('ratings.qrAlt', { org: communeName })} />
      <Text className="rating-sheet__scan">{t('ratings.sheetScan')}</Text>
      <Text className="rating-sheet__url">
        {t('ratings.sheetAddress')} <strong>{pageUrl}</strong>
      </Text>
    </section>
  );
}
