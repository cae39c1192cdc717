// Export of a table as a CSV file that Excel opens with Vietnamese intact
// (UTF-8 with a byte-order mark). Numbers are written plain.
import type { Column } from '../components/DataTable';

function cell(value: string | number): string {
  const text = typeof value === 'number' ? String(value) : value.replace(/\r?\n/g, ' ');
  return /[",;\n\r]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv<T>(
  columns: Column<T>[],
  rows: T[],
  extra?: { header: string; value: (row: T, index: number) => string | number },
): string {
  const exported = columns.filter((column) => column.exportValue);
  const header = [...(extra ? [extra.header] : []), ...exported.map((column) => column.header)];
  const lines = [header.map(cell).join(',')];
  rows.forEach((row, index) => {
    const values = [...(extra ? [extra.value(row, index)] : []), ...exported.map((column) => column.exportValue!(row))];
    lines.push(values.map(cell).join(','));
  });
  return lines.join('\r\n') + '\r\n';
}

export function downloadText(filename: string, content: string, mimeType = 'text/csv;charset=utf-8'): void {
  const blob = new Blob(['\uFEFF', content], { type: mimeType });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** "09/KH-UBND" of 2025 → "KH-09-UBND-2025"; falls back to a slug of the given words. */
export function documentFileBase(number: string | null, year: number, fallback: string): string {
  if (number && number.includes('/')) {
    const [serial, symbol] = number.split('/', 2);
    const parts = symbol.split('-').map((part) => part.trim()).filter(Boolean);
    const name = [parts[0], serial.trim(), ...parts.slice(1), String(year)].filter(Boolean).join('-');
    return name.replace(/[^\p{L}\p{N}-]+/gu, '-');
  }
  const slug = fallback
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .replace(/[^a-zA-Z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
  return `${slug || 'bang'}-${year}`;
}
