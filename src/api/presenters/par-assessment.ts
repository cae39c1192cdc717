/**
 * A PAR-index assessment as its reader sees it: the commune sees each
 * appraisal only once the province has closed it; the province sees every
 * stage. Scores are recomputed from the stored values on every read.
 */
import { and, desc, eq, inArray, lt } from "drizzle-orm";
import {
  STATUS_LABELS, STAGE_LABELS, appraisalKinds, countingInput, currentEntries, describeInput, inputKinds, isSelfScored,
  submissionProblems, visibleStages, type LeafEntry, type Stage,
} from "../../domain/par-index/assessment.js";
import { round2 } from "../../domain/indicators/ratio.js";
import { rank, score, scoreLeaf } from "../../domain/par-index/score.js";
import type { CriterionNode } from "../../domain/par-index/types.js";
import { METHOD_LABELS, NA_LABELS, RULE_LABELS, isLeaf, walk } from "../../domain/par-index/tree.js";
import type { Tx } from "../../db/connection.js";
import type { OrgRow } from "../../db/orgs.js";
import { loadEntries, loadEvidence, provinceAssessments, setOf, type AssessmentRow } from "../../db/par-assessments.js";
import { parAssessments, users } from "../../db/schema.js";
import { canOnAssessment } from "../policies/par-assessments.js";
import { isProvincial, type Viewer } from "../policies/viewer.js";

export async function userNames(tx: Tx, ids: Array<string | null>): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))];
  if (!wanted.length) return new Map();
  const rows = await tx.select({ id: users.id, name: users.fullName }).from(users).where(inArray(users.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Rank of a commune among the province's communes whose score is final, for a year. */
export async function finalRank(tx: Tx, provinceId: string, year: number, orgId: string): Promise<{ rank: number; of: number } | null> {
  const finals = (await provinceAssessments(tx, provinceId, [year])).filter((r) => r.status === "final" && r.result);
  const ranked = rank(finals.map((r) => ({ commune: r.code, orgId: r.orgId, percent: r.result!.percent, total: r.result!.total })));
  const me = ranked.find((r) => r.orgId === orgId);
  return me ? { rank: me.rank, of: me.of } : null;
}

export async function presentAssessment(tx: Tx, viewer: Viewer, a: AssessmentRow, org: OrgRow) {
  const set = await setOf(tx, a);
  const provincial = isProvincial(viewer);
  const stages = visibleStages(a.status, provincial);
  const entries = await loadEntries(tx, a.id);
  const visibleEntries = entries.filter((e) => stages.includes(e.stage));
  const current = currentEntries(visibleEntries);
  const counting = countingInput(set, current, a.survey ?? null, stages);
  const result = score(set, counting.input);
  const evidence = await loadEvidence(tx, a.id);
  const names = await userNames(tx, [...entries.map((e) => e.by), ...evidence.map((e) => e.addedBy), a.submittedBy, a.round1By, a.explainedBy, a.finalBy]);
  const nodeScores = new Map(result.nodes.map((n) => [n.code, n]));
  const lost = new Map(result.lostPoints.map((l) => [l.code, l]));
  const historyCount = new Map<string, number>();
  for (const e of visibleEntries) historyCount.set(e.leafCode, (historyCount.get(e.leafCode) ?? 0) + 1);
  const entry = (node: CriterionNode, e: LeafEntry | undefined) => {
    if (!e) return null;
    const scored = e.input ? scoreLeaf(node, e.input) : null;
    return {
      stage: e.stage, input: e.input, display: e.input ? describeInput(e.input) : null, text: e.text, explanation: e.explanation,
      points: scored && !("problem" in scored) ? round2(scored.points) : null,
      automatic: e.automatic, by: e.by ? names.get(e.by) ?? null : null, at: e.at,
    };
  };
  const evidenceCount = new Map<string, number>();
  for (const e of evidence) if (e.stage === "self") evidenceCount.set(e.leafCode, (evidenceCount.get(e.leafCode) ?? 0) + 1);
  const ref = { orgId: a.orgId, status: a.status, org };
  const can = (action: Parameters<typeof canOnAssessment>[1]) => canOnAssessment(viewer, action, ref);

  const nodes = walk(set).map(({ node, depth, top }) => {
    const s = nodeScores.get(node.code);
    const base = {
      code: node.code, name: node.name, depth, areaCode: top.code, isLeaf: isLeaf(node), maxPoints: node.maxPoints,
      ruleText: node.ruleText, method: node.method, methodLabel: METHOD_LABELS[node.method],
      points: s?.points ?? 0, max: s?.max ?? node.maxPoints, lost: s?.lost ?? 0,
    };
    if (!isLeaf(node)) return base;
    const slot = current.get(node.code) ?? {};
    return {
      ...base,
      rule: node.rule ?? null, ruleLabel: node.rule ? RULE_LABELS[node.rule.kind] : null,
      notApplicable: node.notApplicable ?? null, notApplicableLabel: node.notApplicable ? NA_LABELS[node.notApplicable] : null,
      evidenceHint: node.evidenceHint ?? null, computedKey: node.computedKey ?? null,
      selfScored: isSelfScored(node), inputKinds: inputKinds(node), appraisalKinds: appraisalKinds(node),
      status: s?.status ?? null, countingStage: counting.from[node.code] ?? null,
      why: lost.get(node.code)?.explanation ?? null,
      entries: Object.fromEntries((["self", "round1", "response", "final"] as Stage[]).map((st) => [st, entry(node, slot[st])])),
      historyCount: historyCount.get(node.code) ?? 0,
      evidence: evidence.filter((e) => e.leafCode === node.code).map((e) => ({
        id: e.id, stage: e.stage, kind: e.kind, label: e.label, filename: e.filename, size: e.size, mimeType: e.mimeType, url: e.url,
        recordType: e.recordType, recordId: e.recordId, addedBy: e.addedBy ? names.get(e.addedBy) ?? null : null, createdAt: e.createdAt.toISOString(),
      })),
    };
  });

  const step = (by: string | null, at: Date | null) => (at ? { by: by ? names.get(by) ?? null : null, at: at.toISOString() } : null);
  const provinceId = org.parentId;
  const rankNow = a.status === "final" && provinceId ? await finalRank(tx, provinceId, a.year, a.orgId) : null;
  const [previousRow] = await tx.select().from(parAssessments)
    .where(and(eq(parAssessments.orgId, a.orgId), lt(parAssessments.year, a.year), eq(parAssessments.status, "final")))
    .orderBy(desc(parAssessments.year)).limit(1);
  const previous = previousRow?.result ? {
    year: previousRow.year, total: previousRow.result.total, percent: previousRow.result.percent, className: previousRow.result.className,
    areas: previousRow.result.areas,
    rank: provinceId ? await finalRank(tx, provinceId, previousRow.year, a.orgId) : null,
  } : null;

  return {
    id: a.id, year: a.year, status: a.status, statusLabel: STATUS_LABELS[a.status],
    org: { id: org.id, name: org.name, code: org.code },
    set: { id: set.id, label: set.label, version: set.version, isExample: set.isExample ?? false, surveyWeight: set.surveyWeight, classes: set.classes, legalRef: set.legalRef ?? null },
    stages: stages.map((s) => ({ stage: s, label: STAGE_LABELS[s] })),
    steps: {
      submitted: step(a.submittedBy, a.submittedAt), round1: step(a.round1By, a.round1At),
      explained: step(a.explainedBy, a.explainedAt), final: step(a.finalBy, a.finalAt),
    },
    survey: a.survey ?? null, surveySource: a.surveySource,
    result: {
      total: result.total, maxTotal: result.maxTotal, percent: result.percent, className: result.className,
      tree: result.tree, survey: result.survey, areas: result.areas, lostPoints: result.lostPoints, missing: result.missing,
    },
    rank: rankNow, previous,
    nodes,
    problems: a.status === "draft" ? submissionProblems(set, current, evidenceCount) : [],
    dropped: counting.dropped,
    rescoreReport: a.rescoreReport ?? null,
    can: {
      selfScore: a.status === "draft" && can("selfScore"),
      submit: a.status === "draft" && can("submit"),
      appraiseRound1: a.status === "submitted" && can("appraise"),
      closeRound1: a.status === "submitted" && can("appraise"),
      respond: a.status === "round1" && can("respond"),
      closeExplanation: a.status === "round1" && can("respond"),
      appraiseFinal: (a.status === "round1" || a.status === "explained") && can("appraise"),
      closeFinal: (a.status === "round1" || a.status === "explained") && can("appraise"),
      setSurvey: a.status !== "draft" && can("appraise"),
      remediate: a.status === "final" && can("remediate"),
    },
    updatedAt: a.updatedAt.toISOString(),
  };
}

export type AssessmentView = Awaited<ReturnType<typeof presentAssessment>>;
