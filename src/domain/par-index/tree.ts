/** Walking a criteria tree, and the number formats of the PAR index. Pure. */
import { type Frac, frac, round2 } from "../indicators/ratio.js";
import type { CriteriaSet, CriterionNode, Method, NotApplicable, RuleKind } from "./types.js";

export interface Visit { node: CriterionNode; depth: number; parent: CriterionNode | null; top: CriterionNode }

/** Every node, depth first, in the order of the set. */
export function walk(set: Pick<CriteriaSet, "root">): Visit[] {
  const out: Visit[] = [];
  const go = (node: CriterionNode, depth: number, parent: CriterionNode | null, top: CriterionNode) => {
    out.push({ node, depth, parent, top });
    for (const c of node.children ?? []) go(c, depth + 1, node, top);
  };
  for (const area of set.root.children) go(area, 1, null, area);
  return out;
}

export const isLeaf = (n: CriterionNode) => !n.children || n.children.length === 0;

export function leaves(set: Pick<CriteriaSet, "root">): Visit[] {
  return walk(set).filter((v) => isLeaf(v.node));
}

/** Points as an exact fraction; points are multiples of 0.25 but any decimal up to 4 places is exact. */
export const pts = (x: number): Frac => frac(Math.round(x * 10000), 10000);

/** True when x is a multiple of 0.25 (exact in binary floating point). */
export const isQuarter = (x: number) => Number.isFinite(x) && Number.isInteger(x * 4);

/** A number as Vietnamese documents write it, exactly: 1.5 → "1,5", 14.5 → "14,5". */
export const viNumber = (x: number) => String(x).replace(".", ",");

/** A fraction rounded to hundredths for display: 57/40 → "1,43". */
export const viFrac = (f: Frac) => viNumber(round2(f));

/** "1,5" or "1.5" → 1.5; null when the text is not a plain decimal. */
export function parseViNumber(text: string): number | null {
  const t = text.trim().replace(/\s+/g, "");
  if (!/^-?\d+([.,]\d+)?$/.test(t)) return null;
  return Number(t.replace(",", "."));
}

/** Vietnamese names of the rule kinds, methods and not-applicable policies (the sheet's cells). */
export const RULE_LABELS = {
  boolean: "Đạt/Không đạt",
  deadline: "Theo thời hạn",
  tiers: "Theo mức tỷ lệ",
  band: "Tỷ lệ trong khoảng",
  capped: "Tỷ lệ so với mức chuẩn",
  count: "Theo số lượng",
  sum: "Tổng các phần",
  deduction: "Trừ điểm",
} as const satisfies Record<RuleKind, string>;

export const METHOD_LABELS = {
  self: "Tự chấm",
  appraised: "Thẩm định",
  survey: "Điều tra xã hội học",
  computed: "Tự động",
} as const satisfies Record<Method, string>;

export const NA_LABELS = {
  full: "Tính điểm tối đa",
  remove: "Giảm trừ điểm tối đa",
} as const satisfies Record<NotApplicable, string>;

/** Orders codes as a set lists them: 1.2 < 1.10 < 2; a letter segment after the numbers ("4.2.a"). */
export function compareCodes(a: string, b: string): number {
  const x = a.split("."), y = b.split(".");
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] === y[i]) continue;
    const nx = /^\d+$/.test(x[i]), ny = /^\d+$/.test(y[i]);
    if (nx && ny) return Number(x[i]) - Number(y[i]);
    if (nx !== ny) return nx ? -1 : 1;
    return x[i] < y[i] ? -1 : 1;
  }
  return x.length - y.length;
}
