/**
 * The headline figures of a periodic report (ReportDraft.figures) and the
 * words for them, in the order a table of all communes shows them. One map for
 * the province's spreadsheet and any screen that lists the same figures. No
 * dependencies.
 */
export const REPORT_FIGURE_LABELS = {
  tasks_total: "Số nhiệm vụ",
  tasks_due: "Đến hạn",
  tasks_done_on_time: "Hoàn thành đúng hạn",
  tasks_done_late: "Hoàn thành quá hạn",
  tasks_overdue: "Quá hạn chưa hoàn thành",
  completion_rate: "Tỷ lệ hoàn thành (%)",
  targets_met: "Chỉ tiêu đạt",
  targets_at_risk: "Chỉ tiêu có nguy cơ không đạt",
  dossiers_received: "Hồ sơ tiếp nhận",
  dossiers_resolved: "Hồ sơ đã giải quyết",
  on_time_rate: "Tỷ lệ giải quyết hồ sơ đúng hạn (%)",
  online_rate: "Tỷ lệ hồ sơ trực tuyến (%)",
  satisfaction_rate: "Tỷ lệ hài lòng (%)",
} as const;

export type ReportFigureKey = keyof typeof REPORT_FIGURE_LABELS;
export const REPORT_FIGURE_KEYS = Object.keys(REPORT_FIGURE_LABELS) as ReportFigureKey[];

/** The label of a figure; an unknown key is shown as it is. */
export function figureLabel(key: string): string {
  return (REPORT_FIGURE_LABELS as Record<string, string>)[key] ?? key;
}

/** Rates are percentages (0–100) with decimals; the other figures are counts. */
export const isRateFigure = (key: string) => key.endsWith("_rate");

/** Whether a commune sent its report in time, as the province's table says it. */
export const TIMELINESS_LABELS: Record<string, string> = {
  on_time: "Đúng hạn",
  late: "Trễ hạn",
  missing: "Chưa gửi (quá hạn)",
  pending: "Chưa đến hạn",
  not_due: "Chưa đến hạn",
};

export const timelinessLabel = (code: string) => TIMELINESS_LABELS[code] ?? code;
