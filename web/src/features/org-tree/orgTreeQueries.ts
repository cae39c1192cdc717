// The province's organisation tree and the bulk account import (Đơn vị trực thuộc).
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../lib/api';

export interface OrgNode {
  id: string;
  parentId: string | null;
  kind: 'province' | 'commune' | 'district';
  name: string;
  code: string;
  /** Active accounts of the organisation. */
  accounts: number;
  /** A district: the level ended on 01/7/2025. */
  legacy: boolean;
  children: OrgNode[];
}

export interface AccountImportResult {
  created: number;
  accounts: number;
  perCommune: Array<{ orgId: string; code: string; name: string; accounts: number }>;
}

export interface NewOrgInput {
  name: string;
  code: string;
  kind: 'commune' | 'district';
  parentId?: string;
}

export function orgTreeQueryOptions(provinceId: string) {
  return queryOptions({
    queryKey: ['orgs', provinceId, 'tree'],
    queryFn: () => api.get<OrgNode>(`/api/orgs/${provinceId}/tree`),
  });
}

export const orgTreeApi = {
  add: (provinceId: string, input: NewOrgInput) => api.post<OrgNode>(`/api/orgs/${provinceId}/children`, input),
  update: (orgId: string, input: { name?: string; legacy?: boolean }) => api.patch<OrgNode>(`/api/orgs/${orgId}`, input),
  importPath: (provinceId: string, checkOnly: boolean) => `/api/orgs/${provinceId}/account-imports${checkOnly ? '?check=1' : ''}`,
  templatePath: (provinceId: string) => `/api/orgs/${provinceId}/account-imports/template.xlsx`,
};

/** The tree as rows, depth first, with how deep each sits under the province. */
export function flattenTree(root: OrgNode): Array<{ node: OrgNode; depth: number }> {
  const out: Array<{ node: OrgNode; depth: number }> = [];
  const walk = (node: OrgNode, depth: number) => {
    out.push({ node, depth });
    node.children.forEach((child) => walk(child, depth + 1));
  };
  root.children.forEach((child) => walk(child, 0));
  return out;
}

export interface SheetProblem {
  row: number | null;
  column: string | null;
  message: string;
}

/**
 * The problems of a refused sheet, from the server's message: its first line
 * says how many, each further line is "Dòng N, cột X (Tên cột): …".
 */
export function sheetProblems(message: string): { summary: string; problems: SheetProblem[] } {
  const [summary = '', ...lines] = message.split('\n');
  const problems = lines.filter(Boolean).map((line) => {
    const m = /^Dòng (\d+)(?:, cột [A-Z]+ \(([^)]+)\))?: (.*)$/.exec(line);
    return m ? { row: Number(m[1]), column: m[2] ?? null, message: m[3]! } : { row: null, column: null, message: line };
  });
  return { summary, problems };
}
