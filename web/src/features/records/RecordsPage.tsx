import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { DataTable, type Column } from '../../components/DataTable';
import { Icon } from '../../components/Icon';
import { EmptyText, LoadError, PageLoading } from '../../components/PageState';
import { PageTitle } from '../../components/PageTitle';
import { SectionPanel } from '../../components/SectionPanel';
import { t } from '../../i18n';
import { downloadText, toCsv } from '../../lib/csv';
import { formatDateTime, formatNumber } from '../../lib/format';
import { useCurrentOrg } from '../org/CurrentOrg';
import { CountTiles } from './CountTiles';
import { kindLabel } from './recordKinds';
import { recordImportsQueryOptions } from './recordQueries';
import { RecordImportFlow } from './RecordImportFlow';
import type { RecordImport, RecordImports } from './recordTypes';
import './records.css';

/** Dữ liệu một cửa: import the one-stop exports, see what is stored and every import made. */
export function RecordsPage() {
  const { orgId, org } = useCurrentOrg();
  const navigate = useNavigate();
  const importsQuery = useQuery({ ...recordImportsQueryOptions(orgId), enabled: org.kind === 'commune' });

  if (org.kind !== 'commune') return <EmptyText>{t('records.pickCommune')}</EmptyText>;
  if (importsQuery.isPending) return <PageLoading />;
  if (importsQuery.isError) return <LoadError error={importsQuery.error} onRetry={() => void importsQuery.refetch()} />;
  const data = importsQuery.data;

  return (
    <Stack gap="md">
      <PageTitle
        title={t('records.title')}
        subtitle={org.name}
        actions={
          <Button variant="default" leftSection={<Icon name="list" size={16} />} onClick={() => void navigate({ to: '/records/monthly' })}>
            {t('records.monthlyLink')}
          </Button>
        }
      />
      {data.canImport ? (
        <RecordImportFlow key={orgId} orgId={orgId} />
      ) : (
        <Alert color="gray" icon={<Icon name="alert" />}>
          {t('records.cannotImport')}
        </Alert>
      )}
      <StoredCounts counts={data.counts} />
      <ImportHistory imports={data.imports} />
    </Stack>
  );
}

function StoredCounts({ counts }: { counts: RecordImports['counts'] }) {
  return (
    <SectionPanel id="records-stored" title={t('records.storedTitle')}>
      <CountTiles
        cols={{ base: 2, sm: 4 }}
        tiles={[
          { testId: 'stored-dossiers', label: t('records.storedDossiers'), value: counts.dossiers, color: 'blue' },
          { testId: 'stored-procedures', label: t('records.storedProcedures'), value: counts.procedures, color: 'blue' },
          { testId: 'stored-feedback', label: t('records.storedFeedback'), value: counts.feedback, color: 'blue' },
          { testId: 'stored-ratings', label: t('records.storedRatings'), value: counts.ratings, color: 'blue' },
        ]}
      />
    </SectionPanel>
  );
}

function historyColumns(): Column<RecordImport>[] {
  const count = (key: 'rows' | 'accepted' | 'rejected' | 'inserted' | 'updated', header: string): Column<RecordImport> => ({
    key,
    header,
    align: 'right',
    width: 80,
    render: (row) => formatNumber(row[key], 0),
    exportValue: (row) => row[key],
  });
  return [
    { key: 'createdAt', header: t('records.historyAt'), width: 130, render: (row) => formatDateTime(row.createdAt), exportValue: (row) => formatDateTime(row.createdAt) },
    { key: 'kind', header: t('records.historyKind'), width: 150, render: (row) => kindLabel(row.kind), exportValue: (row) => kindLabel(row.kind) },
    {
      key: 'fileName',
      header: t('records.historyFile'),
      primary: true,
      render: (row) => (
        <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
          {row.fileName}
        </Text>
      ),
      exportValue: (row) => row.fileName,
    },
    count('rows', t('records.countRows')),
    count('accepted', t('records.countAccepted')),
    count('rejected', t('records.countRejected')),
    count('inserted', t('records.countInserted')),
    count('updated', t('records.countUpdated')),
    { key: 'by', header: t('records.historyBy'), width: 150, render: (row) => row.createdByName ?? t('common.dash'), exportValue: (row) => row.createdByName ?? '' },
  ];
}

function ImportHistory({ imports }: { imports: RecordImport[] }) {
  const columns = historyColumns();
  return (
    <SectionPanel id="records-history" title={t('records.historyTitle')}>
      <Stack gap="xs">
        {imports.length > 0 && (
          <Group justify="flex-end">
            <Button size="xs" variant="default" leftSection={<Icon name="download" size={14} />} onClick={() => downloadText('lich-su-nhap-du-lieu-mot-cua.csv', toCsv(columns, imports))}>
              {t('common.exportExcel')}
            </Button>
          </Group>
        )}
        <DataTable
          columns={columns}
          rows={imports}
          rowKey={(row) => row.id}
          rowTestId="import-history-row"
          emptyText={t('records.historyEmpty')}
          caption={t('records.historyTitle')}
          minWidth={900}
        />
      </Stack>
    </SectionPanel>
  );
}
