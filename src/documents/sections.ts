import { AlignmentType, Header, PageNumber, PageOrientation, Paragraph, SectionType, TextRun, type FileChild, type ISectionOptions } from "docx";
import { A4, LANDSCAPE_MARGINS, MARGINS, SIZE } from "./nd30.js";

/**
 * Sections of a document. Every section is A4 with the decree's margins and
 * its own page numbering: Arabic from 1, centred in the top margin, not shown
 * on the section's first page (a different first page with an empty header).
 * The main text is portrait; each appendix is a section of its own, landscape
 * when it holds a wide table, numbered from 1 again.
 */
function pageNumberHeaders(): NonNullable<ISectionOptions["headers"]> {
  return {
    first: new Header({ children: [new Paragraph({})] }),
    default: new Header({
      children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], size: SIZE.pageNumber })] })],
    }),
  };
}

export function portraitSection(children: FileChild[], options: { newPage?: boolean } = {}): ISectionOptions {
  return {
    properties: {
      type: options.newPage ? SectionType.NEXT_PAGE : undefined,
      titlePage: true,
      page: {
        size: { width: A4.width, height: A4.height, orientation: PageOrientation.PORTRAIT },
        margin: MARGINS,
        pageNumbers: { start: 1 },
      },
    },
    headers: pageNumberHeaders(),
    children,
  };
}

/**
 * A landscape section on a new page, numbered from 1 (an appendix table), or
 * the first section of a landscape document (`newPage: false`). docx swaps
 * width and height for landscape.
 */
export function landscapeSection(children: FileChild[], options: { newPage?: boolean } = {}): ISectionOptions {
  return {
    properties: {
      type: options.newPage === false ? undefined : SectionType.NEXT_PAGE,
      titlePage: true,
      page: {
        size: { width: A4.width, height: A4.height, orientation: PageOrientation.LANDSCAPE },
        margin: LANDSCAPE_MARGINS,
        pageNumbers: { start: 1 },
      },
    },
    headers: pageNumberHeaders(),
    children,
  };
}
