import { fold } from "../domain/text.js";

/**
 * The name a document downloads under, like the document itself
 * ("KH-12-UBND-2026.docx" for Kế hoạch số 12/KH-UBND of 2026), and the same
 * name folded to ASCII for clients that do not read RFC 5987 names.
 */
export interface DocumentFileName { utf8: string; ascii: string }

export function documentFileName(input: { number: string | null; year: number; typeAbbreviation: string; title: string; extension: string }): DocumentFileName {
  let base: string;
  const number = input.number?.trim().replace(/^Số\s*:?\s*/i, "") ?? "";
  if (number.includes("/")) {
    const [serial, symbol] = number.split("/", 2);
    const parts = symbol.split("-").map((p) => p.trim()).filter(Boolean);
    base = [parts[0], serial.trim(), ...parts.slice(1), String(input.year)].filter(Boolean).join("-");
  } else if (number) {
    base = [input.typeAbbreviation, number, "UBND", String(input.year)].join("-");
  } else {
    base = `${input.typeAbbreviation}-${input.title}`;
    if (!base.includes(String(input.year))) base += `-${input.year}`;
  }
  const utf8 = base.normalize("NFC").replace(/[\\/:*?"<>|\s]+/gu, "-").replace(/-+/g, "-").replace(/^-|-$/g, "");
  const ascii = utf8.split("-").map((part) => (/^[A-Z0-9Đ]+$/u.test(part) ? fold(part).toUpperCase() : fold(part))).join("-")
    .replace(/[^A-Za-z0-9.-]+/g, "-").replace(/-+/g, "-").replace(/^-|-$/g, "");
  return { utf8: `${utf8}.${input.extension}`, ascii: `${ascii || "van-ban"}.${input.extension}` };
}
