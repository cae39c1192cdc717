import { AlignmentType, BorderStyle, LineRuleType, Paragraph, TextRun, type IStylesOptions } from "docx";
import { BODY, FONT, RULE, SIZE, TEXT_COLOR } from "./nd30.js";

/**
 * Paragraph styles of every document and the paragraphs built on them. A
 * person editing the file in Word finds the same named styles (Nội dung, Đề
 * mục, Căn cứ …) and changes the look in one place.
 */
export const STYLE = {
  body: "ND30Body",
  heading: "ND30Heading",
  subheading: "ND30Subheading",
  basis: "ND30Basis",
  centered: "ND30Centered",
  tableText: "ND30TableText",
} as const;

const plain = { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO } as const;
const bodySpacing = { before: 0, after: BODY.after, line: BODY.line, lineRule: LineRuleType.AUTO } as const;

export function documentStyles(): IStylesOptions {
  return {
    default: {
      document: {
        run: { font: FONT, size: SIZE.body, color: TEXT_COLOR },
        paragraph: { spacing: plain },
      },
    },
    paragraphStyles: [
      {
        id: STYLE.body, name: "Nội dung (NĐ 30)", basedOn: "Normal", next: STYLE.body, quickFormat: true,
        run: { font: FONT, size: SIZE.body },
        paragraph: { alignment: AlignmentType.JUSTIFIED, indent: { firstLine: BODY.firstLine }, spacing: bodySpacing },
      },
      {
        id: STYLE.heading, name: "Đề mục I. (NĐ 30)", basedOn: STYLE.body, next: STYLE.body, quickFormat: true,
        run: { bold: true }, paragraph: { keepNext: true },
      },
      {
        id: STYLE.subheading, name: "Đề mục 1. (NĐ 30)", basedOn: STYLE.body, next: STYLE.body, quickFormat: true,
        run: { bold: true }, paragraph: { keepNext: true },
      },
      { id: STYLE.basis, name: "Căn cứ (NĐ 30)", basedOn: STYLE.body, next: STYLE.basis, quickFormat: true, run: { italics: true } },
      {
        id: STYLE.centered, name: "Dòng giữa (NĐ 30)", basedOn: "Normal", next: STYLE.centered,
        run: { font: FONT }, paragraph: { alignment: AlignmentType.CENTER, spacing: plain },
      },
      {
        id: STYLE.tableText, name: "Chữ trong bảng (NĐ 30)", basedOn: "Normal", next: STYLE.tableText,
        run: { font: FONT, size: SIZE.table }, paragraph: { spacing: plain },
      },
    ],
  };
}

export interface RunLook { size?: number; bold?: boolean; italics?: boolean }

const run = (text: string, look: RunLook = {}) => new TextRun({ text: text.normalize("NFC"), ...look });

/** A body paragraph: justified, first line indented, 6 pt after. */
export const bodyText = (text: string) => new Paragraph({ style: STYLE.body, children: [run(text)] });

/** "I. MỤC ĐÍCH, YÊU CẦU": caps, bold. */
export const heading = (text: string) => new Paragraph({ style: STYLE.heading, children: [run(text.toLocaleUpperCase("vi"))] });

/** "1. Mục đích": a titled khoản, bold sentence case. */
export const subheading = (text: string) => new Paragraph({ style: STYLE.subheading, children: [run(text)] });

/** A legal basis line (căn cứ), italic. */
export const basis = (text: string) => new Paragraph({ style: STYLE.basis, children: [run(text)] });

/** A centred line of the header, title or signature blocks. */
export function centered(text: string, look: RunLook & { after?: number; before?: number; keepNext?: boolean } = {}): Paragraph {
  const { after, before, keepNext, ...runLook } = look;
  return new Paragraph({
    style: STYLE.centered, keepNext,
    spacing: after !== undefined || before !== undefined ? { after, before } : undefined,
    children: text ? [run(text, runLook)] : [],
  });
}

/** A left-aligned line at the given size (the recipient list). */
export function line(text: string, look: RunLook = {}): Paragraph {
  return new Paragraph({ spacing: plain, children: [run(text, look)] });
}

/** A line in a table cell. */
export function cellText(text: string, look: RunLook & { align?: "left" | "center" | "right" | "justified" } = {}): Paragraph {
  const { align, ...runLook } = look;
  const alignment = align === "center" ? AlignmentType.CENTER : align === "right" ? AlignmentType.RIGHT : align === "justified" ? AlignmentType.JUSTIFIED : AlignmentType.LEFT;
  return new Paragraph({ style: STYLE.tableText, alignment, children: text ? [run(text, runLook)] : [] });
}

/**
 * A solid rule `width` twips long, centred in a container `containerWidth`
 * wide: the bottom border of an empty, low paragraph between equal indents.
 * Space after it is a separate empty paragraph (a border paragraph with space
 * after is drawn over the text above by LibreOffice).
 */
export function rule(width: number, containerWidth: number): Paragraph {
  const side = Math.max(0, Math.round((containerWidth - width) / 2));
  return new Paragraph({
    indent: { left: side, right: side },
    spacing: { before: 0, after: 0, line: RULE.height, lineRule: LineRuleType.EXACT },
    border: { bottom: { style: BorderStyle.SINGLE, size: RULE.size, color: TEXT_COLOR, space: 1 } },
    run: { size: 2 },
    children: [],
  });
}

/** Empty vertical space of `height` twips. */
export function spacer(height: number): Paragraph {
  return new Paragraph({ spacing: { before: 0, after: 0, line: height, lineRule: LineRuleType.EXACT }, run: { size: 2 }, children: [] });
}
