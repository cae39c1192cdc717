/**
 * A province's table of results for a year: the communes whose score is final
 * ranked by percentage, with the previous year's percentage, class and rank
 * beside them; the others listed after with their status. Pure.
 */
import type { AssessmentStatus, AssessmentSummary } from "./assessment.js";
import { rank } from "./score.js";

export interface CommuneResult {
  orgId: string; code: string; name: string;
  assessmentId: string | null; status: AssessmentStatus | null; result: AssessmentSummary | null;
}

export interface ResultRow extends CommuneResult {
  rank: number | null;
  of: number;
  previous: { percent: number | null; className: string | null; rank: number | null } | null;
  /** Percentage points gained since the previous year (final scores only). */
  change: number | null;
}

function ranked(rows: readonly CommuneResult[]) {
  const finals = rows.filter((r) => r.status === "final" && r.result);
  return new Map(rank(finals.map((r) => ({ commune: r.code, percent: r.result!.percent, total: r.result!.total })))
    .map((r) => [r.commune, r] as const));
}

export function resultTable(current: readonly CommuneResult[], previous: readonly CommuneResult[]): ResultRow[] {
  const now = ranked(current);
  const before = ranked(previous);
  const prevByCode = new Map(previous.map((r) => [r.code, r]));
  const rows = current.map((r): ResultRow => {
    const me = now.get(r.code);
    const p = prevByCode.get(r.code);
    const pr = before.get(r.code);
    const prev = p && pr && p.result ? { percent: p.result.percent, className: p.result.className, rank: pr.rank } : null;
    const change = me && prev && r.result!.percent !== null && prev.percent !== null ? Math.round((r.result!.percent - prev.percent) * 100) / 100 : null;
    return { ...r, rank: me?.rank ?? null, of: now.size, previous: prev, change };
  });
  return rows.sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.name.localeCompare(b.name, "vi"));
}
