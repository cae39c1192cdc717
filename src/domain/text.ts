/**
 * Text helpers shared by the plan importer and the timeline reader.
 * Pure: no I/O.
 */

/** Letters that Unicode does not decompose into base letter + mark. */
const STROKE: Record<string, string> = { "đ": "d", "ð": "d", "ı": "i", "ł": "l", "ø": "o" };
const STROKE_RE = /[đðıłø]/g;

/**
 * Folds text for matching: lowercase, diacritics removed (NFKD, so
 * compatibility forms such as full-width digits become plain ones), đ → d,
 * every run of whitespace collapsed to one space, trimmed.
 *
 *   fold("  Thời gian  thực hiện: Quý IV/2025 ") === "thoi gian thuc hien: quy iv/2025"
 *   fold("Đầu năm") === "dau nam"
 *
 * Characters are never reordered, so positions found in the folded text
 * follow the order of the original.
 */
export function fold(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(STROKE_RE, (c) => STROKE[c] ?? c)
    .replace(/\s+/gu, " ")
    .trim();
}
