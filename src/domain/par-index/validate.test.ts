import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { AppError } from "../errors.js";
import { walk } from "./tree.js";
import type { CriteriaSet, CriterionNode } from "./types.js";
import { InvalidCriteriaSet, checkCriteriaSet, parseAssessmentInput, parseCriteriaSet } from "./validate.js";

const fresh = (): CriteriaSet => JSON.parse(readFileSync(new URL("../../../fixtures/par-index/example-xa-2026.json", import.meta.url), "utf8"));
const node = (set: CriteriaSet, code: string): CriterionNode => walk(set).find((v) => v.node.code === code)!.node;

/** Messages for a copy of the example changed by `edit`. */
function messages(edit: (s: CriteriaSet) => void): string[] {
  const s = fresh();
  edit(s);
  const r = checkCriteriaSet(s);
  return r.ok ? [] : r.issues.map((i) => i.message);
}

describe("a valid set", () => {
  it("passes and comes back in canonical form", () => {
    const s = fresh();
    node(s, "1.7").rule = { kind: "tiers", tiers: [{ min: 100, points: 1 }, { min: 80, points: 0.5 }, { min: 0, points: 0 }] };
    node(s, "1.6").children = [];
    node(s, "1.5").name = "  Đổi mới, sáng tạo\n";
    s.replaces = " ";
    const set = parseCriteriaSet(s);
    expect(node(set, "1.5").name).toBe("Đổi mới, sáng tạo");
    expect("replaces" in set).toBe(false);
    expect(node(set, "1.7").rule).toEqual({ kind: "tiers", tiers: [{ min: 100, points: 1 }, { min: 80, points: 0.5 }] });
    expect(node(set, "1.6").children).toBeUndefined();
  });
});

describe("points and the tree", () => {
  it("a maximum not in steps of 0,25 (and the parent that no longer adds up)", () => {
    const m = messages((s) => { Object.assign(node(s, "1.3.2"), { maxPoints: 0.3, rule: { kind: "boolean", points: 0.3 } }); });
    expect(m).toEqual([
      "Tiêu chí 1.3: điểm tối đa (1,5) phải bằng tổng điểm tối đa của các tiêu chí con (1,05)",
      "Tiêu chí 1.3.2: điểm tối đa phải là bội số của 0,25",
    ]);
  });
  it("a maximum of zero or below", () => {
    expect(messages((s) => { node(s, "2.2.1").maxPoints = 0; })).toContain("Tiêu chí 2.2.1: điểm tối đa phải lớn hơn 0");
  });
  it("duplicate, badly formed and badly nested codes", () => {
    expect(messages((s) => { node(s, "1.6").code = "1.5"; })).toEqual(["Tiêu chí 1.5: mã bị trùng với một tiêu chí khác"]);
    expect(messages((s) => { node(s, "1.3.2").code = "1.4.9"; })).toEqual(["Tiêu chí 1.4.9: mã phải gồm mã tiêu chí cha “1.3.” và thêm một cấp (ví dụ 1.3.1)"]);
    expect(messages((s) => { node(s, "1.3.2").code = "1.3.2.1"; })).toEqual(["Tiêu chí 1.3.2.1: mã phải gồm mã tiêu chí cha “1.3.” và thêm một cấp (ví dụ 1.3.1)"]);
    expect(messages((s) => { node(s, "1.6").code = "1..6"; })).toEqual(["Tiêu chí 1..6: mã “1..6” không hợp lệ: mã gồm các số cách nhau bởi dấu chấm (ví dụ 1.3.2)"]);
    expect(messages((s) => { s.root.children[7].code = "8.0"; s.root.children[7].children!.forEach((c, i) => { c.code = `8.0.${i + 1}`; }); }))
      .toEqual(["Tiêu chí 8.0: mã lĩnh vực chỉ gồm một số (ví dụ 3)"]);
  });
  it("the area sum and the 100-point scale with the survey", () => {
    expect(messages((s) => { s.surveyWeight = 25; })).toEqual(["Bộ tiêu chí: điểm tối đa của cây tiêu chí (70) cộng điểm điều tra xã hội học (25) phải bằng 100"]);
    expect(messages((s) => { s.root.maxPoints = 75; s.surveyWeight = 25; })).toEqual(["Bộ tiêu chí: tổng điểm tối đa của các lĩnh vực (70) khác điểm tối đa của cây tiêu chí (75)"]);
    expect(messages((s) => { s.surveyWeight = 30.1; })).toContain("Bộ tiêu chí: điểm điều tra xã hội học phải từ 0 đến dưới 100 và là bội số của 0,25");
  });
  it("a parent whose children exceed it, only when marked “sum, capped at the maximum”", () => {
    const over = (s: CriteriaSet) => { node(s, "1.4.2.2").rule = { kind: "boolean", points: 1 }; node(s, "1.4.2.2").maxPoints = 1; };
    expect(messages(over)).toEqual(["Tiêu chí 1.4.2: điểm tối đa (1) phải bằng tổng điểm tối đa của các tiêu chí con (1,5)"]);
    // Đồng Nai 4.2 prints “(1đ)” on a 0,5 line: capped, the parent stays at 1 and the area at 1,5.
    expect(messages((s) => { over(s); node(s, "1.4.2").rule = { kind: "sum", capAtMax: true }; })).toEqual([]);
    expect(messages((s) => { node(s, "1.4.2").rule = { kind: "sum", capAtMax: true }; node(s, "1.4.2").maxPoints = 1.25; node(s, "1.4").maxPoints = 1.75; node(s, "1").maxPoints = 9.25; s.root.maxPoints = 70.25; s.surveyWeight = 29.75; }))
      .toEqual(["Tiêu chí 1.4.2: tổng điểm tối đa của các tiêu chí con (1) nhỏ hơn điểm tối đa (1,25): không thể đạt điểm tối đa"]);
  });
  it("what only leaves or only parents may have", () => {
    expect(messages((s) => { node(s, "1.3").rule = { kind: "boolean", points: 1.5 }; })).toEqual(["Tiêu chí 1.3: tiêu chí có tiêu chí con chỉ dùng cách chấm “Tổng các phần”"]);
    expect(messages((s) => { node(s, "1.6").rule = { kind: "sum" }; })).toEqual(["Tiêu chí 1.6: cách chấm “Tổng các phần” chỉ dùng cho tiêu chí có tiêu chí con"]);
    expect(messages((s) => { node(s, "1.3").notApplicable = "full"; })).toEqual(["Tiêu chí 1.3: chỉ tiêu chí không có tiêu chí con mới có cách xử lý khi không áp dụng"]);
    expect(messages((s) => { node(s, "7.3").method = "computed"; })).toEqual(["Tiêu chí 7.3: tiêu chí có tiêu chí con không thể tính tự động"]);
    expect(messages((s) => { node(s, "1.3").area = "the-che"; })).toEqual(["Tiêu chí 1.3: chỉ lĩnh vực (cấp 1) mới gắn với lĩnh vực CCHC"]);
  });
});

describe("rule parameters against the maximum", () => {
  it("yes/no and deadline", () => {
    expect(messages((s) => { node(s, "2.1.2").rule = { kind: "boolean", points: 0.5 }; })).toEqual(["Tiêu chí 2.1.2: cách chấm: điểm khi đạt (0,5) phải bằng điểm tối đa (1)"]);
    expect(messages((s) => { node(s, "1.6").rule = { kind: "deadline", onTime: 1, late: 1.25, missing: 0 }; })).toEqual(["Tiêu chí 1.6: cách chấm: điểm chậm hạn phải từ 0 đến 1"]);
    expect(messages((s) => { node(s, "1.6").rule = { kind: "deadline", onTime: 1, late: 0.5, missing: 0.75 }; })).toEqual(["Tiêu chí 1.6: cách chấm: điểm không thực hiện phải từ 0 đến 0,5"]);
    expect(messages((s) => { node(s, "1.1").rule = { kind: "deadline", onTime: 1, late: 0.5, missing: 0, due: "2026-02-30" }; }))
      .toEqual(["Tiêu chí 1.1: cách chấm: hạn “2026-02-30” không phải là ngày hợp lệ (YYYY-MM-DD)"]);
  });
  it("tiers: order, points within the maximum, the top tier at the maximum", () => {
    expect(messages((s) => { node(s, "3.4.2").rule = { kind: "tiers", tiers: [{ min: 90, points: 4 }, { min: 95, points: 3 }] }; }))
      .toEqual(["Tiêu chí 3.4.2: cách chấm, mức thứ 2: ngưỡng phải nhỏ hơn ngưỡng của mức trước (các mức xếp từ ngưỡng cao xuống thấp)"]);
    expect(messages((s) => { node(s, "3.4.2").rule = { kind: "tiers", tiers: [{ min: 98, points: 5 }, { min: 95, points: 3 }] }; }))
      .toEqual(["Tiêu chí 3.4.2: cách chấm, mức thứ 1: điểm phải từ 0 đến điểm tối đa (4)"]);
    expect(messages((s) => { node(s, "3.4.2").rule = { kind: "tiers", tiers: [{ min: 98, points: 3 }, { min: 95, points: 3.5 }] }; })).toEqual([
      "Tiêu chí 3.4.2: cách chấm, mức thứ 2: điểm không được lớn hơn điểm của mức có ngưỡng cao hơn",
      "Tiêu chí 3.4.2: cách chấm: mức cao nhất phải được điểm tối đa (4)",
    ]);
    expect(messages((s) => { node(s, "3.4.2").rule = { kind: "tiers", tiers: [{ min: 120, points: 4 }, { min: 95, points: 2.1 }] }; })).toEqual([
      "Tiêu chí 3.4.2: cách chấm, mức thứ 1: ngưỡng phải từ 0 đến 100 %",
      "Tiêu chí 3.4.2: cách chấm, mức thứ 2: điểm phải là bội số của 0,25",
    ]);
    expect(messages((s) => { node(s, "3.4.2").rule = { kind: "tiers", tiers: [] }; })).toEqual(["Tiêu chí 3.4.2: cách chấm: cần ít nhất một mức"]);
  });
  it("band, capped, count, deduction", () => {
    expect(messages((s) => { node(s, "1.2").rule = { kind: "band", full: 90, from: 90, below: 0 }; }))
      .toEqual(["Tiêu chí 1.2: cách chấm: phải có 0 ≤ tỷ lệ bắt đầu tính theo tỷ lệ < tỷ lệ đạt điểm tối đa ≤ 100 %"]);
    expect(messages((s) => { node(s, "1.2").rule = { kind: "band", full: 100, from: 80, below: 2 }; })).toEqual(["Tiêu chí 1.2: cách chấm: điểm dưới ngưỡng phải từ 0 đến 1,5"]);
    expect(messages((s) => { node(s, "2.3").rule = { kind: "capped", target: 0 }; })).toEqual(["Tiêu chí 2.3: cách chấm: tỷ lệ chuẩn phải lớn hơn 0 và không quá 100 %"]);
    expect(messages((s) => { node(s, "1.5").rule = { kind: "count", tiers: [{ min: 2.5, points: 1.5 }] }; })).toEqual(["Tiêu chí 1.5: cách chấm, mức thứ 1: ngưỡng phải là số nguyên không âm"]);
    expect(messages((s) => { node(s, "3.2").rule = { kind: "deduction", perItem: 2.5, maxDeduction: 3 }; })).toEqual([
      "Tiêu chí 3.2: cách chấm: điểm trừ mỗi lần phải lớn hơn 0 và không quá điểm tối đa (2)",
      "Tiêu chí 3.2: cách chấm: điểm trừ tối đa phải lớn hơn 0 và không quá điểm tối đa (2)",
    ]);
  });
  it("automatic leaves: a key, a structured rule that fits the key", () => {
    expect(messages((s) => { delete node(s, "3.4.2").computedKey; })).toEqual(["Tiêu chí 3.4.2: phương pháp “Tự động” cần chỉ số tự động"]);
    expect(messages((s) => { node(s, "3.4.2").method = "self"; })).toEqual(["Tiêu chí 3.4.2: chỉ số tự động chỉ dùng với phương pháp “Tự động”"]);
    expect(messages((s) => { delete node(s, "3.4.2").rule; })).toEqual(["Tiêu chí 3.4.2: tiêu chí tự động cần cách chấm có cấu trúc"]);
    expect(messages((s) => { node(s, "1.5").computedKey = "on_time"; }))
      .toEqual(["Tiêu chí 1.5: chỉ số tự động “on_time” là một tỷ lệ, cách chấm phải là “Theo mức tỷ lệ”, “Tỷ lệ trong khoảng” hoặc “Tỷ lệ so với mức chuẩn”"]);
    expect(messages((s) => { node(s, "3.4.2").computedKey = "initiatives_count"; }))
      .toEqual(["Tiêu chí 3.4.2: chỉ số tự động “initiatives_count” là một số lượng, cách chấm phải là “Theo số lượng” hoặc “Trừ điểm”"]);
  });
});

describe("the set's own fields", () => {
  it("classes ordered highest first, named once", () => {
    expect(messages((s) => { s.classes[2].minPercent = 85; })).toEqual(["Xếp loại thứ 3: các loại phải xếp theo tỷ lệ tối thiểu giảm dần (loại cao nhất trước)"]);
    expect(messages((s) => { s.classes[1].name = "Xuất sắc"; })).toEqual(["Xếp loại thứ 2: tên loại “Xuất sắc” bị trùng"]);
    expect(messages((s) => { s.classes = []; })).toEqual(["Bộ tiêu chí: cần ít nhất một xếp loại"]);
  });
  it("year, version, replacement, legal reference", () => {
    expect(messages((s) => { s.year = 26; s.version = 0; s.replaces = s.id; s.legalRef = { number: " ", date: "31/10/2025" }; })).toEqual([
      "Bộ tiêu chí: năm phải là số nguyên từ 2000 đến 2100",
      "Bộ tiêu chí: phiên bản phải là số nguyên từ 1 trở lên",
      "Bộ tiêu chí: bộ tiêu chí không thể thay thế chính nó",
      "Bộ tiêu chí: thiếu số quyết định",
      "Bộ tiêu chí: ngày ban hành “31/10/2025” không phải là ngày hợp lệ (YYYY-MM-DD)",
    ]);
  });
});

describe("shape of untrusted JSON", () => {
  it("names the node and the field", () => {
    const m = messages((s) => {
      const n = node(s, "1.1") as unknown as Record<string, unknown>;
      delete n.maxPoints;
      n.maxPoint = 1;
      (node(s, "1.2") as unknown as Record<string, unknown>).maxPoints = "1,5";
      (node(s, "1.6") as unknown as Record<string, unknown>).rule = { kind: "hạn" };
      (node(s, "1.5") as unknown as Record<string, unknown>).computedKey = "sang_kien";
      (node(s, "1.3").children![0] as unknown as Record<string, unknown>).code = undefined;
      (s as unknown as Record<string, unknown>).subject = "huyen";
    });
    expect(m).toEqual([
      "Bộ tiêu chí: đối tượng không hợp lệ (chấp nhận: xa, phuong)",
      "Tiêu chí 1.1: thiếu điểm tối đa",
      "Tiêu chí 1.1: có trường không được hỗ trợ: maxPoint",
      "Tiêu chí 1.2: điểm tối đa phải là một số",
      "Tiêu chí con thứ 1 của 1.3: thiếu mã",
      "Tiêu chí 1.5: chỉ số tự động không hợp lệ (chấp nhận: on_time, online_submission, fully_online, fully_online_eligible, online_payment, digitised_dossiers, digitised_results, e_results, reuse, feedback_on_time, satisfaction, units_inspected_share, findings_fixed_share, tasks_on_time, initiatives_count)",
      "Tiêu chí 1.6: cách chấm, loại cách chấm không hợp lệ (chấp nhận: boolean, deadline, tiers, band, capped, count, sum, deduction)",
    ]);
  });
  it("not an object at all", () => {
    expect(checkCriteriaSet(null)).toEqual({ ok: false, issues: [{ field: "", detail: "phải là một đối tượng", message: "Bộ tiêu chí: phải là một đối tượng" }] });
  });
  it("throws one validation error listing every problem, with the issues attached", () => {
    const s = fresh();
    node(s, "1.6").code = "1.5";
    s.classes[2].minPercent = 85;
    let caught: unknown;
    try { parseCriteriaSet(s); } catch (e) { caught = e; }
    expect(caught).toBeInstanceOf(InvalidCriteriaSet);
    expect(caught).toBeInstanceOf(AppError);
    const e = caught as InvalidCriteriaSet;
    expect(e.status).toBe(400);
    expect(e.message).toBe("Xếp loại thứ 3: các loại phải xếp theo tỷ lệ tối thiểu giảm dần (loại cao nhất trước)\nTiêu chí 1.5: mã bị trùng với một tiêu chí khác");
    expect(e.issues[0]).toMatchObject({ field: "classes.2.minPercent" });
    expect(e.issues[1]).toEqual({ code: "1.5", field: "code", detail: "mã bị trùng với một tiêu chí khác", message: "Tiêu chí 1.5: mã bị trùng với một tiêu chí khác" });
  });
});

describe("assessment input from untrusted JSON", () => {
  it("accepts the input kinds", () => {
    const input = { leaves: { "1.1": { kind: "date", date: null }, "3.4.2": { kind: "ratio", numerator: 1, denominator: 2 } }, survey: { kind: "percent", percent: 80 } };
    expect(parseAssessmentInput(input)).toEqual(input);
  });
  it("explains bad input in Vietnamese", () => {
    expect(() => parseAssessmentInput({ leaves: { "1.1": { kind: "yes" }, "1.2": { kind: "score" } }, survey: { kind: "points", points: "20" } })).toThrow(
      "Tiêu chí 1.1: loại kết quả không hợp lệ (chấp nhận: not_applicable, score, not_done, boolean, deadline, date, rate, ratio, count)\n"
      + "Tiêu chí 1.2: thiếu điểm\n"
      + "Điểm điều tra xã hội học: điểm phải là một số",
    );
  });
});
