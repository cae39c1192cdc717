/** Properties of scoring over generated criteria sets and inputs. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Frac, add, cmp, frac, minF, mul } from "../indicators/ratio.js";
import { setArb, setWithInputArb } from "./arbitraries.test-helpers.js";
import { type EvalNode, evaluate, rank, score } from "./score.js";
import { leaves, pts } from "./tree.js";
import type { CriteriaSet } from "./types.js";
import { checkCriteriaSet } from "./validate.js";

const RUNS = { numRuns: 300 };
const ZERO = frac(0);
const sumF = (xs: Frac[]) => xs.reduce(add, ZERO);
const all = (ns: EvalNode[]): EvalNode[] => ns.flatMap((n) => [n, ...all(n.children)]);
const eq = (a: Frac, b: Frac) => cmp(a, b) === 0;

describe("generated sets", () => {
  it("are valid sets (the generator is sound)", () => {
    fc.assert(fc.property(setArb, (set) => {
      const r = checkCriteriaSet(set);
      if (!r.ok) throw new Error(r.issues.map((i) => i.message).join("\n"));
    }), RUNS);
  });
});

describe("scoring properties", () => {
  it("every leaf scores within [0, its maximum], and its maximum is the declared one or 0 when removed", () => {
    fc.assert(fc.property(setWithInputArb, ({ set, input }) => {
      const ev = evaluate(set, input);
      for (const n of all(ev.areas).filter((x) => x.outcome)) {
        expect(cmp(n.points, ZERO)).toBeGreaterThanOrEqual(0);
        expect(cmp(n.points, n.max)).toBeLessThanOrEqual(0);
        expect(eq(n.max, n.outcome!.status === "na_removed" ? ZERO : pts(n.node.maxPoints))).toBe(true);
      }
    }), RUNS);
  });

  it("totals are sums of children (capped at the maximum only where the set says so), up to the overall total", () => {
    fc.assert(fc.property(setWithInputArb, ({ set, input }) => {
      const ev = evaluate(set, input);
      for (const n of all(ev.areas).filter((x) => !x.outcome)) {
        const s = sumF(n.children.map((c) => c.points));
        const capped = n.node.rule?.kind === "sum" && n.node.rule.capAtMax;
        expect(eq(n.points, capped ? minF(pts(n.node.maxPoints), s) : s)).toBe(true);
        expect(eq(n.max, minF(pts(n.node.maxPoints), sumF(n.children.map((c) => c.max))))).toBe(true);
      }
      expect(eq(ev.tree.points, sumF(ev.areas.map((a) => a.points)))).toBe(true);
      expect(eq(ev.total, add(ev.tree.points, ev.survey.points))).toBe(true);
      expect(eq(ev.maxTotal, add(ev.tree.max, ev.survey.max))).toBe(true);
      if (ev.percent) {
        expect(cmp(ev.percent, ZERO)).toBeGreaterThanOrEqual(0);
        expect(cmp(ev.percent, frac(100))).toBeLessThanOrEqual(0);
      }
    }), RUNS);
  });

  it("declaring a 'remove' leaf not applicable lowers the maximum by exactly its points", () => {
    const withRemovable = setWithInputArb.filter(({ set }) => removable(set).length > 0)
      .chain((x) => fc.constantFrom(...removable(x.set)).map((code) => ({ ...x, code })));
    fc.assert(fc.property(withRemovable, ({ set, input, code }) => {
      const leaf = leaves(set).find((v) => v.node.code === code)!.node;
      const answered = evaluate(set, { ...input, leaves: { ...input.leaves, [code]: { kind: "score", points: 0 } } });
      const removed = evaluate(set, { ...input, leaves: { ...input.leaves, [code]: { kind: "not_applicable" } } });
      expect(eq(removed.maxTotal, add(answered.maxTotal, mul(pts(leaf.maxPoints), frac(-1))))).toBe(true);
      expect(eq(removed.total, answered.total)).toBe(true);
    }), RUNS);
  });

  it("a 'full' leaf declared not applicable scores exactly its maximum", () => {
    fc.assert(fc.property(setWithInputArb, ({ set, input }) => {
      const full = leaves(set).filter((v) => v.node.notApplicable === "full").map((v) => v.node.code);
      const ev = evaluate(set, { ...input, leaves: { ...input.leaves, ...Object.fromEntries(full.map((c) => [c, { kind: "not_applicable" as const }])) } });
      for (const n of all(ev.areas).filter((x) => x.outcome && full.includes(x.node.code))) expect(eq(n.points, pts(n.node.maxPoints))).toBe(true);
    }), RUNS);
  });

  it("lost points add up to the maximum minus the points of the tree, and are sorted", () => {
    fc.assert(fc.property(setWithInputArb, ({ set, input }) => {
      const r = score(set, input);
      for (let i = 1; i < r.lostPoints.length; i++) expect(r.lostPoints[i - 1].lost).toBeGreaterThanOrEqual(r.lostPoints[i].lost);
      const ev = evaluate(set, input);
      const lostLeaves = all(ev.areas).filter((n) => n.outcome && cmp(n.points, n.max) < 0).map((n) => n.node.code);
      expect(r.lostPoints.map((l) => l.code).sort()).toEqual(lostLeaves.sort());
      for (const l of r.lostPoints) expect(l.explanation.length).toBeGreaterThan(0);
    }), RUNS);
  });
});

/** Leaves with the 'remove' policy and no capped ancestor (a capped parent may absorb part of the change). */
function removable(set: CriteriaSet): string[] {
  const capped = new Set(all(evaluate(set, { leaves: {} }).areas).filter((n) => n.node.rule?.kind === "sum" && n.node.rule.capAtMax).map((n) => n.node.code));
  return leaves(set)
    .filter((v) => v.node.notApplicable === "remove")
    .filter((v) => ![...capped].some((c) => v.node.code.startsWith(`${c}.`)))
    .map((v) => v.node.code);
}

describe("rank properties", () => {
  it("ranks follow the percentage; equal percentages share a rank; a rank is 1 + the number strictly ahead", () => {
    const entries = fc.uniqueArray(fc.record({ commune: fc.stringMatching(/^xa-[a-z]{1,6}$/), percent: fc.option(fc.integer({ min: 0, max: 20 }).map((k) => k * 5), { nil: null }), total: fc.constant(0) }), { selector: (e) => e.commune, maxLength: 20 });
    fc.assert(fc.property(entries, (es) => {
      const r = rank(es);
      const key = (p: number | null) => (p === null ? -Infinity : p);
      expect(r.length).toBe(es.length);
      for (const x of r) {
        expect(x.rank).toBe(1 + es.filter((e) => key(e.percent) > key(x.percent)).length);
        expect(x.of).toBe(es.length);
      }
    }), RUNS);
  });
});
