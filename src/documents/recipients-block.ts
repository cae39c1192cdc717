import type { Paragraph } from "docx";
import { ARCHIVE_LINE, RECIPIENTS_LABEL, SIZE } from "./nd30.js";
import { line } from "./paragraphs.js";
import { withoutEndMark } from "./wording.js";

/**
 * "Nơi nhận:" (ô 9b): the label in 12 pt bold italic, then one line per
 * recipient in 11 pt, each "- …;", the last "- Lưu: VT, <drafting unit>.".
 */
export function recipientsBlock(recipients: string[], draftingUnit: string): Paragraph[] {
  return [
    line(RECIPIENTS_LABEL, { size: SIZE.recipientsLabel, bold: true, italics: true }),
    ...recipients.map((r) => line(`- ${withoutEndMark(r)};`, { size: SIZE.recipients })),
    line(`- ${ARCHIVE_LINE(draftingUnit)}`, { size: SIZE.recipients }),
  ];
}
