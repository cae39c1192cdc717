import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  countingInput, currentEntries, describeInput, inputKinds, submissionProblems, thresholdRate, thresholdText, visibleStages, type LeafEntry, type Stage,
} from "./assessment.js";
import { remediationDraft, proposedUnit } from "./remediation.js";
import { resultTable, type CommuneResult } from "./results.js";
import { score } from "./score.js";
import { InvalidSurveySheet, parseSurveySheet } from "./survey-sheet.js";
import { leaves, walk } from "./tree.js";
import type { LeafInput } from "./types.js";
import { parseCriteriaSet } from "./validate.js";

const set = parseCriteriaSet(JSON.parse(readFileSync(new URL("../../../fixtures/par-index/example-xa-2026.json", import.meta.url), "utf8")));
const node = (code: string) => walk(set).find((v) => v.node.code === code)!.node;
let clock = 0;
const entry = (leafCode: string, stage: Stage, input: LeafInput | null, extra: Partial<LeafEntry> = {}): LeafEntry => ({
  leafCode, stage, input, text: "", explanation: "", automatic: false, by: "u", at: new Date(Date.UTC(2026, 0, 1, 0, 0, clock++)).toISOString(), ...extra,
});
const pts = (points: number): LeafInput => ({ kind: "score", points });

describe("the score that counts", () => {
  const plain = leaves(set).find((v) => !v.node.rule && v.node.method === "self")!.node;
  const entries = [
    entry(plain.code, "self", pts(plain.maxPoints)),
    entry(plain.code, "self", pts(plain.maxPoints - 0.25)), // corrected before sign-off: the later one counts
    entry(plain.code, "round1", pts(plain.maxPoints - 0.5), { text: "Thiếu tài liệu" }),
    entry(plain.code, "response", null, { text: "Bổ sung" }),
  ];

  it("is the final score, else round 1, else the latest self-score", () => {
    const cur = currentEntries(entries);
    expect(cur.get(plain.code)!.self!.input).toEqual(pts(plain.maxPoints - 0.25));
    expect(countingInput(set, cur, null).from[plain.code]).toBe("round1");
    expect(countingInput(set, cur, null).input.leaves[plain.code]).toEqual(pts(plain.maxPoints - 0.5));
    const withFinal = currentEntries([...entries, entry(plain.code, "final", pts(plain.maxPoints))]);
    expect(countingInput(set, withFinal, null)).toMatchObject({ from: { [plain.code]: "final" }, input: { leaves: { [plain.code]: pts(plain.maxPoints) } } });
  });

  it("shows the commune each appraisal only once it is closed; the province sees all", () => {
    expect(visibleStages("submitted", false)).toEqual(["self", "response"]);
    expect(visibleStages("round1", false)).toEqual(["self", "round1", "response"]);
    expect(visibleStages("explained", false)).toEqual(["self", "round1", "response"]);
    expect(visibleStages("final", false)).toEqual(["self", "round1", "response", "final"]);
    expect(visibleStages("submitted", true)).toEqual(["self", "round1", "response", "final"]);
    const cur = currentEntries(entries);
    expect(countingInput(set, cur, null, visibleStages("submitted", false)).from[plain.code]).toBe("self");
  });

  it("leaves out a value the leaf's rule can no longer take, and says why", () => {
    const boolLeaf = leaves(set).find((v) => v.node.rule?.kind === "boolean")!.node;
    const c = countingInput(set, currentEntries([entry(boolLeaf.code, "self", { kind: "rate", percent: 80 })]), null);
    expect(c.input.leaves[boolLeaf.code]).toBeUndefined();
    expect(c.dropped).toEqual([{ code: boolLeaf.code, stage: "self", reason: expect.stringContaining("không dùng được") }]);
  });
});

describe("the chairman's sign-off", () => {
  const own = leaves(set).filter((v) => v.node.method === "self" || v.node.method === "computed").map((v) => v.node);

  it("needs every self-scored leaf scored, and evidence or an explanation for each that is not automatic or not applicable", () => {
    const first = own[0];
    const problems = submissionProblems(set, currentEntries([]), new Map());
    expect(problems).toHaveLength(own.length);
    expect(problems[0]).toBe(`Tiêu chí ${first.code}: chưa tự chấm điểm.`);

    const full = (n: typeof first): LeafInput => (n.notApplicable ? { kind: "not_applicable" } : { kind: "not_done" });
    const scored = own.map((n, i) => entry(n.code, "self", full(n), { automatic: n.method === "computed", explanation: i === 1 ? "Theo sổ theo dõi" : "" }));
    const evidence = new Map([[own[2].code, 1]]);
    const left = submissionProblems(set, currentEntries(scored), evidence);
    const needy = own.filter((n, i) => n.method !== "computed" && !n.notApplicable && i !== 1 && i !== 2);
    expect(left).toEqual(needy.map((n) => `Tiêu chí ${n.code}: chưa có tài liệu kiểm chứng; cần giải trình cụ thể cách đánh giá, tính điểm.`));
  });
});

describe("inputs and thresholds", () => {
  it("offers the inputs of the rule, and not applicable only where the leaf allows it", () => {
    for (const { node: n } of leaves(set)) {
      const kinds = inputKinds(n);
      expect(kinds.includes("not_applicable")).toBe(!!n.notApplicable);
      if (!n.rule) expect(kinds[0]).toBe("score");
    }
    expect(describeInput({ kind: "rate", percent: 97.5 })).toBe("97,5 %");
    expect(describeInput({ kind: "date", date: "2026-01-20" })).toBe("Thực hiện ngày 20/01/2026");
    expect(describeInput({ kind: "ratio", numerator: 2, denominator: 3 })).toBe("2/3");
  });

  it("writes the level a remediation task must reach in the words plans use", () => {
    const tiers = leaves(set).find((v) => v.node.rule?.kind === "tiers")!.node;
    const top = (tiers.rule as { tiers: Array<{ min: number }> }).tiers[0].min;
    expect(thresholdText(tiers)).toBe(`đảm bảo đạt tỷ lệ tối thiểu ${String(top).replace(".", ",")}%`);
    expect(thresholdRate(tiers)).toBe(top);
    const capped = leaves(set).find((v) => v.node.rule?.kind === "capped")!.node;
    expect(thresholdRate(capped)).toBe((capped.rule as { target: number }).target);
    expect(thresholdText(leaves(set).find((v) => v.node.rule?.kind === "boolean")!.node)).toBe("hoàn thành 100%");
    expect(thresholdRate(leaves(set).find((v) => v.node.rule?.kind === "boolean")!.node)).toBeNull();
  });
});

describe("the remediation plan draft", () => {
  const units = [
    { id: "u-vp", code: "vp-tk", name: "Văn phòng – Thống kê", kind: "unit" },
    { id: "u-tp", code: "tp-ht", name: "Tư pháp – Hộ tịch", kind: "unit" },
    { id: "u-mc", code: "mot-cua", name: "Bộ phận Tiếp nhận và Trả kết quả (Một cửa)", kind: "unit" },
  ];

  it("proposes the unit that usually leads the criterion's area", () => {
    expect(proposedUnit("the-che", units)?.code).toBe("tp-ht");
    expect(proposedUnit("thu-tuc-hanh-chinh", units)?.code).toBe("mot-cua");
    expect(proposedUnit("tai-chinh-cong", units)?.code).toBe("vp-tk");
    expect(proposedUnit(undefined, units)?.code).toBe("vp-tk");
    expect(proposedUnit("cong-vu", [])).toBeNull();
  });

  it("makes one task per lost criterion, with its code, unit, deadline and level, and a target for each rate", () => {
    const input = { leaves: Object.fromEntries(leaves(set).map((v) => [v.node.code, { kind: "not_done" } as LeafInput])) };
    const lost = score(set, input).lostPoints;
    const d = remediationDraft({ set, lost, communeName: "UBND xã Tỉnh Khê", year: 2026, units });
    expect(d.document).toMatchObject({ year: 2027, issuer: "UBND xã Tỉnh Khê", title: "Khắc phục tồn tại, hạn chế qua kết quả Chỉ số cải cách hành chính năm 2026 của UBND xã Tỉnh Khê" });
    expect(d.tasks.map((t) => t.ref)).toEqual(lost.map((l) => l.code));
    for (const [i, t] of d.tasks.entries()) {
      const n = node(t.ref);
      expect(t.criteria).toEqual([t.ref]);
      expect(t.lead).toHaveLength(1);
      expect(t.title).toContain(`tiêu chí ${t.ref} “${n.name}”: ${thresholdText(n)}`);
      expect(t.title).toContain(`bị trừ ${String(lost[i].lost).replace(".", ",")} điểm`);
      expect(t.timeline.due).toBe(thresholdRate(n) === null ? "2027-06-30" : "2027-12-15");
    }
    const rated = d.tasks.filter((t) => thresholdRate(node(t.ref)) !== null);
    expect(d.targets).toHaveLength(rated.length);
    expect(d.targets[0]).toMatchObject({ op: ">=", unit: "%", value: thresholdRate(node(rated[0].ref)) });
  });
});

describe("the survey sheet", () => {
  it("reads codes and points (decimal comma) or percentages, skipping blank rows", () => {
    expect(parseSurveySheet([["Mã đơn vị", "Điểm điều tra xã hội học"], ["xa-a", "25,5"], ["", ""], ["xa-b", "20"]]))
      .toEqual([{ row: 2, code: "xa-a", survey: { kind: "points", points: 25.5 } }, { row: 4, code: "xa-b", survey: { kind: "points", points: 20 } }]);
    expect(parseSurveySheet([["Mã", "Tỷ lệ hài lòng (%)"], ["xa-a", "88"]])[0].survey).toEqual({ kind: "percent", percent: 88 });
  });

  it("lists every bad row with its row and column", () => {
    try {
      parseSurveySheet([["Mã đơn vị", "Điểm"], ["", "3"], ["xa-a", "ba"], ["xa-b", "1"], ["xa-b", "2"]]);
      expect.unreachable();
    } catch (err) {
      expect((err as InvalidSurveySheet).problems).toEqual([
        "Dòng 2, cột A: thiếu mã đơn vị.", "Dòng 3, cột B: “ba” không phải là số.", "Dòng 5, cột A: mã đơn vị “xa-b” đã có ở dòng 4.",
      ]);
    }
    expect(() => parseSurveySheet([["Điểm"]])).toThrow(InvalidSurveySheet);
    expect(() => parseSurveySheet([["Mã đơn vị", "Điểm"]])).toThrow("Tệp không có dòng dữ liệu nào sau dòng tiêu đề.");
  });
});

describe("the province's table of results", () => {
  const summary = (percent: number) => ({ setId: "s", setVersion: 1, total: percent, maxTotal: 100, percent, className: percent >= 80 ? "Tốt" : "Khá", survey: { points: 0, max: 30, missing: true }, areas: [], missing: 0 });
  const row = (code: string, status: CommuneResult["status"], percent: number | null): CommuneResult =>
    ({ orgId: code, code, name: `UBND xã ${code}`, assessmentId: status ? `a-${code}` : null, status, result: percent === null ? null : summary(percent) });

  it("ranks final scores (ties share a rank), puts the rest after, and compares with last year's rank", () => {
    const now = [row("c", "final", 85), row("a", "final", 90), row("b", "final", 85), row("d", "round1", 95), row("e", null, null)];
    const before = [row("a", "final", 80), row("b", "final", 88), row("c", "draft", 70)];
    const t = resultTable(now, before);
    expect(t.map((r) => [r.code, r.rank, r.of])).toEqual([["a", 1, 3], ["b", 2, 3], ["c", 2, 3], ["d", null, 3], ["e", null, 3]]);
    expect(t[0]).toMatchObject({ previous: { percent: 80, rank: 2 }, change: 10 });
    expect(t[1]).toMatchObject({ previous: { percent: 88, rank: 1 }, change: -3 });
    expect(t[2].previous).toBeNull(); // last year's was not final
  });
});
