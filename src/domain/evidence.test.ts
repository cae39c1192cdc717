import { describe, expect, it } from "vitest";
import { ALLOWED_EVIDENCE_EXTENSIONS, checkEvidenceFile, cleanFilename, MAX_EVIDENCE_BYTES, MAX_EVIDENCE_FILES } from "./evidence.js";

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x34];
const ZIP = [0x50, 0x4b, 0x03, 0x04, 0x14, 0x00];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const JPG = [0xff, 0xd8, 0xff, 0xe0];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const head = (bytes: number[]) => new Uint8Array([...bytes, ...new Array(16 - bytes.length).fill(0)]);

describe("evidence files", () => {
  it("accepts each allowed kind when its first bytes match its extension, and names the type", () => {
    const ok: Array<[string, number[], string]> = [
      ["Quyet-dinh.pdf", PDF, "application/pdf"],
      ["Bao cao.DOCX", ZIP, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
      ["So lieu.xlsx", ZIP, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
      ["Van ban.odt", ZIP, "application/vnd.oasis.opendocument.text"],
      ["Bang.ods", ZIP, "application/vnd.oasis.opendocument.spreadsheet"],
      ["Cu.doc", OLE, "application/msword"],
      ["Cu.xls", OLE, "application/vnd.ms-excel"],
      ["Anh hop.jpg", JPG, "image/jpeg"],
      ["Anh hop.JPEG", JPG, "image/jpeg"],
      ["Chup man hinh.png", PNG, "image/png"],
    ];
    for (const [name, bytes, mime] of ok) expect(checkEvidenceFile(name, head(bytes), 1234), name).toEqual({ ok: true, mimeType: mime });
    expect(ALLOWED_EVIDENCE_EXTENSIONS).toEqual(["pdf", "docx", "xlsx", "odt", "ods", "doc", "xls", "jpg", "jpeg", "png"]);
  });

  it("refuses a file whose bytes do not match its extension, whatever the name says", () => {
    const png = checkEvidenceFile("Bao-cao.pdf", head(PNG), 5000);
    expect(png).toEqual({ ok: false, message: 'Nội dung tệp "Bao-cao.pdf" không đúng với định dạng .pdf.' });
    expect(checkEvidenceFile("Bang.xlsx", head(OLE), 5000).ok).toBe(false);
    expect(checkEvidenceFile("Cu.doc", head(ZIP), 5000).ok).toBe(false);
    // A file cut shorter than the signature does not match either.
    expect(checkEvidenceFile("Ngan.pdf", new Uint8Array([0x25, 0x50]), 2).ok).toBe(false);
  });

  it("refuses extensions outside the list with the list in the message", () => {
    const exe = checkEvidenceFile("setup.exe", head([0x4d, 0x5a]), 100);
    expect(exe.ok).toBe(false);
    expect(!exe.ok && exe.message).toBe('Tệp "setup.exe" không đúng định dạng cho phép (pdf, docx, xlsx, odt, ods, doc, xls, jpg, jpeg, png).');
    expect(checkEvidenceFile("bao-cao.pdf.exe", head(PDF), 100).ok).toBe(false);
    expect(checkEvidenceFile("khong-duoi", head(PDF), 100).ok).toBe(false);
  });

  it("refuses an empty file", () => {
    expect(checkEvidenceFile("Rong.pdf", new Uint8Array(0), 0)).toEqual({ ok: false, message: 'Tệp "Rong.pdf" rỗng.' });
  });

  it("accepts exactly 20 MB and refuses one byte more", () => {
    expect(MAX_EVIDENCE_BYTES).toBe(20 * 1024 * 1024);
    expect(MAX_EVIDENCE_FILES).toBe(5);
    expect(checkEvidenceFile("Lon.pdf", head(PDF), MAX_EVIDENCE_BYTES).ok).toBe(true);
    expect(checkEvidenceFile("Lon.pdf", head(PDF), MAX_EVIDENCE_BYTES + 1)).toEqual({ ok: false, message: 'Tệp "Lon.pdf" vượt quá dung lượng cho phép (tối đa 20 MB).' });
  });
});

describe("cleaning file names", () => {
  it("keeps Vietnamese names, composed (NFC)", () => {
    expect(cleanFilename("Báo cáo kết quả CCHC quý I.pdf")).toBe("Báo cáo kết quả CCHC quý I.pdf");
    const decomposed = "Quyết định.pdf".normalize("NFD");
    expect(cleanFilename(decomposed)).toBe("Quyết định.pdf".normalize("NFC"));
  });

  it("drops folders a browser or a zip may put in front", () => {
    expect(cleanFilename("C:\\Users\\Lan\\Desktop\\KH 12.docx")).toBe("KH 12.docx");
    expect(cleanFilename("../../etc/passwd.pdf")).toBe("passwd.pdf");
  });

  it("replaces characters that break headers or file systems", () => {
    expect(cleanFilename('Bao "cao"<1>|2:3*4?.pdf')).toBe("Bao _cao__1__2_3_4_.pdf");
    expect(cleanFilename("dong\r\nmoi.pdf")).toBe("dong__moi.pdf");
    expect(cleanFilename("  tep.pdf  ")).toBe("tep.pdf");
  });

  it("names a nameless file 'tep'", () => {
    expect(cleanFilename("")).toBe("tep");
    expect(cleanFilename("   ")).toBe("tep");
    expect(cleanFilename("thu-muc/")).toBe("tep");
  });

  it("shortens a long name to 200 characters and keeps its extension, so the file is still accepted", () => {
    const long = `Quyết định về việc ban hành Kế hoạch cải cách hành chính ${"rất dài ".repeat(40)}năm 2026.pdf`;
    const cleaned = cleanFilename(long);
    expect(cleaned.length).toBeLessThanOrEqual(200);
    expect(cleaned.endsWith(".pdf")).toBe(true);
    expect(cleaned.startsWith("Quyết định về việc")).toBe(true);
    expect(checkEvidenceFile(cleaned, head(PDF), 1000).ok).toBe(true);
  });
});
