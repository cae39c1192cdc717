import type { FileChild, ISectionOptions, Paragraph } from "docx";
import type { IsoDate } from "../domain/dates.js";
import type { ReportDraft, ReportSection } from "../domain/reports/types.js";
import { fold } from "../domain/text.js";
import { appendixLabel, appendixSection, attachedToText } from "./appendix.js";
import { dataTable, type Column, type DataRow } from "./data-table.js";
import { documentHead } from "./document-head.js";
import { packDocx } from "./docx-file.js";
import { communeIssuer, type IssuerNames } from "./issuer.js";
import { layoutTable } from "./layout-table.js";
import { AS_ADDRESSED, END_MARK, LANDSCAPE_TEXT_WIDTH, SIZE, TEXT_WIDTH, TYPE_ABBREVIATION } from "./nd30.js";
import { bodyText, cellText, heading, spacer, subheading } from "./paragraphs.js";
import { addresseesBlock, recipientsBlock } from "./recipients-block.js";
import { ANNEX_HEADERS, ANNEX_TITLE, BIEU06, BIEU06_HEADER, annexGroups, bieu06Lines, periodLine } from "./report-tables.js";
import { portraitSection } from "./sections.js";
import { closingBlock, type Signer } from "./signer-block.js";
import { lowerFirst, summaryOf, viNumberText, withoutEndMark } from "./wording.js";

/**
 * A periodic PAR report (báo cáo CCHC định kỳ) as a DOCX laid out per Nghị
 * định 30/2020/NĐ-CP (reporting reference A6, Part B): header block with
 * "Số: …/BC-UBND", "BÁO CÁO" and the trích yếu, "Kính gửi:", the draft's
 * sections (I. caps bold, 1. bold, facts and text as body paragraphs), the
 * closing sentence pointing to the appendices, signature and "Nơi nhận:";
 * then Phụ lục I, the figures by area, and Phụ lục II, Biểu số 06/VPCP/KSTT,
 * each on landscape pages numbered from 1.
 */
export interface ReportDocumentInput {
  draft: ReportDraft;
  /** The commune as stored ("UBND xã Tỉnh Khê") and its province ("Tỉnh Minh Hòa"). */
  commune: { name: string; province: string | null };
  number: string | null;
  issuedDate: IsoDate | null;
  /** The "Kính gửi:" lines (the province's settings); none leaves the block and "- Như trên;" out. */
  recipients: string[];
  signer: Signer;
  /** The report's version, kept in the file's properties. */
  version?: number;
}

const TYPE_NAME = "Báo cáo";

type Block = { kind: "heading" | "subheading" | "body"; text: string };

/** "I. Công tác chỉ đạo …", "1. Cải cách thể chế"; the heading alone when the section has no number. */
function headingText(section: ReportSection): string {
  const number = section.number.trim().replace(/[.)]$/, "");
  return number ? `${number}. ${section.heading.trim()}` : section.heading.trim();
}

/** A line a person wrote: "- …", "– …", "• …" and "* …" are dash items, printed "- …"; other lines as they are. */
function textLine(line: string): string {
  const item = /^[-–•*]\s+(.*)$/u.exec(line);
  return item ? `- ${item[1].trim()}` : line;
}

/** The blocks of a section: its heading (none for the opening), the facts, then the text, one paragraph per line. */
function sectionBlocks(section: ReportSection): Block[] {
  const out: Block[] = [];
  const title = headingText(section);
  if (title) out.push({ kind: section.level === 1 ? "heading" : "subheading", text: title });
  for (const fact of section.facts) if (fact.text.trim()) out.push({ kind: "body", text: fact.text.trim() });
  for (const line of section.text.split(/\r?\n/)) if (line.trim()) out.push({ kind: "body", text: textLine(line.trim()) });
  return out;
}

/**
 * The body ends with "./." (B3): on a closing sentence the text already has
 * ("Trên đây là …"), else on one added that names the report and its appendices.
 */
function withClosing(blocks: Block[], summary: string, issuer: IssuerNames, appendices: string[]): Block[] {
  const last = blocks.at(-1);
  if (last?.kind === "body" && fold(last.text).startsWith("tren day la")) {
    return [...blocks.slice(0, -1), { kind: "body", text: `${withoutEndMark(last.text)}${END_MARK}` }];
  }
  const annexes = appendices.length ? ` (số liệu chi tiết tại ${appendices.join(", ")} kèm theo)` : "";
  return [...blocks, { kind: "body", text: `Trên đây là báo cáo ${lowerFirst(withoutEndMark(summary))} của ${issuer.fullName}${annexes}${END_MARK}` }];
}

function paragraph(block: Block): Paragraph {
  switch (block.kind) {
    case "heading": return heading(block.text);
    case "subheading": return subheading(block.text);
    default: return bodyText(block.text);
  }
}

function mainText(input: ReportDocumentInput, issuer: IssuerNames, summary: string, appendices: string[]): FileChild[] {
  const blocks = withClosing(input.draft.sections.flatMap(sectionBlocks), summary, issuer, appendices);
  const addressed = input.recipients.some((r) => r.trim());
  const recipients = recipientsBlock([
    ...(addressed ? [AS_ADDRESSED] : []),
    `TT Đảng ủy, HĐND ${issuer.unitKind}`,
    `CT, các PCT UBND ${issuer.unitKind}`,
  ], "VP");
  return [
    ...documentHead({ issuer, typeName: TYPE_NAME, typeAbbreviation: TYPE_ABBREVIATION.report, number: input.number, issuedDate: input.issuedDate, summary }),
    ...addresseesBlock(input.recipients, TEXT_WIDTH),
    ...blocks.map(paragraph),
    spacer(120),
    closingBlock(recipients, input.signer),
  ];
}

/** Phụ lục I: STT | Chỉ tiêu / Nội dung | Đơn vị tính | Kết quả | Ghi chú; the "Ghi chú" column takes what the others leave. */
const ANNEX_WIDTHS = [800, 6600, 1500, 1700];
const ANNEX_COLUMNS: Column[] = ANNEX_HEADERS.map((header, i) => ({
  header,
  width: ANNEX_WIDTHS[i] ?? LANDSCAPE_TEXT_WIDTH - ANNEX_WIDTHS.reduce((a, b) => a + b, 0),
  align: i === 0 || i === 2 || i === 3 ? "center" : "left",
}));

function annexTable(draft: ReportDraft): FileChild[] {
  const rows: DataRow[] = [];
  for (const g of annexGroups(draft.annex)) {
    rows.push({ kind: "group", number: g.number, label: g.name });
    for (const { number, row } of g.rows) {
      // A row the commune fills in by hand stays empty until then.
      const value = row.value === null ? "" : viNumberText(row.value);
      rows.push({ kind: "row", cells: [number, row.label, row.unit, value, row.note] });
    }
  }
  if (!rows.length) return [bodyText("Kỳ báo cáo chưa có số liệu.")];
  return [dataTable(ANNEX_COLUMNS, rows)];
}

/** Biểu 06: STT and the field, then 11 columns of counts sharing what is left of the landscape width. */
const BIEU06_FIXED = { stt: 700, field: 2700 };
const COUNT_WIDTH = Math.floor((LANDSCAPE_TEXT_WIDTH - BIEU06_FIXED.stt - BIEU06_FIXED.field) / (BIEU06.columnCount - 2));
const BIEU06_COLUMNS: Column[] = [
  { header: "STT", width: BIEU06_FIXED.stt, align: "center" },
  { header: "Lĩnh vực", width: LANDSCAPE_TEXT_WIDTH - BIEU06_FIXED.stt - COUNT_WIDTH * (BIEU06.columnCount - 2), align: "left" },
  ...Array.from({ length: BIEU06.columnCount - 2 }, (_, i): Column => ({ header: `(${i + 3})`, width: COUNT_WIDTH, align: "center" })),
];

function bieu06Table(bieu06: NonNullable<ReportDraft["bieu06"]>): FileChild[] {
  const rows: DataRow[] = bieu06Lines(bieu06).map((l) => ({ kind: "row", bold: l.total, cells: [l.number, l.field, ...l.values.map((v) => viNumberText(v))] }));
  const [left, right] = [Math.round(LANDSCAPE_TEXT_WIDTH / 2), LANDSCAPE_TEXT_WIDTH - Math.round(LANDSCAPE_TEXT_WIDTH / 2)];
  return [
    // The form's number on the left, the unit on the right, over the table.
    layoutTable([left, right], [[
      [cellText(BIEU06.form, { bold: true, size: SIZE.table })],
      [cellText(BIEU06.unitLine, { italics: true, size: SIZE.table, align: "right" })],
    ]]),
    spacer(80),
    dataTable(BIEU06_COLUMNS, rows, { headerRows: BIEU06_HEADER }),
  ];
}

export async function renderReportDocx(input: ReportDocumentInput): Promise<Buffer> {
  const issuer = communeIssuer(input.commune.name, input.commune.province);
  const { draft } = input;
  const summary = summaryOf(draft.title, TYPE_NAME);
  const count = draft.bieu06 ? 2 : 1;
  const labels = Array.from({ length: count }, (_, i) => appendixLabel(i, count));
  const attachedTo = attachedToText({ typeName: TYPE_NAME, typeAbbreviation: TYPE_ABBREVIATION.report, number: input.number, issuedDate: input.issuedDate, issuer });
  const sections: ISectionOptions[] = [
    portraitSection(mainText(input, issuer, summary, labels)),
    appendixSection({ label: labels[0], title: ANNEX_TITLE, attachedTo, children: annexTable(draft) }),
  ];
  if (draft.bieu06) {
    sections.push(appendixSection({ label: labels[1], title: BIEU06.title, subtitle: [periodLine(draft.window)], attachedTo, children: bieu06Table(draft.bieu06) }));
  }
  return packDocx({ title: `${TYPE_NAME} ${lowerFirst(summary)}`, creator: issuer.fullName, sections, revision: input.version });
}
