// The one table helper: a Mantine table on wide screens, a list of cards on
// phones, and the same column definitions feed the Excel (CSV) export.
import { Box, Paper, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { MouseEvent, ReactNode } from 'react';
import { t } from '../i18n';

export interface Column<T> {
  key: string;
  header: string;
  render: (row: T) => ReactNode;
  /** Plain value for the export; columns without it are left out of the file. */
  exportValue?: (row: T) => string | number;
  width?: number | string;
  align?: 'left' | 'right' | 'center';
  /** Shown as the heading of the card on phones. */
  primary?: boolean;
  hideInCards?: boolean;
  /** Left out when printing (buttons). */
  noPrint?: boolean;
}

interface DataTableProps<T> {
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  onRowClick?: (row: T) => void;
  rowTestId?: string;
  /** Width below which the table scrolls sideways. */
  minWidth?: number;
  emptyText?: string;
  caption?: string;
  /** `auto`: cards on phones, table otherwise. */
  layout?: 'auto' | 'table';
  striped?: boolean;
  /** Column widths are kept exactly (the columns' widths should add up to about 100%). */
  fixedLayout?: boolean;
}

const INTERACTIVE = 'a, button, input, select, textarea, label, [role="button"], [role="checkbox"]';

function clickHandler<T>(row: T, onRowClick?: (row: T) => void) {
  if (!onRowClick) return undefined;
  return (event: MouseEvent<HTMLElement>) => {
    if ((event.target as HTMLElement).closest(INTERACTIVE)) return;
    onRowClick(row);
  };
}

export function DataTable<T>({
  columns,
  rows,
  rowKey,
  onRowClick,
  rowTestId,
  minWidth = 720,
  emptyText,
  caption,
  layout = 'auto',
  striped = false,
  fixedLayout = false,
}: DataTableProps<T>) {
  const phone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });

  if (rows.length === 0) {
    return (
      <Text c="dimmed" size="sm" py="sm">
        {emptyText ?? t('common.empty')}
      </Text>
    );
  }

  if (phone && layout === 'auto') {
    const primary = columns.find((column) => column.primary);
    const rest = columns.filter((column) => !column.primary && !column.hideInCards);
    return (
      <Stack gap="xs" aria-label={caption} role="list">
        {rows.map((row) => (
          <Paper
            key={rowKey(row)}
            withBorder
            p="sm"
            role="listitem"
            data-testid={rowTestId}
            onClick={clickHandler(row, onRowClick)}
            style={onRowClick ? { cursor: 'pointer' } : undefined}
            className="data-card"
          >
            {primary && <Box mb={6}>{primary.render(row)}</Box>}
            <dl className="data-card-fields">
              {rest.map((column) => (
                <div key={column.key} className={column.noPrint ? 'no-print' : undefined}>
                  <dt>{column.header}</dt>
                  <dd>{column.render(row)}</dd>
                </div>
              ))}
            </dl>
          </Paper>
        ))}
      </Stack>
    );
  }

  return (
    <Table.ScrollContainer minWidth={minWidth} type="native" className="data-table-scroll">
      <Table
        striped={striped}
        highlightOnHover={Boolean(onRowClick)}
        verticalSpacing="xs"
        horizontalSpacing="xs"
        withTableBorder
        withColumnBorders
        className="data-table"
        data-fixed={fixedLayout || undefined}
        style={fixedLayout ? { tableLayout: 'fixed' } : undefined}
      >
        {caption && <caption className="visually-hidden">{caption}</caption>}
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => (
              <Table.Th
                key={column.key}
                style={{ width: column.width, textAlign: column.align }}
                className={column.noPrint ? 'no-print' : undefined}
                scope="col"
              >
                {column.header}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr
              key={rowKey(row)}
              data-testid={rowTestId}
              onClick={clickHandler(row, onRowClick)}
              style={onRowClick ? { cursor: 'pointer' } : undefined}
            >
              {columns.map((column) => (
                <Table.Td
                  key={column.key}
                  style={{ textAlign: column.align, verticalAlign: 'top' }}
                  className={column.noPrint ? 'no-print' : undefined}
                >
                  {column.render(row)}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
