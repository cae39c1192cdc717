/**
 * Scoring a commune against a criteria set: every leaf's points from its input
 * and rule, node and area totals, the maximum after removing not-applicable
 * leaves, survey points, the percentage, the class, the lost points with their
 * reasons; ranking many communes; rescoring inputs under a replacing set.
 *
 * Arithmetic is exact (fractions); figures are rounded to hundredths only when
 * presented, as in indicators/qd766.ts. Pure: no I/O.
 */
import { formatViDate, isIsoDate } from "../dates.js";
import { AppError } from "../errors.js";
import { type Frac, add, cmp, div, frac, minF, mul, round2 } from "../indicators/ratio.js";
import { RULE_LABELS, compareCodes, isLeaf, leaves, pts, viFrac, viNumber, walk } from "./tree.js";
import type {
  AssessmentInput, ComputedKey, CriteriaSet, CriterionNode, LeafInput, LeafStatus, LostPoint, NodeScore, Rule, ScoreResult, SurveyInput, Tier,
} from "./types.js";

// ---------- One leaf ----------

export interface LeafOutcome {
  points: Frac;
  /** The leaf's maximum once not-applicable handling is applied (0 when removed). */
  max: Frac;
  status: LeafStatus;
  /** Why points were lost; null when the leaf has its maximum. */
  explanation: string | null;
}

const ZERO = frac(0);
const HUNDRED = frac(100);
const sub = (a: Frac, b: Frac) => add(a, mul(b, frac(-1)));
const pct = (r: Frac) => `${viFrac(r)} %`;
const p = viNumber;

const INPUT_LABELS: Record<LeafInput["kind"], string> = {
  not_applicable: "không áp dụng", score: "điểm chấm", not_done: "không thực hiện", boolean: "đạt/không đạt",
  deadline: "tình trạng thời hạn", date: "ngày thực hiện", rate: "tỷ lệ", ratio: "tỷ lệ (tử số/mẫu số)", count: "số lượng",
};
const ACCEPTS: Record<Exclude<Rule["kind"], "sum">, LeafInput["kind"][]> = {
  boolean: ["boolean"], deadline: ["deadline", "date"], tiers: ["rate", "ratio"], band: ["rate", "ratio"], capped: ["rate", "ratio"],
  count: ["count"], deduction: ["count"],
};

/** The rate in percent as an exact fraction, or a problem. */
function rateOf(input: Extract<LeafInput, { kind: "rate" | "ratio" }>): Frac | string {
  if (input.kind === "rate") {
    if (!Number.isFinite(input.percent) || input.percent < 0) return "tỷ lệ phải là một số không âm";
    return pts(input.percent);
  }
  if (!Number.isFinite(input.numerator) || input.numerator < 0) return "tử số phải là một số không âm";
  if (!Number.isFinite(input.denominator) || input.denominator <= 0) return "mẫu số phải lớn hơn 0 (nếu không phát sinh, hãy chọn “không áp dụng”)";
  return div(mul(pts(input.numerator), HUNDRED), pts(input.denominator));
}

/** The closest higher tier that gives more points than `current`, and the top tier. */
function hint(tiers: Tier[], below: number, current: Frac, max: number, unit: string): string {
  const higher = tiers.slice(0, below).filter((t) => cmp(pts(t.points), current) > 0);
  const next = higher[higher.length - 1];
  if (!next) return "";
  const top = tiers[0];
  const first = next.min === 0 ? `có thực hiện được ${p(next.points)} điểm` : `cần tối thiểu ${p(next.min)}${unit} để đạt ${p(next.points)} điểm`;
  return next === top ? first : `${first}; tối thiểu ${p(top.min)}${unit} để đạt tối đa ${p(max)} điểm`;
}

const joined = (a: string, b: string) => (b ? `${a}, ${b}` : a);

function tierIndex(tiers: Tier[], value: Frac): number {
  return tiers.findIndex((t) => cmp(value, pts(t.min)) >= 0);
}

/** Points and reason for one leaf, or a problem with the input (Vietnamese, without the code). */
export function scoreLeaf(node: CriterionNode, input: LeafInput | undefined): LeafOutcome | { problem: string } {
  const max = pts(node.maxPoints);
  const M = node.maxPoints;
  const ok = (points: Frac, why: string | null): LeafOutcome =>
    ({ points, max, status: "scored", explanation: cmp(points, max) < 0 ? why : null });
  if (input === undefined) return { points: ZERO, max, status: "missing", explanation: "Chưa có kết quả chấm điểm" };
  const rule = node.rule;
  switch (input.kind) {
    case "not_applicable":
      if (!node.notApplicable) return { problem: "tiêu chí này không có trường hợp “không áp dụng”" };
      return node.notApplicable === "full"
        ? { points: max, max, status: "na_full", explanation: null }
        : { points: ZERO, max: ZERO, status: "na_removed", explanation: null };
    case "score": {
      if (!Number.isFinite(input.points) || input.points < 0 || input.points > M) return { problem: `điểm chấm ${p(input.points)} phải từ 0 đến điểm tối đa ${p(M)}` };
      return ok(pts(input.points), `Điểm chấm ${p(input.points)} trên tối đa ${p(M)} điểm`);
    }
    case "not_done": {
      if (rule?.kind === "tiers") {
        const got = pts(rule.notDone ?? 0);
        const h = hint(rule.tiers, rule.tiers.length, got, M, " %");
        return ok(got, `Không thực hiện: ${viFrac(got)} điểm${h ? `; ${h}` : ""}`);
      }
      if (rule?.kind === "deadline") return ok(pts(rule.missing), `Không thực hiện: ${p(rule.missing)} điểm; thực hiện đúng hạn được ${p(rule.onTime)} điểm`);
      return ok(ZERO, `Không thực hiện: 0 điểm (tối đa ${p(M)} điểm)`);
    }
  }
  if (!rule || rule.kind === "sum") {
    return { problem: `tiêu chí chấm trực tiếp, chỉ nhận điểm chấm, “không thực hiện” hoặc “không áp dụng” (không nhận ${INPUT_LABELS[input.kind]})` };
  }
  if (!ACCEPTS[rule.kind].includes(input.kind)) {
    return { problem: `kết quả dạng ${INPUT_LABELS[input.kind]} không dùng được với cách chấm “${RULE_LABELS[rule.kind]}”` };
  }
  switch (rule.kind) {
    case "boolean": {
      const v = (input as Extract<LeafInput, { kind: "boolean" }>).value;
      return ok(v ? max : ZERO, `Chưa đạt yêu cầu của tiêu chí (đạt được ${p(M)} điểm)`);
    }
    case "deadline": {
      let status: "on_time" | "late" | "missing";
      let when = "";
      if (input.kind === "date") {
        const due = input.due ?? rule.due;
        if (!due) return { problem: "cần hạn (trong cách chấm hoặc kèm kết quả) để so sánh ngày thực hiện" };
        if (!isIsoDate(due)) return { problem: `hạn “${due}” không phải là ngày hợp lệ` };
        if (input.date !== null && !isIsoDate(input.date)) return { problem: `ngày thực hiện “${input.date}” không phải là ngày hợp lệ` };
        status = input.date === null ? "missing" : input.date <= due ? "on_time" : "late";
        if (input.date !== null) when = ` (ngày ${formatViDate(input.date)}, hạn ${formatViDate(due)})`;
      } else status = (input as Extract<LeafInput, { kind: "deadline" }>).status;
      if (status === "on_time") return ok(pts(rule.onTime), null);
      if (status === "late") return ok(pts(rule.late), `Thực hiện chậm so với thời hạn${when}: ${p(rule.late)} điểm; đúng hạn được ${p(rule.onTime)} điểm`);
      return ok(pts(rule.missing), `Chưa thực hiện: ${p(rule.missing)} điểm; thực hiện đúng hạn được ${p(rule.onTime)} điểm`);
    }
    case "tiers": case "band": case "capped": {
      const r = rateOf(input as Extract<LeafInput, { kind: "rate" | "ratio" }>);
      if (typeof r === "string") return { problem: r };
      const at = `Tỷ lệ đạt ${pct(r)}`;
      if (rule.kind === "tiers") {
        const i = tierIndex(rule.tiers, r);
        const got = i < 0 ? ZERO : pts(rule.tiers[i].points);
        return ok(got, joined(at, hint(rule.tiers, i < 0 ? rule.tiers.length : i, got, M, " %")));
      }
      if (rule.kind === "band") {
        if (cmp(r, pts(rule.full)) >= 0) return ok(max, null);
        if (cmp(r, pts(rule.from)) >= 0) {
          const got = minF(max, div(mul(max, r), HUNDRED));
          return ok(got, `${at}, được tính theo tỷ lệ ${viFrac(got)} điểm; cần đạt ${p(rule.full)} % để đạt tối đa ${p(M)} điểm`);
        }
        return ok(pts(rule.below), `${at}, dưới ${p(rule.from)} % nên được ${p(rule.below)} điểm; từ ${p(rule.from)} % tính theo tỷ lệ, đạt ${p(rule.full)} % được tối đa ${p(M)} điểm`);
      }
      const got = mul(max, minF(frac(1), div(r, pts(rule.target))));
      return ok(got, `${at}, được ${pct(r)} × ${p(M)} / ${p(rule.target)} % = ${viFrac(got)} điểm; cần tối thiểu ${p(rule.target)} % để đạt tối đa ${p(M)} điểm`);
    }
    case "count": case "deduction": {
      const n = (input as Extract<LeafInput, { kind: "count" }>).value;
      if (!Number.isInteger(n) || n < 0) return { problem: "số lượng phải là số nguyên không âm" };
      if (rule.kind === "count") {
        const i = tierIndex(rule.tiers, frac(n));
        const got = i < 0 ? ZERO : pts(rule.tiers[i].points);
        return ok(got, joined(`Số lượng đạt ${n}`, hint(rule.tiers, i < 0 ? rule.tiers.length : i, got, M, "")));
      }
      const cap = rule.maxDeduction ?? M;
      const raw = mul(pts(rule.perItem), frac(n));
      const ded = minF(raw, pts(cap));
      const capped = cmp(raw, pts(cap)) > 0;
      return ok(sub(max, ded), `Bị trừ ${n} lần × ${p(rule.perItem)} điểm = ${viFrac(raw)} điểm${capped ? `, trừ tối đa ${p(cap)} điểm` : ""}`);
    }
  }
}

// ---------- The whole set ----------

export interface EvalNode {
  node: CriterionNode;
  depth: number;
  top: CriterionNode;
  points: Frac;
  /** Maximum after removing not-applicable leaves; a parent's is min(own maximum, Σ children's). */
  max: Frac;
  children: EvalNode[];
  /** Leaves only. */
  outcome?: LeafOutcome;
}

export interface Evaluation {
  set: CriteriaSet;
  areas: EvalNode[];
  tree: { points: Frac; max: Frac };
  survey: { points: Frac; max: Frac; missing: boolean };
  total: Frac;
  maxTotal: Frac;
  /** Exact percentage; null when maxTotal is 0. */
  percent: Frac | null;
  className: string | null;
  missing: string[];
}

function surveyOf(set: CriteriaSet, s: SurveyInput | null | undefined): { points: Frac; max: Frac; missing: boolean } | string {
  const W = pts(set.surveyWeight);
  if (s === null || s === undefined) {
    const missing = set.surveyWeight > 0;
    return { points: ZERO, max: missing && set.rescaleWithoutSurvey ? ZERO : W, missing };
  }
  if (set.surveyWeight === 0) return "bộ tiêu chí không có điểm điều tra xã hội học";
  if (s.kind === "points") {
    if (!Number.isFinite(s.points) || s.points < 0 || s.points > set.surveyWeight) return `điểm phải từ 0 đến ${p(set.surveyWeight)}`;
    return { points: pts(s.points), max: W, missing: false };
  }
  if (!Number.isFinite(s.percent) || s.percent < 0 || s.percent > 100) return "tỷ lệ phải từ 0 đến 100 %";
  return { points: div(mul(W, pts(s.percent)), HUNDRED), max: W, missing: false };
}

/** The class of a percentage as displayed (rounded to hundredths): the first whose minimum it reaches. */
export function classOf(set: Pick<CriteriaSet, "classes">, percent: number | null): string | null {
  if (percent === null) return null;
  return set.classes.find((c) => c.minPercent <= percent)?.name ?? null;
}

/** Exact evaluation; throws AppError "validation" listing every problem with the input. */
export function evaluate(set: CriteriaSet, input: AssessmentInput): Evaluation {
  const problems: { code: string; message: string }[] = [];
  const byCode = new Map(walk(set).map((v) => [v.node.code, v.node] as const));
  for (const code of Object.keys(input.leaves)) {
    const n = byCode.get(code);
    if (!n) problems.push({ code, message: `Tiêu chí ${code}: không có trong bộ tiêu chí “${set.label}”` });
    else if (!isLeaf(n)) problems.push({ code, message: `Tiêu chí ${code}: là tiêu chí có tiêu chí con, điểm được cộng từ các tiêu chí con` });
  }
  const missing: string[] = [];
  const build = (node: CriterionNode, depth: number, top: CriterionNode): EvalNode => {
    if (isLeaf(node)) {
      const leafInput = Object.hasOwn(input.leaves, node.code) ? input.leaves[node.code] : undefined;
      const r = scoreLeaf(node, leafInput);
      if ("problem" in r) {
        problems.push({ code: node.code, message: `Tiêu chí ${node.code}: ${r.problem}` });
        return { node, depth, top, points: ZERO, max: pts(node.maxPoints), children: [] };
      }
      if (r.status === "missing") missing.push(node.code);
      return { node, depth, top, points: r.points, max: r.max, children: [], outcome: r };
    }
    const children = node.children!.map((c) => build(c, depth + 1, top));
    const own = pts(node.maxPoints);
    const points = minF(own, children.reduce((s, c) => add(s, c.points), ZERO));
    const max = minF(own, children.reduce((s, c) => add(s, c.max), ZERO));
    return { node, depth, top, points, max, children };
  };
  const areas = set.root.children.map((a) => build(a, 1, a));
  const survey = surveyOf(set, input.survey);
  if (typeof survey === "string") problems.push({ code: "survey", message: `Điểm điều tra xã hội học: ${survey}` });
  if (problems.length > 0) throw new AppError("validation", problems.map((x) => x.message).join("\n"), problems[0].code);
  const sv = survey as Exclude<typeof survey, string>;
  const tree = {
    points: areas.reduce((s, a) => add(s, a.points), ZERO),
    max: areas.reduce((s, a) => add(s, a.max), ZERO),
  };
  const total = add(tree.points, sv.points);
  const maxTotal = add(tree.max, sv.max);
  const percent = maxTotal.n === 0n ? null : div(mul(total, HUNDRED), maxTotal);
  return { set, areas, tree, survey: sv, total, maxTotal, percent, className: classOf(set, percent === null ? null : round2(percent)), missing };
}

function flatten(nodes: EvalNode[]): EvalNode[] {
  return nodes.flatMap((n) => [n, ...flatten(n.children)]);
}

function present(e: EvalNode): NodeScore {
  return {
    code: e.node.code, name: e.node.name, depth: e.depth, isLeaf: !!e.outcome, method: e.node.method,
    maxPoints: e.node.maxPoints, max: round2(e.max), points: round2(e.points), lost: round2(sub(e.max, e.points)),
    ...(e.outcome ? { status: e.outcome.status } : {}),
  };
}

/** Lost points of an evaluation: every leaf below its maximum, most points lost first, then in the order of the set. */
export function lostPoints(ev: Evaluation): LostPoint[] {
  return flatten(ev.areas)
    .filter((e) => e.outcome && cmp(e.points, e.max) < 0)
    .map((e) => ({ e, lost: sub(e.max, e.points) }))
    .sort((a, b) => cmp(b.lost, a.lost))
    .map(({ e, lost }) => ({
      code: e.node.code, name: e.node.name, areaCode: e.top.code, ...(e.top.area ? { area: e.top.area } : {}),
      max: round2(e.max), points: round2(e.points), lost: round2(lost),
      explanation: e.outcome!.explanation ?? `Đạt ${viFrac(e.points)} trên tối đa ${viFrac(e.max)} điểm`,
    }));
}

/** The result of a commune under a set, rounded to hundredths for display. */
export function score(set: CriteriaSet, input: AssessmentInput): ScoreResult {
  const ev = evaluate(set, input);
  const areas = ev.areas.map(present);
  return {
    setId: set.id, setVersion: set.version,
    nodes: flatten(ev.areas).map(present), areas,
    tree: { points: round2(ev.tree.points), max: round2(ev.tree.max) },
    survey: { points: round2(ev.survey.points), max: round2(ev.survey.max), missing: ev.survey.missing },
    total: round2(ev.total), maxTotal: round2(ev.maxTotal),
    percent: ev.percent === null ? null : round2(ev.percent),
    className: ev.className,
    lostPoints: lostPoints(ev),
    missing: ev.missing,
  };
}

// ---------- Automatic inputs ----------

export type Measure = { numerator: number; denominator: number } | { count: number };

/**
 * Inputs of the computed leaves from the records' figures (one-stop rates,
 * inspections, initiatives, tasks). A rate with nothing to count (denominator 0)
 * becomes "not applicable" when the leaf allows it and is left out otherwise.
 */
export function computedInputs(set: CriteriaSet, measures: Partial<Record<ComputedKey, Measure>>): Record<string, LeafInput> {
  const out: Record<string, LeafInput> = {};
  for (const { node } of leaves(set)) {
    if (node.method !== "computed" || !node.computedKey) continue;
    const m = measures[node.computedKey];
    if (!m) continue;
    if ("count" in m) out[node.code] = { kind: "count", value: m.count };
    else if (m.denominator > 0) out[node.code] = { kind: "ratio", numerator: m.numerator, denominator: m.denominator };
    else if (node.notApplicable) out[node.code] = { kind: "not_applicable" };
  }
  return out;
}

// ---------- Ranking ----------

export interface RankInput { commune: string; percent: number | null; total: number }
export type Ranked<T extends RankInput> = T & { rank: number; of: number };

/**
 * Ranks communes by percentage (highest first; the published figure, rounded
 * to hundredths). Equal percentages share a rank (1, 2, 2, 4) and are listed by
 * commune code; communes without a percentage come last.
 */
export function rank<T extends RankInput>(results: readonly T[]): Ranked<T>[] {
  const key = (r: T) => (r.percent === null ? -Infinity : r.percent);
  const sorted = [...results].sort((a, b) => key(b) - key(a) || (a.commune < b.commune ? -1 : a.commune > b.commune ? 1 : 0));
  let last: number | undefined;
  let current = 0;
  return sorted.map((r, i) => {
    if (key(r) !== last) { current = i + 1; last = key(r); }
    return { ...r, rank: current, of: sorted.length };
  });
}

// ---------- Rescoring under a replacing set ----------

export interface RescoreReport {
  result: ScoreResult;
  /** The inputs that were carried onto the new set. */
  input: AssessmentInput;
  carried: string[];
  /** Leaves of the new set that the old inputs (or the old set, when given) did not have. */
  appeared: { code: string; name: string }[];
  /** Inputs (and leaves of the old set, when given) that have no leaf in the new set. */
  disappeared: { code: string; name?: string }[];
  /** Inputs that the new leaf cannot take; the leaf is left without input. */
  incompatible: { code: string; name: string; reason: string }[];
  /** Why the survey input was dropped, if it was. */
  surveyDropped?: string;
}

/** Maps a commune's inputs by criterion code onto a replacing set and scores them. */
export function rescore(input: AssessmentInput, newSet: CriteriaSet, oldSet?: CriteriaSet): RescoreReport {
  const newLeaves = new Map(leaves(newSet).map((v) => [v.node.code, v.node] as const));
  const oldLeaves = oldSet ? new Map(leaves(oldSet).map((v) => [v.node.code, v.node] as const)) : null;
  const mapped: Record<string, LeafInput> = {};
  const carried: string[] = [];
  const incompatible: RescoreReport["incompatible"] = [];
  const gone = new Map<string, string | undefined>();
  for (const [code, li] of Object.entries(input.leaves)) {
    const n = newLeaves.get(code);
    if (!n) { gone.set(code, oldLeaves?.get(code)?.name); continue; }
    const r = scoreLeaf(n, li);
    if ("problem" in r) incompatible.push({ code, name: n.name, reason: r.problem });
    else { mapped[code] = li; carried.push(code); }
  }
  for (const [code, n] of oldLeaves ?? []) if (!newLeaves.has(code)) gone.set(code, n.name);
  const appeared = [...newLeaves.values()]
    .filter((n) => (oldLeaves ? !oldLeaves.has(n.code) : !Object.hasOwn(input.leaves, n.code)))
    .map((n) => ({ code: n.code, name: n.name }));
  const disappeared = [...gone].sort(([a], [b]) => compareCodes(a, b)).map(([code, name]) => ({ code, ...(name ? { name } : {}) }));
  let survey = input.survey ?? null;
  let surveyDropped: string | undefined;
  const sv = surveyOf(newSet, survey);
  if (typeof sv === "string") { surveyDropped = `Điểm điều tra xã hội học: ${sv}`; survey = null; }
  const carriedInput: AssessmentInput = { leaves: mapped, survey };
  return {
    result: score(newSet, carriedInput), input: carriedInput, carried, appeared, disappeared, incompatible,
    ...(surveyDropped ? { surveyDropped } : {}),
  };
}
