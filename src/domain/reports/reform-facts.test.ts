import { describe, expect, it } from "vitest";
import { buildReportDraft } from "./build.js";
import { reportWindow } from "./calendar.js";
import type { ReportDraft, ReportInput, ReportReformFacts } from "./types.js";

const H1 = reportWindow("h1", 2026);

function draftWith(reform: ReportReformFacts | undefined): ReportDraft {
  const input: ReportInput = {
    commune: { name: "UBND xã Tỉnh Khê", code: "xa-tinh-khe", province: "Tỉnh Minh Hòa" },
    window: H1, plans: [], tasks: [], nextTasks: [], targets: [], oneStop: null, ...(reform ? { reform } : {}),
  };
  return buildReportDraft(input);
}
const factsOf = (d: ReportDraft, key: string) => d.sections.find((s) => s.key === key)!.facts.map((f) => f.text);
const INSPECTION_ROWS = ["Số cơ quan, bộ phận được kiểm tra", "Số tồn tại phát hiện qua kiểm tra", "Số tồn tại đã xử lý"];
const annexOf = (d: ReportDraft) => d.annex.filter((r) => INSPECTION_ROWS.includes(r.label));

describe("report facts from the inspection and initiative records", () => {
  const kept: ReportReformFacts = {
    inspection: { targetShare: 50, units: { inspected: 3, total: 6 }, findings: { total: 5, handled: 3, escalated: 1 } },
    initiatives: { submitted: 3, recognised: 1 },
  };

  it("states the inspection plan's coverage and findings in I.2 and the initiatives in I.4", () => {
    const d = draftWith(kept);
    expect(factsOf(d, "I.2")).toEqual([
      "Kế hoạch kiểm tra CCHC năm 2026: kiểm tra 3/6 bộ phận (50 %), chỉ tiêu 50 %; phát hiện 5 tồn tại, đã xử lý 3 (60 %), trong đó 1 kiến nghị cấp trên.",
    ]);
    expect(factsOf(d, "I.4")).toEqual(["Có 3 sáng kiến được đăng ký trong kỳ, 1 sáng kiến được công nhận."]);
  });

  it("fills the annex's inspection rows from the records, fixed and escalated apart", () => {
    expect(annexOf(draftWith(kept))).toEqual([
      { group: "Chỉ đạo, điều hành", label: "Số cơ quan, bộ phận được kiểm tra", unit: "cơ quan, bộ phận", value: 3, note: "3/6 bộ phận; chỉ tiêu kế hoạch kiểm tra 50 %", source: "records" },
      { group: "Chỉ đạo, điều hành", label: "Số tồn tại phát hiện qua kiểm tra", unit: "tồn tại", value: 5, note: "", source: "records" },
      { group: "Chỉ đạo, điều hành", label: "Số tồn tại đã xử lý", unit: "tồn tại", value: 3, note: "Đã khắc phục 2; kiến nghị cấp có thẩm quyền xử lý 1", source: "records" },
    ]);
    // The rows keep their place between the documents issued and the communication work.
    const labels = draftWith(kept).annex.map((r) => r.label);
    expect(labels.indexOf("Số văn bản chỉ đạo, điều hành CCHC đã ban hành") + 1).toBe(labels.indexOf(INSPECTION_ROWS[0]));
    expect(labels.indexOf(INSPECTION_ROWS[2]) + 1).toBe(labels.indexOf("Số tin, bài, hình thức tuyên truyền"));
  });

  it("says so when nothing was inspected yet, no problem was found, or no initiative came in the window", () => {
    const planned = draftWith({ inspection: { targetShare: 30, units: { inspected: 0, total: 7 }, findings: { total: 0, handled: 0, escalated: 0 } }, initiatives: null });
    expect(factsOf(planned, "I.2")).toEqual(["Kế hoạch kiểm tra CCHC năm 2026: kiểm tra 0/7 bộ phận (0 %), chỉ tiêu 30 %."]);
    expect(factsOf(planned, "I.4")).toEqual([]);
    const clean = draftWith({ inspection: { targetShare: 50, units: { inspected: 2, total: 3 }, findings: { total: 0, handled: 0, escalated: 0 } }, initiatives: { submitted: 0, recognised: 0 } });
    expect(factsOf(clean, "I.2")).toEqual(["Kế hoạch kiểm tra CCHC năm 2026: kiểm tra 2/3 bộ phận (66,67 %), chỉ tiêu 50 %; chưa phát hiện tồn tại phải xử lý."]);
    expect(factsOf(clean, "I.4")).toEqual(["Trong kỳ không có sáng kiến mới được đăng ký, chưa có sáng kiến nào được công nhận."]);
    expect(annexOf(clean).map((r) => [r.value, r.note])).toEqual([[2, "2/3 bộ phận; chỉ tiêu kế hoạch kiểm tra 50 %"], [0, ""], [0, ""]]);
  });

  it("leaves I.2 to be written and the annex rows to be filled by hand without an inspection plan", () => {
    const d = draftWith({ inspection: null, initiatives: { submitted: 2, recognised: 0 } });
    expect(factsOf(d, "I.2")).toEqual([]);
    expect(factsOf(d, "I.4")).toEqual(["Có 2 sáng kiến được đăng ký trong kỳ, chưa có sáng kiến nào được công nhận."]);
    expect(annexOf(d).map((r) => [r.source, r.value])).toEqual([["manual", null], ["manual", null], ["manual", null]]);
    expect(annexOf(draftWith(undefined)).map((r) => r.source)).toEqual(["manual", "manual", "manual"]);
    expect(factsOf(draftWith(undefined), "I.4")).toEqual([]);
  });
});
