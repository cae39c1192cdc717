import { Button, Group, Pagination, Select, Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { DataTable, type Column } from '../../components/DataTable';
import { Icon } from '../../components/Icon';
import { TagBadge } from '../../components/TagBadge';
import { ToggleButtons } from '../../components/ToggleButtons';
import { t } from '../../i18n';
import { downloadText, toCsv } from '../../lib/csv';
import { formatNumber } from '../../lib/format';
import type { RecordIssue } from './recordTypes';

const PAGE_SIZE = 25;
type Severity = 'all' | 'error' | 'warning';
type NumberedIssue = RecordIssue & { n: number };

/** "ngày không hợp lệ" → "Ngày không hợp lệ": the server's reasons start in lower case (they follow a file:row:column prefix on the CLI). */
function sentence(text: string): string {
  return text ? text.charAt(0).toLocaleUpperCase('vi') + text.slice(1) : text;
}

function columnText(issue: RecordIssue): string {
  return issue.column === '-' ? t('records.issueWholeRow') : issue.column;
}

function severityText(issue: RecordIssue): string {
  return issue.warning ? t('records.issueWarning') : t('records.issueError');
}

/** The report's columns, on screen and in the CSV file. */
function issueColumns(): Column<RecordIssue>[] {
  return [
  { key: 'row', header: t('records.issueRow'), width: 70, align: 'right', render: (issue) => formatNumber(issue.row, 0), exportValue: (issue) => issue.row },
  { key: 'column', header: t('records.issueColumn'), width: 190, render: (issue) => <Text size="sm" ff="monospace">{columnText(issue)}</Text>, exportValue: columnText },
  {
    key: 'severity',
    header: t('records.issueSeverity'),
    width: 140,
    render: (issue) =>
      issue.warning ? (
        <TagBadge color="yellow" icon="alert" label={t('records.issueWarning')} state="warning" testId="issue-severity" />
      ) : (
        <TagBadge color="red" icon="x" label={t('records.issueError')} state="error" testId="issue-severity" />
      ),
    exportValue: severityText,
  },
  { key: 'message', header: t('records.issueMessage'), primary: true, render: (issue) => <Text size="sm">{sentence(issue.message)}</Text>, exportValue: (issue) => sentence(issue.message) },
  ];
}

/**
 * Every problem the check found, row by row: errors (the row is left out) and
 * warnings (nothing rejected), filterable, a page at a time, and as a CSV file.
 */
export function IssueReport({ issues, fileName }: { issues: RecordIssue[]; fileName: string }) {
  // Errors first (the rows left out), then warnings, each in row order.
  const numbered = useMemo<NumberedIssue[]>(
    () => issues.map((issue, n) => ({ ...issue, n })).sort((a, b) => Number(a.warning) - Number(b.warning) || a.row - b.row || a.n - b.n),
    [issues],
  );
  const [severity, setSeverity] = useState<Severity>('all');
  const [column, setColumn] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const errors = issues.filter((issue) => !issue.warning).length;
  const warnings = issues.length - errors;
  const columns = useMemo(() => [...new Set(issues.map(columnText))].sort((a, b) => a.localeCompare(b, 'vi')), [issues]);

  const shown = useMemo(
    () =>
      numbered.filter(
        (issue) =>
          (severity === 'all' || (severity === 'warning') === issue.warning) && (column === null || columnText(issue) === column),
      ),
    [numbered, severity, column],
  );
  const pages = Math.max(1, Math.ceil(shown.length / PAGE_SIZE));
  const current = Math.min(page, pages);
  const slice = shown.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE);

  if (issues.length === 0) {
    return (
      <Text size="sm" c="green.8" data-testid="issue-none">
        {t('records.issuesNone')}
      </Text>
    );
  }

  const download = () => {
    const base = fileName.replace(/\.[^.]+$/, '');
    downloadText(`${base}-bao-cao-kiem-tra.csv`, toCsv(issueColumns(), numbered));
  };

  return (
    <Stack gap="sm" data-testid="issue-report">
      <Group justify="space-between" align="flex-end" gap="sm">
        <Group align="flex-end" gap="sm">
          <ToggleButtons<Severity>
            ariaLabel={t('records.issueSeverity')}
            size="xs"
            value={severity}
            onChange={(next) => {
              setSeverity(next);
              setPage(1);
            }}
            options={[
              { value: 'all', label: t('records.issuesAll', { count: issues.length }) },
              { value: 'error', label: t('records.issuesErrors', { count: errors }) },
              { value: 'warning', label: t('records.issuesWarnings', { count: warnings }) },
            ]}
          />
          {columns.length > 1 && (
            <Select
              size="xs"
              label={t('records.issueColumn')}
              placeholder={t('records.issueAllColumns')}
              data={columns}
              value={column}
              onChange={(next) => {
                setColumn(next);
                setPage(1);
              }}
              clearable
              searchable
              w={200}
            />
          )}
        </Group>
        <Button size="xs" variant="default" leftSection={<Icon name="download" size={14} />} onClick={download}>
          {t('records.issuesDownload')}
        </Button>
      </Group>
      <DataTable
        columns={issueColumns()}
        rows={slice}
        rowKey={(issue) => String(issue.n)}
        rowTestId="issue-row"
        emptyText={t('common.noMatch')}
        caption={t('records.issuesTitle')}
        minWidth={640}
        fixedLayout
      />
      {pages > 1 && (
        <Group justify="space-between" gap="xs">
          <Text size="xs" c="dimmed">
            {t('records.issuesPage', {
              from: formatNumber((current - 1) * PAGE_SIZE + 1, 0),
              to: formatNumber(Math.min(current * PAGE_SIZE, shown.length), 0),
              total: formatNumber(shown.length, 0),
            })}
          </Text>
          <Pagination total={pages} value={current} onChange={setPage} size="sm" siblings={1} aria-label={t('records.issuesPages')} />
        </Group>
      )}
    </Stack>
  );
}
