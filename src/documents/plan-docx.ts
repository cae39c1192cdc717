import type { FileChild, ISectionOptions, Paragraph } from "docx";
import { AREAS } from "../domain/areas.js";
import { formatViDate, type IsoDate } from "../domain/dates.js";
import { fold } from "../domain/text.js";
import type { PLAN_TYPES } from "../db/schema.js";
import { dataTable, type Column, type DataRow } from "./data-table.js";
import { packDocx } from "./docx-file.js";
import { appendixLabel, appendixSection, attachedToText } from "./appendix.js";
import { documentHead } from "./document-head.js";
import { communeIssuer, type IssuerNames } from "./issuer.js";
import { END_MARK, LANDSCAPE_TEXT_WIDTH, TYPE_ABBREVIATION } from "./nd30.js";
import { basis, bodyText, heading, spacer, subheading } from "./paragraphs.js";
import { recipientsBlock } from "./recipients-block.js";
import { portraitSection } from "./sections.js";
import { closingBlock, type Signer } from "./signer-block.js";
import { listItems, lowerFirst, roman, sentence, summaryOf as withoutTypeName, upperFirst, withoutEndMark } from "./wording.js";

/**
 * The plan (kế hoạch) as a DOCX laid out per Nghị định 30/2020/NĐ-CP: header
 * block, "KẾ HOẠCH" and its trích yếu, the legal bases, I. Mục đích, yêu cầu,
 * II. Chỉ tiêu, III. Nhiệm vụ by reform area, IV. Tổ chức thực hiện, the
 * signature and "Nơi nhận:"; then the task table as a landscape appendix.
 */
export type PlanType = (typeof PLAN_TYPES)[number];

export interface PlanDocumentTask {
  area: string | null;
  title: string;
  /** PAR-index criteria codes (tiêu chí). */
  criteria: string[];
  lead: string[];
  support: string[];
  product: string | null;
  /** The due date as planned. */
  dueDate: IsoDate | null;
  timelineText: string | null;
  recurrence: string | null;
}

export interface PlanDocumentInput {
  type: PlanType;
  title: string;
  year: number;
  number: string | null;
  issuedDate: IsoDate | null;
  /** The commune as stored ("UBND xã Tỉnh Khê") and its province ("Tỉnh Minh Hòa"). */
  communeName: string;
  provinceName: string | null;
  signer: Signer;
  legalBases: string[];
  /** The plan's targets (chỉ tiêu), as written. */
  targets: string[];
  /** In the plan's order. */
  tasks: PlanDocumentTask[];
}

const OTHER_AREA = "Nhiệm vụ khác";

interface AreaGroup { number: string; name: string; tasks: Array<{ number: string; task: PlanDocumentTask }> }

/** Tasks by reform area in the official order (src/domain/areas.ts), unclassified last; numbered 1, 1.1, 1.2 … */
export function groupTasksByArea(tasks: PlanDocumentTask[]): AreaGroup[] {
  const known = new Set<string>(AREAS.map((a) => a.code));
  const order = [...AREAS.map((a) => ({ key: a.code as string | null, name: a.name })), { key: null, name: OTHER_AREA }];
  const groups: AreaGroup[] = [];
  for (const { key, name } of order) {
    const members = tasks.filter((t) => (key === null ? !t.area || !known.has(t.area) : t.area === key));
    if (!members.length) continue;
    const number = String(groups.length + 1);
    groups.push({ number, name, tasks: members.map((task, i) => ({ number: `${number}.${i + 1}`, task })) });
  }
  return groups;
}

/** "Thời gian hoàn thành": the timeline as written for recurring tasks, else the due date, else the words of the plan. */
export function completionText(task: PlanDocumentTask): string {
  if (task.recurrence && task.timelineText) return withoutEndMark(task.timelineText);
  if (task.dueDate) return formatViDate(task.dueDate);
  return task.timelineText ? withoutEndMark(task.timelineText) : "";
}

/** The trích yếu: the title as stored, without a leading "Kế hoạch" that the type line already says. */
const summaryOf = (title: string) => withoutTypeName(title, "Kế hoạch");

/** The plan holds no purpose or requirements of its own: a short generic text per plan type. */
function purposeOf(input: PlanDocumentInput, issuer: IssuerNames): string {
  switch (input.type) {
    case "annual":
      return `Triển khai thực hiện đồng bộ, hiệu quả các nhiệm vụ cải cách hành chính năm ${input.year} của ${issuer.fullName}; nâng cao Chỉ số cải cách hành chính và chất lượng phục vụ người dân, tổ chức.`;
    case "remediation":
      return `Khắc phục kịp thời, dứt điểm các tồn tại, hạn chế đã được chỉ ra trong công tác cải cách hành chính của ${issuer.fullName}; nâng cao chất lượng, hiệu quả thực hiện nhiệm vụ.`;
    case "emulation":
      return `Phát động và tổ chức phong trào thi đua thực hiện thắng lợi các nhiệm vụ cải cách hành chính năm ${input.year} trên địa bàn ${issuer.locality}; kịp thời biểu dương, khen thưởng tập thể, cá nhân tiêu biểu.`;
    case "topical":
      return `Tổ chức thực hiện có hiệu quả các nhiệm vụ nêu tại Kế hoạch này, góp phần hoàn thành các mục tiêu cải cách hành chính năm ${input.year} của ${issuer.fullName}.`;
  }
}

const REQUIREMENTS = [
  "Xác định rõ nội dung, sản phẩm, thời gian hoàn thành và trách nhiệm của từng bộ phận; bảo đảm thực hiện đúng tiến độ, chất lượng.",
  "Các bộ phận thường xuyên cập nhật tiến độ và tài liệu kiểm chứng kết quả thực hiện nhiệm vụ; kịp thời báo cáo khó khăn, vướng mắc.",
];

/** IV: each lead unit with the numbers of the tasks it leads, in the order units first appear. */
function unitsAndTasks(groups: AreaGroup[]): string[] {
  const byUnit = new Map<string, string[]>();
  for (const g of groups) for (const { number, task } of g.tasks) for (const unit of task.lead) byUnit.set(unit, [...(byUnit.get(unit) ?? []), number]);
  return [...byUnit].map(([unit, numbers]) => `- ${unit}: chủ trì thực hiện nhiệm vụ ${numbers.join(", ")}`);
}

function mainText(input: PlanDocumentInput, issuer: IssuerNames, groups: AreaGroup[]): FileChild[] {
  const out: FileChild[] = [];
  const summary = summaryOf(input.title);
  out.push(...documentHead({ issuer, typeName: "Kế hoạch", typeAbbreviation: TYPE_ABBREVIATION.plan, number: input.number, issuedDate: input.issuedDate, summary }));

  const bases = input.legalBases.map((b) => b.trim()).filter(Boolean).map((b) => (fold(b).startsWith("can cu") ? b : `Căn cứ ${b}`));
  out.push(...listItems(bases).map(basis));
  out.push(bodyText(`${upperFirst(issuer.fullName)} ban hành Kế hoạch ${lowerFirst(summary)} như sau:`));

  const parts: Array<{ title: string; body: FileChild[] }> = [];
  parts.push({
    title: "Mục đích, yêu cầu",
    body: [subheading("1. Mục đích"), bodyText(purposeOf(input, issuer)), subheading("2. Yêu cầu"), ...REQUIREMENTS.map((r) => bodyText(`- ${r}`))],
  });
  if (input.targets.length) {
    parts.push({ title: "Chỉ tiêu", body: listItems(input.targets.map(upperFirst)).map((t) => bodyText(`- ${t}`)) });
  }
  const taskBody: FileChild[] = groups.length
    ? [bodyText("Các nhiệm vụ cụ thể, bộ phận chủ trì, phối hợp, sản phẩm và thời gian hoàn thành tại Phụ lục kèm theo Kế hoạch này.")]
    : [bodyText("Kế hoạch chưa có nhiệm vụ.")];
  for (const g of groups) {
    taskBody.push(subheading(`${g.number}. ${g.name}`));
    for (const { number, task } of g.tasks) taskBody.push(bodyText(`${number}. ${sentence(task.title)}`));
  }
  parts.push({ title: "Nhiệm vụ", body: taskBody });
  const units = unitsAndTasks(groups);
  parts.push({
    title: "Tổ chức thực hiện",
    body: [
      subheading("1. Các bộ phận chuyên môn"),
      bodyText(`Căn cứ nhiệm vụ được giao tại Kế hoạch này, các bộ phận chủ động triển khai thực hiện, bảo đảm chất lượng và thời gian hoàn thành${units.length ? ":" : "."}`),
      ...listItems(units).map((u) => bodyText(u)),
      subheading("2. Công chức đầu mối cải cách hành chính"),
      bodyText(`Theo dõi, đôn đốc các bộ phận thực hiện Kế hoạch; tổng hợp, tham mưu ${issuer.fullName} báo cáo kết quả định kỳ quý, 6 tháng, năm theo quy định.`),
      bodyText(`Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các bộ phận kịp thời báo cáo ${issuer.fullName} để xem xét, chỉ đạo${END_MARK}`),
    ],
  });
  parts.forEach((p, i) => out.push(heading(`${roman(i + 1)}. ${p.title}`), ...p.body));

  const recipients: Paragraph[] = recipientsBlock([
    issuer.province ? `Sở Nội vụ ${issuer.province}` : "Sở Nội vụ",
    `TT Đảng ủy, HĐND ${issuer.unitKind}`,
    `CT, các PCT UBND ${issuer.unitKind}`,
    `Các bộ phận chuyên môn thuộc UBND ${issuer.unitKind}`,
  ], "VP");
  out.push(spacer(120), closingBlock(recipients, input.signer));
  return out;
}

/** The task table across the landscape text width; "Sản phẩm" takes what the others leave. */
const FIXED_COLUMNS = { stt: 700, task: 4300, criteria: 1000, lead: 1900, support: 2100, due: 1400 };
const APPENDIX_COLUMNS: Column[] = [
  { header: "STT", width: FIXED_COLUMNS.stt, align: "center" },
  { header: "Nội dung nhiệm vụ", width: FIXED_COLUMNS.task, align: "justified" },
  { header: "Tiêu chí", width: FIXED_COLUMNS.criteria, align: "center" },
  { header: "Bộ phận chủ trì", width: FIXED_COLUMNS.lead },
  { header: "Bộ phận phối hợp", width: FIXED_COLUMNS.support },
  { header: "Sản phẩm", width: LANDSCAPE_TEXT_WIDTH - Object.values(FIXED_COLUMNS).reduce((a, b) => a + b, 0), align: "left" },
  { header: "Thời gian hoàn thành", width: FIXED_COLUMNS.due, align: "center" },
];

function appendix(input: PlanDocumentInput, issuer: IssuerNames, groups: AreaGroup[]): ISectionOptions {
  const rows: DataRow[] = [];
  for (const g of groups) {
    rows.push({ kind: "group", number: g.number, label: g.name });
    for (const { number, task } of g.tasks) {
      rows.push({
        kind: "row",
        cells: [number, task.title.trim(), task.criteria.join(", "), task.lead.join(", "), task.support.join(", "), task.product?.trim() ?? "", completionText(task)],
      });
    }
  }
  return appendixSection({
    label: appendixLabel(0, 1),
    title: `Danh mục nhiệm vụ thực hiện Kế hoạch ${lowerFirst(summaryOf(input.title))}`,
    attachedTo: attachedToText({ typeName: "Kế hoạch", typeAbbreviation: TYPE_ABBREVIATION.plan, number: input.number, issuedDate: input.issuedDate, issuer }),
    children: [dataTable(APPENDIX_COLUMNS, rows)],
  });
}

export async function renderPlanDocx(input: PlanDocumentInput): Promise<Buffer> {
  const issuer = communeIssuer(input.communeName, input.provinceName);
  const groups = groupTasksByArea(input.tasks);
  return packDocx({
    title: `Kế hoạch ${summaryOf(input.title)}`,
    creator: issuer.fullName,
    sections: [portraitSection(mainText(input, issuer, groups)), appendix(input, issuer, groups)],
  });
}
