// The report's statistics annex (STT, Chỉ tiêu, Đơn vị tính, Kết quả, Ghi chú,
// rows grouped by area; rows the commune fills itself are marked) and Biểu số
// 06/VPCP/KSTT of the one-stop dossiers with its 13 columns, scrolling sideways
// where the screen is narrow.
import { Text } from '@mantine/core';
import { Fragment } from 'react';
import { SectionPanel } from '../../components/SectionPanel';
import { t } from '../../i18n';
import { formatDate, formatNumber, formatPercent } from '../../lib/format';
import type { AnnexRow, Bieu06Row, ReportDraft } from './reportTypes';

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];
const roman = (n: number) => ROMAN[n - 1] ?? String(n);

function groupsOf(rows: AnnexRow[]): Array<{ group: string; rows: AnnexRow[] }> {
  const groups: Array<{ group: string; rows: AnnexRow[] }> = [];
  for (const row of rows) {
    const last = groups.at(-1);
    if (last && last.group === row.group) last.rows.push(row);
    else groups.push({ group: row.group, rows: [row] });
  }
  return groups;
}

function annexValue(row: AnnexRow): string {
  if (row.value === null) return t('reports.annex.noValue');
  return row.unit.trim() === '%' ? formatPercent(row.value, 2) : formatNumber(row.value, 2);
}

export function AnnexTable({ rows }: { rows: AnnexRow[] }) {
  if (rows.length === 0) return <SectionPanel id="report-annex" title={t('reports.annex.title')} empty={t('reports.annex.empty')} />;
  const manual = rows.filter((row) => row.source === 'manual').length;
  return (
    <SectionPanel id="report-annex" title={t('reports.annex.title')} className="report-annex">
      <div className="report-table-scroll">
        <table className="report-table report-annex-table">
          <caption className="visually-hidden">{t('reports.annex.title')}</caption>
          <thead>
            <tr>
              <th scope="col" className="report-col-stt">
                {t('reports.annex.stt')}
              </th>
              <th scope="col">{t('reports.annex.label')}</th>
              <th scope="col" className="report-col-unit">
                {t('reports.annex.unit')}
              </th>
              <th scope="col" className="report-col-num">
                {t('reports.annex.value')}
              </th>
              <th scope="col" className="report-col-note report-hide-phone">
                {t('reports.annex.note')}
              </th>
            </tr>
          </thead>
          <tbody>
            {groupsOf(rows).map((g, gi) => (
              <Fragment key={`${gi}-${g.group}`}>
                {g.group && (
                  <tr className="report-group-row">
                    <th scope="row" className="report-col-stt">
                      {roman(gi + 1)}
                    </th>
                    <th scope="colgroup" colSpan={4}>
                      {g.group}
                    </th>
                  </tr>
                )}
                {g.rows.map((row, i) => {
                  const isManual = row.source === 'manual';
                  return (
                    <tr key={i} data-source={row.source} data-testid="report-annex-row">
                      <td className="report-col-stt">{i + 1}</td>
                      <td>
                        {row.label}
                        {row.note && (
                          <Text size="xs" c="dimmed" className="report-show-phone">
                            {row.note}
                          </Text>
                        )}
                        {isManual && (
                          <Text size="xs" c="dimmed" className="report-show-phone">
                            {t('reports.annex.manualHint')}
                          </Text>
                        )}
                      </td>
                      <td className="report-col-unit">{row.unit}</td>
                      <td className="report-col-num">
                        {isManual && row.value === null ? (
                          <span title={t('reports.annex.manualHint')} aria-label={t('reports.annex.manualAria')}>
                            {t('reports.annex.noValue')}
                          </span>
                        ) : (
                          annexValue(row)
                        )}
                      </td>
                      <td className="report-col-note report-hide-phone">
                        {[row.note, isManual ? t('reports.annex.manualHint') : ''].filter(Boolean).join('; ')}
                      </td>
                    </tr>
                  );
                })}
              </Fragment>
            ))}
          </tbody>
        </table>
      </div>
      {manual > 0 && (
        <Text size="xs" c="dimmed" mt="xs">
          {t('reports.annex.manualNote', { count: manual })}
        </Text>
      )}
    </SectionPanel>
  );
}

function Bieu06Cells({ row }: { row: Bieu06Row }) {
  const n = (value: number) => formatNumber(value, 0);
  return (
    <>
      <td className="report-col-num">{n(row.received.total)}</td>
      <td className="report-col-num">{n(row.received.online)}</td>
      <td className="report-col-num">{n(row.received.direct)}</td>
      <td className="report-col-num">{n(row.received.carried)}</td>
      <td className="report-col-num">{n(row.resolved.total)}</td>
      <td className="report-col-num">{n(row.resolved.early)}</td>
      <td className="report-col-num">{n(row.resolved.onTime)}</td>
      <td className="report-col-num">{n(row.resolved.late)}</td>
      <td className="report-col-num">{n(row.pending.total)}</td>
      <td className="report-col-num">{n(row.pending.withinTime)}</td>
      <td className="report-col-num">{n(row.pending.overdue)}</td>
    </>
  );
}

/** Biểu số 06/VPCP/KSTT (TT 01/2020/TT-VPCP): three header rows, the column numbers, one row per field and the total. */
export function Bieu06Table({ bieu06, window }: { bieu06: NonNullable<ReportDraft['bieu06']>; window: { from: string; to: string } }) {
  return (
    <SectionPanel id="report-bieu06" title={t('reports.bieu06.title')} className="report-bieu06">
      <Text size="sm" fw={600} ta="center">
        {t('reports.bieu06.heading')}
      </Text>
      <Text size="sm" ta="center" fs="italic">
        {t('reports.bieu06.window', { from: formatDate(window.from), to: formatDate(window.to) })}
      </Text>
      <Text size="xs" ta="right" mb={4}>
        {t('reports.bieu06.unit')}
      </Text>
      <div className="report-table-scroll" tabIndex={0} role="region" aria-label={t('reports.bieu06.scroll')}>
        <table className="report-table report-bieu06-table">
          <caption className="visually-hidden">{t('reports.bieu06.title')}</caption>
          <thead>
            <tr>
              <th scope="col" rowSpan={3} className="report-col-stt">
                {t('reports.annex.stt')}
              </th>
              <th scope="col" rowSpan={3} className="report-bieu06-field">
                {t('reports.bieu06.field')}
              </th>
              <th scope="colgroup" colSpan={4}>
                {t('reports.bieu06.received')}
              </th>
              <th scope="colgroup" colSpan={4}>
                {t('reports.bieu06.resolved')}
              </th>
              <th scope="colgroup" colSpan={3}>
                {t('reports.bieu06.pending')}
              </th>
            </tr>
            <tr>
              <th scope="col" rowSpan={2}>
                {t('reports.bieu06.total')}
              </th>
              <th scope="colgroup" colSpan={3}>
                {t('reports.bieu06.ofWhich')}
              </th>
              <th scope="col" rowSpan={2}>
                {t('reports.bieu06.total')}
              </th>
              <th scope="colgroup" colSpan={3}>
                {t('reports.bieu06.ofWhich')}
              </th>
              <th scope="col" rowSpan={2}>
                {t('reports.bieu06.total')}
              </th>
              <th scope="colgroup" colSpan={2}>
                {t('reports.bieu06.ofWhich')}
              </th>
            </tr>
            <tr>
              <th scope="col">{t('reports.bieu06.online')}</th>
              <th scope="col">{t('reports.bieu06.direct')}</th>
              <th scope="col">{t('reports.bieu06.carried')}</th>
              <th scope="col">{t('reports.bieu06.early')}</th>
              <th scope="col">{t('reports.bieu06.onTime')}</th>
              <th scope="col">{t('reports.bieu06.late')}</th>
              <th scope="col">{t('reports.bieu06.withinTime')}</th>
              <th scope="col">{t('reports.bieu06.overdue')}</th>
            </tr>
            <tr className="report-colnums">
              {Array.from({ length: 13 }, (_, i) => (
                <th key={i} scope="col">
                  ({i + 1})
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {bieu06.rows.map((row, i) => (
              <tr key={`${i}-${row.field}`} data-testid="report-bieu06-row">
                <td className="report-col-stt">{i + 1}</td>
                <td>{row.field}</td>
                <Bieu06Cells row={row} />
              </tr>
            ))}
            <tr className="report-total-row" data-testid="report-bieu06-total">
              <td />
              <th scope="row">{t('reports.bieu06.totalRow')}</th>
              <Bieu06Cells row={bieu06.total} />
            </tr>
          </tbody>
        </table>
      </div>
    </SectionPanel>
  );
}
