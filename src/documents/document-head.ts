import type { FileChild } from "docx";
import type { IsoDate } from "../domain/dates.js";
import { headerBlock } from "./header-block.js";
import type { IssuerNames } from "./issuer.js";
import { TEXT_WIDTH } from "./nd30.js";
import { titleBlock } from "./title-block.js";
import { numberLine, placeDateLine } from "./wording.js";

/**
 * The top of a typed document of a commune People's Committee (template 1.4,
 * "văn bản có tên loại"): the header block with "Số: …/<KH|BC>-UBND" and the
 * place and date, then the type name and the trích yếu over a short rule. A
 * plan and a report start the same way; only the type differs.
 */
export interface DocumentHeadInput {
  issuer: IssuerNames;
  /** "Kế hoạch", "Báo cáo": printed in caps. */
  typeName: string;
  /** "KH", "BC" (nd30.ts TYPE_ABBREVIATION). */
  typeAbbreviation: string;
  number: string | null;
  issuedDate: IsoDate | null;
  /** The trích yếu, without the type name. */
  summary: string;
}

export function documentHead(input: DocumentHeadInput): FileChild[] {
  return [
    headerBlock({
      upperIssuer: input.issuer.upperLine,
      issuerLines: input.issuer.headerLines,
      numberLine: numberLine(input.number, input.typeAbbreviation),
      placeDateLine: placeDateLine(input.issuer.place, input.issuedDate),
    }),
    ...titleBlock({ typeName: input.typeName, summary: input.summary, containerWidth: TEXT_WIDTH }),
  ];
}
