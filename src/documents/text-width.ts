/**
 * The printed width of a line of Times New Roman, for rules that must be as
 * long as a text (the motto) or a share of it (issuer, trích yếu). Advance
 * widths of the printable ASCII characters in font units (2048 per em),
 * measured from Liberation Serif, which is metric-compatible with Times New
 * Roman. Vietnamese letters take the width of their base letter, except the
 * horned ư, ơ, Ư, which are wider.
 */
const REGULAR = [
  512, 682, 836, 1024, 1024, 1706, 1593, 369, 682, 682, 1024, 1155, 512, 682, 512, 569, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024,
  1024, 1024, 569, 569, 1155, 1155, 1155, 909, 1886, 1479, 1366, 1366, 1479, 1251, 1139, 1479, 1479, 682, 797, 1479, 1251, 1821, 1479,
  1479, 1139, 1479, 1366, 1139, 1251, 1479, 1479, 1933, 1479, 1479, 1251, 682, 569, 682, 961, 1024, 682, 909, 1024, 909, 1024, 909, 682,
  1024, 1024, 569, 569, 1024, 569, 1593, 1024, 1024, 1024, 1024, 682, 797, 569, 1024, 1024, 1479, 1024, 1024, 909, 983, 410, 983, 1108,
];
const BOLD = [
  512, 682, 1137, 1024, 1024, 2048, 1706, 569, 682, 682, 1024, 1167, 512, 682, 512, 569, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024,
  1024, 1024, 682, 682, 1167, 1167, 1167, 1024, 1905, 1479, 1366, 1479, 1479, 1366, 1251, 1593, 1593, 797, 1024, 1593, 1366, 1933, 1479,
  1593, 1251, 1593, 1479, 1139, 1366, 1479, 1479, 2048, 1479, 1479, 1366, 682, 569, 682, 1190, 1024, 682, 1024, 1139, 909, 1139, 909,
  682, 1024, 1139, 569, 682, 1139, 569, 1706, 1139, 1024, 1139, 1139, 909, 797, 682, 1139, 1024, 1479, 1024, 1024, 909, 807, 451, 807, 1065,
];
const HORNED = { regular: { Ư: 1589, ư: 1110, ơ: 1083 }, bold: { Ư: 1630, ư: 1229, ơ: 1134 } } as const;
const UNITS_PER_EM = 2048;
const UNKNOWN = 1024;

function advance(char: string, bold: boolean): number {
  const table = bold ? BOLD : REGULAR;
  const nfc = char.normalize("NFC");
  const letter = nfc.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  const horned = (bold ? HORNED.bold : HORNED.regular) as Record<string, number>;
  // ư with a tone mark decomposes to u + horn + tone: recompose the horn alone.
  const base = nfc.normalize("NFD").replace(/[\u0300-\u031a\u031c-\u036f]/g, "").normalize("NFC");
  if (horned[base] !== undefined) return horned[base];
  const plain = letter === "đ" ? "d" : letter === "Đ" ? "D" : letter;
  const code = plain.charCodeAt(0);
  if (plain.length === 1 && code >= 32 && code <= 126) return table[code - 32];
  return char === "…" || char === "—" ? 2048 : UNKNOWN;
}

/** Width in twips of `text` set in one line at `size` half-points. */
export function textWidth(text: string, size: number, bold = false): number {
  let units = 0;
  for (const char of text.normalize("NFC")) units += advance(char, bold);
  return Math.round((units / UNITS_PER_EM) * (size / 2) * 20);
}
