/**
 * The statistics annex of a report (Phụ lục: số liệu kết quả CCHC, reporting.md
 * A4): rows grouped by area, computed where the records hold them, else left
 * for the commune to fill (value null, source "manual").
 */
import { AREAS, type AreaCode } from "../areas.js";
import { indicatorInfo } from "../indicators/catalogue.js";
import type { Rates } from "../indicators/compute.js";
import { bieu06Rates } from "./bieu06.js";
import { viDate, viNumber as n } from "./format.js";
import type { DraftContext } from "./section.js";
import type { AnnexRow } from "./types.js";

const groupOf = (area: AreaCode) => AREAS.find((a) => a.code === area)!.short;

/** Rows no record holds: label and unit. */
function manual(area: AreaCode, rows: Array<[label: string, unit: string]>): AnnexRow[] {
  return rows.map(([label, unit]) => ({ group: groupOf(area), label, unit, value: null, note: "", source: "manual" }));
}

type Computed = [label: string, unit: string, value: () => number | null, note?: () => string];
/** Rows computed from a source (the plan, the one-stop data); without the source they are left to the commune. */
function computed(area: AreaCode, available: boolean, rows: Computed[]): AnnexRow[] {
  if (!available) return manual(area, rows.map(([label, unit]) => [label, unit]));
  return rows.map(([label, unit, value, note]) => ({ group: groupOf(area), label, unit, value: value(), note: note?.() ?? "", source: "records" }));
}

function planRows({ input, tally }: DraftContext): AnnexRow[] {
  const rateNote = () => (tally.due ? `Trên số nhiệm vụ đến hạn đến ngày ${viDate(input.window.to)} (${n(tally.doneOfDue)}/${n(tally.due)})` : "Chưa có nhiệm vụ đến hạn");
  return computed("chi-dao-dieu-hanh", input.plans.length > 0, [
    ["Số nhiệm vụ trong kế hoạch CCHC", "nhiệm vụ", () => tally.total],
    ["Số nhiệm vụ đã hoàn thành đúng hạn", "nhiệm vụ", () => tally.doneOnTime],
    ["Số nhiệm vụ đã hoàn thành quá hạn", "nhiệm vụ", () => tally.doneLate],
    ["Số nhiệm vụ quá hạn chưa hoàn thành", "nhiệm vụ", () => tally.overdue],
    ["Tỷ lệ hoàn thành kế hoạch", "%", () => tally.completionRate, rateNote],
  ]);
}

/** The year's self-inspection to the window's end, when the commune keeps an inspection plan. */
function inspectionRows({ input }: DraftContext): AnnexRow[] {
  const i = input.reform?.inspection ?? null;
  return computed("chi-dao-dieu-hanh", i !== null, [
    ["Số cơ quan, bộ phận được kiểm tra", "cơ quan, bộ phận", () => i!.units.inspected,
      () => `${n(i!.units.inspected)}/${n(i!.units.total)} bộ phận; chỉ tiêu kế hoạch kiểm tra ${n(i!.targetShare)} %`],
    ["Số tồn tại phát hiện qua kiểm tra", "tồn tại", () => i!.findings.total],
    ["Số tồn tại đã xử lý", "tồn tại", () => i!.findings.handled,
      () => (i!.findings.total ? `Đã khắc phục ${n(i!.findings.handled - i!.findings.escalated)}; kiến nghị cấp có thẩm quyền xử lý ${n(i!.findings.escalated)}` : "")],
  ]);
}

function dossierRows({ input, bieu06Total: t }: DraftContext): AnnexRow[] {
  const c = input.oneStop?.counts;
  return computed("thu-tuc-hanh-chinh", t !== null && c !== undefined, [
    ["Số hồ sơ nhận giải quyết", "hồ sơ", () => t!.received.total,
      () => `Trực tuyến ${n(t!.received.online)}; trực tiếp, bưu chính ${n(t!.received.direct)}; kỳ trước chuyển sang ${n(t!.received.carried)}`],
    ["Số hồ sơ giải quyết trước hạn", "hồ sơ", () => t!.resolved.early],
    ["Số hồ sơ giải quyết đúng hạn", "hồ sơ", () => t!.resolved.onTime],
    ["Số hồ sơ giải quyết quá hạn", "hồ sơ", () => t!.resolved.late],
    ["Số hồ sơ đang giải quyết", "hồ sơ", () => t!.pending.total, () => `Trong hạn ${n(t!.pending.withinTime)}; quá hạn ${n(t!.pending.overdue)}`],
    ["Tỷ lệ hồ sơ giải quyết đúng hạn", "%", () => bieu06Rates(t!).onTime, () => "(Trước hạn + đúng hạn) / đã giải quyết"],
    ["Số phản ánh, kiến nghị tiếp nhận", "phản ánh, kiến nghị", () => c!.feedback.received],
    ["Số phản ánh, kiến nghị đã xử lý", "phản ánh, kiến nghị", () => c!.feedback.resolved_on_time + c!.feedback.resolved_late],
    ["Số thư xin lỗi do trễ hạn", "thư", () => c!.apology_letters],
  ]);
}

function digitalRows({ input }: DraftContext): AnnexRow[] {
  const rates = input.oneStop?.rates;
  const rateRow = (key: keyof Rates): Computed => [indicatorInfo(key)!.label, "%", () => rates![key].rate, () => {
    const r = rates![key];
    return r.denominator ? `${n(r.numerator)}/${n(r.denominator)} hồ sơ` : "Không có hồ sơ để tính";
  }];
  return computed("chinh-quyen-so", rates !== undefined, [rateRow("online_submission"), rateRow("fully_online"), rateRow("digitised_dossiers"), rateRow("online_payment")]);
}

export function annexRows(ctx: DraftContext): AnnexRow[] {
  return [
    ...planRows(ctx),
    ...manual("chi-dao-dieu-hanh", [["Số văn bản chỉ đạo, điều hành CCHC đã ban hành", "văn bản"]]),
    ...inspectionRows(ctx),
    ...manual("chi-dao-dieu-hanh", [["Số tin, bài, hình thức tuyên truyền", "tin, bài"]]),
    ...manual("the-che", [
      ["Số văn bản quy phạm pháp luật ban hành", "văn bản"],
      ["Số văn bản được rà soát", "văn bản"],
      ["Số văn bản phát hiện sai, đề nghị xử lý", "văn bản"],
    ]),
    ...manual("thu-tuc-hanh-chinh", [
      ["Số TTHC thuộc thẩm quyền giải quyết", "thủ tục"],
      ["Số TTHC được công khai", "thủ tục"],
      ["Số TTHC đề xuất cắt giảm, đơn giản hóa", "thủ tục"],
    ]),
    ...dossierRows(ctx),
    ...manual("to-chuc-bo-may", [["Số bộ phận chuyên môn", "bộ phận"], ["Biên chế được giao", "người"], ["Biên chế có mặt", "người"]]),
    ...manual("cong-vu", [
      ["Số cán bộ, công chức", "người"],
      ["Số lượt cán bộ, công chức được đào tạo, bồi dưỡng", "lượt"],
      ["Số cán bộ, công chức bị xử lý kỷ luật", "người"],
    ]),
    ...manual("tai-chinh-cong", [["Dự toán ngân sách được giao", "triệu đồng"], ["Tỷ lệ giải ngân", "%"], ["Số đơn vị sự nghiệp tự chủ tài chính", "đơn vị"]]),
    ...manual("chinh-quyen-so", [
      ["Tỷ lệ văn bản điện tử", "%"],
      ["Tỷ lệ văn bản được ký số", "%"],
      ["Số dịch vụ công trực tuyến toàn trình", "dịch vụ"],
      ["Số dịch vụ công trực tuyến một phần", "dịch vụ"],
    ]),
    ...digitalRows(ctx),
  ];
}
