import type { FileChild } from "docx";
import { formatViDate } from "../domain/dates.js";
import { fold } from "../domain/text.js";
import { attachedToText } from "./appendix.js";
import { dataTable, type Column, type DataRow } from "./data-table.js";
import { packDocx } from "./docx-file.js";
import { headerBlock } from "./header-block.js";
import type { CommendationData } from "./inspection-emulation-data.js";
import { LANDSCAPE_TEXT_WIDTH, TYPE_ABBREVIATION } from "./nd30.js";
import { bodyText, heading, spacer } from "./paragraphs.js";
import { landscapeSection } from "./sections.js";
import { closingBlock } from "./signer-block.js";
import { titleBlock } from "./title-block.js";
import { lowerFirst, placeDateLine, summaryOf, withoutEndMark } from "./wording.js";

/**
 * The commendation proposal of an emulation campaign (danh sách đề nghị khen
 * thưởng) as a DOCX attached to the Tờ trình: A4 landscape, the header block
 * with the place and date, "DANH SÁCH" and its trích yếu, "(Kèm theo Tờ
 * trình số …/TTr-UBND ngày …)", the campaign's period, then I. Tập thể and
 * II. Cá nhân with the participants proposed, the criteria each met and the
 * reason where the focal point decided against the computed proposal, then
 * the signature.
 */
type Row = CommendationData["rows"][number];

/** "Tập thể, cá nhân đề nghị khen thưởng trong phong trào thi đua <campaign>", without a repeated "Phong trào thi đua". */
export function commendationSummary(campaignTitle: string): string {
  return `Tập thể, cá nhân đề nghị khen thưởng trong phong trào thi đua ${lowerFirst(summaryOf(campaignTitle, "Phong trào thi đua"))}`;
}

/** "Thành tích đạt được": the labels of the criteria the participant met, one "- …" line each. */
export function achievements(data: CommendationData, row: Row): string {
  const met = new Set(row.results.filter((r) => r.outcome === "met").map((r) => r.criterionId));
  return data.criteria.filter((c) => met.has(c.id)).map((c) => `- ${withoutEndMark(c.label)}`).join("\n");
}

// Widths across the landscape text width; "Thành tích đạt được" takes what the others leave.
const TT = 700;
const NOTE = 3000;
const UNIT_NAME = 3800;
const PERSON = { name: 2600, post: 3200 };
const UNIT_COLUMNS: Column[] = [
  { header: "TT", width: TT, align: "center" },
  { header: "Tên tập thể", width: UNIT_NAME },
  { header: "Thành tích đạt được", width: LANDSCAPE_TEXT_WIDTH - TT - UNIT_NAME - NOTE },
  { header: "Ghi chú", width: NOTE },
];
const PERSON_COLUMNS: Column[] = [
  { header: "TT", width: TT, align: "center" },
  { header: "Họ và tên", width: PERSON.name },
  { header: "Chức vụ, đơn vị", width: PERSON.post },
  { header: "Thành tích đạt được", width: LANDSCAPE_TEXT_WIDTH - TT - PERSON.name - PERSON.post - NOTE },
  { header: "Ghi chú", width: NOTE },
];

/** "Công chức, Tư pháp – Hộ tịch"; the title alone when it already names the unit ("Công chức Tư pháp – Hộ tịch"), the unit alone without a title. */
export function postOf(row: Pick<Row, "title" | "unitName">): string {
  const title = row.title?.trim() ?? "";
  const unit = row.unitName.trim();
  if (title && fold(title).includes(fold(unit))) return title;
  return [title, unit].filter(Boolean).join(", ");
}

function group(data: CommendationData, kind: Row["kind"]): FileChild[] {
  const rows = data.rows.filter((r) => r.included && r.kind === kind);
  if (!rows.length) return [bodyText("Không có.")];
  const body: DataRow[] = rows.map((r, i) => ({
    kind: "row",
    cells: kind === "unit"
      ? [String(i + 1), r.name.trim(), achievements(data, r), r.reason?.trim() ?? ""]
      : [String(i + 1), r.name.trim(), postOf(r), achievements(data, r), r.reason?.trim() ?? ""],
  }));
  return [dataTable(kind === "unit" ? UNIT_COLUMNS : PERSON_COLUMNS, body, { keepRowsWhole: true }), spacer(120)];
}

export async function renderCommendationDocx(data: CommendationData): Promise<Buffer> {
  const { issuer } = data;
  const summary = commendationSummary(data.campaignTitle);
  const attachedTo = attachedToText({ typeName: "Tờ trình", typeAbbreviation: TYPE_ABBREVIATION.submission, number: null, issuedDate: null, issuer });
  const included = data.rows.filter((r) => r.included);
  const units = included.filter((r) => r.kind === "unit").length;
  const header = [Math.round(LANDSCAPE_TEXT_WIDTH * 0.38), LANDSCAPE_TEXT_WIDTH - Math.round(LANDSCAPE_TEXT_WIDTH * 0.38)] as const;
  const children: FileChild[] = [
    // A list attached to a Tờ trình carries no number of its own.
    headerBlock({ upperIssuer: issuer.upperLine, issuerLines: issuer.headerLines, numberLine: null, placeDateLine: placeDateLine(issuer.place, data.date), columns: header }),
    ...titleBlock({ typeName: "Danh sách", summary, note: `(${attachedTo})`, containerWidth: LANDSCAPE_TEXT_WIDTH }),
    bodyText(`Thời gian thi đua: từ ngày ${formatViDate(data.periodFrom)} đến ngày ${formatViDate(data.periodTo)}. Đề nghị khen thưởng ${units} tập thể, ${included.length - units} cá nhân.`),
    heading("I. Tập thể"),
    ...group(data, "unit"),
    heading("II. Cá nhân"),
    ...group(data, "person"),
    spacer(120),
    // The signature under the national name, as wide as its column; no "Nơi nhận:" on an attached list.
    closingBlock([], data.signer, header),
  ];
  return packDocx({ title: `Danh sách ${lowerFirst(summary)}`, creator: issuer.fullName, sections: [landscapeSection(children, { newPage: false })] });
}
