/**
 * The layout facts of Nghị định 30/2020/NĐ-CP (công tác văn thư, Phụ lục I)
 * as the DOCX writers use them. Lengths are in twips (1/1440 inch, 1 mm ≈
 * 56.7 twips), font sizes in half-points as OOXML stores them (`size: 28` is
 * 14 pt). Where the decree gives a range, the value chosen is the decree's own
 * sample or common practice; see shared/reference/reporting.md, Part B.
 */

/** A4, 210 × 297 mm, portrait. */
export const A4 = { width: 11906, height: 16838 } as const;

/** Margins: top 20–25 mm, bottom 20–25 mm, left 30–35 mm, right 15–20 mm. */
export const MARGINS = { top: 1134, bottom: 1134, left: 1701, right: 850, header: 567, footer: 567 } as const;

/** Landscape pages (appendix tables) keep the same margins on the same sides. */
export const LANDSCAPE_MARGINS = MARGINS;

/** Width of the text between the margins: 165 mm portrait. */
export const TEXT_WIDTH = A4.width - MARGINS.left - MARGINS.right;
export const LANDSCAPE_TEXT_WIDTH = A4.height - LANDSCAPE_MARGINS.left - LANDSCAPE_MARGINS.right;

/** Times New Roman (Unicode, TCVN 6909:2001), black; nothing else. */
export const FONT = "Times New Roman";
export const TEXT_COLOR = "000000";

/** Font sizes (half-points) of each element ("ô" of the layout diagram). */
export const SIZE = {
  /** ô 1: Quốc hiệu, 12–13 pt; 12 keeps it on one line of the header column. */
  nationalName: 24,
  /** ô 1: Tiêu ngữ, 13–14 pt. */
  motto: 26,
  /** ô 2: tên cơ quan chủ quản (regular) and tên cơ quan ban hành (bold), 12–13 pt. */
  issuer: 26,
  /** ô 3: Số, ký hiệu, 13 pt. */
  number: 26,
  /** ô 4: địa danh, ngày tháng năm, 13–14 pt italic. */
  placeDate: 26,
  /** ô 5a: tên loại and trích yếu, 13–14 pt bold. */
  title: 28,
  /** ô 6: nội dung, 13–14 pt; one size for all body text. */
  body: 28,
  /** ô 7: quyền hạn, chức vụ and họ tên người ký, 13–14 pt bold. */
  signer: 28,
  /** ô 9b: "Nơi nhận:" 12 pt bold italic, the list 11 pt. */
  recipientsLabel: 24,
  recipients: 22,
  /** Số trang, 13–14 pt, centred in the top margin. */
  pageNumber: 28,
  /** Tables in appendices, 12–13 pt (practice). */
  table: 24,
  /** Appendix heading: "Phụ lục" 14 bold, title 13–14 caps bold, "(Kèm theo …)" 13–14 italic. */
  appendixLabel: 28,
  appendixTitle: 28,
  appendixNote: 28,
} as const;

/** Body paragraphs: justified, first line 1.27 cm, ≥ 6 pt after, single to 1.5 line spacing. */
export const BODY = { firstLine: 720, after: 120, line: 288 } as const;

/** ô 1: the national name and motto, with the rule under the motto as long as its text. */
export const NATIONAL_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
export const MOTTO = "Độc lập - Tự do - Hạnh phúc";

/**
 * Short rules under the issuer and the trích yếu: 1/3–1/2 of the text line
 * above; the share chosen. Rules are a solid bottom border on an empty, low
 * paragraph, centred by equal indents.
 */
export const SHORT_RULE_SHARE = 0.4;
/** A solid line of 0.75 pt (OOXML measures borders in eighths of a point), drawn 5 pt under the line above. */
export const RULE = { size: 6, height: 100 } as const;

/**
 * The header block: a borderless two-column table across the text width, the
 * issuer on the left (about 6.5 cm), the national name on the right (about
 * 10 cm, enough for the Quốc hiệu on one line: 8.8 cm at 12 pt bold).
 */
export const HEADER_COLUMNS = [3742, TEXT_WIDTH - 3742] as const;

/** The closing block: "Nơi nhận:" on the left, the signature on the right. */
export const CLOSING_COLUMNS = [4253, TEXT_WIDTH - 4253] as const;

/** Empty lines left for the signature and seal on paper (practice: 3–4). */
export const SIGNATURE_SPACE_LINES = 4;

/** Ký hiệu: the type abbreviation (Phụ lục III) and the issuer's, e.g. "…/KH-UBND"; TB = Thông báo, TTr = Tờ trình. */
export const TYPE_ABBREVIATION = { plan: "KH", report: "BC", decision: "QĐ", notice: "TB", submission: "TTr" } as const;
export const ISSUER_ABBREVIATION = "UBND";

/** Blanks left for the văn thư to fill after signing (Điều 15), as dots. */
export const BLANK = "……";

/** Signature authority of a commune People's Committee (Điều 13). */
export const COLLECTIVE_SIGNATURE = "TM. ỦY BAN NHÂN DÂN";
export const HEAD_TITLE = "CHỦ TỊCH";
export const DEPUTY_SIGNATURE = "KT. CHỦ TỊCH";

/** "Kính gửi:" of a report or công văn sent upward (ô 9a). */
export const ADDRESSEES_LABEL = "Kính gửi:";
/** The first line of "Nơi nhận:" when the document has a "Kính gửi:" block (B8). */
export const AS_ADDRESSED = "Như trên";

/** "Nơi nhận:" and the last line of the recipient list, "- Lưu: VT, <drafting unit>." or "- Lưu: VT." without one. */
export const RECIPIENTS_LABEL = "Nơi nhận:";
export const ARCHIVE_LINE = (draftingUnit: string | null) => (draftingUnit ? `Lưu: VT, ${draftingUnit}.` : "Lưu: VT.");

/** The end mark of the body in the decree's templates. */
export const END_MARK = "./.";
