import type { FileChild, ISectionOptions } from "docx";
import type { IsoDate } from "../domain/dates.js";
import type { IssuerNames } from "./issuer.js";
import { LANDSCAPE_TEXT_WIDTH } from "./nd30.js";
import { landscapeSection } from "./sections.js";
import { appendixHeading } from "./title-block.js";
import { documentReference, roman } from "./wording.js";

/**
 * Appendices of a document (reporting reference B10): each a landscape
 * section of its own, numbered from 1, headed "Phụ lục" (a single appendix)
 * or "Phụ lục I", "Phụ lục II" …, its title in caps and the line tying it to
 * the document: "(Kèm theo Báo cáo số …/BC-UBND ngày … của Ủy ban nhân dân xã …)".
 */

/** "Phụ lục" when the document has one appendix, else "Phụ lục I", "Phụ lục II" … (`index` from 0). */
export function appendixLabel(index: number, count: number): string {
  return count <= 1 ? "Phụ lục" : `Phụ lục ${roman(index + 1)}`;
}

/** "Kèm theo Kế hoạch số 12/KH-UBND ngày 15 tháng 01 năm 2026 của Ủy ban nhân dân xã Tỉnh Khê" (dots for a number or date not given yet). */
export function attachedToText(input: { typeName: string; typeAbbreviation: string; number: string | null; issuedDate: IsoDate | null; issuer: IssuerNames }): string {
  return `Kèm theo ${input.typeName} ${documentReference(input.number, input.typeAbbreviation, input.issuedDate)} của ${input.issuer.fullName}`;
}

/** A landscape appendix section: the heading, then the appendix's content (a table, its notes). */
export function appendixSection(input: { label: string; title: string; subtitle?: string[]; attachedTo: string; children: FileChild[] }): ISectionOptions {
  return landscapeSection([
    ...appendixHeading({ label: input.label, title: input.title, subtitle: input.subtitle, attachedTo: input.attachedTo, containerWidth: LANDSCAPE_TEXT_WIDTH }),
    ...input.children,
  ]);
}
