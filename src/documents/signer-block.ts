import type { Paragraph, Table } from "docx";
import { fold } from "../domain/text.js";
import { CLOSING_COLUMNS, COLLECTIVE_SIGNATURE, DEPUTY_SIGNATURE, HEAD_TITLE, SIGNATURE_SPACE_LINES, SIZE } from "./nd30.js";
import { centered } from "./paragraphs.js";
import { layoutTable } from "./layout-table.js";

/**
 * The signature block (ô 7): authority and title lines in bold caps, room for
 * the signature and seal, the signer's name in bold, centred in the right
 * column of the closing block.
 */
export interface Signer { name: string | null; title: string | null }

/**
 * The authority lines of a commune People's Committee document (Điều 13):
 * the chairman signs "TM. ỦY BAN NHÂN DÂN" / "CHỦ TỊCH"; a vice-chairman adds
 * "KT. CHỦ TỊCH" over "PHÓ CHỦ TỊCH".
 */
export function authorityLines(title: string | null): string[] {
  const folded = fold(title ?? "").replace(/\s+/g, " ").trim();
  if (!folded || /^chu tich\b/.test(folded)) return [COLLECTIVE_SIGNATURE, HEAD_TITLE];
  if (/^pho chu tich\b/.test(folded)) return [COLLECTIVE_SIGNATURE, DEPUTY_SIGNATURE, "PHÓ CHỦ TỊCH"];
  const own = title!.trim().toLocaleUpperCase("vi");
  return own.startsWith("TM.") || own.startsWith("KT.") ? [own] : [COLLECTIVE_SIGNATURE, own];
}

export function signerBlock(signer: Signer): Paragraph[] {
  return [
    ...authorityLines(signer.title).map((l) => centered(l, { size: SIZE.signer, bold: true, keepNext: true })),
    ...Array.from({ length: SIGNATURE_SPACE_LINES }, () => centered("", { size: SIZE.signer, keepNext: true })),
    centered(signer.name?.trim() ?? "", { size: SIZE.signer, bold: true }),
  ];
}

/**
 * The bottom of a document (B8): "Nơi nhận:" on the left, level with the first
 * authority line; the signature on the right. A landscape page passes its own
 * column widths; a list without "Nơi nhận:" passes no recipients.
 */
export function closingBlock(recipients: Paragraph[], signer: Signer, columns: readonly [number, number] = CLOSING_COLUMNS): Table {
  return layoutTable(columns, [[recipients, signerBlock(signer)]]);
}
