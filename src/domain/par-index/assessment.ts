/**
 * The yearly PAR-index assessment of a commune as a process (reference §3):
 * self-assessment with evidence, the chairman's sign-off, appraisal round 1,
 * the commune's explanation, the final appraisal. Values are kept per leaf and
 * stage, each with who and when; the score that counts is final, else round 1,
 * else self. Pure: no I/O.
 */
import { leaves, viNumber } from "./tree.js";
import { scoreLeaf } from "./score.js";
import type { AssessmentInput, CriteriaSet, CriterionNode, LeafInput, ScoreResult, SurveyInput } from "./types.js";

export const ASSESSMENT_STATUSES = ["draft", "submitted", "round1", "explained", "final"] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];

export const STATUS_LABELS: Record<AssessmentStatus, string> = {
  draft: "Đang tự chấm",
  submitted: "Đã trình, chờ thẩm định",
  round1: "Đã có kết quả thẩm định lần 1, chờ giải trình",
  explained: "Đã giải trình, chờ chốt điểm",
  final: "Đã chốt điểm",
};

/** self: tự chấm; round1: thẩm định lần 1; response: giải trình; final: chốt điểm (thẩm định lần 2). */
export const STAGES = ["self", "round1", "response", "final"] as const;
export type Stage = (typeof STAGES)[number];

export const STAGE_LABELS: Record<Stage, string> = {
  self: "Tự chấm", round1: "Thẩm định lần 1", response: "Giải trình", final: "Điểm chốt",
};

/** One stored value of a leaf at a stage (the latest counts; earlier ones are history). */
export interface LeafEntry {
  leafCode: string;
  stage: Stage;
  /** The score given (none for a response). */
  input: LeafInput | null;
  /** Note (self), comment (round 1, final) or explanation text (response). */
  text: string;
  /** Self stage: how the score was reached when there is no evidence (giải trình). */
  explanation: string;
  /** Filled from the system's records. */
  automatic: boolean;
  by: string | null;
  at: string;
}

export type CurrentEntries = Map<string, Partial<Record<Stage, LeafEntry>>>;

/** The latest entry of each leaf and stage; `entries` in the order they were written. */
export function currentEntries(entries: readonly LeafEntry[]): CurrentEntries {
  const out: CurrentEntries = new Map();
  for (const e of entries) {
    const slot = out.get(e.leafCode) ?? {};
    slot[e.stage] = e;
    out.set(e.leafCode, slot);
  }
  return out;
}

/** Which stages a reader sees: the province everything; the commune each appraisal once it is closed. */
export function visibleStages(status: AssessmentStatus, provincial: boolean): Stage[] {
  if (provincial) return [...STAGES];
  const closed = ASSESSMENT_STATUSES.indexOf(status);
  return STAGES.filter((s) => s === "self" || s === "response"
    || (s === "round1" && closed >= ASSESSMENT_STATUSES.indexOf("round1"))
    || (s === "final" && status === "final"));
}

export interface CountingInput {
  input: AssessmentInput;
  /** Stage whose value counts, per leaf. */
  from: Record<string, Stage>;
  /** Values that the leaf's rule cannot take (after a criteria change), left out. */
  dropped: Array<{ code: string; stage: Stage; reason: string }>;
}

/** The inputs that count: for every leaf the final value, else round 1, else self, among the visible stages. */
export function countingInput(set: CriteriaSet, current: CurrentEntries, survey: SurveyInput | null, stages: readonly Stage[] = STAGES): CountingInput {
  const out: AssessmentInput = { leaves: {}, survey };
  const from: Record<string, Stage> = {};
  const dropped: CountingInput["dropped"] = [];
  for (const { node } of leaves(set)) {
    const slot = current.get(node.code);
    if (!slot) continue;
    for (const stage of ["final", "round1", "self"] as const) {
      const e = slot[stage];
      if (!e?.input || !stages.includes(stage)) continue;
      const r = scoreLeaf(node, e.input);
      if ("problem" in r) { dropped.push({ code: node.code, stage, reason: r.problem }); continue; }
      out.leaves[node.code] = e.input;
      from[node.code] = stage;
      break;
    }
  }
  return { input: out, from, dropped };
}

/** Leaves the commune scores itself: self-assessed, and computed ones (filled from the records where they can be). */
export const isSelfScored = (n: CriterionNode) => n.method === "self" || n.method === "computed";

/**
 * What stops the chairman's sign-off, in Vietnamese: a self-scored leaf
 * without a score, and a scored leaf without evidence whose explanation is empty.
 */
export function submissionProblems(set: CriteriaSet, current: CurrentEntries, evidence: ReadonlyMap<string, number>): string[] {
  const problems: string[] = [];
  for (const { node } of leaves(set)) {
    if (!isSelfScored(node)) continue;
    const self = current.get(node.code)?.self;
    if (!self?.input) { problems.push(`Tiêu chí ${node.code}: chưa tự chấm điểm.`); continue; }
    if (self.automatic || self.input.kind === "not_applicable") continue;
    if ((evidence.get(node.code) ?? 0) === 0 && !self.explanation.trim()) {
      problems.push(`Tiêu chí ${node.code}: chưa có tài liệu kiểm chứng; cần giải trình cụ thể cách đánh giá, tính điểm.`);
    }
  }
  return problems;
}

/** Which input kinds a leaf takes, for forms: its rule's kinds, or points given directly. */
export function inputKinds(node: CriterionNode): LeafInput["kind"][] {
  const na: LeafInput["kind"][] = node.notApplicable ? ["not_applicable"] : [];
  const byRule: Record<string, LeafInput["kind"][]> = {
    boolean: ["boolean"], deadline: ["deadline", "date"], tiers: ["rate", "ratio", "not_done"], band: ["rate", "ratio"],
    capped: ["rate", "ratio"], count: ["count"], deduction: ["count"],
  };
  const direct: LeafInput["kind"][] = ["score"];
  return [...(node.rule ? byRule[node.rule.kind] ?? direct : direct), ...na];
}

/** Appraisers may always give points directly, or use the leaf's own input. */
export const appraisalKinds = (node: CriterionNode): LeafInput["kind"][] => [...new Set<LeafInput["kind"]>(["score", ...inputKinds(node)])];

/** The input as a short Vietnamese phrase ("Đạt", "97,5 %", "12/15", "3"). */
export function describeInput(input: LeafInput): string {
  switch (input.kind) {
    case "not_applicable": return "Không phát sinh / không áp dụng";
    case "score": return `${viNumber(input.points)} điểm`;
    case "not_done": return "Không thực hiện";
    case "boolean": return input.value ? "Đạt" : "Không đạt";
    case "deadline": return input.status === "on_time" ? "Đúng hạn" : input.status === "late" ? "Chậm" : "Không thực hiện";
    case "date": return input.date ? `Thực hiện ngày ${input.date.split("-").reverse().join("/")}` : "Chưa thực hiện";
    case "rate": return `${viNumber(input.percent)} %`;
    case "ratio": return `${input.numerator}/${input.denominator}`;
    case "count": return String(input.value);
  }
}

/** The level a remediation task must reach for the leaf to score its maximum, in the words plans use. */
export function thresholdText(node: CriterionNode): string {
  const r = node.rule;
  if (!r) return `đạt tối đa ${viNumber(node.maxPoints)} điểm`;
  switch (r.kind) {
    case "tiers": return `đảm bảo đạt tỷ lệ tối thiểu ${viNumber(r.tiers[0]?.min ?? 100)}%`;
    case "band": return `đảm bảo đạt tỷ lệ tối thiểu ${viNumber(r.full)}%`;
    case "capped": return `đảm bảo đạt tỷ lệ tối thiểu ${viNumber(r.target)}%`;
    case "count": return `đạt tối thiểu ${viNumber(r.tiers[0]?.min ?? 1)}`;
    case "deadline": return "hoàn thành đúng thời hạn quy định";
    case "deduction": return "không để xảy ra trường hợp bị trừ điểm";
    case "boolean": return "hoàn thành 100%";
    case "sum": return `đạt tối đa ${viNumber(node.maxPoints)} điểm`;
  }
}

/** A rate the remediation plan can follow as a target (value in percent), when the rule is on a rate. */
export function thresholdRate(node: CriterionNode): number | null {
  const r = node.rule;
  if (!r) return null;
  if (r.kind === "tiers") return r.tiers[0]?.min ?? null;
  if (r.kind === "band") return r.full;
  if (r.kind === "capped") return r.target;
  return null;
}


/** What the ranking and the lists need of a result, stored with the assessment. */
export interface AssessmentSummary {
  setId: string;
  setVersion: number;
  total: number;
  maxTotal: number;
  percent: number | null;
  className: string | null;
  survey: { points: number; max: number; missing: boolean };
  areas: Array<{ code: string; name: string; points: number; max: number }>;
  missing: number;
}

export function summarise(r: ScoreResult): AssessmentSummary {
  return {
    setId: r.setId, setVersion: r.setVersion, total: r.total, maxTotal: r.maxTotal, percent: r.percent, className: r.className,
    survey: r.survey, areas: r.areas.map((a) => ({ code: a.code, name: a.name, points: a.points, max: a.max })), missing: r.missing.length,
  };
}
