import type { Bieu06Row, ReportDraft } from "../../src/domain/reports/types.js";

/**
 * A hand-made report draft of xã Tỉnh Khê for quý I năm 2026, shaped like the
 * builder's output: an opening, two level-1 parts with level-2 children,
 * facts, text with dash items, the annex with computed and manual rows and
 * Biểu 06 with two fields and the total.
 */
const bieu = (field: string, r: [number, number, number], s: [number, number, number], p: [number, number]): Bieu06Row => ({
  field,
  received: { total: r[0] + r[1] + r[2], online: r[0], direct: r[1], carried: r[2] },
  resolved: { total: s[0] + s[1] + s[2], early: s[0], onTime: s[1], late: s[2] },
  pending: { total: p[0] + p[1], withinTime: p[0], overdue: p[1] },
});

export const HOTICH = bieu("Hộ tịch", [812, 430, 25], [700, 402, 8], [150, 7]);
export const DATDAI = bieu("Đất đai", [96, 120, 14], [80, 101, 12], [33, 4]);
const TOTAL: Bieu06Row = {
  field: "Tổng cộng",
  received: { total: HOTICH.received.total + DATDAI.received.total, online: 908, direct: 550, carried: 39 },
  resolved: { total: HOTICH.resolved.total + DATDAI.resolved.total, early: 780, onTime: 503, late: 20 },
  pending: { total: 194, withinTime: 183, overdue: 11 },
};

export const SAMPLE_DRAFT: ReportDraft = {
  title: "Kết quả thực hiện công tác cải cách hành chính quý I năm 2026",
  window: { kind: "q1", year: 2026, from: "2025-12-15", to: "2026-03-14", label: "quý I năm 2026" },
  sections: [
    {
      key: "opening", number: "", heading: "", level: 1, editable: true,
      facts: [{ text: "Căn cứ Kế hoạch số 12/KH-UBND ngày 15/01/2026 của Ủy ban nhân dân xã Tỉnh Khê về cải cách hành chính năm 2026;", ref: { type: "plan", id: "p1" } }],
      text: "Ủy ban nhân dân xã Tỉnh Khê báo cáo kết quả thực hiện công tác cải cách hành chính quý I năm 2026 như sau:",
    },
    { key: "I", number: "I", heading: "Công tác chỉ đạo, điều hành cải cách hành chính", level: 1, editable: false, facts: [], text: "" },
    {
      key: "I.1", number: "1", heading: "Ban hành và tổ chức thực hiện kế hoạch cải cách hành chính", level: 2, editable: true,
      facts: [
        { text: "Kế hoạch cải cách hành chính năm 2026 có 42 nhiệm vụ; đến hết kỳ báo cáo có 12 nhiệm vụ đến hạn, đã hoàn thành 10 nhiệm vụ (9 đúng hạn, 1 quá hạn), 2 nhiệm vụ quá hạn chưa hoàn thành." },
      ],
      text: "Ủy ban nhân dân xã đã ban hành Kế hoạch và phân công cụ thể cho các bộ phận:\n- Văn phòng – Thống kê: 14 nhiệm vụ;\n- Tư pháp – Hộ tịch: 9 nhiệm vụ;\n\n• Tài chính – Kế toán: 6 nhiệm vụ.",
    },
    {
      key: "I.2", number: "2", heading: "Thông tin, tuyên truyền cải cách hành chính", level: 2, editable: true, facts: [],
      text: "Tổ chức tuyên truyền trên hệ thống loa truyền thanh của xã 24 lượt; cập nhật 6 tin, bài trên Trang thông tin điện tử của xã.",
    },
    { key: "II", number: "II", heading: "Kết quả thực hiện các nhiệm vụ cải cách hành chính", level: 1, editable: false, facts: [], text: "" },
    {
      key: "II.2", number: "2", heading: "Cải cách thủ tục hành chính", level: 2, editable: true,
      facts: [
        { text: "Tiếp nhận 1.497 hồ sơ thủ tục hành chính (trực tuyến 908 hồ sơ, đạt 62,28%); đã giải quyết 1.303 hồ sơ, trong đó trước hạn và đúng hạn 1.283 hồ sơ, đạt 98,47%.", ref: { type: "dossiers", from: "2025-12-15", to: "2026-03-14" } },
      ],
      text: "- Niêm yết công khai đầy đủ thủ tục hành chính tại Bộ phận Một cửa;\n- Thực hiện số hóa hồ sơ, kết quả giải quyết thủ tục hành chính.",
    },
    {
      key: "II.6", number: "6", heading: "Xây dựng và phát triển chính quyền điện tử, chính quyền số", level: 2, editable: true,
      facts: [{ text: "Tỷ lệ văn bản điện tử được ký số đạt 97,5%." }],
      text: "",
    },
  ],
  annex: [
    { group: "Công tác chỉ đạo, điều hành", label: "Số nhiệm vụ trong kế hoạch cải cách hành chính", unit: "Nhiệm vụ", value: 42, note: "", source: "records" },
    { group: "Công tác chỉ đạo, điều hành", label: "Tỷ lệ hoàn thành kế hoạch (trên số nhiệm vụ đến hạn)", unit: "%", value: 83.33, note: "10/12 nhiệm vụ", source: "records" },
    { group: "Công tác chỉ đạo, điều hành", label: "Số tin, bài, hình thức tuyên truyền", unit: "Tin, bài", value: null, note: "Bộ phận cập nhật", source: "manual" },
    { group: "Cải cách thủ tục hành chính", label: "Số hồ sơ tiếp nhận", unit: "Hồ sơ", value: 1497, note: "", source: "records" },
    { group: "Cải cách thủ tục hành chính", label: "Tỷ lệ hồ sơ giải quyết đúng hạn", unit: "%", value: 98.47, note: "", source: "records" },
    { group: "Cải cách chế độ công vụ", label: "Số lượt cán bộ, công chức được đào tạo, bồi dưỡng", unit: "Lượt", value: null, note: "", source: "manual" },
  ],
  bieu06: { rows: [HOTICH, DATDAI], total: TOTAL },
  figures: { tasks_total: 42, tasks_due: 12, completion_rate: 83.33, dossiers_received: 1497, on_time_rate: 98.47 },
};

export const SAMPLE_INPUT = {
  draft: SAMPLE_DRAFT,
  commune: { name: "UBND xã Tỉnh Khê", province: "Tỉnh Minh Hòa" },
  number: "7/BC-UBND",
  issuedDate: "2026-03-16",
  recipients: ["Ủy ban nhân dân tỉnh Minh Hòa", "Sở Nội vụ tỉnh Minh Hòa"],
  signer: { name: "Võ Minh Chính", title: "Chủ tịch" },
  version: 2,
};
