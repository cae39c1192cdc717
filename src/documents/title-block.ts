import type { Paragraph } from "docx";
import { SHORT_RULE_SHARE, SIZE } from "./nd30.js";
import { centered, rule, spacer } from "./paragraphs.js";
import { textWidth } from "./text-width.js";

/** A short rule under a text that may wrap: a share of its first line. */
function shortRuleUnder(text: string, size: number, containerWidth: number): Paragraph[] {
  const firstLine = Math.min(textWidth(text, size, true), containerWidth);
  return [rule(Math.round(firstLine * SHORT_RULE_SHARE), containerWidth), spacer(240)];
}

/**
 * The title block (ô 5a): the type name in bold caps ("KẾ HOẠCH"), the
 * trích yếu in bold under it, a note in italics if any (a list's "(Kèm theo
 * Tờ trình số … ngày …)"), then a short rule.
 */
export function titleBlock(input: { typeName: string; summary: string; note?: string | null; containerWidth: number }): Paragraph[] {
  return [
    centered(input.typeName.toLocaleUpperCase("vi"), { size: SIZE.title, bold: true, before: 360, keepNext: true }),
    centered(input.summary, { size: SIZE.title, bold: true, keepNext: true }),
    ...(input.note ? [centered(input.note, { size: SIZE.appendixNote, italics: true, keepNext: true })] : []),
    ...shortRuleUnder(input.summary, SIZE.title, input.containerWidth),
  ];
}

/**
 * The title of a list or table handed out on its own (a unit's task list):
 * the title in bold caps, a note in italics under it ("(Thực hiện Kế hoạch số
 * … của …)"), then a short rule.
 */
export function listTitle(input: { title: string; note: string | null; containerWidth: number }): Paragraph[] {
  const title = input.title.toLocaleUpperCase("vi");
  return [
    centered(title, { size: SIZE.title, bold: true, before: 360, keepNext: true }),
    ...(input.note ? [centered(input.note, { size: SIZE.appendixNote, italics: true, keepNext: true })] : []),
    ...shortRuleUnder(title, SIZE.title, input.containerWidth),
  ];
}

/**
 * The heading of an appendix (Nghị định 30, Phụ lục I): "Phụ lục" (14 bold),
 * its title in bold caps, any subtitle lines upright (a form's period, "(Từ
 * ngày … đến ngày …)"), "(Kèm theo Kế hoạch số … ngày … của …)" in italics,
 * then a short rule.
 */
export function appendixHeading(input: { label: string; title: string; subtitle?: string[]; attachedTo: string; containerWidth: number }): Paragraph[] {
  const title = input.title.toLocaleUpperCase("vi");
  return [
    centered(input.label, { size: SIZE.appendixLabel, bold: true, keepNext: true }),
    centered(title, { size: SIZE.appendixTitle, bold: true, keepNext: true }),
    ...(input.subtitle ?? []).map((line) => centered(line, { size: SIZE.appendixNote, keepNext: true })),
    centered(`(${input.attachedTo})`, { size: SIZE.appendixNote, italics: true, keepNext: true }),
    ...shortRuleUnder(title, SIZE.appendixTitle, input.containerWidth),
  ];
}
