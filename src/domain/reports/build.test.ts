import { describe, expect, it } from "vitest";
import { rate, type Counts, type Rates } from "../indicators/compute.js";
import { bieu06Row } from "./bieu06.js";
import { buildReportDraft, reportTitle } from "./build.js";
import { reportWindow } from "./calendar.js";
import { localityOf, viNumber, viPercent } from "./format.js";
import type { ReportInput, ReportSection, ReportTargetFact, ReportTaskFact } from "./types.js";

const Q1 = reportWindow("q1", 2026); // 15/12/2025 – 14/03/2026
const DOSSIERS = { type: "dossiers", from: "2025-12-15", to: "2026-03-14" } as const;

function task(id: string, over: Partial<ReportTaskFact>): ReportTaskFact {
  return {
    id, planId: "p1", ref: null, title: id, area: null, lead: [], product: null, dueDate: null, doneOn: null,
    status: "not_started", lastNote: null, evidenceCount: 0, ...over,
  };
}
function target(id: string, over: Partial<ReportTargetFact>): ReportTargetFact {
  return { id, planId: "p1", text: id, op: ">=", value: null, unit: "%", latest: null, light: "no_data", ...over };
}
function counts(c: { online: number; direct: number; post: number; carried: number; early: number; onTime: number; late: number; within: number; overdue: number }): Counts {
  const received = c.online + c.direct + c.post;
  return {
    received: { total: received, online: c.online, direct: c.direct, post: c.post },
    carried_over: c.carried,
    handled: received + c.carried,
    resolved: { total: c.early + c.onTime + c.late, early: c.early, on_time: c.onTime, late: c.late },
    pending: { total: c.within + c.overdue, within_time: c.within, overdue: c.overdue },
    waiting_supplement: 0, withdrawn: 0, stopped: 0, refused_at_intake: 0, not_yet_accepted: 0, apology_letters: 2,
    feedback: { received: 5, resolved_on_time: 3, resolved_late: 1, pending_within_time: 1, pending_overdue: 0, about_procedures: 2, about_staff: 1 },
  };
}

const TASKS: ReportTaskFact[] = [
  task("t6", { title: "Ban hành kế hoạch CCHC năm 2026", area: "chi-dao-dieu-hanh", lead: ["Văn phòng – Thống kê"], dueDate: "2026-01-15", doneOn: "2026-01-10", status: "done_on_time", lastNote: "Ban hành Kế hoạch số 12/KH-UBND", evidenceCount: 1 }),
  task("t1", { title: "Rà soát, công bố danh mục TTHC", area: "thu-tuc-hanh-chinh", lead: ["Văn phòng – Thống kê"], dueDate: "2026-01-31", doneOn: "2026-01-20", status: "done_on_time", lastNote: "Đã công bố 112 TTHC", evidenceCount: 2 }),
  task("t2", { title: "Niêm yết công khai quy trình nội bộ", area: "thu-tuc-hanh-chinh", lead: ["Một cửa"], dueDate: "2026-02-15", doneOn: "2026-02-20", status: "done_late", lastNote: "Niêm yết tại\nbộ phận Một cửa", evidenceCount: 1 }),
  task("t3", { title: "Rà soát văn bản QPPL", area: "the-che", lead: ["Tư pháp – Hộ tịch"], dueDate: "2026-02-28", status: "overdue" }),
  task("t4", { title: "Số hóa hồ sơ, kết quả giải quyết TTHC", area: "thu-tuc-hanh-chinh", lead: ["Một cửa", "Văn phòng – Thống kê"], dueDate: "2026-06-30", status: "in_progress", lastNote: "Đạt 60 %" }),
  task("t5", { title: "Bồi dưỡng công chức", area: "cong-vu", dueDate: "2026-11-30", status: "not_started" }),
  task("t7", { title: "Triển khai ký số", area: "chinh-quyen-so", dueDate: "2026-03-10", doneOn: "2026-03-05", status: "done_on_time", evidenceCount: 3 }),
];

const TARGETS: ReportTargetFact[] = [
  target("tg1", { text: "Tỷ lệ hồ sơ giải quyết đúng hạn đạt từ 98 % trở lên", value: 98, indicatorKey: "on_time", latest: { period: "2026-02", value: 96.5 }, light: "at_risk" }),
  target("tg2", { text: "Tỷ lệ hồ sơ nộp trực tuyến ≥ 50 %", value: 50, area: "chinh-quyen-so", latest: { period: "2026-Q1", value: 66.67 }, light: "met" }),
  target("tg3", { text: "100 % nhiệm vụ của kế hoạch hoàn thành đúng hạn", value: 100 }),
];

const HO_TICH = counts({ online: 500, direct: 300, post: 50, carried: 20, early: 600, onTime: 150, late: 10, within: 80, overdue: 30 });
const CHUNG_THUC = counts({ online: 300, direct: 50, post: 0, carried: 14, early: 300, onTime: 33, late: 7, within: 20, overdue: 4 });
const ALL = counts({ online: 800, direct: 350, post: 50, carried: 34, early: 900, onTime: 183, late: 17, within: 100, overdue: 34 });
const RATES: Rates = {
  on_time: rate(1083, 1100), online_submission: rate(800, 1200), fully_online: rate(300, 1200), fully_online_eligible: rate(300, 900),
  online_payment: rate(45, 60), digitised_dossiers: rate(1080, 1200), digitised_results: rate(0, 0), e_results: rate(0, 0), reuse: rate(0, 0),
  feedback_on_time: rate(4, 5), satisfaction: rate(190, 200),
};

const INPUT: ReportInput = {
  commune: { name: "UBND xã Tỉnh Khê", code: "xa-tinh-khe", province: "Tỉnh Minh Hòa (dữ liệu mẫu)" },
  window: Q1,
  plans: [
    { id: "p2", title: "Kế hoạch tuyên truyền cải cách hành chính năm 2026", number: "5", issuedDate: "2026-02-01", type: "topical" },
    { id: "p1", title: "Cải cách hành chính năm 2026", number: "12/KH-UBND", issuedDate: "2026-01-15", type: "annual" },
  ],
  tasks: TASKS,
  nextTasks: [
    task("n1", { title: "Tổ chức đối thoại với người dân", lead: ["Văn hóa – Xã hội"], dueDate: "2026-05-30" }),
    task("n2", { title: "Cập nhật danh mục TTHC", dueDate: "2026-04-15", status: "in_progress" }),
    task("n3", { title: "Báo cáo CCHC quý I", dueDate: "2026-04-10", doneOn: "2026-03-12", status: "done_on_time" }),
  ],
  targets: TARGETS,
  oneStop: {
    counts: ALL, rates: RATES,
    byField: [bieu06Row("Hộ tịch", HO_TICH), bieu06Row("Chứng thực", CHUNG_THUC)],
    total: bieu06Row("Tổng cộng", ALL),
  },
};

const sectionOf = (sections: ReportSection[], key: string) => {
  const s = sections.find((x) => x.key === key);
  if (!s) throw new Error(`no section ${key}`);
  return s;
};

describe("Vietnamese figures", () => {
  it("groups thousands with dots and marks decimals with a comma", () => {
    expect(viNumber(1234)).toBe("1.234");
    expect(viNumber(1234567.5)).toBe("1.234.567,5");
    expect(viNumber(98.5)).toBe("98,5");
    expect(viNumber(66.67)).toBe("66,67");
    expect(viNumber(100)).toBe("100");
    expect(viNumber(0)).toBe("0");
    expect(viNumber(-3.25)).toBe("-3,25");
    expect(viPercent(98.5)).toBe("98,5 %");
  });
  it("writes the generic noun of a unit in lower case", () => {
    expect(localityOf("UBND xã Tỉnh Khê")).toBe("xã Tỉnh Khê");
    expect(localityOf("Ủy ban nhân dân Phường Hoài Hảo")).toBe("phường Hoài Hảo");
    expect(localityOf("Tỉnh Minh Hòa (dữ liệu mẫu)")).toBe("tỉnh Minh Hòa");
    expect(localityOf("Minh Hòa")).toBe("Minh Hòa");
  });
});

describe("report draft", () => {
  const draft = buildReportDraft(INPUT);
  const s = (key: string) => sectionOf(draft.sections, key);
  const texts = (key: string) => s(key).facts.map((f) => f.text);

  it("titles the report by its window", () => {
    expect(draft.title).toBe("Kết quả thực hiện công tác cải cách hành chính quý I năm 2026");
    expect(reportTitle(reportWindow("h1", 2026))).toBe("Kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2026");
    expect(draft.window).toEqual(Q1);
  });

  it("follows the official outline, headings in the official case", () => {
    expect(draft.sections.map((x) => [x.key, x.number, x.heading, x.level, x.editable])).toEqual([
      ["opening", "", "", 1, true],
      ["I", "I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH", 1, false],
      ["I.1", "1", "Ban hành và tổ chức thực hiện kế hoạch CCHC", 2, true],
      ["I.2", "2", "Kiểm tra, tự kiểm tra CCHC", 2, true],
      ["I.3", "3", "Thông tin, tuyên truyền CCHC", 2, true],
      ["I.4", "4", "Sáng kiến, mô hình mới; khảo sát sự hài lòng", 2, true],
      ["II", "II", "KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH", 1, false],
      ["II.1", "1", "Cải cách thể chế", 2, true],
      ["II.2", "2", "Cải cách thủ tục hành chính", 2, true],
      ["II.3", "3", "Cải cách tổ chức bộ máy hành chính nhà nước", 2, true],
      ["II.4", "4", "Cải cách chế độ công vụ", 2, true],
      ["II.5", "5", "Cải cách tài chính công", 2, true],
      ["II.6", "6", "Xây dựng và phát triển chính quyền điện tử, chính quyền số", 2, true],
      ["III", "III", "ĐÁNH GIÁ CHUNG", 1, false],
      ["III.1", "1", "Ưu điểm", 2, true],
      ["III.2", "2", "Tồn tại, hạn chế và nguyên nhân", 2, true],
      ["IV", "IV", "PHƯƠNG HƯỚNG, NHIỆM VỤ TRỌNG TÂM KỲ TỚI", 1, true],
      ["V", "V", "ĐỀ XUẤT, KIẾN NGHỊ", 1, true],
    ]);
    for (const key of ["I.2", "I.3", "III.1", "V"]) expect(s(key)).toMatchObject({ facts: [], text: "" });
  });

  it("opens with the plans it rests on, the annual plan first, and the province's instruction to complete", () => {
    expect(s("opening").facts).toEqual([
      { text: "Căn cứ Kế hoạch số 12/KH-UBND ngày 15/01/2026 của UBND xã Tỉnh Khê về cải cách hành chính năm 2026;", ref: { type: "plan", id: "p1" } },
      { text: "Căn cứ Kế hoạch số 05/KH-UBND ngày 01/02/2026 của UBND xã Tỉnh Khê về tuyên truyền cải cách hành chính năm 2026;", ref: { type: "plan", id: "p2" } },
    ]);
    expect(s("opening").text).toBe("Thực hiện Văn bản số …/… ngày … của Sở Nội vụ tỉnh Minh Hòa về việc báo cáo kết quả thực hiện công tác cải cách hành chính quý I năm 2026, Ủy ban nhân dân xã Tỉnh Khê báo cáo kết quả như sau:");
  });

  it("I.1: the tally, the completion of tasks due, each shortfall, then the plan's general tasks and targets", () => {
    expect(texts("I.1")).toEqual([
      "Các kế hoạch CCHC năm 2026 có 7 nhiệm vụ: đã hoàn thành 4 (đúng hạn 3, quá hạn 1); quá hạn chưa hoàn thành 1; đang thực hiện 1; chưa thực hiện 1.",
      "Đến ngày 14/03/2026, hoàn thành 4/5 nhiệm vụ đến hạn (80 %).",
      'Nhiệm vụ "Niêm yết công khai quy trình nội bộ" (chủ trì: Một cửa) hoàn thành quá hạn (hạn 15/02/2026, hoàn thành 20/02/2026).',
      'Nhiệm vụ "Rà soát văn bản QPPL" (chủ trì: Tư pháp – Hộ tịch) quá hạn, chưa hoàn thành (hạn 28/02/2026).',
      "Ban hành kế hoạch CCHC năm 2026 (chủ trì: Văn phòng – Thống kê): hoàn thành đúng hạn; hạn 15/01/2026; hoàn thành 10/01/2026; 1 minh chứng.",
      'Chỉ tiêu "100 % nhiệm vụ của kế hoạch hoàn thành đúng hạn": chưa có số liệu.',
    ]);
    expect(s("I.1").facts.map((f) => f.ref)).toEqual([
      undefined, undefined, { type: "task", id: "t2" }, { type: "task", id: "t3" }, { type: "task", id: "t6" }, { type: "target", id: "tg3" },
    ]);
    expect(s("I.1").text).toBe("- Ban hành kế hoạch CCHC năm 2026: Ban hành Kế hoạch số 12/KH-UBND");
  });

  it("I.4: the satisfaction rate", () => {
    expect(s("I.4").facts).toEqual([{ text: "Tỷ lệ hài lòng của người dân, doanh nghiệp: 95 % (190/200 lượt đánh giá).", ref: DOSSIERS }]);
  });

  it("II.2: Biểu 06 figures, the area's tasks of the window with status, dates, lead and evidence, its targets", () => {
    expect(s("II.2").facts).toEqual([
      {
        text: "Tổng số hồ sơ tiếp nhận: 1.234 (trực tuyến 800; trực tiếp, bưu chính 400; kỳ trước chuyển sang 34); đã giải quyết 1.100 (trước hạn 900, đúng hạn 183, quá hạn 17); "
          + "tỷ lệ giải quyết đúng hạn 98,45 %; đang giải quyết 134 (trong hạn 100, quá hạn 34); tỷ lệ hồ sơ trực tuyến 66,67 %.",
        ref: DOSSIERS,
      },
      { text: "Tiếp nhận 5 phản ánh, kiến nghị; đã xử lý 4 (đúng hạn 3, quá hạn 1); đang xử lý 1.", ref: DOSSIERS },
      { text: "Số thư xin lỗi do giải quyết hồ sơ quá hạn: 2.", ref: DOSSIERS },
      { text: "Rà soát, công bố danh mục TTHC (chủ trì: Văn phòng – Thống kê): hoàn thành đúng hạn; hạn 31/01/2026; hoàn thành 20/01/2026; 2 minh chứng.", ref: { type: "task", id: "t1" } },
      { text: "Niêm yết công khai quy trình nội bộ (chủ trì: Một cửa): hoàn thành quá hạn; hạn 15/02/2026; hoàn thành 20/02/2026; 1 minh chứng.", ref: { type: "task", id: "t2" } },
      { text: 'Chỉ tiêu "Tỷ lệ hồ sơ giải quyết đúng hạn đạt từ 98 % trở lên": kết quả 96,5 % (tháng 2/2026), có nguy cơ không đạt.', ref: { type: "target", id: "tg1" } },
    ]);
    // Only tasks done in the window have their note; t4 is still in progress.
    expect(s("II.2").text).toBe("- Rà soát, công bố danh mục TTHC: Đã công bố 112 TTHC\n- Niêm yết công khai quy trình nội bộ: Niêm yết tại bộ phận Một cửa");
  });

  it("II: each area with its own tasks only; areas with nothing in the window stay empty for the commune to write", () => {
    expect(texts("II.1")).toEqual(["Rà soát văn bản QPPL (chủ trì: Tư pháp – Hộ tịch): quá hạn; hạn 28/02/2026; chưa có minh chứng."]);
    expect(s("II.1").text).toBe("");
    for (const key of ["II.3", "II.4", "II.5"]) expect(s(key)).toMatchObject({ facts: [], text: "", editable: true });
  });

  it("II.6: the digital-government rates from the one-stop data, then tasks and targets", () => {
    expect(texts("II.6")).toEqual([
      "Tỷ lệ hồ sơ nộp trực tuyến: 66,67 % (800/1.200 hồ sơ).",
      "Tỷ lệ hồ sơ trực tuyến toàn trình: 25 % (300/1.200 hồ sơ).",
      "Tỷ lệ hồ sơ thanh toán trực tuyến: 75 % (45/60 hồ sơ).",
      "Tỷ lệ số hóa hồ sơ: 90 % (1.080/1.200 hồ sơ).",
      "Triển khai ký số: hoàn thành đúng hạn; hạn 10/03/2026; hoàn thành 05/03/2026; 3 minh chứng.",
      'Chỉ tiêu "Tỷ lệ hồ sơ nộp trực tuyến ≥ 50 %": kết quả 66,67 % (quý I/2026), đạt.',
    ]);
  });

  it("III.2 starts from the shortfalls: late and overdue tasks, targets at risk or missed", () => {
    expect(s("III.2").text).toBe([
      '- Nhiệm vụ "Niêm yết công khai quy trình nội bộ" (chủ trì: Một cửa) hoàn thành quá hạn (hạn 15/02/2026, hoàn thành 20/02/2026);',
      '- Nhiệm vụ "Rà soát văn bản QPPL" (chủ trì: Tư pháp – Hộ tịch) quá hạn, chưa hoàn thành (hạn 28/02/2026);',
      '- Chỉ tiêu "Tỷ lệ hồ sơ giải quyết đúng hạn đạt từ 98 % trở lên" có nguy cơ không đạt (kết quả 96,5 %, tháng 2/2026).',
    ].join("\n"));
  });

  it("IV lists the next window's tasks not done yet, by due date", () => {
    expect(s("IV").text).toBe("- Cập nhật danh mục TTHC (hạn 15/04/2026);\n- Tổ chức đối thoại với người dân (chủ trì: Văn hóa – Xã hội; hạn 30/05/2026).");
  });

  it("carries the Biểu 06 rows and the headline figures", () => {
    expect(draft.bieu06).toEqual({ rows: INPUT.oneStop!.byField, total: INPUT.oneStop!.total });
    expect(draft.figures).toEqual({
      tasks_total: 7, tasks_due: 5, tasks_done_on_time: 3, tasks_done_late: 1, tasks_overdue: 1, completion_rate: 80,
      targets_met: 1, targets_at_risk: 1, dossiers_received: 1234, dossiers_resolved: 1100, on_time_rate: 98.45, online_rate: 66.67, satisfaction_rate: 95,
    });
  });

  it("computes the annex rows the records hold and leaves the others to the commune", () => {
    const row = (label: string) => draft.annex.find((r) => r.label === label);
    expect(row("Số nhiệm vụ trong kế hoạch CCHC")).toEqual({ group: "Chỉ đạo, điều hành", label: "Số nhiệm vụ trong kế hoạch CCHC", unit: "nhiệm vụ", value: 7, note: "", source: "records" });
    expect(row("Tỷ lệ hoàn thành kế hoạch")).toMatchObject({ unit: "%", value: 80, note: "Trên số nhiệm vụ đến hạn đến ngày 14/03/2026 (4/5)", source: "records" });
    expect(row("Số hồ sơ nhận giải quyết")).toMatchObject({ group: "Thủ tục hành chính", value: 1234, note: "Trực tuyến 800; trực tiếp, bưu chính 400; kỳ trước chuyển sang 34", source: "records" });
    expect(row("Tỷ lệ hồ sơ giải quyết đúng hạn")).toMatchObject({ value: 98.45, source: "records" });
    expect(row("Số thư xin lỗi do trễ hạn")).toMatchObject({ value: 2, source: "records" });
    expect(row("Tỷ lệ hồ sơ thanh toán trực tuyến")).toMatchObject({ group: "Chính quyền số", value: 75, note: "45/60 hồ sơ", source: "records" });
    expect(row("Số văn bản quy phạm pháp luật ban hành")).toEqual({ group: "Thể chế", label: "Số văn bản quy phạm pháp luật ban hành", unit: "văn bản", value: null, note: "", source: "manual" });
    for (const r of draft.annex) if (r.source === "manual") expect(r.value).toBeNull();
    expect(new Set(draft.annex.map((r) => r.group))).toEqual(new Set(["Chỉ đạo, điều hành", "Thể chế", "Thủ tục hành chính", "Tổ chức bộ máy", "Chế độ công vụ", "Tài chính công", "Chính quyền số"]));
  });
});

describe("a report without one-stop data", () => {
  const draft = buildReportDraft({ ...INPUT, plans: [INPUT.plans[1]], oneStop: null });
  const s = (key: string) => sectionOf(draft.sections, key);

  it("has no Biểu 06, no dossier figures, and dossier rows left to the commune", () => {
    expect(draft.bieu06).toBeNull();
    expect(s("I.4").facts).toEqual([]);
    expect(s("II.2").facts.map((f) => f.ref?.type)).toEqual(["task", "task", "target"]);
    expect(s("II.6").facts.map((f) => f.ref?.type)).toEqual(["task", "target"]);
    const dossierRows = draft.annex.filter((r) => /hồ sơ|phản ánh|thư xin lỗi/.test(r.label));
    expect(dossierRows.length).toBeGreaterThan(8);
    for (const r of dossierRows) expect(r).toMatchObject({ value: null, source: "manual" });
    expect(draft.figures).toMatchObject({ tasks_total: 7, dossiers_received: null, dossiers_resolved: null, on_time_rate: null, online_rate: null, satisfaction_rate: null });
  });

  it("links the tally to the one plan", () => {
    expect(s("I.1").facts[0]).toEqual({
      text: "Kế hoạch CCHC năm 2026 có 7 nhiệm vụ: đã hoàn thành 4 (đúng hạn 3, quá hạn 1); quá hạn chưa hoàn thành 1; đang thực hiện 1; chưa thực hiện 1.",
      ref: { type: "plan", id: "p1" },
    });
  });
});

describe("other windows and empty records", () => {
  it("quý III is not cumulative: tasks done earlier are counted but not listed, shortfalls are those still open or late in the window", () => {
    // As of 14/09/2026 t4 (due 30/06/2026) is overdue.
    const tasks = TASKS.map((t) => (t.id === "t4" ? { ...t, status: "overdue" as const } : t));
    const draft = buildReportDraft({ ...INPUT, window: reportWindow("q3", 2026), tasks, oneStop: null });
    const s = (key: string) => sectionOf(draft.sections, key);
    expect(s("II.2").facts.map((f) => f.text)).toEqual([
      "Số hóa hồ sơ, kết quả giải quyết TTHC (chủ trì: Một cửa, Văn phòng – Thống kê): quá hạn; hạn 30/06/2026; chưa có minh chứng.",
      'Chỉ tiêu "Tỷ lệ hồ sơ giải quyết đúng hạn đạt từ 98 % trở lên": kết quả 96,5 % (tháng 2/2026), có nguy cơ không đạt.',
    ]);
    expect(s("II.2").text).toBe("");
    expect(s("I.1").facts.filter((f) => f.ref?.type === "task").map((f) => f.ref)).toEqual([{ type: "task", id: "t3" }, { type: "task", id: "t4" }]);
    expect(s("I.1").facts[1].text).toBe("Đến ngày 14/09/2026, hoàn thành 4/6 nhiệm vụ đến hạn (66,67 %).");
    expect(draft.figures).toMatchObject({ tasks_total: 7, tasks_due: 6, tasks_overdue: 2, completion_rate: 66.67 });
  });

  it("says so when there is no plan and nothing is due", () => {
    const draft = buildReportDraft({ ...INPUT, plans: [], tasks: [], nextTasks: [], targets: [], oneStop: null });
    const s = (key: string) => sectionOf(draft.sections, key);
    expect(s("opening").facts).toEqual([]);
    expect(s("I.1").facts.map((f) => f.text)).toEqual(["Chưa có kế hoạch CCHC năm 2026 được ban hành.", "Đến ngày 14/03/2026, chưa có nhiệm vụ nào đến hạn."]);
    expect(s("III.2").text).toBe("");
    expect(s("IV").text).toBe("");
    expect(Object.values(draft.figures).every((v) => v === null)).toBe(true);
    expect(draft.annex.every((r) => r.source === "manual" && r.value === null)).toBe(true);
  });
});
