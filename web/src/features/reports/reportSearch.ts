// What the report pages keep in the address: the year (commune) and the report and year (province).
import { REPORT_KINDS, type ReportKind } from './reportTypes';

const yearOf = (value: unknown) => {
  const year = Number(value);
  return Number.isInteger(year) && year > 2000 && year < 2100 ? year : undefined;
};

export function parseReportsSearch(search: Record<string, unknown>): { year?: number } {
  return { year: yearOf(search.year) };
}

export function parseProvinceReportsSearch(search: Record<string, unknown>): { kind?: ReportKind; year?: number } {
  return { kind: REPORT_KINDS.find((kind) => kind === search.kind), year: yearOf(search.year) };
}
