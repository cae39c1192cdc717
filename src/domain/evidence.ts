/** What an evidence file (tài liệu kiểm chứng) may be: scans, office documents and photos. */
export const MAX_EVIDENCE_BYTES = 20 * 1024 * 1024;
export const MAX_EVIDENCE_FILES = 5;

interface Kind { ext: string[]; mime: string; magic: number[][] }
const ZIP = [[0x50, 0x4b, 0x03, 0x04]];
const OLE = [[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]];
const KINDS: Kind[] = [
  { ext: ["pdf"], mime: "application/pdf", magic: [[0x25, 0x50, 0x44, 0x46]] },
  { ext: ["docx"], mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", magic: ZIP },
  { ext: ["xlsx"], mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", magic: ZIP },
  { ext: ["odt"], mime: "application/vnd.oasis.opendocument.text", magic: ZIP },
  { ext: ["ods"], mime: "application/vnd.oasis.opendocument.spreadsheet", magic: ZIP },
  { ext: ["doc"], mime: "application/msword", magic: OLE },
  { ext: ["xls"], mime: "application/vnd.ms-excel", magic: OLE },
  { ext: ["jpg", "jpeg"], mime: "image/jpeg", magic: [[0xff, 0xd8, 0xff]] },
  { ext: ["png"], mime: "image/png", magic: [[0x89, 0x50, 0x4e, 0x47]] },
];

export const ALLOWED_EVIDENCE_EXTENSIONS = KINDS.flatMap((k) => k.ext);

export type EvidenceCheck = { ok: true; mimeType: string } | { ok: false; message: string };

/** Judges a file by its name and its first bytes, never by what the browser claims. */
export function checkEvidenceFile(filename: string, head: Uint8Array, size: number): EvidenceCheck {
  if (size === 0) return { ok: false, message: `Tệp "${filename}" rỗng.` };
  if (size > MAX_EVIDENCE_BYTES) return { ok: false, message: `Tệp "${filename}" vượt quá dung lượng cho phép (tối đa 20 MB).` };
  const dot = filename.lastIndexOf(".");
  const ext = dot > 0 ? filename.slice(dot + 1).toLowerCase() : "";
  const kind = KINDS.find((k) => k.ext.includes(ext));
  if (!kind) return { ok: false, message: `Tệp "${filename}" không đúng định dạng cho phép (${ALLOWED_EVIDENCE_EXTENSIONS.join(", ")}).` };
  const matches = kind.magic.some((m) => m.every((b, i) => head[i] === b));
  if (!matches) return { ok: false, message: `Nội dung tệp "${filename}" không đúng với định dạng .${ext}.` };
  return { ok: true, mimeType: kind.mime };
}

/** A file name safe to store and to send back in Content-Disposition. */
export function cleanFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "tep";
  const cleaned = base.normalize("NFC").replace(/[\u0000-\u001f"<>|:*?]/g, "_").trim();
  if (!cleaned) return "tep";
  if (cleaned.length <= 200) return cleaned;
  // Shortened, a long name keeps its extension: the file is judged by it.
  const dot = cleaned.lastIndexOf(".");
  const ext = dot > 0 && cleaned.length - dot <= 10 ? cleaned.slice(dot) : "";
  return cleaned.slice(0, 200 - ext.length).trimEnd() + ext;
}
