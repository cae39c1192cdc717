/**
 * The survey-points sheet a province imports: a header row, then one row per
 * commune with its code (column A) and its survey points (column B, or a
 * percentage when the header of column B says "%"). Column C may hold the
 * name, for people; it is not read. Pure.
 */
import { fold } from "../text.js";
import { parseViNumber } from "./tree.js";
import type { SurveyInput } from "./types.js";

export interface SurveySheetRow { row: number; code: string; survey: SurveyInput }

export class InvalidSurveySheet extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join("\n"));
  }
}

export const SURVEY_SHEET_HEADER = ["Mã đơn vị", "Điểm điều tra xã hội học", "Tên đơn vị"] as const;

export function parseSurveySheet(grid: readonly string[][]): SurveySheetRow[] {
  const [header, ...body] = grid;
  const problems: string[] = [];
  if (!header || !fold(header[0] ?? "").includes("ma")) {
    throw new InvalidSurveySheet([`Dòng 1: cần dòng tiêu đề “${SURVEY_SHEET_HEADER.join("”, “")}”.`]);
  }
  const percent = /%|ty le/.test(fold(header[1] ?? ""));
  const out: SurveySheetRow[] = [];
  const seen = new Map<string, number>();
  body.forEach((cells, i) => {
    const row = i + 2;
    const code = (cells[0] ?? "").trim();
    const raw = (cells[1] ?? "").trim();
    if (!code && !raw) return;
    if (!code) { problems.push(`Dòng ${row}, cột A: thiếu mã đơn vị.`); return; }
    if (seen.has(code)) { problems.push(`Dòng ${row}, cột A: mã đơn vị “${code}” đã có ở dòng ${seen.get(code)}.`); return; }
    seen.set(code, row);
    const value = parseViNumber(raw);
    if (value === null) { problems.push(`Dòng ${row}, cột B: “${raw}” không phải là số.`); return; }
    out.push({ row, code, survey: percent ? { kind: "percent", percent: value } : { kind: "points", points: value } });
  });
  if (!out.length && !problems.length) problems.push("Tệp không có dòng dữ liệu nào sau dòng tiêu đề.");
  if (problems.length) throw new InvalidSurveySheet(problems);
  return out;
}
