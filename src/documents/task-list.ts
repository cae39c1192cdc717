import { parseViDate } from "../domain/dates.js";
import { dataTable, type Column, type DataRow } from "./data-table.js";
import { packDocx } from "./docx-file.js";
import { headerBlock } from "./header-block.js";
import { communeIssuer } from "./issuer.js";
import { LANDSCAPE_TEXT_WIDTH } from "./nd30.js";
import { bodyText, spacer } from "./paragraphs.js";
import { landscapeSection } from "./sections.js";
import { listTitle } from "./title-block.js";
import { lowerFirst, numberLine, summaryOf } from "./wording.js";
import { addSheet, bodyCell, freezeHeader, headerRows, newWorkbook, titleLine, workbookBytes } from "./xlsx-sheet.js";

/**
 * Task lists: the tasks of one unit under a plan as a document to hand out
 * (DOCX, landscape, "DANH MỤC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM … CỦA <UNIT>"),
 * and any list of tasks as a spreadsheet.
 */

export interface UnitTaskListTask {
  /** The task's number in the plan ("1.2"), or null. */
  ref: string | null;
  title: string;
  /** Whether the unit leads the task or supports it. */
  role: "lead" | "support";
  product: string | null;
  /** dd/mm/yyyy, or the plan's words for a recurring task ("Hằng quý"). */
  due: string;
  /** In words ("Đang thực hiện"). */
  status: string;
}

export interface UnitTaskListInput {
  commune: { name: string; province: string | null };
  unitName: string;
  planTitle: string;
  /** "12/KH-UBND" or "12"; null for a plan not numbered yet. */
  planNumber: string | null;
  /** The plan's year; by default the year the plan's title names, if any. */
  year?: number;
  tasks: UnitTaskListTask[];
}

const ROLE_GROUPS = [
  { role: "lead", label: "Nhiệm vụ chủ trì thực hiện" },
  { role: "support", label: "Nhiệm vụ phối hợp thực hiện" },
] as const;

/** STT | Mã | Nội dung nhiệm vụ | Sản phẩm | Thời hạn hoàn thành | Tình trạng; the task takes what the others leave. */
const FIXED = { stt: 700, ref: 900, product: 3400, due: 1700, status: 1900 };
const UNIT_COLUMNS: Column[] = [
  { header: "STT", width: FIXED.stt, align: "center" },
  { header: "Mã", width: FIXED.ref, align: "center" },
  { header: "Nội dung nhiệm vụ", width: LANDSCAPE_TEXT_WIDTH - Object.values(FIXED).reduce((a, b) => a + b, 0), align: "justified" },
  { header: "Sản phẩm", width: FIXED.product },
  { header: "Thời hạn hoàn thành", width: FIXED.due, align: "center" },
  { header: "Tình trạng", width: FIXED.status, align: "center" },
];

const yearOf = (input: Pick<UnitTaskListInput, "planTitle" | "year">) => input.year ?? Number(/\b(20\d{2})\b/.exec(input.planTitle)?.[1] ?? NaN);

/** "DANH MỤC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2026 CỦA TƯ PHÁP – HỘ TỊCH": the unit's name as stored. */
export function unitTaskListTitle(input: Pick<UnitTaskListInput, "unitName" | "planTitle" | "year">): string {
  const year = yearOf(input);
  return `Danh mục nhiệm vụ cải cách hành chính${Number.isFinite(year) ? ` năm ${year}` : ""} của ${input.unitName.trim()}`.toLocaleUpperCase("vi");
}

export async function renderUnitTaskListDocx(input: UnitTaskListInput): Promise<Buffer> {
  const issuer = communeIssuer(input.commune.name, input.commune.province);
  const plan = summaryOf(input.planTitle, "Kế hoạch");
  const planNumber = input.planNumber?.trim() ? ` ${numberLine(input.planNumber, "KH").replace(/^Số: /, "số ")}` : "";
  const rows: DataRow[] = [];
  const groups = ROLE_GROUPS.map((g) => ({ ...g, tasks: input.tasks.filter((t) => t.role === g.role) })).filter((g) => g.tasks.length);
  groups.forEach((g, i) => {
    rows.push({ kind: "group", number: String.fromCharCode(65 + i), label: `${g.label} (${g.tasks.length})` });
    g.tasks.forEach((t, j) => rows.push({ kind: "row", cells: [String(j + 1), t.ref ?? "", t.title.trim(), t.product?.trim() ?? "", t.due.trim(), t.status] }));
  });
  const lead = input.tasks.filter((t) => t.role === "lead").length;
  const columns = [Math.round(LANDSCAPE_TEXT_WIDTH * 0.38), LANDSCAPE_TEXT_WIDTH - Math.round(LANDSCAPE_TEXT_WIDTH * 0.38)] as const;
  const children = [
    // Not a document of its own: the issuer and the national name, no number or date.
    headerBlock({ upperIssuer: issuer.upperLine, issuerLines: issuer.headerLines, numberLine: null, placeDateLine: null, columns }),
    ...listTitle({ title: unitTaskListTitle(input), note: `(Thực hiện Kế hoạch${planNumber} ${lowerFirst(plan)} của ${issuer.fullName})`, containerWidth: LANDSCAPE_TEXT_WIDTH }),
    ...(rows.length ? [dataTable(UNIT_COLUMNS, rows)] : [bodyText(`${input.unitName} không có nhiệm vụ trong Kế hoạch.`)]),
    spacer(120),
    bodyText(`Tổng số: ${input.tasks.length} nhiệm vụ (chủ trì ${lead}, phối hợp ${input.tasks.length - lead}).`),
  ];
  return packDocx({ title: `Danh mục nhiệm vụ CCHC của ${input.unitName}`, creator: issuer.fullName, sections: [landscapeSection(children, { newPage: false })] });
}

// ---------- Any task list as XLSX ----------

export interface TaskListRow {
  ref: string | null;
  title: string;
  /** The reform area's name. */
  area: string | null;
  lead: string[] | string;
  support: string[] | string;
  product: string | null;
  /** dd/mm/yyyy (written as a date) or the timeline text. */
  due: string;
  status: string;
  /** 0–100, or null. */
  progress: number | null;
}

export const TASK_LIST_SHEET = "Nhiệm vụ";
export const TASK_LIST_HEADERS = ["STT", "Mã", "Nhiệm vụ", "Lĩnh vực", "Chủ trì", "Phối hợp", "Sản phẩm", "Hạn", "Trạng thái", "Tiến độ %"] as const;

const names = (v: string[] | string) => (Array.isArray(v) ? v.join(", ") : v);

export async function renderTaskListXlsx(input: { title: string; subtitle?: string | null; tasks: TaskListRow[] }): Promise<Buffer> {
  const wb = await newWorkbook();
  const ws = addSheet(wb, TASK_LIST_SHEET, [6, 9, 60, 26, 24, 28, 36, 13, 20, 10]);
  const width = TASK_LIST_HEADERS.length;
  titleLine(ws, 1, width, input.title, { bold: true, size: 13 });
  if (input.subtitle) titleLine(ws, 2, width, input.subtitle, { italic: true });
  const headerFrom = 4;
  let r = headerRows(ws, headerFrom, width, [TASK_LIST_HEADERS.map((text) => ({ text }))]);
  freezeHeader(ws, r, headerFrom);
  input.tasks.forEach((t, i) => {
    const due = parseViDate(t.due);
    const cells: Array<[string | number | Date | null, Parameters<typeof bodyCell>[2]?]> = [
      [i + 1, { align: "center" }], [t.ref ?? ""], [t.title.trim()], [t.area ?? ""], [names(t.lead)], [names(t.support)], [t.product ?? ""],
      // A due date as a date (sortable), the plan's words as they are.
      due ? [new Date(`${due}T00:00:00Z`), { align: "center", numFmt: "dd/mm/yyyy" }] : [t.due, { align: "center" }],
      [t.status], [t.progress, { align: "right", numFmt: "0" }],
    ];
    cells.forEach(([value, look], c) => bodyCell(ws.getCell(r, c + 1), value, look));
    r++;
  });
  ws.autoFilter = { from: { row: headerFrom, column: 1 }, to: { row: headerFrom, column: width } };
  return workbookBytes(wb);
}
