import { Alert, Button, Group, Stack, Table, Text } from '@mantine/core';
import { Icon } from '../../components/Icon';
import { SectionPanel } from '../../components/SectionPanel';
import { t } from '../../i18n';
import { errorMessage } from '../../lib/api';
import { formatNumber } from '../../lib/format';
import { CountTiles } from './CountTiles';
import { IssueReport } from './IssueReport';
import { kindLabel } from './recordKinds';
import type { RecordFileCheck } from './recordTypes';

interface FileCheckResultProps {
  check: RecordFileCheck;
  confirming: boolean;
  confirmError: unknown;
  onConfirm: () => void;
  /** Back to the start; nothing is written. */
  onCancel: () => void;
}

/** What applying the file would do: counts, the first rows, every problem; then confirm or cancel. */
export function FileCheckResult({ check, confirming, confirmError, onConfirm, onCancel }: FileCheckResultProps) {
  const errors = check.issues.filter((issue) => !issue.warning).length;
  const warnings = check.issues.length - errors;
  const canConfirm = !check.refused && check.uploadId !== null;

  return (
    <Stack gap="md" data-testid="record-check" data-refused={check.refused || undefined}>
      <SectionPanel id="check-summary" title={t('records.checkTitle', { file: check.fileName, kind: kindLabel(check.kind) })}>
        <Stack gap="sm">
          <CountTiles
            tiles={[
              { testId: 'check-rows', label: t('records.countRows'), value: check.rows, color: 'blue' },
              { testId: 'check-accepted', label: t('records.countAccepted'), value: check.accepted, color: 'green' },
              { testId: 'check-rejected', label: t('records.countRejected'), value: check.rejected, color: 'red' },
              { testId: 'check-inserted', label: t('records.countInserted'), value: check.inserted, color: 'teal' },
              { testId: 'check-updated', label: t('records.countUpdated'), value: check.updated, color: 'grape' },
            ]}
          />
          {check.refused ? (
            <Alert color="red" icon={<Icon name="x" />} title={t('records.refusedTitle')} role="alert" data-testid="check-refused">
              <Stack gap={4}>
                <Text size="sm">{check.refusedReason}</Text>
                <Text size="sm">{t('records.refusedNothing')}</Text>
              </Stack>
            </Alert>
          ) : check.rejected > 0 ? (
            <Alert color="yellow" icon={<Icon name="alert" />} data-testid="check-partial">
              {t('records.partialNote', { bad: formatNumber(check.rejected, 0), good: formatNumber(check.accepted, 0) })}
            </Alert>
          ) : (
            <Alert color="green" icon={<Icon name="check" />} data-testid="check-ok">
              {t('records.allGood', { good: formatNumber(check.accepted, 0) })}
            </Alert>
          )}
        </Stack>
      </SectionPanel>

      <SectionPanel id="check-preview" title={t('records.previewTitle', { count: check.preview.rows.length })}>
        <PreviewTable preview={check.preview} />
      </SectionPanel>

      <SectionPanel id="check-issues" title={t('records.issuesHeading', { errors: formatNumber(errors, 0), warnings: formatNumber(warnings, 0) })}>
        <IssueReport issues={check.issues} fileName={check.fileName} />
      </SectionPanel>

      {confirmError !== null && confirmError !== undefined && (
        <Alert color="red" icon={<Icon name="alert" />} role="alert" data-testid="confirm-error">
          {errorMessage(confirmError)}
        </Alert>
      )}
      <Group className="record-actions" gap="sm" align="center">
        {canConfirm && (
          <Button leftSection={<Icon name="check" size={16} />} onClick={onConfirm} loading={confirming} data-testid="confirm-import">
            {t('records.confirm', { count: formatNumber(check.accepted, 0) })}
          </Button>
        )}
        <Button variant="default" onClick={onCancel} disabled={confirming}>
          {check.refused ? t('records.chooseAnother') : t('common.cancel')}
        </Button>
        {canConfirm && check.rejected > 0 && (
          <Text size="sm" c="orange.9" data-testid="confirm-skipped">
            {t('records.skipped', { count: formatNumber(check.rejected, 0) })}
          </Text>
        )}
        {confirming && (
          <Text size="sm" c="dimmed" role="status">
            {t('records.applying')}
          </Text>
        )}
      </Group>
    </Stack>
  );
}

/** The first rows of the file as they were read, every column. */
function PreviewTable({ preview }: { preview: RecordFileCheck['preview'] }) {
  if (preview.rows.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('records.previewEmpty')}
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={Math.max(480, preview.columns.length * 110)} type="native" className="preview-scroll">
      <Table withTableBorder withColumnBorders verticalSpacing={4} horizontalSpacing="xs" className="data-table preview-table" data-testid="record-preview">
        <caption className="visually-hidden">{t('records.previewTitle', { count: preview.rows.length })}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('records.previewRow')}</Table.Th>
            {preview.columns.map((column, index) => (
              <Table.Th key={`${index}-${column}`} scope="col">
                {column}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {preview.rows.map((cells, rowIndex) => (
            <Table.Tr key={rowIndex}>
              <Table.Td>{preview.rowNumbers[rowIndex]}</Table.Td>
              {cells.map((cell, index) => (
                <Table.Td key={index} style={{ whiteSpace: 'nowrap' }}>
                  {cell}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
