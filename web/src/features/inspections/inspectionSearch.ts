// What the inspection pages keep in the address: the year, the findings' filters, the finding open beside its inspection.
import { FINDING_DISPLAY_STATUSES, type FindingDisplayStatus } from './inspectionTypes';

const yearOf = (value: unknown) => {
  const year = Number(value);
  return Number.isInteger(year) && year > 2000 && year < 2100 ? year : undefined;
};

const idOf = (value: unknown) => (typeof value === 'string' && /^[0-9a-f-]{36}$/i.test(value) ? value : undefined);

export function parseInspectionsSearch(search: Record<string, unknown>): { year?: number } {
  return { year: yearOf(search.year) };
}

export function parseInspectionSearch(search: Record<string, unknown>): { finding?: string } {
  return { finding: idOf(search.finding) };
}

export interface FindingsSearch {
  year?: number;
  /** Display statuses separated by commas: "fixed,fixed_late". */
  status?: string;
  unitId?: string;
  /** Only the findings the signed-in officer's units must fix. */
  mine?: boolean;
}

export function parseFindingsSearch(search: Record<string, unknown>): FindingsSearch {
  const statuses = statusList(typeof search.status === 'string' ? search.status : undefined);
  return {
    year: yearOf(search.year),
    status: statuses.length ? statuses.join(',') : undefined,
    unitId: idOf(search.unitId),
    mine: search.mine === true || search.mine === 'true' ? true : undefined,
  };
}

/** The known display statuses of a `status` search value, in their list order. */
export function statusList(value: string | undefined): FindingDisplayStatus[] {
  if (!value) return [];
  const given = value.split(',');
  return FINDING_DISPLAY_STATUSES.filter((status) => given.includes(status));
}
