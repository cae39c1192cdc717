// "Điểm bị trừ": every criterion below its maximum, most points lost first (as
// the server orders them), with the reason; exported to Excel, and the way to
// a remediation plan.
import { Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { DataTable, type Column } from '../../components/DataTable';
import { Icon } from '../../components/Icon';
import { t } from '../../i18n';
import { documentFileBase, downloadText, toCsv } from '../../lib/csv';
import { formatPoints } from './assessmentFormat';
import type { AssessmentView, LostPoint } from './assessmentTypes';
import { RemediationButton } from './AssessmentPageActions';

export function AssessmentPageLostPoints({ view, onReveal }: { view: AssessmentView; onReveal: (code: string) => void }) {
  const rows = view.result.lostPoints;
  const total = rows.reduce((sum, row) => sum + row.lost, 0);
  const columns: Column<LostPoint>[] = [
    {
      key: 'code',
      header: t('parAssessment.lost.code'),
      width: 80,
      primary: false,
      render: (row) => (
        <Anchor component="button" type="button" size="sm" fw={600} onClick={() => onReveal(row.code)} className="par-print-button" aria-label={t('parAssessment.lost.open', { code: row.code })}>
          {row.code}
        </Anchor>
      ),
      exportValue: (row) => row.code,
    },
    { key: 'name', header: t('parAssessment.lost.name'), primary: true, render: (row) => <Text size="sm">{row.name}</Text>, exportValue: (row) => row.name },
    {
      key: 'points',
      header: t('parAssessment.lost.points'),
      width: 110,
      align: 'right',
      render: (row) => t('parAssessment.points', { points: formatPoints(row.points), max: formatPoints(row.max) }),
      exportValue: (row) => `${row.points}/${row.max}`,
    },
    {
      key: 'lost',
      header: t('parAssessment.lost.lost'),
      width: 90,
      align: 'right',
      render: (row) => (
        <Text size="sm" fw={700} c="red.8" span>
          −{formatPoints(row.lost)}
        </Text>
      ),
      exportValue: (row) => row.lost,
    },
    { key: 'why', header: t('parAssessment.lost.why'), render: (row) => <Text size="sm">{row.explanation}</Text>, exportValue: (row) => row.explanation },
  ];

  const exportCsv = () =>
    downloadText(`${documentFileBase(null, view.year, `diem-bi-tru-${view.org.code}`)}.csv`, toCsv(columns, rows));

  return (
    <Stack gap="sm">
      <Group justify="space-between" gap="xs">
        <Text size="sm">
          {rows.length > 0 ? t('parAssessment.lost.summary', { count: rows.length, points: formatPoints(total) }) : t('parAssessment.lost.none')}
        </Text>
        <Group gap="xs" className="no-print">
          {rows.length > 0 && (
            <Button size="xs" variant="default" leftSection={<Icon name="download" size={16} />} onClick={exportCsv}>
              {t('common.exportExcel')}
            </Button>
          )}
          {view.can.remediate && <RemediationButton view={view} />}
        </Group>
      </Group>
      {rows.length > 0 && (
        <DataTable columns={columns} rows={rows} rowKey={(row) => row.code} caption={t('parAssessment.lost.caption')} minWidth={640} rowTestId="lost-row" />
      )}
    </Stack>
  );
}
