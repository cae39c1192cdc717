import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { setArb } from "./arbitraries.test-helpers.js";
import { walk } from "./tree.js";
import type { CriteriaSet } from "./types.js";
import { parseCriteriaSet } from "./validate.js";
import { InvalidCriteriaSheet, type SetSheets, parseRuleParams, ruleParamsText, setFromSheets, setToSheets } from "./xlsx-shape.js";

const example = parseCriteriaSet(JSON.parse(readFileSync(new URL("../../../fixtures/par-index/example-xa-2026.json", import.meta.url), "utf8")));
const sheets = () => setToSheets(example);
const rowOf = (s: SetSheets, code: string) => s.criteria.findIndex((r) => r[0] === code);

function problems(s: SetSheets): string[] {
  try { setFromSheets(s); } catch (e) { if (e instanceof InvalidCriteriaSheet) return e.problems.map((p) => p.message); throw e; }
  return [];
}

describe("set → rows", () => {
  const s = sheets();
  it("criteria sheet: the columns, one row per node depth first", () => {
    expect(s.criteria[0]).toEqual([
      "Mã", "Tên tiêu chí", "Điểm tối đa", "Cách chấm", "Tham số", "Phương pháp", "Chỉ số tự động", "Không áp dụng",
      "Hướng dẫn chấm điểm (nguyên văn)", "Tài liệu kiểm chứng", "Lĩnh vực CCHC",
    ]);
    expect(s.criteria.slice(1).map((r) => r[0])).toEqual(walk(example).map((v) => v.node.code));
    const row = (code: string) => s.criteria[rowOf(s, code)].slice(0, 8);
    expect(row("3.4.2")).toEqual(["3.4.2", "Tỷ lệ hồ sơ TTHC do UBND cấp xã tiếp nhận trong năm được giải quyết trước hạn, đúng hạn", "4", "Theo mức tỷ lệ",
      "≥98%: 4; ≥95%: 3; ≥90%: 2; <90%: 0", "Tự động", "on_time", ""]);
    expect(row("1.3.1")).toEqual(["1.3.1", expect.any(String), "0,75", "Theo mức tỷ lệ", "≥30%: 0,75; ≥25%: 0,5; <25%: 0,25; không thực hiện: 0", "Tự động", "units_inspected_share", ""]);
    expect(row("1.3.2").slice(2)).toEqual(["0,75", "Đạt/Không đạt", "Đạt: 0,75; không đạt: 0", "Tự chấm", "", "Tính điểm tối đa"]);
    expect(row("1.1").slice(3, 5)).toEqual(["Theo thời hạn", "Đúng hạn: 1; chậm: 0,5; không thực hiện: 0; hạn: 15/01/2026"]);
    expect(row("1.4.1").slice(3, 5)).toEqual(["Tỷ lệ trong khoảng", "≥100%: tối đa; 90% – <100%: tỷ lệ × điểm tối đa; <90%: 0"]);
    expect(row("7.3.3.2").slice(3, 5)).toEqual(["Tỷ lệ so với mức chuẩn", "≥80%: tối đa; <80%: tỷ lệ × điểm tối đa / 80%"]);
    expect(row("1.5").slice(3, 5)).toEqual(["Theo số lượng", "≥2: 1,5; ≥1: 1; <1: 0"]);
    expect(row("1.4.2").slice(3, 5)).toEqual(["Tổng các phần", ""]);
    expect(row("3.2").slice(3, 5)).toEqual(["Trừ điểm", "mỗi lần: 0,5; tối đa: 2"]);
    expect(row("1.7").slice(5, 8)).toEqual(["Thẩm định", "", "Giảm trừ điểm tối đa"]);
    expect(row("2.2.1").slice(3, 5)).toEqual(["", ""]);
    expect(s.criteria[rowOf(s, "1")][10]).toBe("chi-dao-dieu-hanh");
  });
  it("information sheet", () => {
    expect(s.info).toEqual([
      ["Thông tin", "Giá trị"],
      ["Mã bộ tiêu chí", "mau-xa-2026-v1"],
      ["Tên bộ tiêu chí", "Bộ tiêu chí mẫu (để tham khảo, cần điều chỉnh theo quyết định của tỉnh)"],
      ["Tỉnh", "tinh-mau"], ["Đối tượng", "Xã"], ["Năm", "2026"], ["Phiên bản", "1"], ["Thay thế bộ tiêu chí", ""], ["Bộ mẫu", "Có"],
      ["Số quyết định", ""], ["Ngày ban hành", ""], ["Cơ quan ban hành", ""], ["Đường dẫn văn bản", ""],
      ["Điểm tối đa các lĩnh vực", "70"], ["Điểm điều tra xã hội học", "30"], ["Quy đổi về 100 khi không có điều tra", ""],
      ["Xếp loại", "Xuất sắc: ≥90%; Tốt: ≥80%; Khá: ≥70%; Trung bình: ≥50%; Yếu: ≥0%"],
    ]);
  });
});

describe("rows → set", () => {
  it("the example round-trips", () => {
    expect(setFromSheets(sheets())).toEqual(example);
  });
  it("property: any valid set round-trips through the rows", () => {
    fc.assert(fc.property(setArb, (set: CriteriaSet) => {
      const valid = parseCriteriaSet(set);
      expect(setFromSheets(setToSheets(valid))).toEqual(valid);
    }), { numRuns: 300 });
  });
  it("property: parameters text round-trips rule by rule", () => {
    for (const { node } of walk(example)) {
      if (!node.rule) continue;
      expect(parseRuleParams(node.rule.kind, ruleParamsText(node.rule), node.maxPoints)).toEqual(node.rule);
    }
  });
  it("accepts what people type: columns in any order, codes for labels, dots for commas, blank rows, extra columns", () => {
    const s = sheets();
    const order = [4, 0, 2, 1, 3, 5, 6, 7, 8, 9, 10];
    const criteria = s.criteria.map((r, i) => [...order.map((j) => r[j]), i === 0 ? "Ghi chú" : "x"]);
    const i = criteria.findIndex((r) => r[1] === "3.4.2");
    criteria[i] = ["≥ 98 %: 4; >= 95%: 3; ≥90%: 2", "3.4.2", "4.0", criteria[i][3], "tiers", "computed", "on_time", "", criteria[i][8], criteria[i][9], "", "x"];
    criteria.splice(5, 0, ["", " ", ""]);
    const info = s.info.map((r) => [...r]);
    info[4][1] = "xa";
    expect(setFromSheets({ info, criteria })).toEqual(example);
    const yesOnly = parseRuleParams("boolean", "", 1.5);
    expect(yesOnly).toEqual({ kind: "boolean", points: 1.5 });
  });
});

describe("row-numbered errors", () => {
  it("from reading a cell", () => {
    const s = sheets();
    const r = rowOf(s, "1.2"); // index → spreadsheet row r + 1
    s.criteria[r][2] = "một rưỡi";
    s.criteria[rowOf(s, "1.6")][5] = "Tự đánh giá";
    s.criteria[rowOf(s, "3.4.2")][4] = "từ 98%: 4";
    s.criteria[rowOf(s, "2.2.1")][4] = "1 điểm";
    s.criteria[rowOf(s, "4.3")][7] = "Có";
    s.criteria[rowOf(s, "5.2")][3] = "Tỷ lệ";
    expect(problems(s)).toEqual([
      `Dòng ${r + 1}, cột Điểm tối đa: “một rưỡi” không phải là một số`,
      `Dòng ${rowOf(s, "1.6") + 1}, cột Phương pháp: không nhận “Tự đánh giá” (chọn “Tự chấm”, “Thẩm định”, “Điều tra xã hội học”, “Tự động”)`,
      `Dòng ${rowOf(s, "2.2.1") + 1}, cột Cách chấm: có tham số nhưng chưa chọn cách chấm`,
      `Dòng ${rowOf(s, "3.4.2") + 1}, cột Tham số: không hiểu “từ 98%: 4” (dạng: ≥97%: 1,5; ≥90%: 1; <90%: 0)`,
      `Dòng ${rowOf(s, "4.3") + 1}, cột Không áp dụng: không nhận “Có” (chọn “Tính điểm tối đa”, “Giảm trừ điểm tối đa” hoặc để trống)`,
      `Dòng ${rowOf(s, "5.2") + 1}, cột Cách chấm: không nhận “Tỷ lệ” (chọn “Đạt/Không đạt”, “Theo thời hạn”, “Theo mức tỷ lệ”, “Tỷ lệ trong khoảng”, “Tỷ lệ so với mức chuẩn”, “Theo số lượng”, “Tổng các phần”, “Trừ điểm” hoặc để trống)`,
    ]);
  });
  it("from the rules of the set, on the row and column of the criterion", () => {
    const s = sheets();
    const r = rowOf(s, "1.3.2");
    s.criteria[r][2] = "0,3";
    s.criteria[r][4] = "Đạt: 0,3; không đạt: 0";
    s.criteria[rowOf(s, "3.4.2")][4] = "≥98%: 5; ≥95%: 3";
    expect(problems(s)).toEqual([
      `Dòng ${rowOf(s, "1.3") + 1}, cột Điểm tối đa: điểm tối đa (1,5) phải bằng tổng điểm tối đa của các tiêu chí con (1,05)`,
      `Dòng ${r + 1}, cột Điểm tối đa: điểm tối đa phải là bội số của 0,25`,
      `Dòng ${rowOf(s, "3.4.2") + 1}, cột Tham số: cách chấm, mức thứ 1: điểm phải từ 0 đến điểm tối đa (4)`,
    ]);
    expect(r + 1).toBe(7); // 1 header + 1, 1.1, 1.2, 1.3, 1.3.1, 1.3.2
  });
  it("codes: duplicate, missing parent, missing", () => {
    const s = sheets();
    s.criteria[rowOf(s, "1.6")][0] = "1.5";
    s.criteria[rowOf(s, "2.2.2")][0] = "2.9.1";
    s.criteria[rowOf(s, "8.3")][0] = "";
    expect(problems(s)).toEqual([
      `Dòng ${rowOf(s, "1.5", ) + 2}, cột Mã: mã “1.5” đã có ở dòng ${rowOf(s, "1.5") + 1}`,
      `Dòng ${rowOf(s, "2.9.1") + 1}, cột Mã: chưa có tiêu chí cha “2.9” ở các dòng trước`,
      `Dòng ${s.criteria.length}, cột Mã: thiếu mã tiêu chí`,
    ]);
  });
  it("header: missing and repeated columns", () => {
    const s = sheets();
    s.criteria[0][2] = "Điểm";
    s.criteria[0][5] = "Ghi chú";
    s.criteria[0][6] = "mã";
    expect(problems(s)).toEqual(["Dòng 1: cột “Mã” xuất hiện hai lần", "Dòng 1: thiếu cột “Phương pháp”"]);
  });
  it("information sheet", () => {
    const s = sheets();
    s.info[5][1] = "năm 2026";
    s.info[16][1] = "Xuất sắc: ≥90%; Tốt: ≥80%; Khá: ≥85%; Yếu: ≥0%";
    expect(() => setFromSheets(s)).toThrow("Trang Thông tin chung, dòng 6: năm “năm 2026” không phải là một số");
    s.info[5][1] = "2026";
    expect(problems(s)).toEqual(["Trang Thông tin chung, dòng 17: Xếp loại thứ 3: các loại phải xếp theo tỷ lệ tối thiểu giảm dần (loại cao nhất trước)"]);
    s.info[16][1] = "Xuất sắc: ≥90%";
    s.info[14][1] = "25";
    expect(problems(s)).toEqual(["Trang Thông tin chung, dòng 14: điểm tối đa của cây tiêu chí (70) cộng điểm điều tra xã hội học (25) phải bằng 100"]);
    s.info.splice(1, 1);
    s.info[13][1] = "30";
    expect(problems(s)).toEqual(["Trang Thông tin chung: thiếu mã bộ tiêu chí (thêm dòng “Mã bộ tiêu chí”)"]);
  });
});
