import { formatViDate } from "../domain/dates.js";
import type { AppliesTo } from "../domain/emulation/types.js";
import { commendationSummary } from "./commendation-docx.js";
import type { CommendationData, CriterionOutcome } from "./inspection-emulation-data.js";
import { addSheet, bodyCell, freezeHeader, headerRows, newWorkbook, titleLine, workbookBytes } from "./xlsx-sheet.js";

/**
 * The commendation proposal of a campaign as a spreadsheet: every
 * participant with the outcome of every criterion (the explanation as the
 * cell's note) and the focal point's decision, and the criteria on a sheet of
 * their own.
 */
export const PROPOSAL_SHEET = "Danh sách đề nghị";
export const CRITERIA_SHEET = "Tiêu chí";

export const OUTCOME_LABEL: Record<CriterionOutcome, string> = { met: "Đạt", missed: "Chưa đạt", na: "Không phát sinh", pending: "Chưa đánh giá" };
export const APPLIES_TO_LABEL: Record<AppliesTo, string> = { unit: "Tập thể", person: "Cá nhân", both: "Tập thể và cá nhân" };
/** A criterion that does not apply to the participant's kind (a person's criterion for a unit). */
export const NOT_APPLICABLE = "Không áp dụng";

const KIND_LABEL = { unit: "Tập thể", person: "Cá nhân" } as const;
const FIXED_HEADERS = ["TT", "Loại", "Tên", "Chức vụ", "Bộ phận"] as const;
const DECISION_HEADERS = ["Đề nghị khen thưởng", "Lý do"] as const;

export async function renderCommendationXlsx(data: CommendationData): Promise<Buffer> {
  const { issuer } = data;
  const wb = await newWorkbook();
  const headers = [...FIXED_HEADERS, ...data.criteria.map((c) => `${c.id}. ${c.label}`), ...DECISION_HEADERS];
  const width = headers.length;
  const ws = addSheet(wb, PROPOSAL_SHEET, [6, 11, 30, 24, 26, ...data.criteria.map(() => 18), 14, 40]);
  titleLine(ws, 1, width, `Danh sách ${commendationSummary(data.campaignTitle)}`.toLocaleUpperCase("vi"), { bold: true, size: 13 });
  titleLine(ws, 2, width, `${issuer.fullName}, thời gian thi đua từ ngày ${formatViDate(data.periodFrom)} đến ngày ${formatViDate(data.periodTo)}`, { italic: true });
  const headerFrom = 4;
  let r = headerRows(ws, headerFrom, width, [headers.map((text) => ({ text }))]);
  freezeHeader(ws, r, headerFrom, 3);
  data.rows.forEach((row, i) => {
    const fixed: Array<[string | number, "center" | "left"]> = [
      [i + 1, "center"], [KIND_LABEL[row.kind], "center"], [row.name.trim(), "left"], [row.title?.trim() ?? "", "left"], [row.unitName.trim(), "left"],
    ];
    fixed.forEach(([value, align], c) => bodyCell(ws.getCell(r, c + 1), value, { align }));
    data.criteria.forEach((criterion, j) => {
      const cell = ws.getCell(r, FIXED_HEADERS.length + 1 + j);
      const result = row.results.find((res) => res.criterionId === criterion.id);
      const applies = criterion.appliesTo === "both" || criterion.appliesTo === row.kind;
      bodyCell(cell, result && applies ? OUTCOME_LABEL[result.outcome] : NOT_APPLICABLE, { align: "center" });
      if (result && applies && result.text.trim()) cell.note = result.text.trim().normalize("NFC");
    });
    bodyCell(ws.getCell(r, width - 1), row.included ? "Có" : "Không", { align: "center", bold: row.included });
    bodyCell(ws.getCell(r, width), row.reason?.trim() ?? "");
    r++;
  });
  ws.autoFilter = { from: { row: headerFrom, column: 1 }, to: { row: headerFrom, column: width } };

  const criteria = addSheet(wb, CRITERIA_SHEET, [10, 80, 22]);
  titleLine(criteria, 1, 3, "TIÊU CHÍ THI ĐUA", { bold: true, size: 13 });
  let c = headerRows(criteria, 3, 3, [["Mã", "Nội dung", "Áp dụng cho"].map((text) => ({ text }))]);
  freezeHeader(criteria, c, 3);
  for (const criterion of data.criteria) {
    bodyCell(criteria.getCell(c, 1), criterion.id, { align: "center" });
    bodyCell(criteria.getCell(c, 2), criterion.label.trim());
    bodyCell(criteria.getCell(c, 3), APPLIES_TO_LABEL[criterion.appliesTo], { align: "center" });
    c++;
  }
  return workbookBytes(wb);
}
