import type { Table } from "docx";
import { HEADER_COLUMNS, MOTTO, NATIONAL_NAME, SHORT_RULE_SHARE, SIZE } from "./nd30.js";
import { centered, rule } from "./paragraphs.js";
import { layoutTable } from "./layout-table.js";
import { textWidth } from "./text-width.js";

/**
 * The header block (ô 1–4): on the left the upper body (regular caps, if any)
 * and the issuer (bold caps) over a short rule, then "Số: …"; on the right the
 * national name and the motto over a rule as long as the motto, then the place
 * and date in italics. Two rows, so that the number and the date share a line.
 */
export interface HeaderBlockInput {
  /** Tên cơ quan chủ quản, regular caps ("TỈNH MINH HÒA"), or null. */
  upperIssuer: string | null;
  /** Tên cơ quan ban hành, bold caps, one entry per line. */
  issuerLines: string[];
  /** "Số: 12/KH-UBND"; null for a list or table that carries no number of its own. */
  numberLine: string | null;
  /** "Tỉnh Khê, ngày 15 tháng 01 năm 2026"; null with no number line, the second row is then left out. */
  placeDateLine: string | null;
  /** Column widths in twips; by default HEADER_COLUMNS of the portrait text width (a landscape page passes its own). */
  columns?: readonly [number, number];
}

export function headerBlock(input: HeaderBlockInput): Table {
  const columns = input.columns ?? HEADER_COLUMNS;
  const [left, right] = columns;
  const issuerWidth = Math.max(...input.issuerLines.map((l) => textWidth(l, SIZE.issuer, true)));
  const issuer = [
    ...(input.upperIssuer ? [centered(input.upperIssuer, { size: SIZE.issuer })] : []),
    ...input.issuerLines.map((l) => centered(l, { size: SIZE.issuer, bold: true })),
    rule(Math.round(issuerWidth * SHORT_RULE_SHARE), left),
  ];
  const national = [
    centered(NATIONAL_NAME, { size: SIZE.nationalName, bold: true }),
    centered(MOTTO, { size: SIZE.motto, bold: true }),
    rule(textWidth(MOTTO, SIZE.motto, true), right),
  ];
  const rows = [[issuer, national]];
  if (input.numberLine !== null || input.placeDateLine !== null) {
    rows.push([
      [centered(input.numberLine ?? "", { size: SIZE.number, before: 120 })],
      [centered(input.placeDateLine ?? "", { size: SIZE.placeDate, italics: true, before: 120 })],
    ]);
  }
  return layoutTable(columns, rows);
}
