/** fast-check generators of valid criteria sets and of inputs that fit them (tests only). */
import fc from "fast-check";
import { AREA_CODES } from "../areas.js";
import { leaves } from "./tree.js";
import type { AssessmentInput, ComputedKey, CriteriaSet, CriterionNode, LeafInput, Method, Rule, Tier } from "./types.js";

const quarters = (lo: number, hi: number) => fc.integer({ min: Math.round(lo * 4), max: Math.round(hi * 4) }).map((k) => k / 4);
const text = fc.stringMatching(/^[A-Za-zÀ-ỹ0-9][A-Za-zÀ-ỹ0-9 ,.()–-]{0,24}[A-Za-zÀ-ỹ0-9)]$/);
const date = fc.record({ y: fc.integer({ min: 2024, max: 2027 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) })
  .map(({ y, m, d }) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`);

/** Strictly decreasing thresholds with non-increasing points, the first at `max`. */
function tiersArb(max: number, thresholds: fc.Arbitrary<number>): fc.Arbitrary<Tier[]> {
  return fc.uniqueArray(thresholds, { minLength: 1, maxLength: 4 }).chain((mins) => {
    const sorted = [...mins].sort((a, b) => b - a);
    return fc.array(quarters(0, max), { minLength: sorted.length, maxLength: sorted.length }).map((ps) => {
      const points = [max, ...ps.slice(1).sort((a, b) => b - a)];
      const tiers = sorted.map((min, i) => ({ min, points: points[i] }));
      const last = tiers[tiers.length - 1];
      if (tiers.length > 1 && last.min === 0 && last.points === 0) tiers.pop();
      return tiers;
    });
  });
}

const percentThreshold = fc.oneof(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 1, max: 999 }).map((k) => k / 10));

export function ruleArb(max: number): fc.Arbitrary<Rule | undefined> {
  return fc.oneof(
    fc.constant(undefined),
    fc.constant<Rule>({ kind: "boolean", points: max }),
    quarters(0, max).chain((late) => fc.tuple(quarters(0, late), fc.option(date, { nil: undefined })).map(([missing, due]): Rule =>
      ({ kind: "deadline", onTime: max, late, missing, ...(due ? { due } : {}) }))),
    fc.tuple(tiersArb(max, percentThreshold), fc.option(quarters(0, max), { nil: undefined })).map(([tiers, notDone]): Rule =>
      ({ kind: "tiers", tiers, ...(notDone !== undefined ? { notDone } : {}) })),
    fc.tuple(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 1, max: 100 }), quarters(0, max))
      .filter(([from, width]) => from + width <= 100)
      .map(([from, width, below]): Rule => ({ kind: "band", full: from + width, from, below })),
    fc.integer({ min: 1, max: 1000 }).map((k): Rule => ({ kind: "capped", target: k / 10 })),
    tiersArb(max, fc.integer({ min: 0, max: 12 })).map((tiers): Rule => ({ kind: "count", tiers })),
    fc.tuple(quarters(0.25, max), fc.option(quarters(0.25, max), { nil: undefined })).map(([perItem, maxDeduction]): Rule =>
      ({ kind: "deduction", perItem, ...(maxDeduction !== undefined ? { maxDeduction } : {}) })),
  );
}

const RATE_KEYS: ComputedKey[] = ["on_time", "online_submission", "digitised_dossiers", "online_payment", "units_inspected_share", "tasks_on_time"];
type Shape = { leaf: true; node: Omit<CriterionNode, "code"> } | { leaf: false; cap: "none" | "sum" | "capped"; extra: number; name: string; children: Shape[] };

const leafShape: fc.Arbitrary<Shape> = quarters(0.25, 2).chain((max) => fc.record({
  rule: ruleArb(max),
  name: text,
  ruleText: fc.oneof(fc.constant(""), text),
  na: fc.constantFrom(undefined, "full" as const, "remove" as const),
  method: fc.constantFrom<Method>("self", "appraised", "survey", "computed"),
  key: fc.constantFrom(...RATE_KEYS),
  hint: fc.option(text, { nil: undefined }),
}).map(({ rule, name, ruleText, na, method, key, hint }): Shape => {
  const computable = rule && rule.kind !== "boolean" && rule.kind !== "deadline";
  const m: Method = method === "computed" && !computable ? "self" : method;
  const computedKey: ComputedKey | undefined = m !== "computed" ? undefined : rule!.kind === "count" || rule!.kind === "deduction" ? "initiatives_count" : key;
  return {
    leaf: true,
    node: {
      name, maxPoints: max, ruleText, ...(rule ? { rule } : {}), method: m, ...(computedKey ? { computedKey } : {}),
      ...(na ? { notApplicable: na } : {}), ...(hint ? { evidenceHint: hint } : {}),
    },
  };
}));

const shape: fc.Arbitrary<Shape> = fc.letrec<{ node: Shape }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    leafShape,
    fc.record({
      leaf: fc.constant(false as const),
      cap: fc.constantFrom("none" as const, "sum" as const, "capped" as const),
      extra: fc.integer({ min: 1, max: 4 }),
      name: text,
      children: fc.array(tie("node"), { minLength: 1, maxLength: 3 }),
    }),
  ),
})).node;

function build(s: Shape, code: string): CriterionNode {
  if (s.leaf) return { code, ...s.node };
  const children = s.children.map((c, i) => build(c, `${code}.${i + 1}`));
  const total = children.reduce((t, c) => t + c.maxPoints, 0);
  // A capped parent keeps a maximum below its children's sum when it can.
  const max = s.cap === "capped" ? Math.max(0.25, total - s.extra * 0.25) : total;
  const rule: Rule | undefined = s.cap === "none" ? undefined : s.cap === "sum" ? { kind: "sum" } : { kind: "sum", capAtMax: true };
  return { code, name: s.name, maxPoints: max, ruleText: "", ...(rule ? { rule } : {}), method: "self", children };
}

export const setArb: fc.Arbitrary<CriteriaSet> = fc.record({
  areas: fc.array(shape, { minLength: 1, maxLength: 4 }),
  id: text, province: text, label: text,
  subject: fc.constantFrom("xa" as const, "phuong" as const),
  year: fc.integer({ min: 2000, max: 2100 }),
  version: fc.integer({ min: 1, max: 9 }),
  replaces: fc.option(text, { nil: undefined }),
  isExample: fc.option(fc.boolean(), { nil: undefined }),
  legalRef: fc.option(fc.record({ number: text, date: fc.option(date, { nil: undefined }), issuer: fc.option(text, { nil: undefined }) }), { nil: undefined }),
  rescale: fc.option(fc.boolean(), { nil: undefined }),
  classMins: fc.uniqueArray(fc.integer({ min: 0, max: 1000 }).map((k) => k / 10), { minLength: 1, maxLength: 5 }),
  areaCodes: fc.shuffledSubarray([...AREA_CODES]),
}).map((r) => {
  const children = r.areas.map((a, i) => {
    const n = build(a, String(i + 1));
    return r.areaCodes[i] ? { ...n, area: r.areaCodes[i] } : n;
  });
  const rootMax = children.reduce((t, c) => t + c.maxPoints, 0);
  const names = ["Xuất sắc", "Tốt", "Khá", "Trung bình", "Yếu"];
  const legalRef = r.legalRef
    ? { number: r.legalRef.number, ...(r.legalRef.date ? { date: r.legalRef.date } : {}), ...(r.legalRef.issuer ? { issuer: r.legalRef.issuer } : {}) }
    : undefined;
  const set: CriteriaSet = {
    id: r.id, province: r.province, subject: r.subject, year: r.year, version: r.version,
    ...(r.replaces && r.replaces !== r.id ? { replaces: r.replaces } : {}),
    label: r.label, ...(r.isExample !== undefined ? { isExample: r.isExample } : {}), ...(legalRef ? { legalRef } : {}),
    surveyWeight: 100 - rootMax, ...(r.rescale !== undefined ? { rescaleWithoutSurvey: r.rescale } : {}),
    classes: [...r.classMins].sort((a, b) => b - a).map((minPercent, i) => ({ name: names[i], minPercent })),
    root: { maxPoints: rootMax, children },
  };
  return set;
}).filter((s) => s.surveyWeight >= 0);

/** An input that the leaf accepts, or undefined (no input). */
export function leafInputArb(node: CriterionNode): fc.Arbitrary<LeafInput | undefined> {
  const max = node.maxPoints;
  const options: fc.Arbitrary<LeafInput | undefined>[] = [
    fc.constant(undefined),
    fc.constant<LeafInput>({ kind: "not_done" }),
    fc.integer({ min: 0, max: Math.round(max * 100) }).map((k): LeafInput => ({ kind: "score", points: k / 100 })),
  ];
  if (node.notApplicable) options.push(fc.constant<LeafInput>({ kind: "not_applicable" }));
  const r = node.rule;
  if (r?.kind === "boolean") options.push(fc.boolean().map((value): LeafInput => ({ kind: "boolean", value })));
  if (r?.kind === "deadline") {
    options.push(fc.constantFrom("on_time" as const, "late" as const, "missing" as const).map((status): LeafInput => ({ kind: "deadline", status })));
    options.push(fc.tuple(fc.option(date, { nil: null }), date).map(([d, due]): LeafInput => ({ kind: "date", date: d, due })));
  }
  if (r?.kind === "tiers" || r?.kind === "band" || r?.kind === "capped") {
    options.push(fc.integer({ min: 0, max: 1500 }).map((k): LeafInput => ({ kind: "rate", percent: k / 10 })));
    options.push(fc.integer({ min: 1, max: 1000 }).chain((d) => fc.integer({ min: 0, max: d + Math.floor(d / 4) }).map((n): LeafInput => ({ kind: "ratio", numerator: n, denominator: d }))));
  }
  if (r?.kind === "count" || r?.kind === "deduction") options.push(fc.integer({ min: 0, max: 15 }).map((value): LeafInput => ({ kind: "count", value })));
  return fc.oneof(...options);
}

export function inputArb(set: CriteriaSet): fc.Arbitrary<AssessmentInput> {
  const ls = leaves(set).map((v) => v.node);
  const W = set.surveyWeight;
  const survey = W === 0
    ? fc.constant(null)
    : fc.oneof(
      fc.constant(null),
      fc.integer({ min: 0, max: Math.round(W * 100) }).map((k) => ({ kind: "points" as const, points: k / 100 })),
      fc.integer({ min: 0, max: 1000 }).map((k) => ({ kind: "percent" as const, percent: k / 10 })),
    );
  return fc.tuple(fc.tuple(...ls.map(leafInputArb)), survey).map(([inputs, s]) => {
    const leavesIn: Record<string, LeafInput> = {};
    inputs.forEach((li, i) => { if (li) leavesIn[ls[i].code] = li; });
    return { leaves: leavesIn, survey: s };
  });
}

export const setWithInputArb = setArb.chain((set) => inputArb(set).map((input) => ({ set, input })));
