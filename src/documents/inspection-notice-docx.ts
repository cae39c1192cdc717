import type { FileChild } from "docx";
import { formatViDate } from "../domain/dates.js";
import { dataTable, type Column, type DataRow } from "./data-table.js";
import { documentHead } from "./document-head.js";
import { packDocx } from "./docx-file.js";
import type { InspectionNoticeData } from "./inspection-emulation-data.js";
import type { IssuerNames } from "./issuer.js";
import { END_MARK, TEXT_WIDTH, TYPE_ABBREVIATION } from "./nd30.js";
import { bodyText, heading, spacer } from "./paragraphs.js";
import { recipientsBlock } from "./recipients-block.js";
import { portraitSection } from "./sections.js";
import { closingBlock } from "./signer-block.js";
import { listItems, withoutEndMark } from "./wording.js";

/**
 * The conclusion notice of one inspection (thông báo kết luận kiểm tra) as a
 * DOCX laid out per Nghị định 30/2020/NĐ-CP: header block with
 * "Số: …/TB-UBND", "THÔNG BÁO" and its trích yếu, the opening, I. Thành phần
 * Tổ kiểm tra, II. Nội dung kiểm tra, III. Kết luận, IV. the findings with
 * what must be fixed by when, the signature and "Nơi nhận:". A4 portrait.
 */
const TYPE_NAME = "Thông báo";

export const SEVERITY_LABEL = { minor: "Nhẹ", moderate: "Trung bình", serious: "Nghiêm trọng" } as const;

export const NO_FINDINGS = "Không phát hiện tồn tại, hạn chế.";

/** "Kết luận kiểm tra công tác cải cách hành chính năm 2026 tại Công chức Tư pháp – Hộ tịch". */
export const noticeSummary = (data: Pick<InspectionNoticeData, "year" | "unitInspected">) =>
  `Kết luận kiểm tra công tác cải cách hành chính năm ${data.year} tại ${data.unitInspected.trim()}`;

/** TT | Nội dung tồn tại, hạn chế | Lĩnh vực | Mức độ | Bộ phận chịu trách nhiệm | Hạn khắc phục; the description takes what the others leave. */
const FIXED = { tt: 550, area: 1400, severity: 1560, unit: 1700, due: 1350 };
const FINDING_COLUMNS: Column[] = [
  { header: "TT", width: FIXED.tt, align: "center" },
  { header: "Nội dung tồn tại, hạn chế", width: TEXT_WIDTH - Object.values(FIXED).reduce((a, b) => a + b, 0) },
  { header: "Lĩnh vực", width: FIXED.area },
  { header: "Mức độ", width: FIXED.severity, align: "center" },
  { header: "Bộ phận chịu trách nhiệm", width: FIXED.unit },
  { header: "Hạn khắc phục", width: FIXED.due, align: "center" },
];

/** Non-empty lines of a text a person wrote, each its own paragraph. */
const textLines = (text: string) => text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);

function findingsPart(data: InspectionNoticeData): FileChild[] {
  if (!data.findings.length) return [bodyText(NO_FINDINGS)];
  const rows: DataRow[] = data.findings.map((f, i) => ({
    kind: "row",
    cells: [String(i + 1), f.description.trim(), f.areaName?.trim() ?? "", SEVERITY_LABEL[f.severity], f.responsibleUnit.trim(), formatViDate(f.fixDue)],
  }));
  return [dataTable(FINDING_COLUMNS, rows, { keepRowsWhole: true }), spacer(120)];
}

/** The closing sentence: the units that must fix something are asked to report by the deadlines; with no finding, to keep up the work. */
function closing(data: InspectionNoticeData, issuer: IssuerNames): string {
  const units = [...new Set(data.findings.map((f) => f.responsibleUnit.trim()))];
  if (!units.length) {
    return `Đề nghị ${data.unitInspected.trim()} tiếp tục phát huy kết quả đạt được, thực hiện tốt các nhiệm vụ cải cách hành chính được giao${END_MARK}`;
  }
  return `${issuer.fullName} yêu cầu ${units.join(", ")} nghiêm túc khắc phục các tồn tại, hạn chế nêu trên; báo cáo kết quả khắc phục về Ủy ban nhân dân ${issuer.unitKind} (qua công chức đầu mối cải cách hành chính) trước hạn khắc phục của từng nội dung${END_MARK}`;
}

export async function renderInspectionNotice(data: InspectionNoticeData): Promise<Buffer> {
  const { issuer } = data;
  const summary = noticeSummary(data);
  const team = data.team.map((m) => m.trim()).filter(Boolean);
  const content = textLines(data.content);
  const conclusion = textLines(data.conclusion);
  const children: FileChild[] = [
    ...documentHead({ issuer, typeName: TYPE_NAME, typeAbbreviation: TYPE_ABBREVIATION.notice, number: data.number, issuedDate: data.date, summary }),
    bodyText(
      `Thực hiện Kế hoạch kiểm tra công tác cải cách hành chính năm ${data.year} của ${issuer.fullName}, từ ngày ${formatViDate(data.plannedFrom)} đến ngày ${formatViDate(data.plannedTo)}, `
      + `Tổ kiểm tra đã kiểm tra công tác cải cách hành chính tại ${data.unitInspected.trim()}; ngày kiểm tra: ${formatViDate(data.conductedOn)}. `
      + `${issuer.fullName} thông báo kết luận kiểm tra như sau:`,
    ),
    heading("I. Thành phần Tổ kiểm tra"),
    ...(team.length ? listItems(team).map((m) => bodyText(`- ${m}`)) : [bodyText("Không ghi nhận thành phần Tổ kiểm tra.")]),
    heading("II. Nội dung kiểm tra"),
    ...(content.length ? content : ["Kiểm tra việc thực hiện các nhiệm vụ cải cách hành chính được giao."]).map(bodyText),
    heading("III. Kết luận"),
    ...conclusion.map(bodyText),
    heading("IV. Tồn tại, hạn chế và yêu cầu khắc phục"),
    ...findingsPart(data),
    bodyText(closing(data, issuer)),
    spacer(120),
    closingBlock(recipientsBlock(data.recipients.map(withoutEndMark).filter(Boolean), null), data.signer),
  ];
  return packDocx({ title: `${TYPE_NAME} ${summary}`, creator: issuer.fullName, sections: [portraitSection(children)] });
}
