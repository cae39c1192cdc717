import { AlignmentType, LineRuleType, Paragraph, Tab, TabStopType, TextRun } from "docx";
import { ADDRESSEES_LABEL, ARCHIVE_LINE, BODY, RECIPIENTS_LABEL, SIZE } from "./nd30.js";
import { line, spacer } from "./paragraphs.js";
import { textWidth } from "./text-width.js";
import { listItems, withoutEndMark } from "./wording.js";

/**
 * "Nơi nhận:" (ô 9b): the label in 12 pt bold italic, then one line per
 * recipient in 11 pt, each "- …;", the last "- Lưu: VT, <drafting unit>."
 * ("- Lưu: VT." when no drafting unit is named).
 */
export function recipientsBlock(recipients: string[], draftingUnit: string | null): Paragraph[] {
  return [
    line(RECIPIENTS_LABEL, { size: SIZE.recipientsLabel, bold: true, italics: true }),
    ...recipients.map((r) => line(`- ${withoutEndMark(r)};`, { size: SIZE.recipients })),
    line(`- ${ARCHIVE_LINE(draftingUnit)}`, { size: SIZE.recipients }),
  ];
}

/**
 * "Kính gửi:" (ô 9a) of a report or công văn sent upward, after the title
 * block, 14 pt upright (B2, B8). One recipient on the label's line, centred:
 * "Kính gửi: Ủy ban nhân dân tỉnh Minh Hòa." Several: the first on the label's
 * line, the others one per line with their dashes aligned under the first,
 * each "- …;", the last ending in "."; the block centred on the longest line
 * and a wrapped line hanging under its own text. Nothing for no recipient.
 */
export function addresseesBlock(recipients: string[], containerWidth: number): Paragraph[] {
  const items = recipients.map((r) => r.trim()).filter(Boolean);
  if (!items.length) return [];
  const spacing = { before: 0, after: 0, line: BODY.line, lineRule: LineRuleType.AUTO };
  const text = (t: string) => t.normalize("NFC");
  if (items.length === 1) {
    return [
      new Paragraph({ alignment: AlignmentType.CENTER, spacing, children: [new TextRun({ text: text(`${ADDRESSEES_LABEL} ${withoutEndMark(items[0])}.`), size: SIZE.body })] }),
      spacer(240),
    ];
  }
  const lines = listItems(items).map((item) => `- ${item}`);
  const label = textWidth(`${ADDRESSEES_LABEL} `, SIZE.body) + 60;
  const widest = Math.max(...lines.map((l) => textWidth(l, SIZE.body)));
  const start = Math.max(0, Math.round((containerWidth - label - widest) / 2));
  const itemsAt = start + label;
  return [
    ...lines.map((l, i) => new Paragraph({
      spacing,
      indent: i === 0 ? { left: itemsAt, hanging: label } : { left: itemsAt },
      tabStops: [{ type: TabStopType.LEFT, position: itemsAt }],
      children: i === 0
        ? [new TextRun({ text: text(ADDRESSEES_LABEL), size: SIZE.body }), new TextRun({ children: [new Tab(), text(l)], size: SIZE.body })]
        : [new TextRun({ text: text(l), size: SIZE.body })],
    })),
    spacer(240),
  ];
}
