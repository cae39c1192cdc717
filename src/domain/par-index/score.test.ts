import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { computedInputs, rank, rescore, score } from "./score.js";
import { leaves, walk } from "./tree.js";
import type { AssessmentInput, CriteriaSet, CriterionNode, LeafInput } from "./types.js";
import { parseCriteriaSet } from "./validate.js";

const raw = () => JSON.parse(readFileSync(new URL("../../../fixtures/par-index/example-xa-2026.json", import.meta.url), "utf8"));
const example = parseCriteriaSet(raw());

const ratio = (numerator: number, denominator: number): LeafInput => ({ kind: "ratio", numerator, denominator });
const rate = (percent: number): LeafInput => ({ kind: "rate", percent });
const yes: LeafInput = { kind: "boolean", value: true };
const no: LeafInput = { kind: "boolean", value: false };
const count = (value: number): LeafInput => ({ kind: "count", value });
const given = (points: number): LeafInput => ({ kind: "score", points });
const NA: LeafInput = { kind: "not_applicable" };

/** Xã Tĩnh Khê, year 2026: written by hand, one line per leaf (6.1.3 left without input on purpose). */
const inputs: Record<string, LeafInput> = {
  "1.1": { kind: "date", date: "2026-01-20" }, // due 15/01 → late
  "1.2": ratio(19, 20),
  "1.3.1": ratio(1, 4),
  "1.3.2": NA, // full
  "1.4.1": ratio(4, 5),
  "1.4.2.1": count(1),
  "1.4.2.2": yes,
  "1.5": count(3),
  "1.6": { kind: "deadline", status: "on_time" },
  "1.7": NA, // remove
  "2.1.1": ratio(3, 3),
  "2.1.2": no,
  "2.2.1": given(0.5),
  "2.2.2": yes,
  "2.3": rate(72),
  "3.1.1.1": { kind: "deadline", status: "late" },
  "3.1.1.2": ratio(9, 10),
  "3.1.2.1": yes,
  "3.1.2.2": rate(95.2),
  "3.2": count(1),
  "3.3": NA, // full (no feedback arose)
  "3.4.1": ratio(2, 3),
  "3.4.2": ratio(1904, 2000),
  "3.4.3": ratio(171, 200),
  "4.1.1": yes,
  "4.1.2": given(2),
  "4.2": yes,
  "4.3": ratio(4, 5),
  "5.1.1": ratio(11, 12),
  "5.1.2": { kind: "deadline", status: "on_time" },
  "5.1.3": yes,
  "5.2": ratio(7, 8),
  "5.3.1": count(0),
  "5.3.2": yes,
  "5.4": NA, // remove
  "6.1.1": rate(78.4),
  "6.1.2": yes,
  "6.2": given(1.75),
  "7.1.1": rate(100),
  "7.1.2": yes,
  "7.2": no,
  "7.3.1": ratio(45, 50),
  "7.3.2": rate(100),
  "7.3.3.1": ratio(150, 200),
  "7.3.3.2": ratio(170, 200),
  "7.3.4": ratio(120, 300),
  "7.3.5": ratio(36, 300),
  "7.3.6": ratio(0, 300),
  "7.3.7.1": rate(100),
  "7.3.7.2": ratio(30, 100),
  "7.3.7.3": yes,
  "8.1": ratio(930, 1000),
  "8.2": ratio(17, 20),
  "8.3": rate(120),
};
const input: AssessmentInput = { leaves: inputs, survey: { kind: "percent", percent: 85 } };

/** [points, max after N/A, status] per leaf, computed by hand from the rules of the fixture. */
const LEAVES: Record<string, [number, number, string]> = {
  "1.1": [0.5, 1, "scored"], // late
  "1.2": [1.43, 1.5, "scored"], // band 80–100: 95 % × 1,5 = 1,425
  "1.3.1": [0.5, 0.75, "scored"], // 25 % → tier ≥ 25
  "1.3.2": [0.75, 0.75, "na_full"],
  "1.4.1": [0, 0.5, "scored"], // 80 % < 90 % floor
  "1.4.2.1": [0.25, 0.5, "scored"], // 1 form
  "1.4.2.2": [0.5, 0.5, "scored"],
  "1.5": [1.5, 1.5, "scored"], // 3 ≥ 2
  "1.6": [1, 1, "scored"],
  "1.7": [0, 0, "na_removed"],
  "2.1.1": [1, 1, "scored"],
  "2.1.2": [0, 1, "scored"],
  "2.2.1": [0.5, 1, "scored"],
  "2.2.2": [1, 1, "scored"],
  "2.3": [1.6, 2, "scored"], // 72 × 2 / 90
  "3.1.1.1": [0.25, 0.5, "scored"],
  "3.1.1.2": [0.9, 1, "scored"], // 90 % × 1
  "3.1.2.1": [0.75, 0.75, "scored"],
  "3.1.2.2": [0.5, 0.75, "scored"], // 95,2 % → tier ≥ 90
  "3.2": [1.5, 2, "scored"], // 2 − 0,5
  "3.3": [1.5, 1.5, "na_full"],
  "3.4.1": [0, 1.5, "scored"], // 66,67 % < 80 %
  "3.4.2": [3, 4, "scored"], // 95,2 % → tier ≥ 95
  "3.4.3": [1.9, 2, "scored"], // 85,5 × 2 / 90
  "4.1.1": [1, 1, "scored"],
  "4.1.2": [2, 2, "scored"],
  "4.2": [1.5, 1.5, "scored"],
  "4.3": [0.75, 1.5, "scored"], // 80 % → tier ≥ 80
  "5.1.1": [1, 1.5, "scored"], // 91,67 % → tier ≥ 90
  "5.1.2": [1.5, 1.5, "scored"],
  "5.1.3": [1, 1, "scored"],
  "5.2": [1.75, 2, "scored"], // 87,5 % × 2
  "5.3.1": [2, 2, "scored"],
  "5.3.2": [1, 1, "scored"],
  "5.4": [0, 0, "na_removed"],
  "6.1.1": [1, 2, "scored"], // 78,4 % → tier ≥ 60
  "6.1.2": [1, 1, "scored"],
  "6.1.3": [0, 1, "missing"],
  "6.2": [1.75, 2, "scored"],
  "7.1.1": [1, 1, "scored"],
  "7.1.2": [1, 1, "scored"],
  "7.2": [0, 1.5, "scored"],
  "7.3.1": [0.5, 1, "scored"], // 90 % → tier ≥ 80
  "7.3.2": [1, 1, "scored"],
  "7.3.3.1": [0.94, 1, "scored"], // 75 / 80 = 0,9375
  "7.3.3.2": [1, 1, "scored"], // 85 % ≥ 80 %
  "7.3.4": [1, 1.5, "scored"], // 40 % → tier ≥ 30
  "7.3.5": [0.36, 1.5, "scored"], // 12 × 1,5 / 50
  "7.3.6": [0, 1, "scored"], // 0 %
  "7.3.7.1": [0.5, 0.5, "scored"],
  "7.3.7.2": [1, 1.5, "scored"], // 30 % → tier ≥ 30
  "7.3.7.3": [0.5, 0.5, "scored"],
  "8.1": [1.5, 2, "scored"], // 93 % → tier ≥ 90
  "8.2": [1.7, 2, "scored"], // 85 % × 2
  "8.3": [1, 1, "scored"], // 120 % capped at 100 %
};

/** [points, max after N/A] per parent, added up by hand from the leaves above. */
const PARENTS: Record<string, [number, number]> = {
  "1": [6.43, 8], // 0,5 + 1,425 + 1,25 + 0,75 + 1,5 + 1 + 0 = 6,425 of 9 − 1
  "1.3": [1.25, 1.5],
  "1.4": [0.75, 1.5],
  "1.4.2": [0.75, 1],
  "2": [4.1, 6],
  "2.1": [1, 2],
  "2.2": [1.5, 2],
  "3": [10.3, 14], // 2,4 + 1,5 + 1,5 + 4,9
  "3.1": [2.4, 3],
  "3.1.1": [1.15, 1.5],
  "3.1.2": [1.25, 1.5],
  "3.4": [4.9, 7.5],
  "4": [5.25, 6],
  "4.1": [3, 3],
  "5": [8.25, 9], // 3,5 + 1,75 + 3 + 0 of 10 − 1
  "5.1": [3.5, 4],
  "5.3": [3, 3],
  "6": [3.75, 6],
  "6.1": [2, 4],
  "7": [8.8, 14], // 2 + 0 + 6,7975 = 8,7975
  "7.1": [2, 2],
  "7.3": [6.8, 10.5], // 0,5 + 1 + 1,9375 + 1 + 0,36 + 0 + 2 = 6,7975
  "7.3.3": [1.94, 2], // 0,9375 + 1
  "7.3.7": [2, 2.5],
  "8": [4.2, 5],
};

/** Every leaf below its maximum, most lost first, ties in the order of the set; reasons written by hand. */
const LOST: [string, number, string][] = [
  ["3.4.1", 1.5, "Tỷ lệ đạt 66,67 %, cần tối thiểu 80 % để đạt 0,75 điểm; tối thiểu 100 % để đạt tối đa 1,5 điểm"],
  ["7.2", 1.5, "Chưa đạt yêu cầu của tiêu chí (đạt được 1,5 điểm)"],
  ["7.3.5", 1.14, "Tỷ lệ đạt 12 %, được 12 % × 1,5 / 50 % = 0,36 điểm; cần tối thiểu 50 % để đạt tối đa 1,5 điểm"],
  ["2.1.2", 1, "Chưa đạt yêu cầu của tiêu chí (đạt được 1 điểm)"],
  ["3.4.2", 1, "Tỷ lệ đạt 95,2 %, cần tối thiểu 98 % để đạt 4 điểm"],
  ["6.1.1", 1, "Tỷ lệ đạt 78,4 %, cần tối thiểu 80 % để đạt 1,5 điểm; tối thiểu 95 % để đạt tối đa 2 điểm"],
  ["6.1.3", 1, "Chưa có kết quả chấm điểm"],
  ["7.3.6", 1, "Tỷ lệ đạt 0 %, cần tối thiểu 30 % để đạt 0,5 điểm; tối thiểu 50 % để đạt tối đa 1 điểm"],
  ["4.3", 0.75, "Tỷ lệ đạt 80 %, cần tối thiểu 100 % để đạt 1,5 điểm"],
  ["1.1", 0.5, "Thực hiện chậm so với thời hạn (ngày 20/01/2026, hạn 15/01/2026): 0,5 điểm; đúng hạn được 1 điểm"],
  ["1.4.1", 0.5, "Tỷ lệ đạt 80 %, dưới 90 % nên được 0 điểm; từ 90 % tính theo tỷ lệ, đạt 100 % được tối đa 0,5 điểm"],
  ["2.2.1", 0.5, "Điểm chấm 0,5 trên tối đa 1 điểm"],
  ["3.2", 0.5, "Bị trừ 1 lần × 0,5 điểm = 0,5 điểm"],
  ["5.1.1", 0.5, "Tỷ lệ đạt 91,67 %, cần tối thiểu 100 % để đạt 1,5 điểm"],
  ["7.3.1", 0.5, "Tỷ lệ đạt 90 %, cần tối thiểu 100 % để đạt 1 điểm"],
  ["7.3.4", 0.5, "Tỷ lệ đạt 40 %, cần tối thiểu 50 % để đạt 1,5 điểm"],
  ["7.3.7.2", 0.5, "Tỷ lệ đạt 30 %, cần tối thiểu 50 % để đạt 1,5 điểm"],
  ["8.1", 0.5, "Tỷ lệ đạt 93 %, cần tối thiểu 95 % để đạt 2 điểm"],
  ["2.3", 0.4, "Tỷ lệ đạt 72 %, được 72 % × 2 / 90 % = 1,6 điểm; cần tối thiểu 90 % để đạt tối đa 2 điểm"],
  ["8.2", 0.3, "Tỷ lệ đạt 85 %, được tính theo tỷ lệ 1,7 điểm; cần đạt 100 % để đạt tối đa 2 điểm"],
  ["1.3.1", 0.25, "Tỷ lệ đạt 25 %, cần tối thiểu 30 % để đạt 0,75 điểm"],
  ["1.4.2.1", 0.25, "Số lượng đạt 1, cần tối thiểu 2 để đạt 0,5 điểm"],
  ["3.1.1.1", 0.25, "Thực hiện chậm so với thời hạn: 0,25 điểm; đúng hạn được 0,5 điểm"],
  ["3.1.2.2", 0.25, "Tỷ lệ đạt 95,2 %, cần tối thiểu 100 % để đạt 0,75 điểm"],
  ["5.2", 0.25, "Tỷ lệ đạt 87,5 %, được tính theo tỷ lệ 1,75 điểm; cần đạt 100 % để đạt tối đa 2 điểm"],
  ["6.2", 0.25, "Điểm chấm 1,75 trên tối đa 2 điểm"],
  ["3.1.1.2", 0.1, "Tỷ lệ đạt 90 %, được tính theo tỷ lệ 0,9 điểm; cần đạt 100 % để đạt tối đa 1 điểm"],
  ["3.4.3", 0.1, "Tỷ lệ đạt 85,5 %, được 85,5 % × 2 / 90 % = 1,9 điểm; cần tối thiểu 90 % để đạt tối đa 2 điểm"],
  ["1.2", 0.08, "Tỷ lệ đạt 95 %, được tính theo tỷ lệ 1,43 điểm; cần đạt 100 % để đạt tối đa 1,5 điểm"],
  ["7.3.3.1", 0.06, "Tỷ lệ đạt 75 %, được 75 % × 1 / 80 % = 0,94 điểm; cần tối thiểu 80 % để đạt tối đa 1 điểm"],
];

const byCode = (r: ReturnType<typeof score>) => Object.fromEntries(r.nodes.map((n) => [n.code, n]));

describe("the example set", () => {
  it("is a labelled example on the 8-area structure: 70 points of criteria + 30 of survey, 55 leaves, every rule kind", () => {
    expect(example.isExample).toBe(true);
    expect(example.label).toBe("Bộ tiêu chí mẫu (để tham khảo, cần điều chỉnh theo quyết định của tỉnh)");
    expect(example.root.children.map((a) => a.code)).toEqual(["1", "2", "3", "4", "5", "6", "7", "8"]);
    expect(example.root.children.map((a) => a.maxPoints)).toEqual([9, 6, 14, 6, 10, 6, 14, 5]);
    expect(example.surveyWeight).toBe(30);
    const codes = walk(example).map((v) => v.node.code);
    for (const c of ["1.3.2", "1.4.2", "1.5", "1.7", "3.1.1.2", "3.1.2.2", "3.4.1", "3.4.2", "5.1.2", "5.1.3", "6.1.1", "7.3.3.2", "7.3.4", "7.3.5", "7.3.7.2", "7.3.7.3"]) {
      expect(codes).toContain(c);
    }
    expect(leaves(example).map((v) => v.node.code).sort()).toEqual(Object.keys(LEAVES).sort());
    const kinds = new Set(walk(example).map((v) => v.node.rule?.kind).filter(Boolean));
    expect([...kinds].sort()).toEqual(["band", "boolean", "capped", "count", "deadline", "deduction", "sum", "tiers"]);
  });
});

describe("scoring a commune against the example set, every figure by hand", () => {
  const r = score(example, input);
  const nodes = byCode(r);

  it("every leaf", () => {
    for (const [code, [points, max, status]] of Object.entries(LEAVES)) {
      expect({ code, points: nodes[code].points, max: nodes[code].max, status: nodes[code].status }).toEqual({ code, points, max, status });
    }
  });
  it("every parent and area", () => {
    const parents = r.nodes.filter((n) => !n.isLeaf);
    expect(parents.map((n) => n.code).sort()).toEqual(Object.keys(PARENTS).sort());
    for (const [code, [points, max]] of Object.entries(PARENTS)) {
      expect({ code, points: nodes[code].points, max: nodes[code].max }).toEqual({ code, points, max });
    }
    expect(r.areas.map((a) => [a.code, a.points, a.max])).toEqual([
      ["1", 6.43, 8], ["2", 4.1, 6], ["3", 10.3, 14], ["4", 5.25, 6], ["5", 8.25, 9], ["6", 3.75, 6], ["7", 8.8, 14], ["8", 4.2, 5],
    ]);
  });
  it("totals, the maximum without the removed leaves, survey, percentage and class", () => {
    // Tree: 6,425 + 4,1 + 10,3 + 5,25 + 8,25 + 3,75 + 8,7975 + 4,2 = 51,0725 of 70 − 1 (1.7) − 1 (5.4) = 68.
    expect(r.tree).toEqual({ points: 51.07, max: 68 });
    // Survey: 85 % of 30 = 25,5.
    expect(r.survey).toEqual({ points: 25.5, max: 30, missing: false });
    // 51,0725 + 25,5 = 76,5725 of 98 → 78,1352… %.
    expect(r.total).toBe(76.57);
    expect(r.maxTotal).toBe(98);
    expect(r.percent).toBe(78.14);
    expect(r.className).toBe("Khá");
    expect(r.missing).toEqual(["6.1.3"]);
    expect(r.setId).toBe("mau-xa-2026-v1");
  });
  it("lost points: every leaf below its maximum, sorted, with the gap explained", () => {
    expect(r.lostPoints.map((l) => [l.code, l.lost, l.explanation])).toEqual(LOST);
    expect(r.lostPoints[0]).toMatchObject({ code: "3.4.1", areaCode: "3", area: "thu-tuc-hanh-chinh", max: 1.5, points: 0 });
    // 68 − 51,0725 = 16,9275 lost in all.
    const exactLost = 1.5 + 1.5 + 1.14 + 5 * 1 + 0.75 + 9 * 0.5 + 0.4 + 0.3 + 6 * 0.25 + 0.1 + 0.1 + 0.075 + 0.0625;
    expect(exactLost).toBeCloseTo(16.9275, 10);
  });
  it("not applicable: 'full' gives the maximum, 'remove' takes the leaf out of the maximum", () => {
    expect(nodes["1.3.2"]).toMatchObject({ points: 0.75, max: 0.75, lost: 0, status: "na_full" });
    expect(nodes["1.7"]).toMatchObject({ points: 0, max: 0, lost: 0, status: "na_removed", maxPoints: 1 });
    // Same commune, 1.7 answered instead (100 % of assigned tasks): the maximum is back to 99.
    const answered = score(example, { ...input, leaves: { ...inputs, "1.7": ratio(5, 5) } });
    expect(answered.maxTotal).toBe(99);
    expect(answered.total).toBe(77.57); // 76,5725 + 1
    expect(answered.percent).toBe(78.36); // 77,5725 / 99 = 78,3560…
  });
});

describe("class boundaries (classes compare the percentage as published, to hundredths)", () => {
  const allMax: Record<string, LeafInput> = Object.fromEntries(leaves(example).map((v) => [v.node.code, given(v.node.maxPoints)]));
  it("exactly at a class minimum and just below", () => {
    const at80 = score(example, { leaves: allMax, survey: { kind: "points", points: 10 } }); // 70 + 10 of 100
    expect([at80.total, at80.maxTotal, at80.percent, at80.className]).toEqual([80, 100, 80, "Tốt"]);
    const below80 = score(example, { leaves: allMax, survey: { kind: "percent", percent: 33.3 } }); // 70 + 9,99
    expect([below80.total, below80.percent, below80.className]).toEqual([79.99, 79.99, "Khá"]);
  });
  it("at and below 90 % once a leaf is removed from the maximum", () => {
    const withRemoved = { ...allMax, "1.7": NA };
    const at90 = score(example, { leaves: withRemoved, survey: { kind: "points", points: 20.1 } }); // (69 + 20,1) / 99 = 90 %
    expect([at90.total, at90.maxTotal, at90.percent, at90.className]).toEqual([89.1, 99, 90, "Xuất sắc"]);
    const below90 = score(example, { leaves: withRemoved, survey: { kind: "points", points: 20.0901 } }); // 89,0901 / 99 = 89,99 %
    expect([below90.percent, below90.className]).toEqual([89.99, "Tốt"]);
  });
  it("without survey points: 0 of 30, or converted to 100 when the set says so", () => {
    const none = score(example, { leaves: allMax });
    expect([none.survey, none.total, none.maxTotal, none.percent, none.className]).toEqual([{ points: 0, max: 30, missing: true }, 70, 100, 70, "Khá"]);
    const rescaled = score({ ...example, rescaleWithoutSurvey: true }, { leaves: allMax, survey: null });
    expect([rescaled.survey, rescaled.maxTotal, rescaled.percent, rescaled.className]).toEqual([{ points: 0, max: 0, missing: true }, 70, 100, "Xuất sắc"]);
  });
});

describe("rescoring under a replacing set", () => {
  // Version 2 (built by hand): 1.7 dropped and its point moved to 1.6; 3.4.2 tiers lowered; 4.1.1/4.1.2 reweighted;
  // 7.3.6 halved and a new leaf 7.3.8 added.
  const v2raw = raw();
  v2raw.id = "mau-xa-2026-v2";
  v2raw.version = 2;
  v2raw.replaces = "mau-xa-2026-v1";
  const find = (code: string): CriterionNode => walk(v2raw as CriteriaSet).find((v) => v.node.code === code)!.node;
  const a1 = find("1");
  a1.children = a1.children!.filter((c) => c.code !== "1.7");
  Object.assign(find("1.6"), { maxPoints: 2, rule: { kind: "deadline", onTime: 2, late: 1, missing: 0 } });
  find("3.4.2").rule = { kind: "tiers", tiers: [{ min: 95, points: 4 }, { min: 90, points: 2 }] };
  Object.assign(find("4.1.1"), { maxPoints: 1.5, rule: { kind: "boolean", points: 1.5 } });
  find("4.1.2").maxPoints = 1.5;
  Object.assign(find("7.3.6"), { maxPoints: 0.5, rule: { kind: "tiers", tiers: [{ min: 50, points: 0.5 }, { min: 30, points: 0.25 }] } });
  find("7.3").children!.push({ code: "7.3.8", name: "Tỷ lệ hồ sơ TTHC có sử dụng thông tin, dữ liệu dân cư", maxPoints: 0.5, ruleText: "Có: 0,5 điểm", rule: { kind: "boolean", points: 0.5 }, method: "self" });
  const v2 = parseCriteriaSet(v2raw);

  const report = rescore(input, v2, example);
  const nodes = byCode(report.result);

  it("reports leaves that disappeared, appeared, or cannot take their old input", () => {
    expect(report.disappeared).toEqual([{ code: "1.7", name: "Thực hiện các nhiệm vụ về cải cách hành chính được UBND tỉnh giao" }]);
    expect(report.appeared).toEqual([{ code: "7.3.8", name: "Tỷ lệ hồ sơ TTHC có sử dụng thông tin, dữ liệu dân cư" }]);
    expect(report.incompatible).toEqual([{ code: "4.1.2", name: "Thực hiện quy định về vị trí việc làm và cơ cấu ngạch công chức", reason: "điểm chấm 2 phải từ 0 đến điểm tối đa 1,5" }]);
    expect(report.carried.length).toBe(52); // 54 inputs − 1.7 − 4.1.2
    expect(report.input.leaves["1.7"]).toBeUndefined();
    expect(report.result.setId).toBe("mau-xa-2026-v2");
  });
  it("every leaf and total under the new set", () => {
    const expected: Record<string, [number, number, string]> = {
      ...Object.fromEntries(Object.entries(LEAVES).filter(([c]) => c !== "1.7")),
      "1.6": [2, 2, "scored"], // on time → 2
      "3.4.2": [4, 4, "scored"], // 95,2 % ≥ 95 %
      "4.1.1": [1.5, 1.5, "scored"],
      "4.1.2": [0, 1.5, "missing"], // old score 2 above the new maximum
      "7.3.6": [0, 0.5, "scored"],
      "7.3.8": [0, 0.5, "missing"],
    };
    const got = Object.fromEntries(report.result.nodes.filter((n) => n.isLeaf).map((n) => [n.code, [n.points, n.max, n.status]]));
    expect(got).toEqual(expected);
    expect(report.result.areas.map((a) => [a.code, a.points, a.max])).toEqual([
      ["1", 7.43, 9], ["2", 4.1, 6], ["3", 11.3, 14], ["4", 3.75, 6], ["5", 8.25, 9], ["6", 3.75, 6], ["7", 8.8, 14], ["8", 4.2, 5],
    ]);
    expect(nodes["7.3"]).toMatchObject({ points: 6.8, max: 10.5 });
    // 7,425 + 4,1 + 11,3 + 3,75 + 8,25 + 3,75 + 8,7975 + 4,2 = 51,5725 of 70 − 1 (5.4); + 25,5 = 77,0725 of 99.
    expect(report.result.tree).toEqual({ points: 51.57, max: 69 });
    expect([report.result.total, report.result.maxTotal, report.result.percent, report.result.className]).toEqual([77.07, 99, 77.85, "Khá"]);
    expect(report.result.missing).toEqual(["4.1.2", "6.1.3", "7.3.8"]);
  });
  it("without the old set, disappeared and appeared come from the inputs alone", () => {
    const r = rescore(input, v2);
    expect(r.disappeared).toEqual([{ code: "1.7" }]);
    expect(r.appeared.map((a) => a.code)).toEqual(["6.1.3", "7.3.8"]);
  });
});

describe("ranking communes", () => {
  it("orders by percentage, ties share a rank and are listed by code, no percentage last", () => {
    const ranked = rank([
      { commune: "xa-c", percent: 78.14, total: 76.57 },
      { commune: "xa-a", percent: 90, total: 90 },
      { commune: "xa-b", percent: 78.14, total: 77.4 },
      { commune: "xa-e", percent: null, total: 0 },
      { commune: "xa-d", percent: 65, total: 65 },
    ]);
    expect(ranked.map((r) => [r.commune, r.rank, r.of])).toEqual([
      ["xa-a", 1, 5], ["xa-b", 2, 5], ["xa-c", 2, 5], ["xa-d", 4, 5], ["xa-e", 5, 5],
    ]);
  });
  it("keeps the fields it was given", () => {
    const r = score(example, input);
    const [first] = rank([{ commune: "xa-tinh-khe", ...r }]);
    expect(first).toMatchObject({ commune: "xa-tinh-khe", rank: 1, of: 1, className: "Khá", percent: 78.14 });
  });
});

describe("automatic inputs from the records", () => {
  it("maps figures to the computed leaves; nothing to count becomes not applicable where the leaf allows it", () => {
    const got = computedInputs(example, {
      on_time: { numerator: 1904, denominator: 2000 },
      feedback_on_time: { numerator: 0, denominator: 0 },
      online_payment: { numerator: 0, denominator: 0 },
      initiatives_count: { count: 3 },
    });
    expect(got).toEqual({ "3.4.2": ratio(1904, 2000), "3.3": NA, "1.5": count(3) });
  });
});

describe("inputs a leaf cannot take", () => {
  const bad = (leavesIn: Record<string, LeafInput>, survey?: AssessmentInput["survey"]) => () => score(example, { leaves: leavesIn, survey });
  it("names the criterion and the problem in Vietnamese", () => {
    expect(bad({ "9.9": yes })).toThrow("Tiêu chí 9.9: không có trong bộ tiêu chí “Bộ tiêu chí mẫu (để tham khảo, cần điều chỉnh theo quyết định của tỉnh)”");
    expect(bad({ "1.3": given(1) })).toThrow("Tiêu chí 1.3: là tiêu chí có tiêu chí con, điểm được cộng từ các tiêu chí con");
    expect(bad({ "1.1": NA })).toThrow("Tiêu chí 1.1: tiêu chí này không có trường hợp “không áp dụng”");
    expect(bad({ "3.4.2": yes })).toThrow("Tiêu chí 3.4.2: kết quả dạng đạt/không đạt không dùng được với cách chấm “Theo mức tỷ lệ”");
    expect(bad({ "2.2.1": rate(50) })).toThrow("Tiêu chí 2.2.1: tiêu chí chấm trực tiếp, chỉ nhận điểm chấm, “không thực hiện” hoặc “không áp dụng” (không nhận tỷ lệ)");
    expect(bad({ "1.2": given(1.75) })).toThrow("Tiêu chí 1.2: điểm chấm 1,75 phải từ 0 đến điểm tối đa 1,5");
    expect(bad({ "3.4.2": ratio(0, 0) })).toThrow("Tiêu chí 3.4.2: mẫu số phải lớn hơn 0 (nếu không phát sinh, hãy chọn “không áp dụng”)");
    expect(bad({ "1.6": { kind: "date", date: "2026-01-03" } })).toThrow("Tiêu chí 1.6: cần hạn (trong cách chấm hoặc kèm kết quả) để so sánh ngày thực hiện");
    expect(bad({ "1.5": count(1.5) })).toThrow("Tiêu chí 1.5: số lượng phải là số nguyên không âm");
    expect(bad({}, { kind: "points", points: 31 })).toThrow("Điểm điều tra xã hội học: điểm phải từ 0 đến 30");
  });
  it("lists every problem at once", () => {
    expect(bad({ "1.1": NA, "1.2": given(9) })).toThrow(/1\.1: .*\n.*1\.2: /);
  });
  it("not done, and a date measured against the input's own due date", () => {
    const r = score(example, { leaves: { "1.3.1": { kind: "not_done" }, "1.6": { kind: "date", date: "2026-01-03", due: "2026-01-05" }, "5.3.1": count(5) } });
    const n = byCode(r);
    expect([n["1.3.1"].points, n["1.6"].points, n["5.3.1"].points]).toEqual([0, 1, 0]); // notDone 0; on time; 5 × 1 capped at 2
    const lost = Object.fromEntries(r.lostPoints.map((l) => [l.code, l.explanation]));
    expect(lost["1.3.1"]).toBe("Không thực hiện: 0 điểm; có thực hiện được 0,25 điểm; tối thiểu 30 % để đạt tối đa 0,75 điểm");
    expect(lost["5.3.1"]).toBe("Bị trừ 5 lần × 1 điểm = 5 điểm, trừ tối đa 2 điểm");
  });
});
